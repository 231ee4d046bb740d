package step06_model

import (
	"encoding/json"
	"os"
	"strconv"
	"testing"

	"dnn/internal/testutil"
	"dnn/matrix"
)

// small is testdata/small.json, written by testdata/make_small.py: the
// course's algorithm in numpy run on a small problem.
type small struct {
	X, Y  [][]float64
	Cases []struct {
		Name         string
		Model        string
		Dims         []int
		Iterations   int
		LearningRate float64 `json:"learning_rate"`
		Costs        []float64
		Parameters   map[string][][]float64
	}
}

// TestModelsSmall trains both models for a few iterations on 10 examples of
// 10 features and compares every parameter and cost with numpy's.
func TestModelsSmall(t *testing.T) {
	b, err := os.ReadFile("testdata/small.json")
	if err != nil {
		t.Fatal(err)
	}
	var s small
	if err := json.Unmarshal(b, &s); err != nil {
		t.Fatal(err)
	}
	// The inputs were drawn in numpy by np.random.seed(2); randn(10, 10);
	// rand(1, 10) > 0.5. Draw them here too, to check the draws agree.
	rs := matrix.NewRandomState(2)
	X := rs.Randn(10, 10)
	Y := matrix.Apply(rs.Rand(1, 10), func(u float64) float64 {
		if u > 0.5 {
			return 1
		}
		return 0
	})
	testutil.CheckMatrix(t, "X", X, matrix.FromRows(s.X))
	testutil.CheckMatrix(t, "Y", Y, matrix.FromRows(s.Y))

	var cases []testutil.Case
	for _, tt := range s.Cases {
		want := testutil.Outputs{}
		for name, rows := range tt.Parameters {
			want[name] = matrix.FromRows(rows)
		}
		// Training reports the cost every 100 iterations and at the last.
		for i, c := range tt.Costs {
			if i%100 == 0 || i == len(tt.Costs)-1 {
				want["cost after iteration "+strconv.Itoa(i)] = matrix.Scalar(c)
			}
		}
		cases = append(cases, testutil.Case{
			Name: tt.Name,
			Run: func() testutil.Outputs {
				opts := Options{LearningRate: tt.LearningRate, Iterations: tt.Iterations, Seed: 1}
				var res Result
				var err error
				if tt.Model == "two-layer" {
					res, err = TwoLayerModel(X, Y, [3]int(tt.Dims), opts)
				} else {
					res, err = LLayerModel(X, Y, tt.Dims, opts)
				}
				if err != nil {
					panic(err) // RunCases reports it as this case's failure
				}
				out := testutil.Outputs{}
				for l := 1; l <= res.Parameters.L(); l++ {
					out["W"+strconv.Itoa(l)], out["b"+strconv.Itoa(l)] = res.Parameters.W[l], res.Parameters.B[l]
				}
				for _, c := range res.Costs {
					out["cost after iteration "+strconv.Itoa(c.Iteration)] = matrix.Scalar(c.Value)
				}
				return out
			},
			Want: want,
		})
	}
	testutil.RunCases(t, "step06_model", cases)
}
