package step04_backward

import (
	"strconv"
	"testing"

	"dnn/internal/testutil"
	"dnn/step02_forward"
)

// Every case runs on the fixture of the same name in internal/testutil/course,
// written by testdata/course/generate.py: the course's public cases keep
// the course's names (testdata/course/cases.json). As in the course,
// L_model_backward is fed drawn AL and caches, not a forward pass.

func TestReluBackward(t *testing.T) {
	testutil.RunCases(t, "step04_backward", []testutil.Case{{
		Fixture: "relu_backward",
		Call:    "ReluBackward(dA, cache)",
		Run: func(in testutil.Outputs) (testutil.Outputs, error) {
			return testutil.Outputs{"dZ": ReluBackward(in["dA"], step02_forward.ActivationCache{Z: in["Z"]})}, nil
		},
	}})
}

func TestSigmoidBackward(t *testing.T) {
	testutil.RunCases(t, "step04_backward", []testutil.Case{{
		Fixture: "sigmoid_backward",
		Call:    "SigmoidBackward(dA, cache)",
		Run: func(in testutil.Outputs) (testutil.Outputs, error) {
			return testutil.Outputs{"dZ": SigmoidBackward(in["dA"], step02_forward.ActivationCache{Z: in["Z"]})}, nil
		},
	}})
}

func TestLinearBackward(t *testing.T) {
	testutil.RunCases(t, "step04_backward", []testutil.Case{{
		Fixture: "linear_backward",
		Call:    "LinearBackward(dZ, cache)",
		Run: func(in testutil.Outputs) (testutil.Outputs, error) {
			dAPrev, dW, db := LinearBackward(in["dZ"], step02_forward.LinearCache{APrev: in["A_prev"], W: in["W"], B: in["b"]})
			return testutil.Outputs{"dA_prev": dAPrev, "dW": dW, "db": db}, nil
		},
	}})
}

func TestLinearActivationBackward(t *testing.T) {
	testutil.RunCases(t, "step04_backward", []testutil.Case{{
		Fixture: "linear_activation_backward",
		Call:    "LinearActivationBackward(dA, cache, activation)",
		Run: func(in testutil.Outputs) (testutil.Outputs, error) {
			cache := step02_forward.Cache{
				Linear:     step02_forward.LinearCache{APrev: in["A_prev"], W: in["W"], B: in["b"]},
				Activation: step02_forward.ActivationCache{Z: in["Z"]},
			}
			out := testutil.Outputs{}
			for _, activation := range []step02_forward.Activation{step02_forward.SigmoidActivation, step02_forward.ReluActivation} {
				a := string(activation) + ": "
				out[a+"dA_prev"], out[a+"dW"], out[a+"db"] = LinearActivationBackward(in["dA"], cache, activation)
			}
			return out, nil
		},
	}})
}

func TestLModelBackward(t *testing.T) {
	testutil.RunCases(t, "step04_backward", []testutil.Case{{
		Fixture: "L_model_backward",
		Call:    "LModelBackward(AL, Y, caches)",
		Run: func(in testutil.Outputs) (testutil.Outputs, error) {
			var caches []step02_forward.Cache
			for l := 1; l <= 2; l++ {
				n := strconv.Itoa(l)
				caches = append(caches, step02_forward.Cache{
					Linear:     step02_forward.LinearCache{APrev: in["A"+n], W: in["W"+n], B: in["b"+n]},
					Activation: step02_forward.ActivationCache{Z: in["Z"+n]},
				})
			}
			g := LModelBackward(in["AL"], in["Y"], caches)
			out := testutil.Outputs{"dA0": testutil.Get(g.DA, 0), "dA1": testutil.Get(g.DA, 1)}
			for l := 1; l <= 2; l++ {
				out["dW"+strconv.Itoa(l)], out["db"+strconv.Itoa(l)] = testutil.Get(g.DW, l), testutil.Get(g.DB, l)
			}
			return out, nil
		},
	}})
}
