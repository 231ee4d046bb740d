package fast

import (
	"fmt"

	"dnn/matrix"
	"dnn/matrix/gemm"
	"dnn/step01_init"
)

// net is a network in training: its parameters and every buffer one
// iteration needs, allocated once. Matrices are row-major slices, and the
// course's (n[l], m) matrices are kept transposed, one example per row, so
// that every product reads its second operand row by row (see products.go):
//
//	forward   Z[l]ᵀ   = A[l-1]ᵀ·W[l]ᵀ + b[l]ᵀ   (m, n[l-1])·(n[l-1], n[l])
//	backward  dW[l]ᵀ  = A[l-1]·dZ[l]ᵀ          (n[l-1], m)·(m, n[l])
//	          dA[l-1]ᵀ = dZ[l]ᵀ·W[l]            (m, n[l])·(n[l], n[l-1])
//
// Index l is the layer, 1..L; entry 0 is unused (X is kept apart).
type net struct {
	L, m int
	n    []int       // n[l], l = 0..L
	WT   [][]float64 // W[l]ᵀ (n[l-1], n[l]); nil for l = 1 with gram
	W    [][]float64 // W[l] (n[l], n[l-1]), the same values, for l ≥ 2 only
	b    [][]float64 // b[l] (n[l])
	X    []float64   // X (n[0], m), read only
	AT   [][]float64 // A[l]ᵀ (m, n[l]) for l ≥ 1; Z[l] > 0 exactly where A[l] > 0 for l < L
	dZT  [][]float64 // dZ[l]ᵀ (m, n[l]); holds dA[l]ᵀ until the relu's backward turns it into dZ[l]ᵀ
	dWT  []float64   // the largest dW[l]ᵀ (n[l-1], n[l]), before the scaling by 1/m; shared by the layers
	db   []float64   // the largest db[l] (n[l]), before the scaling by 1/m
	Y    []float64   // labels (m)
	gram *gram       // the first layer computed through the Gram matrix, or nil
	relu *reluLoops  // the relu layers' loops: SIMD where gemm's kernel is
}

// newNet copies p into a new net for X (n[0], m) and Y (1, m), with the
// first layer computed through the Gram matrix if withGram.
// It panics if the shapes do not fit together.
func newNet(X, Y *matrix.Dense, p step01_init.Parameters, withGram bool) *net {
	n, m := dims(X, Y, p)
	L := len(n) - 1
	net := &net{L: L, m: m, n: n, X: X.RawData(), Y: Y.RawData(),
		WT: make([][]float64, L+1), W: make([][]float64, L+1), b: make([][]float64, L+1),
		AT: make([][]float64, L+1), dZT: make([][]float64, L+1)}
	dW, units := 0, 0
	for l := 1; l <= L; l++ {
		units = max(units, n[l])
		net.WT[l] = transpose(p.W[l].RawData(), n[l], n[l-1])
		if l >= 2 {
			net.W[l] = clone(p.W[l].RawData())
			dW = max(dW, n[l]*n[l-1])
		}
		net.b[l] = clone(p.B[l].RawData())
		net.AT[l] = make([]float64, m*n[l])
		net.dZT[l] = make([]float64, m*n[l])
	}
	if withGram {
		net.gram = newGram(net.X, n[0], m, net.WT[1], n[1])
		net.WT[1] = nil
	} else {
		dW = max(dW, n[1]*n[0])
	}
	net.dWT = make([]float64, dW)
	net.db = make([]float64, units)
	net.relu = newLoops(gemm.Kernel(), units)
	return net
}

// dims returns the layer sizes n[0..L] of p and the number of examples m,
// and panics unless X is (n[0], m), Y (1, m), each b[l] (n[l], 1), and
// n[L] = 1.
func dims(X, Y *matrix.Dense, p step01_init.Parameters) (n []int, m int) {
	L := p.L()
	if L < 1 {
		panic(fmt.Sprintf("fast: Train: the parameters have %d layers, want at least 1", L))
	}
	n = make([]int, L+1)
	_, n[0] = p.W[1].Dims()
	for l := 1; l <= L; l++ {
		r, c := p.W[l].Dims()
		if c != n[l-1] {
			panic(fmt.Sprintf("fast: Train: W%d is %s, want %d columns for the %d units of layer %d", l, p.W[l].Shape(), n[l-1], n[l-1], l-1))
		}
		if br, bc := p.B[l].Dims(); br != r || bc != 1 {
			panic(fmt.Sprintf("fast: Train: b%d is %s, want (%d,1) for W%d %s", l, p.B[l].Shape(), r, l, p.W[l].Shape()))
		}
		n[l] = r
	}
	n0, m := X.Dims()
	if n0 != n[0] {
		panic(fmt.Sprintf("fast: Train: X is %s, want %d rows for W1 %s", X.Shape(), n[0], p.W[1].Shape()))
	}
	if yr, ym := Y.Dims(); n[L] != 1 || yr != 1 || ym != m {
		panic(fmt.Sprintf("fast: Train: Y is %s and W%d %s, want Y (1,%d) and one output unit", Y.Shape(), L, p.W[L].Shape(), m))
	}
	return n, m
}

