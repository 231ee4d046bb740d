package fast

import "dnn/matrix/gemm"

// product writes C = A·B into c[:n*p], row-major: C is (n, p), A (n, k),
// B (k, p), read in place through strides,
//
//	A[i][l] = a[i*ar + l*ac]
//	B[l][j] = b[l*br + j*bc]
//
// so that a transposed operand is the same slice with its strides swapped.
// Every product of the engine goes through here, to the product behind
// matrix.Dot (package gemm), which allocates nothing.
//
// The engine keeps its matrices so that B is always row-major, A row-major
// or transposed: the product's kernel then reads every operand where it
// lies, with nothing to copy (see net).
func product(c []float64, n, k, p int, a []float64, ar, ac int, b []float64, br, bc int) {
	gemm.Product(c[:n*p], n, k, p, a, ar, ac, b, br, bc)
}
