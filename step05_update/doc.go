// Package step05_update is step 5 of "Building your Deep Neural Network:
// Step by Step": one step of gradient descent, which moves every parameter a
// little against its gradient, the direction in which the cost falls
// fastest.
//
// Dimension key: L layers; n[l] units in layer l. For l = 1..L, with α the
// learning rate:
//
//	W[l] = W[l] - α·dW[l]     (n[l], n[l-1])
//	b[l] = b[l] - α·db[l]     (n[l], 1)
//
//	notebook                                              Go
//	update_parameters(parameters, grads, learning_rate)   UpdateParameters(p, grads, learningRate) Parameters
package step05_update
