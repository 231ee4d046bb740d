package gemm

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"dnn/matrix/internal/producttest"
)

// layout is how A and B lie in memory: each row-major, or the transpose of
// a row-major matrix read in place.
type layout struct {
	name string
	// strides returns the strides of a and b for C (n, p) = A (n, k)·B (k, p).
	strides func(n, k, p int) (ar, ac, br, bc int)
}

var layouts = []layout{
	{"A·B", func(n, k, p int) (int, int, int, int) { return k, 1, p, 1 }},
	{"Aᵀ·B", func(n, k, p int) (int, int, int, int) { return 1, n, p, 1 }},  // A stored (k, n)
	{"A·Bᵀ", func(n, k, p int) (int, int, int, int) { return k, 1, 1, k }},  // B stored (p, k)
	{"Aᵀ·Bᵀ", func(n, k, p int) (int, int, int, int) { return 1, n, 1, k }}, // both
}

// withKernels runs f once with each kernel this machine has, naming each run.
func withKernels(t *testing.T, f func(t *testing.T, kern *kernel)) {
	t.Helper()
	saved := active.Load()
	defer active.Store(saved)
	for _, kern := range kernels() {
		active.Store(kern)
		t.Run(kern.name, func(t *testing.T) { f(t, kern) })
	}
}

func TestProduct(t *testing.T) {
	// A = [[1,2,3],[4,5,6]], B = [[7,8],[9,10],[11,12]], A·B = [[58,64],[139,154]],
	// each stored as its layout says.
	tests := []struct {
		layout string
		a, b   []float64
	}{
		{"A·B", []float64{1, 2, 3, 4, 5, 6}, []float64{7, 8, 9, 10, 11, 12}},
		{"Aᵀ·B", []float64{1, 4, 2, 5, 3, 6}, []float64{7, 8, 9, 10, 11, 12}},
		{"A·Bᵀ", []float64{1, 2, 3, 4, 5, 6}, []float64{7, 9, 11, 8, 10, 12}},
		{"Aᵀ·Bᵀ", []float64{1, 4, 2, 5, 3, 6}, []float64{7, 9, 11, 8, 10, 12}},
	}
	want := []float64{58, 64, 139, 154}
	withKernels(t, func(t *testing.T, _ *kernel) {
		for i, tt := range tests {
			ar, ac, br, bc := layouts[i].strides(2, 3, 2)
			c := []float64{math.NaN(), math.NaN(), math.NaN(), math.NaN(), -1} // the NaNs must not show; the -1 is not C's
			Product(c, 2, 3, 2, tt.a, ar, ac, tt.b, br, bc)
			if fmt.Sprint(c[:4]) != fmt.Sprint(want) || c[4] != -1 {
				t.Errorf("%s: Product(c, 2, 3, 2, %v, %d, %d, %v, %d, %d): c = %v, want %v followed by -1",
					tt.layout, tt.a, ar, ac, tt.b, br, bc, c, want)
			}
		}
	})
}

// TestProductEmpty checks products with a zero size: an empty depth gives
// zeros, as in numpy.
func TestProductEmpty(t *testing.T) {
	tests := []struct {
		n, k, p int
		want    []float64
	}{
		{0, 3, 2, []float64{7, 7}},
		{2, 3, 0, []float64{7, 7}},
		{2, 0, 1, []float64{0, 0}},
		{1, 0, 2, []float64{0, 0}},
	}
	for _, tt := range tests {
		c := []float64{7, 7}
		Product(c, tt.n, tt.k, tt.p, make([]float64, tt.n*tt.k), max(tt.k, 1), 1, make([]float64, tt.k*tt.p), max(tt.p, 1), 1)
		if fmt.Sprint(c) != fmt.Sprint(tt.want) {
			t.Errorf("Product(c = [7 7], %d, %d, %d, zeros...): c = %v, want %v", tt.n, tt.k, tt.p, c, tt.want)
		}
	}
}

