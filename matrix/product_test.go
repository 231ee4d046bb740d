package matrix

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

// paths runs f once on the fast path with each kernel this machine has and
// once on the plain path, naming each run.
func paths(t *testing.T, f func(t *testing.T)) {
	t.Helper()
	saved := active
	defer func() { active = saved; SetPlain(false) }()
	for _, kern := range kernels() {
		active = kern
		t.Run(kern.name, f)
	}
	SetPlain(true)
	t.Run("plain", f)
}

// productCase is a small product worked out by hand.
type productCase struct {
	name       string
	a, b, want [][]float64
}

func TestDot(t *testing.T) {
	testProduct(t, "Dot", Dot, DotInto, []productCase{
		{"1x1", [][]float64{{3}}, [][]float64{{-2}}, [][]float64{{-6}}},
		{"2x3 by 3x2", [][]float64{{1, 2, 3}, {4, 5, 6}}, [][]float64{{7, 8}, {9, 10}, {11, 12}}, [][]float64{{58, 64}, {139, 154}}},
		{"row by column", [][]float64{{1, 2, 3}}, [][]float64{{4}, {5}, {6}}, [][]float64{{32}}},
		{"column by row", [][]float64{{1}, {2}, {3}}, [][]float64{{4, 5}}, [][]float64{{4, 5}, {8, 10}, {12, 15}}},
	})
}

func TestDotTA(t *testing.T) {
	testProduct(t, "DotTA", DotTA, DotTAInto, []productCase{
		{"1x1", [][]float64{{3}}, [][]float64{{-2}}, [][]float64{{-6}}},
		// [[1,3],[2,4]]·[[5,6],[7,8]]
		{"2x2", [][]float64{{1, 2}, {3, 4}}, [][]float64{{5, 6}, {7, 8}}, [][]float64{{26, 30}, {38, 44}}},
		{"3x2 and 3x4", [][]float64{{1, 0}, {0, 1}, {1, 1}}, [][]float64{{1, 2, 3, 4}, {5, 6, 7, 8}, {1, 1, 1, 1}},
			[][]float64{{2, 3, 4, 5}, {6, 7, 8, 9}}},
		{"columns", [][]float64{{1}, {2}, {3}}, [][]float64{{4}, {5}, {6}}, [][]float64{{32}}},
	})
}

func TestDotTB(t *testing.T) {
	testProduct(t, "DotTB", DotTB, DotTBInto, []productCase{
		{"1x1", [][]float64{{3}}, [][]float64{{-2}}, [][]float64{{-6}}},
		// [[1,2],[3,4]]·[[5,7],[6,8]]
		{"2x2", [][]float64{{1, 2}, {3, 4}}, [][]float64{{5, 6}, {7, 8}}, [][]float64{{17, 23}, {39, 53}}},
		{"2x3 and 2x3", [][]float64{{1, 2, 3}, {4, 5, 6}}, [][]float64{{7, 8, 9}, {1, 0, 1}}, [][]float64{{50, 4}, {122, 10}}},
		{"rows", [][]float64{{1, 2, 3}}, [][]float64{{4, 5, 6}}, [][]float64{{32}}},
	})
}

// testProduct checks f and its Into variant on every case, with every
// kernel and on the plain path. The Into variant gets a destination full of
// NaN, which must not show through.
func testProduct(t *testing.T, name string, f func(a, b *Dense) *Dense, into func(dst, a, b *Dense) *Dense, cases []productCase) {
	paths(t, func(t *testing.T) {
		for _, tt := range cases {
			a, b, want := FromRows(tt.a), FromRows(tt.b), FromRows(tt.want)
			if got := f(a, b); !Equal(got, want) {
				t.Errorf("%s: %s(a, b) =\n%v\nwant\n%v", tt.name, name, got, want)
			}
			if got := into(Filled(want.rows, want.cols, math.NaN()), a, b); !Equal(got, want) {
				t.Errorf("%s: %sInto(dst, a, b) =\n%v\nwant\n%v", tt.name, name, got, want)
			}
		}
	})
}

