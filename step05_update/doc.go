// Package step05_update is step 5 of "Building your Deep Neural Network:
// Step by Step": one step of gradient descent, which moves every parameter a
// little against its gradient:
//
//	W[l] = W[l] - α·dW[l]     (n[l], n[l-1])
//	b[l] = b[l] - α·db[l]     (n[l], 1)
//
// for l = 1..L, with α the learning rate.
//
//	notebook                                              Go
//	update_parameters(parameters, grads, learning_rate)   UpdateParameters(p, grads, learningRate)
package step05_update
