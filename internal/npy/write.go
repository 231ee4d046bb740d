package npy

import (
	"encoding/binary"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"dnn/internal/atomicfile"
)

// Write writes a to w as np.save writes a float64 C-ordered array: format
// version 1.0, descr '<f8', the data starting at a multiple of 64 bytes.
// It returns an error if a's shape has a negative dimension, more than 64
// dimensions or a product other than len(a.Data), or if w fails.
func Write(w io.Writer, a *Array) error {
	if err := a.check(); err != nil {
		return fmt.Errorf("npy: Write: %w", err)
	}
	if _, err := io.WriteString(w, headerV1(a.Shape)); err != nil {
		return err
	}
	buf := make([]byte, min(8*len(a.Data), chunkLen))
	for data := a.Data; len(data) > 0; {
		k := min(len(data), len(buf)/8)
		for i, x := range data[:k] {
			binary.LittleEndian.PutUint64(buf[8*i:], math.Float64bits(x))
		}
		if _, err := w.Write(buf[:8*k]); err != nil {
			return err
		}
		data = data[k:]
	}
	return nil
}

// WriteFile writes a to the .npy file at path, like Write, replacing the
// file only once all of it has been written.
func WriteFile(path string, a *Array) error {
	if err := a.check(); err != nil {
		return fmt.Errorf("npy: WriteFile %s: %w", path, err)
	}
	return atomicfile.WriteFile(path, func(w io.Writer) error { return Write(w, a) })
}

// headerV1 returns the magic string, version 1.0, header length and
// header that np.save writes for a '<f8' C-ordered array of the given shape:
// the dict with its keys sorted, room for the first dimension to grow to 21
// digits, then spaces and a '\n' up to a multiple of 64 bytes.
func headerV1(shape []int) string {
	const (
		align     = 64
		prefixLen = len(magic) + 2 + 2 // magic, version, uint16 length
		growRoom  = 21                 // digits of the largest first dimension
	)
	dict := "{'descr': '<f8', 'fortran_order': False, 'shape': " + shapeString(shape) + ", }"
	if len(shape) > 0 {
		dict += strings.Repeat(" ", max(0, growRoom-len(strconv.Itoa(shape[0]))))
	}
	pad := align - (prefixLen+len(dict)+1)%align // numpy pads a full 64 rather than 0
	n := len(dict) + pad + 1
	return magic + "\x01\x00" + string([]byte{byte(n), byte(n >> 8)}) + dict + strings.Repeat(" ", pad) + "\n"
}
