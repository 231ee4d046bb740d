//go:build purego

package matrix

// unzeroed returns n float64s: with the purego tag, made and zeroed as
// usual (see alloc_unzeroed.go).
func unzeroed(n int) []float64 { return make([]float64, n) }
