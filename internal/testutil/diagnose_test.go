package testutil

import (
	"dnn/internal/testutil/course"
	"flag"
	"math"
	"strings"
	"testing"

	"dnn/matrix"
)

// TestDiagnose checks each signature of diagnose.go on made-up numbers,
// apart from the course's cases of TestMistakes: got against want, with the
// arguments and factors given.
func TestDiagnose(t *testing.T) {
	want := matrix.FromRows([][]float64{{1, -2, 3}, {0.5, 4, -1}})
	col := matrix.FromRows([][]float64{{1}, {2}, {3}})
	dX := matrix.FromRows([][]float64{{1, 1, 2}, {0, 3, 1}})
	square := matrix.FromRows([][]float64{{1, 2}, {3, 4}})
	tests := []struct {
		name      string
		got, want *matrix.Dense
		kind      course.Kind
		args      Outputs
		factors   []course.Factor
		says      string
	}{
		{"k = 2", matrix.Scale(2, want), want, "", nil, nil, "X is exactly 2 times the expected value"},
		{"k = 1/2", matrix.Scale(0.5, want), want, "", nil, nil, "X is exactly 1/2 of the expected value"},
		{"k = -1", matrix.Scale(-1, want), want, "", nil, nil, "X has the wrong sign"},
		{"k = 0.01", matrix.Scale(0.01, want), want, "", nil, nil, "X is exactly 0.01 times the expected value"},
		{"k = m", matrix.Scale(5, want), want, "", nil, []course.Factor{{Name: "m", Value: 5}}, "X is exactly m = 5 times the expected value: did you forget the 1/m?"},
		{"k = -m", matrix.Scale(-5, want), want, "", nil, []course.Factor{{Name: "m", Value: 5}}, "X is exactly -m = -5 times the expected value"},
		{"k = 2m", matrix.Scale(10, want), want, "", nil, []course.Factor{{Name: "m", Value: 5}}, "X is exactly 2m = 10 times the expected value"},
		{"k = 2.5", matrix.Scale(2.5, want), want, "", nil, nil, "X is 2.5 times the expected value everywhere: a constant factor is wrong"},
		{"1 - want", matrix.Sub(matrix.Scalar(1), want), want, "", nil, nil, "X is 1 - the expected value"},
		{"transposed values", matrix.FromRows([][]float64{{1, 3}, {2, 4}}), square, "", nil, nil, "X holds the expected value transposed"},
		{"transposed shape", matrix.FromRows([][]float64{{1, 0.5}, {-2, 4}, {3, -1}}), want, "", nil, nil, "X has shape (3,2), want (2,3): transposed?"},
		{"a row for a column", matrix.FromRows([][]float64{{1, 2, 3}}), col, "", nil, nil, "X has shape (1,3), want (3,1): transposed?"},
		{"summed over axis 0", matrix.FromRows([][]float64{{1, 2, 3, 4}}), col, "", nil, []course.Factor{{Name: "m", Value: 4}}, "you summed over axis 0"},
		{"the shape of an argument", matrix.Zeros(3, 4), col, "", Outputs{"dZ": matrix.Zeros(3, 4)}, nil, "X has shape (3,4), want (3,1): the shape of the argument dZ"},
		{"NaN", matrix.FromRows([][]float64{{1, math.NaN(), 3}, {0.5, 4, -1}}), want, "", nil, nil, "X holds NaN at (0,1)"},
		{"-Inf", matrix.FromRows([][]float64{{1, -2, math.Inf(-1)}, {0.5, 4, -1}}), want, "", nil, nil, "X holds -Inf at (0,2): the log of 0"},
		{"an argument unchanged", matrix.FromRows([][]float64{{7, 8, 9}, {1, 2, 3}}), want, "", Outputs{"dA": matrix.FromRows([][]float64{{7, 8, 9}, {1, 2, 3}})}, nil, "X equals the argument dA, unchanged"},
		{"- b", matrix.Sub(want, matrix.FromRows([][]float64{{1}, {2}})), want, "", Outputs{"b": matrix.FromRows([][]float64{{1}, {2}})}, nil, "X is off by exactly -b: did you forget + b?"},
		{"+ 2α·dX", matrix.Add(want, matrix.Scale(0.2, dX)), want, "", Outputs{"dX": dX}, []course.Factor{{Name: "α", Value: 0.1}},
			"X is off by exactly 2α·dX: did you add α·dX instead of subtracting it?"},
		{"entries set to 0", matrix.FromRows([][]float64{{1, 0, 3}, {0.5, 4, -1}}), want, "", nil, nil, "X matches the expected value except at entries set to 0, e.g. (0,1)"},
		{"not zeros", matrix.FromRows([][]float64{{0, 0.1}}), matrix.Zeros(1, 2), "", nil, nil, "X is not all zeros (0.1 at (0,1))"},
		{"sigmoid out of range", matrix.FromRows([][]float64{{0.5, 1.5}}), matrix.FromRows([][]float64{{0.5, 0.7}}), course.Sigmoid, nil, nil, "X has values outside (0, 1), e.g. 1.5 at (0,1)"},
		{"negative ReLU", matrix.FromRows([][]float64{{-0.5, 1.5}}), matrix.FromRows([][]float64{{0, 1.5}}), course.ReLU, nil, nil, "X has negative values, e.g. -0.5 at (0,0)"},
		{"a sigmoid for a ReLU", matrix.FromRows([][]float64{{0.3, 0.8}}), matrix.FromRows([][]float64{{0, 1.5}}), course.ReLU, nil, nil, "X lies entirely within (0, 1), like a sigmoid's output"},
		{"probabilities for labels", matrix.FromRows([][]float64{{0.3, 0.8}}), matrix.FromRows([][]float64{{0, 1}}), course.Labels, nil, nil, "X holds 0.3 at (0,0), but a prediction is 0 or 1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var names []string
			for name := range tt.args {
				names = append(names, name)
			}
			fx := course.Fixture{Name: tt.name, Want: []course.Array{{Name: "X", Kind: tt.kind, Rows: rows(tt.want)}}, Factors: tt.factors}
			c := &clues{fx: fx, got: Outputs{"X": tt.got}, in: tt.args, names: names}
			msg, _ := c.judge(fx.Want[0], tt.got)
			if !strings.Contains(msg, tt.says) {
				t.Errorf("judge(%s): %q, want it to say %q", tt.name, msg, tt.says)
			}
		})
	}
}

