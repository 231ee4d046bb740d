package npy

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"

	"dnn/internal/infile"
	"dnn/internal/memlimit"
)

// chunkLen is how many bytes of data are read and decoded at a time. It is a
// multiple of every item size.
const chunkLen = 1 << 16

// Read reads one .npy file from r, which must end where the data ends. The
// values are converted to float64 (see the package doc for the dtypes read
// and the precision of int64 and uint64). Errors wrap ErrFormat,
// ErrUnsupported or ErrTooLarge, or are r's own.
func Read(r io.Reader) (*Array, error) {
	a, err := read(r, -1, false, memlimit.NewBudget())
	if err != nil {
		return nil, fmt.Errorf("npy: %w", err)
	}
	return a, nil
}

// Parse reads the .npy file held in b, like Read.
func Parse(b []byte) (*Array, error) {
	a, err := read(bytes.NewReader(b), int64(len(b)), true, memlimit.NewBudget())
	if err != nil {
		return nil, fmt.Errorf("npy: %w", err)
	}
	return a, nil
}

// ReadFile reads the .npy file at path, like Read. Anything but a regular
// file (or a symbolic link to one) is refused before it is read. Errors
// name the path.
func ReadFile(path string) (*Array, error) {
	return ReadFileWithin(path, memlimit.NewBudget())
}

// ReadFileWithin reads the .npy file at path like ReadFile, charging its
// values to budget, which several arrays kept together may share.
func ReadFileWithin(path string, budget *memlimit.Budget) (*Array, error) {
	f, st, err := infile.Open(path)
	if err != nil {
		return nil, fmt.Errorf("npy: %w", err)
	}
	defer f.Close()
	a, err := read(f, st.Size(), true, budget)
	if err != nil {
		return nil, fmt.Errorf("npy: %s: %w", path, err)
	}
	return a, nil
}

// read reads an .npy file of size bytes from r; size is -1 if unknown.
// The float64 values are charged to budget before they are allocated: all
// at once when size is known, else as the data arrives, so that a header
// claiming more data than there is costs no memory. If prealloc is true,
// size is known to be the true size of the input and the values are
// allocated at once; else they grow as the data arrives.
func read(r io.Reader, size int64, prealloc bool, budget *memlimit.Budget) (*Array, error) {
	h, err := readHeader(r)
	if err != nil {
		return nil, err
	}
	copies := 1
	if h.fortran {
		copies = 2 // the values as stored, then in row-major order
	}
	if size >= 0 {
		switch rest := size - h.prefixLen; {
		case rest < h.dataLen:
			return nil, malformed("the data is shorter than the shape says: %s, the file has %d", h.dataDescription(), rest)
		case rest > h.dataLen:
			return nil, malformed("the data is longer than the shape says: %s, the file has %d", h.dataDescription(), rest)
		}
		if err := h.charge(budget, copies*h.count); err != nil {
			return nil, err
		}
	}
	a := &Array{Shape: h.shape}
	if prealloc {
		a.Data = make([]float64, 0, h.count)
	} else {
		a.Data = make([]float64, 0, min(h.count, chunkLen/h.dtype.size))
	}
	buf := make([]byte, min(h.dataLen, chunkLen))
	for left := h.dataLen; left > 0; {
		b := buf[:min(left, int64(len(buf)))]
		if n, err := io.ReadFull(r, b); err != nil {
			if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
				return nil, malformed("the data is shorter than the shape says: %s, the file has %d",
					h.dataDescription(), h.dataLen-left+int64(n))
			}
			return nil, err
		}
		k := len(b) / h.dtype.size
		if size < 0 {
			if err := h.charge(budget, k); err != nil {
				return nil, err
			}
		}
		a.Data = slices.Grow(a.Data, k)[:len(a.Data)+k]
		h.dtype.decode(a.Data[len(a.Data)-k:], b)
		left -= int64(len(b))
	}
	var one [1]byte
	switch n, err := io.ReadFull(r, one[:]); {
	case n > 0:
		return nil, malformed("the data is longer than the shape says: %s, and more follow", h.dataDescription())
	case !errors.Is(err, io.EOF):
		return nil, err
	}
	if h.fortran {
		if size < 0 {
			if err := h.charge(budget, h.count); err != nil {
				return nil, err
			}
		}
		a.Data = fromFortran(a.Data, a.Shape)
	}
	return a, nil
}

// charge takes n float64 values of the array from budget.
func (h *header) charge(budget *memlimit.Budget, n int) error {
	need := 8 * float64(n)
	err := budget.Charge(need, fmt.Sprintf("shape %s of %s takes %s as float64", shapeString(h.shape), h.dtype.descr, memlimit.Size(8*float64(h.count))))
	if err != nil {
		return &fileError{kind: ErrTooLarge, msg: err.Error()}
	}
	return nil
}

// fromFortran returns the values of an array of the given shape stored in
// Fortran (column-major) order, data, in row-major order. In Fortran order
// the first index varies fastest: element (i0, ..., i(n-1)) is at
// i0 + d0*(i1 + d1*(i2 + ...)).
func fromFortran(data []float64, shape []int) []float64 {
	out := make([]float64, len(data))
	if len(data) == 0 {
		return out
	}
	// stride[k] is how far apart elements differing by 1 in index k are in
	// row-major order.
	stride := make([]int, len(shape))
	s := 1
	for k := len(shape) - 1; k >= 0; k-- {
		stride[k] = s
		s *= shape[k]
	}
	idx := make([]int, len(shape))
	at := 0 // the row-major position of idx
	for _, v := range data {
		out[at] = v
		for k := range idx {
			idx[k]++
			at += stride[k]
			if idx[k] < shape[k] {
				break
			}
			at -= stride[k] * shape[k]
			idx[k] = 0
		}
	}
	return out
}
