package fast_test

import (
	"fmt"

	"dnn/internal/fast"
	"dnn/matrix"
	"dnn/step01_init"
	"dnn/step06_model"
)

// Train learns XOR, which no straight line separates, with a hidden layer
// of four units: X is (2, 4), one example per column; layers 2,4,1.
func ExampleTrain() {
	X := matrix.FromRows([][]float64{
		{0, 0, 1, 1},
		{0, 1, 0, 1},
	})
	Y := matrix.FromRows([][]float64{{0, 1, 1, 0}})
	rs := matrix.NewRandomState(1)
	p := step01_init.Parameters{
		W: []*matrix.Dense{nil, rs.Randn(4, 2), matrix.Scale(0.5, rs.Randn(1, 4))},
		B: []*matrix.Dense{nil, matrix.Zeros(4, 1), matrix.Zeros(1, 1)},
	}
	opts := step06_model.Options{LearningRate: 0.5, Iterations: 1001,
		OnCost: func(i int, cost float64) {
			if i%500 == 0 {
				fmt.Printf("cost after iteration %d: %.4f\n", i, cost)
			}
		}}
	res, err := fast.Train(X, Y, p, opts)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("costs recorded:", len(res.Costs))
	fmt.Println("W2 shape:", res.Parameters.W[2].Shape())
	// Output:
	// cost after iteration 0: 0.7467
	// cost after iteration 500: 0.0101
	// cost after iteration 1000: 0.0043
	// costs recorded: 11
	// W2 shape: (1,4)
}
