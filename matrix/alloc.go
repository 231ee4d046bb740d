package matrix

import "math"

// newResult returns an (r, c) matrix for a function to fill: its elements are
// unset, and the function must write every one of them before it returns
// the matrix. Dot and the element-wise functions use it for their results.
//
// Go zeroes every slice it makes; for a result about to be overwritten,
// that is a wasted pass over memory the cache no longer holds. For the
// course's largest result, dA[0] = W1ᵀ·dZ1 of 12288×209 elements (20 MB),
// the zeroing alone takes 3 to 4 ms, a third of an iteration of training
// (see alloc_unzeroed.go). So a large result takes its memory unzeroed; a
// small one is made as usual, which costs nothing worth saving.
func newResult(r, c int) *Dense {
	n := r * c
	if n < unzeroedMin {
		return &Dense{rows: r, cols: c, data: make([]float64, n)}
	}
	d := &Dense{rows: r, cols: c, data: unzeroed(n)}
	if poisonResults {
		for i := range d.data {
			d.data[i] = poison
		}
	}
	return d
}

// unzeroedMin is the least number of elements (256 KB) for which newResult
// asks for unzeroed memory: below it, zeroing costs less than a
// microsecond or two.
const unzeroedMin = 1 << 15

// poisonResults, set by the tests, fills every large result with poison
// before the function that asked for it fills it, so that an element it
// forgot shows up as poison rather than as whatever the memory held.
var poisonResults = false

// poison is a NaN whose payload no computation produces.
var poison = math.Float64frombits(0x7ff4dead0000beef)
