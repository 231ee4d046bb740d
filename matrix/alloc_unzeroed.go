//go:build !purego

package matrix

import "unsafe"

// unzeroed returns n float64s (n ≥ unzeroedMin) whose contents are
// whatever the memory held: the Go runtime's own allocation, mallocgc,
// asked not to zero. Go has no public way to ask this; mallocgc is reached
// by name (go:linkname), which the runtime keeps working for the packages
// that do so (see its comment in runtime/malloc.go: "Do not remove or
// change the type signature"). With a nil type the memory holds no
// pointers, and the collector frees it like any []float64. A size this
// large is its own span, aligned to a page. Build with -tags purego for an
// ordinary, zeroed make instead.
func unzeroed(n int) []float64 {
	p := mallocgc(uintptr(n)*8, nil, false)
	return unsafe.Slice((*float64)(p), n)
}

//go:linkname mallocgc runtime.mallocgc
func mallocgc(size uintptr, typ unsafe.Pointer, needzero bool) unsafe.Pointer
