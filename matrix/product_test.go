package matrix

import (
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"os/exec"
	"strings"
	"testing"

	"dnn/matrix/gemm"
	"dnn/matrix/internal/producttest"
)

// paths runs f once on the fast path with each kernel this machine has and
// once on the plain path, naming each run.
func paths(t *testing.T, f func(t *testing.T)) {
	t.Helper()
	defer func() { configure("") }()
	for _, kern := range gemm.Kernels() {
		if err := configure(kern); err != nil {
			t.Fatal(err)
		}
		t.Run(kern, f)
	}
	configure("plain")
	t.Run("plain", f)
}

func TestDot(t *testing.T) {
	// Each product as its operands are given, and with either or both of
	// them a transposed view of the matrix stored the other way.
	tests := []struct {
		name       string
		a, b, want [][]float64
	}{
		{"1x1", [][]float64{{3}}, [][]float64{{-2}}, [][]float64{{-6}}},
		{"2x3 by 3x2", [][]float64{{1, 2, 3}, {4, 5, 6}}, [][]float64{{7, 8}, {9, 10}, {11, 12}}, [][]float64{{58, 64}, {139, 154}}},
		{"2x2", [][]float64{{1, 2}, {3, 4}}, [][]float64{{5, 6}, {7, 8}}, [][]float64{{19, 22}, {43, 50}}},
		{"row by column", [][]float64{{1, 2, 3}}, [][]float64{{4}, {5}, {6}}, [][]float64{{32}}},
		{"column by row", [][]float64{{1}, {2}, {3}}, [][]float64{{4, 5}}, [][]float64{{4, 5}, {8, 10}, {12, 15}}},
		{"3x2 by 2x4", [][]float64{{1, 0}, {0, 1}, {1, 1}}, [][]float64{{1, 2, 3, 4}, {5, 6, 7, 8}},
			[][]float64{{1, 2, 3, 4}, {5, 6, 7, 8}, {6, 8, 10, 12}}},
	}
	paths(t, func(t *testing.T) {
		for _, tt := range tests {
			want := FromRows(tt.want)
			for _, v := range layouts(FromRows(tt.a), FromRows(tt.b)) {
				if got := Dot(v.x, v.y); !Equal(got, want) || got.transposed {
					t.Errorf("%s: %s =\n%v\nwant\n%v", tt.name, v.call, got, want)
				}
			}
		}
	})
}

// dotOperands are the operands of one call of Dot, named as the call.
type dotOperands struct {
	call string
	x, y *Dense
}

// layouts returns x and y in the four ways Dot can find them: each
// row-major, or a transposed view of the same elements.
func layouts(x, y *Dense) []dotOperands {
	xv, yv := x.T().Clone().T(), y.T().Clone().T()
	return []dotOperands{
		{"Dot(x, y)", x, y},
		{"Dot(view x, y)", xv, y},
		{"Dot(x, view y)", x, yv},
		{"Dot(view x, view y)", xv, yv},
	}
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
			{"Dot((0,2).T(), (0,3))", Dot(Zeros(0, 2).T(), Zeros(0, 3)), 2, 3},
			{"Dot((2,0), (3,0).T())", Dot(Zeros(2, 0), Zeros(3, 0).T()), 2, 3},
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
	tests := []struct {
		name string
		call func()
		want string
	}{
		{"Dot", func() { Dot(a, Zeros(4, 2)) },
			"matrix: Dot: shapes (5,3) and (4,2) not aligned: 3 (dim 1) != 4 (dim 0)"},
		{"Dot view a", func() { Dot(a.T(), Zeros(4, 2)) },
			"matrix: Dot: shapes (3,5) and (4,2) not aligned: 5 (dim 1) != 4 (dim 0)"},
		{"Dot view b", func() { Dot(a, Zeros(2, 4).T()) },
			"matrix: Dot: shapes (5,3) and (4,2) not aligned: 3 (dim 1) != 4 (dim 0)"},
	}
	for _, tt := range tests {
		if got := mustPanic(t, tt.call); got != tt.want {
			t.Errorf("%s: panic %q, want %q", tt.name, got, tt.want)
		}
	}
}

