package matrix

import (
	"fmt"
	"unsafe"
)

// The three products of a layer, in the shapes of the course's first layer
// (W1 is (n[1], n[0]), X is (n[0], m), dZ1 is (n[1], m)):
//
//	Dot(W1, X)     forward Z1 = W1·X        (n[1], n[0])·(n[0], m)
//	DotTB(dZ1, X)  backward dW1 = dZ1·Xᵀ    (n[1], m)·(n[0], m)ᵀ
//	DotTA(W1, dZ1) backward dA0 = W1ᵀ·dZ1   (n[1], n[0])ᵀ·(n[1], m)
//
// Each has an Into variant that writes into a destination the caller owns.
// All of them run the blocked, multi-core product of product_fast.go unless
// the plain reference loops below were asked for (SetPlain, DNN_MATRIX=plain).

// Dot returns the matrix product a·b, np.dot(a, b). a is (n, k), b is (k, p);
// the result is (n, p). It panics if the inner dimensions differ.
func Dot(a, b *Dense) *Dense {
	checkDot("Dot", a, b)
	return dot(Zeros(a.rows, b.cols), a, b)
}

// DotInto writes a·b into dst and returns dst. a is (n, k), b is (k, p), dst
// is (n, p); dst's previous contents are ignored. It panics if the inner
// dimensions differ, if dst has the wrong shape, or if dst shares memory
// with a or b.
func DotInto(dst, a, b *Dense) *Dense {
	checkDot("DotInto", a, b)
	checkDst("DotInto", dst, a, b, a.rows, a.cols, b.rows, b.cols)
	return dot(dst, a, b)
}

// DotTA returns aᵀ·b without forming aᵀ: np.dot(a.T, b). a is (k, n), b is
// (k, p); the result is (n, p). It panics if a and b differ in rows.
func DotTA(a, b *Dense) *Dense {
	checkDotTA("DotTA", a, b)
	return dotTA(Zeros(a.cols, b.cols), a, b)
}

// DotTAInto writes aᵀ·b into dst and returns dst. a is (k, n), b is (k, p),
// dst is (n, p); dst's previous contents are ignored. It panics if a and b
// differ in rows, if dst has the wrong shape, or if dst shares memory with a
// or b.
func DotTAInto(dst, a, b *Dense) *Dense {
	checkDotTA("DotTAInto", a, b)
	checkDst("DotTAInto", dst, a, b, a.cols, a.rows, b.rows, b.cols)
	return dotTA(dst, a, b)
}

// DotTB returns a·bᵀ without forming bᵀ: np.dot(a, b.T). a is (n, k), b is
// (p, k); the result is (n, p). It panics if a and b differ in columns.
func DotTB(a, b *Dense) *Dense {
	checkDotTB("DotTB", a, b)
	return dotTB(Zeros(a.rows, b.rows), a, b)
}

// DotTBInto writes a·bᵀ into dst and returns dst. a is (n, k), b is (p, k),
// dst is (n, p); dst's previous contents are ignored. It panics if a and b
// differ in columns, if dst has the wrong shape, or if dst shares memory
// with a or b.
func DotTBInto(dst, a, b *Dense) *Dense {
	checkDotTB("DotTBInto", a, b)
	checkDst("DotTBInto", dst, a, b, a.rows, a.cols, b.cols, b.rows)
	return dotTB(dst, a, b)
}

// dot, dotTA and dotTB choose between the plain reference loops and the
// fast path. The operands have been checked.
func dot(dst, a, b *Dense) *Dense {
	if plain.Load() {
		return dotInto(dst, a, b)
	}
	gemm(dst, a.data, a.cols, 1, b.data, b.cols, 1, a.rows, a.cols, b.cols)
	return dst
}

func dotTA(dst, a, b *Dense) *Dense {
	if plain.Load() {
		return dotTAInto(dst, a, b)
	}
	gemm(dst, a.data, 1, a.cols, b.data, b.cols, 1, a.cols, a.rows, b.cols)
	return dst
}

func dotTB(dst, a, b *Dense) *Dense {
	if plain.Load() {
		return dotTBInto(dst, a, b)
	}
	gemm(dst, a.data, a.cols, 1, b.data, 1, b.cols, a.rows, a.cols, b.rows)
	return dst
}

