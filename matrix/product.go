package matrix

import (
	"fmt"

	"dnn/matrix/gemm"
)

// Dot returns the matrix product a·b, np.dot(a, b). a is (n, k), b is (k, p);
// the result is (n, p). It panics if the inner dimensions differ.
//
// Either operand may be a transposed view (see T), which Dot reads in
// place: the three products of a layer,
//
//	Dot(W, APrev)      forward  Z = W·A[l-1]
//	Dot(dZ, APrev.T()) backward dW = dZ·A[l-1]ᵀ (before the 1/m)
//	Dot(W.T(), dZ)     backward dA[l-1] = Wᵀ·dZ
//
// cost the same, with no transposition.
//
// Dot runs the fast product of package gemm, unless the plain reference
// loops below were asked for (SetPlain, DNN_MATRIX=plain).
func Dot(a, b *Dense) *Dense {
	if a.cols != b.rows {
		panic(fmt.Sprintf("matrix: Dot: shapes %s and %s not aligned: %d (dim 1) != %d (dim 0)",
			a.Shape(), b.Shape(), a.cols, b.rows))
	}
	c := newResult(a.rows, b.cols)
	if !plain.Load() {
		ar, ac := a.strides()
		br, bc := b.strides()
		gemm.Product(c.data, a.rows, a.cols, b.cols, a.data, ar, ac, b.data, br, bc)
		return c
	}
	// A view's transpose is the matrix it views, in row-major order.
	switch {
	case !a.transposed && !b.transposed:
		dotNaive(c, a, b)
	case a.transposed && !b.transposed:
		dotTANaive(c, a.T(), b)
	case !a.transposed && b.transposed:
		dotTBNaive(c, a, b.T())
	default:
		dotTANaive(c, a.T(), b.Clone())
	}
	return c
}

// The plain products, the readable reference for the fast one of package
// gemm. Each sets every element of dst, whatever it held, and adds the k
// products of an element in order, from l = 0, as gemm does. gemm rounds
// each product-and-sum once (a fused multiply-add); these loops write the
// product and the sum apart, which the compiler may fuse too (arm64 does,
// and amd64 built with GOAMD64=v3) or round twice (amd64 by default). So
// the two agree bit for bit on some machines and in the last bits on
// others; a test holds them together within the bound of such a sum.

// dotNaive is dst = a·b: a is (n, k), b is (k, p), dst is (n, p). It runs
// i-l-j rather than the textbook i-j-l: the innermost loop walks a row of b
// and a row of dst with stride 1, which is what the cache likes, and it
// multiplies a[i][l] into a whole row at once ("axpy").
func dotNaive(dst, a, b *Dense) {
	n, k, p := a.rows, a.cols, b.cols
	for i := 0; i < n; i++ {
		row := dst.data[i*p : (i+1)*p]
		clear(row)
		for l := 0; l < k; l++ {
			s := a.data[i*k+l]
			for j, x := range b.data[l*p : (l+1)*p] {
				row[j] += s * x
			}
		}
	}
}

// dotTANaive is dst = aᵀ·b: a is (k, n), b is (k, p), dst is (n, p). Row l
// of a and row l of b together add one outer product to dst.
func dotTANaive(dst, a, b *Dense) {
	n, k, p := a.cols, a.rows, b.cols
	clear(dst.data)
	for l := 0; l < k; l++ {
		brow := b.data[l*p : (l+1)*p]
		for i, s := range a.data[l*n : (l+1)*n] {
			row := dst.data[i*p : (i+1)*p]
			for j, x := range brow {
				row[j] += s * x
			}
		}
	}
}

// dotTBNaive is dst = a·bᵀ: a is (n, k), b is (p, k), dst is (n, p).
// Element (i, j) is the dot product of row i of a and row j of b, both read
// with stride 1.
func dotTBNaive(dst, a, b *Dense) {
	n, k, p := a.rows, a.cols, b.rows
	for i := 0; i < n; i++ {
		arow := a.data[i*k : (i+1)*k]
		for j := 0; j < p; j++ {
			var s float64
			for l, x := range b.data[j*k : (j+1)*k] {
				s += arow[l] * x
			}
			dst.data[i*p+j] = s
		}
	}
}
