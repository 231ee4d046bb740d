package npy

import (
	"encoding/binary"
	"errors"
	"io"
	"math"
	"strconv"
	"unicode/utf8"
)

const (
	magic = "\x93NUMPY"

	// maxHeaderLen bounds the header text read. A header for a plain
	// dtype is about 128 bytes; numpy itself refuses more than 10000.
	maxHeaderLen = 1 << 16
)

// header is the parsed start of an .npy file.
type header struct {
	major, minor int
	dtype        dtype
	shape        []int // (d0, ..., d(n-1))
	fortran      bool  // the data is in Fortran (column-major) order
	count        int   // d0*...*d(n-1) items
	dataLen      int64 // count*dtype.size bytes of data
	prefixLen    int64 // bytes before the data: magic, version, length and header
}

// readHeader reads and checks the magic string, version and header dict
// from r, leaving r at the first byte of the data.
func readHeader(r io.Reader) (*header, error) {
	var start [8]byte
	n, err := io.ReadFull(r, start[:])
	if n == 0 && err == io.EOF {
		return nil, malformed("the file is empty, not an .npy file")
	}
	if n < len(magic) && string(start[:n]) != magic[:n] || n >= len(magic) && string(start[:len(magic)]) != magic {
		return nil, malformed("not an .npy file: it starts with %q, not the magic string %q", start[:min(n, len(magic))], magic)
	}
	if err != nil {
		return nil, truncated("the magic string and version", err)
	}
	h := &header{major: int(start[6]), minor: int(start[7])}
	var hlen int
	switch {
	case h.major == 1 && h.minor == 0:
		var b [2]byte
		if _, err := io.ReadFull(r, b[:]); err != nil {
			return nil, truncated("the header length", err)
		}
		hlen = int(binary.LittleEndian.Uint16(b[:]))
		h.prefixLen = 10
	case (h.major == 2 || h.major == 3) && h.minor == 0:
		var b [4]byte
		if _, err := io.ReadFull(r, b[:]); err != nil {
			return nil, truncated("the header length", err)
		}
		l := binary.LittleEndian.Uint32(b[:])
		if l > maxHeaderLen {
			return nil, malformed("the header claims %d bytes, more than the %d allowed", l, maxHeaderLen)
		}
		hlen = int(l)
		h.prefixLen = 12
	default:
		return nil, unsupported("npy format version %d.%d is not supported (only 1.0, 2.0 and 3.0 are)", h.major, h.minor)
	}
	text := make([]byte, hlen)
	if _, err := io.ReadFull(r, text); err != nil {
		return nil, truncated("the header", err)
	}
	h.prefixLen += int64(hlen)
	if h.major == 3 && !utf8.Valid(text) {
		return nil, malformed("the version 3.0 header is not valid UTF-8")
	}
	if err := h.parseDict(string(text)); err != nil {
		return nil, err
	}
	return h, nil
}

// truncated returns the error for input that ended while reading what, or
// err itself if reading failed for another reason.
func truncated(what string, err error) error {
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return malformed("the file ends inside %s", what)
	}
	return err
}

// parseDict parses the header dict {'descr': ..., 'fortran_order': ...,
// 'shape': ...} into h.
func (h *header) parseDict(text string) error {
	v, err := parseLiteral(text)
	if err != nil {
		return malformed("the header is not a Python literal: %v", err)
	}
	if v.kind != pyDict {
		return malformed("the header is not a dict: %s", brief(v.String()))
	}
	var descr, fortran, shape *pyValue
	for i, k := range v.keys {
		var slot **pyValue
		if k.kind == pyString {
			switch k.text {
			case "descr":
				slot = &descr
			case "fortran_order":
				slot = &fortran
			case "shape":
				slot = &shape
			}
		}
		if slot == nil {
			return malformed("the header has an unexpected key %s; want only 'descr', 'fortran_order' and 'shape'", brief(k.String()))
		}
		if *slot != nil {
			return malformed("the header has the key %s twice", k.String())
		}
		*slot = &v.items[i]
	}
	if descr == nil || fortran == nil || shape == nil {
		return malformed("the header %s lacks one of the keys 'descr', 'fortran_order' and 'shape'", brief(v.String()))
	}

	if h.dtype, err = parseDescr(*descr); err != nil {
		return err
	}
	if h.shape, err = parseShape(*shape); err != nil {
		return err
	}
	if fortran.kind != pyBool {
		return malformed("fortran_order is %s, not True or False", brief(fortran.String()))
	}
	h.fortran = fortran.b
	count, err := product(h.shape)
	if err != nil {
		return malformed("%v", err)
	}
	if int64(count) > math.MaxInt64/int64(h.dtype.size) {
		return malformed("shape %s of %s needs more bytes than a file can hold", shapeString(h.shape), h.dtype.descr)
	}
	h.count = count
	h.dataLen = int64(count) * int64(h.dtype.size)
	return nil
}

// parseShape returns the dimensions of a shape tuple of non-negative ints.
func parseShape(v pyValue) ([]int, error) {
	if v.kind != pyTuple {
		return nil, malformed("shape %s is not a tuple", brief(v.String()))
	}
	if len(v.items) > maxDims {
		return nil, unsupported("shape has %d dimensions, more than the %d allowed", len(v.items), maxDims)
	}
	shape := make([]int, len(v.items))
	for i, d := range v.items {
		if d.kind != pyInt {
			return nil, malformed("shape %s holds %s, not an integer", brief(v.String()), brief(d.String()))
		}
		n, err := strconv.Atoi(d.text)
		if err != nil {
			return nil, malformed("shape %s: dimension %s is too large", brief(v.String()), brief(d.text))
		}
		if n < 0 {
			return nil, malformed("shape %s has a negative dimension", brief(v.String()))
		}
		shape[i] = n
	}
	return shape, nil
}

// dataDescription returns "shape (3, 4) of <f8 (96 bytes)" for messages.
func (h *header) dataDescription() string {
	return "shape " + shapeString(h.shape) + " of " + h.dtype.descr + " needs " + strconv.FormatInt(h.dataLen, 10) + " bytes"
}
