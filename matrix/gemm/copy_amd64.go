//go:build !purego

package gemm

// copyOut copies src into dst (len(dst) ≥ len(src)) with non-temporal
// stores, which write to memory without first reading each line of dst
// into the cache, as an ordinary store must, and without keeping it there.
// stream copies its rows out with it: C is written once and not read again
// by the product, and an ordinary copy of the course's dA[0] would read
// 20 MB it is about to overwrite.
func copyOut(dst, src []float64) {
	if len(src) == 0 {
		return
	}
	_ = dst[len(src)-1]
	copyNT(&dst[0], &src[0], len(src))
}

//go:noescape
func copyNT(dst, src *float64, n int)
