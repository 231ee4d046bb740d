package matrix

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// The products of the course's first layer, where training spends its time:
// X is (12288, 209), W1 is (n1, 12288) and dZ1 is (n1, 209), with n1 = 20
// units in the L-layer model and 7 in the two-layer one. Each benchmark runs
// Dot as the course writes the product, on the fast path ("fast", with the
// kernel Kernel() names) and on the plain reference loops ("plain"), and
// reports GFLOP/s, counting a multiply-add as two operations. (Package
// gemm's benchmarks time the same products without allocating the result.)
const (
	benchNX = 12288 // n[0], the flattened 64×64×3 image
	benchM  = 209   // m, the training examples
)

var benchUnits = []int{20, 7} // n[1] of the L-layer and the two-layer model

// BenchmarkDot is the forward W1·X: (n1, 12288)·(12288, 209).
func BenchmarkDot(b *testing.B) {
	benchProduct(b, func(n1 int) (x, y *Dense) { return benchRandom(n1, benchNX), benchRandom(benchNX, benchM) })
}

// BenchmarkDotViewB is the backward dW1 = dZ1·Xᵀ: (n1, 209)·(12288, 209)ᵀ.
func BenchmarkDotViewB(b *testing.B) {
	benchProduct(b, func(n1 int) (x, y *Dense) { return benchRandom(n1, benchM), benchRandom(benchNX, benchM).T() })
}

// BenchmarkDotViewA is the backward dA0 = W1ᵀ·dZ1: (n1, 12288)ᵀ·(n1, 209).
func BenchmarkDotViewA(b *testing.B) {
	benchProduct(b, func(n1 int) (x, y *Dense) { return benchRandom(n1, benchNX).T(), benchRandom(n1, benchM) })
}

// benchProduct runs Dot on the operands that setup builds for each n1, fast
// and plain.
func benchProduct(b *testing.B, setup func(n1 int) (x, y *Dense)) {
	for _, n1 := range benchUnits {
		x, y := setup(n1)
		flops := 2 * float64(x.rows) * float64(x.cols) * float64(y.cols)
		for _, path := range []string{"fast", "plain"} {
			b.Run(fmt.Sprintf("n1=%d/%s", n1, path), func(b *testing.B) {
				SetPlain(path == "plain")
				defer SetPlain(false)
				for b.Loop() {
					Dot(x, y)
				}
				b.ReportMetric(flops*float64(b.N)/b.Elapsed().Seconds()/1e9, "GFLOP/s")
			})
		}
	}
}

func benchRandom(r, c int) *Dense {
	return randomDense(rand.New(rand.NewPCG(uint64(r), uint64(c))), r, c)
}
