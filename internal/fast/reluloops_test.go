package fast

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
)

// TestReluLoops holds every set of SIMD loops this machine has to the Go
// loops, bit for bit: relu's results, dZ and the sums of its columns, on
// matrices of every width up to 3 panels and past, with NaN, ±Inf, ±0 and
// numbers that round to 0 when added to the bias among the elements. A NaN
// matches any NaN: which of its bits survive an operation is the
// processor's choice, not Go's (nor numpy's).
func TestReluLoops(t *testing.T) {
	sets := simdLoops()
	if len(sets) == 0 {
		t.Skip("no SIMD loops on this machine or build")
	}
	specials := []float64{math.NaN(), math.Inf(1), math.Inf(-1), 0, math.Copysign(0, -1), 1e-300, -1e-300}
	rng := rand.New(rand.NewPCG(1, 2))
	random := func(n int) []float64 {
		x := make([]float64, n)
		for i := range x {
			x[i] = rng.NormFloat64()
			if rng.IntN(8) == 0 {
				x[i] = specials[rng.IntN(len(specials))]
			}
		}
		return x
	}
	for _, s := range sets {
		for _, n := range []int{1, 2, 3, 4, 5, 7, 8, 9, 12, 13, 16, 20, 23, 24, 25, 33, 50} {
			ls := s.loops(50)
			for _, m := range []int{0, 1, 2, 3, 7, 8, 9, 400} {
				name := fmt.Sprintf("%s (%d,%d)", s.name, m, n)
				ZT, b := random(m*n), random(n)
				b[0] = math.Copysign(0, -1) // -0 + -0 is the one sum that is -0
				want, got := clone(ZT), clone(ZT)
				biasReluGo(want, b)
				ls.biasRelu(got, b)
				if msg := diffBits(got, want); msg != "" {
					t.Errorf("%s: biasRelu: %s", name, msg)
				}

				dAT, AT := random(m*n), random(m*n)
				want, got = clone(dAT), clone(dAT)
				wantSum, gotSum := random(n), random(n)
				reluBackwardGo(want, AT, wantSum)
				ls.backward(got, AT, gotSum)
				if msg := diffBits(got, want); msg != "" {
					t.Errorf("%s: reluBackward: dZ: %s", name, msg)
				}
				if msg := diffBits(gotSum, wantSum); msg != "" {
					t.Errorf("%s: reluBackward: sums: %s", name, msg)
				}
			}
		}
	}
}

// diffBits describes the first element where got and want differ in
// their bits, NaNs aside (one NaN matches another), or returns "".
func diffBits(got, want []float64) string {
	if len(got) != len(want) {
		return fmt.Sprintf("%d elements, want %d", len(got), len(want))
	}
	for i := range got {
		if math.Float64bits(got[i]) != math.Float64bits(want[i]) && !(math.IsNaN(got[i]) && math.IsNaN(want[i])) {
			return fmt.Sprintf("element %d = %v (%#x), want %v (%#x)", i, got[i], math.Float64bits(got[i]), want[i], math.Float64bits(want[i]))
		}
	}
	return ""
}
