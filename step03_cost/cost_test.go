package step03_cost

import (
	"testing"

	"dnn/internal/testutil"
	"dnn/matrix"
)

// The case runs on the fixture of the same name in internal/testutil/course,
// written by testdata/course/generate.py from the course's public case
// (testdata/course/cases.json).

func TestComputeCost(t *testing.T) {
	testutil.RunCases(t, "step03_cost", []testutil.Case{{
		Fixture: "compute_cost",
		Call:    "ComputeCost(AL, Y)",
		Run: func(in testutil.Outputs) (testutil.Outputs, error) {
			return testutil.Outputs{"cost": matrix.Scalar(ComputeCost(in["AL"], in["Y"]))}, nil
		},
	}})
}
