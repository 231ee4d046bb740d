package step01_init

import (
	"fmt"
	"math"

	"dnn/matrix"
)

// Parameters holds the weights and biases of an L-layer network. The slices
// have L+1 entries and entry 0 is unused (nil), so that p.W[l] is the
// course's W[l] for l = 1..L.
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
//	W1 = randn(nh, nx) * 0.01   (nh, nx)
//	b1 = zeros                  (nh, 1)
//	W2 = randn(ny, nh) * 0.01   (ny, nh)
//	b2 = zeros                  (ny, 1)
//
// drawn from rs in that order (the course seeds it with 1).
//
// Hint: W1 = matrix.Scale(0.01, rs.Randn(nh, nx)), then W2 likewise; biases are matrix.Zeros; about 6 lines.
func InitializeParameters(rs *matrix.RandomState, nx, nh, ny int) Parameters {
	return initialize(rs, []int{nx, nh, ny}, times001)
}

// InitializeParametersDeep returns the parameters of an L-layer network,
// initialize_parameters_deep of the step-by-step assignment: for l = 1..L in
// order, W[l] = randn(n[l], n[l-1]) * 0.01 and b[l] = zeros((n[l], 1)).
// layerDims is n[0], n[1], ..., n[L]; the course seeds rs with 3.
//
// Hint: make L+1 slices, then for l = 1..L draw W[l] (×0.01) and set b[l] to zeros; about 8 lines.
func InitializeParametersDeep(rs *matrix.RandomState, layerDims []int) Parameters {
	return initialize(rs, layerDims, times001)
}

// InitializeParametersDeepApp is initialize_parameters_deep as the
// application notebook has it: W[l] = randn(n[l], n[l-1]) / sqrt(n[l-1]),
// b[l] = zeros((n[l], 1)). Dividing by sqrt(n[l-1]) keeps Z[l] of about unit
// size however wide the previous layer is, which lets the deep model learn
// where ×0.01 would leave it stuck. The course seeds rs with 1.
//
// Hint: as InitializeParametersDeep, dividing by matrix.Scalar(math.Sqrt(n[l-1])) instead; about 8 lines.
func InitializeParametersDeepApp(rs *matrix.RandomState, layerDims []int) Parameters {
	return initialize(rs, layerDims, func(W *matrix.Dense, nPrev int) *matrix.Dense {
		return matrix.Div(W, matrix.Scalar(math.Sqrt(float64(nPrev))))
	})
}

func times001(W *matrix.Dense, _ int) *matrix.Dense { return matrix.Scale(0.01, W) }

// initialize draws W[l] = scale(randn(n[l], n[l-1]), n[l-1]) for l = 1..L. It
// panics if fewer than two layer sizes are given or a size is not positive.
func initialize(rs *matrix.RandomState, dims []int, scale func(W *matrix.Dense, nPrev int) *matrix.Dense) Parameters {
	if len(dims) < 2 {
		panic(fmt.Sprintf("step01_init: need at least 2 layer sizes (input and output), got %v", dims))
	}
	for _, n := range dims {
		if n <= 0 {
			panic(fmt.Sprintf("step01_init: layer sizes must be positive, got %v", dims))
		}
	}
	L := len(dims) - 1
	p := Parameters{W: make([]*matrix.Dense, L+1), B: make([]*matrix.Dense, L+1)}
	for l := 1; l <= L; l++ {
		p.W[l] = scale(rs.Randn(dims[l], dims[l-1]), dims[l-1])
		p.B[l] = matrix.Zeros(dims[l], 1)
	}
	return p
}
