package step05_update

import (
	"fmt"

	"dnn/matrix"
	"dnn/step01_init"
	"dnn/step04_backward"
)

// UpdateParameters returns the parameters after one step of gradient
// descent: W[l] - learningRate·dW[l] and b[l] - learningRate·db[l] for every
// layer l. Like the course's version it does not modify p: it returns new
// matrices. It panics if grads does not have one dW and db per layer.
//
// Hint: new slices; for l = 1..L, matrix.AddScaled(p.W[l], -learningRate, grads.DW[l]) (W - α·dW), same for B; about 10 lines.
func UpdateParameters(p step01_init.Parameters, grads step04_backward.Grads, learningRate float64) step01_init.Parameters {
	L := p.L()
	if len(grads.DW) != L+1 || len(grads.DB) != L+1 {
		panic(fmt.Sprintf("step05_update: UpdateParameters: %d layers of parameters but gradients for %d", L, len(grads.DW)-1))
	}
	next := step01_init.Parameters{W: make([]*matrix.Dense, L+1), B: make([]*matrix.Dense, L+1)}
	for l := 1; l <= L; l++ {
		next.W[l] = matrix.AddScaled(p.W[l], -learningRate, grads.DW[l])
		next.B[l] = matrix.AddScaled(p.B[l], -learningRate, grads.DB[l])
	}
	return next
}
