//go:build !amd64 || purego

package matrix

// kernels returns the kernels this build can run: only the portable Go one,
// since it has no assembly.
func kernels() []*kernel { return []*kernel{&goKernel} }
