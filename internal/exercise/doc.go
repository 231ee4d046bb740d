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
// functions used are deleted. Imports left unused are removed, so the
// package still compiles and its tests say, for each function, that it is
// not implemented yet. Before it writes anything, StartSteps makes sure
// that no work of the learner's can be lost (CheckUntouched) and keeps the
// reference under a git ref (ReferenceRef), from which Diff compares and
// Reset brings stubs back.
//
// RunTests grades the steps whatever state they are in: it builds their
// tests once, then runs the tests of each function (Func.Tests) on their
// own, within a time and an output limit, and gives one line per function:
// passed, or every failure message. Hints holds the tiers of hints of every
// function, which NextHint reveals one at a time; Watch re-grades a step on
// every save.
package exercise
