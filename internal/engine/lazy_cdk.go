package engine

import (
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"
)

// The rest of sfn.CustomState: each needs the CDK state.

func (t *lazyTask) AddBranch(a0 sfn.StateGraph) { t.cdk().AddBranch(a0) }
func (t *lazyTask) AddChoice(a0 sfn.Condition, a1 sfn.State, a2 *sfn.ChoiceTransitionOptions) {
	t.cdk().AddChoice(a0, a1, a2)
}
func (t *lazyTask) AddItemProcessor(a0 sfn.StateGraph, a1 *sfn.ProcessorConfig) {
	t.cdk().AddItemProcessor(a0, a1)
}
func (t *lazyTask) AddIterator(a0 sfn.StateGraph)                  { t.cdk().AddIterator(a0) }
func (t *lazyTask) AddPrefix(a0 *string)                           { t.cdk().AddPrefix(a0) }
func (t *lazyTask) Arguments() *map[string]interface{}             { return t.cdk().Arguments() }
func (t *lazyTask) Assign() *map[string]interface{}                { return t.cdk().Assign() }
func (t *lazyTask) BindToGraph(a0 sfn.StateGraph)                  { t.cdk().BindToGraph(a0) }
func (t *lazyTask) Branches() *[]sfn.StateGraph                    { return t.cdk().Branches() }
func (t *lazyTask) Comment() *string                               { return t.cdk().Comment() }
func (t *lazyTask) DefaultChoice() sfn.State                       { return t.cdk().DefaultChoice() }
func (t *lazyTask) EndStates() *[]sfn.INextable                    { return t.cdk().EndStates() }
func (t *lazyTask) InputPath() *string                             { return t.cdk().InputPath() }
func (t *lazyTask) Iteration() sfn.StateGraph                      { return t.cdk().Iteration() }
func (t *lazyTask) MakeDefault(a0 sfn.State)                       { t.cdk().MakeDefault(a0) }
func (t *lazyTask) MakeNext(a0 sfn.State)                          { t.cdk().MakeNext(a0) }
func (t *lazyTask) Node() constructs.Node                          { return t.cdk().Node() }
func (t *lazyTask) OutputPath() *string                            { return t.cdk().OutputPath() }
func (t *lazyTask) Outputs() *map[string]interface{}               { return t.cdk().Outputs() }
func (t *lazyTask) Parameters() *map[string]interface{}            { return t.cdk().Parameters() }
func (t *lazyTask) Processor() sfn.StateGraph                      { return t.cdk().Processor() }
func (t *lazyTask) ProcessorConfig() *sfn.ProcessorConfig          { return t.cdk().ProcessorConfig() }
func (t *lazyTask) ProcessorMode() sfn.ProcessorMode               { return t.cdk().ProcessorMode() }
func (t *lazyTask) QueryLanguage() sfn.QueryLanguage               { return t.cdk().QueryLanguage() }
func (t *lazyTask) RenderAssign(a0 sfn.QueryLanguage) interface{}  { return t.cdk().RenderAssign(a0) }
func (t *lazyTask) RenderBranches() interface{}                    { return t.cdk().RenderBranches() }
func (t *lazyTask) RenderChoices(a0 sfn.QueryLanguage) interface{} { return t.cdk().RenderChoices(a0) }
func (t *lazyTask) RenderInputOutput() interface{}                 { return t.cdk().RenderInputOutput() }
func (t *lazyTask) RenderItemProcessor() interface{}               { return t.cdk().RenderItemProcessor() }
func (t *lazyTask) RenderIterator() interface{}                    { return t.cdk().RenderIterator() }
func (t *lazyTask) RenderNextEnd() interface{}                     { return t.cdk().RenderNextEnd() }
func (t *lazyTask) RenderQueryLanguage(a0 sfn.QueryLanguage) interface{} {
	return t.cdk().RenderQueryLanguage(a0)
}
func (t *lazyTask) RenderResultSelector() interface{} { return t.cdk().RenderResultSelector() }
func (t *lazyTask) RenderRetryCatch(a0 sfn.QueryLanguage) interface{} {
	return t.cdk().RenderRetryCatch(a0)
}
func (t *lazyTask) ResultPath() *string                        { return t.cdk().ResultPath() }
func (t *lazyTask) ResultSelector() *map[string]interface{}    { return t.cdk().ResultSelector() }
func (t *lazyTask) SetDefaultChoice(a0 sfn.State)              { t.cdk().SetDefaultChoice(a0) }
func (t *lazyTask) SetIteration(a0 sfn.StateGraph)             { t.cdk().SetIteration(a0) }
func (t *lazyTask) SetProcessor(a0 sfn.StateGraph)             { t.cdk().SetProcessor(a0) }
func (t *lazyTask) SetProcessorConfig(a0 *sfn.ProcessorConfig) { t.cdk().SetProcessorConfig(a0) }
func (t *lazyTask) SetProcessorMode(a0 sfn.ProcessorMode)      { t.cdk().SetProcessorMode(a0) }
func (t *lazyTask) StartState() sfn.State                      { return t.cdk().StartState() }
func (t *lazyTask) StateId() *string                           { return t.cdk().StateId() }
func (t *lazyTask) StateName() *string                         { return t.cdk().StateName() }
func (t *lazyTask) ToStateJson(a0 sfn.QueryLanguage) *map[string]interface{} {
	return t.cdk().ToStateJson(a0)
}
func (t *lazyTask) ToString() *string                                  { return t.cdk().ToString() }
func (t *lazyTask) ValidateState() *[]*string                          { return t.cdk().ValidateState() }
func (t *lazyTask) WhenBoundToGraph(a0 sfn.StateGraph)                 { t.cdk().WhenBoundToGraph(a0) }
func (t *lazyTask) With(a0 ...constructs.IMixin) constructs.IConstruct { return t.cdk().With(a0...) }
