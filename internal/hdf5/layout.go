package hdf5

import (
	"bytes"
	"fmt"
)

// Layout classes.
const (
	layoutCompact    = 0 // the data is in the layout message itself
	layoutContiguous = 1 // the data is one block of the file
	layoutChunked    = 2 // the data is cut in chunks found through an index
)

// Chunk index types (layout message version 4; older versions always use
// a version 1 B-tree).
const (
	indexBTree1      = 0 // our name for the older versions' index
	indexSingle      = 1
	indexImplicit    = 2
	indexFixedArray  = 3
	indexExtensible  = 4
	indexBTree2      = 5
	layoutFlagNoEdge = 0x01 // version 4: partial edge chunks are not filtered
	layoutFlagSingle = 0x02 // version 4: the single chunk is filtered
)

// A layout is a decoded data layout message.
type layout struct {
	class   int
	addr    uint64 // data (contiguous), chunk index or single chunk (chunked)
	size    uint64 // bytes of the contiguous block
	compact []byte // the data of a compact layout
	chunk   []uint64
	elem    uint64 // element size recorded with the chunk dimensions
	index   int
	flags   uint8
	single  struct {
		size uint64 // filtered size of a single chunk
		mask uint32 // its filter mask
	}
	pageBits uint8 // fixed array index: log2 of the entries of a page
}

// parseLayout decodes a data layout message, versions 1 to 4.
func parseLayout(body []byte, so, sl int) (layout, error) {
	d := &decoder{b: body, so: so, sl: sl, what: "data layout message"}
	version := d.u8()
	var l layout
	switch version {
	case 1, 2:
		// Rank (+1 for chunked), class, reserved (5), address unless
		// compact, dimensions (4 bytes each), compact data size and data.
		ndims := int(d.u8())
		l.class = int(d.u8())
		d.skip(5)
		if l.class != layoutCompact {
			l.addr = d.addr()
		}
		dims := make([]uint64, 0, 8)
		for i := 0; i < ndims && d.err == nil; i++ {
			dims = append(dims, uint64(d.u32()))
		}
		switch l.class {
		case layoutCompact:
			l.compact = d.take(int(d.u32()))
		case layoutContiguous:
			l.size = undef // the dataspace gives the size
		case layoutChunked:
			if len(dims) < 2 {
				return layout{}, fmt.Errorf("data layout message: chunks of %d dimensions", len(dims))
			}
			l.chunk, l.elem = dims[:len(dims)-1], dims[len(dims)-1]
		}
	case 3, 4:
		l.class = int(d.u8())
		switch l.class {
		case layoutCompact:
			l.compact = d.take(int(d.u16()))
		case layoutContiguous:
			l.addr, l.size = d.addr(), d.length()
		case layoutChunked:
			if version == 3 {
				// Rank+1 (1), index address, chunk dimensions (4 bytes
				// each), the last being the element size.
				ndims := int(d.u8())
				l.addr = d.addr()
				if ndims < 2 {
					return layout{}, fmt.Errorf("data layout message: chunks of %d dimensions", ndims)
				}
				for i := 0; i < ndims-1 && d.err == nil; i++ {
					l.chunk = append(l.chunk, uint64(d.u32()))
				}
				l.elem = uint64(d.u32())
				break
			}
			// Flags (1), rank+1 (1), bytes per dimension (1), chunk
			// dimensions, index type (1), index parameters, address.
			l.flags = d.u8()
			ndims, width := int(d.u8()), int(d.u8())
			if ndims < 2 || width < 1 || width > 8 {
				return layout{}, fmt.Errorf("data layout message: chunks of %d dimensions of %d bytes", ndims, width)
			}
			for i := 0; i < ndims-1 && d.err == nil; i++ {
				l.chunk = append(l.chunk, d.uint(width))
			}
			l.elem = d.uint(width)
			l.index = int(d.u8())
			switch l.index {
			case indexSingle:
				if l.flags&layoutFlagSingle != 0 {
					l.single.size = d.length()
					l.single.mask = d.u32()
				}
			case indexImplicit:
			case indexFixedArray:
				l.pageBits = d.u8()
			case indexExtensible:
				return layout{}, unsupported("chunk index type 4 (extensible array: a dataset with one unlimited dimension written with libver=\"latest\")")
			case indexBTree2:
				return layout{}, unsupported("chunk index type 5 (version 2 B-tree: a dataset with several unlimited dimensions written with libver=\"latest\")")
			default:
				return layout{}, unsupported("chunk index type %d", l.index)
			}
			l.addr = d.addr()
		case 3:
			return layout{}, unsupported("virtual dataset layout")
		}
	default:
		if d.err == nil {
			return layout{}, unsupported("data layout message version %d", version)
		}
	}
	if d.err != nil {
		return layout{}, d.err
	}
	if l.class > layoutChunked {
		return layout{}, fmt.Errorf("data layout message: layout class %d", l.class)
	}
	return l, nil
}

