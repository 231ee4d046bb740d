package matrix

import (
	"fmt"
	"os"
	"strings"
	"sync/atomic"

	"dnn/matrix/gemm"
)

// plain, when set, makes Dot run the plain reference loops of product.go
// instead of package gemm.
var plain atomic.Bool

// configError is what was wrong with DNN_MATRIX when the program started,
// or nil.
var configError error

// SetPlain(true) makes Dot run the plain reference loops: one goroutine, no
// blocking, no assembly. SetPlain(false) returns to the fast product of
// package gemm. It may be called at any time; a product already running
// finishes the way it started.
//
// The environment variable DNN_MATRIX, read once when the program starts,
// chooses too: DNN_MATRIX=plain does the same as SetPlain(true), and
// DNN_MATRIX=avx512, avx2 or go runs the fast product with that kernel, for
// comparing them on one machine. Any other value is reported by
// ConfigError and otherwise ignored.
func SetPlain(on bool) { plain.Store(on) }

// Kernel names the code that computes products now: "plain" for the
// reference loops, else the kernel of the fast product, gemm.Kernel():
// "avx512", "avx2" or "go". Every fast kernel gives bit-for-bit the same
// results.
func Kernel() string {
	if plain.Load() {
		return "plain"
	}
	return gemm.Kernel()
}

// ConfigError returns nil if DNN_MATRIX was unset or valid when the program
// started, and otherwise an error naming the value and the valid ones, for
// example
//
//	matrix: DNN_MATRIX="avx1024": want plain, avx512, avx2, go, or unset for the fastest kernel this machine runs
//
// The products then run as if DNN_MATRIX were unset. A program calls it
// first, to stop with that message rather than run in a way its user did
// not ask for.
func ConfigError() error { return configError }

func init() { configError = configure(os.Getenv("DNN_MATRIX")) }

// configure sets up the products as the value v of DNN_MATRIX asks:
// "plain" selects the reference loops, the name of a kernel ("avx512",
// "avx2", "go") that kernel, and "" the fastest kernel this machine runs,
// or the plain loops on an amd64 processor without FMA, too old for any
// kernel to pay. Any other value, or a kernel this machine cannot run, is a
// mistake that would otherwise go unnoticed: configure sets up as for ""
// and returns an error.
func configure(v string) error {
	fastest := gemm.Kernels()[0]
	switch {
	case v == "plain":
		gemm.SetKernel(fastest)
		plain.Store(true)
		return nil
	case v != "" && gemm.SetKernel(v) == nil:
		plain.Store(false)
		return nil
	}
	gemm.SetKernel(fastest)
	plain.Store(!gemm.HardwareFMA())
	if v == "" {
		return nil
	}
	return fmt.Errorf("matrix: DNN_MATRIX=%q: want plain, %s, or unset for the fastest kernel this machine runs",
		v, strings.Join(gemm.Kernels(), ", "))
}
