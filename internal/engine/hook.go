package engine

import (
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	sfn "github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	cdkinit "github.com/aws/aws-cdk-go/awscdk/v2/jsii"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
	"github.com/aws/jsii-runtime-go/runtime"
)

// createState creates the CDK CustomState of a task rendered as r. task is
// a pointer to the task's struct, which embeds sfn.CustomState at base
// (still nil).
//
// What jsii creates is not the task but a hook: a struct whose only methods
// are the overrides r needs (WhenBoundToGraph for IAM statements; the
// protected stateName getter for a StateName, which the CDK's stateId reads
// with any prefixes; ValidateState for deferred problems) and the jsii
// interfaces the task implements (GrantPrincipal, Connections). jsii's Go
// runtime tests the type of every object created with overrides against
// every jsii interface of every loaded module, and each test walks the
// type's whole method set: for a struct embedding sfn.CustomState that
// costs about 3 ms, more than the CDK's own cost of a whole task. A hook has
// at most four methods.
//
// jsii registers the anonymous fields of the object it creates, and theirs,
// as aliases of the same object, so the task and its embedded CustomState
// proxy reach the CDK as the state created here. It looks for overrides
// only through anonymous pointers and interfaces, so the task, carried in
// an embedded struct, adds none. A state the CDK hands back is a plain
// proxy of the same object, not the task.
func createState(scope constructs.Construct, id *string, r *Rendered, task sfn.State, base *sfn.CustomState) {
	cdkinit.Initialize()
	runtime.InitJsiiProxy(base)
	_, grant := task.(awsiam.IGrantable)
	runtime.Create("aws-cdk-lib.aws_stepfunctions.CustomState", []any{scope, id, stateProps(r)},
		newHook(Carrier{task, r}, r.Name != "", len(r.Deferred) > 0, grant, r.Connections != nil))
}

// newHook picks the hook type with exactly the methods asked for. Tasks
// with deferred problems (CustomTask) implement no interface.
func newHook(c Carrier, named, checked, grant, conns bool) any {
	switch {
	case grant && conns && named:
		return &grantConnsNamedHook{c}
	case grant && conns:
		return &grantConnsHook{c}
	case grant && named:
		return &grantNamedHook{c}
	case grant:
		return &grantHook{c}
	case conns && named:
		return &connsNamedHook{c}
	case conns:
		return &connsHook{c}
	case named && checked:
		return &namedCheckedHook{c}
	case named:
		return &namedHook{c}
	case checked:
		return &checkedHook{c}
	case len(c.R.Statements) > 0:
		return &boundHook{c}
	}
	return &plainHook{c}
}

// Carrier holds the task, which jsii registers as an alias of the hook, and
// what it rendered. jsii reads the fields by reflection: they are exported.
type Carrier struct {
	Held
	R *Rendered
}

// Held is the task in a Carrier.
type Held = any

func (c Carrier) bind(graph sfn.StateGraph) {
	graph.RegisterState(c.Held.(sfn.State)) // what State.whenBoundToGraph does
	statementsFor(graph).add(c.R.Statements)
}

func (c Carrier) stateName() *string         { return jsii.String(c.R.Name) }
func (c Carrier) deferred() *[]*string       { return jsii.Strings(c.R.Deferred...) }
func (c Carrier) grantee() awsiam.IPrincipal { return c.Held.(awsiam.IGrantable).GrantPrincipal() }
func (c Carrier) conns() awsec2.Connections  { return c.Held.(awsec2.IConnectable).Connections() }

// plainHook overrides nothing: jsii never calls back into Go for the state.
type plainHook struct{ Carrier }

// IsSfnkitHook is no CustomState member: jsii refuses to create a Go object
// without a pointer-receiver method, which it takes for an override.
func (*plainHook) IsSfnkitHook() {}

type boundHook struct{ Carrier }

func (h *boundHook) WhenBoundToGraph(graph sfn.StateGraph) { h.bind(graph) }

type checkedHook struct{ Carrier }

func (h *checkedHook) WhenBoundToGraph(graph sfn.StateGraph) { h.bind(graph) }
func (h *checkedHook) ValidateState() *[]*string             { return h.deferred() }

type namedHook struct{ Carrier }

func (h *namedHook) WhenBoundToGraph(graph sfn.StateGraph) { h.bind(graph) }
func (h *namedHook) StateName() *string                    { return h.stateName() }

type namedCheckedHook struct{ Carrier }

func (h *namedCheckedHook) WhenBoundToGraph(graph sfn.StateGraph) { h.bind(graph) }
func (h *namedCheckedHook) StateName() *string                    { return h.stateName() }
func (h *namedCheckedHook) ValidateState() *[]*string             { return h.deferred() }

type grantHook struct{ Carrier }

func (h *grantHook) WhenBoundToGraph(graph sfn.StateGraph) { h.bind(graph) }
func (h *grantHook) GrantPrincipal() awsiam.IPrincipal     { return h.grantee() }

type grantNamedHook struct{ Carrier }

func (h *grantNamedHook) WhenBoundToGraph(graph sfn.StateGraph) { h.bind(graph) }
func (h *grantNamedHook) StateName() *string                    { return h.stateName() }
func (h *grantNamedHook) GrantPrincipal() awsiam.IPrincipal     { return h.grantee() }

type connsHook struct{ Carrier }

func (h *connsHook) WhenBoundToGraph(graph sfn.StateGraph) { h.bind(graph) }
func (h *connsHook) Connections() awsec2.Connections       { return h.conns() }

type connsNamedHook struct{ Carrier }

func (h *connsNamedHook) WhenBoundToGraph(graph sfn.StateGraph) { h.bind(graph) }
func (h *connsNamedHook) StateName() *string                    { return h.stateName() }
func (h *connsNamedHook) Connections() awsec2.Connections       { return h.conns() }

type grantConnsHook struct{ Carrier }

func (h *grantConnsHook) WhenBoundToGraph(graph sfn.StateGraph) { h.bind(graph) }
func (h *grantConnsHook) GrantPrincipal() awsiam.IPrincipal     { return h.grantee() }
func (h *grantConnsHook) Connections() awsec2.Connections       { return h.conns() }

type grantConnsNamedHook struct{ Carrier }

func (h *grantConnsNamedHook) WhenBoundToGraph(graph sfn.StateGraph) { h.bind(graph) }
func (h *grantConnsNamedHook) StateName() *string                    { return h.stateName() }
func (h *grantConnsNamedHook) GrantPrincipal() awsiam.IPrincipal     { return h.grantee() }
func (h *grantConnsNamedHook) Connections() awsec2.Connections       { return h.conns() }
