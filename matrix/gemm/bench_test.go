package gemm

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"dnn/matrix/internal/producttest"
)

// The products of the course's first layer, where training spends its time
// (see producttest): X is (12288, 209), W1 is (n1, 12288) and dZ1 is
// (n1, 209), with n1 = 20 units in the L-layer model and 7 in the two-layer
// one. Each benchmark runs every kernel this machine has, writing into the
// same C each time, and reports GFLOP/s, counting a multiply-add as two
// operations.
const courseNX, courseM = producttest.NX, producttest.M

// BenchmarkProduct is the forward W1·X: (n1, 12288)·(12288, 209).
func BenchmarkProduct(b *testing.B) {
	benchProduct(b, func(n1 int) (n, k, p, ar, ac, br, bc int) { return n1, courseNX, courseM, courseNX, 1, courseM, 1 })
}

// BenchmarkProductTB is the backward dW1 = dZ1·Xᵀ: (n1, 209)·(12288, 209)ᵀ,
// X read in place.
func BenchmarkProductTB(b *testing.B) {
	benchProduct(b, func(n1 int) (n, k, p, ar, ac, br, bc int) { return n1, courseM, courseNX, courseM, 1, 1, courseM })
}

// BenchmarkProductTA is the backward dA0 = W1ᵀ·dZ1: (n1, 12288)ᵀ·(n1, 209),
// W1 read in place.
func BenchmarkProductTA(b *testing.B) {
	benchProduct(b, func(n1 int) (n, k, p, ar, ac, br, bc int) { return courseNX, n1, courseM, 1, courseNX, courseM, 1 })
}

// benchProduct runs the product that shape describes for each n1 with
// each kernel.
func benchProduct(b *testing.B, shape func(n1 int) (n, k, p, ar, ac, br, bc int)) {
	saved := active.Load()
	defer active.Store(saved)
	for _, n1 := range producttest.Units {
		n, k, p, ar, ac, br, bc := shape(n1)
		rng := rand.New(rand.NewPCG(uint64(n), uint64(p)))
		x, y, c := randomSlice(rng, n*k), randomSlice(rng, k*p), make([]float64, n*p)
		flops := 2 * float64(n) * float64(k) * float64(p)
		for _, kern := range kernels() {
			b.Run(fmt.Sprintf("n1=%d/%s", n1, kern.name), func(b *testing.B) {
				active.Store(kern)
				for b.Loop() {
					Product(c, n, k, p, x, ar, ac, y, br, bc)
				}
				b.ReportMetric(flops*float64(b.N)/b.Elapsed().Seconds()/1e9, "GFLOP/s")
			})
		}
	}
}

// BenchmarkProductSmall times the products of a small network's training
// iteration, the demo's layers 2, 20, 7, 5, 1 on 400 points, where the
// cost of a call (checks, blocking, kernel set-up) weighs as much as the
// arithmetic.
func BenchmarkProductSmall(b *testing.B) {
	const points = 400
	for _, sh := range []struct {
		name                    string
		n, k, p, ar, ac, br, bc int
	}{
		{"W·A(20,2)(2,400)", 20, 2, points, 2, 1, points, 1},
		{"W·A(7,20)(20,400)", 7, 20, points, 20, 1, points, 1},
		{"dZ·Aᵀ(7,400)(400,20)", 7, points, 20, points, 1, 1, points},
		{"Wᵀ·dZ(20,7)(7,400)", 20, 7, points, 1, 20, points, 1},
		{"Wᵀ·dZ(1,5)ᵀ(1,400)", 5, 1, points, 1, 1, points, 1},
	} {
		rng := rand.New(rand.NewPCG(uint64(sh.n), uint64(sh.p)))
		x, y, c := randomSlice(rng, extent(sh.n, sh.k, sh.ar, sh.ac)), randomSlice(rng, extent(sh.k, sh.p, sh.br, sh.bc)), make([]float64, sh.n*sh.p)
		b.Run(sh.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Product(c, sh.n, sh.k, sh.p, x, sh.ar, sh.ac, y, sh.br, sh.bc)
			}
		})
	}
}

// BenchmarkProductTACold is BenchmarkProductTA with a C that no cache
// holds, as in training, where dA0 is a new 20 MB matrix every iteration:
// it writes in turn into 8 different Cs.
func BenchmarkProductTACold(b *testing.B) {
	for _, n1 := range producttest.Units {
		n, k, p := courseNX, n1, courseM
		rng := rand.New(rand.NewPCG(uint64(n), uint64(k)))
		x, y := randomSlice(rng, n*k), randomSlice(rng, k*p)
		var cs [8][]float64
		for i := range cs {
			cs[i] = make([]float64, n*p)
		}
		b.Run(fmt.Sprintf("n1=%d", n1), func(b *testing.B) {
			i := 0
			for b.Loop() {
				Product(cs[i%len(cs)], n, k, p, x, 1, n, y, p, 1)
				i++
			}
		})
	}
}
