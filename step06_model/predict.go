package step06_model

import (
	"fmt"

	"dnn/matrix"
	"dnn/step01_init"
	"dnn/step02_forward"
)

// Probabilities returns AL = A[L], the probability of class 1 for each
// example: X is (n[0], m), the result (1, m).
func Probabilities(X *matrix.Dense, p step01_init.Parameters) *matrix.Dense {
	AL, _ := step02_forward.LModelForward(X, p)
	return AL
}

// Predict returns the predicted labels, 1 where the probability is above 0.5
// and 0 elsewhere: X is (n[0], m), the result (1, m).
func Predict(X *matrix.Dense, p step01_init.Parameters) *matrix.Dense {
	return matrix.Apply(Probabilities(X, p), func(a float64) float64 {
		if a > 0.5 {
			return 1
		}
		return 0
	})
}

// Accuracy returns the fraction of predictions equal to the labels, both
// (1, m): np.sum(p == y) / m. It panics if the shapes differ.
func Accuracy(predictions, Y *matrix.Dense) float64 {
	if _, m := Y.Dims(); !sameShape(predictions, Y) || m == 0 {
		panic(fmt.Sprintf("step06_model: Accuracy: predictions %s and labels %s must both be (1, m), m > 0", predictions.Shape(), Y.Shape()))
	}
	right := 0
	y := Y.RawData()
	for j, p := range predictions.RawData() {
		if p == y[j] {
			right++
		}
	}
	return float64(right) / float64(len(y))
}

func sameShape(a, b *matrix.Dense) bool {
	ar, ac := a.Dims()
	br, bc := b.Dims()
	return ar == br && ac == bc
}
