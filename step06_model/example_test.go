package step06_model_test

import (
	"fmt"

	"dnn/internal/testutil"
	"dnn/matrix"
	"dnn/step01_init"
	"dnn/step02_forward"
	"dnn/step06_model"
)

// The case train of testdata/course/generate.py: gradient descent from
// given parameters, for a network of 3 inputs, 2 ReLU units and one sigmoid
// unit, on 6 examples. The cost is kept every 100 iterations and at the last
// one, 249.
func ExampleTrain() {
	defer testutil.PrintPanic("step06_model")
	rs := matrix.NewRandomState(2)
	X := rs.Randn(3, 6)
	Y := matrix.FromRows([][]float64{{1, 0, 1, 0, 1, 0}})
	p := step01_init.Parameters{W: make([]*matrix.Dense, 3), B: make([]*matrix.Dense, 3)}
	p.W[1], p.B[1] = rs.Randn(2, 3), matrix.Zeros(2, 1)
	p.W[2], p.B[2] = rs.Randn(1, 2), matrix.Zeros(1, 1)
	res, err := step06_model.Train(X, Y, p, step06_model.Options{LearningRate: 0.1, Iterations: 250})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range res.Costs {
		fmt.Printf("Cost after iteration %d: %.6f\n", c.Iteration, c.Value)
	}
	fmt.Println("W1 =", res.Parameters.W[1])
	// Output:
	// Cost after iteration 0: 0.752218
	// Cost after iteration 100: 0.284006
	// Cost after iteration 200: 0.164233
	// Cost after iteration 249: 0.139491
	// W1 = [[-1.46157527 -0.32226612 -1.01687072]
	//  [ 0.49734169 -0.76469962 -1.75590909]]
}

// A tiny problem: 12 points in the plane, of class 1 when x0 + x1 > 0. A
// network with 4 ReLU units learns it; the figures printed were recomputed
// by testdata/course/generate.py with the course's L_layer_model.
func ExampleLLayerModel() {
	defer testutil.PrintPanic("step06_model")
	X := matrix.NewRandomState(0).Randn(2, 12)
	Y := matrix.Zeros(1, 12)
	for j := 0; j < 12; j++ {
		if X.At(0, j)+X.At(1, j) > 0 {
			Y.Set(0, j, 1)
		}
	}
	opts := step06_model.Options{LearningRate: 0.5, Iterations: 300, Seed: 1}
	opts.OnCost = func(i int, cost float64) { fmt.Printf("Cost after iteration %d: %.6f\n", i, cost) }
	if _, err := step06_model.LLayerModel(X, Y, []int{2, 4, 1}, opts); err != nil {
		fmt.Println(err)
	}
	// Output:
	// Cost after iteration 0: 1.190146
	// Cost after iteration 100: 0.006383
	// Cost after iteration 200: 0.002450
	// Cost after iteration 299: 0.001451
}

// One sigmoid unit with Z = x0 - x1, on 4 examples, as in the case
// "predict, probabilities around 0.5" of testdata/course/generate.py: the
// prediction is 1 where the probability is above 0.5, and 0 at exactly 0.5.
func ExamplePredict() {
	defer testutil.PrintPanic("step06_model")
	p := step01_init.Parameters{
		W: []*matrix.Dense{nil, matrix.FromRows([][]float64{{1, -1}})},
		B: []*matrix.Dense{nil, matrix.Zeros(1, 1)},
	}
	X := matrix.FromRows([][]float64{{2, 0, 1, -3}, {1, 1, 1, -4}})
	Y := matrix.FromRows([][]float64{{1, 0, 1, 1}})
	probabilities, _ := step02_forward.LModelForward(X, p)
	predictions := step06_model.Predict(X, p)
	fmt.Println("probabilities =", probabilities)
	fmt.Println("predictions =", predictions)
	fmt.Println("accuracy =", step06_model.Accuracy(predictions, Y))
	// Output:
	// probabilities = [[0.73105858 0.26894142 0.5        0.73105858]]
	// predictions = [[1. 0. 0. 1.]]
	// accuracy = 0.75
}
