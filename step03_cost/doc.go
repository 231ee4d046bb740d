// Package step03_cost is step 3 of "Building your Deep Neural Network: Step
// by Step": the cross-entropy cost, which tells how wrong the predictions AL
// are for the true labels Y, and which gradient descent makes smaller.
//
// Dimension key: m examples; AL and Y are (1, m), one column per example.
//
//	J = -(1/m) Σ_i ( y(i)·log a[L](i) + (1 - y(i))·log(1 - a[L](i)) )
//
// J is 0 for perfect predictions and grows without bound as a prediction
// nears the wrong label.
//
//	notebook                Go
//	compute_cost(AL, Y)     ComputeCost(AL, Y) float64
package step03_cost
