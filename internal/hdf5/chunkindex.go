package hdf5

import (
	"bytes"
	"fmt"
	"math/bits"
)

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
