package matrix

import (
	"fmt"
	"testing"
)

// mustPanic returns the message f panics with, or fails t if it does not.
func mustPanic(t *testing.T, f func()) (msg string) {
	t.Helper()
	defer func() {
		r := recover()
		if r == nil {
			t.Fatal("did not panic")
		}
		msg = fmt.Sprint(r)
	}()
	f()
	return ""
}

func TestNewAndAccess(t *testing.T) {
	m := New(2, 3, []float64{1, 2, 3, 4, 5, 6})
	if r, c := m.Dims(); r != 2 || c != 3 {
		t.Fatalf("New(2, 3, ...).Dims() = (%d, %d), want (2, 3)", r, c)
	}
	if got := m.At(1, 2); got != 6 {
		t.Errorf("At(1, 2) = %v, want 6 (element (i, j) at data[i*c+j])", got)
	}
	m.Set(0, 1, 9)
	if got := m.RawData()[1]; got != 9 {
		t.Errorf("after Set(0, 1, 9) RawData()[1] = %v, want 9", got)
	}
	if got := m.Shape(); got != "(2,3)" {
		t.Errorf("Shape() = %q, want %q", got, "(2,3)")
	}
	if got, want := m.T(), FromRows([][]float64{{1, 4}, {9, 5}, {3, 6}}); !Equal(got, want) {
		t.Errorf("T() = %v, want %v", got, want)
	}
	c := m.Clone()
	c.Set(0, 0, -1)
	if m.At(0, 0) != 1 {
		t.Error("Clone shares memory with the original")
	}
	if got := m.Reshape(3, 2).At(2, 1); got != 6 {
		t.Errorf("Reshape(3, 2).At(2, 1) = %v, want 6", got)
	}
	if got := Filled(2, 2, 7).At(1, 1); got != 7 {
		t.Errorf("Filled(2, 2, 7).At(1, 1) = %v, want 7", got)
	}
}

func TestPanicMessages(t *testing.T) {
	a34, a21 := Zeros(3, 4), Zeros(2, 1)
	tests := []struct {
		name string
		f    func()
		want string
	}{
		{"New", func() { New(2, 2, []float64{1}) }, "matrix: New: 1 values cannot fill shape (2,2)"},
		{"At", func() { a34.At(3, 0) }, "matrix: At: index (3,0) out of range for shape (3,4)"},
		{"FromRows", func() { FromRows([][]float64{{1, 2}, {3}}) }, "matrix: FromRows: row 1 has 1 values, row 0 has 2"},
		{"Reshape", func() { a34.Reshape(5, 2) }, "matrix: Reshape: cannot reshape array of shape (3,4) into shape (5,2)"},
		{"Add", func() { Add(a34, a21) }, "matrix: Add: operands could not be broadcast together with shapes (3,4) (2,1)"},
		{"Sub", func() { Sub(a21, a34) }, "matrix: Sub: operands could not be broadcast together with shapes (2,1) (3,4)"},
		{"Mul", func() { Mul(Zeros(1, 3), Zeros(1, 4)) }, "matrix: Mul: operands could not be broadcast together with shapes (1,3) (1,4)"},
		{"Div", func() { Div(Zeros(2, 3), Zeros(3, 2)) }, "matrix: Div: operands could not be broadcast together with shapes (2,3) (3,2)"},
		{"Binary", func() { Binary(a34, a21, nil) }, "matrix: Binary: operands could not be broadcast together with shapes (3,4) (2,1)"},
		{"Add view", func() { Add(a34.T(), a34) }, "matrix: Add: operands could not be broadcast together with shapes (4,3) (3,4)"},
		{"Set", func() { a34.Set(0, 4, 1) }, "matrix: Set: index (0,4) out of range for shape (3,4)"},
		{"At view", func() { a34.T().At(4, 0) }, "matrix: At: index (4,0) out of range for shape (4,3)"},
		{"Row", func() { a34.Row(3) }, "matrix: Row: index (3,0) out of range for shape (3,4)"},
		{"RawData view", func() { a34.T().RawData() }, "matrix: RawData: (4,3) is a transposed view, its elements are not row-major: Clone it first"},
		{"Row view", func() { a34.T().Row(0) }, "matrix: Row: (4,3) is a transposed view, its elements are not row-major: Clone it first"},
		{"Zeros", func() { Zeros(-1, 2) }, "matrix: Zeros: negative dimension (-1,2)"},
		{"SumAxis", func() { SumAxis(a34, 2) }, "matrix: SumAxis: axis 2 is out of bounds for a matrix of shape (3,4)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := mustPanic(t, tt.f); got != tt.want {
				t.Errorf("%s panicked with %q, want %q", tt.name, got, tt.want)
			}
		})
	}
}
