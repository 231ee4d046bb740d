package matrix

import (
	"math"
	"testing"
)

func TestBroadcasting(t *testing.T) {
	a := FromRows([][]float64{{1, 2, 3}, {4, 5, 6}}) // (2,3)
	col := FromRows([][]float64{{10}, {20}})         // (2,1)
	row := FromRows([][]float64{{100, 200, 300}})    // (1,3)
	tests := []struct {
		name string
		got  *Dense
		want [][]float64
	}{
		{"(2,3)+(2,3)", Add(a, a), [][]float64{{2, 4, 6}, {8, 10, 12}}},
		{"(2,3)+(2,1)", Add(a, col), [][]float64{{11, 12, 13}, {24, 25, 26}}},
		{"(2,1)+(2,3)", Add(col, a), [][]float64{{11, 12, 13}, {24, 25, 26}}},
		{"(2,3)+(1,3)", Add(a, row), [][]float64{{101, 202, 303}, {104, 205, 306}}},
		{"(1,3)-(2,3)", Sub(row, a), [][]float64{{99, 198, 297}, {96, 195, 294}}},
		{"(2,1)*(1,3)", Mul(col, row), [][]float64{{1000, 2000, 3000}, {2000, 4000, 6000}}},
		{"1-(2,3)", Sub(Scalar(1), a), [][]float64{{0, -1, -2}, {-3, -4, -5}}},
		{"(2,3)/2", Div(a, Scalar(2)), [][]float64{{0.5, 1, 1.5}, {2, 2.5, 3}}},
		{"Scale", Scale(-2, a), [][]float64{{-2, -4, -6}, {-8, -10, -12}}},
		{"Binary", Binary(a, col, func(x, y float64) float64 { return 10*x + y }), [][]float64{{20, 30, 40}, {60, 70, 80}}},
		{"Maximum", Maximum(Sub(a, Scalar(3)), 0), [][]float64{{0, 0, 0}, {1, 2, 3}}},
		{"Exp", Exp(Zeros(1, 2)), [][]float64{{1, 1}}},
		{"Log", Log(FromRows([][]float64{{1, math.E}})), [][]float64{{0, 1}}},
		{"SumAxis 0", SumAxis(a, 0), [][]float64{{5, 7, 9}}},
		{"SumAxis 1", SumAxis(a, 1), [][]float64{{6}, {15}}},
	}
	for _, tt := range tests {
		if want := FromRows(tt.want); !AllClose(tt.got, want, 1e-15, 0) {
			t.Errorf("%s = %v, want %v", tt.name, tt.got, want)
		}
	}
	if got := Sum(a); got != 21 {
		t.Errorf("Sum(%v) = %v, want 21", a, got)
	}
	if m := Maximum(FromRows([][]float64{{math.NaN()}}), 0); !math.IsNaN(m.At(0, 0)) {
		t.Errorf("Maximum(NaN, 0) = %v, want NaN as numpy gives", m.At(0, 0))
	}
	// The inputs are never changed.
	if !Equal(a, FromRows([][]float64{{1, 2, 3}, {4, 5, 6}})) {
		t.Errorf("an operation changed its operand: %v", a)
	}
}

func TestAllClose(t *testing.T) {
	tests := []struct {
		a, b       float64
		rtol, atol float64
		want       bool
	}{
		{1, 1, 0, 0, true},
		{1, 1 + 1e-9, 0, 1e-8, true},
		{1, 1 + 1e-7, 0, 1e-8, false},
		{100, 100.1, 1e-3, 0, true},  // |a-b| <= rtol*|b|
		{100.2, 100, 1e-3, 0, false}, // rtol scales the second argument only
		{math.NaN(), math.NaN(), 1, 1, false},
		{math.Inf(1), math.Inf(1), 0, 0, true},
	}
	for _, tt := range tests {
		if got := AllClose(Scalar(tt.a), Scalar(tt.b), tt.rtol, tt.atol); got != tt.want {
			t.Errorf("AllClose(%v, %v, rtol=%v, atol=%v) = %v, want %v", tt.a, tt.b, tt.rtol, tt.atol, got, tt.want)
		}
	}
	if AllClose(Zeros(1, 2), Zeros(2, 1), 1, 1) {
		t.Error("AllClose of shapes (1,2) and (2,1) = true, want false")
	}
}

