package exercise

import (
	"slices"
	"strings"
	"testing"
)

// The outputs below are as test binaries run with -test.v print them, in a
// project at /p.
const (
	subtestFailures = `=== RUN   TestX
=== RUN   TestX/f
    cases.go:40: dW (3,4) differs from the expected value: first difference at (0,0)
        got:  1
        want: 2
    cases.go:40: db has shape (1,4), want (3,1)
        got:
        [[1 2 3 4]]
learner's own print
=== RUN   TestX/g_1
--- FAIL: TestX (0.00s)
    --- FAIL: TestX/f (0.00s)
    --- PASS: TestX/g_1 (0.00s)
FAIL
`
	exampleFailure = `=== RUN   ExampleF
--- FAIL: ExampleF (0.00s)
got:
A = [[1.]]
B = 3
want:
A = [[1.]]
B = 2
FAIL
`
	escapedPanic = `=== RUN   TestX
=== RUN   TestX/f
--- FAIL: TestX (0.00s)
    --- FAIL: TestX/f (0.00s)
panic: runtime error: index out of range [4] with length 4 [recovered, repanicked]

goroutine 8 [running]:
testing.tRunner.func1.2({0x582920, 0x332bef6e6060})
	/usr/local/go/src/testing/testing.go:1974 +0x232
panic({0x582920?, 0x332bef6e6060?})
	/usr/local/go/src/runtime/panic.go:860 +0x13a
dnn/matrix.(*Dense).At(...)
	/p/matrix/dense.go:80
dnn/step02_forward.LinearForward(0x1, 0x2, 0x3)
	/p/step02_forward/forward.go:97 +0x4b
dnn/step02_forward.init.func2()
	/p/step02_forward/forward_test.go:36 +0xa7
testing.tRunner(0x332bef6e4908, 0x5a2190)
	/usr/local/go/src/testing/testing.go:2036 +0xea
`
	quitDump = `=== RUN   TestX
=== RUN   TestX/f
SIGQUIT: quit
PC=0x48bc37 m=1 sigcode=0

goroutine 1 gp=0x35e14f5a41e0 m=nil [chan receive]:
dnn/step02_forward.TestX(0x1)
	/p/step02_forward/forward_test.go:97 +0x34 fp=0x1 sp=0x2 pc=0x3
goroutine 7 gp=0x1 m=0 mp=0x2 [running]:
dnn/step02_forward.LinearForward(...)
	/p/step02_forward/forward.go:62
dnn/step02_forward.LinearActivationForward(...)
	/p/step02_forward/forward.go:72
`
)

func TestParseTestOutput(t *testing.T) {
	tests := []struct {
		name, out, pattern string
		want               []string // the failures
		ran                bool
		crash              string // crashMessage, "" if none
	}{
		{"every failing quantity of a subtest", subtestFailures, "TestX/f",
			[]string{"dW (3,4) differs from the expected value: first difference at (0,0)", "db has shape (1,4), want (3,1)"}, true, ""},
		{"a passing subtest", subtestFailures, "TestX/g*", nil, true, ""},
		{"a test that did not run", subtestFailures, "TestX/h", nil, false, ""},
		{"every subtest", subtestFailures, "TestX/*",
			[]string{"dW (3,4) differs from the expected value: first difference at (0,0)", "db has shape (1,4), want (3,1)"}, true, ""},
		{"a test and its subtests", subtestFailures, "TestX",
			[]string{"dW (3,4) differs from the expected value: first difference at (0,0)", "db has shape (1,4), want (3,1)"}, true, ""},
		{"an example's first wrong line", exampleFailure, "ExampleF",
			[]string{`the example printed "B = 3" on line 2, want "B = 2"`}, true, ""},
		{"a panic that escaped the test's helpers", escapedPanic, "TestX/f", nil, true,
			"LinearForward panicked at step02_forward/forward.go:97: runtime error: index out of range [4] with length 4"},
		{"the goroutines when the time ran out", quitDump, "TestX/f", nil, true, "LinearForward panicked at step02_forward/forward.go:62: SIGQUIT: quit"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := parseTestOutput(tt.out, "/p")
			got, ran := r.failures(tt.pattern)
			if !slices.Equal(got, tt.want) || ran != tt.ran {
				t.Errorf("failures(%q) = %q, %v; want %q, %v", tt.pattern, got, ran, tt.want, tt.ran)
			}
			crash := ""
			if r.crash != "" {
				crash = r.crashMessage()
			}
			if crash != tt.crash {
				t.Errorf("crashMessage() = %q, want %q", crash, tt.crash)
			}
		})
	}
}

func TestRunRegexp(t *testing.T) {
	for _, tt := range []struct{ pattern, want string }{
		{"TestStep02Forward/linear_forward", `^TestStep02Forward$/^linear_forward$`},
		{"TestModelsSmall/two_layer_model*", `^TestModelsSmall$/^two_layer_model`},
		{"TestStep01Init/initialize_parameters_deep_(application*", `^TestStep01Init$/^initialize_parameters_deep_\(application`},
		{"ExampleSigmoid", `^ExampleSigmoid$`},
		{"TestLinearForward/*", `^TestLinearForward$/^`},
	} {
		if got := runRegexp(tt.pattern); got != tt.want {
			t.Errorf("runRegexp(%q) = %q, want %q", tt.pattern, got, tt.want)
		}
	}
}

func TestUnfinished(t *testing.T) {
	for _, tt := range []struct {
		r        any
		step, fn string
	}{
		{"step04_backward.LModelBackward is not implemented yet: a hint", "step04_backward", "LModelBackward"},
		{"step06_model calls step04_backward.LModelBackward, which is not implemented yet: finish it", "step04_backward", "LModelBackward"},
		{"runtime error: index out of range", "", ""},
		{"other.F is not implemented yet", "", ""},
	} {
		step, fn, ok := Unfinished(tt.r)
		if step != tt.step || fn != tt.fn || ok != (tt.step != "") {
			t.Errorf("Unfinished(%q) = %q, %q, %v; want %q, %q", tt.r, step, fn, ok, tt.step, tt.fn)
		}
	}
	msg, ok := FinishFirst("step04_backward.LModelBackward is not implemented yet: a hint")
	if !ok || !strings.Contains(msg, "finish step04_backward first (go test ./step04_backward)") {
		t.Errorf("FinishFirst = %q, %v", msg, ok)
	}
}
