package main

import (
	"fmt"
	"io"
	"math"
	"strconv"
)

// Gradient descent with a small enough learning rate lowers the cost at
// every step. Two signs at the recorded iterations say that α is too large:
// the cost rises, or it stops changing well above 0, which is what a
// network whose ReLUs all died after an overshoot does (it predicts the
// same probability for every example).
const (
	riseTolerance = 1e-9  // a relative rise above this is a rise, not rounding
	stallChange   = 1e-12 // a relative change at most this, per iteration, is a stall
	stallAbove    = 0.01  // a cost that stops changing below this has simply converged
)

// warnRising wraps next, a training's cost callback (step06_model's
// Options.OnCost, called at the recorded iterations), so that the first
// time the cost rises from one recorded iteration to the next, or stops
// changing while still above stallAbove, w gets one line naming the costs,
// the iterations and the learning rate lr. Only the first sign is reported.
// next may be nil.
func warnRising(w io.Writer, lr float64, next func(int, float64)) func(int, float64) {
	prevIter, prevCost, warned := -1, 0.0, false
	return func(i int, cost float64) {
		if next != nil {
			next(i, cost)
		}
		if !warned && prevIter >= 0 {
			change := cost - prevCost
			switch {
			case change > riseTolerance*prevCost:
				warned = true
				from, to := distinct(prevCost, cost)
				fmt.Fprintf(w, "Warning: the cost rose from %s to %s between iterations %d and %d: the learning rate α = %v may be too large (harmless if the cost falls again)\n",
					from, to, prevIter, i, lr)
			case math.Abs(change) <= stallChange*float64(i-prevIter)*prevCost && prevCost > stallAbove:
				warned = true
				fmt.Fprintf(w, "Warning: the cost stopped changing at %.4g between iterations %d and %d: the ReLUs may all have died after too large a step; "+
					"the learning rate α = %v may be too large\n", cost, prevIter, i, lr)
			}
		}
		prevIter, prevCost = i, cost
	}
}

// distinct formats a and b with as few significant digits as tell them
// apart, at least two: 0.64 and 0.71, or 0.6441 and 0.6443.
func distinct(a, b float64) (string, string) {
	for digits := 2; ; digits++ {
		x, y := strconv.FormatFloat(a, 'g', digits, 64), strconv.FormatFloat(b, 'g', digits, 64)
		if x != y || digits == 17 {
			return x, y
		}
	}
}
