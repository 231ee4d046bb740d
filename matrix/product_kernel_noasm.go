//go:build !amd64 || purego

package matrix

// kernels returns the kernels this build can run: only the portable Go one,
// since it has no assembly.
func kernels() []*kernel { return []*kernel{&goKernel} }

// plainByDefault reports whether products should run the plain loops unless
// asked otherwise. Without assembly there is no asking the CPU whether it
// has FMA; the common platforms do (every arm64, and amd64 since 2013).
func plainByDefault() bool { return false }
