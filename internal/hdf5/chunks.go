package hdf5

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"fmt"
	"io"
	"math/bits"
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

// eachMaxChunk calls fn for every chunk of the grid over the maximum
// dimensions, in row-major order, with its index and offset: the order of
// the implicit and fixed array indexes. More than limit chunks is an error.
func (c *chunker) eachMaxChunk(maxDims []uint64, limit uint64, fn func(k uint64, off []uint64) error) error {
	rank := len(c.dims)
	grid := make([]uint64, rank)
	total := uint64(1)
	for i, m := range maxDims {
		if m == undef || m < c.dims[i] {
			return fmt.Errorf("maximum dimensions %v do not suit a fixed chunk index", maxDims)
		}
		grid[i] = (max(m, 1)-1)/c.chunk[i] + 1
		hi, lo := bits.Mul64(total, grid[i])
		if hi != 0 || lo > limit {
			return fmt.Errorf("maximum dimensions %v hold more chunks than the index or the file", maxDims)
		}
		total = lo
	}
	off := make([]uint64, rank)
	for k := uint64(0); k < total; k++ {
		rest := k
		for i := rank - 1; i >= 0; i-- {
			off[i] = rest % grid[i] * c.chunk[i]
			rest /= grid[i]
		}
		if err := fn(k, off); err != nil {
			return err
		}
	}
	return nil
}

// fixedArray places the chunks listed by a fixed array index: a header
// "FAHD" (version, client id, entry size, page bits, number of entries,
// data block address, checksum) and a data block "FADB" (version, client
// id, header address, the entries, checksum). An entry is a chunk address,
// followed for filtered chunks by its size and filter mask.
func (c *chunker) fixedArray(lay layout, maxDims []uint64) error {
	f := c.r.f
	what := fmt.Sprintf("fixed array header at %#x", lay.addr)
	if lay.addr == undef {
		return nil
	}
	d, err := f.at(lay.addr, what)
	if err != nil {
		return err
	}
	sig := d.take(4)
	d.skip(1)
	client, entrySize, pageBits := d.u8(), int(d.u8()), d.u8()
	n := d.length()
	block := d.addr()
	if d.err != nil {
		return d.err
	}
	if !bytes.Equal(sig, []byte("FAHD")) {
		return fmt.Errorf("%s: no FAHD signature", what)
	}
	if err := c.r.checkSum(lay.addr, uint64(d.pos), what); err != nil {
		return err
	}
	if client > 1 {
		return fmt.Errorf("%s: client id %d", what, client)
	}
	filtered := client == 1
	if want := f.so + btoi(filtered)*(4+1); entrySize < want || !filtered && entrySize != f.so || entrySize > f.so+8+4 {
		return fmt.Errorf("%s: entries of %d bytes", what, entrySize)
	}
	if pageBits < 32 && n > 1<<pageBits {
		return unsupported("a paged fixed array chunk index (more than %d chunks)", 1<<pageBits)
	}
	if n > uint64(len(f.data)) {
		return fmt.Errorf("%s: %d entries", what, n)
	}
	what = fmt.Sprintf("fixed array data block at %#x", block)
	prefix := 4 + 1 + 1 + f.so
	entries, err := f.span(block, uint64(prefix)+n*uint64(entrySize), what)
	if err != nil {
		return err
	}
	if !bytes.HasPrefix(entries, []byte("FADB")) {
		return fmt.Errorf("%s: no FADB signature", what)
	}
	if err := c.r.checkSum(block, uint64(len(entries)), what); err != nil {
		return err
	}
	if err := c.r.spend(len(entries), what); err != nil {
		return err
	}
	entries = entries[prefix:]
	seen := uint64(0)
	err = c.eachMaxChunk(maxDims, n, func(k uint64, off []uint64) error {
		seen++
		e := &decoder{b: entries[k*uint64(entrySize):], so: f.so, what: what}
		addr, size, mask := e.addr(), c.bytes, uint32(0)
		if filtered {
			size = e.uint(entrySize - f.so - 4)
			mask = e.u32()
		}
		if e.err != nil {
			return e.err
		}
		return c.place(off, addr, size, mask)
	})
	if err == nil && seen != n {
		return fmt.Errorf("%s: %d entries for %d chunks", what, n, seen)
	}
	return err
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

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
