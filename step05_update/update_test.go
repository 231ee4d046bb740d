package step05_update

import (
	"strconv"
	"testing"

	"dnn/internal/testutil"
	"dnn/matrix"
	"dnn/step01_init"
	"dnn/step04_backward"
)

// The case runs on the fixture of the same name in internal/testutil/course,
// written by testdata/course/generate.py from the course's public case
// (testdata/course/cases.json): parameters drawn after seeding with 2,
// gradients after seeding with 3, learning rate 0.1.

func TestUpdateParameters(t *testing.T) {
	testutil.RunCases(t, "step05_update", []testutil.Case{{
		Fixture: "update_parameters",
		Call:    "UpdateParameters(p, grads, 0.1)",
		Run: func(in testutil.Outputs) (testutil.Outputs, error) {
			p := step01_init.Parameters{W: make([]*matrix.Dense, 3), B: make([]*matrix.Dense, 3)}
			g := step04_backward.Grads{DW: make([]*matrix.Dense, 3), DB: make([]*matrix.Dense, 3)}
			for l := 1; l <= 2; l++ {
				n := strconv.Itoa(l)
				p.W[l], p.B[l], g.DW[l], g.DB[l] = in["W"+n], in["b"+n], in["dW"+n], in["db"+n]
			}
			next := UpdateParameters(p, g, in.Float("learning_rate"))
			out := testutil.Outputs{}
			for l := 1; l <= 2; l++ {
				n := strconv.Itoa(l)
				out["W"+n], out["b"+n] = testutil.Get(next.W, l), testutil.Get(next.B, l)
				out["p after the call: W"+n], out["p after the call: b"+n] = p.W[l], p.B[l]
			}
			return out, nil
		},
	}})
}
