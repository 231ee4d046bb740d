package step06_model

import (
	"fmt"
	"math"

	"dnn/internal/check"
	"dnn/matrix"
	"dnn/step01_init"
	"dnn/step02_forward"
	"dnn/step03_cost"
	"dnn/step04_backward"
	"dnn/step05_update"
)

// Options are the hyperparameters of training. The zero value is not
// usable; start from DefaultOptions.
type Options struct {
	LearningRate float64 // α; the course uses 0.0075
	Iterations   int     // number of gradient-descent steps; the course uses 2500
	Seed         uint32  // seed of the random initialisation; the course uses 1
	// OnCost, if not nil, is called with the cost every 100 iterations and at
	// the last one, as the notebook prints it with print_cost=True.
	OnCost func(iteration int, cost float64)
}

// DefaultOptions returns the course's settings: α = 0.0075, 2500 iterations,
// seed 1.
func DefaultOptions() Options { return Options{LearningRate: 0.0075, Iterations: 2500, Seed: 1} }

// Cost is the cost at one iteration.
type Cost struct {
	Iteration int
	Value     float64
}

// Result is what training returns: the learned parameters and the costs
// recorded every 100 iterations and at the last one.
type Result struct {
	Parameters step01_init.Parameters
	Costs      []Cost
}

// TwoLayerModel trains LINEAR->RELU->LINEAR->SIGMOID, two_layer_model in the
// notebook, by full-batch gradient descent. X is (nx, m), Y is (1, m); dims
// is (nx, nh, ny) with ny = 1. The parameters start from
// InitializeParameters seeded with opts.Seed: W1 (nh, nx), b1 (nh, 1),
// W2 (1, nh), b2 (1, 1). It returns an error if the data do not fit dims or
// the options are out of range, and, naming the iteration, if the cost
// stops being a finite number.
//
// Hint: check the inputs with check.Training, then start from
// step01_init.InitializeParameters seeded with opts.Seed. Each iteration:
// LinearActivationForward for the ReLU layer then the sigmoid layer,
// ComputeCost, dA2 = -(Y/A2 - (1-Y)/(1-A2)), LinearActivationBackward for
// layer 2 then layer 1, UpdateParameters with a step04_backward.Grads
// indexed by layer; stop on a cost that is not finite and record the cost
// as Train does (≈ 30 lines).
func TwoLayerModel(X, Y *matrix.Dense, dims [3]int, opts Options) (Result, error) {
	if err := check.Training(X, Y, dims[:], opts.LearningRate, opts.Iterations); err != nil {
		return Result{}, err
	}
	var costs []Cost
	nx, nh, ny := dims[0], dims[1], dims[2]
	parameters := step01_init.InitializeParameters(matrix.NewRandomState(opts.Seed), nx, nh, ny)
	W1, b1, W2, b2 := parameters.W[1], parameters.B[1], parameters.W[2], parameters.B[2]
	one := matrix.Scalar(1)
	for i := 0; i < opts.Iterations; i++ {
		A1, cache1 := step02_forward.LinearActivationForward(X, W1, b1, step02_forward.ReluActivation)
		A2, cache2 := step02_forward.LinearActivationForward(A1, W2, b2, step02_forward.SigmoidActivation)

		cost := step03_cost.ComputeCost(A2, Y)
		if err := notFinite(cost, i, opts.LearningRate); err != nil {
			return Result{}, err
		}

		dA2 := matrix.Scale(-1, matrix.Sub(matrix.Div(Y, A2), matrix.Div(matrix.Sub(one, Y), matrix.Sub(one, A2))))
		dA1, dW2, db2 := step04_backward.LinearActivationBackward(dA2, cache2, step02_forward.SigmoidActivation)
		dA0, dW1, db1 := step04_backward.LinearActivationBackward(dA1, cache1, step02_forward.ReluActivation)
		grads := step04_backward.Grads{
			DA: []*matrix.Dense{dA0, dA1},
			DW: []*matrix.Dense{nil, dW1, dW2},
			DB: []*matrix.Dense{nil, db1, db2},
		}

		parameters = step05_update.UpdateParameters(parameters, grads, opts.LearningRate)
		W1, b1, W2, b2 = parameters.W[1], parameters.B[1], parameters.W[2], parameters.B[2]

		costs = record(costs, i, cost, opts)
	}
	return Result{Parameters: parameters, Costs: costs}, nil
}

