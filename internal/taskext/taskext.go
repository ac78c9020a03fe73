// Package taskext holds the methods a task's CDK class has beyond a state
// (Role, GrantPrincipal, Connections, AddSecurityGroup), as types a task's
// own state type embeds. They are exported because jsii reflects on every
// type embedded in a struct it creates, and reflection cannot read an
// unexported one.
package taskext

import (
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
)

// HasRole is the Role() of a task.
type HasRole struct {
	// Given is the role given in props, or the one the task created.
	Given awsiam.IRole
	// Make makes the role on first use when none is given (nil: none).
	Make func() awsiam.IRole
}

// Role is the role the job runs as: the one given in props, or the one
// the task created.
func (x *HasRole) Role() awsiam.IRole {
	if x.Given == nil && x.Make != nil {
		x.Given = x.Make()
	}
	return x.Given
}

// Job is what a job task with a role and network interfaces has beyond a
// state: GrantPrincipal, Connections and AddSecurityGroup.
type Job struct {
	*HasRole
	conns awsec2.Connections
	// Created is the security group the task created, if any.
	Created awsec2.ISecurityGroup
	// Groups are the other security groups: given in props and added.
	Groups []awsec2.ISecurityGroup
	// CreatedLast renders the created group after the others.
	CreatedLast bool
}

// GrantPrincipal is the job's role.
func (x *Job) GrantPrincipal() awsiam.IPrincipal { return x.HasRole.Role() }

// Connections of the job's network interfaces: the security group the
// task created, as the CDK's.
func (x *Job) Connections() awsec2.Connections {
	if x.conns == nil {
		var groups []awsec2.ISecurityGroup
		if x.Created != nil {
			groups = append(groups, x.Created)
		}
		x.conns = awsec2.NewConnections(&awsec2.ConnectionsProps{SecurityGroups: &groups})
	}
	return x.conns
}

// AddSecurityGroup adds a security group to the job's VpcConfig (it has
// no effect without one).
func (x *Job) AddSecurityGroup(securityGroup awsec2.ISecurityGroup) {
	x.Groups = append(x.Groups, securityGroup)
}

// SecurityGroupIDs are the IDs a VpcConfig renders, read at synth.
func (x *Job) SecurityGroupIDs() []*string {
	groups := append([]awsec2.ISecurityGroup{}, x.Groups...)
	if x.Created != nil {
		if x.CreatedLast {
			groups = append(groups, x.Created)
		} else {
			groups = append([]awsec2.ISecurityGroup{x.Created}, groups...)
		}
	}
	ids := make([]*string, len(groups))
	for i, g := range groups {
		ids[i] = g.SecurityGroupId()
	}
	return ids
}
