package npy

import (
	"strings"
	"testing"

	"dnn/matrix"
)

func TestMatrix(t *testing.T) {
	a := &Array{Shape: []int{2, 3}, Data: []float64{1, 2, 3, 4, 5, 6}}
	m, err := a.Matrix()
	if err != nil {
		t.Fatalf("Matrix() error: %v", err)
	}
	want := matrix.FromRows([][]float64{{1, 2, 3}, {4, 5, 6}})
	if !matrix.Equal(m, want) {
		t.Errorf("Matrix() = %v, want %v", m, want)
	}
	back := FromMatrix(m)
	if len(back.Shape) != 2 || back.Shape[0] != 2 || back.Shape[1] != 3 || !sameData(back.Data, a.Data) {
		t.Errorf("FromMatrix(%v) = %v, want %v", m, back, a)
	}
}

func TestMatrixErrors(t *testing.T) {
	tests := []struct {
		shape []int
		words string
	}{
		{[]int{3}, "an array of shape (3,) is 1-d, not a matrix"},
		{[]int{}, "an array of shape () is 0-d, not a matrix"},
		{[]int{2, 3, 4}, "an array of shape (2, 3, 4) is 3-d, not a matrix"},
	}
	for _, tt := range tests {
		n := 1
		for _, d := range tt.shape {
			n *= d
		}
		a := &Array{Shape: tt.shape, Data: make([]float64, n)}
		if _, err := a.Matrix(); err == nil || !strings.Contains(err.Error(), tt.words) {
			t.Errorf("Array{Shape: %v}.Matrix() = %v, want an error saying %q", tt.shape, err, tt.words)
		}
	}
	bad := &Array{Shape: []int{2, 2}, Data: make([]float64, 3)}
	if _, err := bad.Matrix(); err == nil {
		t.Errorf("Array{Shape: (2, 2), 3 values}.Matrix() = nil error, want one")
	}
}
