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
