package fast

import (
	"fmt"

	"dnn/matrix"
	"dnn/step01_init"
)

// net is a network in training: its parameters and every buffer one
// iteration needs, allocated once. Matrices are row-major slices; index l is
// the layer, 1..L, and entry 0 is unused except A[0].
type net struct {
	L, m int
	n    []int       // n[l], l = 0..L
	W    [][]float64 // W[l] (n[l], n[l-1]); with gram, W[1] is nil and the first layer lives in gram
	b    [][]float64 // b[l] (n[l])
	A    [][]float64 // A[l] (n[l], m); A[0] is X, read only; for l < L, Z[l] > 0 exactly where A[l] > 0
	dZ   [][]float64 // dZ[l] (n[l], m); holds dA[l] until the activation's backward turns it into dZ[l]
	dW   []float64   // the largest dW[l] (n[l], n[l-1]), before the scaling by 1/m; shared by the layers
	Y    []float64   // labels (m)
	gram *gram       // the first layer computed through the Gram matrix, or nil
}

// newNet copies p into a new net for X (n[0], m) and Y (1, m), with the
// first layer computed through the Gram matrix if withGram.
// It panics if the shapes do not fit together.
func newNet(X, Y *matrix.Dense, p step01_init.Parameters, withGram bool) *net {
	L := p.L()
	if L < 1 {
		panic(fmt.Sprintf("fast: Train: the parameters have %d layers, want at least 1", L))
	}
	n := make([]int, L+1)
	_, n[0] = p.W[1].Dims()
	for l := 1; l <= L; l++ {
		r, c := p.W[l].Dims()
		if c != n[l-1] {
			panic(fmt.Sprintf("fast: Train: W[%d] is %s, want %d columns for the %d units of layer %d", l, p.W[l].Shape(), n[l-1], n[l-1], l-1))
		}
		if br, bc := p.B[l].Dims(); br != r || bc != 1 {
			panic(fmt.Sprintf("fast: Train: b[%d] is %s, want (%d,1) for W[%d] %s", l, p.B[l].Shape(), r, l, p.W[l].Shape()))
		}
		n[l] = r
	}
	n0, m := X.Dims()
	if n0 != n[0] {
		panic(fmt.Sprintf("fast: Train: X is %s, want %d rows for W[1] %s", X.Shape(), n[0], p.W[1].Shape()))
	}
	if yr, ym := Y.Dims(); n[L] != 1 || yr != 1 || ym != m {
		panic(fmt.Sprintf("fast: Train: Y is %s and W[%d] %s, want Y (1,%d) and one output unit", Y.Shape(), L, p.W[L].Shape(), m))
	}

	net := &net{L: L, m: m, n: n, Y: Y.RawData(),
		W: make([][]float64, L+1), b: make([][]float64, L+1),
		A: make([][]float64, L+1), dZ: make([][]float64, L+1)}
	net.A[0] = X.RawData()
	dW := 0
	for l := 1; l <= L; l++ {
		net.W[l] = clone(p.W[l].RawData())
		net.b[l] = clone(p.B[l].RawData())
		net.A[l] = make([]float64, n[l]*m)
		net.dZ[l] = make([]float64, n[l]*m)
		dW = max(dW, n[l]*n[l-1])
	}
	if withGram {
		net.gram = newGram(X, net.W[1], n[1])
		net.W[1] = nil
		dW = 0
		for l := 2; l <= L; l++ {
			dW = max(dW, n[l]*n[l-1])
		}
	}
	net.dW = make([]float64, dW)
	return net
}

func clone(s []float64) []float64 { return append([]float64(nil), s...) }

// forward computes A[1] .. A[L] from A[0] = X: Z[l] = W[l]·A[l-1] + b[l],
// A[l] = relu(Z[l]) for l < L and sigmoid(Z[L]) for the output. It returns
// false if some probability in A[L] is 0, 1 or NaN, where the cost of
// labels 0 and 1 is not a finite number.
func (net *net) forward() (finite bool) {
	m := net.m
	for l := 1; l <= net.L; l++ {
		Z := net.A[l] // Z[l] is computed in place of A[l]
		if l == 1 && net.gram != nil {
			net.gram.forward(Z)
		} else {
			product(Z, net.n[l], net.n[l-1], m, net.W[l], net.n[l-1], 1, net.A[l-1], m, 1)
		}
		if l < net.L {
			biasRelu(Z, net.b[l], m)
		}
	}
	return biasSigmoid(net.A[net.L], net.b[net.L], m)
}

// backward computes the gradients from A[L] and updates the parameters by
// gradient descent with learning rate lr, layer L first:
//
//	dZ[L]   = A[L] - Y                      (sigmoid and cross-entropy together)
//	dW[l]   = (1/m) dZ[l]·A[l-1]ᵀ
//	db[l]   = (1/m) row sums of dZ[l]
//	dA[l-1] = W[l]ᵀ·dZ[l]                    (before W[l] changes; not for l = 1)
//	dZ[l-1] = dA[l-1] where A[l-1] > 0, else 0
//	W[l]   -= lr·dW[l],  b[l] -= lr·db[l]
func (net *net) backward(lr float64) {
	m, n := net.m, net.n
	invm := 1 / float64(m)
	outputDZ(net.dZ[net.L], net.A[net.L], net.Y, net.b[net.L], lr, invm)
	for l := net.L; l >= 1; l-- {
		if l == 1 && net.gram != nil {
			net.gram.descend(net.dZ[1], lr, invm)
			break
		}
		dW := net.dW[:n[l]*n[l-1]]
		product(dW, n[l], m, n[l-1], net.dZ[l], m, 1, net.A[l-1], 1, m)
		if l > 1 {
			product(net.dZ[l-1], n[l-1], n[l], m, net.W[l], 1, n[l-1], net.dZ[l], m, 1)
			reluBackward(net.dZ[l-1], net.A[l-1], net.b[l-1], m, lr, invm)
		}
		descend(net.W[l], dW, lr, invm)
	}
}

// parameters returns the network's parameters as new matrices.
func (net *net) parameters() step01_init.Parameters {
	p := step01_init.Parameters{W: make([]*matrix.Dense, net.L+1), B: make([]*matrix.Dense, net.L+1)}
	for l := 1; l <= net.L; l++ {
		W := net.W[l]
		if l == 1 && net.gram != nil {
			W = net.gram.weights()
		}
		p.W[l] = matrix.New(net.n[l], net.n[l-1], clone(W))
		p.B[l] = matrix.New(net.n[l], 1, clone(net.b[l]))
	}
	return p
}
