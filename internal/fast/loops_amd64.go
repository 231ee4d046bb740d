//go:build !purego

package fast

import "dnn/matrix/gemm"

// simdLoops returns the SIMD loops whose instructions this machine has,
// fastest first: those named like the kernels package gemm found it can
// run (gemm.Kernels), whose instructions include the loops' ones.
func simdLoops() []*simd {
	var ls []*simd
	for _, name := range gemm.Kernels() {
		switch name {
		case "avx512":
			ls = append(ls, &avx512Loops)
		case "avx2":
			ls = append(ls, &avx2Loops)
		}
	}
	return ls
}

var (
	avx512Loops = simd{name: "avx512", lanes: 8, biasRelu: biasReluAVX512, reluMask: reluMaskAVX512, colSums: colSumsAVX512}
	avx2Loops   = simd{name: "avx2", lanes: 4, biasRelu: biasReluAVX2, reluMask: reluMaskAVX2, colSums: colSumsAVX2}
)

// The loops of simd in assembly, with registers of 8 float64s (AVX-512) or
// of 4 (AVX2); n ≥ 0 in the flat loops. They check nothing: simd.loops
// calls them within bounds.

//go:noescape
func biasReluAVX512(z *float64, n int, bt *float64, period int)

//go:noescape
func reluMaskAVX512(dA, A *float64, n int)

//go:noescape
func colSumsAVX512(x *float64, m, n, w int, sum *float64)

//go:noescape
func biasReluAVX2(z *float64, n int, bt *float64, period int)

//go:noescape
func reluMaskAVX2(dA, A *float64, n int)

//go:noescape
func colSumsAVX2(x *float64, m, n, w int, sum *float64)
