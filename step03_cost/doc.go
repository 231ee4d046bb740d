// Package step03_cost is step 3 of "Building your Deep Neural Network: Step
// by Step": the cross-entropy cost, which tells how wrong the predictions AL
// are for the true labels Y, and which gradient descent makes smaller.
//
//	J = -(1/m) Σ_i ( y(i)·log a[L](i) + (1 - y(i))·log(1 - a[L](i)) )
//
// AL and Y are (1, m); m is the number of examples.
//
//	notebook                Go
//	compute_cost(AL, Y)     ComputeCost(AL, Y)
package step03_cost
