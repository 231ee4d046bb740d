package matrix

import "fmt"

// Dense is an (r, c) matrix of float64 stored row-major.
type Dense struct {
	rows, cols int
	data       []float64 // len rows*cols; element (i, j) at i*cols+j
}

// New returns an (r, c) matrix that uses data as its backing store, element
// (i, j) at data[i*c+j]. It does not copy data.
// New panics if r or c is negative or len(data) != r*c.
func New(r, c int, data []float64) *Dense {
	if r < 0 || c < 0 {
		panic(fmt.Sprintf("matrix: New: negative dimension (%d,%d)", r, c))
	}
	if len(data) != r*c {
		panic(fmt.Sprintf("matrix: New: %d values cannot fill shape (%d,%d)", len(data), r, c))
	}
	return &Dense{rows: r, cols: c, data: data}
}

// Zeros returns an (r, c) matrix of zeros, like np.zeros((r, c)).
func Zeros(r, c int) *Dense {
	if r < 0 || c < 0 {
		panic(fmt.Sprintf("matrix: Zeros: negative dimension (%d,%d)", r, c))
	}
	return &Dense{rows: r, cols: c, data: make([]float64, r*c)}
}

// Filled returns an (r, c) matrix with every element v, like np.full((r, c), v).
func Filled(r, c int, v float64) *Dense {
	m := Zeros(r, c)
	for i := range m.data {
		m.data[i] = v
	}
	return m
}

// Scalar returns v as a (1, 1) matrix. It broadcasts against any shape, the
// way a plain number does in numpy: Sub(Scalar(1), Y) is 1 - Y.
func Scalar(v float64) *Dense { return &Dense{rows: 1, cols: 1, data: []float64{v}} }

// FromRows returns a matrix whose rows are copies of rows, like np.array(rows).
// It panics if the rows differ in length.
func FromRows(rows [][]float64) *Dense {
	r := len(rows)
	if r == 0 {
		return Zeros(0, 0)
	}
	c := len(rows[0])
	m := Zeros(r, c)
	for i, row := range rows {
		if len(row) != c {
			panic(fmt.Sprintf("matrix: FromRows: row %d has %d values, row 0 has %d", i, len(row), c))
		}
		copy(m.data[i*c:], row)
	}
	return m
}

// Dims returns the number of rows and columns: m.shape in numpy.
func (m *Dense) Dims() (r, c int) { return m.rows, m.cols }

// Shape returns the shape written as numpy prints it, e.g. "(20,12288)".
func (m *Dense) Shape() string { return shape(m.rows, m.cols) }

func shape(r, c int) string { return fmt.Sprintf("(%d,%d)", r, c) }

// At returns element (i, j). It panics if (i, j) is out of range.
func (m *Dense) At(i, j int) float64 {
	m.check("At", i, j)
	return m.data[i*m.cols+j]
}

// Set sets element (i, j) to v. It panics if (i, j) is out of range.
func (m *Dense) Set(i, j int, v float64) {
	m.check("Set", i, j)
	m.data[i*m.cols+j] = v
}

func (m *Dense) check(op string, i, j int) {
	if i < 0 || i >= m.rows || j < 0 || j >= m.cols {
		panic(fmt.Sprintf("matrix: %s: index (%d,%d) out of range for shape %s", op, i, j, m.Shape()))
	}
}

// RawData returns the row-major backing slice, not a copy: element (i, j) is
// at RawData()[i*c+j].
func (m *Dense) RawData() []float64 { return m.data }

// Row returns row i as a slice of the backing store (not a copy).
func (m *Dense) Row(i int) []float64 {
	m.check("Row", i, 0)
	return m.data[i*m.cols : (i+1)*m.cols]
}

// Clone returns a copy of m that shares no memory with it.
func (m *Dense) Clone() *Dense {
	return &Dense{rows: m.rows, cols: m.cols, data: append([]float64(nil), m.data...)}
}

// Reshape returns an (r, c) matrix with m's elements in row-major order,
// sharing m's storage, like numpy's reshape. It panics if r*c differs from
// the number of elements.
func (m *Dense) Reshape(r, c int) *Dense {
	if r*c != len(m.data) || r < 0 || c < 0 {
		panic(fmt.Sprintf("matrix: Reshape: cannot reshape array of shape %s into shape %s", m.Shape(), shape(r, c)))
	}
	return &Dense{rows: r, cols: c, data: m.data}
}

// T returns the transpose of m as a new (c, r) matrix, m.T in numpy.
func (m *Dense) T() *Dense {
	t := Zeros(m.cols, m.rows)
	for i := 0; i < m.rows; i++ {
		for j := 0; j < m.cols; j++ {
			t.data[j*m.rows+i] = m.data[i*m.cols+j]
		}
	}
	return t
}

// sameShape panics unless a and b have the same shape.
func sameShape(op string, a, b *Dense) {
	if a.rows != b.rows || a.cols != b.cols {
		panic(fmt.Sprintf("matrix: %s: shapes %s and %s differ", op, a.Shape(), b.Shape()))
	}
}
