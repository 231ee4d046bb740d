package hdf5

import "fmt"

// A dataspace is a decoded dataspace message: the dataset's dimensions
// (none for a scalar) and their maxima (undef for an unlimited dimension).
type dataspace struct {
	dims, maxDims []uint64
}

// parseDataspace decodes a dataspace message. Version 1: rank (1), flags
// (1), reserved (5); version 2: rank (1), flags (1), type (1: 0 scalar, 1
// simple, 2 null). Then the dimensions (L bytes each) and, if flag bit 0 is
// set, their maxima.
func parseDataspace(body []byte, sl int) (dataspace, error) {
	d := &decoder{b: body, sl: sl, what: "dataspace message"}
	version, rank, flags := d.u8(), int(d.u8()), d.u8()
	switch version {
	case 1:
		d.skip(5)
	case 2:
		switch typ := d.u8(); typ {
		case 0:
			rank = 0
		case 1:
		case 2:
			return dataspace{}, unsupported("a null dataspace (an empty dataset, h5py.Empty)")
		default:
			return dataspace{}, fmt.Errorf("dataspace message: type %d", typ)
		}
	default:
		if d.err == nil {
			return dataspace{}, unsupported("dataspace message version %d", version)
		}
	}
	if rank > maxRank {
		return dataspace{}, fmt.Errorf("dataspace message: %d dimensions, at most %d allowed", rank, maxRank)
	}
	s := dataspace{dims: make([]uint64, rank), maxDims: make([]uint64, rank)}
	for i := range s.dims {
		s.dims[i] = d.length()
	}
	for i := range s.maxDims {
		s.maxDims[i] = s.dims[i]
		if flags&1 != 0 {
			s.maxDims[i] = d.length()
			if sl < 8 && s.maxDims[i] == 1<<(8*sl)-1 {
				s.maxDims[i] = undef
			}
		}
	}
	return s, d.err
}

// count returns the number of elements of an array with the given
// dimensions, or an error when it exceeds limit.
func count(dims []uint64, limit uint64) (uint64, error) {
	n := uint64(1)
	for _, v := range dims {
		if v > limit {
			return 0, fmt.Errorf("dimensions %v hold more than %d elements", dims, limit)
		}
		if v == 0 {
			n = 0
		}
	}
	for _, v := range dims {
		if n == 0 {
			break
		}
		if n > limit/v {
			return 0, fmt.Errorf("dimensions %v hold more than %d elements", dims, limit)
		}
		n *= v
	}
	return n, nil
}
