package matrix

import (
	"fmt"
	"math"
)

// Broadcasting, numpy's rule for two 2-D operands, written once here: the
// result has, in each dimension, the larger of the two sizes, and each
// operand's size there must equal it or be 1. A size-1 dimension is repeated
// along the other's. So (r,c) combines with (r,c), (r,1), (1,c) and (1,1), in
// either order, and (r,1) with (1,c) gives (r,c).
func broadcastShape(op string, a, b *Dense) (r, c int) {
	r, okR := broadcastDim(a.rows, b.rows)
	c, okC := broadcastDim(a.cols, b.cols)
	if !okR || !okC {
		panic(fmt.Sprintf("matrix: %s: operands could not be broadcast together with shapes %s %s", op, a.Shape(), b.Shape()))
	}
	return r, c
}

func broadcastDim(x, y int) (int, bool) {
	switch {
	case x == y:
		return x, true
	case x == 1:
		return y, true
	case y == 1:
		return x, true
	}
	return 0, false
}

// strides returns how far to step in m's data for one row and one column of
// the broadcast result: 0 along a dimension of size 1.
func (m *Dense) strides() (row, col int) {
	if m.rows > 1 {
		row = m.cols
	}
	if m.cols > 1 {
		col = 1
	}
	return row, col
}

// Binary returns f applied element by element to a and b broadcast together.
// It panics if the shapes cannot be broadcast; op names the caller in the message.
func Binary(op string, a, b *Dense, f func(x, y float64) float64) *Dense {
	r, c := broadcastShape(op, a, b)
	return binaryInto(Zeros(r, c), a, b, f)
}

// BinaryInto is Binary writing into dst, which must have the broadcast shape.
// dst may be a or b when that operand has the result's shape.
func BinaryInto(op string, dst, a, b *Dense, f func(x, y float64) float64) *Dense {
	r, c := broadcastShape(op, a, b)
	if dst.rows != r || dst.cols != c {
		panic(fmt.Sprintf("matrix: %s: destination shape %s, result shape %s", op, dst.Shape(), shape(r, c)))
	}
	return binaryInto(dst, a, b, f)
}

func binaryInto(dst, a, b *Dense, f func(x, y float64) float64) *Dense {
	if len(a.data) == len(dst.data) && len(b.data) == len(dst.data) {
		// No broadcasting: one pass over the three slices.
		for i, x := range a.data {
			dst.data[i] = f(x, b.data[i])
		}
		return dst
	}
	ar, ac := a.strides()
	br, bc := b.strides()
	k := 0
	for i := 0; i < dst.rows; i++ {
		ai, bi := i*ar, i*br
		for j := 0; j < dst.cols; j++ {
			dst.data[k] = f(a.data[ai+j*ac], b.data[bi+j*bc])
			k++
		}
	}
	return dst
}

// Add returns a + b with broadcasting.
func Add(a, b *Dense) *Dense { return Binary("Add", a, b, func(x, y float64) float64 { return x + y }) }

// Sub returns a - b with broadcasting.
func Sub(a, b *Dense) *Dense { return Binary("Sub", a, b, func(x, y float64) float64 { return x - y }) }

// Mul returns the element-wise product a * b with broadcasting (numpy's *, not Dot).
func Mul(a, b *Dense) *Dense { return Binary("Mul", a, b, func(x, y float64) float64 { return x * y }) }

// Div returns the element-wise quotient a / b with broadcasting.
func Div(a, b *Dense) *Dense { return Binary("Div", a, b, func(x, y float64) float64 { return x / y }) }

// AddScaled returns a + s·b for a and b of the same shape, in one pass
// (BLAS calls it axpy): W - α·dW is AddScaled(W, -α, dW). It panics if the
// shapes differ.
func AddScaled(a *Dense, s float64, b *Dense) *Dense {
	sameShape("AddScaled", a, b)
	d := Zeros(a.rows, a.cols)
	for i, x := range a.data {
		d.data[i] = x + s*b.data[i]
	}
	return d
}

// Scale returns s * m.
func Scale(s float64, m *Dense) *Dense { return Apply(m, func(x float64) float64 { return s * x }) }

// Apply returns f applied to every element of m.
func Apply(m *Dense, f func(float64) float64) *Dense { return ApplyInto(Zeros(m.rows, m.cols), m, f) }

// ApplyInto writes f applied to every element of m into dst, which must have
// m's shape (dst may be m itself), and returns dst.
func ApplyInto(dst, m *Dense, f func(float64) float64) *Dense {
	sameShape("ApplyInto", dst, m)
	for i, x := range m.data {
		dst.data[i] = f(x)
	}
	return dst
}

// Exp returns e to the power of every element, np.exp(m).
func Exp(m *Dense) *Dense { return Apply(m, math.Exp) }

// Log returns the natural logarithm of every element, np.log(m).
func Log(m *Dense) *Dense { return Apply(m, math.Log) }

// Maximum returns the larger of each element and s, np.maximum(m, s). Like
// numpy, it propagates NaN.
func Maximum(m *Dense, s float64) *Dense {
	return Apply(m, func(x float64) float64 {
		if x > s || x != x {
			return x
		}
		return s
	})
}
