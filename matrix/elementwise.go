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

// A binaryOp is an element-wise operation x∘y written as three loops, one
// for each way a row of the result can draw on its operands: element by
// element, or with one of them a single number repeated along the row.
//
//	vv: d[j] = x[j] ∘ y[j]
//	vs: d[j] = x[j] ∘ s
//	sv: d[j] = s ∘ y[j]
//
// Every broadcast case is a few calls of these, one per row at most (see
// apply), so that no function is called per element.
type binaryOp struct {
	vv func(d, x, y []float64)
	vs func(d, x []float64, s float64)
	sv func(d []float64, s float64, y []float64)
}

// apply returns a∘b, with a and b broadcast together. It panics, naming the
// operation as name says, if their shapes cannot be broadcast.
func (op *binaryOp) apply(name string, a, b *Dense) *Dense {
	r, c := broadcastShape(name, a, b)
	dst := newResult(r, c)
	d, x, y := dst.data, a.rowMajor(), b.rowMajor()
	if len(d) == 0 {
		return dst
	}
	// Each operand is the result's whole shape, one number, one column (r,1)
	// or one row (1,c).
	const whole, one, column, row = 0, 1, 2, 3
	kind := func(m *Dense) int {
		switch {
		case m.rows == r && m.cols == c:
			return whole
		case m.rows == 1 && m.cols == 1:
			return one
		case m.cols == 1:
			return column
		}
		return row
	}
	switch ka, kb := kind(a), kind(b); {
	case ka == whole && kb == whole:
		op.vv(d, x, y)
	case ka == whole && kb == one:
		op.vs(d, x, y[0])
	case ka == one && kb == whole:
		op.sv(d, x[0], y)
	case ka == whole && kb == column:
		for i := 0; i < r; i++ {
			op.vs(d[i*c:(i+1)*c], x[i*c:(i+1)*c], y[i])
		}
	case ka == column && kb == whole:
		for i := 0; i < r; i++ {
			op.sv(d[i*c:(i+1)*c], x[i], y[i*c:(i+1)*c])
		}
	case ka == whole && kb == row:
		for i := 0; i < r; i++ {
			op.vv(d[i*c:(i+1)*c], x[i*c:(i+1)*c], y)
		}
	case ka == row && kb == whole:
		for i := 0; i < r; i++ {
			op.vv(d[i*c:(i+1)*c], x, y[i*c:(i+1)*c])
		}
	case ka == column && kb == row:
		for i := 0; i < r; i++ {
			op.sv(d[i*c:(i+1)*c], x[i], y)
		}
	default: // a row, b a column
		for i := 0; i < r; i++ {
			op.vs(d[i*c:(i+1)*c], x, y[i])
		}
	}
	return dst
}

// The four operations of arithmetic. Each loop first cuts its operands to
// the length of d, which lets the compiler drop the bounds checks.
var (
	addOp = binaryOp{
		vv: func(d, x, y []float64) {
			x, y = x[:len(d)], y[:len(d)]
			for i := range d {
				d[i] = x[i] + y[i]
			}
		},
		vs: func(d, x []float64, s float64) {
			x = x[:len(d)]
			for i := range d {
				d[i] = x[i] + s
			}
		},
		sv: func(d []float64, s float64, y []float64) {
			y = y[:len(d)]
			for i := range d {
				d[i] = s + y[i]
			}
		},
	}
	subOp = binaryOp{
		vv: func(d, x, y []float64) {
			x, y = x[:len(d)], y[:len(d)]
			for i := range d {
				d[i] = x[i] - y[i]
			}
		},
		vs: func(d, x []float64, s float64) {
			x = x[:len(d)]
			for i := range d {
				d[i] = x[i] - s
			}
		},
		sv: func(d []float64, s float64, y []float64) {
			y = y[:len(d)]
			for i := range d {
				d[i] = s - y[i]
			}
		},
	}
	mulOp = binaryOp{
		vv: func(d, x, y []float64) {
			x, y = x[:len(d)], y[:len(d)]
			for i := range d {
				d[i] = x[i] * y[i]
			}
		},
		vs: scaleInto,
		sv: func(d []float64, s float64, y []float64) { scaleInto(d, y, s) },
	}
	divOp = binaryOp{
		vv: func(d, x, y []float64) {
			x, y = x[:len(d)], y[:len(d)]
			for i := range d {
				d[i] = x[i] / y[i]
			}
		},
		vs: func(d, x []float64, s float64) {
			x = x[:len(d)]
			for i := range d {
				d[i] = x[i] / s
			}
		},
		sv: func(d []float64, s float64, y []float64) {
			y = y[:len(d)]
			for i := range d {
				d[i] = s / y[i]
			}
		},
	}
)

