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

// This file goes beyond the course: the same training, computed another way.
//
// Under full-batch gradient descent every update of the first layer's
// weights is a combination of the training examples:
//
//	dW1 = (1/m)·dZ1·Xᵀ,   so   W1 ← W1 - (α/m)·dZ1·Xᵀ
//
// After any number of steps, then, W1 = W1(0) + C·Xᵀ for some C of shape
// (n[1], m), which starts at 0 and takes the update C ← C - (α/m)·dZ1. The
// first layer's forward pass needs W1 only through W1·X:
//
//	Z1 = W1·X + b1 = W1(0)·X + C·(XᵀX) + b1
//
// W1(0)·X (n[1], m) and the Gram matrix G = XᵀX (m, m) are computed once.
// Each iteration then costs n[1]·m² for the first layer instead of the
// 2·n[1]·n[0]·m of W1·X and dZ1·Xᵀ: about 100 times less for the course's
// pictures (n[0] = 12288, m = 209). W1 itself is formed once, at the end.
// The arithmetic is exact; only the rounding differs, far below the printed
// digits.

// TrainGram is Train computed through the Gram matrix as described above,
// with the same results up to rounding. It pays off when the examples are
// fewer than the features (m well below n[0]); UseGram tells when.
func TrainGram(X, Y *matrix.Dense, p step01_init.Parameters, opts Options) (Result, error) {
	L := p.L()
	if L < 2 {
		return Result{}, fmt.Errorf("TrainGram needs at least two layers, got %d", L)
	}
	_, m := X.Dims()
	W10, b1 := p.W[1], p.B[1]
	P := matrix.Dot(W10, X) // W1(0)·X, (n[1], m)
	G := matrix.DotTA(X, X) // XᵀX, (m, m)
	n1, _ := W10.Dims()
	C := matrix.Zeros(n1, m)
	// rest holds layers 2..L, renumbered 1..L-1: a network whose input is A1.
	rest := step01_init.Parameters{W: append([]*matrix.Dense{nil}, p.W[2:]...), B: append([]*matrix.Dense{nil}, p.B[2:]...)}
	var costs []Cost
	for i := 0; i < opts.Iterations; i++ {
		Z1 := matrix.Add(matrix.Add(P, matrix.Dot(C, G)), b1)
		A1, cache1 := step02_forward.Relu(Z1)
		AL, caches := step02_forward.LModelForward(A1, rest)
		cost := step03_cost.ComputeCost(AL, Y)
		if math.IsNaN(cost) || math.IsInf(cost, 0) {
			return Result{}, diverged(cost, i, opts.LearningRate)
		}
		grads := step04_backward.LModelBackward(AL, Y, caches) // DA[0] is dA1
		dZ1 := step04_backward.ReluBackward(grads.DA[0], cache1)
		db1 := matrix.Scale(1/float64(m), matrix.SumAxis(dZ1, 1))
		C = matrix.Sub(C, matrix.Scale(opts.LearningRate/float64(m), dZ1))
		b1 = matrix.Sub(b1, matrix.Scale(opts.LearningRate, db1))
		rest = step05_update.UpdateParameters(rest, grads, opts.LearningRate)
		costs = record(costs, i, cost, opts)
	}
	trained := step01_init.Parameters{
		W: append([]*matrix.Dense{nil, matrix.Add(W10, matrix.DotTB(C, X))}, rest.W[1:]...),
		B: append([]*matrix.Dense{nil, b1}, rest.B[1:]...),
	}
	return Result{Parameters: trained, Costs: costs}, nil
}

// UseGram reports whether TrainGram is cheaper than Train for X (n[0], m):
// its first layer costs n[1]·m² per iteration plus n[0]·m² once, against
// 2·n[1]·n[0]·m per iteration; it wins by far when m is well below n[0].
func UseGram(X *matrix.Dense, layerDims []int) bool {
	n0, m := X.Dims()
	return len(layerDims) >= 3 && 4*m <= n0
}
