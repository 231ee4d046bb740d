package step01_init

import (
	"math"

	"dnn/matrix"
)

// Parameters holds the weights and biases of an L-layer network, the
// notebook's parameters dictionary. The slices have L+1 entries and entry 0
// is unused (nil), so that p.W[l] is the course's W[l] for l = 1..L.
type Parameters struct {
	W []*matrix.Dense // W[l] is (n[l], n[l-1])
	B []*matrix.Dense // B[l] is (n[l], 1)
}

// L returns the number of layers: len(parameters) // 2 in the notebook.
func (p Parameters) L() int { return len(p.W) - 1 }

// Dims returns the layer sizes n[0], n[1], ..., n[L] read off the weights.
func (p Parameters) Dims() []int {
	dims := make([]int, p.L()+1)
	for l := 1; l <= p.L(); l++ {
		dims[l], dims[l-1] = p.W[l].Dims()
	}
	return dims
}

// Clone returns a deep copy of p.
func (p Parameters) Clone() Parameters {
	c := Parameters{W: make([]*matrix.Dense, len(p.W)), B: make([]*matrix.Dense, len(p.B))}
	for l := 1; l < len(p.W); l++ {
		c.W[l], c.B[l] = p.W[l].Clone(), p.B[l].Clone()
	}
	return c
}

// InitializeParameters returns the parameters of the two-layer network
// LINEAR -> RELU -> LINEAR -> SIGMOID, initialize_parameters in the notebook:
//
//	W1 = randn(nh, nx) · 0.01   (nh, nx)
//	b1 = zeros                  (nh, 1)
//	W2 = randn(ny, nh) · 0.01   (ny, nh)
//	b2 = zeros                  (ny, 1)
//
// drawn from rs in that order (the course seeds it with 1). It panics if a
// size is negative.
//
// Hint: W1 is randn(nh, nx)·0.01 and b1 is zeros of shape (nh, 1), then
// layer 2 likewise, W1 drawn before W2. rs.Randn draws, matrix.Scale
// scales, matrix.Zeros makes zeros (≈ 5 lines).
func InitializeParameters(rs *matrix.RandomState, nx, nh, ny int) Parameters {
	W1 := matrix.Scale(0.01, rs.Randn(nh, nx))
	b1 := matrix.Zeros(nh, 1)
	W2 := matrix.Scale(0.01, rs.Randn(ny, nh))
	b2 := matrix.Zeros(ny, 1)
	return Parameters{W: []*matrix.Dense{nil, W1, W2}, B: []*matrix.Dense{nil, b1, b2}}
}

// InitializeParametersDeep returns the parameters of an L-layer network,
// initialize_parameters_deep of the step-by-step assignment: for l = 1..L in
// order,
//
//	W[l] = randn(n[l], n[l-1]) · 0.01   (n[l], n[l-1])
//	b[l] = zeros                        (n[l], 1)
//
// layerDims is n[0], n[1], ..., n[L]; the course seeds rs with 3. It panics
// if a size is negative.
//
// Hint: for l = 1..L, W[l] is randn(n[l], n[l-1])·0.01 and b[l] is zeros of
// shape (n[l], 1), drawn in layer order. p.W and p.B need len(layerDims)
// entries, entry 0 unused; rs.Randn, matrix.Scale and matrix.Zeros do the
// rest (≈ 6 lines).
func InitializeParametersDeep(rs *matrix.RandomState, layerDims []int) Parameters {
	L := len(layerDims) // the notebook's L: the number of layers, the input layer included
	p := Parameters{W: make([]*matrix.Dense, L), B: make([]*matrix.Dense, L)}
	for l := 1; l < L; l++ {
		p.W[l] = matrix.Scale(0.01, rs.Randn(layerDims[l], layerDims[l-1]))
		p.B[l] = matrix.Zeros(layerDims[l], 1)
	}
	return p
}

// InitializeParametersDeepApp is initialize_parameters_deep as the
// application notebook has it: for l = 1..L in order,
//
//	W[l] = randn(n[l], n[l-1]) / √n[l-1]   (n[l], n[l-1])
//	b[l] = zeros                           (n[l], 1)
//
// Dividing by √n[l-1] keeps Z[l] of about unit size however wide the
// previous layer is, which lets the deep model learn where ·0.01 would leave
// it stuck. layerDims is n[0], n[1], ..., n[L]; the course seeds rs with 1.
// It panics if a size is negative.
//
// Hint: as InitializeParametersDeep, but W[l] is randn(n[l], n[l-1]) divided
// by √n[l-1]: math.Sqrt(float64(layerDims[l-1])), then matrix.Div by a
// matrix.Scalar (≈ 6 lines).
func InitializeParametersDeepApp(rs *matrix.RandomState, layerDims []int) Parameters {
	L := len(layerDims) // the notebook's L: the number of layers, the input layer included
	p := Parameters{W: make([]*matrix.Dense, L), B: make([]*matrix.Dense, L)}
	for l := 1; l < L; l++ {
		p.W[l] = matrix.Div(rs.Randn(layerDims[l], layerDims[l-1]), matrix.Scalar(math.Sqrt(float64(layerDims[l-1]))))
		p.B[l] = matrix.Zeros(layerDims[l], 1)
	}
	return p
}
