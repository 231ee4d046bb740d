package fast

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
//
// Transposed, as the engine keeps its matrices, with G = Gᵀ:
//
//	Z1ᵀ = G·Cᵀ + Pᵀ + b1ᵀ,   Pᵀ = Xᵀ·W1(0)ᵀ,   W1ᵀ = W1(0)ᵀ + X·Cᵀ

// gram is the first layer computed through the Gram matrix.
type gram struct {
	n0, n1, m int
	X         []float64 // X (n[0], m), read only
	W10T      []float64 // W1(0)ᵀ (n[0], n[1])
	PT        []float64 // Pᵀ = (W1(0)·X)ᵀ (m, n[1])
	G         []float64 // XᵀX (m, m)
	CT        []float64 // Cᵀ (m, n[1]): W1 = W1(0) + C·Xᵀ
}

// newGram returns the first layer with weights W1(0)ᵀ = W10T (n0, n1) for
// X (n0, m), computing P and G.
func newGram(X []float64, n0, m int, W10T []float64, n1 int) *gram {
	g := &gram{n0: n0, n1: n1, m: m, X: X, W10T: W10T,
		PT: make([]float64, m*n1), G: make([]float64, m*m), CT: make([]float64, m*n1)}
	product(g.PT, m, n0, n1, X, 1, m, W10T, n1, 1)
	product(g.G, m, n0, m, X, 1, m, X, m, 1)
	return g
}

// forward writes Z1ᵀ - b1ᵀ = G·Cᵀ + Pᵀ into ZT (m, n[1]).
func (g *gram) forward(ZT []float64) {
	product(ZT, g.m, g.m, g.n1, g.G, g.m, 1, g.CT, g.n1, 1)
	for i, p := range g.PT {
		ZT[i] += p
	}
}

// descend takes the first layer's step of gradient descent on C, from
// dZ1ᵀ (m, n[1]): C ← C - lr·(1/m)·dZ1.
func (g *gram) descend(dZ1T []float64, lr, invm float64) {
	descend(g.CT, dZ1T, lr, invm)
}

// weightsT returns W1ᵀ = W1(0)ᵀ + X·Cᵀ (n[0], n[1]).
func (g *gram) weightsT() []float64 {
	WT := make([]float64, g.n0*g.n1)
	product(WT, g.n0, g.m, g.n1, g.X, g.m, 1, g.CT, g.n1, 1)
	for i, w := range g.W10T {
		WT[i] += w
	}
	return WT
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
