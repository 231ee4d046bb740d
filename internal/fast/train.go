package fast

import (
	"fmt"
	"math"

	"dnn/matrix"
	"dnn/step01_init"
	"dnn/step06_model"
)

// Train runs opts.Iterations steps of full-batch gradient descent from p
// (which it does not modify), as step06_model.Train does, and returns the
// trained parameters and the costs, recorded (and passed to opts.OnCost)
// every 100 iterations and at the last one. X is (n[0], m), Y (1, m); p has
// L ≥ 1 layers, the last of one unit. It stops with an error naming the
// iteration if the cost becomes NaN or infinite, which happens when the
// learning rate is too large.
//
// The first layer goes through the Gram matrix XᵀX when that costs less
// (see gram.go): when there are fewer examples than features.
//
// It panics if the shapes of X, Y and p do not fit together; the caller
// checks what a user gave (internal/check).
func Train(X, Y *matrix.Dense, p step01_init.Parameters, opts step06_model.Options) (step06_model.Result, error) {
	n0, m := X.Dims()
	withGram := p.L() >= 1 && useGram(n0, rows(p.W[1]), m, opts.Iterations)
	return train(X, Y, p, opts, withGram)
}

// train is Train with the choice of the Gram matrix made by the caller.
func train(X, Y *matrix.Dense, p step01_init.Parameters, opts step06_model.Options, withGram bool) (step06_model.Result, error) {
	net := newNet(X, Y, p, withGram)
	// With labels 0 and 1 the cost is finite exactly when every probability
	// is neither 0 nor 1 (nor NaN), which forward reports at no cost: the
	// cost itself, with its 2·m logarithms, is then computed only when it is
	// recorded. Other labels get it every iteration.
	labels := zeroOne(net.Y)
	costs := make([]step06_model.Cost, 0, opts.Iterations/100+2)
	for i := 0; i < opts.Iterations; i++ {
		finite := net.forward()
		record := i%100 == 0 || i == opts.Iterations-1
		var c float64
		if record || !finite || !labels {
			c = cost(net.AT[net.L], net.Y)
			if math.IsNaN(c) || math.IsInf(c, 0) {
				return step06_model.Result{}, diverged(c, i, opts.LearningRate)
			}
		}
		net.backward(opts.LearningRate)
		if record {
			costs = append(costs, step06_model.Cost{Iteration: i, Value: c})
			if opts.OnCost != nil {
				opts.OnCost(i, c)
			}
		}
	}
	return step06_model.Result{Parameters: net.parameters(), Costs: costs}, nil
}

// diverged is the error for a cost that is no longer a finite number.
func diverged(cost float64, i int, learningRate float64) error {
	return fmt.Errorf("the cost became %v at iteration %d: "+
		"some probability in AL reached exactly 0 or 1, so log(AL) or log(1-AL) is infinite; "+
		"training overshot: try a smaller learning rate than %g", cost, i, learningRate)
}

// zeroOne reports whether every label is 0 or 1.
func zeroOne(Y []float64) bool {
	for _, y := range Y {
		if y != 0 && y != 1 {
			return false
		}
	}
	return true
}

func rows(m *matrix.Dense) int {
	r, _ := m.Dims()
	return r
}
