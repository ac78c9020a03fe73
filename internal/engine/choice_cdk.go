package engine

import (
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"
)

// The rest of sfn.Choice: each needs the CDK state.

func (c *lazyChoice) AddBranch(a0 sfn.StateGraph) { c.cdk().AddBranch(a0) }
func (c *lazyChoice) AddChoice(a0 sfn.Condition, a1 sfn.State, a2 *sfn.ChoiceTransitionOptions) {
	c.cdk().AddChoice(a0, a1, a2)
}
func (c *lazyChoice) AddItemProcessor(a0 sfn.StateGraph, a1 *sfn.ProcessorConfig) {
	c.cdk().AddItemProcessor(a0, a1)
}
func (c *lazyChoice) AddIterator(a0 sfn.StateGraph)                  { c.cdk().AddIterator(a0) }
func (c *lazyChoice) AddPrefix(a0 *string)                           { c.cdk().AddPrefix(a0) }
func (c *lazyChoice) Afterwards(a0 *sfn.AfterwardsOptions) sfn.Chain { return c.cdk().Afterwards(a0) }
func (c *lazyChoice) Arguments() *map[string]interface{}             { return c.cdk().Arguments() }
func (c *lazyChoice) Assign() *map[string]interface{}                { return c.cdk().Assign() }
func (c *lazyChoice) BindToGraph(a0 sfn.StateGraph)                  { c.cdk().BindToGraph(a0) }
func (c *lazyChoice) Branches() *[]sfn.StateGraph                    { return c.cdk().Branches() }
func (c *lazyChoice) Comment() *string                               { return c.cdk().Comment() }
func (c *lazyChoice) DefaultChoice() sfn.State                       { return c.cdk().DefaultChoice() }
func (c *lazyChoice) EndStates() *[]sfn.INextable                    { return c.cdk().EndStates() }
func (c *lazyChoice) InputPath() *string                             { return c.cdk().InputPath() }
func (c *lazyChoice) Iteration() sfn.StateGraph                      { return c.cdk().Iteration() }
func (c *lazyChoice) MakeDefault(a0 sfn.State)                       { c.cdk().MakeDefault(a0) }
func (c *lazyChoice) MakeNext(a0 sfn.State)                          { c.cdk().MakeNext(a0) }
func (c *lazyChoice) Node() constructs.Node                          { return c.cdk().Node() }
func (c *lazyChoice) OutputPath() *string                            { return c.cdk().OutputPath() }
func (c *lazyChoice) Outputs() *map[string]interface{}               { return c.cdk().Outputs() }
func (c *lazyChoice) Parameters() *map[string]interface{}            { return c.cdk().Parameters() }
func (c *lazyChoice) Processor() sfn.StateGraph                      { return c.cdk().Processor() }
func (c *lazyChoice) ProcessorConfig() *sfn.ProcessorConfig          { return c.cdk().ProcessorConfig() }
func (c *lazyChoice) ProcessorMode() sfn.ProcessorMode               { return c.cdk().ProcessorMode() }
func (c *lazyChoice) QueryLanguage() sfn.QueryLanguage               { return c.cdk().QueryLanguage() }
func (c *lazyChoice) RenderAssign(a0 sfn.QueryLanguage) interface{}  { return c.cdk().RenderAssign(a0) }
func (c *lazyChoice) RenderBranches() interface{}                    { return c.cdk().RenderBranches() }
func (c *lazyChoice) RenderChoices(a0 sfn.QueryLanguage) interface{} {
	return c.cdk().RenderChoices(a0)
}
func (c *lazyChoice) RenderInputOutput() interface{}   { return c.cdk().RenderInputOutput() }
func (c *lazyChoice) RenderItemProcessor() interface{} { return c.cdk().RenderItemProcessor() }
func (c *lazyChoice) RenderIterator() interface{}      { return c.cdk().RenderIterator() }
func (c *lazyChoice) RenderNextEnd() interface{}       { return c.cdk().RenderNextEnd() }
func (c *lazyChoice) RenderQueryLanguage(a0 sfn.QueryLanguage) interface{} {
	return c.cdk().RenderQueryLanguage(a0)
}
func (c *lazyChoice) RenderResultSelector() interface{} { return c.cdk().RenderResultSelector() }
func (c *lazyChoice) RenderRetryCatch(a0 sfn.QueryLanguage) interface{} {
	return c.cdk().RenderRetryCatch(a0)
}
func (c *lazyChoice) ResultPath() *string                        { return c.cdk().ResultPath() }
func (c *lazyChoice) ResultSelector() *map[string]interface{}    { return c.cdk().ResultSelector() }
func (c *lazyChoice) SetDefaultChoice(a0 sfn.State)              { c.cdk().SetDefaultChoice(a0) }
func (c *lazyChoice) SetIteration(a0 sfn.StateGraph)             { c.cdk().SetIteration(a0) }
func (c *lazyChoice) SetProcessor(a0 sfn.StateGraph)             { c.cdk().SetProcessor(a0) }
func (c *lazyChoice) SetProcessorConfig(a0 *sfn.ProcessorConfig) { c.cdk().SetProcessorConfig(a0) }
func (c *lazyChoice) SetProcessorMode(a0 sfn.ProcessorMode)      { c.cdk().SetProcessorMode(a0) }
func (c *lazyChoice) StartState() sfn.State                      { return c.cdk().StartState() }
func (c *lazyChoice) StateId() *string                           { return c.cdk().StateId() }
func (c *lazyChoice) StateName() *string                         { return c.cdk().StateName() }
func (c *lazyChoice) ToStateJson(a0 sfn.QueryLanguage) *map[string]interface{} {
	return c.cdk().ToStateJson(a0)
}
func (c *lazyChoice) ToString() *string                                  { return c.cdk().ToString() }
func (c *lazyChoice) ValidateState() *[]*string                          { return c.cdk().ValidateState() }
func (c *lazyChoice) WhenBoundToGraph(a0 sfn.StateGraph)                 { c.cdk().WhenBoundToGraph(a0) }
func (c *lazyChoice) With(a0 ...constructs.IMixin) constructs.IConstruct { return c.cdk().With(a0...) }
