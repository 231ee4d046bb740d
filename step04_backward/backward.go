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
// Z <= 0. dA and Z (from the activation cache) are (n[l], m); so is dZ.
//
// Hint: matrix.Binary("ReluBackward", dA, cache.Z, f) with f(da, z) = da if z > 0, else 0; about 6 lines.
func ReluBackward(dA *matrix.Dense, cache step02_forward.ActivationCache) *matrix.Dense {
	return matrix.Binary("ReluBackward", dA, cache.Z, func(da, z float64) float64 {
		if z > 0 {
			return da
		}
		return 0
	})
}

// SigmoidBackward returns dZ = dA * s * (1-s) with s = sigmoid(Z), since
// sigmoid'(z) = s(1-s). dA and Z (from the activation cache) are (n[l], m);
// so is dZ.
//
// Hint: s from step02_forward.Sigmoid(cache.Z), then matrix.Mul and matrix.Sub; 2 lines.
func SigmoidBackward(dA *matrix.Dense, cache step02_forward.ActivationCache) *matrix.Dense {
	s, _ := step02_forward.Sigmoid(cache.Z)
	return matrix.Mul(matrix.Mul(dA, s), matrix.Sub(matrix.Scalar(1), s))
}

// LinearBackward returns the gradients of the linear part Z = W·APrev + b:
//
//	dAPrev = Wᵀ·dZ             (n[l-1], m)
//	dW     = (1/m) dZ·APrevᵀ   (n[l], n[l-1])
//	db     = (1/m) row sums of dZ, kept as a column   (n[l], 1)
//
// dZ is (n[l], m); the cache holds APrev, W and b from LinearForward.
//
// Hint: m from cache.APrev.Dims(); matrix.DotTB(dZ, APrev), matrix.SumAxis(dZ, 1), matrix.DotTA(W, dZ); about 5 lines.
func LinearBackward(dZ *matrix.Dense, cache step02_forward.LinearCache) (dAPrev, dW, db *matrix.Dense) {
	dW, db = LinearBackwardParams(dZ, cache)
	return matrix.DotTA(cache.W, dZ), dW, db
}

// LinearBackwardParams returns dW and db of LinearBackward without dAPrev.
// The first layer's dA[0] is the gradient with respect to the input X,
// which training never uses: skipping it saves a third of the work of a
// training step.
func LinearBackwardParams(dZ *matrix.Dense, cache step02_forward.LinearCache) (dW, db *matrix.Dense) {
	_, m := cache.APrev.Dims()
	// (1/m)·(dZ·APrevᵀ) is ((1/m)·dZ)·APrevᵀ: scaling the (n[l], m) dZ costs
	// less than scaling the (n[l], n[l-1]) product.
	dW = matrix.DotTB(matrix.Scale(1/float64(m), dZ), cache.APrev)
	db = matrix.Scale(1/float64(m), matrix.SumAxis(dZ, 1))
	return dW, db
}

// activationBackward returns dZ for the layer's activation.
func activationBackward(dA *matrix.Dense, cache step02_forward.ActivationCache, activation step02_forward.Activation) *matrix.Dense {
	switch activation {
	case step02_forward.ReLU:
		return ReluBackward(dA, cache)
	case step02_forward.SigmoidActivation:
		return SigmoidBackward(dA, cache)
	}
	panic(fmt.Sprintf("step04_backward: unknown activation %q", activation))
}

// LinearActivationBackward returns the gradients of one LINEAR->ACTIVATION
// layer: dZ from the activation's backward, then LinearBackward. dA is
// (n[l], m); it returns dAPrev (n[l-1], m), dW (n[l], n[l-1]), db (n[l], 1).
// It panics for an unknown activation.
//
// Hint: dZ from ReluBackward or SigmoidBackward (a switch on activation), then LinearBackward; about 10 lines.
func LinearActivationBackward(dA *matrix.Dense, cache step02_forward.Cache, activation step02_forward.Activation) (dAPrev, dW, db *matrix.Dense) {
	dZ := activationBackward(dA, cache.Activation, activation)
	return LinearBackward(dZ, cache.Linear)
}

// LModelBackward returns the gradients of [LINEAR->RELU]×(L-1) ->
// LINEAR->SIGMOID, from AL (1, m), the labels Y (1, m) and the caches of
// LModelForward: the sigmoid layer L first, starting from
// dAL = -(Y/AL - (1-Y)/(1-AL)), then the ReLU layers L-1 down to 1.
// Layer l gives dA[l-1], dW[l] and db[l].
//
// Hint: dAL from the formula, then LinearActivationBackward for l = L (sigmoid) down to 1 (ReLU); about 15 lines.
func LModelBackward(AL, Y *matrix.Dense, caches []step02_forward.Cache) Grads {
	return lModelBackward(AL, Y, caches, true)
}

// LModelBackwardParams is LModelBackward without dA[0], which training never
// uses (see LinearBackwardParams); DA[0] is nil.
func LModelBackwardParams(AL, Y *matrix.Dense, caches []step02_forward.Cache) Grads {
	return lModelBackward(AL, Y, caches, false)
}

func lModelBackward(AL, Y *matrix.Dense, caches []step02_forward.Cache, withDA0 bool) Grads {
	L := len(caches)
	g := Grads{DA: make([]*matrix.Dense, L), DW: make([]*matrix.Dense, L+1), DB: make([]*matrix.Dense, L+1)}
	one := matrix.Scalar(1)
	dAL := matrix.Scale(-1, matrix.Sub(matrix.Div(Y, AL), matrix.Div(matrix.Sub(one, Y), matrix.Sub(one, AL))))
	dA := dAL
	for l := L; l >= 1; l-- {
		activation := step02_forward.ReLU
		if l == L {
			activation = step02_forward.SigmoidActivation
		}
		if l == 1 && !withDA0 {
			dZ := activationBackward(dA, caches[0].Activation, activation)
			g.DW[1], g.DB[1] = LinearBackwardParams(dZ, caches[0].Linear)
			break
		}
		g.DA[l-1], g.DW[l], g.DB[l] = LinearActivationBackward(dA, caches[l-1], activation)
		dA = g.DA[l-1]
	}
	return g
}