// dotInto is the plain matrix product, the readable reference for any faster
// one. It runs i-k-j rather than the textbook i-j-k: the innermost loop walks
// a row of b and a row of dst with stride 1, which is what the cache likes,
// and it multiplies a[i][k] into a whole row at once ("axpy").
func dotInto(dst, a, b *Dense) *Dense {
	n, k, p := a.rows, a.cols, b.cols
	for i := 0; i < n; i++ {
		row := dst.data[i*p : (i+1)*p]
		for j := range row {
			row[j] = 0
		}
		for l := 0; l < k; l++ {
			s := a.data[i*k+l]
			for j, x := range b.data[l*p : (l+1)*p] {
				row[j] += s * x
			}
		}
	}
	return dst
}

// dotTAInto is the plain aᵀ·b, the reference for the fast DotTA. a is
// (k, n), b is (k, p), dst is (n, p). Row l of a and row l of b together add
// one outer product to dst.
func dotTAInto(dst, a, b *Dense) *Dense {
	n, k, p := a.cols, a.rows, b.cols
	for i := range dst.data {
		dst.data[i] = 0
	}
	for l := 0; l < k; l++ {
		brow := b.data[l*p : (l+1)*p]
		for i, s := range a.data[l*n : (l+1)*n] {
			row := dst.data[i*p : (i+1)*p]
			for j, x := range brow {
				row[j] += s * x
			}
		}
	}
	return dst
}

// dotTBInto is the plain a·bᵀ, the reference for the fast DotTB. a is
// (n, k), b is (p, k), dst is (n, p). Element (i, j) is the dot product of
// row i of a and row j of b, both read with stride 1.
func dotTBInto(dst, a, b *Dense) *Dense {
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
	return dst
}

func checkDot(op string, a, b *Dense) {
	if a.cols != b.rows {
		panic(notAligned(op, a.rows, a.cols, b.rows, b.cols))
	}
}

// checkDotTA and checkDotTB report the shapes the way numpy would see them,
// np.dot(a.T, b) and np.dot(a, b.T): with the transposed operand's shape.
func checkDotTA(op string, a, b *Dense) {
	if a.rows != b.rows {
		panic(notAligned(op, a.cols, a.rows, b.rows, b.cols))
	}
}

func checkDotTB(op string, a, b *Dense) {
	if a.cols != b.cols {
		panic(notAligned(op, a.rows, a.cols, b.cols, b.rows))
	}
}

// notAligned is the message for a product of an (ar, ac) and a (br, bc)
// matrix whose inner dimensions ac and br differ.
func notAligned(op string, ar, ac, br, bc int) string {
	return fmt.Sprintf("matrix: %s: shapes %s and %s not aligned: %d (dim 1) != %d (dim 0)",
		op, shape(ar, ac), shape(br, bc), ac, br)
}

// checkDst panics unless dst is (ar, bc), the shape of the product of an
// (ar, ac) and a (br, bc) matrix, and shares no memory with a or b.
func checkDst(op string, dst, a, b *Dense, ar, ac, br, bc int) {
	if dst.rows != ar || dst.cols != bc {
		panic(fmt.Sprintf("matrix: %s: destination shape %s, result shape %s of shapes %s and %s",
			op, dst.Shape(), shape(ar, bc), shape(ar, ac), shape(br, bc)))
	}
	for _, x := range []struct {
		name string
		m    *Dense
	}{{"a", a}, {"b", b}} {
		if overlap(dst.data, x.m.data) {
			panic(fmt.Sprintf("matrix: %s: destination %s shares memory with operand %s %s",
				op, dst.Shape(), x.name, x.m.Shape()))
		}
	}
}

// overlap reports whether the backing arrays of x and y share an element.
func overlap(x, y []float64) bool {
	if len(x) == 0 || len(y) == 0 {
		return false
	}
	const size = unsafe.Sizeof(float64(0))
	x0, y0 := uintptr(unsafe.Pointer(&x[0])), uintptr(unsafe.Pointer(&y[0]))
	return x0 < y0+uintptr(len(y))*size && y0 < x0+uintptr(len(x))*size
}
