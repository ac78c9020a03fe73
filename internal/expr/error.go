package expr

import "fmt"

// SyntaxError reports why an expression is malformed and where.
type SyntaxError struct {
	What string // "JSONPath", "intrinsic function", "JSONata"
	Expr string
	Pos  int // byte offset into Expr
	Msg  string
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("invalid %s %q: %s at offset %d", e.What, e.Expr, e.Msg, e.Pos)
}
