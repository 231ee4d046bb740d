package hdf5

import (
	"encoding/binary"
	"fmt"
)

// undef is the undefined address: all bits of an address field set.
const undef = ^uint64(0)

// decoder reads little-endian fields from a byte slice. A read past the end
// sets err and returns zeros, so that a parser can read a whole structure
// and check err once; every later read also returns zeros.
type decoder struct {
	b    []byte
	pos  int
	err  error
	so   int    // size of offsets (addresses) in bytes
	sl   int    // size of lengths in bytes
	what string // the structure being read, for the error message
}

// take returns the next n bytes, or nil once the data is exhausted.
func (d *decoder) take(n int) []byte {
	if d.err != nil {
		return nil
	}
	if n < 0 || n > len(d.b)-d.pos {
		d.err = fmt.Errorf("%s is truncated (needs %d bytes at offset %d, has %d)", d.what, n, d.pos, len(d.b)-d.pos)
		return nil
	}
	p := d.b[d.pos : d.pos+n]
	d.pos += n
	return p
}

func (d *decoder) skip(n int) { d.take(n) }

func (d *decoder) u8() uint8 {
	if p := d.take(1); p != nil {
		return p[0]
	}
	return 0
}

func (d *decoder) u16() uint16 {
	if p := d.take(2); p != nil {
		return binary.LittleEndian.Uint16(p)
	}
	return 0
}

func (d *decoder) u32() uint32 {
	if p := d.take(4); p != nil {
		return binary.LittleEndian.Uint32(p)
	}
	return 0
}

// uint reads an n-byte little-endian unsigned integer, 1 <= n <= 8.
func (d *decoder) uint(n int) uint64 {
	p := d.take(n)
	var v uint64
	for i := len(p) - 1; i >= 0; i-- {
		v = v<<8 | uint64(p[i])
	}
	return v
}

// addr reads an address; all bits set, whatever the address size, gives
// undef.
func (d *decoder) addr() uint64 {
	v := d.uint(d.so)
	if d.so < 8 && v == 1<<(8*d.so)-1 {
		return undef
	}
	return v
}

// length reads a length field.
func (d *decoder) length() uint64 { return d.uint(d.sl) }

// rest returns the bytes not read yet.
func (d *decoder) rest() []byte {
	if d.err != nil {
		return nil
	}
	return d.b[d.pos:]
}

// budget bounds the work of one call: every structure parsed (B-tree node,
// heap, object header block, chunk) spends its size. The structures of a
// sound file never overlap, so they add up to less than the file; a file
// whose pointers loop or fan out to the same bytes again runs out.
type budget struct{ left int64 }

func (b *budget) spend(n int, what string) error {
	b.left -= int64(n)
	if b.left < 0 {
		return fmt.Errorf("%s: the file's structures add up to more than the file (a loop or overlapping pointers)", what)
	}
	return nil
}
