package matrix

import (
	"fmt"
	"math"
)

// SumAxis sums m along axis 0 (down the columns, giving (1, c)) or axis 1
// (across the rows, giving (r, 1)), keeping the dimension as numpy's
// np.sum(m, axis=axis, keepdims=True) does. Each sum adds its elements in
// order, from the first. It panics for any other axis.
func SumAxis(m *Dense, axis int) *Dense {
	data := m.rowMajor()
	switch axis {
	case 0:
		s := Zeros(1, m.cols)
		c := m.cols
		// Four rows at a time: each column's sum takes them in order
		// without going back to memory between them.
		i := 0
		for ; i+4 <= m.rows; i += 4 {
			sum := s.data
			r0 := data[i*c : (i+1)*c][:len(sum)]
			r1, r2, r3 := data[(i+1)*c : (i+2)*c][:len(sum)], data[(i+2)*c : (i+3)*c][:len(sum)], data[(i+3)*c : (i+4)*c][:len(sum)]
			for j, t := range sum {
				t += r0[j]
				t += r1[j]
				t += r2[j]
				t += r3[j]
				sum[j] = t
			}
		}
		for ; i < m.rows; i++ {
			sum := s.data
			for j, x := range data[i*c : (i+1)*c][:len(sum)] {
				sum[j] += x
			}
		}
		return s
	case 1:
		s := Zeros(m.rows, 1)
		c := m.cols
		// Four rows at a time: their sums are independent, so the
		// processor adds them side by side, each still in order.
		i := 0
		for ; i+4 <= m.rows; i += 4 {
			r0 := data[i*c : (i+1)*c]
			r1, r2, r3 := data[(i+1)*c : (i+2)*c][:len(r0)], data[(i+2)*c : (i+3)*c][:len(r0)], data[(i+3)*c : (i+4)*c][:len(r0)]
			var t0, t1, t2, t3 float64
			for j, x := range r0 {
				t0 += x
				t1 += r1[j]
				t2 += r2[j]
				t3 += r3[j]
			}
			s.data[i], s.data[i+1], s.data[i+2], s.data[i+3] = t0, t1, t2, t3
		}
		for ; i < m.rows; i++ {
			s.data[i] = sum(data[i*c : (i+1)*c])
		}
		return s
	}
	panic(fmt.Sprintf("matrix: SumAxis: axis %d is out of bounds for a matrix of shape %s", axis, m.Shape()))
}

// Sum returns the sum of all elements, np.sum(m), added in row-major order.
func Sum(m *Dense) float64 { return sum(m.rowMajor()) }

func sum(x []float64) float64 {
	var t float64
	for _, v := range x {
		t += v
	}
	return t
}

// Equal reports whether a and b have the same shape and identical elements.
func Equal(a, b *Dense) bool {
	if a.rows != b.rows || a.cols != b.cols {
		return false
	}
	y := b.rowMajor()
	for i, x := range a.rowMajor() {
		if x != y[i] {
			return false
		}
	}
	return true
}

// AllClose reports whether a and b have the same shape and every pair of
// elements satisfies |a - b| <= atol + rtol*|b|, numpy's np.allclose(a, b,
// rtol, atol) (b is the expected value). NaNs are never close.
func AllClose(a, b *Dense, rtol, atol float64) bool {
	if a.rows != b.rows || a.cols != b.cols {
		return false
	}
	y := b.rowMajor()
	for i, x := range a.rowMajor() {
		if !Close(x, y[i], rtol, atol) {
			return false
		}
	}
	return true
}

// Close reports whether |got - want| <= atol + rtol*|want|, numpy's
// isclose for one pair. Equal infinities are close; NaN is not.
func Close(got, want, rtol, atol float64) bool {
	if got == want {
		return true
	}
	return math.Abs(got-want) <= atol+rtol*math.Abs(want)
}
