package step03_cost

import (
	"testing"

	"dnn/internal/testutil"
	"dnn/matrix"
)

// Expected value: the course's public test case (cases.json, recomputed with
// numpy 1.24; the notebook prints 0.2797765635793422).
var tests = []testutil.Case{
	{
		Name: "compute_cost",
		Run: func() testutil.Outputs {
			Y := matrix.FromRows([][]float64{{1, 1, 0}})
			AL := matrix.FromRows([][]float64{{0.8, 0.9, 0.4}})
			return testutil.Outputs{"cost": matrix.Scalar(ComputeCost(AL, Y))}
		},
		Want: testutil.Outputs{"cost": matrix.Scalar(0.2797765635793422)},
	},
}

func TestStep03Cost(t *testing.T) { testutil.RunCases(t, "step03_cost", tests) }
