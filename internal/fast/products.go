package fast

import (
	"fmt"

	"dnn/matrix"
)

// product writes C = A·B into c[:n*p], row-major: C is (n, p), A (n, k),
// B (k, p), read in place through strides,
//
//	A[i][l] = a[i*ar + l*ac]
//	B[l][j] = b[l*br + j*bc]
//
// so that a transposed operand is the same slice with its strides swapped.
// Every product of the engine goes through here.
//
// The engine keeps its matrices so that B is always row-major, A row-major
// or transposed: the product's kernel then reads every operand where it
// lies, with nothing to copy (see net). product runs matrix's product on
// wrappers that share the slices, and panics for other strides.
func product(c []float64, n, k, p int, a []float64, ar, ac int, b []float64, br, bc int) {
	C := matrix.New(n, p, c[:n*p])
	switch {
	case br != p || bc != 1:
	case ar == k && ac == 1:
		matrix.DotInto(C, matrix.New(n, k, a[:n*k]), matrix.New(k, p, b[:k*p]))
		return
	case ar == 1 && ac == n:
		matrix.DotTAInto(C, matrix.New(k, n, a[:k*n]), matrix.New(k, p, b[:k*p]))
		return
	}
	panic(fmt.Sprintf("fast: product: strides (%d,%d) and (%d,%d) for (%d,%d)·(%d,%d) are not supported", ar, ac, br, bc, n, k, k, p))
}
