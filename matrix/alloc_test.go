package matrix

import (
	"math"
	"math/rand/v2"
	"runtime"
	"testing"
)

// TestLargeResultsFilled checks that every function whose large result
// starts unzeroed (newResult) writes each of its elements: with
// poisonResults set, a large result starts as poison, and an element left
// unwritten would still hold it. Each result is also compared, element by
// element, with the same function computed through At, so a result that is
// filled but wrong fails too. The shapes are large enough, 300×200 = 60,000
// elements, for newResult to take unzeroed memory; every broadcast case and
// every transposition of Dot's operands is run, on both product paths.
func TestLargeResultsFilled(t *testing.T) {
	poisonResults = true
	defer func() { poisonResults = false }()
	const r, c = 300, 200
	if r*c < unzeroedMin {
		t.Fatalf("(%d,%d) is below unzeroedMin = %d: the test would not reach unzeroed memory", r, c, unzeroedMin)
	}
	rng := rand.New(rand.NewPCG(3, 4))
	a, b := randomDense(rng, r, c), randomDense(rng, r, c)
	col, row, one := randomDense(rng, r, 1), randomDense(rng, 1, c), Scalar(0.5)
	aT := randomDense(rng, c, r).T() // (r, c), a transposed view

	add := func(x, y float64) float64 { return x + y }
	tests := []struct {
		name string
		got  func() *Dense
		want func(i, j int) float64
	}{
		{"Add(a, b)", func() *Dense { return Add(a, b) }, func(i, j int) float64 { return a.At(i, j) + b.At(i, j) }},
		{"Sub(a, col)", func() *Dense { return Sub(a, col) }, func(i, j int) float64 { return a.At(i, j) - col.At(i, 0) }},
		{"Mul(col, a)", func() *Dense { return Mul(col, a) }, func(i, j int) float64 { return col.At(i, 0) * a.At(i, j) }},
		{"Div(a, row)", func() *Dense { return Div(a, row) }, func(i, j int) float64 { return a.At(i, j) / row.At(0, j) }},
		{"Add(row, a)", func() *Dense { return Add(row, a) }, func(i, j int) float64 { return row.At(0, j) + a.At(i, j) }},
		{"Sub(col, row)", func() *Dense { return Sub(col, row) }, func(i, j int) float64 { return col.At(i, 0) - row.At(0, j) }},
		{"Mul(row, col)", func() *Dense { return Mul(row, col) }, func(i, j int) float64 { return row.At(0, j) * col.At(i, 0) }},
		{"Div(one, a)", func() *Dense { return Div(one, a) }, func(i, j int) float64 { return 0.5 / a.At(i, j) }},
		{"Sub(a, one)", func() *Dense { return Sub(a, one) }, func(i, j int) float64 { return a.At(i, j) - 0.5 }},
		{"Add(aT, b)", func() *Dense { return Add(aT, b) }, func(i, j int) float64 { return aT.At(i, j) + b.At(i, j) }},
		{"Binary(a, col, add)", func() *Dense { return Binary(a, col, add) }, func(i, j int) float64 { return a.At(i, j) + col.At(i, 0) }},
		{"Scale(3, aT)", func() *Dense { return Scale(3, aT) }, func(i, j int) float64 { return 3 * aT.At(i, j) }},
		{"Apply(a, Abs)", func() *Dense { return Apply(a, math.Abs) }, func(i, j int) float64 { return math.Abs(a.At(i, j)) }},
		{"Exp(a)", func() *Dense { return Exp(a) }, func(i, j int) float64 { return math.Exp(a.At(i, j)) }},
		{"Log(Exp(a))", func() *Dense { return Log(Exp(a)) }, func(i, j int) float64 { return math.Log(math.Exp(a.At(i, j))) }},
		{"Maximum(a, 0)", func() *Dense { return Maximum(a, 0) }, func(i, j int) float64 { return max(a.At(i, j), 0) }},
		{"Maximum(a, -0)", func() *Dense { return Maximum(a, math.Copysign(0, -1)) }, func(i, j int) float64 { return max(a.At(i, j), 0) }},
	}
	for _, tt := range tests {
		got := tt.got()
		checkFilled(t, tt.name, got, r, c, tt.want)
	}

	// Dot, each operand row-major or a transposed view, on both paths;
	// and with k = 0, a result of zeros.
	operands := append(layouts(randomDense(rng, r, 30), randomDense(rng, 30, c)),
		dotOperands{"Dot(k = 0)", Zeros(r, 0), Zeros(0, c)})
	paths(t, func(t *testing.T) {
		for _, tt := range operands {
			got := Dot(tt.x, tt.y)
			checkFilled(t, tt.call, got, r, c, func(i, j int) float64 {
				var s float64
				for l := 0; l < tt.x.cols; l++ {
					s += tt.x.At(i, l) * tt.y.At(l, j)
				}
				return s
			})
		}
	})
}

// checkFilled fails if got is not (r, c), holds poison, or differs from
// want by more than a product's rounding.
func checkFilled(t *testing.T, name string, got *Dense, r, c int, want func(i, j int) float64) {
	t.Helper()
	if gr, gc := got.Dims(); gr != r || gc != c {
		t.Errorf("%s has shape %s, want (%d,%d)", name, got.Shape(), r, c)
		return
	}
	for i := 0; i < r; i++ {
		for j := 0; j < c; j++ {
			g, w := got.At(i, j), want(i, j)
			if math.Float64bits(g) == math.Float64bits(poison) {
				t.Errorf("%s: element (%d,%d) was never written", name, i, j)
				return
			}
			if math.Abs(g-w) > 1e-12*max(1, math.Abs(w)) {
				t.Errorf("%s: element (%d,%d) = %v, want %v", name, i, j, g, w)
				return
			}
		}
	}
}

// TestLargeResultTakesDeadOnesMemory checks collect: in a loop that keeps
// only its newest large result, as training keeps only the newest dA[0],
// the result before is dead when a new one is made, and the new one takes
// its memory: the heap never holds more than the operand and one result.
// Left to the collector's pacing, it would grow to twice what is alive, the
// operand and a result, before the dead results were freed.
func TestLargeResultTakesDeadOnesMemory(t *testing.T) {
	const rows, cols = 1 << 11, collectMin >> 11 // collectMin elements
	const size = rows * cols * 8
	a := New(rows, cols, make([]float64, rows*cols))
	var kept *Dense
	var st runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&st)
	base := st.HeapAlloc
	most := uint64(0)
	for i := range 12 {
		kept = Scale(float64(i), a)
		runtime.ReadMemStats(&st)
		most = max(most, st.HeapAlloc-base)
	}
	if kept.At(rows-1, cols-1) != 0 {
		t.Fatal("Scale(11, zeros) is not zero")
	}
	// One result, and 1 MB for whatever else the test allocates.
	if limit := uint64(size + 1<<20); most > limit {
		t.Errorf("heap grew by %d MB over 12 results of %d MB, one alive at a time: more than %d MB, so dead results were not freed before new ones were made",
			most>>20, size>>20, limit>>20)
	}
}
