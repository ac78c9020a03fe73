package engine

import (
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"
)

// The rest of sfn.Pass: each needs the CDK state.

func (p *lazyPass) AddBranch(a0 sfn.StateGraph) { p.cdk().AddBranch(a0) }
func (p *lazyPass) AddChoice(a0 sfn.Condition, a1 sfn.State, a2 *sfn.ChoiceTransitionOptions) {
	p.cdk().AddChoice(a0, a1, a2)
}
func (p *lazyPass) AddItemProcessor(a0 sfn.StateGraph, a1 *sfn.ProcessorConfig) {
	p.cdk().AddItemProcessor(a0, a1)
}
func (p *lazyPass) AddIterator(a0 sfn.StateGraph)                  { p.cdk().AddIterator(a0) }
func (p *lazyPass) AddPrefix(a0 *string)                           { p.cdk().AddPrefix(a0) }
func (p *lazyPass) Arguments() *map[string]interface{}             { return p.cdk().Arguments() }
func (p *lazyPass) Assign() *map[string]interface{}                { return p.cdk().Assign() }
func (p *lazyPass) BindToGraph(a0 sfn.StateGraph)                  { p.cdk().BindToGraph(a0) }
func (p *lazyPass) Branches() *[]sfn.StateGraph                    { return p.cdk().Branches() }
func (p *lazyPass) Comment() *string                               { return p.cdk().Comment() }
func (p *lazyPass) DefaultChoice() sfn.State                       { return p.cdk().DefaultChoice() }
func (p *lazyPass) EndStates() *[]sfn.INextable                    { return p.cdk().EndStates() }
func (p *lazyPass) InputPath() *string                             { return p.cdk().InputPath() }
func (p *lazyPass) Iteration() sfn.StateGraph                      { return p.cdk().Iteration() }
func (p *lazyPass) MakeDefault(a0 sfn.State)                       { p.cdk().MakeDefault(a0) }
func (p *lazyPass) MakeNext(a0 sfn.State)                          { p.cdk().MakeNext(a0) }
func (p *lazyPass) Node() constructs.Node                          { return p.cdk().Node() }
func (p *lazyPass) OutputPath() *string                            { return p.cdk().OutputPath() }
func (p *lazyPass) Outputs() *map[string]interface{}               { return p.cdk().Outputs() }
func (p *lazyPass) Parameters() *map[string]interface{}            { return p.cdk().Parameters() }
func (p *lazyPass) Processor() sfn.StateGraph                      { return p.cdk().Processor() }
func (p *lazyPass) ProcessorConfig() *sfn.ProcessorConfig          { return p.cdk().ProcessorConfig() }
func (p *lazyPass) ProcessorMode() sfn.ProcessorMode               { return p.cdk().ProcessorMode() }
func (p *lazyPass) QueryLanguage() sfn.QueryLanguage               { return p.cdk().QueryLanguage() }
func (p *lazyPass) RenderAssign(a0 sfn.QueryLanguage) interface{}  { return p.cdk().RenderAssign(a0) }
func (p *lazyPass) RenderBranches() interface{}                    { return p.cdk().RenderBranches() }
func (p *lazyPass) RenderChoices(a0 sfn.QueryLanguage) interface{} { return p.cdk().RenderChoices(a0) }
func (p *lazyPass) RenderInputOutput() interface{}                 { return p.cdk().RenderInputOutput() }
func (p *lazyPass) RenderItemProcessor() interface{}               { return p.cdk().RenderItemProcessor() }
func (p *lazyPass) RenderIterator() interface{}                    { return p.cdk().RenderIterator() }
func (p *lazyPass) RenderNextEnd() interface{}                     { return p.cdk().RenderNextEnd() }
func (p *lazyPass) RenderQueryLanguage(a0 sfn.QueryLanguage) interface{} {
	return p.cdk().RenderQueryLanguage(a0)
}
func (p *lazyPass) RenderResultSelector() interface{} { return p.cdk().RenderResultSelector() }
func (p *lazyPass) RenderRetryCatch(a0 sfn.QueryLanguage) interface{} {
	return p.cdk().RenderRetryCatch(a0)
}
func (p *lazyPass) ResultPath() *string                        { return p.cdk().ResultPath() }
func (p *lazyPass) ResultSelector() *map[string]interface{}    { return p.cdk().ResultSelector() }
func (p *lazyPass) SetDefaultChoice(a0 sfn.State)              { p.cdk().SetDefaultChoice(a0) }
func (p *lazyPass) SetIteration(a0 sfn.StateGraph)             { p.cdk().SetIteration(a0) }
func (p *lazyPass) SetProcessor(a0 sfn.StateGraph)             { p.cdk().SetProcessor(a0) }
func (p *lazyPass) SetProcessorConfig(a0 *sfn.ProcessorConfig) { p.cdk().SetProcessorConfig(a0) }
func (p *lazyPass) SetProcessorMode(a0 sfn.ProcessorMode)      { p.cdk().SetProcessorMode(a0) }
func (p *lazyPass) StartState() sfn.State                      { return p.cdk().StartState() }
func (p *lazyPass) StateId() *string                           { return p.cdk().StateId() }
func (p *lazyPass) StateName() *string                         { return p.cdk().StateName() }
func (p *lazyPass) ToStateJson(a0 sfn.QueryLanguage) *map[string]interface{} {
	return p.cdk().ToStateJson(a0)
}
func (p *lazyPass) ToString() *string                                  { return p.cdk().ToString() }
func (p *lazyPass) ValidateState() *[]*string                          { return p.cdk().ValidateState() }
func (p *lazyPass) WhenBoundToGraph(a0 sfn.StateGraph)                 { p.cdk().WhenBoundToGraph(a0) }
func (p *lazyPass) With(a0 ...constructs.IMixin) constructs.IConstruct { return p.cdk().With(a0...) }
