package npy

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"dnn/matrix"
)

// maxDims is the largest number of dimensions read or written; numpy 2
// allows 64 (numpy 1, 32).
const maxDims = 64

// Array is an n-dimensional array of float64 in row-major (C) order.
type Array struct {
	Shape []int     // (d0, ..., d(n-1)); empty for a scalar
	Data  []float64 // d0*...*d(n-1) values; element (i0, ..., i(n-1)) at ((i0*d1 + i1)*d2 + ...)*d(n-1) + i(n-1)
}

// FromMatrix returns m as a 2-d Array of shape (r, c). The Array shares m's
// backing slice; it does not copy it.
func FromMatrix(m *matrix.Dense) *Array {
	r, c := m.Dims()
	return &Array{Shape: []int{r, c}, Data: m.RawData()}
}

// Matrix returns a as an (d0, d1) matrix sharing a.Data (not a copy). It
// returns an error if a is not 2-d, naming the shape: numpy's 1-d arrays of
// shape (m,) must be reshaped to (1, m) or (m, 1) before saving.
func (a *Array) Matrix() (*matrix.Dense, error) {
	if err := a.check(); err != nil {
		return nil, fmt.Errorf("npy: %w", err)
	}
	if len(a.Shape) != 2 {
		return nil, fmt.Errorf("npy: an array of shape %s is %d-d, not a matrix: a matrix needs a 2-d shape (rows, cols)",
			shapeString(a.Shape), len(a.Shape))
	}
	return matrix.New(a.Shape[0], a.Shape[1], a.Data), nil
}

// check returns an error unless a's shape is valid and matches len(a.Data).
func (a *Array) check() error {
	if a == nil {
		return fmt.Errorf("nil array")
	}
	if len(a.Shape) > maxDims {
		return fmt.Errorf("array has %d dimensions, more than the %d allowed", len(a.Shape), maxDims)
	}
	n, err := product(a.Shape)
	if err != nil {
		return err
	}
	if n != len(a.Data) {
		return fmt.Errorf("array of shape %s needs %d values, Data holds %d", shapeString(a.Shape), n, len(a.Data))
	}
	return nil
}

// product returns d0*...*d(n-1), or an error if a dimension is negative or
// the product overflows an int. An empty shape (a scalar) has product 1.
func product(shape []int) (int, error) {
	n := 1
	for _, d := range shape {
		if d < 0 {
			return 0, fmt.Errorf("shape %s has a negative dimension", shapeString(shape))
		}
		if d == 0 {
			return 0, nil
		}
	}
	for _, d := range shape {
		if n > math.MaxInt/d {
			return 0, fmt.Errorf("shape %s has more elements than an int can count", shapeString(shape))
		}
		n *= d
	}
	return n, nil
}

// shapeString returns shape as Python prints a tuple: "(3, 4)", "(3,)", "()".
func shapeString(shape []int) string {
	var b strings.Builder
	b.WriteByte('(')
	for i, d := range shape {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(strconv.Itoa(d))
	}
	if len(shape) == 1 {
		b.WriteByte(',')
	}
	b.WriteByte(')')
	return b.String()
}
