// Package matrix is a small dense float64 matrix, just enough of numpy for the
// course: matrix products, element-wise arithmetic with numpy's broadcasting,
// reductions along an axis, numpy-style printing and numpy's legacy random
// numbers (np.random.seed, randn, rand), drawn value for value.
//
// A Dense is stored row-major in a plain []float64: element (i, j) of an
// (r, c) matrix lives at data[i*c+j].
//
// Functions return new matrices and never change their arguments, so that
// code reads like the numpy it mirrors. A few *Into variants write into a
// destination the caller owns; they exist for training loops that reuse
// buffers.
//
// The matrix products have two implementations: plain loops, short enough
// to read as the definition, and a blocked product split across goroutines
// with assembly kernels (AVX-512 or AVX2 with FMA) where the CPU has them,
// tens of times faster on the course's shapes. A test holds the two
// together. SetPlain(true), or the environment variable DNN_MATRIX=plain,
// forces the plain loops; DNN_MATRIX=avx2 or DNN_MATRIX=go picks a kernel;
// the build tag purego leaves the assembly out.
//
// A shape mismatch is a programming error, as in numpy: the function panics
// with a message naming the operation and both shapes, for example
//
//	matrix: Dot: shapes (5,3) and (4,2) not aligned: 3 (dim 1) != 4 (dim 0)
//	matrix: Add: operands could not be broadcast together with shapes (3,4) (2,1)
package matrix
