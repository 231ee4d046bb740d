package report

import (
	"fmt"
	"math"
	"strconv"
)

// The block structure of the course's outline: a forward block per layer
// from left to right, then the cost, then a backward block per layer from
// right to left, each forward block handing its cache down to its backward
// twin. Laid out twice: wide (two rows) for a screen, tall (two columns) for
// a phone or a deep network.

// Sizes of a block and the gaps between blocks, in SVG units.
const (
	blockW, blockH = 170.0, 96.0
	lineH          = 16.0 // one line of text in a block
)

// blockDiagram is the outline for one network, in both layouts.
type blockDiagram struct {
	Wide *blockLayout // nil when the network is too deep to read in a row
	Tall *blockLayout
}

type blockLayout struct {
	W, H   float64
	Blocks []block
	Arrows []arrow
}

// block is a box with a bold first line and plain lines below.
type block struct {
	X, Y, W, H float64
	Class      string // forward, backward or end
	Title      string
	Lines      []string
}

// arrow is a line from (X1, Y1) to (X2, Y2) with a head at the end and up
// to two lines of label centred on (LX, LY).
type arrow struct {
	X1, Y1, X2, Y2 float64
	Head           string // the head's triangle, as SVG points
	Class          string // data, grad or cache
	Label          []string
	LX, LY         float64
	Anchor         string // the labels' text-anchor
}

// maxWideLayers is the deepest network drawn in the wide layout.
const maxWideLayers = 5

// newBlockDiagram lays out the blocks for layer sizes dims = n[0], ..., n[L]
// on m examples (m = 0 writes "m").
func newBlockDiagram(dims []int, m int) *blockDiagram {
	L := len(dims) - 1
	ms := "m"
	if m > 0 {
		ms = strconv.Itoa(m)
	}
	shape := func(r int, c string) string { return fmt.Sprintf("(%d, %s)", r, c) }
	n := func(l int) int { return dims[l] }

	fwd := make([]block, L+2) // 0: the input, 1..L: layers, L+1: the cost
	bwd := make([]block, L+2) // 1..L: layers, L+1: the start of backward propagation
	fwd[0] = block{Class: "end", Title: "Input", Lines: []string{"X = A[0]", shape(n(0), ms)}}
	for l := 1; l <= L; l++ {
		g := "RELU"
		if l == L {
			g = "SIGMOID"
		}
		fwd[l] = block{Class: "forward", Title: fmt.Sprintf("%d: LINEAR → %s", l, g), Lines: []string{
			fmt.Sprintf("W[%d] %s", l, shape(n(l), strconv.Itoa(n(l-1)))),
			fmt.Sprintf("b[%d] %s", l, shape(n(l), "1")),
			fmt.Sprintf("Z[%d] %s", l, shape(n(l), ms)),
			fmt.Sprintf("A[%d] %s", l, shape(n(l), ms)),
		}}
		bwd[l] = block{Class: "backward", Title: fmt.Sprintf("%d: LINEAR ← %s", l, g), Lines: []string{
			fmt.Sprintf("dZ[%d] %s", l, shape(n(l), ms)),
			fmt.Sprintf("dW[%d] %s", l, shape(n(l), strconv.Itoa(n(l-1)))),
			fmt.Sprintf("db[%d] %s", l, shape(n(l), "1")),
			fmt.Sprintf("dA[%d] %s", l-1, shape(n(l-1), ms)),
		}}
	}
	fwd[L+1] = block{Class: "end", Title: "Cost", Lines: []string{"J(A[L], Y)", "Y " + shape(n(L), ms)}}
	bwd[L+1] = block{Class: "end", Title: "Backward starts", Lines: []string{"dA[L] = −Y/A[L]", "  + (1−Y)/(1−A[L])", shape(n(L), ms)}}

	d := &blockDiagram{Tall: layout(fwd, bwd, false)}
	if L <= maxWideLayers {
		d.Wide = layout(fwd, bwd, true)
	}
	return d
}

