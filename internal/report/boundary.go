package report

import (
	"fmt"
	"html/template"
	"image"
	"image/color"
	"math"

	"dnn/internal/imageio"
	"dnn/matrix"
)

// Size of the decision-boundary picture.
const (
	gridCells = 200  // Predict is evaluated on gridCells×gridCells points
	chunk     = 4000 // grid points per call to Predict
)

// Pale colours of the regions predicted as class 0 and class 1, after the
// red and blue ends of the course's Spectral colour map; the points use
// stronger shades of the same hues (CSS classes c0 and c1 in the page).
var region = [2]color.RGBA{{250, 200, 185, 255}, {190, 215, 240, 255}}

// boundaryPlot is the classifier's decision over the plane, drawn as a
// picture in the plot box, with the labelled points on top.
type boundaryPlot struct {
	frame
	Picture template.URL // PNG data: URI of the predicted classes
	Points  []dot
}

type dot struct {
	X, Y  float64
	Class int
}

// newBoundaryPlot evaluates b.Predict over the points' range widened by 1
// on every side, as the course's plot_decision_boundary does. It panics on
// the shape errors Write documents.
func newBoundaryPlot(b *Boundary) (*boundaryPlot, error) {
	if b.X == nil || b.Y == nil || b.Predict == nil {
		panic("report: Write: Boundary needs X, Y and Predict")
	}
	n, m := b.X.Dims()
	if yr, yc := b.Y.Dims(); n != 2 || yr != 1 || yc != m || m == 0 {
		panic(fmt.Sprintf("report: Write: Boundary X has shape %s and Y %s, want (2,m) and (1,m) with m > 0", b.X.Shape(), b.Y.Shape()))
	}
	x0, x1 := b.X.Row(0), b.X.Row(1)
	xlo, xhi := minMax(x0)
	ylo, yhi := minMax(x1)
	if math.IsInf(xhi-xlo+yhi-ylo, 0) || math.IsNaN(xhi-xlo+yhi-ylo) {
		return nil, fmt.Errorf("decision boundary: the points are not all finite numbers")
	}
	xlo, xhi, ylo, yhi = xlo-1, xhi+1, ylo-1, yhi+1

	img := image.NewRGBA(image.Rect(0, 0, gridCells, gridCells))
	in := make([]float64, 0, 2*chunk)
	var pix []int // the pixel offsets of the cells in the current chunk
	flush := func() {
		k := len(pix)
		if k == 0 {
			return
		}
		X := matrix.Zeros(2, k)
		for i := 0; i < k; i++ {
			X.Set(0, i, in[2*i])
			X.Set(1, i, in[2*i+1])
		}
		p := b.Predict(X)
		if r, c := p.Dims(); r != 1 || c != k {
			panic(fmt.Sprintf("report: Write: Boundary.Predict returned shape %s for input %s, want (1,%d)", p.Shape(), X.Shape(), k))
		}
		for i, off := range pix {
			c := region[0]
			if p.At(0, i) > 0.5 {
				c = region[1]
			}
			img.Pix[off], img.Pix[off+1], img.Pix[off+2], img.Pix[off+3] = c.R, c.G, c.B, c.A
		}
		in, pix = in[:0], pix[:0]
	}
	for row := 0; row < gridCells; row++ {
		y := yhi - (float64(row)+0.5)/gridCells*(yhi-ylo) // row 0 at the top
		for col := 0; col < gridCells; col++ {
			x := xlo + (float64(col)+0.5)/gridCells*(xhi-xlo)
			in = append(in, x, y)
			pix = append(pix, img.PixOffset(col, row))
			if len(pix) == chunk {
				flush()
			}
		}
	}
	flush()
	uri, err := imageio.PNGDataURI(img)
	if err != nil {
		return nil, fmt.Errorf("decision boundary: %w", err)
	}

	p := &boundaryPlot{
		frame: frame{
			W: 460, H: 460, L: 60, T: 40, R: 440, B: 400,
			XLabel: "x₁", YLabel: "x₂", Title: "Decision boundary",
		},
		Picture: template.URL(uri), // made here, so safe to embed
	}
	sx, sy := scale{xlo, xhi, p.L, p.R}, scale{ylo, yhi, p.B, p.T}
	p.XTicks = sx.ticks(niceStep(xhi-xlo, 6))
	p.YTicks = sy.ticks(niceStep(yhi-ylo, 6))
	for i := 0; i < m; i++ {
		class := 0
		if b.Y.At(0, i) > 0.5 {
			class = 1
		}
		p.Points = append(p.Points, dot{sx.at(x0[i]), sy.at(x1[i]), class})
	}
	return p, nil
}

func minMax(v []float64) (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, x := range v {
		lo, hi = math.Min(lo, x), math.Max(hi, x)
	}
	return lo, hi
}
