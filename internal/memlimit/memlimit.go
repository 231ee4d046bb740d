// Package memlimit bounds the memory that reading a file may cost, so that
// a small file declaring a huge array is refused with an error instead of
// crashing the program when it runs out of memory.
//
// Every reader charges a Budget with what it is about to allocate (the
// bytes it decodes and the float64 copies that follow) before allocating
// it. A Budget starts at Limit: half of the memory this process may still
// use, which is the least of
//
//   - MemAvailable in /proc/meminfo (the memory the machine can give
//     without swapping);
//   - the address space left under the process's RLIMIT_AS (ulimit -v):
//     the limit less the process's current VmSize;
//   - the memory left under its control group's limit (cgroup v2
//     memory.max, or v1 memory.limit_in_bytes);
//
// or Fallback when none of these is known. Half, because the Go heap may
// hold up to twice its live data between collections, and the program needs
// memory of its own beside what it reads.
package memlimit

import (
	"fmt"
	"math"
	"sync"
)

// Fallback is the memory assumed available when the machine does not say:
// 4 GiB, so that the limit is 2 GiB.
const Fallback = 4 << 30

var machine struct {
	once  sync.Once
	bytes float64
	why   string
}

var override struct {
	sync.Mutex
	bytes float64 // 0: none
}

// Limit returns the most bytes that the data read from files may take, and
// a few words saying where the figure comes from, such as "half the 23.1 GB
// this machine has available". The machine's figures are read once.
func Limit() (bytes float64, why string) {
	override.Lock()
	o := override.bytes
	override.Unlock()
	if o > 0 {
		return o, "the limit set for this run"
	}
	machine.once.Do(func() {
		avail, source := available()
		machine.bytes = avail / 2
		machine.why = "half the " + Size(avail) + " " + source
	})
	return machine.bytes, machine.why
}

// SetLimit makes Limit return bytes instead of the machine's figure (0
// gives the machine's figure back), and returns the previous setting. It
// lets tests try a small limit.
func SetLimit(bytes float64) (previous float64) {
	override.Lock()
	defer override.Unlock()
	previous, override.bytes = override.bytes, bytes
	return previous
}

// A Budget is the memory left for one load: the arrays read from one or
// more files, which are all kept. It is not safe for use by several
// goroutines at once.
type Budget struct {
	limit, left float64
	why         string
}

// NewBudget returns a budget of Limit bytes.
func NewBudget() *Budget {
	limit, why := Limit()
	return &Budget{limit: limit, left: limit, why: why}
}

// Charge takes bytes from the budget, before they are allocated. When
// fewer are left it returns an error made of what, which says what needs
// the memory, and the limit, for example
//
//	"x" declares 100000 images of 64×64×3 (9.8 GB as float64); the limit is 1.2 GB (half the 2.4 GB this machine has available)
//
// A nil Budget has no limit.
func (b *Budget) Charge(bytes float64, what string) error {
	if b == nil {
		return nil
	}
	if !(bytes <= b.left) { // also catches NaN
		if taken := b.limit - b.left; taken > b.limit/100 {
			return fmt.Errorf("%s; the limit is %s (%s), of which %s is already taken", what, Size(b.limit), b.why, Size(taken))
		}
		return fmt.Errorf("%s; the limit is %s (%s)", what, Size(b.limit), b.why)
	}
	b.left -= bytes
	return nil
}

// Size writes a number of bytes for people, in decimal units with two or
// three significant digits: "512 bytes", "9.8 GB", "26 TB".
func Size(bytes float64) string {
	if math.IsInf(bytes, 0) || math.IsNaN(bytes) {
		return fmt.Sprint(bytes) + " bytes"
	}
	units := []string{"kB", "MB", "GB", "TB", "PB", "EB"}
	if bytes < 1000 {
		return fmt.Sprintf("%.0f bytes", bytes)
	}
	u := -1
	for bytes >= 1000 && u < len(units)-1 {
		bytes /= 1000
		u++
	}
	if bytes < 10 {
		return fmt.Sprintf("%.1f %s", bytes, units[u])
	}
	return fmt.Sprintf("%.0f %s", bytes, units[u])
}