// Filter identifiers.
const (
	filterDeflate    = 1
	filterShuffle    = 2
	filterFletcher32 = 3
)

var filterNames = map[uint16]string{
	1: "deflate", 2: "shuffle", 3: "fletcher32", 4: "szip", 5: "nbit", 6: "scaleoffset",
	307: "bzip2", 32000: "lzf", 32001: "blosc", 32004: "lz4", 32008: "bitshuffle", 32015: "zstd",
}

// A filter is one stage of a dataset's filter pipeline.
type filter struct {
	id     uint16
	name   string
	params []uint32 // the client data values
}

// parseFilters decodes a filter pipeline message and checks that every
// filter is one this package applies: deflate, shuffle or fletcher32.
//
// Version 1: number of filters (1), reserved (6), then for each filter its
// id (2), name length (2), flags (2), number of values (2), name (padded to
// 8 bytes), values (4 bytes each, padded to 8). Version 2 has no reserved
// bytes, no name length for ids below 256, and no padding.
func parseFilters(body []byte) ([]filter, error) {
	d := &decoder{b: body, what: "filter pipeline message"}
	version, n := d.u8(), int(d.u8())
	if version == 1 {
		d.skip(6)
	} else if version != 2 && d.err == nil {
		return nil, unsupported("filter pipeline message version %d", version)
	}
	var fs []filter
	for i := 0; i < n && d.err == nil; i++ {
		var f filter
		f.id = d.u16()
		nameLen := 0
		if version == 1 || f.id >= 256 {
			nameLen = int(d.u16())
		}
		d.skip(2) // flags
		nv := int(d.u16())
		name := d.take(nameLen)
		if version == 1 {
			d.skip((8 - nameLen%8) % 8)
		}
		if i := bytes.IndexByte(name, 0); i >= 0 {
			name = name[:i]
		}
		f.name = string(name)
		for j := 0; j < nv && d.err == nil; j++ {
			f.params = append(f.params, d.u32())
		}
		if version == 1 && nv%2 == 1 {
			d.skip(4)
		}
		fs = append(fs, f)
	}
	if d.err != nil {
		return nil, d.err
	}
	for _, f := range fs {
		switch f.id {
		case filterDeflate, filterFletcher32:
		case filterShuffle:
			if len(f.params) == 0 {
				return nil, fmt.Errorf("filter pipeline message: shuffle filter without an element size")
			}
		default:
			name := filterNames[f.id]
			if name == "" {
				name = f.name
			}
			if name == "" {
				name = "unknown"
			}
			return nil, unsupported("filter %d (%s)", f.id, name)
		}
	}
	return fs, nil
}

// parseFill returns the fill value of a dataset (the value of elements
// never written), or nil for zeros, from its fill value messages.
func parseFill(msgs []message, size int) ([]byte, error) {
	var value []byte
	if m := find(msgs, msgFill); m != nil {
		d := &decoder{b: m.body, what: "fill value message"}
		switch version := d.u8(); version {
		case 1, 2:
			d.skip(2) // allocation time, write time
			defined := d.u8()
			if version == 1 || defined != 0 {
				value = d.take(int(d.u32()))
			}
		case 3:
			if flags := d.u8(); flags&0x20 != 0 {
				value = d.take(int(d.u32()))
			}
		default:
			if d.err == nil {
				return nil, unsupported("fill value message version %d", version)
			}
		}
		if d.err != nil {
			return nil, d.err
		}
	} else if m := find(msgs, msgFillOld); m != nil {
		d := &decoder{b: m.body, what: "fill value message"}
		value = d.take(int(d.u32()))
		if d.err != nil {
			return nil, d.err
		}
	}
	if len(value) != 0 && len(value) != size {
		return nil, fmt.Errorf("fill value of %d bytes for elements of %d bytes", len(value), size)
	}
	if len(value) == 0 || bytes.Count(value, []byte{0}) == len(value) {
		return nil, nil
	}
	return value, nil
}
