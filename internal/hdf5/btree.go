package hdf5

import (
	"bytes"
	"fmt"
)

// Node types of version 1 B-trees.
const (
	btreeGroup = 0 // children are symbol table nodes; keys are heap offsets
	btreeChunk = 1 // children are chunks; keys describe them
)

// walkBTree calls visit for every child of the leaves of the version 1
// B-tree at addr, left to right, with the key that precedes the child.
// nodeType is btreeGroup or btreeChunk and keySize the size of its keys.
//
// A node is laid out as "TREE", type (1), level (1), entries used (2), left
// and right sibling addresses, then key 0, child 0, key 1, ..., child n-1,
// key n. Each level must be one less than its parent's and no node may be
// visited twice, so the walk ends on any file.
func (r *reader) walkBTree(addr uint64, nodeType uint8, keySize int, visit func(key []byte, child uint64) error) error {
	seen := map[uint64]bool{}
	var walk func(addr uint64, level int) error
	walk = func(addr uint64, level int) error {
		what := fmt.Sprintf("B-tree node at %#x", addr)
		if seen[addr] {
			return fmt.Errorf("%s: visited twice (the B-tree has a loop)", what)
		}
		seen[addr] = true
		d, err := r.f.at(addr, what)
		if err != nil {
			return err
		}
		if sig := d.take(4); d.err == nil && !bytes.Equal(sig, []byte("TREE")) {
			return fmt.Errorf("%s: no TREE signature", what)
		}
		typ, lev, n := d.u8(), int(d.u8()), int(d.u16())
		d.addr() // left sibling
		d.addr() // right sibling
		entry := keySize + r.f.so
		body := d.take(n*entry + keySize)
		if d.err != nil {
			return d.err
		}
		if typ != nodeType {
			return fmt.Errorf("%s: node type %d, want %d", what, typ, nodeType)
		}
		if level >= 0 && lev != level {
			return fmt.Errorf("%s: level %d, want %d", what, lev, level)
		}
		if err := r.spend(d.pos, what); err != nil {
			return err
		}
		for i := 0; i < n; i++ {
			e := &decoder{b: body[i*entry:], so: r.f.so, sl: r.f.sl, what: what}
			key := e.take(keySize)
			child := e.addr()
			if lev > 0 {
				err = walk(child, lev-1)
			} else {
				err = visit(key, child)
			}
			if err != nil {
				return err
			}
		}
		return nil
	}
	return walk(addr, -1)
}