// layout places the blocks: wide puts the forward blocks in a row, left to
// right, and the backward blocks in a row below; tall puts them in two
// columns, forward going down and backward coming up.
func layout(fwd, bwd []block, wide bool) *blockLayout {
	const margin, gapWide, gapRows, gapTall, gapCols = 10.0, 40.0, 80.0, 36.0, 60.0
	k := len(fwd) // L+2 positions
	L := k - 2
	pos := func(i int, back bool) (x, y float64) {
		if wide {
			x, y = margin+float64(i)*(blockW+gapWide), margin
			if back {
				y += blockH + gapRows
			}
			return x, y
		}
		x, y = margin, margin+float64(i)*(blockH+gapTall)
		if back {
			x += blockW + gapCols
		}
		return x, y
	}
	out := &blockLayout{}
	if wide {
		out.W, out.H = 2*margin+float64(k)*blockW+float64(k-1)*gapWide, 2*margin+2*blockH+gapRows
	} else {
		out.W, out.H = 2*margin+2*blockW+gapCols, 2*margin+float64(k)*blockH+float64(k-1)*gapTall
	}
	place := func(b block, i int, back bool) block {
		b.X, b.Y = pos(i, back)
		b.W, b.H = blockW, blockH
		return b
	}
	for i := 0; i < k; i++ {
		out.Blocks = append(out.Blocks, place(fwd[i], i, false))
		if i > 0 {
			out.Blocks = append(out.Blocks, place(bwd[i], i, true))
		}
	}

	// next returns the arrow from the block at (x1, y1) to the adjacent one
	// at (x2, y2) in the direction of travel, labelled label.
	next := func(x1, y1, x2, y2 float64, class string, label ...string) arrow {
		var a arrow
		switch {
		case y1 == y2 && x2 > x1: // rightwards
			a = arrow{X1: x1 + blockW, Y1: y1 + blockH/2, X2: x2, Y2: y2 + blockH/2}
			a.LX, a.LY, a.Anchor = (a.X1+a.X2)/2, a.Y1-6, "middle"
		case y1 == y2: // leftwards
			a = arrow{X1: x1, Y1: y1 + blockH/2, X2: x2 + blockW, Y2: y2 + blockH/2}
			a.LX, a.LY, a.Anchor = (a.X1+a.X2)/2, a.Y1-6, "middle"
		case y2 > y1: // downwards
			a = arrow{X1: x1 + blockW/2, Y1: y1 + blockH, X2: x2 + blockW/2, Y2: y2}
			a.LX, a.LY, a.Anchor = a.X1+6, (a.Y1+a.Y2)/2+4, "start"
		default: // upwards
			a = arrow{X1: x1 + blockW/2, Y1: y1, X2: x2 + blockW/2, Y2: y2 + blockH}
			a.LX, a.LY, a.Anchor = a.X1+6, (a.Y1+a.Y2)/2+4, "start"
		}
		a.Class, a.Label, a.Head = class, label, head(a.X1, a.Y1, a.X2, a.Y2)
		return a
	}
	for i := 0; i <= L; i++ { // forward: A[i] from position i to i+1
		x1, y1 := pos(i, false)
		x2, y2 := pos(i+1, false)
		out.Arrows = append(out.Arrows, next(x1, y1, x2, y2, "data", fmt.Sprintf("A[%d]", i)))
	}
	{ // from the cost down (wide) or across (tall) to the start of backward
		x1, y1 := pos(L+1, false)
		x2, y2 := pos(L+1, true)
		a := arrow{X1: x1 + blockW/2, Y1: y1 + blockH, X2: x2 + blockW/2, Y2: y2, Class: "grad"}
		if !wide {
			a = arrow{X1: x1 + blockW, Y1: y1 + blockH/2, X2: x2, Y2: y2 + blockH/2, Class: "grad"}
		}
		a.Head = head(a.X1, a.Y1, a.X2, a.Y2)
		out.Arrows = append(out.Arrows, a)
	}
	for i := L + 1; i > 1; i-- { // backward: dA[i-1] from position i to i-1
		x1, y1 := pos(i, true)
		x2, y2 := pos(i-1, true)
		out.Arrows = append(out.Arrows, next(x1, y1, x2, y2, "grad", fmt.Sprintf("dA[%d]", i-1)))
	}
	for l := 1; l <= L; l++ { // the caches
		x1, y1 := pos(l, false)
		x2, y2 := pos(l, true)
		var a arrow
		if wide {
			a = arrow{X1: x1 + blockW/2, Y1: y1 + blockH, X2: x2 + blockW/2, Y2: y2, LX: x1 + blockW/2, LY: y1 + blockH + gapRows/2 - 3, Anchor: "middle",
				Label: []string{fmt.Sprintf("cache %d", l), fmt.Sprintf("A[%d] W[%d] b[%d] Z[%d]", l-1, l, l, l)}}
		} else {
			a = arrow{X1: x1 + blockW, Y1: y1 + blockH/2, X2: x2, Y2: y2 + blockH/2, LX: x1 + blockW + gapCols/2, LY: y1 + blockH/2 - 6, Anchor: "middle",
				Label: []string{fmt.Sprintf("cache %d", l)}}
		}
		a.Class, a.Head = "cache", head(a.X1, a.Y1, a.X2, a.Y2)
		out.Arrows = append(out.Arrows, a)
	}
	return out
}

// head returns the points of an arrow head at (x2, y2) pointing away from
// (x1, y1).
func head(x1, y1, x2, y2 float64) string {
	const length, half = 9.0, 4.0
	dx, dy := x2-x1, y2-y1
	d := math.Hypot(dx, dy)
	ux, uy := dx/d, dy/d
	bx, by := x2-length*ux, y2-length*uy
	return fmt.Sprintf("%.1f,%.1f %.1f,%.1f %.1f,%.1f", x2, y2, bx-half*uy, by+half*ux, bx+half*uy, by-half*ux)
}
