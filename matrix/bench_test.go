package matrix

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"dnn/matrix/internal/producttest"
)

// The products of the course's first layer, where training spends its time
// (see producttest): X is (12288, 209), W1 is (n1, 12288) and dZ1 is
// (n1, 209), with n1 = 20 units in the L-layer model and 7 in the two-layer
// one. Each benchmark runs Dot as the course writes the product, on the
// fast path ("fast", with the kernel Kernel() names) and on the plain
// reference loops ("plain"), and reports GFLOP/s, counting a multiply-add as
// two operations. (Package gemm's benchmarks time the same products without
// allocating the result.)
const courseNX, courseM = producttest.NX, producttest.M

// BenchmarkDot is the forward W1·X: (n1, 12288)·(12288, 209).
func BenchmarkDot(b *testing.B) {
	benchProduct(b, func(n1 int) (x, y *Dense) { return benchRandom(n1, courseNX), benchRandom(courseNX, courseM) })
}

// BenchmarkDotViewB is the backward dW1 = dZ1·Xᵀ: (n1, 209)·(12288, 209)ᵀ.
func BenchmarkDotViewB(b *testing.B) {
	benchProduct(b, func(n1 int) (x, y *Dense) { return benchRandom(n1, courseM), benchRandom(courseNX, courseM).T() })
}

// BenchmarkDotViewA is the backward dA0 = W1ᵀ·dZ1: (n1, 12288)ᵀ·(n1, 209).
func BenchmarkDotViewA(b *testing.B) {
	benchProduct(b, func(n1 int) (x, y *Dense) { return benchRandom(n1, courseNX).T(), benchRandom(n1, courseM) })
}

// benchProduct runs Dot on the operands that setup builds for each n1, fast
// and plain.
func benchProduct(b *testing.B, setup func(n1 int) (x, y *Dense)) {
	for _, n1 := range producttest.Units {
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