func rows(m *matrix.Dense) [][]float64 {
	r, c := m.Dims()
	out := make([][]float64, r)
	for i := range out {
		out[i] = make([]float64, c)
		for j := range out[i] {
			out[i][j] = m.At(i, j)
		}
	}
	return out
}

// TestCosts checks the diagnosis of the costs kept during training.
func TestCosts(t *testing.T) {
	costs := func(values ...float64) []course.Array {
		var out []course.Array
		for i, v := range values {
			out = append(out, course.Array{Name: "cost after iteration " + []string{"0", "100", "200"}[i], Kind: course.Cost, Rows: [][]float64{{v}}})
		}
		return out
	}
	got := func(values ...float64) Outputs {
		out := Outputs{}
		for i, a := range costs(values...) {
			out[a.Name] = matrix.Scalar(values[i])
		}
		return out
	}
	tests := []struct {
		name string
		got  Outputs
		says string
	}{
		{"constant", got(0.8, 0.8, 0.8), "the cost stays at 0.800000 from iteration 0 to 200 (want 0.300000 at 200): are the updated parameters used"},
		{"rising", got(0.8, 0.9, 1.2), "the cost rose from 0.800000 at iteration 0 to 0.900000 at iteration 100"},
		{"ln 2", got(math.Ln2, 0.6, 0.5), "the cost at iteration 0 is 0.693147 ≈ ln 2, want 0.800000"},
		{"falling, wrong", got(0.8, 0.6, 0.4), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := &clues{fx: course.Fixture{Want: costs(0.8, 0.5, 0.3)}, got: tt.got}
			if msg := c.costs(); (tt.says == "" && msg != "") || !strings.Contains(msg, tt.says) {
				t.Errorf("costs() = %q, want it to say %q", msg, tt.says)
			}
		})
	}
}

