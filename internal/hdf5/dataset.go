package hdf5

import (
	"encoding/binary"
	"fmt"
	"math"
	"strings"
)

// A Dataset is an array read from an HDF5 file: its shape, the kind of its
// values and the values themselves, in row-major (C, numpy) order.
type Dataset struct {
	Name  string // path in the file, e.g. "group/dset"
	Shape []int  // numpy's shape; empty for a scalar
	Kind  Kind
	Size  int // bytes per element; the fixed length of a string

	file      string
	raw       []byte // Len()*Size bytes, in the file's byte order
	bigEndian bool
	pad       uint8 // string padding
}

// readDataset decodes the dataset whose object header messages are msgs.
func (r *reader) readDataset(name string, msgs []message) (*Dataset, error) {
	get := func(typ uint16, what string, required bool) (*message, error) {
		m := find(msgs, typ)
		switch {
		case m == nil && required:
			return nil, fmt.Errorf("no %s message", what)
		case m != nil && m.flags&flagShared != 0:
			return nil, unsupported("a shared %s message (a committed datatype or shared messages)", what)
		}
		return m, nil
	}
	if find(msgs, msgExternal) != nil {
		return nil, unsupported("external storage (the data in other files)")
	}
	var ms [4]*message
	for i, want := range []struct {
		typ      uint16
		what     string
		required bool
	}{{msgDatatype, "datatype", true}, {msgDataspace, "dataspace", true}, {msgLayout, "data layout", true}, {msgFilters, "filter pipeline", false}} {
		var err error
		if ms[i], err = get(want.typ, want.what, want.required); err != nil {
			return nil, err
		}
	}
	if _, err := get(msgFill, "fill value", false); err != nil {
		return nil, err
	}
	t, err := parseDatatype(ms[0].body, 0)
	if err != nil {
		return nil, err
	}
	space, err := parseDataspace(ms[1].body, r.f.sl)
	if err != nil {
		return nil, err
	}
	lay, err := parseLayout(ms[2].body, r.f.so, r.f.sl)
	if err != nil {
		return nil, err
	}
	var fs []filter
	if ms[3] != nil {
		if fs, err = parseFilters(ms[3].body); err != nil {
			return nil, err
		}
	}
	fill, err := parseFill(msgs, t.size)
	if err != nil {
		return nil, err
	}

	limit := r.f.maxData()
	n, err := count(space.dims, limit)
	if err != nil {
		return nil, err
	}
	if n > 0 && uint64(t.size) > limit/n {
		return nil, fmt.Errorf("%v elements of %d bytes: more than a file of %d bytes can hold", space.dims, t.size, len(r.f.data))
	}
	nbytes := n * uint64(t.size)

	var raw []byte
	switch lay.class {
	case layoutCompact, layoutContiguous:
		if len(fs) > 0 {
			return nil, fmt.Errorf("filters on a dataset that is not chunked")
		}
		if lay.class == layoutCompact {
			if uint64(len(lay.compact)) < nbytes {
				return nil, fmt.Errorf("compact data of %d bytes for %d bytes of data", len(lay.compact), nbytes)
			}
			raw = lay.compact[:nbytes]
			break
		}
		if lay.addr == undef { // never written
			raw = filled(nbytes, fill)
			break
		}
		if lay.size != undef && lay.size < nbytes {
			return nil, fmt.Errorf("contiguous storage of %d bytes for %d bytes of data", lay.size, nbytes)
		}
		if raw, err = r.f.span(lay.addr, nbytes, "data"); err != nil {
			return nil, err
		}
	case layoutChunked:
		if raw, err = r.readChunks(space, t, lay, fs, fill, nbytes); err != nil {
			return nil, err
		}
	}

	ds := &Dataset{Name: name, Shape: make([]int, len(space.dims)), Kind: t.kind, Size: t.size,
		file: r.f.name, raw: raw, bigEndian: t.bigEndian, pad: t.pad}
	for i, d := range space.dims {
		ds.Shape[i] = int(d) // d <= limit, which fits an int
	}
	return ds, nil
}

// Len returns the number of elements: the product of Shape (1 for a
// scalar).
func (d *Dataset) Len() int { return len(d.raw) / d.Size }