// TestDotEmpty checks products with a zero dimension, numpy's rules: an
// empty inner dimension gives zeros.
func TestDotEmpty(t *testing.T) {
	paths(t, func(t *testing.T) {
		tests := []struct {
			name string
			got  *Dense
			r, c int
		}{
			{"Dot((0,3), (3,2))", Dot(Zeros(0, 3), Zeros(3, 2)), 0, 2},
			{"Dot((2,3), (3,0))", Dot(Zeros(2, 3), Zeros(3, 0)), 2, 0},
			{"Dot((2,0), (0,3))", Dot(Zeros(2, 0), Zeros(0, 3)), 2, 3},
			{"DotInto(ones(2,3), (2,0), (0,3))", DotInto(Filled(2, 3, 1), Zeros(2, 0), Zeros(0, 3)), 2, 3},
			{"DotTA((0,2), (0,3))", DotTA(Zeros(0, 2), Zeros(0, 3)), 2, 3},
			{"DotTAInto(ones(2,3), (0,2), (0,3))", DotTAInto(Filled(2, 3, 1), Zeros(0, 2), Zeros(0, 3)), 2, 3},
			{"DotTB((2,0), (3,0))", DotTB(Zeros(2, 0), Zeros(3, 0)), 2, 3},
			{"DotTBInto(ones(2,3), (2,0), (3,0))", DotTBInto(Filled(2, 3, 1), Zeros(2, 0), Zeros(3, 0)), 2, 3},
		}
		for _, tt := range tests {
			if !Equal(tt.got, Zeros(tt.r, tt.c)) {
				t.Errorf("%s = %v (shape %s), want zeros of shape %s", tt.name, tt.got, tt.got.Shape(), shape(tt.r, tt.c))
			}
		}
	})
}

func TestDotPanics(t *testing.T) {
	a := Zeros(5, 3)
	shared := Zeros(4, 6)
	tests := []struct {
		name string
		call func()
		want string
	}{
		{"Dot", func() { Dot(a, Zeros(4, 2)) },
			"matrix: Dot: shapes (5,3) and (4,2) not aligned: 3 (dim 1) != 4 (dim 0)"},
		{"DotTA", func() { DotTA(a, Zeros(4, 2)) },
			"matrix: DotTA: shapes (3,5) and (4,2) not aligned: 5 (dim 1) != 4 (dim 0)"},
		{"DotTB", func() { DotTB(a, Zeros(2, 4)) },
			"matrix: DotTB: shapes (5,3) and (4,2) not aligned: 3 (dim 1) != 4 (dim 0)"},
		{"DotInto not aligned", func() { DotInto(Zeros(5, 2), a, Zeros(4, 2)) },
			"matrix: DotInto: shapes (5,3) and (4,2) not aligned: 3 (dim 1) != 4 (dim 0)"},
		{"DotTAInto not aligned", func() { DotTAInto(Zeros(3, 2), a, Zeros(4, 2)) },
			"matrix: DotTAInto: shapes (3,5) and (4,2) not aligned: 5 (dim 1) != 4 (dim 0)"},
		{"DotTBInto not aligned", func() { DotTBInto(Zeros(5, 2), a, Zeros(2, 4)) },
			"matrix: DotTBInto: shapes (5,3) and (4,2) not aligned: 3 (dim 1) != 4 (dim 0)"},
		{"DotInto destination", func() { DotInto(Zeros(2, 5), a, Zeros(3, 2)) },
			"matrix: DotInto: destination shape (2,5), result shape (5,2) of shapes (5,3) and (3,2)"},
		{"DotTAInto destination", func() { DotTAInto(Zeros(5, 2), a, Zeros(5, 2)) },
			"matrix: DotTAInto: destination shape (5,2), result shape (3,2) of shapes (3,5) and (5,2)"},
		{"DotTBInto destination", func() { DotTBInto(Zeros(5, 3), a, Zeros(2, 3)) },
			"matrix: DotTBInto: destination shape (5,3), result shape (5,2) of shapes (5,3) and (3,2)"},
		{"DotInto dst is a", func() { sq := Zeros(3, 3); DotInto(sq, sq, Zeros(3, 3)) },
			"matrix: DotInto: destination (3,3) shares memory with operand a (3,3)"},
		{"DotInto dst is b", func() { sq := Zeros(3, 3); DotInto(sq, Zeros(3, 3), sq) },
			"matrix: DotInto: destination (3,3) shares memory with operand b (3,3)"},
		{"DotTAInto dst right after a", func() {
			DotTAInto(New(2, 2, shared.data[6:10]), New(3, 2, shared.data[:6]), Zeros(3, 2))
		}, ""}, // the same array, but no element in common: no panic
		{"DotTAInto dst inside a", func() {
			DotTAInto(New(2, 2, shared.data[2:6]), New(3, 2, shared.data[:6]), Zeros(3, 2))
		}, "matrix: DotTAInto: destination (2,2) shares memory with operand a (3,2)"},
		{"DotTBInto dst ends in b", func() {
			DotTBInto(New(2, 3, shared.data[18:24]), Zeros(2, 4), New(3, 4, shared.data[7:19]))
		}, "matrix: DotTBInto: destination (2,3) shares memory with operand b (3,4)"},
	}
	for _, tt := range tests {
		got := func() (msg string) {
			defer func() {
				if r := recover(); r != nil {
					msg = fmt.Sprint(r)
				}
			}()
			tt.call()
			return ""
		}()
		if got != tt.want {
			t.Errorf("%s: panic %q, want %q", tt.name, got, tt.want)
		}
	}
}

