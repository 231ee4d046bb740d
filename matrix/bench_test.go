package matrix

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// The products of the course's first layer, where training spends its time:
// X is (12288, 209), W1 is (n1, 12288) and dZ1 is (n1, 209), with n1 = 20
// units in the L-layer model and 7 in the two-layer one. Each benchmark runs
// the Into variant, as a training loop that reuses its buffers would, on the
// fast path ("fast", with the kernel Kernel() names) and on the plain
// reference loops ("plain"), and reports GFLOP/s, counting a multiply-add as
// two operations.
const (
	benchNX = 12288 // n[0], the flattened 64×64×3 image
	benchM  = 209   // m, the training examples
)

var benchUnits = []int{20, 7} // n[1] of the L-layer and the two-layer model

// BenchmarkDot is the forward W1·X: (n1, 12288)·(12288, 209).
func BenchmarkDot(b *testing.B) {
	benchProduct(b, func(n1 int) (dst, x, y *Dense, f func(dst, x, y *Dense) *Dense) {
		return Zeros(n1, benchM), benchRandom(n1, benchNX), benchRandom(benchNX, benchM), DotInto
	})
}

// BenchmarkDotTB is the backward dW1 = dZ1·Xᵀ: (n1, 209)·(12288, 209)ᵀ.
func BenchmarkDotTB(b *testing.B) {
	benchProduct(b, func(n1 int) (dst, x, y *Dense, f func(dst, x, y *Dense) *Dense) {
		return Zeros(n1, benchNX), benchRandom(n1, benchM), benchRandom(benchNX, benchM), DotTBInto
	})
}

// BenchmarkDotTA is the backward dA0 = W1ᵀ·dZ1: (n1, 12288)ᵀ·(n1, 209).
func BenchmarkDotTA(b *testing.B) {
	benchProduct(b, func(n1 int) (dst, x, y *Dense, f func(dst, x, y *Dense) *Dense) {
		return Zeros(benchNX, benchM), benchRandom(n1, benchNX), benchRandom(n1, benchM), DotTAInto
	})
}

// benchProduct runs the product that setup builds for each n1, fast and plain.
func benchProduct(b *testing.B, setup func(n1 int) (dst, x, y *Dense, f func(dst, x, y *Dense) *Dense)) {
	for _, n1 := range benchUnits {
		dst, x, y, f := setup(n1)
		flops := 2 * float64(n1) * benchNX * benchM
		for _, path := range []string{"fast", "plain"} {
			b.Run(fmt.Sprintf("n1=%d/%s", n1, path), func(b *testing.B) {
				SetPlain(path == "plain")
				defer SetPlain(false)
				for b.Loop() {
					f(dst, x, y)
				}
				b.ReportMetric(flops*float64(b.N)/b.Elapsed().Seconds()/1e9, "GFLOP/s")
			})
		}
	}
}

func benchRandom(r, c int) *Dense {
	return randomDense(rand.New(rand.NewPCG(uint64(r), uint64(c))), r, c)
}
