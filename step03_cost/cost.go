package step03_cost

import (
	"fmt"

	"dnn/matrix"
)

// ComputeCost returns the cross-entropy cost of the predictions AL for the
// labels Y, both (1, m):
//
//	J = -(1/m) · sum( Y·log(AL) + (1-Y)·log(1-AL) )
//
// It panics if AL and Y differ in shape or are not a single row.
//
// Hint: check the shapes, then -matrix.Sum(...)/m with matrix.Mul, Sub, Log, Add; about 10 lines.
func ComputeCost(AL, Y *matrix.Dense) float64 {
	r, m := Y.Dims()
	if ar, am := AL.Dims(); r != 1 || ar != 1 || am != m {
		panic(fmt.Sprintf("step03_cost: ComputeCost: AL %s and Y %s must both be (1, m)", AL.Shape(), Y.Shape()))
	}
	one := matrix.Scalar(1)
	logprobs := matrix.Add(
		matrix.Mul(Y, matrix.Log(AL)),
		matrix.Mul(matrix.Sub(one, Y), matrix.Log(matrix.Sub(one, AL))),
	)
	return -matrix.Sum(logprobs) / float64(m)
}
