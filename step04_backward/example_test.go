package step04_backward_test

import (
	"fmt"

	"dnn/internal/testutil"
	"dnn/matrix"
	"dnn/step01_init"
	"dnn/step02_forward"
	"dnn/step04_backward"
)

// The figures printed by this example and the next were checked with numpy
// (np.where(Z > 0, dA, 0) and dA*s*(1-s)).
func ExampleReluBackward() {
	defer testutil.PrintPanic("step04_backward")
	dA := matrix.FromRows([][]float64{{1, 2, 3}, {4, 5, 6}})
	Z := matrix.FromRows([][]float64{{-0.5, 0, 0.5}, {4, -4, 1e-9}})
	fmt.Println("dZ =", step04_backward.ReluBackward(dA, step02_forward.ActivationCache{Z: Z}))
	// Output:
	// dZ = [[0. 0. 3.]
	//  [4. 0. 6.]]
}

func ExampleSigmoidBackward() {
	defer testutil.PrintPanic("step04_backward")
	dA := matrix.FromRows([][]float64{{1, 2, 3}, {4, 5, 6}})
	Z := matrix.FromRows([][]float64{{-0.5, 0, 0.5}, {4, -4, 1e-9}})
	fmt.Println("dZ =", step04_backward.SigmoidBackward(dA, step02_forward.ActivationCache{Z: Z}))
	// Output:
	// dZ = [[0.23500371 0.5        0.70501114]
	//  [0.07065082 0.08831353 1.5       ]]
}

// The course's case: dZ of a layer of 3 units with 5 inputs, over 4
// examples, and its linear cache, drawn after seeding with 1.
func ExampleLinearBackward() {
	defer testutil.PrintPanic("step04_backward")
	rs := matrix.NewRandomState(1)
	dZ, APrev, W, b := rs.Randn(3, 4), rs.Randn(5, 4), rs.Randn(3, 5), rs.Randn(3, 1)
	dAPrev, dW, db := step04_backward.LinearBackward(dZ, step02_forward.LinearCache{APrev: APrev, W: W, B: b})
	fmt.Println("dA_prev =", dAPrev)
	fmt.Println("dW =", dW)
	fmt.Println("db =", db)
	// Output:
	// dA_prev = [[-1.15171336  0.06718465 -0.3204696   2.09812712]
	//  [ 0.60345879 -3.72508701  5.81700741 -3.84326836]
	//  [-0.4319552  -1.30987417  1.72354705  0.05070578]
	//  [-0.38981415  0.60811244 -1.25938424  1.47191593]
	//  [-2.52214926  2.67882552 -0.67947465  1.48119548]]
	// dW = [[ 0.07313866 -0.0976715  -0.87585828  0.73763362  0.00785716]
	//  [ 0.85508818  0.37530413 -0.59912655  0.71278189 -0.58931808]
	//  [ 0.97913304 -0.24376494 -0.08839671  0.55151192 -0.10290907]]
	// db = [[-0.14713786]
	//  [-0.11313155]
	//  [-0.13209101]]
}

// Backward propagation after a forward pass: a network of 3 inputs, 2 ReLU
// units and one sigmoid unit, on 4 examples. The figures printed were
// checked with numpy, running the course's algorithm on the same draws.
func ExampleLModelBackward() {
	defer testutil.PrintPanic("step04_backward")
	rs := matrix.NewRandomState(1)
	X := rs.Randn(3, 4)
	p := step01_init.Parameters{W: make([]*matrix.Dense, 3), B: make([]*matrix.Dense, 3)}
	p.W[1], p.B[1] = rs.Randn(2, 3), rs.Randn(2, 1)
	p.W[2], p.B[2] = rs.Randn(1, 2), rs.Randn(1, 1)
	Y := matrix.FromRows([][]float64{{1, 0, 1, 0}})
	AL, caches := step02_forward.LModelForward(X, p)
	grads := step04_backward.LModelBackward(AL, Y, caches)
	fmt.Println("dW1 =", grads.DW[1])
	fmt.Println("db1 =", grads.DB[1])
	fmt.Println("dW2 =", grads.DW[2])
	fmt.Println("db2 =", grads.DB[2])
	// Output:
	// dW1 = [[ 0.06258877  0.85497321  0.30396671]
	//  [-0.46156343 -0.80455886 -0.64984797]]
	// db1 = [[-0.07962894]
	//  [ 0.53998911]]
	// dW2 = [[0.00660461 1.33795308]]
	// db2 = [[0.24871268]]
}
