package hdf5

import (
	"bytes"
	"fmt"
)

// Object header message types used here.
const (
	msgNil          = 0x00
	msgDataspace    = 0x01
	msgLinkInfo     = 0x02
	msgDatatype     = 0x03
	msgFillOld      = 0x04
	msgFill         = 0x05
	msgLink         = 0x06
	msgExternal     = 0x07
	msgLayout       = 0x08
	msgFilters      = 0x0b
	msgContinuation = 0x10
	msgSymbolTable  = 0x11
	msgLastDefined  = 0x18 // the highest type the format specification defines
)

// Message flags.
const (
	flagShared        = 0x02
	flagFailIfUnknown = 0x80
)

// A message is one object header message.
type message struct {
	typ   uint16
	flags uint8
	body  []byte
}

// find returns the first message of type typ, or nil.
func find(msgs []message, typ uint16) *message {
	for i := range msgs {
		if msgs[i].typ == typ {
			return &msgs[i]
		}
	}
	return nil
}

// block is a stretch of an object header holding messages.
type block struct{ addr, size uint64 }

// objectHeader reads the messages of the object header at addr, following
// continuation messages. Version 1 headers (what h5py writes by default)
// and version 2 headers ("OHDR", written for creation-order tracking or
// libver="latest") are read.
func (r *reader) objectHeader(addr uint64) ([]message, error) {
	what := fmt.Sprintf("object header at %#x", addr)
	d, err := r.f.at(addr, what)
	if err != nil {
		return nil, err
	}
	v2 := bytes.HasPrefix(d.b, []byte("OHDR"))
	var first block
	var crtOrder bool // version 2: messages carry a creation order
	if v2 {
		d.skip(4)
		if v := d.u8(); v != 2 && d.err == nil {
			return nil, unsupported("%s: version %d", what, v)
		}
		flags := d.u8()
		if flags&0x20 != 0 {
			d.skip(16) // access, modification, change and birth times
		}
		if flags&0x10 != 0 {
			d.skip(4) // attribute storage phase change values
		}
		size := d.uint(1 << (flags & 3))
		crtOrder = flags&0x04 != 0
		if d.err != nil {
			return nil, d.err
		}
		if size > uint64(len(d.b)) {
			return nil, fmt.Errorf("%s: %d bytes of messages run past the end of the file", what, size)
		}
		first = block{addr + uint64(d.pos), size}
		if err := r.checkSum(addr, uint64(d.pos)+size, what); err != nil {
			return nil, err
		}
	} else {
		if v := d.u8(); v != 1 && d.err == nil {
			return nil, fmt.Errorf("%s: no object header there (version byte %d)", what, v)
		}
		d.skip(1 + 2 + 4) // reserved, number of messages, reference count
		size := d.u32()
		if d.err != nil {
			return nil, d.err
		}
		first = block{addr + 16, uint64(size)} // the 12-byte prefix is padded to 16
	}

	var msgs []message
	seen := map[uint64]bool{}
	for queue := []block{first}; len(queue) > 0; queue = queue[1:] {
		b := queue[0]
		if seen[b.addr] {
			return nil, fmt.Errorf("%s: continuation blocks form a loop", what)
		}
		seen[b.addr] = true
		body, err := r.f.span(b.addr, b.size, what)
		if err != nil {
			return nil, err
		}
		if err := r.spend(len(body), what); err != nil {
			return nil, err
		}
		if v2 && b != first {
			// A continuation block: "OCHK", messages, checksum.
			if len(body) < 8 || !bytes.HasPrefix(body, []byte("OCHK")) {
				return nil, fmt.Errorf("%s: continuation block at %#x has no OCHK signature", what, b.addr)
			}
			if err := r.checkSum(b.addr, b.size-4, what); err != nil {
				return nil, err
			}
			body = body[4 : len(body)-4]
		}
		d := &decoder{b: body, so: r.f.so, sl: r.f.sl, what: what}
		for {
			var m message
			var size int
			if v2 {
				if len(d.b)-d.pos < 4 {
					break // a gap too small for a message
				}
				m.typ = uint16(d.u8())
				size = int(d.u16())
				m.flags = d.u8()
				if crtOrder {
					d.skip(2)
				}
			} else {
				if len(d.b)-d.pos < 8 {
					break
				}
				m.typ = d.u16()
				size = int(d.u16())
				m.flags = d.u8()
				d.skip(3)
			}
			m.body = d.take(size)
			if d.err != nil {
				return nil, d.err
			}
			switch {
			case m.typ == msgContinuation:
				c := &decoder{b: m.body, so: r.f.so, sl: r.f.sl, what: what + ": continuation message"}
				next := block{c.addr(), c.length()}
				if c.err != nil {
					return nil, c.err
				}
				queue = append(queue, next)
			case m.typ > msgLastDefined && m.flags&flagFailIfUnknown != 0:
				return nil, unsupported("%s: message type %d", what, m.typ)
			case m.typ != msgNil:
				msgs = append(msgs, m)
			}
		}
	}
	return msgs, nil
}

// checkSum verifies the lookup3 checksum that follows the n bytes at addr.
func (r *reader) checkSum(addr, n uint64, what string) error {
	p, err := r.f.span(addr, n+4, what)
	if err != nil {
		return err
	}
	if lookup3(p[:n]) != le32(p[n:]) {
		return fmt.Errorf("%s: checksum mismatch: the file is damaged", what)
	}
	return nil
}
