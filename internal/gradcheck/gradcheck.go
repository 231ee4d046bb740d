// Package gradcheck checks backward propagation against the cost itself,
// as the course's gradient-checking assignment does: for every parameter
// θ, the slope of the cost J measured by centred finite differences,
//
//	approx = (J(θ+ε) - J(θ-ε)) / (2ε)      ε = 1e-7
//
// must match the gradient LModelBackward computes, within
//
//	difference = ‖grad - approx‖ / (‖grad‖ + ‖approx‖) < 1e-7
//
// (Euclidean norms over all the parameters' elements). The networks are
// small and random: L layers, n[l] units in layer l, m examples, ReLU
// hidden layers and a sigmoid output, as in step 2.
package gradcheck

import (
	"errors"
	"fmt"
	"math"
	"strconv"

	"dnn/internal/check"
	"dnn/matrix"
	"dnn/step01_init"
	"dnn/step02_forward"
	"dnn/step03_cost"
	"dnn/step04_backward"
)

// The course's figures.
const (
	Epsilon   = 1e-7 // the step of the finite differences
	Threshold = 1e-7 // the largest relative difference that passes
)

// Kink is how close to 0 a hidden unit's Z may come. ReLU has a kink at 0:
// were a Z within ε·|A| of it, J(θ+ε) and J(θ-ε) would fall on two sides
// and the finite difference would not be the slope. Random refuses such a
// network rather than redraw it silently.
const Kink = 1e-5

// MaxParameters bounds the size of a checked network: each parameter costs
// two forward passes.
const MaxParameters = 100_000

// Network is a small problem to check the gradients on.
type Network struct {
	P step01_init.Parameters
	X *matrix.Dense // (n[0], m)
	Y *matrix.Dense // (1, m) of 0/1
}

// Random draws a network from numpy's generator seeded with seed: for
// l = 1..L, W[l] = randn(n[l], n[l-1]) / sqrt(n[l-1]) and
// b[l] = randn(n[l], 1) / 10, then X = randn(n[0], m) and
// Y = (rand(1, m) > 0.5). layerDims is n[0], ..., n[L] with n[L] = 1.
// It returns an error for sizes that do not make such a network, and when
// a hidden unit's Z comes within Kink of 0 (try another seed).
func Random(layerDims []int, m int, seed uint32) (Network, error) {
	if err := check.Classifier(layerDims); err != nil {
		return Network{}, err
	}
	count := 0.0 // in float64: huge sizes must not overflow before the check
	for l := 1; l < len(layerDims); l++ {
		count += float64(layerDims[l])*float64(layerDims[l-1]) + float64(layerDims[l])
	}
	if m <= 0 {
		return Network{}, fmt.Errorf("the number of examples m must be at least 1, got %d", m)
	}
	if count > MaxParameters {
		return Network{}, fmt.Errorf("%.0f parameters is too many to check by finite differences (at most %d)", count, MaxParameters)
	}
	rs := matrix.NewRandomState(seed)
	L := len(layerDims) - 1
	nw := Network{P: step01_init.Parameters{W: make([]*matrix.Dense, L+1), B: make([]*matrix.Dense, L+1)}}
	for l := 1; l <= L; l++ {
		nw.P.W[l] = matrix.Div(rs.Randn(layerDims[l], layerDims[l-1]), matrix.Scalar(math.Sqrt(float64(layerDims[l-1]))))
		nw.P.B[l] = matrix.Scale(0.1, rs.Randn(layerDims[l], 1))
	}
	nw.X = rs.Randn(layerDims[0], m)
	nw.Y = matrix.Apply(rs.Rand(1, m), func(u float64) float64 {
		if u > 0.5 {
			return 1
		}
		return 0
	})
	// The hidden layers' Z, computed here so that the check does not
	// depend on step 2 being right.
	A := nw.X
	for l := 1; l < L; l++ {
		Z := matrix.Add(matrix.Dot(nw.P.W[l], A), nw.P.B[l])
		for _, z := range Z.RawData() {
			if math.Abs(z) < Kink {
				return Network{}, fmt.Errorf("seed %d puts a ReLU input of layer %d within %g of its kink at 0, where finite differences fail: try another seed", seed, l, Kink)
			}
		}
		A = matrix.Maximum(Z, 0)
	}
	return nw, nil
}

