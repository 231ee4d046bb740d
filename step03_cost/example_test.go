package step03_cost_test

import (
	"fmt"

	"dnn/internal/testutil"
	"dnn/matrix"
	"dnn/step03_cost"
)

// The course's case compute_cost (testdata/course/cases.json): three
// examples, the first two of class 1.
func ExampleComputeCost() {
	defer testutil.PrintPanic("step03_cost")
	Y := matrix.FromRows([][]float64{{1, 1, 0}})
	AL := matrix.FromRows([][]float64{{0.8, 0.9, 0.4}})
	fmt.Printf("cost = %.8f\n", step03_cost.ComputeCost(AL, Y))
	// Output:
	// cost = 0.27977656
}
