package step06_model

import (
	"math"
	"testing"

	"dnn/internal/testutil"
	"dnn/matrix"
	"dnn/step01_init"
)

// checkSameTraining fails t unless two trainings of the same model recorded
// the same costs within 1e-9 relative and predict identically on X.
func checkSameTraining(t *testing.T, X *matrix.Dense, plain, gram Result) {
	t.Helper()
	if len(plain.Costs) != len(gram.Costs) {
		t.Fatalf("TrainGram recorded %d costs, Train %d", len(gram.Costs), len(plain.Costs))
	}
	for i, c := range plain.Costs {
		g := gram.Costs[i]
		if g.Iteration != c.Iteration || math.Abs(g.Value-c.Value) > 1e-9*math.Abs(c.Value) {
			t.Errorf("TrainGram cost after iteration %d = %.17g, Train's = %.17g (want within 1e-9 relative)", g.Iteration, g.Value, c.Value)
		}
	}
	if p, g := Predict(X, plain.Parameters), Predict(X, gram.Parameters); !matrix.Equal(p, g) {
		t.Errorf("TrainGram predicts %v, Train predicts %v", g, p)
	}
}

// TestTrainGram holds the Gram-matrix training to the plain one on small
// random problems, both models' shapes.
func TestTrainGram(t *testing.T) {
	defer testutil.Guard(t, "step06_model")
	rs := matrix.NewRandomState(5)
	X := rs.Randn(60, 12)
	Y := matrix.Apply(rs.Rand(1, 12), func(u float64) float64 { return math.Round(u) })
	tests := []struct {
		name string
		p    step01_init.Parameters
		lr   float64
	}{
		{"two layers 60,7,1", step01_init.InitializeParameters(matrix.NewRandomState(1), 60, 7, 1), 0.1},
		{"four layers 60,20,7,5,1", step01_init.InitializeParametersDeepApp(matrix.NewRandomState(1), []int{60, 20, 7, 5, 1}), 0.05},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			defer testutil.Guard(t, "step06_model")
			opts := Options{LearningRate: tt.lr, Iterations: 301, Seed: 1}
			plain, err := Train(X, Y, tt.p, opts)
			if err != nil {
				t.Fatal(err)
			}
			gram, err := TrainGram(X, Y, tt.p, opts)
			if err != nil {
				t.Fatal(err)
			}
			checkSameTraining(t, X, plain, gram)
			for l := 1; l <= tt.p.L(); l++ {
				if msg := testutil.DiffMatrix("W", gram.Parameters.W[l], plain.Parameters.W[l], 1e-9, 1e-12); msg != "" {
					t.Errorf("layer %d: %s", l, msg)
				}
				if msg := testutil.DiffMatrix("b", gram.Parameters.B[l], plain.Parameters.B[l], 1e-9, 1e-12); msg != "" {
					t.Errorf("layer %d: %s", l, msg)
				}
			}
		})
	}
}

func TestUseGram(t *testing.T) {
	if !UseGram(matrix.Zeros(12288, 209), []int{12288, 20, 7, 5, 1}) {
		t.Error("UseGram(course's pictures) = false, want true")
	}
	if UseGram(matrix.Zeros(2, 400), []int{2, 20, 1}) {
		t.Error("UseGram(flower data, 2 features × 400 examples) = true, want false")
	}
}
