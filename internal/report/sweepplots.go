package report

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// The sweep's pictures: the cost curves of all runs overlaid, and bars of
// each run's accuracies and time.

// palette gives each run a colour (the usual ten categorical colours); runs
// beyond ten reuse them with a dash pattern.
var (
	palette = []string{"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"}
	dashes  = []string{"", "7 4", "2 3", "9 3 2 3"}
)

// curvesPlot is every run's cost curve on one set of axes.
type curvesPlot struct {
	frame
	Log    bool // the cost axis is logarithmic
	Curves []curve
}

// curve is one run's costs.
type curve struct {
	Name   string // e.g. "1: 12288,7,1 α=0.0075"
	Line   string // the polyline's points; empty if no cost is finite
	Colour string
	Dash   string
	Stop   *xy // where a run that stopped on a non-finite cost stops
}

// logScaleRatio is the ratio of the largest to the smallest cost from which
// the cost axis is logarithmic: below it, a linear axis reads better.
const logScaleRatio = 10

// newCurvesPlot lays out the cost curves of s's runs.
func newCurvesPlot(s *Sweep) *curvesPlot {
	c := &curvesPlot{frame: frame{
		W: 552, H: 400, L: 80, T: 40, R: 532, B: 340,
		XLabel: "iteration", YLabel: "cost", Title: "Cost of every run",
	}}
	xhi, ylo, yhi := 1.0, math.Inf(1), math.Inf(-1)
	for _, r := range s.Runs {
		xhi = math.Max(xhi, float64(r.Iterations-1))
		for _, p := range r.Costs {
			if finite(p.Cost) {
				ylo, yhi = math.Min(ylo, p.Cost), math.Max(yhi, p.Cost)
			}
		}
	}
	if ylo > yhi { // no finite cost at all
		ylo, yhi = 0, 1
	}
	sx := scale{0, xhi, c.L, c.R}
	c.XTicks = sx.ticks(math.Max(1, niceStep(xhi, 6)))
	var y func(float64) float64
	if ylo > 0 && yhi/ylo >= logScaleRatio {
		c.Log, c.YLabel = true, "cost (log scale)"
		lo, hi := math.Floor(math.Log10(ylo)), math.Ceil(math.Log10(yhi))
		sy := scale{lo, hi, c.B, c.T}
		y = func(v float64) float64 { return sy.at(math.Log10(v)) }
		c.YTicks = logTicks(lo, hi, sy)
	} else {
		lo, hi, step := widen(ylo, yhi, 8)
		sy := scale{lo, hi, c.B, c.T}
		y, c.YTicks = sy.at, sy.ticks(step)
	}
	for i, r := range s.Runs {
		cv := curve{Name: fmt.Sprintf("%d: %s", i+1, s.Name(i)), Colour: palette[i%len(palette)], Dash: dashes[i/len(palette)%len(dashes)]}
		var pts []string
		var last xy
		for _, p := range r.Costs {
			if finite(p.Cost) {
				last = xy{sx.at(float64(p.Iteration)), y(p.Cost)}
				pts = append(pts, fmt.Sprintf("%.1f,%.1f", last.X, last.Y))
			}
		}
		cv.Line = strings.Join(pts, " ")
		if r.Stopped && len(pts) > 0 {
			cv.Stop = &last
		}
		c.Curves = append(c.Curves, cv)
	}
	return c
}