// Add returns a + b with broadcasting. It panics if the shapes cannot be
// broadcast together.
func Add(a, b *Dense) *Dense { return addOp.apply("Add", a, b) }

// Sub returns a - b with broadcasting. It panics if the shapes cannot be
// broadcast together.
func Sub(a, b *Dense) *Dense { return subOp.apply("Sub", a, b) }

// Mul returns the element-wise product a * b with broadcasting (numpy's *,
// not Dot). It panics if the shapes cannot be broadcast together.
func Mul(a, b *Dense) *Dense { return mulOp.apply("Mul", a, b) }

// Div returns the element-wise quotient a / b with broadcasting. It panics
// if the shapes cannot be broadcast together.
func Div(a, b *Dense) *Dense { return divOp.apply("Div", a, b) }

// Binary returns f(x, y) for each pair of elements of a and b broadcast
// together, as Add is x + y. It panics if the shapes cannot be broadcast
// together.
func Binary(a, b *Dense, f func(x, y float64) float64) *Dense {
	op := binaryOp{
		vv: func(d, x, y []float64) {
			x, y = x[:len(d)], y[:len(d)]
			for i := range d {
				d[i] = f(x[i], y[i])
			}
		},
		vs: func(d, x []float64, s float64) {
			x = x[:len(d)]
			for i := range d {
				d[i] = f(x[i], s)
			}
		},
		sv: func(d []float64, s float64, y []float64) {
			y = y[:len(d)]
			for i := range d {
				d[i] = f(s, y[i])
			}
		},
	}
	return op.apply("Binary", a, b)
}

// Scale returns s * m.
func Scale(s float64, m *Dense) *Dense {
	d := newResult(m.rows, m.cols)
	scaleInto(d.data, m.rowMajor(), s)
	return d
}

// scaleInto sets d[i] = s * x[i]: Scale, and both of Mul's loops with one
// number, since a product of two float64s does not depend on their order.
func scaleInto(d, x []float64, s float64) {
	x = x[:len(d)]
	for i := range d {
		d[i] = s * x[i]
	}
}

// Apply returns f applied to every element of m.
func Apply(m *Dense, f func(float64) float64) *Dense {
	d := newResult(m.rows, m.cols)
	for i, x := range m.rowMajor() {
		d.data[i] = f(x)
	}
	return d
}

// Exp returns e to the power of every element, np.exp(m).
func Exp(m *Dense) *Dense {
	d := newResult(m.rows, m.cols)
	for i, x := range m.rowMajor() {
		d.data[i] = math.Exp(x)
	}
	return d
}

// Log returns the natural logarithm of every element, np.log(m).
func Log(m *Dense) *Dense {
	d := newResult(m.rows, m.cols)
	for i, x := range m.rowMajor() {
		d.data[i] = math.Log(x)
	}
	return d
}

// Maximum returns the larger of each element and s, np.maximum(m, s). Like
// numpy, it propagates NaN.
func Maximum(m *Dense, s float64) *Dense {
	dst := newResult(m.rows, m.cols)
	d, x := dst.data, m.rowMajor()
	if s == 0 && math.Signbit(s) || s != s {
		// The rule itself, which the loop below follows faster where
		// the built-in max agrees with it: not for max(+0, -0), which is
		// +0, nor with a NaN s, whose bits it may not keep.
		for i, v := range x {
			if v > s || v != v {
				d[i] = v
			} else {
				d[i] = s
			}
		}
		return dst
	}
	x = x[:len(d)]
	for i := range d {
		v := max(x[i], s) // no branch to mispredict
		if x[i] != x[i] {
			v = x[i] // the NaN itself, bit for bit
		}
		d[i] = v
	}
	return dst
}
