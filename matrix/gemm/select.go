package gemm

import (
	"fmt"
	"strings"
	"sync/atomic"
)

// active is the kernel Product runs: the fastest one this machine and build
// support (kernel_amd64.go, kernel_noasm.go) unless SetKernel chose another.
var active atomic.Pointer[kernel]

func init() { active.Store(kernels()[0]) }

// Kernel names the kernel Product runs now: "avx512" or "avx2" (amd64
// assembly, the first one the CPU and the operating system support) or
// "go" (portable Go, used elsewhere and with the purego build tag). Every
// kernel gives bit-for-bit the same results.
func Kernel() string { return active.Load().name }

// Kernels names the kernels this machine and build can run, fastest first.
// The last is always "go".
func Kernels() []string {
	var names []string
	for _, k := range kernels() {
		names = append(names, k.name)
	}
	return names
}

// SetKernel makes Product run the kernel called name, one of Kernels(),
// from its next call on; a product already running finishes with the
// kernel it started with. It returns an error, and changes nothing, for
// any other name.
func SetKernel(name string) error {
	for _, k := range kernels() {
		if k.name == name {
			active.Store(k)
			return nil
		}
	}
	return fmt.Errorf("gemm: no kernel %q on this machine: want %s", name, strings.Join(Kernels(), ", "))
}

// HardwareFMA reports whether the CPU computes a fused multiply-add in one
// instruction. Every kernel adds with fused multiply-adds; where the CPU
// has none (amd64 processors older than 2013), math.FMA computes them in
// software and Product is many times slower than plain loops.
func HardwareFMA() bool { return hardwareFMA() }
