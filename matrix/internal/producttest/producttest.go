// Package producttest holds what the tests and benchmarks of package gemm
// and of package matrix share about matrix products: the shapes that test
// them, the course's shapes that time them, and a bit-for-bit comparison.
package producttest

import (
	"fmt"
	"math"
)

// Shapes are (n, k, p) for C (n, p) = A (n, k)·B (k, p). They hit every
// edge of gemm's blocking: tiles of 2×4, 4×8 and 4×24 with their partial
// rows and columns (1 to 3 vectors of 8), the depth blocks of 64 and 256,
// the row block of 120 and the column block of 1920; and the course's
// shapes (see NX, M and Units).
var Shapes = [][3]int{
	{1, 1, 1}, {1, 7, 1}, {2, 3, 4}, {3, 5, 7}, {4, 1, 24}, {5, 2, 25},
	{4, 9, 8}, {4, 9, 9}, {4, 9, 16}, {4, 9, 17}, {4, 9, 23}, {7, 9, 33},
	{9, 13, 47}, {13, 11, 48}, {17, 3, 49}, {3, 255, 5}, {6, 256, 31},
	{5, 257, 40}, {2, 513, 3}, {119, 6, 30}, {120, 5, 29}, {121, 7, 26},
	{243, 3, 50}, {3, 2, 1919}, {2, 3, 1920}, {5, 3, 1921}, {1, 600, 1},
	{1, 300, 200}, {200, 300, 1}, {61, 259, 97},
	{20, 12288, 209}, {7, 12288, 209}, {20, 209, 12288}, {7, 209, 12288},
	{12288, 20, 209}, {12288, 7, 209}, {5, 20, 209}, {1, 5, 209}, {1, 7, 209},
}

// The products of the course's first layer, where training spends its
// time: X is (NX, M), W1 is (n1, NX) and dZ1 is (n1, M), for n1 in Units.
const (
	NX = 12288 // n[0], the flattened 64×64×3 image
	M  = 209   // m, the training examples
)

// Units are n[1] of the L-layer and of the two-layer model.
var Units = []int{20, 7}

// FirstDiff describes where got, an (r, c) matrix stored row-major,
// differs from want in any bit: the first such element and the largest
// difference. It returns "" if they are identical.
func FirstDiff(got, want []float64, c int) string {
	if len(got) != len(want) {
		return fmt.Sprintf("%d elements, want %d", len(got), len(want))
	}
	first, worst := -1, 0.0
	for i := range got {
		if math.Float64bits(got[i]) != math.Float64bits(want[i]) {
			worst = max(worst, math.Abs(got[i]-want[i]))
			if first < 0 {
				first = i
			}
		}
	}
	if first < 0 {
		return ""
	}
	return fmt.Sprintf("element (%d,%d) = %.17g, want %.17g (largest |diff| %.3g)",
		first/c, first%c, got[first], want[first], worst)
}
