//go:build !amd64 || purego

package gemm

// kernels returns the kernels this build can run: only the portable Go one,
// since it has no assembly.
func kernels() []*kernel { return []*kernel{&goKernel} }

// hardwareFMA reports whether the CPU has FMA; see HardwareFMA. Without
// assembly there is no asking the CPU; the common platforms do (every
// arm64, and amd64 since 2013).
func hardwareFMA() bool { return true }