// TestExplain checks the one-line messages of a panic: an unfinished
// function here or in an earlier step, and a runtime error located in the
// step's source.
func TestExplain(t *testing.T) {
	tests := []struct {
		name, pkg, fn string
		r             any
		says          string
	}{
		{"own stub", "step02_forward", "LinearForward", "step02_forward.LinearForward is not implemented yet: a hint",
			"step02_forward.LinearForward is not implemented yet: a hint"},
		{"stub of the same step", "step02_forward", "LModelForward", "step02_forward.LinearForward is not implemented yet: a hint",
			"LModelForward calls LinearForward, which is not implemented yet: write LinearForward first"},
		{"stub of an earlier step", "step04_backward", "SigmoidBackward", "step02_forward.Sigmoid is not implemented yet: a hint",
			"SigmoidBackward calls step02_forward.Sigmoid, which is not implemented yet: finish step02_forward first (go test ./step02_forward)"},
		{"another panic", "step02_forward", "Relu", "boom", "Relu panicked: boom"},
	}
	for _, tt := range tests {
		if got := explain(tt.pkg, tt.fn, tt.r); got != tt.says {
			t.Errorf("%s: explain(%q, %q, %q) = %q, want %q", tt.name, tt.pkg, tt.fn, tt.r, got, tt.says)
		}
	}
}

// TestPanicSite checks that a panic is located at its innermost frame in
// a step's source: not in matrix, in testutil or in a test file.
func TestPanicSite(t *testing.T) {
	tests := []struct {
		file string
		want string
	}{
		{"/home/me/dnn/step02_forward/forward.go", "step02_forward/forward.go:97"},
		{"C:/dnn/step04_backward/backward.go", "step04_backward/backward.go:97"},
		{"/home/me/dnn/step02_forward/forward_test.go", ""},
		{"/home/me/dnn/matrix/dense.go", ""},
		{"/home/me/dnn/internal/testutil/cases.go", ""},
		{"/usr/lib/go/src/runtime/panic.go", ""},
	}
	for _, tt := range tests {
		if got := stepSite(tt.file, 97); got != tt.want {
			t.Errorf("stepSite(%q, 97) = %q, want %q", tt.file, got, tt.want)
		}
	}
	// A panic in this test's own code lies in no step: its message has no place.
	r := Run("step02_forward", course.Fixture{Name: "misfit"}, Case{Call: "LinearForward(A, W, b)", Run: func(Outputs) (Outputs, error) {
		return Outputs{"Z": matrix.Dot(matrix.Zeros(1, 3), matrix.Zeros(2, 2))}, nil
	}})
	if want := "LinearForward panicked: matrix: Dot: shapes (1,3) and (2,2) not aligned"; !strings.HasPrefix(r.Panic, want) {
		t.Errorf("a panic in matrix.Dot called from a test: %q, want %q…", r.Panic, want)
	}
}

// TestSkipExamples checks that a failed test adds its function's Examples
// to -test.skip, and leaves the flag as it was afterwards.
func TestSkipExamples(t *testing.T) {
	f := flag.Lookup("test.skip")
	if f == nil {
		t.Skip("no -test.skip flag")
	}
	old := f.Value.String()
	defer f.Value.Set(old)
	skipExamples(t)
	if got := f.Value.String(); !strings.Contains(got, "^ExampleSkipExamples$|^ExampleSkipExamples_") {
		t.Errorf("-test.skip = %q after skipExamples in TestSkipExamples, want it to skip ExampleSkipExamples", got)
	}
}
