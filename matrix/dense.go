package matrix

import (
	"fmt"
	"slices"
)

// Dense is an (r, c) matrix of float64.
//
// Its elements lie row-major in a []float64, element (i, j) at index
// i*c+j (see New and RawData), except in a transposed view, made by T,
// which shares the storage of the matrix it transposes.
type Dense struct {
	rows, cols int
	data       []float64 // rows*cols elements
	transposed bool      // a view: element (i, j) at data[j*rows+i]
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
// It panics if r or c is negative.
func Zeros(r, c int) *Dense {
	if r < 0 || c < 0 {
		panic(fmt.Sprintf("matrix: Zeros: negative dimension (%d,%d)", r, c))
	}
	return &Dense{rows: r, cols: c, data: make([]float64, r*c)}
}

// Filled returns an (r, c) matrix with every element v, like np.full((r, c), v).
// It panics if r or c is negative.
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
	return m.data[m.index(i, j)]
}

// Set sets element (i, j) to v; in a transposed view, that is element
// (j, i) of the matrix it transposes. It panics if (i, j) is out of range.
func (m *Dense) Set(i, j int, v float64) {
	m.check("Set", i, j)
	m.data[m.index(i, j)] = v
}

func (m *Dense) check(op string, i, j int) {
	if i < 0 || i >= m.rows || j < 0 || j >= m.cols {
		panic(fmt.Sprintf("matrix: %s: index (%d,%d) out of range for shape %s", op, i, j, m.Shape()))
	}
}

// index is where element (i, j) lies in m.data.
func (m *Dense) index(i, j int) int {
	rs, cs := m.strides()
	return i*rs + j*cs
}

// strides returns how far apart in m.data two neighbours in a column and
// two neighbours in a row lie.
func (m *Dense) strides() (rs, cs int) {
	if m.transposed {
		return 1, m.rows
	}
	return m.cols, 1
}

// RawData returns the row-major backing slice, not a copy: element (i, j) is
// at RawData()[i*c+j]. It panics for a transposed view (see T), whose
// elements do not lie in that order; m.Clone().RawData() copies them into
// it.
func (m *Dense) RawData() []float64 {
	m.notView("RawData")
	return m.data
}

// Row returns row i as a slice of the backing store (not a copy). It
// panics if i is out of range, or for a transposed view (see T), whose rows
// are not contiguous.
func (m *Dense) Row(i int) []float64 {
	m.check("Row", i, 0)
	m.notView("Row")
	return m.data[i*m.cols : (i+1)*m.cols]
}

// notView panics if m is a transposed view.
func (m *Dense) notView(op string) {
	if m.transposed {
		panic(fmt.Sprintf("matrix: %s: %s is a transposed view, its elements are not row-major: Clone it first",
			op, m.Shape()))
	}
}

// Clone returns a copy of m that shares no memory with it. The copy of a
// transposed view is an ordinary matrix, its elements row-major.
func (m *Dense) Clone() *Dense {
	data := m.rowMajor()
	if !m.transposed {
		data = slices.Clone(data)
	}
	return &Dense{rows: m.rows, cols: m.cols, data: data}
}

// rowMajor returns m's elements in row-major order: m.data itself, or a
// copy in that order for a transposed view. The functions that read all of
// a matrix in order go through it, and so read views correctly.
func (m *Dense) rowMajor() []float64 {
	if !m.transposed {
		return m.data
	}
	d := make([]float64, len(m.data))
	for j := 0; j < m.cols; j++ {
		for i, x := range m.data[j*m.rows : (j+1)*m.rows] {
			d[i*m.cols+j] = x
		}
	}
	return d
}

// Reshape returns an (r, c) matrix with m's elements in row-major order,
// like numpy's reshape: it shares m's storage, except for a transposed
// view, whose elements it copies (as numpy does when it must). It panics if
// r*c differs from the number of elements.
func (m *Dense) Reshape(r, c int) *Dense {
	if r*c != len(m.data) || r < 0 || c < 0 {
		panic(fmt.Sprintf("matrix: Reshape: cannot reshape array of shape %s into shape %s", m.Shape(), shape(r, c)))
	}
	return &Dense{rows: r, cols: c, data: m.rowMajor()}
}

// T returns the transpose of m, (c, r), m.T in numpy. Like numpy's, it is a
// view: it shares m's storage, copies nothing, and Set on either changes
// both. Dot reads it in place, so Dot(dZ, A.T()) costs no transposition.
// Every other function reads it correctly; RawData and Row refuse it.
//
// The transpose of a view is an ordinary matrix again, and so is the
// transpose of a row or column vector, whose elements lie in the same
// order either way.
func (m *Dense) T() *Dense {
	t := &Dense{rows: m.cols, cols: m.rows, data: m.data}
	t.transposed = !m.transposed && m.rows > 1 && m.cols > 1
	return t
}
