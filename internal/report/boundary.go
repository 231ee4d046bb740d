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
	Classes [2]string // the names of class 0 and class 1, for the legend
}

type dot struct {
	X, Y  float64
	Class int
}

// plane is the part of the plane the pictures of 2-D inputs show.
type plane struct{ xlo, xhi, ylo, yhi float64 }

// newPlane returns the range of b's points widened by 1 on every side, as
// the course's plot_decision_boundary does. It panics on the shape errors
// Write documents.
func newPlane(b *Boundary) (plane, error) {
	if b.X == nil || b.Y == nil || b.Predict == nil {
		panic("report: Write: Boundary needs X, Y and Predict")
	}
	n, m := b.X.Dims()
	if yr, yc := b.Y.Dims(); n != 2 || yr != 1 || yc != m || m == 0 {
		panic(fmt.Sprintf("report: Write: Boundary X has shape %s and Y %s, want (2,m) and (1,m) with m > 0", b.X.Shape(), b.Y.Shape()))
	}
	xlo, xhi := minMax(rowOf(b.X, 0))
	ylo, yhi := minMax(rowOf(b.X, 1))
	if math.IsInf(xhi-xlo+yhi-ylo, 0) || math.IsNaN(xhi-xlo+yhi-ylo) {
		return plane{}, fmt.Errorf("decision boundary: the points are not all finite numbers")
	}
	return plane{xlo - 1, xhi + 1, ylo - 1, yhi + 1}, nil
}

// at returns the centre of cell (row, col) of a cells×cells grid over the
// plane, row 0 at the top (largest x₂).
func (p plane) at(row, col, cells int) (x1, x2 float64) {
	return p.xlo + (float64(col)+0.5)/float64(cells)*(p.xhi-p.xlo),
		p.yhi - (float64(row)+0.5)/float64(cells)*(p.yhi-p.ylo)
}

// grid returns the centres of the cells×cells grid as the columns of a
// (2, cells²) matrix, row by row from the top: cell (row, col) is column
// row*cells + col.
func (p plane) grid(cells int) *matrix.Dense {
	X := matrix.Zeros(2, cells*cells)
	for r := 0; r < cells; r++ {
		for c := 0; c < cells; c++ {
			x1, x2 := p.at(r, c, cells)
			X.Set(0, r*cells+c, x1)
			X.Set(1, r*cells+c, x2)
		}
	}
	return X
}

// newBoundaryPlot evaluates b.Predict over the plane of b's points, a few
// thousand points at a time.
func newBoundaryPlot(b *Boundary, pl plane, classes [2]string) (*boundaryPlot, error) {
	img := image.NewRGBA(image.Rect(0, 0, gridCells, gridCells))
	for first := 0; first < gridCells*gridCells; first += chunk {
		k := min(chunk, gridCells*gridCells-first)
		X := matrix.Zeros(2, k)
		for i := 0; i < k; i++ {
			x1, x2 := pl.at((first+i)/gridCells, (first+i)%gridCells, gridCells)
			X.Set(0, i, x1)
			X.Set(1, i, x2)
		}
		p := b.Predict(X)
		if r, c := p.Dims(); r != 1 || c != k {
			panic(fmt.Sprintf("report: Write: Boundary.Predict returned shape %s for input %s, want (1,%d)", p.Shape(), X.Shape(), k))
		}
		for i := 0; i < k; i++ {
			c := region[0]
			if p.At(0, i) > 0.5 {
				c = region[1]
			}
			img.SetRGBA((first+i)%gridCells, (first+i)/gridCells, c)
		}
	}
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
		Classes: classes,
	}
	sx, sy := scale{pl.xlo, pl.xhi, p.L, p.R}, scale{pl.ylo, pl.yhi, p.B, p.T}
	p.XTicks = sx.ticks(niceStep(pl.xhi-pl.xlo, 6))
	p.YTicks = sy.ticks(niceStep(pl.yhi-pl.ylo, 6))
	_, m := b.X.Dims()
	for i := 0; i < m; i++ {
		class := 0
		if b.Y.At(0, i) > 0.5 {
			class = 1
		}
		p.Points = append(p.Points, dot{sx.at(b.X.At(0, i)), sy.at(b.X.At(1, i)), class})
	}
	return p, nil
}

// rowOf returns row i of m as a new slice.
func rowOf(m *matrix.Dense, i int) []float64 {
	_, c := m.Dims()
	v := make([]float64, c)
	for j := range v {
		v[j] = m.At(i, j)
	}
	return v
}

func minMax(v []float64) (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, x := range v {
		lo, hi = math.Min(lo, x), math.Max(hi, x)
	}
	return lo, hi
}
