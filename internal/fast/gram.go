package fast

import "dnn/matrix"

// The first layer through the Gram matrix.
//
// Under full-batch gradient descent every update of the first layer's
// weights is a combination of the training examples:
//
//	dW1 = (1/m)·dZ1·Xᵀ,   so   W1 ← W1 - (α/m)·dZ1·Xᵀ
//
// After any number of steps, then, W1 = W1(0) + C·Xᵀ for some C of shape
// (n[1], m), which starts at 0 and takes the update C ← C - (α/m)·dZ1. The
// first layer's forward pass needs W1 only through W1·X:
//
//	Z1 = W1·X + b1 = W1(0)·X + C·(XᵀX) + b1
//
// P = W1(0)·X (n[1], m) and the Gram matrix G = XᵀX (m, m) are computed
// once. Each iteration then costs n[1]·m² multiply-adds for the first layer
// instead of the 2·n[1]·n[0]·m of W1·X and dZ1·Xᵀ: about 100 times less for
// the course's pictures (n[0] = 12288, m = 209), and the first layer's
// backward pass has no product at all. W1 itself is formed once, at the end.
// The arithmetic is exact; only the rounding differs, far below the printed
// digits.

// gram is the first layer computed through the Gram matrix.
type gram struct {
	n1, m int
	X     []float64 // X (n[0], m), read only
	W10   []float64 // W1(0) (n[1], n[0])
	P     []float64 // W1(0)·X (n[1], m)
	G     []float64 // XᵀX (m, m)
	C     []float64 // C (n[1], m): W1 = W1(0) + C·Xᵀ
}

// newGram returns the first layer with weights W10 (n1, n[0]) for X
// (n[0], m), computing P and G.
func newGram(X *matrix.Dense, W10 []float64, n1 int) *gram {
	n0, m := X.Dims()
	x := X.RawData()
	g := &gram{n1: n1, m: m, X: x, W10: W10,
		P: make([]float64, n1*m), G: make([]float64, m*m), C: make([]float64, n1*m)}
	product(g.P, n1, n0, m, W10, n0, 1, x, m, 1)
	product(g.G, m, n0, m, x, 1, m, x, m, 1)
	return g
}

// forward writes Z1 - b1 = C·G + P into Z (n[1], m).
func (g *gram) forward(Z []float64) {
	product(Z, g.n1, g.m, g.m, g.C, g.m, 1, g.G, g.m, 1)
	for i, p := range g.P {
		Z[i] += p
	}
}

// descend makes the first layer's step of gradient descent on C, from
// dZ1 (n[1], m): C ← C - lr·(1/m)·dZ1.
func (g *gram) descend(dZ1 []float64, lr, invm float64) {
	descend(g.C, dZ1, lr, invm)
}

// weights returns W1 = W1(0) + C·Xᵀ (n[1], n[0]).
func (g *gram) weights() []float64 {
	n0 := len(g.W10) / g.n1
	W := make([]float64, g.n1*n0)
	product(W, g.n1, g.m, n0, g.C, g.m, 1, g.X, 1, g.m)
	for i, w := range g.W10 {
		W[i] += w
	}
	return W
}

// useGram reports whether the first layer of n[1] units costs fewer
// multiply-adds over the whole training through the Gram matrix than the
// plain way, for X (n[0], m) and the given number of iterations. The plain
// way costs 2·n[1]·n[0]·m per iteration (W1·X and dZ1·Xᵀ); the Gram matrix
// n[1]·m² per iteration, plus n[0]·m² for G, n[1]·n[0]·m for P and as much
// for W1 at the end. It also needs G to be no larger than X (m ≤ n[0]).
func useGram(n0, n1, m, iterations int) bool {
	if m > n0 {
		return false
	}
	N0, N1, M, I := float64(n0), float64(n1), float64(m), float64(iterations)
	plain := I * 2 * N1 * N0 * M
	viaGram := I*N1*M*M + N0*M*M + 2*N1*N0*M
	return viaGram < plain
}
