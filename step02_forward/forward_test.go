package step02_forward

import (
	"strconv"
	"testing"

	"dnn/internal/testutil"
	"dnn/matrix"
	"dnn/step01_init"
)

// Every case runs on the fixture of the same name in internal/testutil/course,
// written by testdata/course/generate.py: the course's public cases keep
// the course's names (testdata/course/cases.json). Each function is fed the
// fixture's inputs, never the results of the other functions of the step.

func TestSigmoid(t *testing.T) {
	testutil.RunCases(t, "step02_forward", []testutil.Case{{
		Fixture: "sigmoid",
		Call:    "Sigmoid(Z)",
		Run: func(in testutil.Outputs) (testutil.Outputs, error) {
			A, cache := Sigmoid(in["Z"])
			return testutil.Outputs{"A": A, "cache.Z": cache.Z}, nil
		},
	}})
}

func TestRelu(t *testing.T) {
	testutil.RunCases(t, "step02_forward", []testutil.Case{{
		Fixture: "relu",
		Call:    "Relu(Z)",
		Run: func(in testutil.Outputs) (testutil.Outputs, error) {
			A, cache := Relu(in["Z"])
			return testutil.Outputs{"A": A, "cache.Z": cache.Z}, nil
		},
	}})
}

func TestLinearForward(t *testing.T) {
	run := func(in testutil.Outputs) (testutil.Outputs, error) {
		Z, cache := LinearForward(in["A_prev"], in["W"], in["b"])
		return testutil.Outputs{"Z": Z, "cache.APrev": cache.APrev, "cache.W": cache.W, "cache.B": cache.B}, nil
	}
	testutil.RunCases(t, "step02_forward", []testutil.Case{
		{Fixture: "linear_forward", Call: "LinearForward(A_prev, W, b)", Run: run},
		{Fixture: "linear_forward, b of shape (3,1)", Call: "LinearForward(A_prev, W, b)", Run: run},
	})
}

func TestLinearActivationForward(t *testing.T) {
	testutil.RunCases(t, "step02_forward", []testutil.Case{{
		Fixture: "linear_activation_forward",
		Call:    "LinearActivationForward(A_prev, W, b, activation)",
		Run: func(in testutil.Outputs) (testutil.Outputs, error) {
			out := testutil.Outputs{}
			for _, activation := range []Activation{SigmoidActivation, ReluActivation} {
				A, cache := LinearActivationForward(in["A_prev"], in["W"], in["b"], activation)
				addCache(out, string(activation)+": cache.", cache)
				out[string(activation)+": A"] = A
			}
			return out, nil
		},
	}})
}

func TestLModelForward(t *testing.T) {
	testutil.RunCases(t, "step02_forward", []testutil.Case{{
		Fixture: "L_model_forward",
		Call:    "LModelForward(X, parameters)",
		Run: func(in testutil.Outputs) (testutil.Outputs, error) {
			p := step01_init.Parameters{W: make([]*matrix.Dense, 4), B: make([]*matrix.Dense, 4)}
			for l := 1; l <= 3; l++ {
				p.W[l], p.B[l] = in["W"+strconv.Itoa(l)], in["b"+strconv.Itoa(l)]
			}
			AL, caches := LModelForward(in["X"], p)
			out := testutil.Outputs{"AL": AL, "len(caches)": matrix.Scalar(float64(len(caches)))}
			for l, cache := range caches {
				addCache(out, "caches["+strconv.Itoa(l)+"].", cache)
			}
			return out, nil
		},
	}})
}

// addCache names the contents of a layer's cache, each prefixed by prefix.
func addCache(out testutil.Outputs, prefix string, c Cache) {
	out[prefix+"Linear.APrev"] = c.Linear.APrev
	out[prefix+"Linear.W"] = c.Linear.W
	out[prefix+"Linear.B"] = c.Linear.B
	out[prefix+"Activation.Z"] = c.Activation.Z
}
