package npy

import (
	"encoding/binary"
	"math"
	"strconv"
)

// dtype is a numeric numpy dtype that converts to float64.
type dtype struct {
	descr string           // as in the header, e.g. "<f8"
	kind  byte             // 'f' float, 'i' signed integer, 'u' unsigned integer, 'b' bool
	size  int              // bytes per item: 1, 2, 4 or 8
	order binary.ByteOrder // little- or big-endian; either for 1-byte items
}

// parseDescr returns the dtype of a header's descr value, or an error
// saying why it is not one this package reads.
func parseDescr(v pyValue) (dtype, error) {
	switch v.kind {
	case pyString:
	case pyList:
		return dtype{}, unsupported("structured dtypes are not supported (descr %s)", brief(v.String()))
	case pyTuple:
		return dtype{}, unsupported("subarray dtypes are not supported (descr %s)", brief(v.String()))
	default:
		return dtype{}, malformed("descr %s is not a dtype string", brief(v.String()))
	}
	s := v.text
	if len(s) < 2 {
		return dtype{}, malformed("descr %s is not a dtype string", brief(v.String()))
	}
	dt := dtype{descr: s, kind: s[1]}
	switch s[0] {
	case '<', '|':
		dt.order = binary.LittleEndian
	case '>':
		dt.order = binary.BigEndian
	default:
		return dtype{}, malformed("descr %s does not start with a byte order '<', '>' or '|'", brief(v.String()))
	}
	switch dt.kind {
	case 'O':
		return dtype{}, unsupported("object arrays are not supported (descr %s): save numbers with a numeric dtype", brief(v.String()))
	case 'U', 'S', 'a':
		return dtype{}, unsupported("string arrays are not supported (descr %s)", brief(v.String()))
	case 'c':
		return dtype{}, unsupported("complex arrays are not supported (descr %s)", brief(v.String()))
	case 'V':
		return dtype{}, unsupported("void and structured dtypes are not supported (descr %s)", brief(v.String()))
	case 'M', 'm':
		return dtype{}, unsupported("datetime and timedelta arrays are not supported (descr %s)", brief(v.String()))
	case 'f', 'i', 'u', 'b':
	default:
		return dtype{}, unsupported("dtype %s is not supported", brief(v.String()))
	}
	size, err := strconv.Atoi(s[2:])
	if err != nil || s[2] == '+' || s[2] == '-' {
		return dtype{}, malformed("descr %s does not end in an item size", brief(v.String()))
	}
	dt.size = size
	ok := false
	switch dt.kind {
	case 'f':
		ok = size == 2 || size == 4 || size == 8
	case 'i', 'u':
		ok = size == 1 || size == 2 || size == 4 || size == 8
	case 'b':
		ok = size == 1
	}
	if !ok {
		return dtype{}, unsupported("dtype %s is not supported: item size %d", brief(v.String()), size)
	}
	if s[0] == '|' && size != 1 {
		return dtype{}, malformed("descr %s: byte order '|' is only for 1-byte items", brief(v.String()))
	}
	return dt, nil
}

// decode converts the items in src to float64 into dst.
// It panics unless len(src) == len(dst)*dt.size.
func (dt dtype) decode(dst []float64, src []byte) {
	if len(src) != len(dst)*dt.size {
		panic("npy: decode: " + strconv.Itoa(len(src)) + " bytes for " + strconv.Itoa(len(dst)) + " items of " + dt.descr)
	}
	o := dt.order
	switch int(dt.kind)<<4 | dt.size {
	case 'f'<<4 | 8:
		for i := range dst {
			dst[i] = math.Float64frombits(o.Uint64(src[8*i:]))
		}
	case 'f'<<4 | 4:
		for i := range dst {
			dst[i] = float64(math.Float32frombits(o.Uint32(src[4*i:])))
		}
	case 'f'<<4 | 2:
		for i := range dst {
			dst[i] = halfToFloat64(o.Uint16(src[2*i:]))
		}
	case 'i'<<4 | 8:
		for i := range dst {
			dst[i] = float64(int64(o.Uint64(src[8*i:])))
		}
	case 'i'<<4 | 4:
		for i := range dst {
			dst[i] = float64(int32(o.Uint32(src[4*i:])))
		}
	case 'i'<<4 | 2:
		for i := range dst {
			dst[i] = float64(int16(o.Uint16(src[2*i:])))
		}
	case 'i'<<4 | 1:
		for i := range dst {
			dst[i] = float64(int8(src[i]))
		}
	case 'u'<<4 | 8:
		for i := range dst {
			dst[i] = float64(o.Uint64(src[8*i:]))
		}
	case 'u'<<4 | 4:
		for i := range dst {
			dst[i] = float64(o.Uint32(src[4*i:]))
		}
	case 'u'<<4 | 2:
		for i := range dst {
			dst[i] = float64(o.Uint16(src[2*i:]))
		}
	case 'u'<<4 | 1:
		for i := range dst {
			dst[i] = float64(src[i])
		}
	case 'b'<<4 | 1:
		for i := range dst {
			dst[i] = 0
			if src[i] != 0 {
				dst[i] = 1
			}
		}
	default:
		panic("npy: decode: no decoder for " + dt.descr)
	}
}

// halfToFloat64 converts an IEEE 754 binary16 value, exactly.
func halfToFloat64(h uint16) float64 {
	exp := int(h>>10) & 0x1f
	frac := float64(h & 0x3ff)
	var v float64
	switch exp {
	case 0: // zero or subnormal: frac * 2^-24
		v = math.Ldexp(frac, -24)
	case 0x1f:
		if frac != 0 {
			return math.NaN()
		}
		v = math.Inf(1)
	default: // (1 + frac/1024) * 2^(exp-15)
		v = math.Ldexp(1024+frac, exp-25)
	}
	if h&0x8000 != 0 {
		v = -v
	}
	return v
}

// brief returns s cut to a length that fits in an error message.
func brief(s string) string {
	const n = 80
	if len(s) <= n {
		return s
	}
	return s[:n] + "..."
}
