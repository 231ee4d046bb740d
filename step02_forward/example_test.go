package step02_forward_test

import (
	"fmt"

	"dnn/internal/testutil"
	"dnn/matrix"
	"dnn/step01_init"
	"dnn/step02_forward"
)

// The case sigmoid of testdata/course/generate.py: Z with negative, zero
// and positive values.
func ExampleSigmoid() {
	defer testutil.PrintPanic("step02_forward")
	Z := matrix.FromRows([][]float64{{-2, 0, 2}, {-4, 0.5, 4}})
	A, cache := step02_forward.Sigmoid(Z)
	fmt.Println("A =", A)
	fmt.Println("cache.Z is Z:", cache.Z == Z)
	// Output:
	// A = [[0.11920292 0.5        0.88079708]
	//  [0.01798621 0.62245933 0.98201379]]
	// cache.Z is Z: true
}

// The case relu of testdata/course/generate.py, on the same Z.
func ExampleRelu() {
	defer testutil.PrintPanic("step02_forward")
	Z := matrix.FromRows([][]float64{{-2, 0, 2}, {-4, 0.5, 4}})
	A, cache := step02_forward.Relu(Z)
	fmt.Println("A =", A)
	fmt.Println("cache.Z is Z:", cache.Z == Z)
	// Output:
	// A = [[0.  0.  2. ]
	//  [0.  0.5 4. ]]
	// cache.Z is Z: true
}

// The course's case linear_forward (testdata/course/cases.json): A_prev,
// W and b drawn after seeding with 1.
func ExampleLinearForward() {
	defer testutil.PrintPanic("step02_forward")
	rs := matrix.NewRandomState(1)
	A, W, b := rs.Randn(3, 2), rs.Randn(1, 3), rs.Randn(1, 1)
	Z, _ := step02_forward.LinearForward(A, W, b)
	fmt.Println("Z =", Z)
	// Output:
	// Z = [[ 3.26295337 -1.23429987]]
}

// The course's case linear_activation_forward (testdata/course/cases.json):
// A_prev, W and b drawn after seeding with 2.
func ExampleLinearActivationForward() {
	defer testutil.PrintPanic("step02_forward")
	rs := matrix.NewRandomState(2)
	APrev, W, b := rs.Randn(3, 2), rs.Randn(1, 3), rs.Randn(1, 1)
	A, _ := step02_forward.LinearActivationForward(APrev, W, b, step02_forward.SigmoidActivation)
	fmt.Println("With sigmoid: A =", A)
	A, _ = step02_forward.LinearActivationForward(APrev, W, b, step02_forward.ReluActivation)
	fmt.Println("With ReLU: A =", A)
	// Output:
	// With sigmoid: A = [[0.96890023 0.11013289]]
	// With ReLU: A = [[3.43896131 0.        ]]
}

// The course's case L_model_forward (testdata/course/cases.json): three
// layers (5 inputs, 4 and 3 ReLU units, one sigmoid unit) and 4 examples,
// all drawn after seeding with 6.
func ExampleLModelForward() {
	defer testutil.PrintPanic("step02_forward")
	rs := matrix.NewRandomState(6)
	X := rs.Randn(5, 4)
	p := step01_init.Parameters{W: make([]*matrix.Dense, 4), B: make([]*matrix.Dense, 4)}
	p.W[1], p.B[1] = rs.Randn(4, 5), rs.Randn(4, 1)
	p.W[2], p.B[2] = rs.Randn(3, 4), rs.Randn(3, 1)
	p.W[3], p.B[3] = rs.Randn(1, 3), rs.Randn(1, 1)
	AL, caches := step02_forward.LModelForward(X, p)
	fmt.Println("AL =", AL)
	fmt.Println("Length of caches list =", len(caches))
	fmt.Println("Z3 =", caches[2].Activation.Z)
	// Output:
	// AL = [[0.03921668 0.70498921 0.19734387 0.04728177]]
	// Length of caches list = 3
	// Z3 = [[-3.19864676  0.87117055 -1.40297864 -3.00319435]]
}
