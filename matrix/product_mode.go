package matrix

import (
	"fmt"
	"os"
	"sync/atomic"
)

// plain, when set, makes every product run the plain reference loops of
// product.go instead of the fast path.
var plain atomic.Bool

// active is the micro-kernel of the fast path: the fastest one this machine
// and build support (product_kernel_amd64.go, product_kernel_noasm.go),
// unless DNN_MATRIX chose another.
var active = kernels()[0]

// SetPlain(true) makes Dot, DotTA, DotTB and their Into variants run the
// plain reference loops: one goroutine, no blocking, no assembly.
// SetPlain(false) returns to the fast path. It may be called at any time;
// a product already running finishes the way it started. Setting the
// environment variable DNN_MATRIX=plain before the program starts does the
// same as SetPlain(true).
//
// Both paths add the k products of each element in the same order, from
// l = 0 to k-1; the fast path rounds each product-and-sum once (a fused
// multiply-add) where the plain path rounds twice, so the two differ in the
// last bits.
func SetPlain(on bool) { plain.Store(on) }

// Kernel names the code that computes products now: "plain" for the
// reference loops, else the fast path's micro-kernel: "avx512" (amd64
// assembly, chosen when the CPU and the operating system support AVX-512)
// or "go" (portable Go, used elsewhere, with the purego build tag, or when
// DNN_MATRIX=go). Every fast kernel gives bit-for-bit the same results.
func Kernel() string {
	if plain.Load() {
		return "plain"
	}
	return active.name
}

// init reads DNN_MATRIX once: "plain" selects the reference loops, "go" the
// portable Go micro-kernel, and unset or "" the fastest kernel available.
// Any other value is a mistake that would otherwise go unnoticed, so it
// panics.
func init() {
	switch v := os.Getenv("DNN_MATRIX"); v {
	case "":
	case "plain":
		plain.Store(true)
	case "go":
		active = &goKernel
	default:
		panic(fmt.Sprintf("matrix: DNN_MATRIX=%q: want plain, go, or unset for the fastest kernel", v))
	}
}
