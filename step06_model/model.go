package step06_model

import (
	"fmt"
	"math"

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
	// Gram asks TwoLayerModel and LLayerModel to train through the Gram
	// matrix XᵀX (TrainGram, same results) when UseGram says it is cheaper.
	Gram bool
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
// notebook. X is (nx, m), Y is (1, m); dims is (nx, nh, ny) with ny = 1. The
// parameters start from InitializeParameters with opts.Seed.
// It returns an error if the data do not fit dims or the options are out of
// range, and if the cost stops being a finite number.
func TwoLayerModel(X, Y *matrix.Dense, dims [3]int, opts Options) (Result, error) {
	if err := Check(X, Y, dims[:], opts); err != nil {
		return Result{}, err
	}
	p := step01_init.InitializeParameters(matrix.NewRandomState(opts.Seed), dims[0], dims[1], dims[2])
	return train(X, Y, p, opts)
}

// LLayerModel trains [LINEAR->RELU]×(L-1)->LINEAR->SIGMOID, L_layer_model in
// the notebook. X is (n[0], m), Y is (1, m); layerDims is n[0], ..., n[L]
// with n[L] = 1. The parameters start from InitializeParametersDeepApp with
// opts.Seed. Errors as for TwoLayerModel.
func LLayerModel(X, Y *matrix.Dense, layerDims []int, opts Options) (Result, error) {
	if err := Check(X, Y, layerDims, opts); err != nil {
		return Result{}, err
	}
	p := step01_init.InitializeParametersDeepApp(matrix.NewRandomState(opts.Seed), layerDims)
	return train(X, Y, p, opts)
}

// train is Train, or TrainGram where opts asks for it and it is cheaper.
func train(X, Y *matrix.Dense, p step01_init.Parameters, opts Options) (Result, error) {
	if opts.Gram && UseGram(X, p.Dims()) {
		return TrainGram(X, Y, p, opts)
	}
	return Train(X, Y, p, opts)
}

// Train runs opts.Iterations steps of full-batch gradient descent from p
// (which it does not modify) and returns the trained parameters and the
// costs. It stops with an error naming the iteration if the cost becomes NaN
// or infinite, which happens when the learning rate is too large.
func Train(X, Y *matrix.Dense, p step01_init.Parameters, opts Options) (Result, error) {
	var costs []Cost
	for i := 0; i < opts.Iterations; i++ {
		AL, caches := step02_forward.LModelForward(X, p)
		cost := step03_cost.ComputeCost(AL, Y)
		if math.IsNaN(cost) || math.IsInf(cost, 0) {
			return Result{}, diverged(cost, i, opts.LearningRate)
		}
		grads := step04_backward.LModelBackwardParams(AL, Y, caches)
		p = step05_update.UpdateParameters(p, grads, opts.LearningRate)
		costs = record(costs, i, cost, opts)
	}
	return Result{Parameters: p, Costs: costs}, nil
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

// diverged is the error for a cost that is no longer a finite number.
func diverged(cost float64, i int, learningRate float64) error {
	return fmt.Errorf("the cost became %v at iteration %d: "+
		"some probability in AL reached exactly 0 or 1, so log(AL) or log(1-AL) is infinite; "+
		"training overshot: try a smaller learning rate than %g", cost, i, learningRate)
}

// Check returns an error, in words a user understands, if X (n[0], m) and
// Y (1, m) do not fit the layer sizes or the options are out of range.
func Check(X, Y *matrix.Dense, layerDims []int, opts Options) error {
	if len(layerDims) < 2 {
		return fmt.Errorf("need at least two layer sizes (input and output), got %v", layerDims)
	}
	for l, n := range layerDims {
		if n <= 0 {
			return fmt.Errorf("layer sizes must be positive, got n[%d] = %d in %v", l, n, layerDims)
		}
	}
	nx, m := X.Dims()
	if m == 0 {
		return fmt.Errorf("X has shape %s: no examples to train on", X.Shape())
	}
	if nx != layerDims[0] {
		return fmt.Errorf("X has %d features per example (shape %s), but the first layer size n[0] is %d", nx, X.Shape(), layerDims[0])
	}
	if out := layerDims[len(layerDims)-1]; out != 1 {
		return fmt.Errorf("the last layer size must be 1 (one probability per example), got %d", out)
	}
	if yr, ym := Y.Dims(); yr != 1 || ym != m {
		return fmt.Errorf("Y has shape %s, want (1,%d): one 0/1 label for each of X's %d examples", Y.Shape(), m, m)
	}
	for j, y := range Y.RawData() {
		if y != 0 && y != 1 {
			return fmt.Errorf("Y holds %v for example %d; labels must be 0 or 1", y, j)
		}
	}
	if !(opts.LearningRate > 0) || math.IsInf(opts.LearningRate, 0) {
		return fmt.Errorf("the learning rate must be a positive number, got %v", opts.LearningRate)
	}
	if opts.Iterations <= 0 {
		return fmt.Errorf("the number of iterations must be at least 1, got %d", opts.Iterations)
	}
	return nil
}