// productShapes are (n, k, p) for C (n, p) = A (n, k) · B (k, p). They hit
// every edge of the blocking: tiles of 2×4 and 4×24 with their partial
// rows and columns (1 to 3 vectors of 8), the depth block kc = 256, the row
// block mc = 120, the column block nc = 1920, and the course's shapes.
var productShapes = [][3]int{
	{1, 1, 1}, {1, 7, 1}, {2, 3, 4}, {3, 5, 7}, {4, 1, 24}, {5, 2, 25},
	{4, 9, 8}, {4, 9, 9}, {4, 9, 16}, {4, 9, 17}, {4, 9, 23}, {7, 9, 33},
	{9, 13, 47}, {13, 11, 48}, {17, 3, 49}, {3, 255, 5}, {6, 256, 31},
	{5, 257, 40}, {2, 513, 3}, {119, 6, 30}, {120, 5, 29}, {121, 7, 26},
	{243, 3, 50}, {3, 2, 1919}, {2, 3, 1920}, {5, 3, 1921}, {1, 600, 1},
	{1, 300, 200}, {200, 300, 1}, {61, 259, 97},
	{20, 12288, 209}, {7, 12288, 209}, {20, 209, 12288}, {7, 209, 12288},
	{12288, 20, 209}, {12288, 7, 209}, {5, 20, 209}, {1, 5, 209}, {1, 7, 209},
}

// product is one of the three products under test, with its Into variant.
type product struct {
	name       string
	shapes     func(n, k, p int) (ar, ac, br, bc int) // of a and b, for C (n, p) and depth k
	call, into func(a, b *Dense) *Dense
	plain      func(dst, a, b *Dense) *Dense   // the reference loop
	asDot      func(a, b *Dense) (A, B *Dense) // the operands of the same product by Dot
}

