package matrix

import (
	"fmt"
	"math"
)

// SumAxis sums m along axis 0 (down the columns, giving (1, c)) or axis 1
// (across the rows, giving (r, 1)), keeping the dimension as numpy's
// np.sum(m, axis=axis, keepdims=True) does. It panics for any other axis.
func SumAxis(m *Dense, axis int) *Dense {
	switch axis {
	case 0:
		s := Zeros(1, m.cols)
		for i := 0; i < m.rows; i++ {
			for j, x := range m.data[i*m.cols : (i+1)*m.cols] {
				s.data[j] += x
			}
		}
		return s
	case 1:
		s := Zeros(m.rows, 1)
		for i := 0; i < m.rows; i++ {
			var t float64
			for _, x := range m.data[i*m.cols : (i+1)*m.cols] {
				t += x
			}
			s.data[i] = t
		}
		return s
	}
	panic(fmt.Sprintf("matrix: SumAxis: axis %d is out of bounds for a matrix of shape %s", axis, m.Shape()))
}

// Sum returns the sum of all elements, np.sum(m).
func Sum(m *Dense) float64 {
	var t float64
	for _, x := range m.data {
		t += x
	}
	return t
}

// Equal reports whether a and b have the same shape and identical elements.
func Equal(a, b *Dense) bool {
	if a.rows != b.rows || a.cols != b.cols {
		return false
	}
	for i, x := range a.data {
		if x != b.data[i] {
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
	for i, x := range a.data {
		if !Close(x, b.data[i], rtol, atol) {
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
