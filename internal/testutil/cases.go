package testutil

import (
	"dnn/internal/testutil/course"
	"flag"
	"os"
	"strings"
	"testing"

	"dnn/matrix"
)

// Outputs names matrices the way the notebook does ("Z", "dA_prev", "W1",
// ...): the arguments or the results of a call. A scalar such as the cost is
// a (1,1) matrix.
type Outputs map[string]*matrix.Dense

// Case runs the function under test on one fixture.
type Case struct {
	Fixture string // the name of its fixture (see course.Find), also the subtest's
	// Call is the call as failure messages show it, with the function
	// under test first: "LinearForward(A_prev, W, b)".
	Call string
	// Run calls the function on the fixture's inputs (see course.Fixture.Inputs)
	// and names its results as the fixture's Want does.
	Run func(in Outputs) (Outputs, error)
}

// RunCases runs each case as a subtest of t, on its fixture, and checks
//   - every expected output, within Atol + Rtol·|want|, saying for each that
//     it matched and by how much (go test -v) or, when it did not, the call,
//     the shapes, the first differing element, the largest difference and
//     what mistake the numbers point at (see the diagnosis in diagnose.go);
//   - that the call left its arguments unchanged.
//
// pkg is the step under test, e.g. "step02_forward". The first panic (an
// unfinished function, here or in an earlier step, or a runtime error) is
// reported once, in one line, as a failure of t itself, and the cases left
// are skipped. When t fails, the Examples of the function are skipped (see
// skipExamples), so that go test prints no expected block for them.
func RunCases(t *testing.T, pkg string, cases []Case) {
	t.Helper()
	broken := ""
	for _, tt := range cases {
		t.Run(tt.Fixture, func(t *testing.T) {
			t.Helper()
			if broken != "" {
				t.Skip("skipped: " + broken)
			}
			fx, ok := course.Find(pkg, tt.Fixture)
			if !ok {
				t.Fatalf("no fixture %q for %s in internal/testutil/course: run testdata/course/generate.py -write", tt.Fixture, pkg)
			}
			r := Run(pkg, fx, tt)
			if r.Panic != "" {
				broken = r.Panic
				if !strings.Contains(r.Panic, NotImplemented) {
					broken += " (case " + tt.Fixture + ")"
				}
				t.Skip(broken)
			}
			if Verbose() {
				t.Log(source(fx))
				for _, l := range r.Matched {
					t.Log(l)
				}
			}
			for _, msg := range r.Failures {
				t.Error(msg)
			}
		})
	}
	if broken != "" {
		t.Error(broken)
	}
	if t.Failed() {
		skipExamples(t)
	}
}

// Result is what one case of a table test found.
type Result struct {
	Panic    string   // the call panicked: what happened, in one line
	Failures []string // one message per failure: a wrong output, a changed argument, an error
	Matched  []string // one line per output that matched: "dW OK, max diff 2.8e-17"
}

// Run calls the case's function on the fixture fx and checks
//   - every expected output, within Atol + Rtol·|want|: when one does not
//     match, its message names the call, the shapes, the first differing
//     element, the largest difference and what mistake the numbers point at
//     (see diagnose.go);
//   - that the call left its arguments unchanged.
//
// pkg is the step under test, e.g. "step02_forward".
func Run(pkg string, fx course.Fixture, c Case) Result {
	args, names, err := fx.Inputs()
	if err != nil {
		return Result{Failures: []string{err.Error()}}
	}
	in := Outputs(args)
	before := make(Outputs, len(in))
	for name, m := range in {
		before[name] = m.Clone()
	}
	fn, _, _ := strings.Cut(c.Call, "(")
	got, err, msg := call(pkg, fn, func() (Outputs, error) { return c.Run(in) })
	switch {
	case msg != "":
		return Result{Panic: msg}
	case err != nil:
		return Result{Failures: []string{c.Call + " returned an error: " + err.Error()}}
	}
	return check(c.Call, fx, got, names, in, before)
}

// source says where a fixture comes from, for go test -v.
func source(fx course.Fixture) string {
	if fx.Course {
		return "the course's public case " + fx.Name + " (testdata/course/cases.json)"
	}
	return "case " + fx.Name + " (testdata/course/generate.py)"
}

// call runs f, turning a panic into a message for a learner.
func call(pkg, fn string, f func() (Outputs, error)) (out Outputs, err error, msg string) {
	defer func() {
		if r := recover(); r != nil {
			msg = explain(pkg, fn, r)
		}
	}()
	out, err = f()
	return out, err, ""
}

// Float returns the number named name, a (1,1) input such as the learning
// rate.
func (o Outputs) Float(name string) float64 { return o[name].At(0, 0) }

// Int returns the integer named name, such as a seed.
func (o Outputs) Int(name string) int { return int(o.Float(name)) }

// Ints returns the row named name as integers, such as the layer sizes.
func (o Outputs) Ints(name string) []int {
	_, n := o[name].Dims()
	out := make([]int, n)
	for j := range out {
		out[j] = int(o[name].At(0, j))
	}
	return out
}

// Get returns ms[i], or nil when ms has no entry i: a result with too few
// layers then reads as a missing output rather than a panic of the test.
func Get(ms []*matrix.Dense, i int) *matrix.Dense {
	if i < 0 || i >= len(ms) {
		return nil
	}
	return ms[i]
}

// GradeEnv is the environment variable the grader sets, to 1, for the
// tests it runs (exercise.GradeEnv).
const GradeEnv = "DNN_GRADE"

// Verbose reports whether go test runs with -v for a reader: then the tests
// say what matched and by how much. Under go test -json, or run by the
// grader (GradeEnv set), they say only what failed, so that a failure is
// the first line of its test's output.
func Verbose() bool {
	f := flag.Lookup("test.v")
	return testing.Verbose() && (f == nil || f.Value.String() != "test2json") && os.Getenv(GradeEnv) == ""
}
