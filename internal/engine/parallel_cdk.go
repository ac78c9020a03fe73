package engine

import (
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"
)

// The rest of sfn.Parallel: each needs the CDK state.

func (p *lazyParallel) AddBranch(a0 sfn.StateGraph) { p.cdk().AddBranch(a0) }
func (p *lazyParallel) AddChoice(a0 sfn.Condition, a1 sfn.State, a2 *sfn.ChoiceTransitionOptions) {
	p.cdk().AddChoice(a0, a1, a2)
}
func (p *lazyParallel) AddItemProcessor(a0 sfn.StateGraph, a1 *sfn.ProcessorConfig) {
	p.cdk().AddItemProcessor(a0, a1)
}
func (p *lazyParallel) AddIterator(a0 sfn.StateGraph)         { p.cdk().AddIterator(a0) }
func (p *lazyParallel) AddPrefix(a0 *string)                  { p.cdk().AddPrefix(a0) }
func (p *lazyParallel) Arguments() *map[string]interface{}    { return p.cdk().Arguments() }
func (p *lazyParallel) Assign() *map[string]interface{}       { return p.cdk().Assign() }
func (p *lazyParallel) BindToGraph(a0 sfn.StateGraph)         { p.cdk().BindToGraph(a0) }
func (p *lazyParallel) Branches() *[]sfn.StateGraph           { return p.cdk().Branches() }
func (p *lazyParallel) Comment() *string                      { return p.cdk().Comment() }
func (p *lazyParallel) DefaultChoice() sfn.State              { return p.cdk().DefaultChoice() }
func (p *lazyParallel) EndStates() *[]sfn.INextable           { return p.cdk().EndStates() }
func (p *lazyParallel) InputPath() *string                    { return p.cdk().InputPath() }
func (p *lazyParallel) Iteration() sfn.StateGraph             { return p.cdk().Iteration() }
func (p *lazyParallel) MakeDefault(a0 sfn.State)              { p.cdk().MakeDefault(a0) }
func (p *lazyParallel) MakeNext(a0 sfn.State)                 { p.cdk().MakeNext(a0) }
func (p *lazyParallel) Node() constructs.Node                 { return p.cdk().Node() }
func (p *lazyParallel) OutputPath() *string                   { return p.cdk().OutputPath() }
func (p *lazyParallel) Outputs() *map[string]interface{}      { return p.cdk().Outputs() }
func (p *lazyParallel) Parameters() *map[string]interface{}   { return p.cdk().Parameters() }
func (p *lazyParallel) Processor() sfn.StateGraph             { return p.cdk().Processor() }
func (p *lazyParallel) ProcessorConfig() *sfn.ProcessorConfig { return p.cdk().ProcessorConfig() }
func (p *lazyParallel) ProcessorMode() sfn.ProcessorMode      { return p.cdk().ProcessorMode() }
func (p *lazyParallel) QueryLanguage() sfn.QueryLanguage      { return p.cdk().QueryLanguage() }
func (p *lazyParallel) RenderAssign(a0 sfn.QueryLanguage) interface{} {
	return p.cdk().RenderAssign(a0)
}
func (p *lazyParallel) RenderBranches() interface{} { return p.cdk().RenderBranches() }
func (p *lazyParallel) RenderChoices(a0 sfn.QueryLanguage) interface{} {
	return p.cdk().RenderChoices(a0)
}
func (p *lazyParallel) RenderInputOutput() interface{}   { return p.cdk().RenderInputOutput() }
func (p *lazyParallel) RenderItemProcessor() interface{} { return p.cdk().RenderItemProcessor() }
func (p *lazyParallel) RenderIterator() interface{}      { return p.cdk().RenderIterator() }
func (p *lazyParallel) RenderNextEnd() interface{}       { return p.cdk().RenderNextEnd() }
func (p *lazyParallel) RenderQueryLanguage(a0 sfn.QueryLanguage) interface{} {
	return p.cdk().RenderQueryLanguage(a0)
}
func (p *lazyParallel) RenderResultSelector() interface{} { return p.cdk().RenderResultSelector() }
func (p *lazyParallel) RenderRetryCatch(a0 sfn.QueryLanguage) interface{} {
	return p.cdk().RenderRetryCatch(a0)
}
func (p *lazyParallel) ResultPath() *string                        { return p.cdk().ResultPath() }
func (p *lazyParallel) ResultSelector() *map[string]interface{}    { return p.cdk().ResultSelector() }
func (p *lazyParallel) SetDefaultChoice(a0 sfn.State)              { p.cdk().SetDefaultChoice(a0) }
func (p *lazyParallel) SetIteration(a0 sfn.StateGraph)             { p.cdk().SetIteration(a0) }
func (p *lazyParallel) SetProcessor(a0 sfn.StateGraph)             { p.cdk().SetProcessor(a0) }
func (p *lazyParallel) SetProcessorConfig(a0 *sfn.ProcessorConfig) { p.cdk().SetProcessorConfig(a0) }
func (p *lazyParallel) SetProcessorMode(a0 sfn.ProcessorMode)      { p.cdk().SetProcessorMode(a0) }
func (p *lazyParallel) StartState() sfn.State                      { return p.cdk().StartState() }
func (p *lazyParallel) StateId() *string                           { return p.cdk().StateId() }
func (p *lazyParallel) StateName() *string                         { return p.cdk().StateName() }
func (p *lazyParallel) ToStateJson(a0 sfn.QueryLanguage) *map[string]interface{} {
	return p.cdk().ToStateJson(a0)
}
func (p *lazyParallel) ToString() *string                  { return p.cdk().ToString() }
func (p *lazyParallel) ValidateState() *[]*string          { return p.cdk().ValidateState() }
func (p *lazyParallel) WhenBoundToGraph(a0 sfn.StateGraph) { p.cdk().WhenBoundToGraph(a0) }
func (p *lazyParallel) With(a0 ...constructs.IMixin) constructs.IConstruct {
	return p.cdk().With(a0...)
}