// LLayerModel trains [LINEAR->RELU]×(L-1)->LINEAR->SIGMOID, L_layer_model in
// the notebook. X is (n[0], m), Y is (1, m); layerDims is n[0], ..., n[L]
// with n[L] = 1. The parameters start from InitializeParametersDeepApp
// seeded with opts.Seed, then Train runs. Errors as for TwoLayerModel.
//
// Hint: check the inputs with check.Training, start from
// step01_init.InitializeParametersDeepApp seeded with opts.Seed, and let
// Train do the rest (≈ 5 lines).
func LLayerModel(X, Y *matrix.Dense, layerDims []int, opts Options) (Result, error) {
	if err := check.Training(X, Y, layerDims, opts.LearningRate, opts.Iterations); err != nil {
		return Result{}, err
	}
	parameters := step01_init.InitializeParametersDeepApp(matrix.NewRandomState(opts.Seed), layerDims)
	return Train(X, Y, parameters, opts)
}

// Train runs opts.Iterations steps of full-batch gradient descent from p,
// the loop of the notebook's L_layer_model, and returns the trained
// parameters and the costs recorded every 100 iterations and at the last
// one. It does not modify p. X is (n[0], m), Y is (1, m) and p's layers
// must fit them: W[1] is (n[1], n[0]) and W[L] is (1, n[L-1]).
// TwoLayerModel and LLayerModel check their inputs first; Train does not,
// and a matrix operation panics, naming the shapes, where they do not fit.
// It stops with an error naming the iteration if the cost becomes NaN or
// infinite, which happens when the learning rate is too large.
//
// Hint: each iteration is the four steps: step02_forward.LModelForward,
// step03_cost.ComputeCost, step04_backward.LModelBackward,
// step05_update.UpdateParameters. Stop with an error naming the iteration
// if the cost is NaN or infinite (math.IsNaN, math.IsInf); keep the cost of
// every 100th iteration and of the last in Result.Costs, and pass it to
// opts.OnCost if set (≈ 20 lines).
func Train(X, Y *matrix.Dense, p step01_init.Parameters, opts Options) (Result, error) {
	var costs []Cost
	parameters := p
	for i := 0; i < opts.Iterations; i++ {
		AL, caches := step02_forward.LModelForward(X, parameters)
		cost := step03_cost.ComputeCost(AL, Y)
		if err := notFinite(cost, i, opts.LearningRate); err != nil {
			return Result{}, err
		}
		grads := step04_backward.LModelBackward(AL, Y, caches)
		parameters = step05_update.UpdateParameters(parameters, grads, opts.LearningRate)
		costs = record(costs, i, cost, opts)
	}
	return Result{Parameters: parameters, Costs: costs}, nil
}

// record appends the cost of iteration i to costs, and reports it to
// opts.OnCost, every 100 iterations and at the last one.
func record(costs []Cost, i int, cost float64, opts Options) []Cost {
	if i%100 == 0 || i == opts.Iterations-1 {
		costs = append(costs, Cost{Iteration: i, Value: cost})
		if opts.OnCost != nil {
			opts.OnCost(i, cost)
		}
	}
	return costs
}

// notFinite returns an error if the cost of iteration i is NaN or infinite,
// and nil if it is a number.
func notFinite(cost float64, i int, learningRate float64) error {
	if !math.IsNaN(cost) && !math.IsInf(cost, 0) {
		return nil
	}
	return fmt.Errorf("the cost became %v at iteration %d: "+
		"some probability in AL reached exactly 0 or 1, so log(AL) or log(1-AL) is infinite; "+
		"training overshot: try a smaller learning rate than %g", cost, i, learningRate)
}
