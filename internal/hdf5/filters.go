package hdf5

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"math/bits"
)

// unfilter undoes the filters of a chunk, last first, skipping those whose
// bit is set in mask, and checks that want bytes result.
func unfilter(fs []filter, mask uint32, data []byte, want uint64) ([]byte, error) {
	applied := false
	for i := len(fs) - 1; i >= 0; i-- {
		if i < 32 && mask&(1<<i) != 0 {
			continue
		}
		applied = true
		var err error
		switch fs[i].id {
		case filterDeflate:
			data, err = inflate(data, want+4*uint64(len(fs)))
		case filterShuffle:
			data = unshuffle(data, int(fs[i].params[0]))
		case filterFletcher32:
			data, err = checkFletcher32(data)
		}
		if err != nil {
			return nil, err
		}
	}
	if uint64(len(data)) != want {
		if !applied {
			return nil, fmt.Errorf("stored in %d bytes, want %d", len(data), want)
		}
		return nil, fmt.Errorf("%d bytes after its filters, want %d", len(data), want)
	}
	return data, nil
}

// inflate decompresses a zlib stream (HDF5's deflate filter) of at most
// limit bytes.
func inflate(in []byte, limit uint64) ([]byte, error) {
	zr, err := zlib.NewReader(bytes.NewReader(in))
	if err != nil {
		return nil, fmt.Errorf("deflate: %w", err)
	}
	// ReadAll grows its buffer with the output, so a chunk that claims to
	// be large but is not costs only what it holds.
	out, err := io.ReadAll(io.LimitReader(zr, int64(limit)+1))
	if err != nil {
		return nil, fmt.Errorf("deflate: %w", err)
	}
	if uint64(len(out)) > limit {
		return nil, fmt.Errorf("deflate: decompresses to more than %d bytes", limit)
	}
	return out, nil
}

// unshuffle undoes the shuffle filter: the first bytes of every element,
// then the second bytes, and so on; bytes left over (fewer than an element)
// stay at the end.
func unshuffle(in []byte, size int) []byte {
	n := len(in) / max(size, 1)
	if size <= 1 || n <= 1 {
		return in
	}
	out := make([]byte, len(in))
	for b := 0; b < size; b++ {
		for i := 0; i < n; i++ {
			out[i*size+b] = in[b*n+i]
		}
	}
	copy(out[n*size:], in[n*size:])
	return out
}

// checkFletcher32 verifies and removes the 4-byte checksum that ends a
// chunk. Like the HDF5 library, it also accepts the checksum byte-swapped,
// as some old versions wrote it.
func checkFletcher32(in []byte) ([]byte, error) {
	if len(in) < 4 {
		return nil, fmt.Errorf("fletcher32: %d bytes, too short for a checksum", len(in))
	}
	data, stored := in[:len(in)-4], le32(in[len(in)-4:])
	if sum := fletcher32(data); sum != stored && bits.ReverseBytes32(sum) != stored {
		return nil, fmt.Errorf("fletcher32 checksum mismatch: the data is damaged")
	}
	return data, nil
}
