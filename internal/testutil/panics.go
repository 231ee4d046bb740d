package testutil

import (
	"flag"
	"fmt"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

// NotImplemented is the phrase an exercise stub panics with, as in
// "step02_forward.LinearForward is not implemented yet: Z = W·A + b".
const NotImplemented = " is not implemented yet"

// Guard, deferred at the top of a test that calls the step functions
// itself (outside RunCases), turns a panic into one failure message, in the
// words of Explain, instead of a stack trace:
//
//	defer testutil.Guard(t, "step06_model")
//
// An unfinished function (a stub, here or in an earlier step) skips the
// test instead: the function's own table test reports it.
func Guard(t testing.TB, pkg string) {
	if r := recover(); r != nil {
		t.Helper()
		msg := explain(pkg, "", r)
		if strings.Contains(msg, NotImplemented) {
			t.Skip(msg)
		}
		t.Error(msg)
	}
}

// PrintPanic, deferred at the top of an Example, prints a panic as one line
// in the words of Explain, so that the example fails by printing that line
// instead of with a stack trace:
//
//	defer testutil.PrintPanic("step02_forward")
func PrintPanic(pkg string) {
	if r := recover(); r != nil {
		fmt.Println(explain(pkg, "", r))
	}
}

// Explain turns a value recovered from a panic into one line for a
// learner, when called from the deferred function that recovered it. pkg is
// the step under test. A stub of that step reads as it is ("… is not
// implemented yet: …"); a stub of another step becomes "finish that step
// first"; any other panic is given with the place it happened in the steps'
// code, the first frame of the stack in a step's source file:
//
//	the call panicked at step02_forward/forward.go:97: runtime error: index out of range [4] with length 4
func Explain(pkg string, r any) string { return explain(pkg, "", r) }

// explain is Explain for the function fn of pkg ("" when not known).
func explain(pkg, fn string, r any) string {
	s := fmt.Sprint(r)
	caller := fn
	if caller == "" {
		caller = pkg
	}
	if i := strings.Index(s, NotImplemented); i >= 0 {
		stub := s[:i] // "step02_forward.LinearForward"
		step, name, _ := strings.Cut(stub, ".")
		switch {
		case step != pkg:
			return fmt.Sprintf("%s calls %s, which is not implemented yet: finish %s first (go test ./%s)", caller, stub, step, step)
		case fn != "" && name != fn:
			return fmt.Sprintf("%s calls %s, which is not implemented yet: write %s first", fn, name, name)
		}
		return s
	}
	if fn == "" {
		fn = "the call"
	}
	if site := panicSite(); site != "" {
		return fmt.Sprintf("%s panicked at %s: %s", fn, site, s)
	}
	return fmt.Sprintf("%s panicked: %s", fn, s)
}

var stepDir = regexp.MustCompile(`^step\d\d_`)

// panicSite returns the innermost frame of the panicking stack that lies in
// a step's source (not a test file), as "step02_forward/forward.go:97", or
// "". It must run inside the deferred function that recovers: the frames of
// the panic are still on the stack then.
func panicSite() string {
	pcs := make([]uintptr, 100)
	frames := runtime.CallersFrames(pcs[:runtime.Callers(1, pcs)])
	for {
		f, more := frames.Next()
		if site := stepSite(f.File, f.Line); site != "" {
			return site
		}
		if !more {
			return ""
		}
	}
}

// stepSite returns "step02_forward/forward.go:97" for a line of a step's
// source file, and "" for any other file, a test file included.
func stepSite(file string, line int) string {
	dir := filepath.Base(filepath.Dir(file))
	if !stepDir.MatchString(dir) || strings.HasSuffix(file, "_test.go") {
		return ""
	}
	return dir + "/" + filepath.Base(file) + ":" + strconv.Itoa(line)
}

// skipExamples makes go test skip the Examples of the function that the
// failed test t checks (ExampleLinearForward for TestLinearForward): t's
// message already says what is wrong, and a failing Example would print its
// whole expected output. It adds them to the -test.skip pattern, which go
// test reads when it starts the Examples, after every test has run.
func skipExamples(t *testing.T) {
	t.Helper()
	top, _, _ := strings.Cut(t.Name(), "/")
	fn, ok := strings.CutPrefix(top, "Test")
	f := flag.Lookup("test.skip")
	if !ok || f == nil {
		return
	}
	name := regexp.QuoteMeta("Example" + fn)
	pattern := "^" + name + "$|^" + name + "_"
	if old := f.Value.String(); old != "" {
		pattern = old + "|" + pattern
	}
	if f.Value.Set(pattern) == nil && Verbose() {
		t.Logf("Example%s is skipped until this test passes", fn)
	}
}

// Catch runs f and returns "" or, if it panicked, the panic in the words of
// Explain. A caller may tell an unfinished function by NotImplemented in
// the message.
func Catch(pkg string, f func()) (msg string) {
	defer func() {
		if r := recover(); r != nil {
			msg = explain(pkg, "", r)
		}
	}()
	f()
	return ""
}
