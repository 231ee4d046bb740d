package testutil

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"dnn/matrix"
)

// Outputs names the results of one call the way the notebook does ("Z",
// "dA_prev", "W1", ...). A scalar such as the cost is a (1,1) matrix.
type Outputs map[string]*matrix.Dense

// Case is one of the course's public test cases: Run draws the inputs as the
// case says and calls the function under test; Want holds the expected
// outputs, from the course (see each table's comment).
type Case struct {
	Name string
	Run  func() Outputs
	Want Outputs
}

// NotImplemented is the phrase an exercise stub panics with, as in
// "step02_forward.LinearForward is not implemented yet: Z = W·A + b".
const NotImplemented = " is not implemented yet"

// RunCases runs each case as a subtest of t and compares every expected
// output within Atol. pkg is the step under test (e.g. "step02_forward"); a
// stub of an earlier step met on the way is reported as "finish that step
// first". A panic never escapes as a stack trace: it becomes one failure
// message.
func RunCases(t *testing.T, pkg string, cases []Case) {
	t.Helper()
	for _, tt := range cases {
		t.Run(tt.Name, func(t *testing.T) {
			got, msg := call(pkg, tt.Run)
			if msg != "" {
				t.Fatal(msg)
			}
			names := make([]string, 0, len(tt.Want))
			for name := range tt.Want {
				names = append(names, name)
			}
			slices.Sort(names)
			for _, name := range names {
				CheckMatrix(t, name, got[name], tt.Want[name])
			}
			for name := range got {
				if _, ok := tt.Want[name]; !ok {
					t.Errorf("got %s, which the case does not expect", name)
				}
			}
		})
	}
}

// call runs f, turning a panic into a message for a learner.
func call(pkg string, f func() Outputs) (out Outputs, msg string) {
	defer func() {
		if r := recover(); r != nil {
			msg = Explain(pkg, r)
		}
	}()
	return f(), ""
}

// Explain turns a recovered panic value into one message: which function is
// not implemented yet (and, if it belongs to another step, to finish that
// step first), or what went wrong.
func Explain(pkg string, r any) string {
	s := fmt.Sprint(r)
	i := strings.Index(s, NotImplemented)
	if i < 0 {
		return fmt.Sprintf("the call panicked: %s", s)
	}
	fn := s[:i]
	if step, _, ok := strings.Cut(fn, "."); ok && step != pkg {
		return fmt.Sprintf("%s calls %s, which is not implemented yet: finish %s first (go test ./%s)", pkg, fn, step, step)
	}
	return s
}