var products = []product{
	{
		name:   "Dot",
		shapes: func(n, k, p int) (int, int, int, int) { return n, k, k, p },
		call:   Dot,
		into:   func(a, b *Dense) *Dense { return DotInto(Filled(a.rows, b.cols, math.NaN()), a, b) },
		plain:  dotInto,
		asDot:  func(a, b *Dense) (*Dense, *Dense) { return a, b },
	},
	{
		name:   "DotTA",
		shapes: func(n, k, p int) (int, int, int, int) { return k, n, k, p },
		call:   DotTA,
		into:   func(a, b *Dense) *Dense { return DotTAInto(Filled(a.cols, b.cols, math.NaN()), a, b) },
		plain:  dotTAInto,
		asDot:  func(a, b *Dense) (*Dense, *Dense) { return a.T(), b },
	},
	{
		name:   "DotTB",
		shapes: func(n, k, p int) (int, int, int, int) { return n, k, p, k },
		call:   DotTB,
		into:   func(a, b *Dense) *Dense { return DotTBInto(Filled(a.rows, b.rows, math.NaN()), a, b) },
		plain:  dotTBInto,
		asDot:  func(a, b *Dense) (*Dense, *Dense) { return a, b.T() },
	},
}

func randomDense(rng *rand.Rand, r, c int) *Dense {
	m := Zeros(r, c)
	for i := range m.data {
		m.data[i] = rng.NormFloat64()
	}
	return m
}

// TestFastMatchesPlain holds the fast path to the plain reference loops.
//
// Both add the same k products in the same order; they differ only in
// rounding, the fast path rounding each multiply-add once (FMA) and the plain
// one twice. A sum of k terms added in order carries an error of at most
// γ(k)·Σ|terms|, γ(k) = k·u/(1-k·u), u = 2⁻⁵³ (Higham, Accuracy and
// Stability of Numerical Algorithms, §4.2), so two such sums differ by at
// most 2γ(k)·Σ|terms|: about 2.2e-14 relative to Σ|terms| for k = 100 and
// 2.7e-12 for the course's k = 12288. Any real mistake (a term lost, taken
// twice or from the wrong place) is of the order of one term, Σ|terms|/k,
// far above that.
//
// It also checks the exact rule the fast path follows: element (i, j) is
// the chain c = fma(A[i][l], B[l][j], c) for l = 0..k-1, bit for bit.
func TestFastMatchesPlain(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	saved := active
	defer func() { active = saved }()
	for _, sh := range productShapes {
		n, k, p := sh[0], sh[1], sh[2]
		for _, pr := range products {
			ar, ac, br, bc := pr.shapes(n, k, p)
			a, b := randomDense(rng, ar, ac), randomDense(rng, br, bc)
			want := expectProduct(pr, a, b)
			for _, kern := range kernels() {
				active = kern
				for _, v := range []struct {
					name string
					call func(a, b *Dense) *Dense
				}{{pr.name, pr.call}, {pr.name + "Into", pr.into}} {
					call := fmt.Sprintf("%s(a %s, b %s) [%s]", v.name, a.Shape(), b.Shape(), kern.name)
					want.check(t, call, v.call(a, b))
				}
			}
		}
	}
}

// expected is what TestFastMatchesPlain wants of one product.
type expected struct {
	plain *Dense // the plain reference loop's result
	bound *Dense // 2γ(k)·Σ|terms| for each element
	chain *Dense // the FMA chain, which the fast path must give exactly
}

func expectProduct(pr product, a, b *Dense) expected {
	A, B := pr.asDot(a, b)
	n, k, p := A.rows, A.cols, B.cols
	e := expected{plain: pr.plain(Zeros(n, p), a, b), bound: Zeros(n, p), chain: Zeros(n, p)}
	const u = 0x1p-53
	gamma := float64(k) * u / (1 - float64(k)*u)
	// i-l-j order, so that each element still sees l = 0..k-1 in order.
	for i := 0; i < n; i++ {
		bound, chain := e.bound.data[i*p:(i+1)*p], e.chain.data[i*p:(i+1)*p]
		for l := 0; l < k; l++ {
			x := A.data[i*k+l]
			for j, y := range B.data[l*p : (l+1)*p] {
				bound[j] += math.Abs(x * y)
				chain[j] = math.FMA(x, y, chain[j])
			}
		}
		for j := range bound {
			bound[j] *= 2 * gamma
		}
	}
	return e
}

