package hdf5

import (
	"encoding/binary"
	"fmt"
	"math"
	"strings"

	"dnn/internal/memlimit"
)

// Info describes a dataset without its values: File.Info gives it, so that
// a caller can check a dataset's shape and type, and the memory its values
// will take, before reading them.
type Info struct {
	Name  string // path in the file, e.g. "group/dset"
	Shape []int  // numpy's shape; empty for a scalar
	Kind  Kind
	Size  int // bytes per element; the fixed length of a string
}

// A Dataset is an array read from an HDF5 file: its description and its
// values, in row-major (C, numpy) order.
type Dataset struct {
	Info

	file      string
	raw       []byte // Len()*Size bytes, in the file's byte order
	bigEndian bool
	pad       uint8 // string padding
}

// A described dataset is a dataset's header messages, decoded.
type described struct {
	Info
	t      datatype
	space  dataspace
	lay    layout
	fs     []filter
	fill   []byte
	nbytes uint64 // the bytes of its values
}

// describe decodes the header messages msgs of the dataset name and checks
// that its values fit what the file can hold.
func (r *reader) describe(name string, msgs []message) (*described, error) {
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
	d := &described{}
	var err error
	if d.t, err = parseDatatype(ms[0].body, 0); err != nil {
		return nil, err
	}
	if d.space, err = parseDataspace(ms[1].body, r.f.sl); err != nil {
		return nil, err
	}
	if d.lay, err = parseLayout(ms[2].body, r.f.so, r.f.sl); err != nil {
		return nil, err
	}
	if ms[3] != nil {
		if d.fs, err = parseFilters(ms[3].body); err != nil {
			return nil, err
		}
	}
	if d.fill, err = parseFill(msgs, d.t.size); err != nil {
		return nil, err
	}

	limit := r.f.maxData()
	n, err := count(d.space.dims, limit)
	if err != nil || n > 0 && uint64(d.t.size) > limit/n {
		return nil, fmt.Errorf("shape %v of %s: more data than a file of %d bytes can hold", d.space.dims, d.t.dtype(), len(r.f.data))
	}
	d.nbytes = n * uint64(d.t.size)
	d.Info = Info{Name: name, Shape: make([]int, len(d.space.dims)), Kind: d.t.kind, Size: d.t.size}
	for i, v := range d.space.dims {
		d.Shape[i] = int(v) // v <= limit, which fits an int
	}
	return d, nil
}

// readDataset decodes the dataset whose object header messages are msgs.
func (r *reader) readDataset(name string, msgs []message) (*Dataset, error) {
	d, err := r.describe(name, msgs)
	if err != nil {
		return nil, err
	}
	lay, nbytes := d.lay, d.nbytes
	var raw []byte
	switch lay.class {
	case layoutCompact, layoutContiguous:
		if len(d.fs) > 0 {
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
			if err := d.charge(); err != nil {
				return nil, err
			}
			raw = filled(nbytes, d.fill)
			break
		}
		if lay.size != undef && lay.size < nbytes {
			return nil, fmt.Errorf("contiguous storage of %d bytes for %d bytes of data", lay.size, nbytes)
		}
		// The data is a part of the file: nothing is allocated.
		if raw, err = r.f.span(lay.addr, nbytes, "data"); err != nil {
			return nil, err
		}
	case layoutChunked:
		if err := d.charge(); err != nil {
			return nil, err
		}
		if raw, err = r.readChunks(d.space, d.t, lay, d.fs, d.fill, nbytes); err != nil {
			return nil, err
		}
	}
	return &Dataset{Info: d.Info, file: r.f.name, raw: raw, bigEndian: d.t.bigEndian, pad: d.t.pad}, nil
}

// charge checks that the memory for d's values is available.
func (d *described) charge() error {
	return memlimit.NewBudget().Charge(float64(d.nbytes),
		fmt.Sprintf("its shape %v of %s declares %s of data", d.Shape, d.DType(), memlimit.Size(float64(d.nbytes))))
}

// Len returns the number of elements: the product of Shape (1 for a
// scalar).
func (i Info) Len() int {
	n := 1
	for _, d := range i.Shape {
		n *= d
	}
	return n
}

// DType returns numpy's name for the element type: "uint8", "int64",
// "float32", "S7" and so on (an HDF5 enum, such as h5py's bool, is given
// as its integer type).
func (i Info) DType() string {
	return datatype{kind: i.Kind, size: i.Size}.dtype()
}

// Uint8s returns the values of a uint8 dataset, in row-major order,
// without copying them: the caller must not change them.
func (d *Dataset) Uint8s() ([]uint8, error) {
	if d.Kind != Uint || d.Size != 1 {
		return nil, d.errorf("holds %s values, not uint8", d.DType())
	}
	return d.raw, nil
}

// charge checks that the memory for d's values as a type of size bytes
// per value is available.
func (d *Dataset) charge(size int, as string) error {
	need := float64(d.Len()) * float64(size)
	err := memlimit.NewBudget().Charge(need, fmt.Sprintf("its %d values take %s as %s", d.Len(), memlimit.Size(need), as))
	if err != nil {
		return wrap(d.file, fmt.Sprintf("dataset %q", d.Name), err)
	}
	return nil
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
	if err := d.charge(8, "float64"); err != nil {
		return nil, err
	}
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
	if err := d.charge(8, "int64"); err != nil {
		return nil, err
	}
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
	if err := d.charge(16+d.Size, "strings"); err != nil {
		return nil, err
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
