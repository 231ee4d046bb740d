package step05_update_test

import (
	"fmt"

	"dnn/internal/testutil"
	"dnn/matrix"
	"dnn/step01_init"
	"dnn/step04_backward"
	"dnn/step05_update"
)

// The course's case update_parameters (testdata/course/cases.json): the
// parameters of a 4-3-1 network drawn after seeding with 2, the gradients
// after seeding with 3, and a learning rate of 0.1.
func ExampleUpdateParameters() {
	defer testutil.PrintPanic("step05_update")
	rs := matrix.NewRandomState(2)
	p := step01_init.Parameters{W: make([]*matrix.Dense, 3), B: make([]*matrix.Dense, 3)}
	p.W[1], p.B[1], p.W[2], p.B[2] = rs.Randn(3, 4), rs.Randn(3, 1), rs.Randn(1, 3), rs.Randn(1, 1)
	rs = matrix.NewRandomState(3)
	grads := step04_backward.Grads{DW: make([]*matrix.Dense, 3), DB: make([]*matrix.Dense, 3)}
	grads.DW[1], grads.DB[1], grads.DW[2], grads.DB[2] = rs.Randn(3, 4), rs.Randn(3, 1), rs.Randn(1, 3), rs.Randn(1, 1)
	p = step05_update.UpdateParameters(p, grads, 0.1)
	fmt.Println("W1 =", p.W[1])
	fmt.Println("b1 =", p.B[1])
	fmt.Println("W2 =", p.W[2])
	fmt.Println("b2 =", p.B[2])
	// Output:
	// W1 = [[-0.59562069 -0.09991781 -2.14584584  1.82662008]
	//  [-1.76569676 -0.80627147  0.51115557 -1.18258802]
	//  [-1.0535704  -0.86128581  0.68284052  2.20374577]]
	// b1 = [[-0.04659241]
	//  [-1.28888275]
	//  [ 0.53405496]]
	// W2 = [[-0.55569196  0.0354055   1.32964895]]
	// b2 = [[-0.84610769]]
}
