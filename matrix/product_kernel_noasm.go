//go:build !amd64 || purego

package matrix

// kernels returns the kernels this build can run: only the portable Go one,
// since it has no assembly.
func kernels() []*kernel { return []*kernel{&goKernel} }

// plainByDefault reports whether products should run the plain loops unless
// asked otherwise. Without assembly there is no asking the CPU whether it
// has FMA; every platform that Go supports well has it (math.FMA is one
// instruction on arm64, ppc64, s390x, riscv64, and on amd64 since Haswell).
func plainByDefault() bool { return false }
