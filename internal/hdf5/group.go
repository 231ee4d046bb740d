package hdf5

import (
	"bytes"
	"fmt"
	"strings"
)

// A link is one member of a group.
type link struct {
	name string
	addr uint64 // object header address of a hard link
	why  error  // non-nil for a link that cannot be followed (soft, external)
}

// within prefixes err with the object it is about, e.g. `group "g": ...`.
func within(object string, err error) error { return &wrapped{object + ": ", err} }

// walkGroup records in r.f the datasets of the group whose header messages
// are msgs, whose path is path ("" for the root), and of its subgroups.
// seen holds the object header addresses of the groups already walked: a
// group reached again (a loop, or a second hard link) is not walked twice.
// r.objects remembers which addresses are datasets, so that no object
// header is read twice. A member that cannot be read is recorded in
// r.f.skipped with the reason.
func (r *reader) walkGroup(msgs []message, path string, depth int, seen map[uint64]bool) error {
	links, err := r.groupLinks(msgs)
	if err != nil {
		return err
	}
	for _, l := range links {
		p := l.name
		if path != "" {
			p = path + "/" + l.name
		}
		if err := r.spendName(len(p)); err != nil {
			return err
		}
		if l.why != nil {
			r.f.skipped[p] = l.why
			continue
		}
		if seen[l.addr] {
			continue
		}
		if _, ok := r.objects[l.addr]; ok {
			r.f.datasets[p] = l.addr
			continue
		}
		msgs, err := r.objectHeader(l.addr)
		if err != nil {
			r.f.skipped[p] = err
			continue
		}
		switch {
		case isGroup(msgs):
			seen[l.addr] = true
			if depth+1 >= maxDepth {
				r.f.skipped[p] = within(fmt.Sprintf("group %q", p), fmt.Errorf("groups nested more than %d deep", maxDepth))
				continue
			}
			if err := r.walkGroup(msgs, p, depth+1, seen); err != nil {
				r.f.skipped[p] = within(fmt.Sprintf("group %q", p), err)
			}
		case find(msgs, msgLayout) != nil:
			r.objects[l.addr] = true
			r.f.datasets[p] = l.addr
		}
		// Anything else (a committed datatype) is not data.
	}
	return nil
}

func isGroup(msgs []message) bool {
	return find(msgs, msgSymbolTable) != nil || find(msgs, msgLinkInfo) != nil || find(msgs, msgLink) != nil
}

// groupLinks returns the members of a group: from its symbol table (the
// old format, h5py's default) or from its link messages (the newer compact
// format).
func (r *reader) groupLinks(msgs []message) ([]link, error) {
	if m := find(msgs, msgSymbolTable); m != nil {
		return r.symbolTable(m.body)
	}
	if m := find(msgs, msgLinkInfo); m != nil {
		d := &decoder{b: m.body, so: r.f.so, sl: r.f.sl, what: "link info message"}
		d.u8() // version
		flags := d.u8()
		if flags&1 != 0 {
			d.skip(8) // maximum creation index
		}
		heap := d.addr()
		if d.err != nil {
			return nil, d.err
		}
		if heap != undef {
			return nil, unsupported("dense link storage (a fractal heap, used for groups of more than 8 members with track_order or libver=\"latest\")")
		}
	}
	var links []link
	for _, m := range msgs {
		if m.typ != msgLink {
			continue
		}
		l, err := r.parseLink(m.body)
		if err != nil {
			return nil, err
		}
		links = append(links, l)
	}
	return links, nil
}

// parseLink decodes a link message: version (1), flags (1), then as the
// flags say a link type, a creation order, a character set, the length of
// the name (1, 2, 4 or 8 bytes), the name, and the link's value.
func (r *reader) parseLink(body []byte) (link, error) {
	d := &decoder{b: body, so: r.f.so, sl: r.f.sl, what: "link message"}
	if v := d.u8(); v != 1 && d.err == nil {
		return link{}, unsupported("link message version %d", v)
	}
	flags := d.u8()
	typ := uint8(0)
	if flags&0x08 != 0 {
		typ = d.u8()
	}
	if flags&0x04 != 0 {
		d.skip(8) // creation order
	}
	if flags&0x10 != 0 {
		d.skip(1) // character set
	}
	n := d.uint(1 << (flags & 3))
	if n > uint64(len(body)) {
		return link{}, fmt.Errorf("link message: name of %d bytes in a %d-byte message", n, len(body))
	}
	name := d.take(int(n))
	if err := r.spendName(len(name)); err != nil {
		return link{}, err
	}
	l := link{name: string(name)}
	switch typ {
	case 0:
		l.addr = d.addr()
	case 1:
		target := d.take(int(d.u16()))
		if err := r.spendName(len(target)); err != nil {
			return link{}, err
		}
		l.why = unsupported("soft link to %q", target)
	case 64:
		l.why = unsupported("external link")
	default:
		l.why = unsupported("link type %d", typ)
	}
	if d.err != nil {
		return link{}, d.err
	}
	return l, checkName(l.name)
}

