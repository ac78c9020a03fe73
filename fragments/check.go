package fragments

import (
	"fmt"
	"reflect"

	"github.com/aws/constructs-go/constructs/v10"

	"github.com/sfnkit/sfnkit/internal/engine"
	"github.com/sfnkit/sfnkit/internal/expr"
	"github.com/sfnkit/sfnkit/internal/value"
)

// checkStateProps checks the CDK state props NewChoice, NewParallel,
// NewPass, NewMap, NewDistributedMap and NewWait take before the CDK (or sfnkit's renderer) reads them: paths must
// be JSONPaths (ResultPath a reference path or DISCARD), and numbers
// finite, as jsii cannot carry NaN or ±Inf. Problems panic as one
// *ValidationError, as task constructors do.
func checkStateProps(construct string, scope constructs.Construct, id *string, props any) {
	rv := reflect.ValueOf(props)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return
	}
	rv = rv.Elem()
	var problems []error
	path := func(field string, reference bool) {
		f := rv.FieldByName(field)
		if !f.IsValid() || f.IsNil() {
			return
		}
		s := *f.Interface().(*string)
		if value.IsTokenString(s) || (reference && (s == engine.Discard || engine.IsDiscardToken(s))) {
			return
		}
		check := expr.ParsePath
		if reference {
			check = expr.ParseReferencePath
		}
		if err := check(s); err != nil {
			problems = append(problems, fmt.Errorf("%s: %v", field, err))
		}
	}
	path("InputPath", false)
	path("OutputPath", false)
	path("ResultPath", true)
	path("ItemsPath", false)          // Map, DistributedMap
	path("MaxConcurrencyPath", false) // Map, DistributedMap
	if f := rv.FieldByName("DefinitionSubstitutions"); f.IsValid() && !f.IsNil() {
		for k, v := range *f.Interface().(*map[string]*string) {
			if v == nil {
				problems = append(problems, fmt.Errorf("DefinitionSubstitutions.%s: is nil; give a string", k))
			}
		}
	}
	for _, field := range []string{"Parameters", "ResultSelector", "Result", "Assign", "Outputs", "Arguments", "ItemSelector"} {
		if f := rv.FieldByName(field); f.IsValid() && !f.IsZero() {
			problems = append(problems, value.NonFinite(field, f.Interface())...)
		}
	}
	if len(problems) > 0 {
		where := *id
		if scope != nil {
			where = *scope.Node().Path() + "/" + *id
		}
		panic(&engine.ValidationError{Construct: construct, Path: where, Problems: problems})
	}
}

// asValidationError turns a CDK exception thrown while a CDK construct is
// made from props the user gave (a state machine name the CDK rejects) into
// sfnkit's ValidationError naming the construct; deferred by constructors
// that hand props to the CDK.
func asValidationError(construct string, scope constructs.Construct, id *string) {
	p := recover()
	if p == nil {
		return
	}
	if _, ours := p.(*engine.ValidationError); ours {
		panic(p)
	}
	where := ""
	if id != nil {
		where = *id
	}
	if scope != nil {
		where = *scope.Node().Path() + "/" + where
	}
	panic(&engine.ValidationError{Construct: construct, Path: where, Problems: []error{fmt.Errorf("props: %v", p)}})
}