// operand returns an (r, c) matrix of random numbers, stored row-major or,
// when view is set, as the transposed view of a (c, r) matrix.
func operand(rng *rand.Rand, r, c int, view bool) *Dense {
	if view {
		return randomDense(rng, c, r).T()
	}
	return randomDense(rng, r, c)
}

func randomDense(rng *rand.Rand, r, c int) *Dense {
	m := Zeros(r, c)
	for i := range m.data {
		m.data[i] = rng.NormFloat64()
	}
	return m
}

// TestFastMatchesPlain holds the fast product to the plain reference loops,
// with each operand row-major or a transposed view.
//
// Both add the same k products in the same order; they may differ only in
// rounding, the fast path rounding each multiply-add once (FMA) and the
// plain one twice where the compiler does not fuse them. A sum of k terms
// added in order carries an error of at most γ(k)·Σ|terms|, γ(k) =
// k·u/(1-k·u), u = 2⁻⁵³ (Higham, Accuracy and Stability of Numerical
// Algorithms, §4.2), so two such sums differ by at most 2γ(k)·Σ|terms|:
// about 2.2e-14 relative to Σ|terms| for k = 100 and 2.7e-12 for the
// course's k = 12288. Any real mistake (a term lost, taken twice or from
// the wrong place) is of the order of one term, Σ|terms|/k, far above that.
//
// The fast path runs the kernel this machine would use: package gemm's
// tests hold every kernel, in every layout, to the exact rule of the fast
// path bit for bit, the fused chain c = fma(A[i][l], B[l][j], c).
func TestFastMatchesPlain(t *testing.T) {
	defer configure("")
	rng := rand.New(rand.NewPCG(1, 2))
	for _, sh := range producttest.Shapes {
		n, k, p := sh[0], sh[1], sh[2]
		for _, views := range [][2]bool{{false, false}, {true, false}, {false, true}, {true, true}} {
			a, b := operand(rng, n, k, views[0]), operand(rng, k, p, views[1])
			configure("plain")
			plain := Dot(a, b)
			configure("")
			got := Dot(a, b)
			checkBound(t, fmt.Sprintf("Dot(a %s, b %s) [views %v, %s]", a.Shape(), b.Shape(), views, Kernel()), got, plain, a, b)
		}
	}
}

// checkBound reports the first element of got, the fast a·b, outside the
// bound 2γ(k)·Σ|terms| around plain, with the largest ratio of difference
// to bound.
func checkBound(t *testing.T, call string, got, plain, a, b *Dense) {
	t.Helper()
	n, k, p := a.rows, a.cols, b.cols
	if got.rows != n || got.cols != p {
		t.Errorf("%s has shape %s, want %s", call, got.Shape(), shape(n, p))
		return
	}
	A, B := a.Clone(), b.Clone() // row-major
	const u = 0x1p-53
	gamma := float64(k) * u / (1 - float64(k)*u)
	bound := make([]float64, p)
	first, worst := "", 0.0
	for i := 0; i < n; i++ {
		clear(bound)
		for l := 0; l < k; l++ {
			x := A.data[i*k+l]
			for j, y := range B.data[l*p : (l+1)*p] {
				bound[j] += math.Abs(x * y)
			}
		}
		for j := range bound {
			g, w, bd := got.data[i*p+j], plain.data[i*p+j], 2*gamma*bound[j]
			d := math.Abs(g - w)
			if bd > 0 {
				worst = max(worst, d/bd)
			}
			if !(d <= bd) && first == "" {
				first = fmt.Sprintf("element (%d,%d) = %.17g, plain %.17g: |diff| %.3g > bound %.3g", i, j, g, w, d, bd)
			}
		}
	}
	if first != "" {
		t.Errorf("%s: %s (largest |diff|/bound %.3g)", call, first, worst)
	}
}

func TestKernel(t *testing.T) {
	defer configure("")
	SetPlain(true)
	if got := Kernel(); got != "plain" {
		t.Errorf("after SetPlain(true), Kernel() = %q, want %q", got, "plain")
	}
	SetPlain(false)
	if got := Kernel(); got != gemm.Kernel() {
		t.Errorf("after SetPlain(false), Kernel() = %q, want gemm.Kernel() = %q", got, gemm.Kernel())
	}
}

