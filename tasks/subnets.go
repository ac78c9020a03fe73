package tasks

import (
	"fmt"

	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
)

// subnetTypes are the values of awsec2.SubnetType.
var subnetTypes = map[awsec2.SubnetType]bool{
	awsec2.SubnetType_PRIVATE_ISOLATED: true, awsec2.SubnetType_PRIVATE_WITH_EGRESS: true,
	awsec2.SubnetType_PRIVATE_WITH_NAT: true, awsec2.SubnetType_PUBLIC: true,
}

// selectSubnets asks the VPC for the subnets of a selection, checking the
// subnet type first: the CDK cannot even read one that does not exist.
func selectSubnets(vpc awsec2.IVpc, sel *awsec2.SubnetSelection) ([]*string, error) {
	if sel != nil && sel.SubnetType != "" && !subnetTypes[sel.SubnetType] {
		return nil, fmt.Errorf("SubnetType %q is not an awsec2.SubnetType (use awsec2.SubnetType_PRIVATE_WITH_EGRESS, _PRIVATE_ISOLATED or _PUBLIC)", sel.SubnetType)
	}
	var ids []*string
	err := catchPanic(func() { ids = *vpc.SelectSubnets(sel).SubnetIds })
	return ids, err
}