func TestProductPanics(t *testing.T) {
	buf := make([]float64, 30)
	tests := []struct {
		name string
		call func()
		want string
	}{
		{"negative size", func() { Product(buf, -1, 2, 2, buf, 2, 1, buf, 2, 1) },
			"gemm.Product: negative size or stride: (n,k,p) = (-1,2,2), strides of a (2,1), of b (2,1)"},
		{"negative stride", func() { Product(buf[:4], 2, 2, 2, buf[4:8], 2, 1, buf[8:12], -2, 1) },
			"gemm.Product: negative size or stride: (n,k,p) = (2,2,2), strides of a (2,1), of b (-2,1)"},
		{"a short", func() { Product(buf[:6], 2, 3, 3, buf[6:11], 3, 1, buf[11:20], 3, 1) },
			"gemm.Product: len(a) = 5, but a (2,3) with strides (3,1) needs 6"},
		{"a transposed short", func() { Product(buf[:6], 2, 3, 3, buf[6:11], 1, 2, buf[11:20], 3, 1) },
			"gemm.Product: len(a) = 5, but a (2,3) with strides (1,2) needs 6"},
		{"b short", func() { Product(buf[:6], 2, 3, 3, buf[6:12], 3, 1, buf[12:20], 1, 3) },
			"gemm.Product: len(b) = 8, but b (3,3) with strides (1,3) needs 9"},
		{"c short", func() { Product(buf[:5], 2, 3, 3, buf[6:12], 3, 1, buf[12:21], 3, 1) },
			"gemm.Product: len(c) = 5, but c (2,3) needs 6"},
		{"c is a", func() { Product(buf[:4], 2, 2, 2, buf[:4], 2, 1, buf[4:8], 2, 1) },
			"gemm.Product: c (2,2) shares memory with a (2,2) or b (2,2)"},
		{"c ends in b", func() { Product(buf[:6], 2, 3, 3, buf[10:16], 3, 1, buf[5:14], 3, 1) },
			"gemm.Product: c (2,3) shares memory with a (2,3) or b (3,3)"},
		{"c right before a", func() { Product(buf[:6], 2, 3, 3, buf[6:12], 3, 1, buf[12:21], 3, 1) }, ""},
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

func randomSlice(rng *rand.Rand, n int) []float64 {
	s := make([]float64, n)
	for i := range s {
		s[i] = rng.NormFloat64()
	}
	return s
}

// chain is the rule every kernel follows: C[i][j] = fma(A[i][k-1],
// B[k-1][j], … fma(A[i][0], B[0][j], 0)). It runs i-l-j on row-major
// copies of A and B, so that each element still sees l = 0..k-1 in order
// while the innermost loop walks memory with stride 1.
func chain(n, k, p int, a []float64, ar, ac int, b []float64, br, bc int) []float64 {
	A, B := make([]float64, n*k), make([]float64, k*p)
	for i := 0; i < n; i++ {
		for l := 0; l < k; l++ {
			A[i*k+l] = a[i*ar+l*ac]
		}
	}
	for l := 0; l < k; l++ {
		for j := 0; j < p; j++ {
			B[l*p+j] = b[l*br+j*bc]
		}
	}
	c := make([]float64, n*p)
	for i := 0; i < n; i++ {
		ci := c[i*p : (i+1)*p]
		for l, x := range A[i*k : (i+1)*k] {
			for j, y := range B[l*p : (l+1)*p] {
				ci[j] = math.FMA(x, y, ci[j])
			}
		}
	}
	return c
}

// TestProductChain holds Product, in every layout and with every kernel,
// to the FMA chain bit for bit. (Package matrix holds it to plain loops
// with ordinary rounding, within the error bound of a sum.)
func TestProductChain(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, sh := range producttest.Shapes {
		n, k, p := sh[0], sh[1], sh[2]
		for _, lay := range layouts {
			ar, ac, br, bc := lay.strides(n, k, p)
			a, b := randomSlice(rng, n*k), randomSlice(rng, k*p)
			want := chain(n, k, p, a, ar, ac, b, br, bc)
			for _, kern := range kernels() {
				active.Store(kern)
				poisonScratch()
				c := make([]float64, n*p)
				for i := range c {
					c[i] = math.NaN()
				}
				Product(c, n, k, p, a, ar, ac, b, br, bc)
				checkBits(t, fmt.Sprintf("%s (%d,%d)·(%d,%d) [%s]", lay.name, n, k, k, p, kern.name), c, want, p)
			}
		}
	}
	active.Store(kernels()[0])
}

// poisonScratch leaves in the pool of buffers one as large as a product
// can ask for, full of NaN, which must never show through.
func poisonScratch() {
	buf := make([]float64, kcPacked*nc+2*4*24)
	for i := range buf {
		buf[i] = math.NaN()
	}
	scratch.Put(&buf)
}

// checkBits reports where got, (·, p), differs from the FMA chain want in
// any bit.
func checkBits(t *testing.T, call string, got, want []float64, p int) {
	t.Helper()
	if d := producttest.FirstDiff(got, want, p); d != "" {
		t.Errorf("%s: %s", call, d)
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
			a := randomSlice(rng, (m-1)*ar+(k-1)*ac+1)
			b := randomSlice(rng, (k-1)*ldb+nr)
			c := randomSlice(rng, (m-1)*ldc+nr)
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
// every time (run itself does not split small products). The product of
// (1031, 9)·(9, 1021) streams (see stream): each run's whole row tiles go
// through the buffer, and the partial ones at either end do not.
func TestProductWorkers(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for _, sh := range [][3]int{{37, 300, 301}, {300, 301, 37}, {20, 700, 209}, {7, 300, 9}, {1, 50, 30}, {1031, 9, 1021}} {
		n, k, p := sh[0], sh[1], sh[2]
		a, b := randomSlice(rng, n*k), randomSlice(rng, k*p)
		want := chain(n, k, p, a, k, 1, b, p, 1)
		for _, kern := range kernels() {
			for _, transposed := range []bool{false, true} {
				for _, w := range []int{1, 2, 3, 5, 8, 1000} {
					c := make([]float64, n*p)
					op := gemmOp{n: n, k: k, p: p, a: a, ar: k, ac: 1, b: b, br: p, bc: 1, c: c, cr: p, cc: 1, kern: kern}
					if transposed {
						op = op.transposed()
					}
					split(op, w)
					checkBits(t, fmt.Sprintf("product (%d,%d)·(%d,%d) [%s] transposed=%v on %d goroutines",
						n, k, k, p, kern.name, transposed, w), c, want, p)
				}
			}
		}
	}
}

func TestSetKernel(t *testing.T) {
	saved := active.Load()
	defer active.Store(saved)
	names := Kernels()
	if names[len(names)-1] != "go" {
		t.Errorf("Kernels() = %q, want the last to be \"go\"", names)
	}
	for _, name := range names {
		if err := SetKernel(name); err != nil || Kernel() != name {
			t.Errorf("SetKernel(%q) = %v, then Kernel() = %q; want nil, %q", name, err, Kernel(), name)
		}
	}
	want := fmt.Sprintf("gemm: no kernel \"avx1024\" on this machine: want %s", strings.Join(names, ", "))
	if err := SetKernel("avx1024"); err == nil || err.Error() != want || Kernel() != "go" {
		t.Errorf("SetKernel(\"avx1024\") = %v, then Kernel() = %q; want %q, \"go\" unchanged", err, Kernel(), want)
	}
}

// The backward product dW = dZ·Aᵀ reads A in place: A is stored (2, 3),
// row-major, and Aᵀ (3, 2) is the same slice with strides (1, 3).
func ExampleProduct() {
	dZ := []float64{1, -1, 2} // (1, 3)
	A := []float64{1, 2, 3, 4, 5, 6}
	dW := make([]float64, 2) // (1, 2)
	Product(dW, 1, 3, 2, dZ, 3, 1, A, 1, 3)
	fmt.Println(dW)
	// Output:
	// [5 11]
}
