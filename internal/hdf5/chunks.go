package hdf5

import (
	"encoding/binary"
	"fmt"
)

// A chunker assembles a chunked dataset: it places each chunk, after its
// filters, at its position in the dataset's row-major array.
type chunker struct {
	r       *reader
	dims    []uint64 // the dataset's dimensions
	chunk   []uint64 // the chunk's dimensions
	grid    []uint64 // chunks along each dimension: ceil(dims / chunk)
	size    uint64   // bytes per element
	bytes   uint64   // bytes of a whole chunk
	filters []filter
	noEdge  bool     // partial edge chunks are stored unfiltered
	out     []byte   // the dataset, in row-major order
	done    []uint64 // bitset of the chunks placed, in grid order
}

// readChunks reads a chunked dataset of nbytes bytes; elements no chunk
// covers keep the fill value.
func (r *reader) readChunks(space dataspace, t datatype, lay layout, fs []filter, fill []byte, nbytes uint64) ([]byte, error) {
	rank := len(space.dims)
	if rank == 0 || len(lay.chunk) != rank {
		return nil, fmt.Errorf("chunks of %d dimensions for a dataset of %d", len(lay.chunk), rank)
	}
	if lay.elem != uint64(t.size) {
		return nil, fmt.Errorf("chunks of %d-byte elements for a %d-byte type", lay.elem, t.size)
	}
	for _, c := range lay.chunk {
		if c == 0 {
			return nil, fmt.Errorf("chunk shape %v has a zero dimension", lay.chunk)
		}
	}
	elems, err := count(lay.chunk, r.f.maxData()/uint64(t.size))
	if err != nil {
		return nil, fmt.Errorf("chunk shape: %w", err)
	}
	c := &chunker{r: r, dims: space.dims, chunk: lay.chunk, size: uint64(t.size), bytes: elems * uint64(t.size),
		filters: fs, noEdge: lay.flags&layoutFlagNoEdge != 0, out: filled(nbytes, fill)}
	if nbytes == 0 {
		return c.out, nil
	}
	total := uint64(1)
	for i, d := range c.dims {
		c.grid = append(c.grid, (d-1)/c.chunk[i]+1)
		total *= c.grid[i] // at most the number of elements
	}
	c.done = make([]uint64, (total+63)/64)

	switch lay.index {
	case indexBTree1:
		if lay.addr == undef {
			return c.out, nil // no chunk was ever written
		}
		// A key: chunk size in bytes (4), filter mask (4), then the
		// chunk's offset in each dimension and 0 for the element (8 each).
		keySize := 8 + 8*(rank+1)
		err = r.walkBTree(lay.addr, btreeChunk, keySize, func(key []byte, addr uint64) error {
			off := make([]uint64, rank)
			for i := range off {
				off[i] = binary.LittleEndian.Uint64(key[8+8*i:])
			}
			return c.place(off, addr, uint64(le32(key[0:4])), le32(key[4:8]))
		})
	case indexSingle:
		size, mask := c.bytes, uint32(0)
		if lay.flags&layoutFlagSingle != 0 {
			size, mask = lay.single.size, lay.single.mask
		}
		if lay.addr != undef {
			err = c.place(make([]uint64, rank), lay.addr, size, mask)
		}
	case indexImplicit:
		if len(fs) > 0 {
			return nil, fmt.Errorf("filters on chunks stored without an index")
		}
		if lay.addr == undef {
			return c.out, nil
		}
		if lay.addr > uint64(len(r.f.data)) {
			return nil, fmt.Errorf("chunks at address %#x, outside the file", lay.addr)
		}
		// The chunks follow each other from lay.addr, so they all lie in
		// the file.
		fits := uint64(len(r.f.data)) / c.bytes
		err = c.eachMaxChunk(space.maxDims, fits, func(k uint64, off []uint64) error {
			return c.place(off, lay.addr+k*c.bytes, c.bytes, 0)
		})
	case indexFixedArray:
		err = c.fixedArray(lay, space.maxDims)
	}
	if err != nil {
		return nil, err
	}
	return c.out, nil
}

// filled returns n bytes holding the fill value (zeros when fill is nil).
func filled(n uint64, fill []byte) []byte {
	out := make([]byte, n)
	if fill != nil {
		for i := 0; i < len(out); i += len(fill) {
			copy(out[i:], fill)
		}
	}
	return out
}

// place reads the chunk at file address addr, stored in size bytes with
// the filters whose bits in mask are clear, and copies it at offset off.
// A chunk wholly outside the dataset (left by a shrinking resize) is
// ignored.
func (c *chunker) place(off []uint64, addr, size uint64, mask uint32) error {
	k, edge := uint64(0), false
	for i, o := range off {
		if o%c.chunk[i] != 0 {
			return fmt.Errorf("chunk offset %v is not a multiple of the chunk shape %v", off, c.chunk)
		}
		if o >= c.dims[i] {
			return nil
		}
		k = k*c.grid[i] + o/c.chunk[i]
		edge = edge || o+c.chunk[i] > c.dims[i]
	}
	if c.done[k/64]&(1<<(k%64)) != 0 {
		return fmt.Errorf("chunk at offset %v is stored twice", off)
	}
	c.done[k/64] |= 1 << (k % 64)
	if addr == undef {
		return nil // never written: the fill value
	}
	what := fmt.Sprintf("chunk at offset %v", off)
	stored, err := c.r.f.span(addr, size, what)
	if err != nil {
		return err
	}
	if err := c.r.spend(len(stored), what); err != nil {
		return err
	}
	if edge && c.noEdge {
		mask = ^uint32(0)
	}
	data, err := unfilter(c.filters, mask, stored, c.bytes)
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}

	// Copy row by row along the last dimension: idx runs over the part of
	// the chunk inside the dataset.
	rank := len(off)
	ext := make([]uint64, rank)
	for i := range ext {
		ext[i] = min(c.chunk[i], c.dims[i]-off[i])
	}
	idx := make([]uint64, rank)
	run := ext[rank-1] * c.size
	for {
		var src, dst uint64
		for i := range idx {
			src = src*c.chunk[i] + idx[i]
			dst = dst*c.dims[i] + off[i] + idx[i]
		}
		copy(c.out[dst*c.size:dst*c.size+run], data[src*c.size:src*c.size+run])
		i := rank - 2
		for ; i >= 0; i-- {
			if idx[i]++; idx[i] < ext[i] {
				break
			}
			idx[i] = 0
		}
		if i < 0 {
			return nil
		}
	}
}
