package gradcheck

import (
	"fmt"
	"math"

	"dnn/matrix"
	"dnn/step01_init"
)

// The cost is computed in float64, so J(θ+ε) and J(θ-ε) each carry a
// rounding error δ, of the order of 1e-16 and more where the sigmoid
// saturates; their finite difference then carries an error of about
// δ/ε ≈ 1e-9 on every slope. When the slopes themselves are small (most
// ReLUs dead, or the output unit saturated), rounding alone pushes the
// relative difference of a correct backward propagation above Threshold.
// Compare refuses such a network rather than fail a correct
// implementation: it measures the rounding noise of the cost and requires
// the slopes to stand well above it.

// Margin is how far below Threshold the relative difference that rounding
// alone causes must stay: with 4, a correct backward propagation stays
// below about a quarter of Threshold.
const Margin = 4

// noiseSteps is the number of points, t = -noiseSteps..noiseSteps, at which
// costNoise evaluates the cost.
const noiseSteps = 10

// UnfitError says why a network cannot be checked by finite differences:
// a ReLU input too close to its kink, or slopes lost in rounding noise.
// Another draw (the next seed) usually fits.
type UnfitError struct {
	Seed   uint32
	Reason string
}

func (e *UnfitError) Error() string { return fmt.Sprintf("seed %d: %s", e.Seed, e.Reason) }

// measurable returns an *UnfitError when the rounding noise of the cost
// would give a correct gradient a relative difference above
// Threshold/Margin. approx are the slopes of cost, which reads p, over all
// the parameters. A slope that is exactly 0 (a dead unit's weights) is
// computed from two bit-identical costs and has no rounding error; the
// others have about σ/(√2·ε) each, σ the rounding error of one cost, so a
// correct gradient differs from approx by about √live·σ/(√2·ε) in norm.
func measurable(seed uint32, p step01_init.Parameters, approx []*matrix.Dense, cost func() float64) error {
	var approxSq float64
	live := 0
	for _, a := range approx {
		for _, v := range a.RawData() {
			approxSq += v * v
			if v != 0 {
				live++
			}
		}
	}
	norm := math.Sqrt(approxSq)
	if math.IsNaN(norm) {
		return nil // Compare reports it
	}
	noise := math.Sqrt(float64(live)) * costNoise(p, cost) / (math.Sqrt2 * Epsilon)
	if expected := relative(noise, norm, norm); !(expected <= Threshold/Margin) || norm == 0 {
		return &UnfitError{Seed: seed, Reason: fmt.Sprintf(
			"the slopes of the cost (norm %.2g) are too small for finite differences: rounding alone would make the difference about %.1g, "+
				"too near the threshold %g", norm, expected, Threshold)}
	}
	return nil
}

// costNoise estimates σ, the rounding error of one evaluation of cost near
// the parameters p it reads (which it leaves as they were). It moves every
// parameter by t·ε, with alternating signs, for t = -noiseSteps..noiseSteps,
// and takes the fourth differences
//
//	J(t+2) - 4·J(t+1) + 6·J(t) - 4·J(t-1) + J(t-2)
//
// which cancel the smooth part of the cost up to its cubic term (what is
// left is of the order of ε⁴) and leave independent rounding errors with
// standard deviation √(1+16+36+16+1)·σ = √70·σ. Twenty-one points give a
// rough estimate, so it is never taken below half the spacing of float64
// numbers at J (2⁻⁵³·|J|), the error of J's last rounding alone: over
// thousands of networks, the differences of a correct backward propagation
// then stayed below 3 times the estimate (see the package's tests).
func costNoise(p step01_init.Parameters, cost func() float64) float64 {
	base := p.Clone()
	J := make([]float64, 2*noiseSteps+1)
	for i := range J {
		t := float64(i - noiseSteps)
		k := 0
		for l := 1; l <= p.L(); l++ {
			for _, pair := range [][2]*matrix.Dense{{p.W[l], base.W[l]}, {p.B[l], base.B[l]}} {
				moved, from := pair[0].RawData(), pair[1].RawData()
				for j := range moved {
					moved[j] = from[j] + float64(1-2*(k%2))*t*Epsilon
					k++
				}
			}
		}
		J[i] = cost()
	}
	for l := 1; l <= p.L(); l++ {
		copy(p.W[l].RawData(), base.W[l].RawData())
		copy(p.B[l].RawData(), base.B[l].RawData())
	}
	var sq float64
	for i := 2; i+2 < len(J); i++ {
		d := J[i+2] - 4*J[i+1] + 6*J[i] - 4*J[i-1] + J[i-2]
		sq += d * d
	}
	return max(math.Sqrt(sq/float64(len(J)-4)/70), math.Abs(J[noiseSteps])*0x1p-53)
}
