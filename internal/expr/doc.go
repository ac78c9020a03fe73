// Package expr parses and validates the expressions a Step Functions state
// can carry in a field: JSONPath paths ("$.a.b", "$$.Task.Token"), intrinsic
// functions ("States.Format('x-{}', $.id)") and JSONata ("{% $states.input %}").
//
// It knows nothing of the CDK and never evaluates an expression: it only
// decides whether AWS would accept one, and what it refers to.
package expr