// logTicks returns ticks at the powers of ten from 10^lo to 10^hi, and at
// 2 and 5 times them when the axis spans at most two decades.
func logTicks(lo, hi float64, sy scale) []tick {
	var t []tick
	mults := []float64{1}
	if hi-lo <= 3 {
		mults = []float64{1, 2, 5}
	}
	for e := lo; e <= hi; e++ {
		for _, m := range mults {
			v := m * math.Pow(10, e)
			if lv := math.Log10(v); lv <= hi+1e-9 {
				t = append(t, tick{sy.at(lv), strconv.FormatFloat(v, 'g', -1, 64)})
			}
		}
	}
	return t
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

// barsPlot is a horizontal bar chart: a group of bars per run.
type barsPlot struct {
	frame
	Groups []barGroup
	Keys   []barKey // the legend, when a group has several bars
}

type barGroup struct {
	Label string  // the run's number
	Y     float64 // the label's baseline
	Bars  []bar
}

type bar struct {
	X, Y, W, H float64
	Class      string
	Text       string // the value, written after the bar (not on narrow screens)
	Note       string // why there is no bar, written on every screen
}

type barKey struct{ Name, Class string }

// Heights in the bar charts, in SVG units.
const (
	barH   = 11.0 // one bar
	barGap = 10.0 // between groups
)

// newBarsPlot draws, for each run, one bar per series: values[k][i] is
// series k's value for run i, written as text[k][i]; a NaN value draws no
// bar, and text[k][i] says why. The axis goes from 0 to hi.
func newBarsPlot(title, xlabel string, names []string, classes []string, values [][]float64, text [][]string, hi float64, tickStep float64) *barsPlot {
	runs := len(values[0])
	group := math.Max(24, float64(len(values))*barH+barGap)
	p := &barsPlot{frame: frame{W: 552, L: 60, T: 40, R: 480, XLabel: xlabel, YLabel: "run", Title: title}}
	p.B = p.T + float64(runs)*group
	p.H = p.B + 50
	if len(values) > 1 {
		for k := range values {
			p.Keys = append(p.Keys, barKey{names[k], classes[k]})
		}
	}
	sx := scale{0, hi, p.L, p.R}
	p.XTicks = sx.ticks(tickStep)
	for i := 0; i < runs; i++ {
		top := p.T + float64(i)*group + barGap/2
		g := barGroup{Label: strconv.Itoa(i + 1), Y: top + float64(len(values))*barH/2 + 4}
		for k := range values {
			v := values[k][i]
			y := top + float64(k)*barH
			if math.IsNaN(v) {
				g.Bars = append(g.Bars, bar{X: p.L, Y: y, H: barH - 1, Class: classes[k], Note: text[k][i]})
				continue
			}
			g.Bars = append(g.Bars, bar{X: p.L, Y: y, W: sx.at(math.Min(v, hi)) - p.L, H: barH - 1, Class: classes[k], Text: text[k][i]})
		}
		p.Groups = append(p.Groups, g)
	}
	return p
}

// newAccuracyPlot draws each run's train, dev and test accuracies side by
// side, so that over-fitting (train far above test) shows.
func newAccuracyPlot(s *Sweep) *barsPlot {
	names, classes := []string{"train"}, []string{"train"}
	get := []func(Run) float64{func(r Run) float64 { return r.TrainAccuracy }}
	if s.HasDev {
		names, classes = append(names, "dev"), append(classes, "dev")
		get = append(get, func(r Run) float64 { return r.DevAccuracy })
	}
	if s.HasTest {
		names, classes = append(names, "test"), append(classes, "test")
		get = append(get, func(r Run) float64 { return r.TestAccuracy })
	}
	values, text := make([][]float64, len(get)), make([][]string, len(get))
	for k, g := range get {
		for _, r := range s.Runs {
			if r.Stopped {
				note := "" // said once per run
				if k == 0 {
					note = "diverged: no accuracy"
				}
				values[k], text[k] = append(values[k], math.NaN()), append(text[k], note)
				continue
			}
			values[k], text[k] = append(values[k], 100*g(r)), append(text[k], percent(g(r)))
		}
	}
	return newBarsPlot("Accuracy of every run", "accuracy (%)", names, classes, values, text, 100, 20)
}

// newTimePlot draws each run's training time.
func newTimePlot(s *Sweep) *barsPlot {
	var values []float64
	var text []string
	hi := 0.0
	for _, r := range s.Runs {
		values, text = append(values, r.Elapsed.Seconds()), append(text, seconds(r.Elapsed))
		hi = math.Max(hi, r.Elapsed.Seconds())
	}
	_, hi, step := widen(0, math.Max(hi, 1e-3), 5)
	return newBarsPlot("Time of every run", "seconds", []string{"time"}, []string{"time"}, [][]float64{values}, [][]string{text}, hi, step)
}
