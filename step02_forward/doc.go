// Package step02_forward is step 2 of "Building your Deep Neural Network:
// Step by Step": forward propagation.
//
// Dimension key: L layers; n[l] units in layer l, n[0] the input size; m
// examples, one per column. A[0] = X is (n[0], m).
//
// Each layer computes
//
//	Z[l] = W[l]·A[l-1] + b[l]   (n[l], m); b[l] (n[l], 1) is added to each of the m columns
//	A[l] = g(Z[l])              (n[l], m)
//
// with g = ReLU for layers 1..L-1 and g = sigmoid for layer L:
//
//	relu(z)    = max(0, z)
//	sigmoid(z) = 1 / (1 + e^(-z))
//
// so A[L] (AL) holds, per example, the probability of the class 1 ("cat").
//
// Forward propagation also keeps, per layer, what backward propagation will
// need: the linear cache (A[l-1], W[l], b[l]) and the activation cache
// (Z[l]).
//
//	notebook                                                  Go
//	sigmoid(Z) -> A, cache                                    Sigmoid(Z) (A, ActivationCache)
//	relu(Z) -> A, cache                                       Relu(Z) (A, ActivationCache)
//	linear_forward(A, W, b) -> Z, cache                       LinearForward(A, W, b) (Z, LinearCache)
//	linear_activation_forward(A_prev, W, b, activation)       LinearActivationForward(APrev, W, b, activation) (A, Cache)
//	L_model_forward(X, parameters) -> AL, caches              LModelForward(X, p) (AL, []Cache)
//	activation = "relu" / "sigmoid"                           ReluActivation / SigmoidActivation (type Activation)
//	linear_cache = (A, W, b)                                  LinearCache{APrev, W, B}
//	activation_cache = Z                                      ActivationCache{Z}
//	cache = (linear_cache, activation_cache)                  Cache{Linear, Activation}
package step02_forward
