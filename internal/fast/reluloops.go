package fast

import "fmt"

// reluLoops is one implementation of the relu layers' element-wise loops,
// most of an iteration's element-wise work for small layers: portable Go
// (loops.go), the reference, or SIMD assembly on amd64 (loops_amd64.go),
// which computes the same bits. The engine takes the set named like the
// kernel package gemm runs (gemm.Kernel), since each needs what that
// kernel needs: the AVX-512 loops AVX512F, the AVX2 ones AVX. So
// DNN_MATRIX=go, or the purego build tag, runs the Go loops too.
type reluLoops struct {
	name string // "avx512", "avx2" or "go", as gemm's kernels
	// biasRelu sets ZT (m, n) to relu(ZT + bᵀ) in place, b being (n).
	biasRelu func(ZT, b []float64)
	// backward turns dAT (m, n) into dZᵀ in place, where AT (m, n) is
	// positive, and sets sum (n) to the sums of dZ over the examples, in
	// order.
	backward func(dAT, AT, sum []float64)
}

// newLoops returns the loops named kernel, or the Go ones if there are
// none by that name, for layers of at most units units.
func newLoops(kernel string, units int) *reluLoops {
	for _, simd := range simdLoops() {
		if simd.name == kernel {
			return simd.loops(units)
		}
	}
	return &goLoops
}

var goLoops = reluLoops{name: "go", biasRelu: biasReluGo, backward: reluBackwardGo}

// simd is a set of loops in assembly (loops_amd64.s), in lanes of
// float64s at a time:
//
//	biasRelu(z, n, bt, period)  z (n) ← relu(z + bias), the bias of z[i]
//	                            bt[i % period], period a multiple of lanes
//	reluMask(dA, A, n)          dA (n) ← dA where A (n) > 0, else 0
//	colSums(x, m, n, w, sum)    sum (w) ← the sums of columns 0..w-1 of the
//	                            (m, n) matrix at x, in order; m ≥ 1, w ≤ 3·lanes
type simd struct {
	name     string
	lanes    int
	biasRelu func(z *float64, n int, bt *float64, period int)
	reluMask func(dA, A *float64, n int)
	colSums  func(x *float64, m, n, w int, sum *float64)
}

// loops returns the relu layers' loops for layers of at most units units,
// over s's assembly. The first two take a whole (m, n) matrix as one run
// of m·n elements: biasRelu adds b through the tile bt of 8 copies of it
// (8 examples, a multiple of the lanes), which it fills first; backward
// adds the columns in a second pass, in panels of 3·lanes columns. They
// panic, as the Go loops would, unless the matrices are (m, n) for the n
// of b or sum.
func (s *simd) loops(units int) *reluLoops {
	bt := make([]float64, 8*units)
	return &reluLoops{
		name: s.name,
		biasRelu: func(ZT, b []float64) {
			n := len(b)
			m := checkRows("biasRelu", s.name, ZT, nil, n)
			if m == 0 {
				return
			}
			bt := bt[:8*n]
			for i := 0; i < len(bt); i += n {
				copy(bt[i:i+n], b)
			}
			s.biasRelu(&ZT[0], len(ZT), &bt[0], len(bt))
		},
		backward: func(dAT, AT, sum []float64) {
			n := len(sum)
			m := checkRows("reluBackward", s.name, dAT, AT, n)
			if m == 0 {
				clear(sum)
				return
			}
			s.reluMask(&dAT[0], &AT[0], len(dAT))
			for j := 0; j < n; j += 3 * s.lanes {
				s.colSums(&dAT[j], m, n, min(3*s.lanes, n-j), &sum[j])
			}
		},
	}
}

// checkRows returns the m of an (m, n) matrix x, and panics, naming the
// loop, unless x, and y if not nil, hold exactly (m, n).
func checkRows(loop, name string, x, y []float64, n int) int {
	if n == 0 || len(x)%n != 0 || y != nil && len(y) != len(x) {
		panic(fmt.Sprintf("fast: %s (%s): %d and %d elements are not (m, %d)", loop, name, len(x), len(y), n))
	}
	return len(x) / n
}
