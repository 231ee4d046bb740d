package fast

import (
	"fmt"
	"testing"

	"dnn/internal/testutil"
	"dnn/matrix"
)

// TestProduct checks product against matrix.Dot, which runs the same
// kernel, for every layout of the operands that the engine uses
// (row-major or transposed A, row-major B), at shapes where a dimension is
// 1 too: the results are identical.
func TestProduct(t *testing.T) {
	rs := matrix.NewRandomState(7)
	for _, s := range [][3]int{{3, 4, 5}, {1, 4, 5}, {3, 1, 5}, {3, 4, 1}, {20, 400, 7}, {400, 7, 20}} {
		n, k, p := s[0], s[1], s[2]
		A, B := rs.Randn(n, k), rs.Randn(k, p)
		AT := transpose(A.RawData(), n, k) // (k, n)
		want := matrix.Dot(A, B)
		for _, tt := range []struct {
			name   string
			a      []float64
			ar, ac int
		}{
			{"A", A.RawData(), k, 1},
			{"Aᵀ's transpose", AT, 1, n},
		} {
			c := make([]float64, n*p)
			product(c, n, k, p, tt.a, tt.ar, tt.ac, B.RawData(), p, 1)
			name := fmt.Sprintf("product of %s (%d,%d) and B (%d,%d)", tt.name, n, k, k, p)
			if msg := testutil.DiffMatrix(name, matrix.New(n, p, c), want, 0, 0); msg != "" {
				t.Error(msg)
			}
		}
	}
}