func clone(s []float64) []float64 { return append([]float64(nil), s...) }

// transpose returns the transpose (c, r) of the (r, c) matrix a.
func transpose(a []float64, r, c int) []float64 {
	t := make([]float64, r*c)
	for i := 0; i < r; i++ {
		for j, x := range a[i*c : (i+1)*c] {
			t[j*r+i] = x
		}
	}
	return t
}

// forward computes A[1] .. A[L] from X: Z[l] = W[l]·A[l-1] + b[l], A[l] =
// relu(Z[l]) for l < L and sigmoid(Z[L]) for the output, each transposed.
// It returns false if some probability in A[L] is 0, 1 or NaN, where the
// cost of labels 0 and 1 is not a finite number.
func (net *net) forward() (finite bool) {
	n, m := net.n, net.m
	for l := 1; l <= net.L; l++ {
		ZT := net.AT[l] // Z[l]ᵀ is computed in place of A[l]ᵀ
		switch {
		case l == 1 && net.gram != nil:
			net.gram.forward(ZT)
		case l == 1:
			product(ZT, m, n[0], n[1], net.X, 1, m, net.WT[1], n[1], 1)
		default:
			product(ZT, m, n[l-1], n[l], net.AT[l-1], n[l-1], 1, net.WT[l], n[l], 1)
		}
		if l < net.L {
			net.relu.biasRelu(ZT, net.b[l])
		}
	}
	return biasSigmoid(net.AT[net.L], net.b[net.L][0])
}

// backward computes the gradients from A[L] and takes a step of gradient
// descent with learning rate lr, layer L first:
//
//	dZ[L]   = A[L] - Y                   (sigmoid and cross-entropy together)
//	dW[l]   = (1/m) dZ[l]·A[l-1]ᵀ
//	db[l]   = (1/m) row sums of dZ[l]
//	dA[l-1] = W[l]ᵀ·dZ[l]                 (before W[l] changes; not for l = 1)
//	dZ[l-1] = dA[l-1] where A[l-1] > 0, else 0
//	W[l]   -= lr·dW[l],  b[l] -= lr·db[l]
//
// all of them transposed. Through the Gram matrix, the first layer's step
// is taken on C instead of W[1] (see gram.go).
func (net *net) backward(lr float64) {
	n, m := net.n, net.m
	invm := 1 / float64(m)
	outputDZ(net.dZT[net.L], net.AT[net.L], net.Y, net.b[net.L], lr, invm)
	for l := net.L; l >= 1; l-- {
		if l == 1 && net.gram != nil {
			net.gram.descend(net.dZT[1], lr, invm)
			break
		}
		dWT := net.dWT[:n[l-1]*n[l]]
		if l == 1 {
			product(dWT, n[0], m, n[1], net.X, m, 1, net.dZT[1], n[1], 1)
			descend(net.WT[1], dWT, lr, invm)
			break
		}
		product(dWT, n[l-1], m, n[l], net.AT[l-1], 1, n[l-1], net.dZT[l], n[l], 1)
		product(net.dZT[l-1], m, n[l], n[l-1], net.dZT[l], n[l], 1, net.W[l], n[l-1], 1)
		net.relu.backward(net.dZT[l-1], net.AT[l-1], net.db[:n[l-1]])
		descend(net.b[l-1], net.db, lr, invm)
		descendBoth(net.WT[l], net.W[l], dWT, n[l-1], lr, invm)
	}
}

// parameters returns the network's parameters as new matrices.
func (net *net) parameters() step01_init.Parameters {
	p := step01_init.Parameters{W: make([]*matrix.Dense, net.L+1), B: make([]*matrix.Dense, net.L+1)}
	for l := 1; l <= net.L; l++ {
		WT := net.WT[l]
		if l == 1 && net.gram != nil {
			WT = net.gram.weightsT()
		}
		p.W[l] = matrix.New(net.n[l], net.n[l-1], transpose(WT, net.n[l-1], net.n[l]))
		p.B[l] = matrix.New(net.n[l], 1, clone(net.b[l]))
	}
	return p
}
