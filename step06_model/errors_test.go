package step06_model

import (
	"strings"
	"testing"

	"dnn/internal/testutil"
	"dnn/matrix"
)

func TestTrainDiverges(t *testing.T) {
	defer testutil.Guard(t, "step06_model")
	rs := matrix.NewRandomState(2)
	X := matrix.Scale(100, rs.Randn(10, 10))
	Y := matrix.FromRows([][]float64{{0, 1, 0, 1, 0, 1, 0, 1, 0, 1}})
	opts := Options{LearningRate: 1e4, Iterations: 100, Seed: 1}
	_, err := LLayerModel(X, Y, []int{10, 5, 1}, opts)
	if err == nil || !strings.Contains(err.Error(), "at iteration") || !strings.Contains(err.Error(), "smaller learning rate") {
		t.Fatalf("LLayerModel with learning rate 1e4 = %v, want an error naming the iteration and suggesting a smaller learning rate", err)
	}
}

func TestPredictAccuracy(t *testing.T) {
	defer testutil.Guard(t, "step06_model")
	p := DefaultOptions()
	p.Iterations = 1
	X := matrix.FromRows([][]float64{{-1, 2, 3}})
	Y := matrix.FromRows([][]float64{{0, 1, 0}})
	res, err := LLayerModel(X, Y, []int{1, 1}, p)
	if err != nil {
		t.Fatal(err)
	}
	// One sigmoid unit, W = randn(1,1)/1 > 0 for seed 1 (1.624...) and b ≈ 0:
	// positive inputs are class 1.
	got := Predict(X, res.Parameters)
	if want := matrix.FromRows([][]float64{{0, 1, 1}}); !matrix.Equal(got, want) {
		t.Errorf("Predict = %v, want %v", got, want)
	}
	if a := Accuracy(got, Y); a != 2.0/3 {
		t.Errorf("Accuracy(%v, %v) = %v, want %v", got, Y, a, 2.0/3)
	}
}
