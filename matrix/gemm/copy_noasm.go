//go:build !amd64 || purego

package gemm

// copyOut copies src into dst (len(dst) ≥ len(src)); on amd64 it uses
// non-temporal stores (see copy_amd64.go).
func copyOut(dst, src []float64) { copy(dst, src) }
