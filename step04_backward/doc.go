// Package step04_backward is step 4 of "Building your Deep Neural Network:
// Step by Step": backward propagation, which computes the gradient of the
// cost with respect to every parameter by the chain rule, layer by layer
// from the output back to the input.
//
// Dimension key: L layers; n[l] units in layer l; m examples. Every
// gradient has the shape of what it is the gradient of: dZ[l] and dA[l] are
// (n[l], m), dW[l] is (n[l], n[l-1]), db[l] is (n[l], 1).
//
// Each layer, given dA[l], runs its forward in reverse:
//
//	dZ[l]   = dA[l] * g'(Z[l])            (element by element)
//	dW[l]   = (1/m) dZ[l]·A[l-1]ᵀ
//	db[l]   = (1/m) Σ over the m columns of dZ[l]
//	dA[l-1] = W[l]ᵀ·dZ[l]
//
// with relu'(z) = 1 for z > 0 and 0 for z <= 0, and sigmoid'(z) = s(1-s)
// for s = sigmoid(z). The output layer starts from the derivative of the
// cost with respect to AL:
//
//	dAL = -(Y/AL - (1-Y)/(1-AL))
//
//	notebook                                              Go
//	relu_backward(dA, cache) -> dZ                        ReluBackward(dA, cache) dZ
//	sigmoid_backward(dA, cache) -> dZ                     SigmoidBackward(dA, cache) dZ
//	linear_backward(dZ, cache) -> dA_prev, dW, db         LinearBackward(dZ, cache) (dAPrev, dW, db)
//	linear_activation_backward(dA, cache, activation)     LinearActivationBackward(dA, cache, activation) (dAPrev, dW, db)
//	L_model_backward(AL, Y, caches) -> grads              LModelBackward(AL, Y, caches) Grads
//	grads (dictionary)                                    Grads
//	grads["dA" + str(l)]                                  grads.DA[l]   (l = 0..L-1)
//	grads["dW" + str(l)], grads["db" + str(l)]            grads.DW[l], grads.DB[l]   (l = 1..L)
package step04_backward
