package gemm

import (
	"math"
	"testing"
)

// TestCopyOut checks copyOut against copy for every length up to 40 and
// each alignment of dst and src within 16 bytes, NaN payloads and -0
// included, and that nothing past the copy is written.
func TestCopyOut(t *testing.T) {
	const guard = 7.5
	for n := 0; n <= 40; n++ {
		for do := 0; do < 2; do++ {
			for so := 0; so < 2; so++ {
				src := make([]float64, so+n)[so:]
				for i := range src {
					src[i] = float64(i) + 0.25
				}
				if n > 2 {
					src[1] = math.Copysign(0, -1)
					src[2] = math.Float64frombits(0x7ff4dead0000beef)
				}
				buf := make([]float64, do+n+1)
				for i := range buf {
					buf[i] = guard
				}
				dst := buf[do:]
				copyOut(dst, src)
				for i := range n {
					if math.Float64bits(dst[i]) != math.Float64bits(src[i]) {
						t.Fatalf("n=%d dst offset %d src offset %d: dst[%d] = %v, want %v", n, do, so, i, dst[i], src[i])
					}
				}
				if dst[n] != guard || (do == 1 && buf[0] != guard) {
					t.Fatalf("n=%d dst offset %d src offset %d: wrote outside dst[:%d]", n, do, so, n)
				}
			}
		}
	}
}
