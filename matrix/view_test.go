package matrix

import (
	"fmt"
	"math"
	"testing"

	"dnn/matrix/internal/producttest"
)

// viewPair returns the transposed view of a (3,4) matrix of distinct
// numbers, and a row-major copy of it: every function must treat the two
// alike.
func viewPair() (view, copied *Dense) {
	m := FromRows([][]float64{{1, -2, 3, 0.5}, {4, 5, -6, 7}, {8, -9, 10, 11}})
	view = m.T()
	copied = FromRows([][]float64{{1, 4, 8}, {-2, 5, -9}, {3, -6, 10}, {0.5, 7, 11}})
	return view, copied
}

// TestViewsThroughEveryFunction runs every function that reads a matrix on
// a transposed view and on its row-major copy, and wants the same result,
// bit for bit, and an ordinary matrix back.
func TestViewsThroughEveryFunction(t *testing.T) {
	col, row, one := FromRows([][]float64{{1}, {2}, {3}, {4}}), FromRows([][]float64{{-1, 2, 0.25}}), Scalar(3)
	square := FromRows([][]float64{{1, 2, 3}, {4, 5, 6}, {7, 8, 9}})
	tests := []struct {
		name string
		f    func(x *Dense) *Dense
	}{
		{"At", func(x *Dense) *Dense { return Scalar(x.At(3, 1)) }},
		{"Dims", func(x *Dense) *Dense { r, c := x.Dims(); return Scalar(float64(10*r + c)) }},
		{"Clone", func(x *Dense) *Dense { return x.Clone() }},
		{"Reshape", func(x *Dense) *Dense { return x.Reshape(2, 6) }},
		{"T", func(x *Dense) *Dense { return x.T().Clone() }},
		{"T.T", func(x *Dense) *Dense { return x.T().T().Clone() }},
		{"Dot(x, square)", func(x *Dense) *Dense { return Dot(x, square) }},
		{"Dot(x.T(), x)", func(x *Dense) *Dense { return Dot(x.T(), x) }},
		{"Dot(x, x.T())", func(x *Dense) *Dense { return Dot(x, x.T()) }},
		{"Add(x, x)", func(x *Dense) *Dense { return Add(x, x) }},
		{"Add(x, col)", func(x *Dense) *Dense { return Add(x, col) }},
		{"Add(col, x)", func(x *Dense) *Dense { return Add(col, x) }},
		{"Sub(x, row)", func(x *Dense) *Dense { return Sub(x, row) }},
		{"Sub(row, x)", func(x *Dense) *Dense { return Sub(row, x) }},
		{"Mul(x, one)", func(x *Dense) *Dense { return Mul(x, one) }},
		{"Mul(one, x)", func(x *Dense) *Dense { return Mul(one, x) }},
		{"Div(x, col)", func(x *Dense) *Dense { return Div(x, col) }},
		{"Div(row, x)", func(x *Dense) *Dense { return Div(row, x) }},
		{"Binary(x, row)", func(x *Dense) *Dense { return Binary(x, row, math.Max) }},
		{"Scale", func(x *Dense) *Dense { return Scale(-1.5, x) }},
		{"Apply", func(x *Dense) *Dense { return Apply(x, math.Abs) }},
		{"Exp", func(x *Dense) *Dense { return Exp(x) }},
		{"Log", func(x *Dense) *Dense { return Log(x) }},
		{"Maximum", func(x *Dense) *Dense { return Maximum(x, 2) }},
		{"SumAxis 0", func(x *Dense) *Dense { return SumAxis(x, 0) }},
		{"SumAxis 1", func(x *Dense) *Dense { return SumAxis(x, 1) }},
		{"Sum", func(x *Dense) *Dense { return Scalar(Sum(x)) }},
		{"Equal", func(x *Dense) *Dense { return boolean(Equal(x, x.Clone()) && !Equal(x, x.Reshape(3, 4))) }},
		{"AllClose", func(x *Dense) *Dense { return boolean(AllClose(x, Scale(1+1e-12, x), 1e-9, 0)) }},
	}
	for _, tt := range tests {
		view, copied := viewPair()
		got, want := tt.f(view), tt.f(copied)
		if d := firstDiff(got, want); d != "" || got.transposed {
			t.Errorf("%s of a view, against its row-major copy: %s (result a view: %v)", tt.name, d, got.transposed)
		}
	}
}

func boolean(b bool) *Dense {
	if b {
		return Scalar(1)
	}
	return Scalar(0)
}

