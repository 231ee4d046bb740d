// Package check validates what a user gives to build or train a network:
// the layer sizes, the examples X and their labels Y, the learning rate and
// the number of iterations. Each function returns nil or an error saying,
// in a user's words, what is wrong and what is wanted; none of them panics.
//
// The trained networks are the course's binary classifiers: layer sizes
// n[0], n[1], ..., n[L] with n[L] = 1 (one probability per example), X of
// shape (n[0], m) with one example per column, Y of shape (1, m) holding
// 0 or 1.
//
// The messages do not say where a value came from, so that a caller can put
// that in front: the dnn command writes "-lr 1e+07: the learning rate must
// be a positive number no larger than 1e6".
package check

import (
	"errors"
	"fmt"
	"math"

	"dnn/matrix"
)

// MaxLearningRate is the largest learning rate accepted. The course trains
// with 0.0075; a rate beyond a million is a slip, not a choice.
const MaxLearningRate = 1e6

// LayerSizes returns an error unless dims is n[0], n[1], ..., n[L] of a
// network: at least two sizes (the input's and the output's), each at
// least 1.
func LayerSizes(dims []int) error {
	if len(dims) < 2 {
		return fmt.Errorf("need at least the input size and the output size, n[0] and n[L]; got only %v", dims)
	}
	for l, n := range dims {
		if n <= 0 {
			return fmt.Errorf("each layer size must be a whole number above 0; n[%d] = %d", l, n)
		}
	}
	return nil
}

// Classifier returns an error unless dims is n[0], n[1], ..., n[L] of one of
// the course's classifiers: layer sizes as LayerSizes wants them, the last
// one 1.
func Classifier(dims []int) error {
	if err := LayerSizes(dims); err != nil {
		return err
	}
	if out := dims[len(dims)-1]; out != 1 {
		return fmt.Errorf("the last layer size must be 1 (n[L]: one probability per example); it is %d", out)
	}
	return nil
}

// LearningRate returns an error unless 0 < learningRate <= MaxLearningRate.
func LearningRate(learningRate float64) error {
	if !(learningRate > 0) || learningRate > MaxLearningRate {
		return errors.New("the learning rate must be a positive number no larger than 1e6")
	}
	return nil
}

// Iterations returns an error unless iterations is at least 1.
func Iterations(iterations int) error {
	if iterations < 1 {
		return errors.New("the number of iterations must be at least 1")
	}
	return nil
}

// Training returns an error unless the examples X (n[0], m), the labels
// Y (1, m), the layer sizes, the learning rate and the number of iterations
// make a training run: layer sizes as Classifier wants them, at least one
// example, n[0] finite numbers per example, one 0/1 label per example, and
// the learning rate and the iterations as LearningRate and Iterations want
// them.
func Training(X, Y *matrix.Dense, layerDims []int, learningRate float64, iterations int) error {
	if err := Classifier(layerDims); err != nil {
		return err
	}
	nx, m := X.Dims()
	if m == 0 {
		return fmt.Errorf("X has shape %s: no examples to train on", X.Shape())
	}
	if nx != layerDims[0] {
		return fmt.Errorf("X has %d features per example (shape %s), but the first layer size n[0] is %d", nx, X.Shape(), layerDims[0])
	}
	for i := 0; i < nx; i++ {
		for j := 0; j < m; j++ {
			if x := X.At(i, j); math.IsNaN(x) || math.IsInf(x, 0) {
				return fmt.Errorf("X holds %v at row %d, column %d; the inputs must be finite numbers", x, i, j)
			}
		}
	}
	if yr, ym := Y.Dims(); yr != 1 || ym != m {
		return fmt.Errorf("Y has shape %s, want (1,%d): one 0/1 label for each of X's %d examples", Y.Shape(), m, m)
	}
	for j := 0; j < m; j++ {
		if y := Y.At(0, j); y != 0 && y != 1 {
			return fmt.Errorf("Y holds %v for example %d; labels must be 0 or 1", y, j)
		}
	}
	if err := LearningRate(learningRate); err != nil {
		return fmt.Errorf("%w, got %v", err, learningRate)
	}
	if err := Iterations(iterations); err != nil {
		return fmt.Errorf("%w, got %d", err, iterations)
	}
	return nil
}
