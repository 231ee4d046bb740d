package gemm

import (
	"fmt"
	"math"
)

// A kernel computes a product C = A·B one micro-tile at a time: up to mr
// rows by nr columns of C, over a depth of k, with the sums in registers.
// The blocking code of product.go hands it a panel of C at a time:
// any number of rows, at most nr columns, which it walks down tile by tile.
//
// Every kernel computes each element the same way, whatever the tile size,
// so that results never depend on which kernel ran, how the product was cut
// into tiles or how many goroutines shared it:
//
//	c = C[i][j] if acc, else 0
//	for l := 0; l < k; l++ { c = math.FMA(A[i][l], B[l][j], c) }
//	C[i][j] = c
//
// that is, the sum runs from l = 0 to k-1 with one rounding per step.
type kernel struct {
	name string
	mr   int // rows of a tile
	nr   int // columns of a tile, the most a kernelFunc takes
	fn   kernelFunc
}

// A kernelFunc computes the (m, nr) panel C += A·B (or C = A·B when acc is
// false), where A is (m, k), B is (k, nr) and
//
//	A[i][l] = a[i*ar + l*ac]   (ar, ac: strides along rows and along k)
//	B[l][j] = b[l*ldb + j]     (each row of B is contiguous)
//	C[i][j] = c[i*ldc + j]
//
// k ≥ 1, m ≥ 1 and 1 ≤ nr ≤ the kernel's nr. Elements of C outside the
// panel are neither read nor written.
//
// next is a hint: the panel of B that the caller will read after this one
// starts next elements on from b[0], with the same stride ldb (0: nothing
// known), and the kernel may prefetch it as it goes. It may lie before b or
// past its end: prefetching an address never faults.
type kernelFunc func(k int, a []float64, ar, ac int, b []float64, ldb int, c []float64, ldc, m, nr, next int, acc bool)

// goKernel is the portable kernel. A tile of 2×4 needs 14 registers for
// its 8 sums, 2 values of A and 4 of B: amd64 has 15 to spare, arm64 31.
// math.FMA is one instruction on arm64, and on amd64 when built with
// GOAMD64=v3 or later; with the default GOAMD64=v1 each call first checks
// the CPU, and the compiler then keeps fewer values in registers.
var goKernel = kernel{name: "go", mr: 2, nr: 4, fn: kernelGo}

func kernelGo(k int, a []float64, ar, ac int, b []float64, ldb int, c []float64, ldc, m, nr, _ int, acc bool) {
	for i := 0; i < m; i += 2 {
		ai, ci := a[i*ar:], c[i*ldc:]
		if m-i >= 2 && nr == 4 {
			kernelGo2x4(k, ai, ar, ac, b, ldb, ci, ldc, acc)
			continue
		}
		for r := 0; r < min(2, m-i); r++ {
			for j := 0; j < nr; j++ {
				var s float64
				if acc {
					s = ci[r*ldc+j]
				}
				for l := 0; l < k; l++ {
					s = math.FMA(ai[r*ar+l*ac], b[l*ldb+j], s)
				}
				ci[r*ldc+j] = s
			}
		}
	}
}

// kernelGo2x4 is kernelGo for one full 2×4 tile.
func kernelGo2x4(k int, a []float64, ar, ac int, b []float64, ldb int, c []float64, ldc int, acc bool) {
	c0, c1 := c[0:4:4], c[ldc:ldc+4:ldc+4]
	var c00, c01, c02, c03, c10, c11, c12, c13 float64
	if acc {
		c00, c01, c02, c03 = c0[0], c0[1], c0[2], c0[3]
		c10, c11, c12, c13 = c1[0], c1[1], c1[2], c1[3]
	}
	ia, ib := 0, 0
	for l := 0; l < k; l++ {
		a0, a1 := a[ia], a[ia+ar]
		bl := b[ib : ib+4 : ib+4]
		b0, b1, b2, b3 := bl[0], bl[1], bl[2], bl[3]
		c00 = math.FMA(a0, b0, c00)
		c01 = math.FMA(a0, b1, c01)
		c02 = math.FMA(a0, b2, c02)
		c03 = math.FMA(a0, b3, c03)
		c10 = math.FMA(a1, b0, c10)
		c11 = math.FMA(a1, b1, c11)
		c12 = math.FMA(a1, b2, c12)
		c13 = math.FMA(a1, b3, c13)
		ia += ac
		ib += ldb
	}
	c0[0], c0[1], c0[2], c0[3] = c00, c01, c02, c03
	c1[0], c1[1], c1[2], c1[3] = c10, c11, c12, c13
}

// checkPanel panics unless the (m, nr) panel of depth k suits a kernel
// whose tiles have at most maxNR columns, and a, b and c hold every element
// of it that a kernelFunc would touch. Kernels in assembly call it first,
// since they cannot check their bounds themselves.
func checkPanel(name string, maxNR, k int, a []float64, ar, ac int, b []float64, ldb int, c []float64, ldc, m, nr int) {
	if k < 1 || m < 1 || nr < 1 || nr > maxNR ||
		len(a) <= (m-1)*ar+(k-1)*ac || len(b) < (k-1)*ldb+nr || len(c) < (m-1)*ldc+nr {
		panic(fmt.Sprintf("gemm: %s kernel: panel (%d,%d) of depth %d out of range: len(a)=%d ar=%d ac=%d len(b)=%d ldb=%d len(c)=%d ldc=%d",
			name, m, nr, k, len(a), ar, ac, len(b), ldb, len(c), ldc))
	}
}
