// Package gemm is the fast matrix product behind matrix.Dot: C = A·B on
// raw float64 slices, each operand read in place through two strides, so
// that a transposed operand costs no copy.
//
// It cuts the product into blocks that stay in the caches, as GotoBLAS
// does, shares large products among goroutines, and computes each small
// tile of C with a micro-kernel: AVX-512 or AVX2 assembly on amd64
// processors that have them, portable Go elsewhere or with the build tag
// purego. Every kernel adds the products of each element in the same
// order with one rounding per step, so results are identical bit for bit
// whatever the kernel, the blocking or the number of goroutines.
//
// A reader learning the course's algorithms can ignore this package:
// package matrix keeps plain loops that define the same product.
package gemm
