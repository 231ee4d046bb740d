package report

import (
	"fmt"
	"html/template"
	"image"

	"dnn/internal/imageio"
	"dnn/matrix"
	"dnn/step01_init"
	"dnn/step02_forward"
)

// What each layer learned: for picture inputs, the rows of W[1] drawn as
// pictures and the training pictures that excite each hidden unit most; for
// 2-D inputs, every unit's activation over the plane.

// Sizes of the pictures of what each layer learned.
const (
	topPictures = 5  // training pictures shown per hidden unit
	heatCells   = 64 // a heat map is heatCells×heatCells grid points
)

// shot is one embedded picture with its caption.
type shot struct {
	URI     template.URL // data: URI
	Caption string
	Detail  string // a second line of caption
}

// unitShots is one unit with its pictures: a heat map, or its top pictures.
type unitShots struct {
	Unit  string // e.g. "unit 3"
	Shots []shot
	Note  string // e.g. why there is no picture
}

// layerShots is one layer's units.
type layerShots struct {
	Title string // e.g. "Layer 1: 20 ReLU units"
	Note  string // what this layer's pictures show
	Units []unitShots
}

// pictureLayers is the section for inputs that are side×side RGB pictures.
type pictureLayers struct {
	Side   int    // the pictures' side, in pixels
	Tiles  []shot // row i of W[1] drawn as a picture, for each unit i of layer 1
	Change []shot // the same for the change training made to W[1]; nil if unknown
	Legend *weightLegend
	Top    []layerShots // for each hidden layer, the training pictures that excite each unit most
}

// planeLayers is the section for 2-D inputs: every unit's activation over
// the plane, layer by layer.
type planeLayers struct {
	Layers []layerShots
}

// activations returns A[1], ..., A[L] of p on X (entry 0 is X itself).
func activations(X *matrix.Dense, p step01_init.Parameters) []*matrix.Dense {
	AL, caches := step02_forward.LModelForward(X, p)
	A := make([]*matrix.Dense, 0, len(caches)+1)
	for _, c := range caches {
		A = append(A, c.Linear.APrev)
	}
	return append(A, AL)
}

// unitKind names layer l's units and their activation, e.g. "20 ReLU units".
func unitKind(n, l, L int) string {
	g := "ReLU"
	if l == L {
		g = "sigmoid"
	}
	if n == 1 {
		return "1 " + g + " unit"
	}
	return fmt.Sprintf("%d %s units", n, g)
}

// newPictureLayers draws W[1]'s rows as side×side pictures, and those of
// W[1] − W0[1], the change training made, if W0 (the network before
// training) is set; and finds, for every unit of every hidden layer, the
// topPictures training examples of X (n[0], m) that activate it most. Y
// (1, m) and classes name the examples.
func newPictureLayers(p, p0 step01_init.Parameters, X, Y *matrix.Dense, classes []string, side int) (*pictureLayers, error) {
	s := &pictureLayers{Side: side}
	var err error
	if s.Tiles, err = weightTiles(p.W[1], side); err != nil {
		return nil, err
	}
	if p0.L() >= 1 {
		if s.Change, err = weightTiles(matrix.Sub(p.W[1], p0.W[1]), side); err != nil {
			return nil, err
		}
	}
	if s.Legend, err = newWeightLegend(); err != nil {
		return nil, err
	}

	A := activations(X, p)
	L := p.L()
	thumbs := map[int]template.URL{} // example j's picture, made once
	for l := 1; l < L; l++ {
		n, _ := A[l].Dims()
		layer := layerShots{Title: fmt.Sprintf("Layer %d: %s", l, unitKind(n, l, L))}
		for i := 0; i < n; i++ {
			a := rowOf(A[l], i)
			u := unitShots{Unit: fmt.Sprintf("unit %d", i+1)}
			if symmetricScale(a) == 0 {
				u.Note = "0 on every training picture: a dead unit"
				layer.Units = append(layer.Units, u)
				continue
			}
			for _, j := range topK(a, topPictures) {
				uri, ok := thumbs[j]
				if !ok {
					b, err := imageio.PNGDataURI(imageio.FromColumn(X, j, side))
					if err != nil {
						return nil, err
					}
					uri = template.URL(b) // made here, so safe to embed
					thumbs[j] = uri
				}
				u.Shots = append(u.Shots, shot{uri, fmt.Sprintf("%.2f", a[j]), className(classes, Y.At(0, j))})
			}
			layer.Units = append(layer.Units, u)
		}
		s.Top = append(s.Top, layer)
	}
	return s, nil
}

