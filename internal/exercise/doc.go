// Package exercise turns the step packages into exercises and grades them.
//
// Start rewrites the functions a learner writes (the course's graded
// functions, listed in Steps) into stubs: the signature and the doc comment
// stay, the body becomes
//
//	panic("step02_forward.LinearForward is not implemented yet: <hint>")
//
// where the hint is the "Hint:" sentence of the doc comment. Whatever would
// give the answer away goes too: unexported helpers that only the stubbed
// functions used are deleted, and the few exported functions built on the
// same code (Step.Given) get a plain body built on the exercises instead.
// Imports left unused are removed, so the package still compiles and its
// tests say, for each function, that it is not implemented yet.
//
// RunTests runs the steps' graded tests with go test -json and Grade maps
// every test to the function it checks (Func.Tests), giving one line per
// function: passed, or the first failure message. Stubs tells which
// functions of a step are still stubs.
package exercise
