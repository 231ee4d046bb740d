package step05_update

import (
	"testing"

	"dnn/internal/testutil"
	"dnn/matrix"
	"dnn/step01_init"
	"dnn/step04_backward"
)

// Expected values: the course's public test case (cases.json, recomputed
// with numpy 1.24 and checked against the notebook's printed values):
// parameters drawn after np.random.seed(2), gradients after
// np.random.seed(3), learning rate 0.1.
var tests = []testutil.Case{
	{
		Name: "update_parameters",
		Run: func() testutil.Outputs {
			p, g := updateCase()
			before := p.Clone()
			next := UpdateParameters(p, g, 0.1)
			out := testutil.Outputs{"W1": next.W[1], "b1": next.B[1], "W2": next.W[2], "b2": next.B[2]}
			for l := 1; l <= 2; l++ {
				if !matrix.Equal(p.W[l], before.W[l]) || !matrix.Equal(p.B[l], before.B[l]) {
					out["parameters changed in place (they must not be)"] = p.W[l]
				}
			}
			return out
		},
		Want: testutil.Outputs{
			"W1": matrix.FromRows([][]float64{
				{-0.5956206947485025, -0.09991781227752841, -2.145845842475655, 1.8266200787414377},
				{-1.7656967649434232, -0.8062714677293054, 0.5111555653062888, -1.1825880189248468},
				{-1.053570401964746, -0.861285811890899, 0.6828405198826926, 2.203745774764999},
			}),
			"b1": matrix.FromRows([][]float64{
				{-0.046592411222349535},
				{-1.2888827514788117},
				{0.5340549563631029},
			}),
			"W2": matrix.FromRows([][]float64{
				{-0.5556919583463779, 0.03540549824080157, 1.3296489510585878},
			}),
			"b2": matrix.FromRows([][]float64{
				{-0.8461076927196785},
			}),
		},
	},
}

func updateCase() (step01_init.Parameters, step04_backward.Grads) {
	p := step01_init.Parameters{W: make([]*matrix.Dense, 3), B: make([]*matrix.Dense, 3)}
	rs := matrix.NewRandomState(2)
	p.W[1], p.B[1], p.W[2], p.B[2] = rs.Randn(3, 4), rs.Randn(3, 1), rs.Randn(1, 3), rs.Randn(1, 1)
	g := step04_backward.Grads{DW: make([]*matrix.Dense, 3), DB: make([]*matrix.Dense, 3)}
	rs = matrix.NewRandomState(3)
	g.DW[1], g.DB[1], g.DW[2], g.DB[2] = rs.Randn(3, 4), rs.Randn(3, 1), rs.Randn(1, 3), rs.Randn(1, 1)
	return p, g
}

func TestStep05Update(t *testing.T) { testutil.RunCases(t, "step05_update", tests) }