// firstDiff describes how got differs from want, bit for bit: the shapes,
// or the first differing element and the largest difference; "" if they
// are identical.
func firstDiff(got, want *Dense) string {
	if got.rows != want.rows || got.cols != want.cols {
		return fmt.Sprintf("shape %s, want %s", got.Shape(), want.Shape())
	}
	return producttest.FirstDiff(got.rowMajor(), want.rowMajor(), got.cols)
}

// TestViewSharesStorage checks that T is numpy's .T: a view that shares the
// matrix's storage both ways, whose transpose is the matrix again, and
// which Clone and Reshape detach.
func TestViewSharesStorage(t *testing.T) {
	m := FromRows([][]float64{{1, 2, 3}, {4, 5, 6}})
	v := m.T()
	if r, c := v.Dims(); r != 3 || c != 2 || v.Shape() != "(3,2)" {
		t.Fatalf("m.T() of (2,3) has Dims (%d, %d), Shape %s; want (3, 2), (3,2)", r, c, v.Shape())
	}
	if want := FromRows([][]float64{{1, 4}, {2, 5}, {3, 6}}); !Equal(v, want) {
		t.Errorf("m.T() = %v, want %v", v, want)
	}
	v.Set(2, 0, 30) // element (0, 2) of m
	if got := m.At(0, 2); got != 30 {
		t.Errorf("after m.T().Set(2, 0, 30), m.At(0, 2) = %v, want 30", got)
	}
	m.Set(1, 0, 40)
	if got := v.At(0, 1); got != 40 {
		t.Errorf("after m.Set(1, 0, 40), m.T().At(0, 1) = %v, want 40", got)
	}
	tt := v.T()
	if tt.transposed || &tt.RawData()[0] != &m.RawData()[0] || !Equal(tt, m) {
		t.Errorf("m.T().T() = %v (view %v), want m itself: %v, sharing its storage", tt, tt.transposed, m)
	}
	c := v.Clone()
	c.Set(0, 0, -1)
	if c.transposed || m.At(0, 0) != 1 || fmt.Sprint(c.RawData()) != "[-1 40 2 5 30 6]" {
		t.Errorf("m.T().Clone() after Set(0, 0, -1): RawData %v, view %v, m.At(0, 0) = %v; want [-1 40 2 5 30 6], false, 1",
			c.RawData(), c.transposed, m.At(0, 0))
	}
	r := v.Reshape(1, 6)
	r.Set(0, 0, -2)
	if fmt.Sprint(r.RawData()) != "[-2 40 2 5 30 6]" || m.At(0, 0) != 1 {
		t.Errorf("m.T().Reshape(1, 6) = %v, m.At(0, 0) = %v after setting its first element; want [[-2 40 2 5 30 6]] copied, 1", r, m.At(0, 0))
	}
	if got, want := v.String(), "[[ 1. 40.]\n [ 2.  5.]\n [30.  6.]]"; got != want {
		t.Errorf("m.T().String() =\n%s\nwant\n%s", got, want)
	}
}

// TestVectorTranspose checks that the transpose of a row or a column, whose
// elements lie in the same order either way, is an ordinary matrix.
func TestVectorTranspose(t *testing.T) {
	for _, m := range []*Dense{FromRows([][]float64{{1, 2, 3}}), FromRows([][]float64{{1}, {2}, {3}}), Scalar(5), Zeros(0, 3)} {
		v := m.T()
		r, c := m.Dims()
		if vr, vc := v.Dims(); vr != c || vc != r || v.transposed || fmt.Sprint(v.RawData()) != fmt.Sprint(m.RawData()) {
			t.Errorf("%s.T() has shape %s, view %v, RawData %v; want (%d,%d), false, %v", m.Shape(), v.Shape(), v.transposed, v.RawData(), c, r, m.RawData())
		}
	}
}

// T is a view, as numpy's .T is: it copies nothing, and a change to either
// shows in both.
func ExampleDense_T() {
	A := FromRows([][]float64{{1, 2, 3}, {4, 5, 6}}) // (2, 3)
	At := A.T()                                      // (3, 2), A's storage
	At.Set(2, 0, 30)
	fmt.Println(A)
	fmt.Println(At.Shape(), At.Clone().RawData())
	// Output:
	// [[ 1.  2. 30.]
	//  [ 4.  5.  6.]]
	// (3,2) [1 4 2 5 30 6]
}
