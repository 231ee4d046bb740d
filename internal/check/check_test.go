package check

import (
	"math"
	"strconv"
	"strings"
	"testing"

	"dnn/matrix"
)

// errorContains reports whether err matches want: nil for "", else an
// error whose message contains want.
func errorContains(err error, want string) bool {
	if want == "" {
		return err == nil
	}
	return err != nil && strings.Contains(err.Error(), want)
}

func TestLayerSizes(t *testing.T) {
	tests := []struct {
		name string
		dims []int
		want string // a phrase the error must contain; "" for no error
	}{
		{"course L-layer", []int{12288, 20, 7, 5, 1}, ""},
		{"several outputs", []int{5, 4, 3}, ""},
		{"input and output only", []int{4, 1}, ""},
		{"one size", []int{4}, "need at least the input size and the output size, n[0] and n[L]; got only [4]"},
		{"no sizes", nil, "got only []"},
		{"zero units", []int{4, 0, 1}, "each layer size must be a whole number above 0; n[1] = 0"},
		{"negative input", []int{-4, 3, 1}, "n[0] = -4"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := LayerSizes(tt.dims); !errorContains(err, tt.want) {
				t.Errorf("LayerSizes(%v) = %v, want %s", tt.dims, err, describe(tt.want))
			}
		})
	}
}

func TestClassifier(t *testing.T) {
	tests := []struct {
		name string
		dims []int
		want string
	}{
		{"course L-layer", []int{12288, 20, 7, 5, 1}, ""},
		{"course two-layer", []int{12288, 7, 1}, ""},
		{"three outputs", []int{5, 4, 3}, "the last layer size must be 1 (n[L]: one probability per example); it is 3"},
		{"bad sizes first", []int{5, 0, 3}, "n[1] = 0"},
		{"one size", []int{1}, "need at least the input size and the output size"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := Classifier(tt.dims); !errorContains(err, tt.want) {
				t.Errorf("Classifier(%v) = %v, want %s", tt.dims, err, describe(tt.want))
			}
		})
	}
}

func TestLearningRate(t *testing.T) {
	tests := []struct {
		lr   float64
		want string
	}{
		{0.0075, ""},
		{MaxLearningRate, ""},
		{1e-300, ""},
		{0, "positive number no larger than 1e6"},
		{-0.1, "positive number"},
		{math.NaN(), "positive number"},
		{math.Inf(1), "no larger than 1e6"},
		{1e7, "no larger than 1e6"},
	}
	for _, tt := range tests {
		if err := LearningRate(tt.lr); !errorContains(err, tt.want) {
			t.Errorf("LearningRate(%v) = %v, want %s", tt.lr, err, describe(tt.want))
		}
	}
}

func TestIterations(t *testing.T) {
	tests := []struct {
		n    int
		want string
	}{
		{2500, ""},
		{1, ""},
		{0, "the number of iterations must be at least 1"},
		{-5, "at least 1"},
	}
	for _, tt := range tests {
		if err := Iterations(tt.n); !errorContains(err, tt.want) {
			t.Errorf("Iterations(%d) = %v, want %s", tt.n, err, describe(tt.want))
		}
	}
}

func TestTraining(t *testing.T) {
	X, Y := matrix.Zeros(4, 3), matrix.FromRows([][]float64{{0, 1, 1}})
	withNaN := matrix.Zeros(4, 3)
	withNaN.Set(2, 1, math.NaN())
	withInf := matrix.Zeros(4, 3)
	withInf.Set(0, 2, math.Inf(-1))
	tests := []struct {
		name       string
		X, Y       *matrix.Dense
		dims       []int
		lr         float64
		iterations int
		want       string
	}{
		{"fits", X, Y, []int{4, 3, 1}, 0.0075, 2500, ""},
		{"logistic regression", X, Y, []int{4, 1}, 0.1, 1, ""},
		{"wrong input size", X, Y, []int{5, 3, 1}, 0.0075, 2500, "X has 4 features per example (shape (4,3)), but the first layer size n[0] is 5"},
		{"two outputs", X, Y, []int{4, 2}, 0.0075, 2500, "the last layer size must be 1"},
		{"one layer size", X, Y, []int{4}, 0.0075, 2500, "need at least the input size and the output size"},
		{"zero units", X, Y, []int{4, 0, 1}, 0.0075, 2500, "n[1] = 0"},
		{"no examples", matrix.Zeros(4, 0), matrix.Zeros(1, 0), []int{4, 1}, 0.0075, 2500, "X has shape (4,0): no examples to train on"},
		{"NaN input", withNaN, Y, []int{4, 1}, 0.0075, 2500, "X holds NaN at row 2, column 1; the inputs must be finite numbers"},
		{"infinite input", withInf, Y, []int{4, 1}, 0.0075, 2500, "X holds -Inf at row 0, column 2"},
		{"Y too short", X, matrix.Zeros(1, 2), []int{4, 1}, 0.0075, 2500, "Y has shape (1,2), want (1,3): one 0/1 label for each of X's 3 examples"},
		{"Y a column", X, matrix.Zeros(3, 1), []int{4, 1}, 0.0075, 2500, "Y has shape (3,1), want (1,3)"},
		{"Y not 0/1", X, matrix.FromRows([][]float64{{0, 2, 1}}), []int{4, 1}, 0.0075, 2500, "Y holds 2 for example 1; labels must be 0 or 1"},
		{"Y NaN", X, matrix.FromRows([][]float64{{0, 1, math.NaN()}}), []int{4, 1}, 0.0075, 2500, "Y holds NaN for example 2"},
		{"negative learning rate", X, Y, []int{4, 1}, -1, 1, "the learning rate must be a positive number no larger than 1e6, got -1"},
		{"learning rate too large", X, Y, []int{4, 1}, 1e7, 1, "no larger than 1e6, got 1e+07"},
		{"zero iterations", X, Y, []int{4, 1}, 0.1, 0, "the number of iterations must be at least 1, got 0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := Training(tt.X, tt.Y, tt.dims, tt.lr, tt.iterations)
			if !errorContains(err, tt.want) {
				t.Errorf("Training(X %s, Y %s, %v, %v, %d) = %v, want %s",
					tt.X.Shape(), tt.Y.Shape(), tt.dims, tt.lr, tt.iterations, err, describe(tt.want))
			}
		})
	}
}

// describe says what a test wants, for a failure message.
func describe(want string) string {
	if want == "" {
		return "nil"
	}
	return "an error containing " + strconv.Quote(want)
}