// TestBroadcastCases runs every arithmetic operation on every pair of
// shapes that broadcast to (3,4), either operand possibly a transposed
// view, and wants, bit for bit, the operation applied element by element
// with numpy's rule: a size-1 dimension repeats.
func TestBroadcastCases(t *testing.T) {
	ops := []struct {
		name string
		f    func(a, b *Dense) *Dense
		op   func(x, y float64) float64
	}{
		{"Add", Add, func(x, y float64) float64 { return x + y }},
		{"Sub", Sub, func(x, y float64) float64 { return x - y }},
		{"Mul", Mul, func(x, y float64) float64 { return x * y }},
		{"Div", Div, func(x, y float64) float64 { return x / y }},
		{"Binary", func(a, b *Dense) *Dense { return Binary(a, b, math.Atan2) }, math.Atan2},
	}
	shapes := [][2]int{{3, 4}, {3, 1}, {1, 4}, {1, 1}}
	rs := NewRandomState(7)
	for _, op := range ops {
		for _, sa := range shapes {
			for _, sb := range shapes {
				for _, view := range []bool{false, true} {
					a, b := rs.Randn(sa[0], sa[1]), rs.Randn(sb[0], sb[1])
					if view && sa == [2]int{3, 4} {
						a = rs.Randn(4, 3).T()
					}
					r, c := max(sa[0], sb[0]), max(sa[1], sb[1])
					if r != 3 || c != 4 {
						continue // both operands smaller than (3,4): covered with (3,4) elsewhere
					}
					got := op.f(a, b)
					want := Zeros(r, c)
					for i := 0; i < r; i++ {
						for j := 0; j < c; j++ {
							want.Set(i, j, op.op(a.At(min(i, sa[0]-1), min(j, sa[1]-1)), b.At(min(i, sb[0]-1), min(j, sb[1]-1))))
						}
					}
					if d := firstDiff(got, want); d != "" {
						t.Errorf("%s(a %s, b %s) [a a view: %v]: %s", op.name, a.Shape(), b.Shape(), a.transposed, d)
					}
				}
			}
		}
	}
	// Shapes that broadcast to something smaller than either operand's
	// dimensions cannot; a zero-size result is empty.
	if got := Add(Zeros(0, 4), Zeros(1, 4)); got.rows != 0 || got.cols != 4 {
		t.Errorf("Add((0,4), (1,4)) has shape %s, want (0,4)", got.Shape())
	}
}

// TestMaximumRule holds Maximum to its rule, bit for bit, on the values
// where a faster loop could go wrong: zeros of either sign, infinities and
// NaNs with a payload of their own.
func TestMaximumRule(t *testing.T) {
	nan1, nan2 := math.Float64frombits(0x7ff8000000000001), math.Float64frombits(0xfff8000000000002)
	negZero := math.Copysign(0, -1)
	values := []float64{-1, negZero, 0, 1, math.Inf(1), math.Inf(-1), nan1, nan2, 1e-310}
	for _, s := range values {
		m := FromRows([][]float64{values})
		got := Maximum(m, s)
		for j, x := range values {
			want := s
			if x > s || x != x {
				want = x
			}
			if g := got.At(0, j); math.Float64bits(g) != math.Float64bits(want) {
				t.Errorf("Maximum(%v, %v) = %v (bits %#x), want %v (bits %#x)", x, s, g, math.Float64bits(g), want, math.Float64bits(want))
			}
		}
	}
}

// TestSumOrder holds SumAxis and Sum to sums taken in order, from the
// first element, bit for bit: numbers of very different sizes make any
// other order round differently.
func TestSumOrder(t *testing.T) {
	rs := NewRandomState(8)
	for r := 1; r <= 9; r++ {
		for _, c := range []int{1, 3, 8} {
			m := Apply(rs.Randn(r, c), func(x float64) float64 { return math.Ldexp(x, int(40*x)) })
			for _, x := range []*Dense{m, m.T()} {
				xr, xc := x.Dims()
				want0, want1, want := Zeros(1, xc), Zeros(xr, 1), 0.0
				for i := 0; i < xr; i++ {
					for j := 0; j < xc; j++ {
						want0.Set(0, j, want0.At(0, j)+x.At(i, j))
						want1.Set(i, 0, want1.At(i, 0)+x.At(i, j))
						want += x.At(i, j)
					}
				}
				if d := firstDiff(SumAxis(x, 0), want0); d != "" {
					t.Errorf("SumAxis(%s, 0): %s", x.Shape(), d)
				}
				if d := firstDiff(SumAxis(x, 1), want1); d != "" {
					t.Errorf("SumAxis(%s, 1): %s", x.Shape(), d)
				}
				if got := Sum(x); math.Float64bits(got) != math.Float64bits(want) {
					t.Errorf("Sum(%s) = %v, want %v", x.Shape(), got, want)
				}
			}
		}
	}
}
