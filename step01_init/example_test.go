package step01_init_test

import (
	"fmt"

	"dnn/internal/testutil"
	"dnn/matrix"
	"dnn/step01_init"
)

// The course's case initialize_parameters_deep (testdata/course/cases.json):
// a network of 5 inputs, 4 hidden units and 3 outputs, seeded with 3. The
// weights are small random numbers, the biases zero.
func ExampleInitializeParametersDeep() {
	defer testutil.PrintPanic("step01_init")
	p := step01_init.InitializeParametersDeep(matrix.NewRandomState(3), []int{5, 4, 3})
	fmt.Println("W1 =", p.W[1])
	fmt.Println("b1 =", p.B[1])
	fmt.Println("W2 =", p.W[2])
	fmt.Println("b2 =", p.B[2])
	// Output:
	// W1 = [[ 0.01788628  0.0043651   0.00096497 -0.01863493 -0.00277388]
	//  [-0.00354759 -0.00082741 -0.00627001 -0.00043818 -0.00477218]
	//  [-0.01313865  0.00884622  0.00881318  0.01709573  0.00050034]
	//  [-0.00404677 -0.0054536  -0.01546477  0.00982367 -0.01101068]]
	// b1 = [[0.]
	//  [0.]
	//  [0.]
	//  [0.]]
	// W2 = [[-0.01185047 -0.0020565   0.01486148  0.00236716]
	//  [-0.01023785 -0.00712993  0.00625245 -0.00160513]
	//  [-0.00768836 -0.00230031  0.00745056  0.01976111]]
	// b2 = [[0.]
	//  [0.]
	//  [0.]]
}
