package matrix

import "fmt"

// Dot returns the matrix product a·b, np.dot(a, b). a is (n, k), b is (k, p);
// the result is (n, p). It panics if the inner dimensions differ.
func Dot(a, b *Dense) *Dense {
	if a.cols != b.rows {
		panic(notAligned("Dot", a, b, 1, 0))
	}
	return dotInto(Zeros(a.rows, b.cols), a, b)
}

// dotInto is the plain matrix product, the readable reference for any faster
// one. It runs i-k-j rather than the textbook i-j-k: the innermost loop walks
// a row of b and a row of dst with stride 1, which is what the cache likes,
// and it multiplies a[i][k] into a whole row at once ("axpy").
func dotInto(dst, a, b *Dense) *Dense {
	n, k, p := a.rows, a.cols, b.cols
	for i := 0; i < n; i++ {
		row := dst.data[i*p : (i+1)*p]
		for j := range row {
			row[j] = 0
		}
		for l := 0; l < k; l++ {
			s := a.data[i*k+l]
			for j, x := range b.data[l*p : (l+1)*p] {
				row[j] += s * x
			}
		}
	}
	return dst
}

// DotTA returns aᵀ·b without forming aᵀ: np.dot(a.T, b). a is (k, n), b is
// (k, p); the result is (n, p). It panics if a and b differ in rows.
func DotTA(a, b *Dense) *Dense {
	if a.rows != b.rows {
		panic(notAligned("DotTA", a.T(), b, 1, 0))
	}
	n, k, p := a.cols, a.rows, b.cols
	dst := Zeros(n, p)
	for l := 0; l < k; l++ {
		brow := b.data[l*p : (l+1)*p]
		for i, s := range a.data[l*n : (l+1)*n] {
			row := dst.data[i*p : (i+1)*p]
			for j, x := range brow {
				row[j] += s * x
			}
		}
	}
	return dst
}

// DotTB returns a·bᵀ without forming bᵀ: np.dot(a, b.T). a is (n, k), b is
// (p, k); the result is (n, p). It panics if a and b differ in columns.
func DotTB(a, b *Dense) *Dense {
	if a.cols != b.cols {
		panic(notAligned("DotTB", a, b.T(), 1, 0))
	}
	n, k, p := a.rows, a.cols, b.rows
	dst := Zeros(n, p)
	for i := 0; i < n; i++ {
		arow := a.data[i*k : (i+1)*k]
		for j := 0; j < p; j++ {
			var s float64
			for l, x := range b.data[j*k : (j+1)*k] {
				s += arow[l] * x
			}
			dst.data[i*p+j] = s
		}
	}
	return dst
}

func notAligned(op string, a, b *Dense, da, db int) string {
	return fmt.Sprintf("matrix: %s: shapes %s and %s not aligned: %d (dim %d) != %d (dim %d)",
		op, a.Shape(), b.Shape(), a.cols, da, b.rows, db)
}
