package report

import (
	"math"
	"strconv"
)

// frame is the part every plot shares: an SVG canvas, the plot box inside
// it, the ticks with their numbers, the axis labels and the title.
type frame struct {
	W, H           float64 // the SVG's size
	L, T, R, B     float64 // the plot box: left, top, right and bottom edges
	XTicks, YTicks []tick
	XLabel, YLabel string
	Title          string
}

// tick is one numbered mark on an axis, at Pos in SVG units.
type tick struct {
	Pos  float64
	Text string
}

// scale maps data values linearly from [lo, hi] onto [a, b] (SVG units).
type scale struct{ lo, hi, a, b float64 }

func (s scale) at(v float64) float64 { return s.a + (v-s.lo)/(s.hi-s.lo)*(s.b-s.a) }

// ticks returns numbered marks at the multiples of step within [s.lo, s.hi].
func (s scale) ticks(step float64) []tick {
	var t []tick
	first := math.Ceil(s.lo/step - 1e-9)
	dec := decimals(step)
	for k := first; k*step <= s.hi+step*1e-9; k++ {
		v := k * step
		if math.Abs(v) < step*1e-9 {
			v = 0 // not "-0"
		}
		t = append(t, tick{s.at(v), strconv.FormatFloat(v, 'f', dec, 64)})
	}
	return t
}

// niceStep returns a round step (1, 2 or 5 times a power of ten) that
// cuts span into about n intervals.
func niceStep(span float64, n int) float64 {
	raw := span / float64(n)
	p := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 5} {
		if m*p >= raw*(1-1e-9) {
			return m * p
		}
	}
	return 10 * p
}

// decimals returns how many digits after the point show multiples of step.
func decimals(step float64) int {
	return max(0, int(math.Ceil(-math.Log10(step)-1e-9)))
}

// widen returns [lo, hi] widened to multiples of a nice step for about n
// intervals, with the step; a single value gets a range around it.
func widen(lo, hi float64, n int) (float64, float64, float64) {
	if hi-lo < 1e-12*math.Max(1, math.Abs(hi)) {
		pad := math.Max(0.5, math.Abs(hi)*0.1)
		lo, hi = lo-pad, hi+pad
	}
	step := niceStep(hi-lo, n)
	return math.Floor(lo/step+1e-9) * step, math.Ceil(hi/step-1e-9) * step, step
}