// check reports the first element of got outside the bound around the plain
// result and the first that differs from the FMA chain, each with the
// largest difference of its kind.
func (e expected) check(t *testing.T, call string, got *Dense) {
	t.Helper()
	if got.rows != e.plain.rows || got.cols != e.plain.cols {
		t.Errorf("%s has shape %s, want %s", call, got.Shape(), e.plain.Shape())
		return
	}
	var firstBound, firstChain string
	worstRatio, worstChain := 0.0, 0.0
	for idx, g := range got.data {
		i, j := idx/got.cols, idx%got.cols
		w, bound, chain := e.plain.data[idx], e.bound.data[idx], e.chain.data[idx]
		d := math.Abs(g - w)
		if bound > 0 {
			worstRatio = max(worstRatio, d/bound)
		}
		if !(d <= bound) && firstBound == "" {
			firstBound = fmt.Sprintf("element (%d,%d) = %.17g, plain %.17g: |diff| %.3g > bound %.3g", i, j, g, w, d, bound)
		}
		if math.Float64bits(g) != math.Float64bits(chain) {
			worstChain = max(worstChain, math.Abs(g-chain))
			if firstChain == "" {
				firstChain = fmt.Sprintf("element (%d,%d) = %.17g, want FMA chain %.17g", i, j, g, chain)
			}
		}
	}
	if firstBound != "" {
		t.Errorf("%s: %s (largest |diff|/bound %.3g)", call, firstBound, worstRatio)
	}
	if firstChain != "" {
		t.Errorf("%s: %s (largest |diff| %.3g)", call, firstChain, worstChain)
	}
}

// TestKernelsAgree runs every kernel this machine has on the same tiles,
// including partial tiles and the carried sum (acc), and wants identical
// bits from all of them: each adds the products in the same order with one
// rounding per step.
func TestKernelsAgree(t *testing.T) {
	ks := kernels()
	if len(ks) < 2 {
		t.Skipf("only the %q kernel runs here", ks[0].name)
	}
	rng := rand.New(rand.NewPCG(3, 4))
	ref := ks[len(ks)-1] // the Go kernel
	for _, kern := range ks[:len(ks)-1] {
		for trial := 0; trial < 2000; trial++ {
			// A panel of (m, nr) over depth k, A stored by rows or by
			// columns, every stride at least as wide as it must be.
			m, nr, k := 1+rng.IntN(5*kern.mr), 1+rng.IntN(kern.nr), 1+rng.IntN(40)
			ar, ac := 1, m+rng.IntN(3)
			if rng.IntN(2) == 0 {
				ar, ac = k+rng.IntN(3), 1
			}
			ldb, ldc := nr+rng.IntN(5), nr+rng.IntN(5)
			acc := rng.IntN(2) == 0
			a := randomDense(rng, 1, (m-1)*ar+(k-1)*ac+1).data
			b := randomDense(rng, 1, (k-1)*ldb+nr).data
			c := randomDense(rng, 1, (m-1)*ldc+nr).data
			want := append([]float64(nil), c...)
			next := rng.IntN(200) - 100 // a prefetch hint, anywhere
			kern.fn(k, a, ar, ac, b, ldb, c, ldc, m, nr, next, acc)
			for j := 0; j < nr; j += ref.nr {
				ref.fn(k, a, ar, ac, b[j:], ldb, want[j:], ldc, m, min(ref.nr, nr-j), 0, acc)
			}
			for i := range c {
				if math.Float64bits(c[i]) != math.Float64bits(want[i]) {
					t.Fatalf("%s kernel, panel (%d,%d) of depth %d, ar=%d ac=%d ldb=%d ldc=%d acc=%v: c[%d] = %.17g, %s kernel %.17g",
						kern.name, m, nr, k, ar, ac, ldb, ldc, acc, i, c[i], ref.name, want[i])
				}
			}
		}
	}
}

