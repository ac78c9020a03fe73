package integ

import "fmt"

// Response helpers build the result shapes that Step Functions' optimized
// service integrations return, so that ResultSelector and the paths of later
// states see what they would see in AWS.

func sdkMetadata() map[string]any {
	return map[string]any{
		"SdkHttpMetadata": map[string]any{
			"HttpHeaders":    map[string]any{"Content-Type": "application/json"},
			"HttpStatusCode": 200,
		},
		"SdkResponseMetadata": map[string]any{"RequestId": "00000000-0000-0000-0000-000000000000"},
	}
}

func withMetadata(fields map[string]any) map[string]any {
	out := sdkMetadata()
	for k, v := range fields {
		out[k] = v
	}
	return out
}

// LambdaResponse is the result of arn:aws:states:::lambda:invoke whose
// function returned payload: {"StatusCode": 200, "Payload": payload,
// "ExecutedVersion": "$LATEST", "SdkHttpMetadata": …, "SdkResponseMetadata": …}.
// (A Task whose Resource is the function ARN itself returns the payload alone.)
func LambdaResponse(payload any) map[string]any {
	return withMetadata(map[string]any{
		"StatusCode":      200,
		"Payload":         payload,
		"ExecutedVersion": "$LATEST",
	})
}

// SNSPublishResponse is the result of arn:aws:states:::sns:publish.
func SNSPublishResponse(messageID string) map[string]any {
	return withMetadata(map[string]any{"MessageId": messageID})
}

// SQSSendMessageResponse is the result of arn:aws:states:::sqs:sendMessage.
func SQSSendMessageResponse(messageID string) map[string]any {
	return withMetadata(map[string]any{
		"MessageId":        messageID,
		"MD5OfMessageBody": "d41d8cd98f00b204e9800998ecf8427e",
	})
}

// DynamoGetItemResponse is the result of arn:aws:states:::dynamodb:getItem;
// item is in DynamoDB attribute-value form ({"pk": {"S": "a"}}), nil for no item.
func DynamoGetItemResponse(item map[string]any) map[string]any {
	if item == nil {
		return withMetadata(map[string]any{})
	}
	return withMetadata(map[string]any{"Item": item})
}

// DynamoPutItemResponse is the result of arn:aws:states:::dynamodb:putItem
// (and updateItem, deleteItem) without ReturnValues.
func DynamoPutItemResponse() map[string]any { return withMetadata(map[string]any{}) }

// EventBridgePutEventsResponse is the result of arn:aws:states:::events:putEvents for n entries.
func EventBridgePutEventsResponse(n int) map[string]any {
	entries := make([]any, n)
	for i := range entries {
		entries[i] = map[string]any{"EventId": fmt.Sprintf("00000000-0000-0000-0000-%012d", i)}
	}
	return map[string]any{"Entries": entries, "FailedEntryCount": 0}
}

// StartExecutionResponse is the result of arn:aws:states:::states:startExecution
// (asynchronous) for the given child execution ARN.
func StartExecutionResponse(executionArn string) map[string]any {
	return withMetadata(map[string]any{
		"ExecutionArn": executionArn,
		"StartDate":    "2024-01-01T00:00:00.000Z",
	})
}

// StartExecutionSyncResponse is the result of
// arn:aws:states:::states:startExecution.sync:2 whose child execution
// succeeded with output (a JSON value; .sync without :2 would give it as text).
func StartExecutionSyncResponse(executionArn string, output any) map[string]any {
	return map[string]any{
		"ExecutionArn": executionArn,
		"Output":       output,
		"Status":       "SUCCEEDED",
		"StartDate":    "2024-01-01T00:00:00.000Z",
		"StopDate":     "2024-01-01T00:00:01.000Z",
	}
}
