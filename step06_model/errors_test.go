package step06_model

import (
	"strings"
	"testing"

	"dnn/internal/testutil"
	"dnn/matrix"
)

func TestCheck(t *testing.T) {
	X, Y := matrix.Zeros(4, 3), matrix.FromRows([][]float64{{0, 1, 1}})
	ok := DefaultOptions()
	tests := []struct {
		name string
		X, Y *matrix.Dense
		dims []int
		opts Options
		want string // a phrase the error must contain; "" for no error
	}{
		{"fits", X, Y, []int{4, 3, 1}, ok, ""},
		{"wrong input size", X, Y, []int{5, 3, 1}, ok, "X has 4 features per example"},
		{"two outputs", X, Y, []int{4, 2}, ok, "last layer size must be 1"},
		{"one layer size", X, Y, []int{4}, ok, "at least two layer sizes"},
		{"zero units", X, Y, []int{4, 0, 1}, ok, "must be positive"},
		{"Y too short", X, matrix.Zeros(1, 2), []int{4, 1}, ok, "Y has shape (1,2), want (1,3)"},
		{"Y not 0/1", X, matrix.FromRows([][]float64{{0, 2, 1}}), []int{4, 1}, ok, "labels must be 0 or 1"},
		{"no examples", matrix.Zeros(4, 0), matrix.Zeros(1, 0), []int{4, 1}, ok, "no examples"},
		{"negative learning rate", X, Y, []int{4, 1}, Options{LearningRate: -1, Iterations: 1}, "learning rate must be a positive number"},
		{"zero iterations", X, Y, []int{4, 1}, Options{LearningRate: 0.1}, "iterations must be at least 1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := Check(tt.X, tt.Y, tt.dims, tt.opts)
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("Check(%s, %s, %v) = %v, want nil", tt.X.Shape(), tt.Y.Shape(), tt.dims, err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Errorf("Check(%s, %s, %v) = %v, want an error containing %q", tt.X.Shape(), tt.Y.Shape(), tt.dims, err, tt.want)
			}
		})
	}
}

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
