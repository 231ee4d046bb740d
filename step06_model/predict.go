package step06_model

import (
	"fmt"

	"dnn/matrix"
	"dnn/step01_init"
	"dnn/step02_forward"
)

// Predict returns the predicted labels of the examples X (n[0], m), a
// (1, m) row: 1 where the probability AL of the class 1 is above 0.5, 0
// elsewhere. It is predict(X, y, parameters) of the notebook, which also
// prints the accuracy: Accuracy does that here. The probabilities
// themselves are step02_forward.LModelForward's AL.
//
// Hint: AL comes from step02_forward.LModelForward; the answer is a (1, m)
// row holding 1 where AL > 0.5 and 0 elsewhere: matrix.Zeros, then At and
// Set in a loop over the m columns (≈ 10 lines).
func Predict(X *matrix.Dense, parameters step01_init.Parameters) *matrix.Dense {
	_, m := X.Dims()
	p := matrix.Zeros(1, m)
	probas, _ := step02_forward.LModelForward(X, parameters)
	for i := 0; i < m; i++ {
		if probas.At(0, i) > 0.5 {
			p.Set(0, i, 1)
		} else {
			p.Set(0, i, 0)
		}
	}
	return p
}

// Accuracy returns the fraction of the predictions p that equal the labels
// Y, both (1, m): np.sum((p == y)/m) in the notebook, here the count of
// matches divided by m once. It panics if the shapes differ, are not a
// single row, or m is 0.
func Accuracy(p, Y *matrix.Dense) float64 {
	r, m := Y.Dims()
	if r != 1 || m == 0 || p.Shape() != Y.Shape() {
		panic(fmt.Sprintf("step06_model: Accuracy: predictions %s and labels %s must both be (1, m), m > 0", p.Shape(), Y.Shape()))
	}
	right := 0
	for i := 0; i < m; i++ {
		if p.At(0, i) == Y.At(0, i) {
			right++
		}
	}
	return float64(right) / float64(m)
}
