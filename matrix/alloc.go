package matrix

import (
	"math"
	"runtime"
	"sync/atomic"
)

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
	if n >= collectMin {
		collect(n)
	}
	handedOut.Add(int64(n))
	d := &Dense{rows: r, cols: c, data: unzeroed(n)}
	if poisonResults {
		for i := range d.data {
			d.data[i] = poison
		}
	}
	return d
}

// collect runs the collector before a result of n ≥ collectMin elements is
// made, if at least n elements of large results were made since it last
// did: one of them may have died since, and its memory can then hold the
// new result.
//
// numpy frees an array the moment the last name for it goes, and its next
// array of that size takes the same memory, still mapped and likely still
// in the cache. Go frees memory only when the collector has run, and it
// runs when the heap has grown to twice what was alive at its last run.
// In the course's training loop the difference decides the memory: one
// iteration's dA[0] (20 MB) dies when UpdateParameters returns, and the
// next iteration makes another. Left to the pacing, the collector often
// finds both alive, the heap grows to twice X and two dA[0]s, and the
// runtime returns part of it to the system and faults it in again: 124 to
// 164 MB and 200,000 to 300,000 page faults in 500 iterations of the
// two-layer model. Collecting first, the new dA[0] takes the old one's
// memory: 59 MB and 14,000 faults, most of them loading the data, and
// 20% less time.
//
// A collection costs 0.2 to 0.5 ms here, less than writing 16 MB, the
// least result that asks for one.
func collect(n int) {
	if handedOut.Load() < int64(n) {
		return
	}
	handedOut.Store(0)
	runtime.GC()
}

// collectMin is the least number of elements (16 MB) of a result for which
// newResult runs the collector first (see collect).
const collectMin = 1 << 21

// handedOut counts the elements of the large results newResult made since
// collect last ran the collector.
var handedOut atomic.Int64

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