// weightTiles draws each row of W (n, 3·side²) as a side×side picture,
// scaled to its own largest weight.
func weightTiles(W *matrix.Dense, side int) ([]shot, error) {
	n, _ := W.Dims()
	var tiles []shot
	for i := 0; i < n; i++ {
		w := rowOf(W, i)
		s := symmetricScale(w)
		uri, err := imageio.PNGDataURI(weightTile(w, side, s))
		if err != nil {
			return nil, err
		}
		tiles = append(tiles, shot{template.URL(uri), fmt.Sprintf("unit %d", i+1), fmt.Sprintf("s = %.2g", s)})
	}
	return tiles, nil
}

// className returns the name of label y (0 or 1).
func className(classes []string, y float64) string {
	k := 0
	if y > 0.5 {
		k = 1
	}
	if k < len(classes) {
		return classes[k]
	}
	return fmt.Sprintf("class %d", k)
}

// newPlaneLayers draws, for every unit of every layer of p (2 inputs), its
// activation over pl as a heat map.
func newPlaneLayers(p step01_init.Parameters, pl plane) (*planeLayers, error) {
	A := activations(pl.grid(heatCells), p)
	L := p.L()
	s := &planeLayers{}
	for l := 1; l <= L; l++ {
		n, _ := A[l].Dims()
		layer := layerShots{Title: fmt.Sprintf("Layer %d: %s", l, unitKind(n, l, L))}
		switch {
		case l == L:
			layer.Note = "The output ŷ: the decision region, red below 0.5 and blue above."
		case l == 1:
			layer.Note = "Each unit is max(0, w·x + b): zero on one side of a straight line and rising on the other, a half-plane."
		default:
			layer.Note = fmt.Sprintf("Each unit is max(0, ·) of a weighted sum of layer %d's pictures: combinations of them, with bends.", l-1)
		}
		for i := 0; i < n; i++ {
			a := rowOf(A[l], i)
			var img *image.RGBA
			var caption string
			if l == L {
				img, caption = heatMap(a, heatCells, 1, sigmoidRamp), "ŷ from 0 to 1"
			} else {
				hi := symmetricScale(a)
				img, caption = heatMap(a, heatCells, hi, reluRamp), fmt.Sprintf("0 to %.2g", hi)
				if hi == 0 {
					caption = "0 everywhere: dead"
				}
			}
			uri, err := imageio.PNGDataURI(img)
			if err != nil {
				return nil, err
			}
			layer.Units = append(layer.Units, unitShots{
				Unit:  fmt.Sprintf("unit %d", i+1),
				Shots: []shot{{URI: template.URL(uri), Caption: caption}},
			})
		}
		s.Layers = append(s.Layers, layer)
	}
	return s, nil
}

// weightLegend explains the colours of the weight pictures: for each
// channel, the colour of a pixel whose weight on that channel goes from -s
// to +s while the other two are 0, and the grey of all three together.
type weightLegend struct {
	Bars []shot // Caption names the channel
}

// legendWidth is the width of a legend bar, in pixels: one per level.
const legendWidth = 256

func newWeightLegend() (*weightLegend, error) {
	lg := &weightLegend{}
	for _, ch := range []struct {
		name string
		k    []int // the channels the weight is on
	}{{"red", []int{0}}, {"green", []int{1}}, {"blue", []int{2}}, {"all three", []int{0, 1, 2}}} {
		img := image.NewRGBA(image.Rect(0, 0, legendWidth, 1))
		for x := 0; x < legendWidth; x++ {
			w := make([]float64, 3)
			for _, k := range ch.k {
				w[k] = -1 + 2*float64(x)/(legendWidth-1)
			}
			img.Set(x, 0, weightTile(w, 1, 1).At(0, 0))
		}
		uri, err := imageio.PNGDataURI(img)
		if err != nil {
			return nil, err
		}
		lg.Bars = append(lg.Bars, shot{URI: template.URL(uri), Caption: "weight on " + ch.name})
	}
	return lg, nil
}
