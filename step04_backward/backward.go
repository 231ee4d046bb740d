package step04_backward

import (
	"fmt"

	"dnn/matrix"
	"dnn/step02_forward"
)

// Grads holds the gradients of an L-layer network, the notebook's grads
// dictionary. DA has L entries, DW and DB have L+1 with entry 0 unused, so
// that each index is the course's layer number.
type Grads struct {
	DA []*matrix.Dense // DA[l] is dA[l], (n[l], m), for l = 0..L-1
	DW []*matrix.Dense // DW[l] is dW[l], (n[l], n[l-1]), for l = 1..L
	DB []*matrix.Dense // DB[l] is db[l], (n[l], 1), for l = 1..L
}

// ReluBackward returns dZ = dA * relu'(Z): dA where Z > 0, and 0 where
// Z <= 0. dA and Z (the activation cache) are (n[l], m); so is dZ. It does
// not modify dA. It panics if dA and Z differ in shape.
//
// Hint: dZ starts as a copy of dA (Clone) and is set to 0 wherever
// Z <= 0: loop over the rows and columns of Z with At and Set. dA itself
// must not change (≈ 9 lines).
func ReluBackward(dA *matrix.Dense, cache step02_forward.ActivationCache) *matrix.Dense {
	Z := cache.Z
	dZ := dA.Clone()
	if dZ.Shape() != Z.Shape() { // the notebook's assert (dZ.shape == Z.shape)
		panic(fmt.Sprintf("step04_backward: ReluBackward: dA %s and Z %s differ in shape", dA.Shape(), Z.Shape()))
	}
	rows, cols := Z.Dims()
	for i := 0; i < rows; i++ {
		for j := 0; j < cols; j++ {
			if Z.At(i, j) <= 0 {
				dZ.Set(i, j, 0)
			}
		}
	}
	return dZ
}

// SigmoidBackward returns dZ = dA * s * (1-s) with s = sigmoid(Z), since
// sigmoid'(z) = s(1-s). dA and Z (the activation cache) are (n[l], m); so
// is dZ. It panics, naming the shapes, if dA and Z do not broadcast
// together.
//
// Hint: dZ = dA·s·(1-s) element by element, with s = sigmoid(Z):
// step02_forward.Sigmoid gives s; matrix.Mul multiplies element by element,
// matrix.Sub with matrix.Scalar(1) gives 1-s (≈ 2 lines).
func SigmoidBackward(dA *matrix.Dense, cache step02_forward.ActivationCache) *matrix.Dense {
	Z := cache.Z
	s, _ := step02_forward.Sigmoid(Z)
	dZ := matrix.Mul(matrix.Mul(dA, s), matrix.Sub(matrix.Scalar(1), s))
	return dZ
}

// LinearBackward returns the gradients of the linear part Z = W·APrev + b:
//
//	dW     = (1/m) dZ·APrevᵀ                         (n[l], n[l-1])
//	db     = (1/m) row sums of dZ, kept as a column   (n[l], 1)
//	dAPrev = Wᵀ·dZ                                   (n[l-1], m)
//
// dZ is (n[l], m); the cache holds APrev (n[l-1], m), W (n[l], n[l-1]) and
// b (n[l], 1) from LinearForward. It panics, naming the shapes, if they do
// not fit together.
//
// Hint: dW = (1/m)·dZ·A_prevᵀ, db = (1/m)·(the sum of each row of dZ, kept
// as a column), dA_prev = Wᵀ·dZ, with m the number of columns of A_prev.
// matrix.Dot multiplies, .T() transposes, matrix.SumAxis sums along an
// axis, matrix.Scale multiplies by a number (≈ 5 lines).
func LinearBackward(dZ *matrix.Dense, cache step02_forward.LinearCache) (dAPrev, dW, db *matrix.Dense) {
	APrev, W := cache.APrev, cache.W
	_, m := APrev.Dims()
	dW = matrix.Scale(1/float64(m), matrix.Dot(dZ, APrev.T()))
	db = matrix.Scale(1/float64(m), matrix.SumAxis(dZ, 1))
	dAPrev = matrix.Dot(W.T(), dZ)
	return dAPrev, dW, db
}

// LinearActivationBackward returns the gradients of one LINEAR->ACTIVATION
// layer: dZ from the activation's backward, then LinearBackward. dA is
// (n[l], m); it returns dAPrev (n[l-1], m), dW (n[l], n[l-1]) and db
// (n[l], 1). It panics for an activation other than
// step02_forward.ReluActivation and step02_forward.SigmoidActivation.
//
// Hint: the notebook's if/elif becomes a switch on activation: in each case
// ReluBackward or SigmoidBackward turns dA into dZ with cache.Activation,
// then LinearBackward with cache.Linear gives the three gradients; any
// other activation panics (≈ 10 lines).
func LinearActivationBackward(dA *matrix.Dense, cache step02_forward.Cache, activation step02_forward.Activation) (dAPrev, dW, db *matrix.Dense) {
	linearCache, activationCache := cache.Linear, cache.Activation
	switch activation {
	case step02_forward.ReluActivation:
		dZ := ReluBackward(dA, activationCache)
		dAPrev, dW, db = LinearBackward(dZ, linearCache)
	case step02_forward.SigmoidActivation:
		dZ := SigmoidBackward(dA, activationCache)
		dAPrev, dW, db = LinearBackward(dZ, linearCache)
	default:
		panic(fmt.Sprintf("step04_backward: LinearActivationBackward: unknown activation %q (want %q or %q)",
			activation, step02_forward.ReluActivation, step02_forward.SigmoidActivation))
	}
	return dAPrev, dW, db
}

// LModelBackward returns the gradients of [LINEAR->RELU]×(L-1) ->
// LINEAR->SIGMOID, from AL (1, m), the labels Y (1, m) and the L caches of
// LModelForward. It starts from the derivative of the cost with respect to
// AL,
//
//	dAL = -(Y/AL - (1-Y)/(1-AL))   (1, m)
//
// goes back through the sigmoid layer L, then the ReLU layers L-1 down
// to 1. Layer l gives dA[l-1], dW[l] and db[l]; every gradient has the shape
// of what it is the gradient of.
//
// Hint: dAL = -(Y/AL - (1-Y)/(1-AL)) element by element (matrix.Div,
// matrix.Sub, matrix.Scale by -1, matrix.Scalar(1) for the 1). Layer L is
// the sigmoid one: LinearActivationBackward of dAL and caches[L-1] gives
// DA[L-1], DW[L], DB[L]. Then for l = L-1 down to 1, a ReLU layer takes
// DA[l] and caches[l-1]. L is len(caches); DA has L entries, DW and DB
// have L+1 (≈ 10 lines).
func LModelBackward(AL, Y *matrix.Dense, caches []step02_forward.Cache) Grads {
	L := len(caches)
	grads := Grads{DA: make([]*matrix.Dense, L), DW: make([]*matrix.Dense, L+1), DB: make([]*matrix.Dense, L+1)}
	one := matrix.Scalar(1)
	dAL := matrix.Scale(-1, matrix.Sub(matrix.Div(Y, AL), matrix.Div(matrix.Sub(one, Y), matrix.Sub(one, AL))))

	currentCache := caches[L-1]
	grads.DA[L-1], grads.DW[L], grads.DB[L] = LinearActivationBackward(dAL, currentCache, step02_forward.SigmoidActivation)

	for l := L - 2; l >= 0; l-- {
		currentCache = caches[l]
		grads.DA[l], grads.DW[l+1], grads.DB[l+1] = LinearActivationBackward(grads.DA[l+1], currentCache, step02_forward.ReluActivation)
	}
	return grads
}
