package tasks

import (
	"fmt"

	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/sfnkit/sfnkit/internal/engine"
	"github.com/sfnkit/sfnkit/internal/taskext"
)

// A SageMaker job task is a state of its own type, not engine's: its CDK
// class has a role, a grant principal, connections and security groups,
// and the resources it creates (the job role, a security group) are its
// children, with the CDK's construct IDs. They are created once the state
// exists; what the state renders of them (the role's ARN, the security
// group IDs) reaches its JSON through CDK Lazy values.

type smJobState struct {
	engine.TaskState
	*taskext.Job
}

type smRoleState struct {
	engine.TaskState
	*taskext.HasRole
}

// smJobTask is a job task with its CDK class's methods.
type smJobTask interface {
	Task
	awsec2.IConnectable
	awsiam.IGrantable
	Role() awsiam.IRole
	AddSecurityGroup(securityGroup awsec2.ISecurityGroup)
}

// smRoleTask is a task whose CDK class has a role and nothing more.
type smRoleTask interface {
	Task
	Role() awsiam.IRole
}

// newJobState renders b's task and creates it as a state of its own type,
// then what it owns: its role, its security group, and the binding of
// locations and images of the user's own types.
func (b *smBuilder) newJobState(scope constructs.Construct, id *string, props any) smJobTask {
	common, problems := engine.ReadCommon(props, b.spec.JobTimeout)
	r := engine.Prepare(scope, id, b.spec, common, problems)
	b.jsonata = common.JSONata
	x := &taskext.Job{HasRole: &taskext.HasRole{}, CreatedLast: b.sgLast}
	st := &smJobState{Job: x}
	r.Connections = x.Connections // the CDK's class is IConnectable
	st.Create(scope, id, r, st)
	x.Given = b.ownRole(st)
	if b.vpc != nil {
		x.Groups = append(x.Groups, b.vpc.groups...)
		if len(b.vpc.groups) == 0 {
			x.Created = awsec2.NewSecurityGroup(st, jsii.String(b.sgID), &awsec2.SecurityGroupProps{Vpc: b.vpc.vpc})
		}
		b.vpc.ids.produce = x.SecurityGroupIDs
	}
	for _, bind := range b.binds {
		bind(st)
	}
	return st
}

// newRoleState is newJobState for a task whose only extra is Role (a
// transform job): the role given, or one made on first use of Role().
func (b *smBuilder) newRoleState(scope constructs.Construct, id *string, props any, given awsiam.IRole, roleID string) smRoleTask {
	common, problems := engine.ReadCommon(props, b.spec.JobTimeout)
	r := engine.Prepare(scope, id, b.spec, common, problems)
	x := &taskext.HasRole{Given: given}
	st := &smRoleState{HasRole: x}
	st.Create(scope, id, r, st)
	if given == nil {
		x.Make = func() awsiam.IRole {
			return awsiam.NewRole(st, jsii.String(roleID), &awsiam.RoleProps{
				AssumedBy: awsiam.NewServicePrincipal(jsii.String("sagemaker.amazonaws.com"), nil)})
		}
	}
	return st
}

// pendingString is a CDK Lazy string whose value is set once the task's
// resources exist.
type pendingString struct {
	what  string
	value *string
}

func (l *pendingString) Produce() *string {
	if l.value == nil {
		panic(fmt.Sprintf("sfnkit: %s was never set", l.what))
	}
	return l.value
}

// lazyList is a CDK Lazy list read at synth.
type lazyList struct{ produce func() []*string }

func (l *lazyList) Produce() *[]*string {
	xs := l.produce()
	return &xs
}

// lazyAny is a CDK Lazy value read at synth.
type lazyAny struct{ produce func() any }

func (l *lazyAny) Produce() interface{} { return l.produce() }
