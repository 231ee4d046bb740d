//go:build !purego

package gemm

// kernels returns the kernels this machine can run, fastest first: the
// AVX-512 one and the AVX2 one when both the CPU and the operating system
// support them (the system must save the wider registers on a context
// switch), and always the portable Go one.
func kernels() []*kernel {
	var ks []*kernel
	f := cpuFeatures()
	if f.avx512 {
		ks = append(ks, &avx512Kernel)
	}
	if f.avx2 {
		ks = append(ks, &avx2Kernel)
	}
	return append(ks, &goKernel)
}

// hardwareFMA reports whether the CPU has FMA; see HardwareFMA.
func hardwareFMA() bool { return cpuFeatures().fma }

// avx512Kernel computes tiles of 4×24: 4 rows of C, each 3 registers of 8
// columns, 12 registers of sums in all. Narrower tiles use masked loads and
// stores and only as many registers per row as they need; tiles of one
// register take 8 rows at a time, so that 8 sums are in flight.
var avx512Kernel = kernel{name: "avx512", mr: 4, nr: avx512NR, fn: kernelAVX512}

// avx2Kernel computes tiles of 4×8: 4 rows of C, each 2 registers of 4
// columns. With only 16 registers, 8 of sums leave room for the row of B,
// the elements of A and the two column masks of a narrower tile.
var avx2Kernel = kernel{name: "avx2", mr: 4, nr: avx2NR, fn: kernelAVX2}

const avx512NR, avx2NR = 24, 8

func kernelAVX512(k int, a []float64, ar, ac int, b []float64, ldb int, c []float64, ldc, m, nr, next int, acc bool) {
	checkPanel("avx512", avx512NR, k, a, ar, ac, b, ldb, c, ldc, m, nr)
	kernAVX512(k, &a[0], ar, ac, &b[0], ldb, &c[0], ldc, m, nr, next, acc)
}

func kernelAVX2(k int, a []float64, ar, ac int, b []float64, ldb int, c []float64, ldc, m, nr, next int, acc bool) {
	checkPanel("avx2", avx2NR, k, a, ar, ac, b, ldb, c, ldc, m, nr)
	kernAVX2(k, &a[0], ar, ac, &b[0], ldb, &c[0], ldc, m, nr, next, acc)
}

// kernAVX512 and kernAVX2 are kernelAVX512 and kernelAVX2 in assembly,
// without the bounds check.
//
//go:noescape
func kernAVX512(k int, a *float64, ar, ac int, b *float64, ldb int, c *float64, ldc, m, nr, next int, acc bool)

//go:noescape
func kernAVX2(k int, a *float64, ar, ac int, b *float64, ldb int, c *float64, ldc, m, nr, next int, acc bool)

// features says which instruction sets the kernels need may run.
type features struct {
	fma    bool // FMA: math.FMA is one instruction, not a long computation
	avx2   bool // AVX2 and FMA, with the 256-bit registers saved
	avx512 bool // AVX512F, with the opmask and all 32 512-bit registers saved
}

// cpuFeatures asks the CPU (CPUID) what it has and the operating system
// (XGETBV, once CPUID says it may be used) which registers it saves.
func cpuFeatures() features {
	const (
		// CPUID leaf 1, ECX
		fma     = 1 << 12
		osxsave = 1 << 27
		avx     = 1 << 28
		// CPUID leaf 7, EBX
		avx2    = 1 << 5
		avx512f = 1 << 16
		// XCR0: SSE, AVX (upper halves of YMM), then opmask, upper
		// halves of ZMM0-15, ZMM16-31
		xcr0AVX    = 1<<1 | 1<<2
		xcr0AVX512 = xcr0AVX | 1<<5 | 1<<6 | 1<<7
	)
	var f features
	maxLeaf, _, _, _ := cpuid(0, 0)
	if maxLeaf < 7 {
		return f
	}
	_, _, ecx1, _ := cpuid(1, 0)
	if ecx1&osxsave == 0 {
		return f
	}
	xcr0, _ := xgetbv()
	_, ebx7, _, _ := cpuid(7, 0)
	f.fma = ecx1&(fma|avx) == fma|avx && xcr0&xcr0AVX == xcr0AVX
	f.avx2 = f.fma && ebx7&avx2 != 0
	f.avx512 = ebx7&avx512f != 0 && xcr0&xcr0AVX512 == xcr0AVX512
	return f
}

// cpuid executes the CPUID instruction for leaf eaxArg, subleaf ecxArg.
func cpuid(eaxArg, ecxArg uint32) (eax, ebx, ecx, edx uint32)

// xgetbv returns the low and high halves of XCR0, the register that says
// which register sets the operating system saves.
func xgetbv() (eax, edx uint32)
