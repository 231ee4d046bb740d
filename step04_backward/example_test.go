package step04_backward_test

import (
	"fmt"

	"dnn/internal/testutil"
	"dnn/matrix"
	"dnn/step02_forward"
	"dnn/step04_backward"
)

// The case relu_backward of testdata/course/generate.py: where Z <= 0 the
// gradient stops.
func ExampleReluBackward() {
	defer testutil.PrintPanic("step04_backward")
	dA := matrix.FromRows([][]float64{{1, 2, 3}, {4, 5, 6}})
	Z := matrix.FromRows([][]float64{{-0.5, 0, 0.5}, {4, -4, 1e-9}})
	fmt.Println("dZ =", step04_backward.ReluBackward(dA, step02_forward.ActivationCache{Z: Z}))
	// Output:
	// dZ = [[0. 0. 3.]
	//  [4. 0. 6.]]
}

// The case sigmoid_backward of testdata/course/generate.py, on the same dA
// and Z.
func ExampleSigmoidBackward() {
	defer testutil.PrintPanic("step04_backward")
	dA := matrix.FromRows([][]float64{{1, 2, 3}, {4, 5, 6}})
	Z := matrix.FromRows([][]float64{{-0.5, 0, 0.5}, {4, -4, 1e-9}})
	fmt.Println("dZ =", step04_backward.SigmoidBackward(dA, step02_forward.ActivationCache{Z: Z}))
	// Output:
	// dZ = [[0.23500371 0.5        0.70501114]
	//  [0.07065082 0.08831353 1.5       ]]
}

// The course's case linear_backward (testdata/course/cases.json): dZ of a
// layer of 3 units with 5 inputs, over 4 examples, and its linear cache,
// drawn after seeding with 1.
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

// The course's case linear_activation_backward (testdata/course/cases.json):
// one unit with 3 inputs over 2 examples, dA and the cache drawn after
// seeding with 2, run with each activation.
func ExampleLinearActivationBackward() {
	defer testutil.PrintPanic("step04_backward")
	rs := matrix.NewRandomState(2)
	dA, APrev, W, b, Z := rs.Randn(1, 2), rs.Randn(3, 2), rs.Randn(1, 3), rs.Randn(1, 1), rs.Randn(1, 2)
	cache := step02_forward.Cache{
		Linear:     step02_forward.LinearCache{APrev: APrev, W: W, B: b},
		Activation: step02_forward.ActivationCache{Z: Z},
	}
	for _, activation := range []step02_forward.Activation{step02_forward.SigmoidActivation, step02_forward.ReluActivation} {
		dAPrev, dW, db := step04_backward.LinearActivationBackward(dA, cache, activation)
		fmt.Printf("%s:\n", activation)
		fmt.Println("dA_prev =", dAPrev)
		fmt.Println("dW =", dW)
		fmt.Println("db =", db)
	}
	// Output:
	// sigmoid:
	// dA_prev = [[ 0.11017994  0.01105339]
	//  [ 0.09466817  0.00949723]
	//  [-0.05743092 -0.00576154]]
	// dW = [[ 0.10266786  0.09778551 -0.01968084]]
	// db = [[-0.05729622]]
	// relu:
	// dA_prev = [[ 0.44090989  0.        ]
	//  [ 0.37883606  0.        ]
	//  [-0.2298228   0.        ]]
	// dW = [[ 0.44513824  0.37371418 -0.10478989]]
	// db = [[-0.20837892]]
}

// The course's case L_model_backward (testdata/course/cases.json): AL and
// the caches of two layers (A_prev, W, b, then Z) drawn after seeding with
// 3, not computed by a forward pass; Y = [[1, 0]].
func ExampleLModelBackward() {
	defer testutil.PrintPanic("step04_backward")
	rs := matrix.NewRandomState(3)
	AL := rs.Randn(1, 2)
	Y := matrix.FromRows([][]float64{{1, 0}})
	layer := func(n, nPrev int) step02_forward.Cache {
		APrev, W, b := rs.Randn(nPrev, 2), rs.Randn(n, nPrev), rs.Randn(n, 1)
		return step02_forward.Cache{
			Linear:     step02_forward.LinearCache{APrev: APrev, W: W, B: b},
			Activation: step02_forward.ActivationCache{Z: rs.Randn(n, 2)},
		}
	}
	caches := []step02_forward.Cache{layer(3, 4), layer(1, 3)}
	grads := step04_backward.LModelBackward(AL, Y, caches)
	fmt.Println("dW1 =", grads.DW[1])
	fmt.Println("db1 =", grads.DB[1])
	fmt.Println("dA1 =", grads.DA[1])
	// Output:
	// dW1 = [[0.41010002 0.07807203 0.13798444 0.10502167]
	//  [0.         0.         0.         0.        ]
	//  [0.05283652 0.01005865 0.01777766 0.0135308 ]]
	// db1 = [[-0.22007063]
	//  [ 0.        ]
	//  [-0.02835349]]
	// dA1 = [[ 0.12913162 -0.44014127]
	//  [-0.14175655  0.48317296]
	//  [ 0.01663708 -0.05670698]]
}
