package step05_update

import (
	"slices"

	"dnn/matrix"
	"dnn/step01_init"
	"dnn/step04_backward"
)

// UpdateParameters returns the parameters after one step of gradient
// descent with learning rate α, for every layer l = 1..L:
//
//	W[l] = W[l] - α·dW[l]   (n[l], n[l-1])
//	b[l] = b[l] - α·db[l]   (n[l], 1)
//
// Like the course's version it does not modify p: the new matrices go into
// new slices. grads holds dW[l] and db[l] for l = 1..L, shaped like W[l]
// and b[l]. It panics if grads has fewer layers than p, or, naming the
// shapes, if a gradient does not broadcast against its parameter.
//
// Hint: W[l] - α·dW[l] and b[l] - α·db[l] for l = 1..L: matrix.Scale
// multiplies by a number, matrix.Sub subtracts. Put the results in new
// slices (slices.Clone of p.W and p.B, say) so that p stays as it was
// (≈ 6 lines).
func UpdateParameters(p step01_init.Parameters, grads step04_backward.Grads, learningRate float64) step01_init.Parameters {
	parameters := step01_init.Parameters{W: slices.Clone(p.W), B: slices.Clone(p.B)}
	L := parameters.L()
	for l := 1; l <= L; l++ {
		parameters.W[l] = matrix.Sub(parameters.W[l], matrix.Scale(learningRate, grads.DW[l]))
		parameters.B[l] = matrix.Sub(parameters.B[l], matrix.Scale(learningRate, grads.DB[l]))
	}
	return parameters
}
