package step03_cost

import "dnn/matrix"

// ComputeCost returns the cross-entropy cost of the predictions AL for the
// labels Y, both (1, m):
//
//	J = -(1/m) · Σ ( Y·log(AL) + (1-Y)·log(1-AL) )
//
// with the products taken element by element. It panics, naming the
// shapes, if AL and Y do not broadcast together.
//
// Hint: J = -(1/m)·Σ(Y·log(AL) + (1-Y)·log(1-AL)), element by element:
// matrix.Log, matrix.Mul, matrix.Sub, matrix.Add, with matrix.Scalar(1)
// for the 1; matrix.Sum adds up every element; m is Y's number of columns
// (≈ 3 lines).
func ComputeCost(AL, Y *matrix.Dense) float64 {
	_, m := Y.Dims()
	one := matrix.Scalar(1)
	cost := (-1 / float64(m)) * matrix.Sum(matrix.Add(
		matrix.Mul(Y, matrix.Log(AL)),
		matrix.Mul(matrix.Sub(one, Y), matrix.Log(matrix.Sub(one, AL))),
	))
	return cost
}
