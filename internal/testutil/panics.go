package testutil

import (
	"fmt"
	"testing"
)

// Guard, deferred at the top of a test that calls the step functions
// itself (outside RunCases), turns a panic into one failure message, in the
// words of Explain, instead of a stack trace:
//
//	defer testutil.Guard(t, "step06_model")
func Guard(t testing.TB, pkg string) {
	if r := recover(); r != nil {
		t.Helper()
		t.Error(Explain(pkg, r))
	}
}

// PrintPanic, deferred at the top of an Example, prints a panic as one line
// in the words of Explain, so that the example fails by printing that line
// instead of with a stack trace:
//
//	defer testutil.PrintPanic("step02_forward")
func PrintPanic(pkg string) {
	if r := recover(); r != nil {
		fmt.Println(Explain(pkg, r))
	}
}
