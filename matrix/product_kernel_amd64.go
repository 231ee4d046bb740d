//go:build !purego

package matrix

// kernels returns the kernels this machine can run, fastest first: the
// AVX-512 one when both the CPU and the operating system support AVX-512
// (the system must save the wider registers on a context switch), and the
// portable Go one.
func kernels() []*kernel {
	if hasAVX512() {
		return []*kernel{&avx512Kernel, &goKernel}
	}
	return []*kernel{&goKernel}
}

// avx512Kernel computes tiles of 4×24: 4 rows of C, each 3 registers of 8
// columns, 12 registers of sums in all. Narrower tiles use masked loads and
// stores and only as many registers per row as they need.
var avx512Kernel = kernel{name: "avx512", mr: 4, nr: avx512NR, lanes: 8, fn: kernelAVX512}

const avx512NR = 24

func kernelAVX512(k int, a []float64, ar, ac int, b []float64, ldb int, c []float64, ldc, m, nr, next int, acc bool) {
	checkPanel("avx512", avx512NR, k, a, ar, ac, b, ldb, c, ldc, m, nr)
	kernAVX512(k, &a[0], ar, ac, &b[0], ldb, &c[0], ldc, m, nr, next, acc)
}

// kernAVX512 is kernelAVX512 in assembly, without the bounds check.
//
//go:noescape
func kernAVX512(k int, a *float64, ar, ac int, b *float64, ldb int, c *float64, ldc, m, nr, next int, acc bool)

// hasAVX512 reports whether AVX512F instructions may run: the CPU has them
// (CPUID leaf 7, EBX bit 16) and the operating system saves the opmask and
// all 32 512-bit registers (XCR0 bits 1, 2, 5, 6, 7).
func hasAVX512() bool {
	maxLeaf, _, _, _ := cpuid(0, 0)
	if maxLeaf < 7 {
		return false
	}
	_, _, ecx1, _ := cpuid(1, 0)
	const osxsave = 1 << 27
	if ecx1&osxsave == 0 {
		return false
	}
	const xcr0AVX512 = 1<<1 | 1<<2 | 1<<5 | 1<<6 | 1<<7
	if xcr0, _ := xgetbv(); xcr0&xcr0AVX512 != xcr0AVX512 {
		return false
	}
	_, ebx7, _, _ := cpuid(7, 0)
	const avx512f = 1 << 16
	return ebx7&avx512f != 0
}

// cpuid executes the CPUID instruction for leaf eaxArg, subleaf ecxArg.
func cpuid(eaxArg, ecxArg uint32) (eax, ebx, ecx, edx uint32)

// xgetbv returns the low and high halves of XCR0, the register that says
// which register sets the operating system saves.
func xgetbv() (eax, edx uint32)