// Difference is the check of one parameter matrix.
type Difference struct {
	Name       string  // "W1", "b1", ...
	Shape      string  // e.g. "(4,5)"
	Grad       float64 // ‖grad‖
	Approx     float64 // ‖approx‖
	Diff       float64 // ‖grad - approx‖
	Difference float64 // Diff / (Grad + Approx)
}

// Result is the check of a whole network.
type Result struct {
	Params     []Difference // W1, b1, W2, b2, ... in that order
	Difference float64      // over all the parameters together
}

// Passed reports whether the overall difference is below Threshold.
func (r Result) Passed() bool { return r.Difference < Threshold }

// Check runs forward and backward propagation on nw (steps 2 to 4) and
// compares the gradients with finite differences of the cost. A panic of
// the step functions (an exercise not done yet, shapes that do not fit)
// comes back as an error.
func Check(nw Network) (res Result, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	AL, caches := step02_forward.LModelForward(nw.X, nw.P)
	grads := step04_backward.LModelBackward(AL, nw.Y, caches)
	return Compare(nw, grads)
}

// Compare compares grads with finite differences of the cost of nw. It
// returns an error if grads does not have one dW and db of the right shape
// per layer.
func Compare(nw Network, grads step04_backward.Grads) (res Result, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	L := nw.P.L()
	if len(grads.DW) != L+1 || len(grads.DB) != L+1 {
		return Result{}, fmt.Errorf("the gradients have %d dW and %d db for %d layers", len(grads.DW)-1, len(grads.DB)-1, L)
	}
	p := nw.P.Clone()
	cost := func() float64 {
		AL, _ := step02_forward.LModelForward(nw.X, p)
		return step03_cost.ComputeCost(AL, nw.Y)
	}
	var diffSq, gradSq, approxSq float64
	for l := 1; l <= L; l++ {
		for _, pair := range []struct {
			name       string
			theta, got *matrix.Dense
		}{{"W", p.W[l], grads.DW[l]}, {"b", p.B[l], grads.DB[l]}} {
			name := pair.name + strconv.Itoa(l)
			if pair.got == nil || pair.got.Shape() != pair.theta.Shape() {
				return Result{}, fmt.Errorf("d%s is %v, want a matrix of shape %s", name, shapeOf(pair.got), pair.theta.Shape())
			}
			d := compare(name, pair.got, slopes(pair.theta, cost))
			res.Params = append(res.Params, d)
			diffSq += d.Diff * d.Diff
			gradSq += d.Grad * d.Grad
			approxSq += d.Approx * d.Approx
		}
	}
	res.Difference = relative(math.Sqrt(diffSq), math.Sqrt(gradSq), math.Sqrt(approxSq))
	if math.IsNaN(res.Difference) {
		return res, errors.New("the gradients or the cost are not numbers (NaN)")
	}
	return res, nil
}

// slopes returns (J(θ+ε) - J(θ-ε)) / (2ε) for every element θ of theta,
// which cost reads; theta is left as it was.
func slopes(theta *matrix.Dense, cost func() float64) *matrix.Dense {
	r, c := theta.Dims()
	approx := matrix.Zeros(r, c)
	for i := 0; i < r; i++ {
		for j := 0; j < c; j++ {
			v := theta.At(i, j)
			theta.Set(i, j, v+Epsilon)
			plus := cost()
			theta.Set(i, j, v-Epsilon)
			minus := cost()
			theta.Set(i, j, v)
			approx.Set(i, j, (plus-minus)/(2*Epsilon))
		}
	}
	return approx
}

// compare returns the norms and the relative difference of grad and
// approx, of the same shape.
func compare(name string, grad, approx *matrix.Dense) Difference {
	var diffSq, gradSq, approxSq float64
	for i, g := range grad.RawData() {
		a := approx.RawData()[i]
		diffSq += (g - a) * (g - a)
		gradSq += g * g
		approxSq += a * a
	}
	d := Difference{Name: name, Shape: grad.Shape(), Grad: math.Sqrt(gradSq), Approx: math.Sqrt(approxSq), Diff: math.Sqrt(diffSq)}
	d.Difference = relative(d.Diff, d.Grad, d.Approx)
	return d
}

// relative returns diff / (grad + approx), and 0 when all three are 0.
func relative(diff, grad, approx float64) float64 {
	if diff == 0 {
		return 0
	}
	return diff / (grad + approx)
}

func shapeOf(m *matrix.Dense) string {
	if m == nil {
		return "missing"
	}
	return "of shape " + m.Shape()
}
