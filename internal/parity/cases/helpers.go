package cases

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/jsii-runtime-go"
)

func awscdkSeconds(n float64) awscdk.Duration { return awscdk.Duration_Seconds(jsii.Number(n)) }
