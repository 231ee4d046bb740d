package step01_init

import (
	"strconv"
	"testing"

	"dnn/internal/testutil"
	"dnn/matrix"
)

// Every case runs on the fixture of the same name in internal/testutil/course,
// written by testdata/course/generate.py: the course's public cases keep
// the course's names (testdata/course/cases.json).

func TestInitializeParameters(t *testing.T) {
	testutil.RunCases(t, "step01_init", []testutil.Case{{
		Fixture: "initialize_parameters",
		Call:    "InitializeParameters(NewRandomState(1), 3, 2, 1)",
		Run: func(in testutil.Outputs) (testutil.Outputs, error) {
			n := in.Ints("layer_dims")
			return outputs(InitializeParameters(matrix.NewRandomState(uint32(in.Int("seed"))), n[0], n[1], n[2])), nil
		},
	}})
}

func TestInitializeParametersDeep(t *testing.T) {
	testutil.RunCases(t, "step01_init", []testutil.Case{
		{Fixture: "initialize_parameters_deep", Call: "InitializeParametersDeep(NewRandomState(3), []int{5, 4, 3})", Run: deep},
		{Fixture: "initialize_parameters_deep, 4 layers", Call: "InitializeParametersDeep(NewRandomState(3), []int{6, 4, 3, 2, 1})", Run: deep},
	})
}

func TestInitializeParametersDeepApp(t *testing.T) {
	testutil.RunCases(t, "step01_init", []testutil.Case{{
		Fixture: "initialize_parameters_deep (application)",
		Call:    "InitializeParametersDeepApp(NewRandomState(1), []int{5, 4, 3})",
		Run: func(in testutil.Outputs) (testutil.Outputs, error) {
			return outputs(InitializeParametersDeepApp(matrix.NewRandomState(uint32(in.Int("seed"))), in.Ints("layer_dims"))), nil
		},
	}})
}

func deep(in testutil.Outputs) (testutil.Outputs, error) {
	return outputs(InitializeParametersDeep(matrix.NewRandomState(uint32(in.Int("seed"))), in.Ints("layer_dims"))), nil
}

// outputs names p's matrices as the notebook's dictionary does: W1, b1, ...
func outputs(p Parameters) testutil.Outputs {
	out := testutil.Outputs{}
	for l := 1; l < len(p.W); l++ {
		out["W"+strconv.Itoa(l)] = p.W[l]
		out["b"+strconv.Itoa(l)] = testutil.Get(p.B, l)
	}
	return out
}
