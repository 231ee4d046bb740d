package hdf5

import "fmt"

// Kind is the kind of values a dataset holds.
type Kind int

const (
	Int    Kind = iota + 1 // signed integers (also h5py's booleans: an enum of int8)
	Uint                   // unsigned integers
	Float                  // IEEE floating point
	String                 // fixed-length byte strings
)

func (k Kind) String() string {
	switch k {
	case Int:
		return "int"
	case Uint:
		return "uint"
	case Float:
		return "float"
	case String:
		return "string"
	}
	return fmt.Sprintf("Kind(%d)", int(k))
}

// String padding types.
const (
	padNullTerm  = 0 // the string ends at the first NUL
	padNullPad   = 1 // padded with NULs
	padSpacePad  = 2 // padded with spaces
	maxTypeDepth = 4 // nesting of enum base types
)

// A datatype is a decoded datatype message, reduced to what this package
// reads.
type datatype struct {
	kind      Kind
	size      int // bytes per element
	bigEndian bool
	pad       uint8 // string padding
}

var classNames = []string{"fixed-point", "floating-point", "time", "string", "bitfield", "opaque",
	"compound", "reference", "enum", "variable-length", "array"}

// parseDatatype decodes a datatype message: class and version (1 byte:
// class in the low 4 bits), class bit fields (3 bytes), element size (4),
// then properties depending on the class.
func parseDatatype(body []byte, depth int) (datatype, error) {
	d := &decoder{b: body, what: "datatype message"}
	cv := d.u8()
	bits := d.take(3)
	size := d.u32()
	if d.err != nil {
		return datatype{}, d.err
	}
	class := int(cv & 0x0f)
	if size == 0 {
		return datatype{}, fmt.Errorf("datatype message: element size 0")
	}
	t := datatype{size: int(size), bigEndian: bits[0]&1 != 0}
	switch class {
	case 0: // fixed-point: bit offset (2), precision (2)
		t.kind = Uint
		if bits[0]&0x08 != 0 {
			t.kind = Int
		}
		offset, precision := d.u16(), d.u16()
		if d.err != nil {
			return datatype{}, d.err
		}
		if size != 1 && size != 2 && size != 4 && size != 8 || offset != 0 || uint32(precision) != 8*size {
			return datatype{}, unsupported("integer type of %d bytes with %d bits at offset %d", size, precision, offset)
		}
	case 1: // floating-point
		t.kind = Float
		if bits[0]&0x40 != 0 {
			return datatype{}, unsupported("VAX floating-point byte order")
		}
		offset, precision := d.u16(), d.u16()
		expLoc, expSize, manLoc, manSize := d.u8(), d.u8(), d.u8(), d.u8()
		bias := d.u32()
		if d.err != nil {
			return datatype{}, d.err
		}
		var want [6]uint32 // precision, exponent location and size, mantissa size, bias, sign location
		switch size {
		case 2:
			want = [6]uint32{16, 10, 5, 10, 15, 15}
		case 4:
			want = [6]uint32{32, 23, 8, 23, 127, 31}
		case 8:
			want = [6]uint32{64, 52, 11, 52, 1023, 63}
		}
		got := [6]uint32{uint32(precision), uint32(expLoc), uint32(expSize), uint32(manSize), bias, uint32(bits[1])}
		norm := bits[0] >> 4 & 3
		if got != want || offset != 0 || manLoc != 0 || norm != 2 {
			return datatype{}, unsupported("%d-byte floating-point type with a non-IEEE layout", size)
		}
	case 3: // string
		t.kind = String
		t.pad = bits[0] & 0x0f
		if t.pad > padSpacePad {
			return datatype{}, unsupported("string padding type %d", t.pad)
		}
	case 8: // enum: the base type follows; h5py stores booleans so
		if depth >= maxTypeDepth {
			return datatype{}, fmt.Errorf("datatype message: enum base types nested too deep")
		}
		base, err := parseDatatype(d.rest(), depth+1)
		if err != nil {
			return datatype{}, err
		}
		if base.kind != Int && base.kind != Uint || base.size != t.size {
			return datatype{}, unsupported("enum of a %d-byte %s base type", base.size, base.kind)
		}
		return base, nil
	default:
		name := "unknown"
		if class < len(classNames) {
			name = classNames[class]
		}
		return datatype{}, unsupported("datatype class %d (%s)", class, name)
	}
	return t, nil
}

// dtype is numpy's name of the type: "uint8", "int64", "float32", "S7".
func (t datatype) dtype() string {
	switch t.kind {
	case Int:
		return fmt.Sprintf("int%d", 8*t.size)
	case Uint:
		return fmt.Sprintf("uint%d", 8*t.size)
	case Float:
		return fmt.Sprintf("float%d", 8*t.size)
	case String:
		return fmt.Sprintf("S%d", t.size)
	}
	return "?"
}
