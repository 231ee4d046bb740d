package report

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// costPlot is the notebook's cost curve: cost against iteration.
type costPlot struct {
	frame
	Line    string // the polyline's points, "x,y x,y ..."
	Dots    []xy   // a mark on each recorded cost, when there are few
	Skipped int    // costs that are NaN or infinite, not drawn
	Count   int    // finite costs drawn
}

type xy struct{ X, Y float64 }

// maxDots is the number of recorded costs up to which each gets a mark.
const maxDots = 60

// newCostPlot lays out the cost curve of pts for the learning rate lr. Costs
// that are NaN or infinite (a diverging run) are counted in Skipped and left
// out; if none is left, the plot is an empty frame with a note (Count 0).
func newCostPlot(pts []Point, lr float64) *costPlot {
	var ok []Point
	for _, p := range pts {
		if math.IsNaN(p.Cost) || math.IsInf(p.Cost, 0) {
			continue
		}
		ok = append(ok, p)
	}
	c := &costPlot{
		frame: frame{
			W: 640, H: 400, L: 80, T: 40, R: 620, B: 340,
			XLabel: "iteration", YLabel: "cost",
			Title: "Cost, learning rate = " + strconv.FormatFloat(lr, 'g', -1, 64),
		},
		Skipped: len(pts) - len(ok),
		Count:   len(ok),
	}
	if len(ok) == 0 {
		return c
	}
	xlo, xhi := 0.0, 0.0
	ylo, yhi := math.Inf(1), math.Inf(-1)
	for _, p := range ok {
		xlo, xhi = math.Min(xlo, float64(p.Iteration)), math.Max(xhi, float64(p.Iteration))
		ylo, yhi = math.Min(ylo, p.Cost), math.Max(yhi, p.Cost)
	}
	if xhi == xlo {
		xhi = xlo + 1
	}
	xstep := math.Max(1, niceStep(xhi-xlo, 6)) // iterations are whole numbers
	ylo, yhi, ystep := widen(ylo, yhi, 8)
	sx := scale{xlo, xhi, c.L, c.R}
	sy := scale{ylo, yhi, c.B, c.T}
	c.XTicks, c.YTicks = sx.ticks(xstep), sy.ticks(ystep)

	var line strings.Builder
	for i, p := range ok {
		pt := xy{sx.at(float64(p.Iteration)), sy.at(p.Cost)}
		if i > 0 {
			line.WriteByte(' ')
		}
		fmt.Fprintf(&line, "%.1f,%.1f", pt.X, pt.Y)
		if len(ok) <= maxDots {
			c.Dots = append(c.Dots, pt)
		}
	}
	c.Line = line.String()
	return c
}
