package planar

import (
	"math"
	"testing"

	"dnn/matrix"
)

// Expected values from the course's load_planar_dataset run in numpy 1.24
// (np.random.seed(1), the formula in the package doc). numpy's sin may come
// from a vectorised library a few ulps away from Go's math.Sin, hence 1e-12.
func TestFlower(t *testing.T) {
	X, Y := Flower(1)
	if r, c := X.Dims(); r != 2 || c != 400 {
		t.Fatalf("Flower(1): X has shape %s, want (2,400)", X.Shape())
	}
	if r, c := Y.Dims(); r != 1 || c != 400 {
		t.Fatalf("Flower(1): Y has shape %s, want (1,400)", Y.Shape())
	}
	tests := []struct {
		j         int
		x0, x1, y float64
	}{
		{0, 1.2044422922543192, 3.576114148128845, 0},
		{1, 0.15870990398255375, -1.4821709003683443, 0},
		{199, -0.5858464101358457, -3.091259938950624, 0},
		{200, -1.0704958072229525, 3.682524609580073, 1},
		{399, 0.7307808250007515, 3.0683292081876554, 1},
	}
	for _, tt := range tests {
		if x0, x1, y := X.At(0, tt.j), X.At(1, tt.j), Y.At(0, tt.j); !matrix.Close(x0, tt.x0, 0, 1e-12) ||
			!matrix.Close(x1, tt.x1, 0, 1e-12) || y != tt.y {
			t.Errorf("Flower(1) point %d = (%.17g, %.17g) label %v, want (%.17g, %.17g) label %v", tt.j, x0, x1, y, tt.x0, tt.x1, tt.y)
		}
	}
	if s := matrix.Sum(X); math.Abs(s-10.087983277441637) > 1e-9 {
		t.Errorf("sum of X = %.17g, want 10.087983277441637", s)
	}
}