// DType returns numpy's name for the element type: "uint8", "int64",
// "float32", "S7" and so on (an HDF5 enum, such as h5py's bool, is given
// as its integer type).
func (d *Dataset) DType() string {
	return datatype{kind: d.Kind, size: d.Size}.dtype()
}

func (d *Dataset) errorf(format string, a ...any) error {
	return wrap(d.file, fmt.Sprintf("dataset %q", d.Name), fmt.Errorf(format, a...))
}

func (d *Dataset) order() binary.ByteOrder {
	if d.bigEndian {
		return binary.BigEndian
	}
	return binary.LittleEndian
}

// bits returns element i as an unsigned integer of d.Size bytes.
func (d *Dataset) bits(i int) uint64 {
	p := d.raw[i*d.Size : (i+1)*d.Size]
	o := d.order()
	switch d.Size {
	case 1:
		return uint64(p[0])
	case 2:
		return uint64(o.Uint16(p))
	case 4:
		return uint64(o.Uint32(p))
	}
	return o.Uint64(p)
}

// signed returns element i of an Int dataset, sign-extended.
func (d *Dataset) signed(i int) int64 {
	shift := 64 - 8*d.Size
	return int64(d.bits(i)<<shift) >> shift
}

// Float64s returns the values of a numeric dataset as float64, in
// row-major order. Integers beyond 2^53 in magnitude are rounded to the
// nearest float64.
func (d *Dataset) Float64s() ([]float64, error) {
	out := make([]float64, d.Len())
	switch d.Kind {
	case Int:
		for i := range out {
			out[i] = float64(d.signed(i))
		}
	case Uint:
		for i := range out {
			out[i] = float64(d.bits(i))
		}
	case Float:
		for i := range out {
			switch d.Size {
			case 2:
				out[i] = half(uint16(d.bits(i)))
			case 4:
				out[i] = float64(math.Float32frombits(uint32(d.bits(i))))
			default:
				out[i] = math.Float64frombits(d.bits(i))
			}
		}
	default:
		return nil, d.errorf("holds %s values, not numbers", d.DType())
	}
	return out, nil
}

// half converts an IEEE 754 half-precision number.
func half(h uint16) float64 {
	sign := 1.0
	if h&0x8000 != 0 {
		sign = -1
	}
	exp, man := int(h>>10&0x1f), float64(h&0x3ff)
	switch exp {
	case 0:
		return sign * math.Ldexp(man, -24)
	case 0x1f:
		if man != 0 {
			return math.NaN()
		}
		return math.Inf(int(sign))
	}
	return sign * math.Ldexp(1024+man, exp-25)
}

// Int64s returns the values of an integer dataset, in row-major order. It
// is an error for a float or string dataset, and for an unsigned value
// above math.MaxInt64.
func (d *Dataset) Int64s() ([]int64, error) {
	out := make([]int64, d.Len())
	switch d.Kind {
	case Int:
		for i := range out {
			out[i] = d.signed(i)
		}
	case Uint:
		for i := range out {
			v := d.bits(i)
			if v > math.MaxInt64 {
				return nil, d.errorf("value %d (element %d) does not fit an int64", v, i)
			}
			out[i] = int64(v)
		}
	default:
		return nil, d.errorf("holds %s values, not integers", d.DType())
	}
	return out, nil
}

// Strings returns the values of a fixed-length string dataset, in
// row-major order, without their padding (NULs or spaces, as the file
// says). The bytes are returned as they are stored (ASCII or UTF-8).
func (d *Dataset) Strings() ([]string, error) {
	if d.Kind != String {
		return nil, d.errorf("holds %s values, not strings", d.DType())
	}
	out := make([]string, d.Len())
	for i := range out {
		s := string(d.raw[i*d.Size : (i+1)*d.Size])
		switch d.pad {
		case padNullTerm:
			if j := strings.IndexByte(s, 0); j >= 0 {
				s = s[:j]
			}
		case padNullPad:
			s = strings.TrimRight(s, "\x00")
		case padSpacePad:
			s = strings.TrimRight(s, " ")
		}
		out[i] = s
	}
	return out, nil
}
