// Package cases are the parity cases, written for sfnkit. Do not import
// anything from sfnkit here but its tasks package: package cdkcases is this
// package with that one import changed.
package cases

import "github.com/sfnkit/sfnkit/internal/parity"

// All are the cases, in the order they were added.
var All []parity.Case

func add(cases ...parity.Case) { All = append(All, cases...) }
