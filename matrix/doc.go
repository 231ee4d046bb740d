// Package matrix is the part of numpy the course uses, for float64
// matrices, spelled as numpy spells it; it prints as numpy prints and draws
// numpy's random numbers, draw for draw. Functions return new matrices and
// never change their arguments.
//
//	numpy                              matrix
//	np.dot(A, B), A.T                  Dot(A, B), A.T() (a view, read in place)
//	A + B, A - B, A * B, A / B         Add(A, B), Sub, Mul, Div (broadcasting)
//	1 - A, c * A                       Sub(Scalar(1), A), Scale(c, A)
//	np.sum(A, axis=1, keepdims=True)   SumAxis(A, 1)
//	np.sum(A), np.log(A), np.exp(A)    Sum(A), Log(A), Exp(A)
//	np.maximum(A, 0)                   Maximum(A, 0)
//	f(A), f(A, B) element by element   Apply(A, f), Binary(A, B, f)
//	np.zeros((r, c)), np.array(rows)   Zeros(r, c), FromRows(rows)
//	np.random.seed(s); randn(r, c)     rs := NewRandomState(s); rs.Randn(r, c)
//	np.random.rand(r, c)               rs.Rand(r, c)
//	np.allclose(A, B, rtol, atol)      AllClose(A, B, rtol, atol)
//	A.shape, A.reshape(r, c)           A.Dims(), A.Reshape(r, c)
//	A[i, j], A[i, j] = v               A.At(i, j), A.Set(i, j, v)
//	print(A)                           fmt.Println(A)
//
// Broadcasting is numpy's: an (r,c) matrix combines with (r,c), (r,1),
// (1,c) and (1,1), in either order. A shape mismatch panics with the
// operation and the shapes, as in "matrix: Dot: shapes (5,3) and (4,2) not
// aligned: 3 (dim 1) != 4 (dim 0)". Dot runs the fast product of package
// gemm; SetPlain(true) or DNN_MATRIX=plain runs plain reference loops.
// Before a result of 16 MB or more, Go's collector runs, so that a dead
// result, such as the last iteration's dA[0], gives the new one its memory,
// as in numpy.
package matrix
