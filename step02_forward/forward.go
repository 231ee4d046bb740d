package step02_forward

import (
	"fmt"
	"math"

	"dnn/matrix"
	"dnn/step01_init"
)

// LinearCache holds the inputs of LinearForward, which LinearBackward needs:
// the notebook's linear_cache (A, W, b).
type LinearCache struct {
	APrev *matrix.Dense // A[l-1], (n[l-1], m)
	W     *matrix.Dense // W[l], (n[l], n[l-1])
	B     *matrix.Dense // b[l], (n[l], 1)
}

// ActivationCache holds the input of an activation, which its backward
// needs: the notebook's activation_cache Z.
type ActivationCache struct {
	Z *matrix.Dense // Z[l], (n[l], m)
}

// Cache is everything one layer's forward pass leaves for its backward
// pass: the notebook's cache = (linear_cache, activation_cache).
type Cache struct {
	Linear     LinearCache
	Activation ActivationCache
}

// Activation names a layer's non-linearity g, the notebook's activation
// string.
type Activation string

// The two activations of the course, activation = "relu" and "sigmoid" in
// the notebook.
const (
	ReluActivation    Activation = "relu"
	SigmoidActivation Activation = "sigmoid"
)

// Sigmoid returns A = 1 / (1 + exp(-Z)) element by element, and Z as the
// activation cache. Z and A are (n[l], m).
//
// Hint: A = 1/(1+e^(-Z)) element by element: matrix.Apply runs a
// func(z float64) float64 on every element, math.Exp is e^z; the cache
// holds Z (≈ 2 lines).
func Sigmoid(Z *matrix.Dense) (*matrix.Dense, ActivationCache) {
	A := matrix.Apply(Z, func(z float64) float64 { return 1 / (1 + math.Exp(-z)) })
	cache := ActivationCache{Z: Z}
	return A, cache
}

// Relu returns A = max(0, Z) element by element, and Z as the activation
// cache. Z and A are (n[l], m).
//
// Hint: A = max(0, Z) element by element: matrix.Maximum takes the larger
// of each element and a number; the cache holds Z (≈ 2 lines).
func Relu(Z *matrix.Dense) (*matrix.Dense, ActivationCache) {
	A := matrix.Maximum(Z, 0)
	cache := ActivationCache{Z: Z}
	return A, cache
}

// LinearForward returns Z = W·A + b and the linear cache (A, W, b).
// A is (n[l-1], m), W is (n[l], n[l-1]), b is (n[l], 1) and is added to
// each of the m columns; Z is (n[l], m). It panics if the shapes do not fit
// together.
//
// Hint: Z = W·A + b, with b added to every column: matrix.Dot is the
// matrix product, matrix.Add adds with numpy's broadcasting; the cache
// holds A, W and b (≈ 2 lines).
func LinearForward(A, W, b *matrix.Dense) (*matrix.Dense, LinearCache) {
	Z := matrix.Add(matrix.Dot(W, A), b)
	cache := LinearCache{APrev: A, W: W, B: b}
	return Z, cache
}

// LinearActivationForward returns A = g(W·APrev + b) for g the activation,
// and the layer's cache (linear cache, activation cache). APrev is
// (n[l-1], m), W is (n[l], n[l-1]), b is (n[l], 1); A is (n[l], m). It
// panics for an activation other than ReluActivation and
// SigmoidActivation.
//
// Hint: the notebook's if/elif becomes a switch on activation: in each
// case LinearForward gives Z, then Sigmoid or Relu gives A; any other
// activation panics. The cache pairs the linear and the activation cache
// (≈ 14 lines).
func LinearActivationForward(APrev, W, b *matrix.Dense, activation Activation) (*matrix.Dense, Cache) {
	var Z, A *matrix.Dense
	var linearCache LinearCache
	var activationCache ActivationCache
	switch activation {
	case SigmoidActivation:
		Z, linearCache = LinearForward(APrev, W, b)
		A, activationCache = Sigmoid(Z)
	case ReluActivation:
		Z, linearCache = LinearForward(APrev, W, b)
		A, activationCache = Relu(Z)
	default:
		panic(fmt.Sprintf("step02_forward: LinearActivationForward: unknown activation %q (want %q or %q)", activation, ReluActivation, SigmoidActivation))
	}
	cache := Cache{Linear: linearCache, Activation: activationCache}
	return A, cache
}

// LModelForward runs [LINEAR -> RELU] × (L-1) -> LINEAR -> SIGMOID on X and
// returns AL = A[L] and the L caches in layer order (caches[l-1] is layer
// l's). X is (n[0], m); AL is (n[L], m), (1, m) for the course's binary
// classifier.
//
// Hint: A starts as X; layers 1..L-1 are ReLU layers and layer L the
// sigmoid one, each through LinearActivationForward with p.W[l] and
// p.B[l]; append every layer's cache. p.L() is L (≈ 10 lines).
func LModelForward(X *matrix.Dense, p step01_init.Parameters) (*matrix.Dense, []Cache) {
	var caches []Cache
	A := X
	L := p.L()
	for l := 1; l < L; l++ {
		APrev := A
		var cache Cache
		A, cache = LinearActivationForward(APrev, p.W[l], p.B[l], ReluActivation)
		caches = append(caches, cache)
	}
	AL, cache := LinearActivationForward(A, p.W[L], p.B[L], SigmoidActivation)
	caches = append(caches, cache)
	return AL, caches
}