func TestConfigure(t *testing.T) {
	defer configure("")
	ks := gemm.Kernels()
	fastest := ks[0]
	if !gemm.HardwareFMA() {
		fastest = "plain"
	}
	bad := func(v string) string {
		return fmt.Sprintf("matrix: DNN_MATRIX=%q: want plain, %s, or unset for the fastest kernel this machine runs", v, strings.Join(ks, ", "))
	}
	tests := []struct {
		value      string
		wantKernel string
		wantErr    string
	}{
		{"", fastest, ""},
		{"plain", "plain", ""},
		{"go", "go", ""},
		{ks[0], ks[0], ""},
		{"Plain", fastest, bad("Plain")},
		{"avx1024", fastest, bad("avx1024")},
		{" go", fastest, bad(" go")},
	}
	for _, tt := range tests {
		configure("go") // away from the default, which each case must set up anew
		SetPlain(true)
		err := configure(tt.value)
		gotErr := ""
		if err != nil {
			gotErr = err.Error()
		}
		if Kernel() != tt.wantKernel || gotErr != tt.wantErr {
			t.Errorf("configure(%q) = %q, then Kernel() = %q; want %q, %q", tt.value, gotErr, Kernel(), tt.wantErr, tt.wantKernel)
		}
	}
}

// TestConfigErrorAtStart starts this test binary anew with DNN_MATRIX set,
// as a program would start: a bad value must not panic, products must run
// on the default kernel, and ConfigError must say what was wrong.
func TestConfigErrorAtStart(t *testing.T) {
	if os.Getenv("DNN_MATRIX_CHILD") != "" {
		// The child: report what it sees on standard output.
		fmt.Printf("kernel=%s err=%v dot=%v\n", Kernel(), ConfigError(), Dot(FromRows([][]float64{{1, 2}}), FromRows([][]float64{{3}, {4}})))
		return
	}
	fastest := gemm.Kernels()[0]
	if !gemm.HardwareFMA() {
		fastest = "plain"
	}
	tests := []struct {
		value string
		want  string
	}{
		{"avx1024", fmt.Sprintf("kernel=%s err=matrix: DNN_MATRIX=\"avx1024\": want plain, %s, or unset for the fastest kernel this machine runs dot=[[11.]]",
			fastest, strings.Join(gemm.Kernels(), ", "))},
		{"plain", "kernel=plain err=<nil> dot=[[11.]]"},
		{"go", "kernel=go err=<nil> dot=[[11.]]"},
	}
	for _, tt := range tests {
		cmd := exec.Command(os.Args[0], "-test.run=^TestConfigErrorAtStart$")
		cmd.Env = append(os.Environ(), "DNN_MATRIX="+tt.value, "DNN_MATRIX_CHILD=1")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Errorf("DNN_MATRIX=%s: the test binary failed (%v):\n%s", tt.value, err, out)
			continue
		}
		if got, _, _ := strings.Cut(string(out), "\n"); got != tt.want {
			t.Errorf("DNN_MATRIX=%s: the program saw\n%s\nwant\n%s", tt.value, got, tt.want)
		}
	}
}

// The backward pass of a layer reads its inputs transposed, in place.
func ExampleDot() {
	dZ := FromRows([][]float64{{1, -1, 2}})              // (1, 3): one unit, three examples
	APrev := FromRows([][]float64{{1, 2, 3}, {4, 5, 6}}) // (2, 3): two inputs
	W := FromRows([][]float64{{0.5, -0.5}})              // (1, 2)
	fmt.Println("dW·m =", Dot(dZ, APrev.T()))            // (1, 3)·(3, 2)
	fmt.Println("dA =", Dot(W.T(), dZ))                  // (2, 1)·(1, 3)
	// Output:
	// dW·m = [[ 5. 11.]]
	// dA = [[ 0.5 -0.5  1. ]
	//  [-0.5  0.5 -1. ]]
}
