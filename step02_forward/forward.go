package step02_forward

import (
	"fmt"
	"math"

	"dnn/matrix"
	"dnn/step01_init"
)

// LinearCache holds the inputs of LinearForward, which LinearBackward needs.
type LinearCache struct {
	APrev *matrix.Dense // A[l-1], (n[l-1], m)
	W     *matrix.Dense // W[l], (n[l], n[l-1])
	B     *matrix.Dense // b[l], (n[l], 1)
}

// ActivationCache holds the input of an activation, which its backward needs.
type ActivationCache struct {
	Z *matrix.Dense // Z[l], (n[l], m)
}

// Cache is everything one layer's forward pass leaves for its backward pass.
type Cache struct {
	Linear     LinearCache
	Activation ActivationCache
}

// Activation names a layer's non-linearity g, the notebook's activation string.
type Activation string

// The two activations of the course.
const (
	ReLU              Activation = "relu"
	SigmoidActivation Activation = "sigmoid"
	ReluActivation               = ReLU
)

// Sigmoid returns A = 1 / (1 + exp(-Z)) element by element, and Z as the
// activation cache. Z and A are (n[l], m).
//
// Hint: matrix.Apply(Z, f) with f(z) = 1 / (1 + math.Exp(-z)); 2 lines.
func Sigmoid(Z *matrix.Dense) (*matrix.Dense, ActivationCache) {
	A := matrix.Apply(Z, func(z float64) float64 { return 1 / (1 + math.Exp(-z)) })
	return A, ActivationCache{Z: Z}
}

// Relu returns A = max(0, Z) element by element, and Z as the activation
// cache. Z and A are (n[l], m).
//
// Hint: matrix.Maximum(Z, 0) is max(0, Z); 1 line.
func Relu(Z *matrix.Dense) (*matrix.Dense, ActivationCache) {
	return matrix.Maximum(Z, 0), ActivationCache{Z: Z}
}

// LinearForward returns Z = W·A + b and the linear cache (A, W, b).
// A is (n[l-1], m), W is (n[l], n[l-1]), b is (n[l], 1); Z is (n[l], m).
// It panics if the shapes do not fit together.
//
// Hint: Z = matrix.Add(matrix.Dot(W, A), b), which broadcasts b over the columns; 2 lines.
func LinearForward(A, W, b *matrix.Dense) (*matrix.Dense, LinearCache) {
	Z := matrix.Add(matrix.Dot(W, A), b)
	return Z, LinearCache{APrev: A, W: W, B: b}
}

// LinearActivationForward returns A = g(W·APrev + b) for g = activation, and
// the layer's cache. APrev is (n[l-1], m), W is (n[l], n[l-1]), b is
// (n[l], 1); A is (n[l], m). It panics for an unknown activation.
//
// Hint: LinearForward, then Sigmoid or Relu chosen by a switch on activation; about 12 lines.
func LinearActivationForward(APrev, W, b *matrix.Dense, activation Activation) (*matrix.Dense, Cache) {
	Z, linearCache := LinearForward(APrev, W, b)
	var A *matrix.Dense
	var activationCache ActivationCache
	switch activation {
	case SigmoidActivation:
		A, activationCache = Sigmoid(Z)
	case ReLU:
		A, activationCache = Relu(Z)
	default:
		panic(fmt.Sprintf("step02_forward: LinearActivationForward: unknown activation %q", activation))
	}
	return A, Cache{Linear: linearCache, Activation: activationCache}
}

// LModelForward runs [LINEAR -> RELU] × (L-1) -> LINEAR -> SIGMOID on X and
// returns AL = A[L] and the L caches in layer order (caches[l-1] is layer
// l's). X is (n[0], m); AL is (1, m) for the course's binary classifier.
//
// Hint: A = X; LinearActivationForward with ReLU for l = 1..L-1, then with sigmoid for L; about 12 lines.
func LModelForward(X *matrix.Dense, p step01_init.Parameters) (*matrix.Dense, []Cache) {
	L := p.L()
	caches := make([]Cache, 0, L)
	A := X
	for l := 1; l < L; l++ {
		var cache Cache
		A, cache = LinearActivationForward(A, p.W[l], p.B[l], ReLU)
		caches = append(caches, cache)
	}
	AL, cache := LinearActivationForward(A, p.W[L], p.B[L], SigmoidActivation)
	caches = append(caches, cache)
	return AL, caches
}