// TestProductWorkers splits products among any number of goroutines, in
// both orientations, with every kernel, and wants the FMA chain bit for bit
// every time (run itself does not split small products).
func TestProductWorkers(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for _, sh := range [][3]int{{37, 300, 301}, {300, 301, 37}, {20, 700, 209}, {7, 300, 9}, {1, 50, 30}} {
		n, k, p := sh[0], sh[1], sh[2]
		a, b := randomDense(rng, n, k), randomDense(rng, k, p)
		want := expectProduct(products[0], a, b).chain
		for _, kern := range kernels() {
			for _, transposed := range []bool{false, true} {
				for _, w := range []int{1, 2, 3, 5, 8, 1000} {
					c := Filled(n, p, math.NaN())
					op := gemmOp{n: n, k: k, p: p, a: a.data, ar: k, ac: 1, b: b.data, br: p, bc: 1, c: c.data, cr: p, cc: 1, kern: kern}
					if transposed {
						op = op.transposed()
					}
					op.split(w)
					if !Equal(c, want) {
						t.Errorf("product (%d,%d)·(%d,%d) [%s] transposed=%v on %d goroutines differs from the FMA chain",
							n, k, k, p, kern.name, transposed, w)
					}
				}
			}
		}
	}
}

func TestKernel(t *testing.T) {
	defer SetPlain(false)
	SetPlain(true)
	if got := Kernel(); got != "plain" {
		t.Errorf("after SetPlain(true), Kernel() = %q, want %q", got, "plain")
	}
	SetPlain(false)
	if got := Kernel(); got != active.name {
		t.Errorf("after SetPlain(false), Kernel() = %q, want %q", got, active.name)
	}
}

func TestChooseKernel(t *testing.T) {
	ks := kernels()
	var names []string
	for _, k := range ks {
		names = append(names, k.name)
	}
	fastest := ks[0]
	if plainByDefault() {
		fastest = nil
	}
	tests := []struct {
		value   string
		want    *kernel
		wantErr string
	}{
		{"", fastest, ""},
		{"plain", nil, ""},
		{"go", &goKernel, ""},
		{ks[0].name, ks[0], ""},
		{"Plain", nil, `matrix: DNN_MATRIX="Plain": want plain, ` + strings.Join(names, ", ") + ", or unset for the fastest kernel this machine runs"},
		{"avx1024", nil, `matrix: DNN_MATRIX="avx1024": want plain, ` + strings.Join(names, ", ") + ", or unset for the fastest kernel this machine runs"},
	}
	for _, tt := range tests {
		got, err := chooseKernel(tt.value)
		gotErr := ""
		if err != nil {
			gotErr = err.Error()
		}
		if got != tt.want || gotErr != tt.wantErr {
			t.Errorf("chooseKernel(%q) = %v, %q; want %v, %q", tt.value, kernelName(got), gotErr, kernelName(tt.want), tt.wantErr)
		}
	}
}

func kernelName(k *kernel) string {
	if k == nil {
		return "plain"
	}
	return k.name
}

// A training loop computes Z = W·X every iteration into the same buffer.
func ExampleDotInto() {
	w := FromRows([][]float64{{1, 2}, {3, 4}})        // (2, 2)
	x := FromRows([][]float64{{5, 6, 7}, {8, 9, 10}}) // (2, 3)
	z := Zeros(2, 3)                                  // (2, 3), reused
	for range 3 {
		DotInto(z, w, x)
	}
	fmt.Println(z)
	// Output:
	// [[21. 24. 27.]
	//  [47. 54. 61.]]
}
