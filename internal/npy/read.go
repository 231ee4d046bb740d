package npy

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
)

// chunkLen is how many bytes of data are read and decoded at a time. It is a
// multiple of every item size.
const chunkLen = 1 << 16

// Read reads one .npy file from r, which must end where the data ends. The
// values are converted to float64 (see the package doc for the dtypes read
// and the precision of int64 and uint64). Errors wrap ErrFormat or
// ErrUnsupported, or are r's own.
func Read(r io.Reader) (*Array, error) {
	a, err := read(r, -1, false)
	if err != nil {
		return nil, fmt.Errorf("npy: %w", err)
	}
	return a, nil
}

// Parse reads the .npy file held in b, like Read.
func Parse(b []byte) (*Array, error) {
	a, err := read(bytes.NewReader(b), int64(len(b)), true)
	if err != nil {
		return nil, fmt.Errorf("npy: %w", err)
	}
	return a, nil
}

// ReadFile reads the .npy file at path, like Read. Errors name the path.
func ReadFile(path string) (*Array, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("npy: %w", err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("npy: %w", err)
	}
	size := int64(-1)
	if fi.Mode().IsRegular() {
		size = fi.Size()
	}
	a, err := read(f, size, size >= 0)
	if err != nil {
		return nil, fmt.Errorf("npy: %s: %w", path, err)
	}
	return a, nil
}

// read reads an .npy file of size bytes from r; size is -1 if unknown.
// If prealloc is true, size is known to be the true size of the input and
// the values are allocated at once; else they grow as the data arrives, so
// that a header claiming more data than there is costs no memory.
func read(r io.Reader, size int64, prealloc bool) (*Array, error) {
	h, err := readHeader(r)
	if err != nil {
		return nil, err
	}
	if size >= 0 {
		switch rest := size - h.prefixLen; {
		case rest < h.dataLen:
			return nil, malformed("the data is shorter than the shape says: %s, the file has %d", h.dataDescription(), rest)
		case rest > h.dataLen:
			return nil, malformed("the data is longer than the shape says: %s, the file has %d", h.dataDescription(), rest)
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
	return a, nil
}
