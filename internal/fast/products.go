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
// It runs matrix's product on wrappers that share the slices. That product
// handles a row-major or a transposed operand, not both transposed at once,
// which the engine never asks for; product panics for other strides.
func product(c []float64, n, k, p int, a []float64, ar, ac int, b []float64, br, bc int) {
	C := matrix.New(n, p, c[:n*p])
	aRows, aCols := ar == k && ac == 1, ar == 1 && ac == n
	bRows, bCols := br == p && bc == 1, br == 1 && bc == k
	switch {
	case aRows && bRows:
		matrix.DotInto(C, matrix.New(n, k, a[:n*k]), matrix.New(k, p, b[:k*p]))
	case aCols && bRows:
		matrix.DotTAInto(C, matrix.New(k, n, a[:k*n]), matrix.New(k, p, b[:k*p]))
	case aRows && bCols:
		matrix.DotTBInto(C, matrix.New(n, k, a[:n*k]), matrix.New(p, k, b[:p*k]))
	default:
		panic(fmt.Sprintf("fast: product: strides (%d,%d) and (%d,%d) for (%d,%d)·(%d,%d) are not supported", ar, ac, br, bc, n, k, k, p))
	}
}