func checkName(name string) error {
	if name == "" || name == "." || name == ".." || strings.ContainsAny(name, "/\x00") {
		return fmt.Errorf("link name %q is not valid", name)
	}
	return nil
}

// symbolTable returns the members of an old-format group. The symbol table
// message gives the address of a B-tree, whose leaves point to symbol table
// nodes ("SNOD"), and of a local heap holding the member names.
func (r *reader) symbolTable(body []byte) ([]link, error) {
	d := &decoder{b: body, so: r.f.so, sl: r.f.sl, what: "symbol table message"}
	btree, heapAddr := d.addr(), d.addr()
	if d.err != nil {
		return nil, d.err
	}
	heap, err := r.localHeap(heapAddr)
	if err != nil {
		return nil, err
	}
	var links []link
	err = r.walkBTree(btree, btreeGroup, r.f.sl, func(_ []byte, node uint64) error {
		l, err := r.symbolNode(node, heap)
		links = append(links, l...)
		return err
	})
	return links, err
}

// localHeap returns the data segment of the local heap at addr: "HEAP",
// version (1), reserved (3), segment size (L), free list offset (L),
// segment address (O).
func (r *reader) localHeap(addr uint64) ([]byte, error) {
	what := fmt.Sprintf("local heap at %#x", addr)
	d, err := r.f.at(addr, what)
	if err != nil {
		return nil, err
	}
	if sig := d.take(4); d.err == nil && !bytes.Equal(sig, []byte("HEAP")) {
		return nil, fmt.Errorf("%s: no HEAP signature", what)
	}
	d.skip(4) // version, reserved
	size := d.length()
	d.length() // free list
	data := d.addr()
	if d.err != nil {
		return nil, d.err
	}
	heap, err := r.f.span(data, size, what)
	if err != nil {
		return nil, err
	}
	return heap, r.spend(d.pos+len(heap), what)
}

// symbolNode reads the entries of the symbol table node at addr: "SNOD",
// version (1), reserved (1), number of entries (2), then entries of a name
// offset in the heap (O), an object header address (O), a cache type (4),
// reserved (4) and a 16-byte scratch pad.
func (r *reader) symbolNode(addr uint64, heap []byte) ([]link, error) {
	what := fmt.Sprintf("symbol table node at %#x", addr)
	d, err := r.f.at(addr, what)
	if err != nil {
		return nil, err
	}
	if sig := d.take(4); d.err == nil && !bytes.Equal(sig, []byte("SNOD")) {
		return nil, fmt.Errorf("%s: no SNOD signature", what)
	}
	d.skip(2)
	n := int(d.u16())
	var links []link
	for i := 0; i < n && d.err == nil; i++ {
		nameOff, obj := d.addr(), d.addr()
		cache := d.u32()
		d.skip(4)
		scratch := d.take(16)
		if d.err != nil {
			break
		}
		name, err := heapString(heap, nameOff)
		if err != nil {
			return nil, fmt.Errorf("%s: entry %d: %w", what, i, err)
		}
		// A name is copied out of the heap only once it is paid for: a
		// node may name the same long string many times.
		if err := r.spendName(len(name)); err != nil {
			return nil, err
		}
		if err := checkName(string(name)); err != nil {
			return nil, fmt.Errorf("%s: %w", what, err)
		}
		l := link{name: string(name), addr: obj}
		if cache == 2 { // a soft link: the scratch pad holds the target's heap offset
			target, _ := heapString(heap, uint64(le32(scratch)))
			if err := r.spendName(len(target)); err != nil {
				return nil, err
			}
			l.why = unsupported("soft link to %q", target)
		}
		links = append(links, l)
	}
	if d.err != nil {
		return nil, d.err
	}
	return links, r.spend(d.pos, what)
}

// heapString returns the NUL-terminated string at offset off of a local
// heap, without copying it.
func heapString(heap []byte, off uint64) ([]byte, error) {
	if off >= uint64(len(heap)) {
		return nil, fmt.Errorf("name offset %d is outside the local heap (%d bytes)", off, len(heap))
	}
	s := heap[off:]
	end := bytes.IndexByte(s, 0)
	if end < 0 {
		return nil, fmt.Errorf("name at offset %d of the local heap has no terminating NUL", off)
	}
	return s[:end], nil
}
