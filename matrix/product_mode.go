package matrix

import (
	"fmt"
	"os"
	"strings"
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
// a product already running finishes the way it started.
//
// The environment variable DNN_MATRIX, read once when the program starts,
// chooses too: DNN_MATRIX=plain does the same as SetPlain(true), and
// DNN_MATRIX=avx512, avx2 or go runs the fast path with that kernel (see
// Kernel), for comparing them on one machine.
//
// Both paths add the k products of each element in the same order, from
// l = 0 to k-1; the fast path rounds each product-and-sum once (a fused
// multiply-add) where the plain path rounds twice, so the two differ in the
// last bits.
func SetPlain(on bool) { plain.Store(on) }

// Kernel names the code that computes products now: "plain" for the
// reference loops, else the fast path's micro-kernel: "avx512" or "avx2"
// (amd64 assembly, the first one the CPU and the operating system support)
// or "go" (portable Go, used elsewhere and with the purego build tag).
// Every fast kernel gives bit-for-bit the same results.
func Kernel() string {
	if plain.Load() {
		return "plain"
	}
	return active.name
}

// init reads DNN_MATRIX once; see SetPlain.
func init() {
	var err error
	if active, err = chooseKernel(os.Getenv("DNN_MATRIX")); err != nil {
		panic(err.Error())
	}
	plain.Store(active == nil)
	if active == nil {
		active = kernels()[0]
	}
}

// chooseKernel returns the kernel that the value v of DNN_MATRIX asks for,
// or nil for the plain loops: "plain" selects them, the name of a kernel
// ("avx512", "avx2", "go") that kernel, and "" the fastest kernel this
// machine runs (or the plain loops on an amd64 CPU without FMA, too old for
// any kernel to pay). Any other value, or a kernel this machine cannot run,
// is a mistake that would otherwise go unnoticed: an error.
func chooseKernel(v string) (*kernel, error) {
	switch v {
	case "":
		if plainByDefault() {
			return nil, nil
		}
		return kernels()[0], nil
	case "plain":
		return nil, nil
	}
	var names []string
	for _, k := range kernels() {
		if k.name == v {
			return k, nil
		}
		names = append(names, k.name)
	}
	return nil, fmt.Errorf("matrix: DNN_MATRIX=%q: want plain, %s, or unset for the fastest kernel this machine runs",
		v, strings.Join(names, ", "))
}
