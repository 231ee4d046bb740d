package report

import (
	"cmp"
	"image"
	"image/color"
	"math"
	"slices"
)

// The pixel maths of the pictures of what a network learned: weights drawn
// as colours, activations as heat maps, and the examples that excite a unit.

// symmetricScale returns s = max |v|, the half-width of a colour scale
// centred on 0 that shows every value of v: -s is the darkest level, +s the
// brightest. It returns 0 if v is empty or all zeros.
func symmetricScale(v []float64) float64 {
	s := 0.0
	for _, x := range v {
		s = math.Max(s, math.Abs(x))
	}
	return s
}

// level maps v in [-s, s] to a colour level: -s is 0, 0 is 128 and +s is
// 255, linearly, values beyond ±s clamped. With s = 0 every value is 128.
func level(v, s float64) uint8 {
	if s == 0 {
		return 128
	}
	return uint8(math.Round(127.5 + 127.5*math.Max(-1, math.Min(1, v/s))))
}

// weightTile draws w, one row of W[1] for inputs that are side×side RGB
// pictures, as a side×side picture: the weight on pixel (r, c), channel k
// (0 red, 1 green, 2 blue) is w[(r*side+c)*3+k], the course's flattening
// order, and becomes that pixel's channel k at level(w, s). So a grey pixel
// is a weight of 0 on all three channels, a red one a positive weight on red
// and negative ones on green and blue. It panics if len(w) != 3*side*side.
func weightTile(w []float64, side int, s float64) *image.RGBA {
	if len(w) != 3*side*side {
		panic("report: weightTile: a row of W[1] must hold 3·side² weights")
	}
	img := image.NewRGBA(image.Rect(0, 0, side, side))
	for r := 0; r < side; r++ {
		for c := 0; c < side; c++ {
			i := (r*side + c) * 3
			img.SetRGBA(c, r, color.RGBA{level(w[i], s), level(w[i+1], s), level(w[i+2], s), 255})
		}
	}
	return img
}

// topK returns the indices of the k largest values of v, largest first,
// ties to the lower index; all of them if k >= len(v).
func topK(v []float64, k int) []int {
	idx := make([]int, len(v))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int { return cmp.Compare(v[b], v[a]) })
	return idx[:min(k, len(idx))]
}

// ramp is a colour map: colours at evenly spaced stops from 0 to 1, with
// linear interpolation in between.
type ramp []color.RGBA

// at returns the colour for t in [0, 1] (clamped).
func (r ramp) at(t float64) color.RGBA {
	t = math.Max(0, math.Min(1, t)) * float64(len(r)-1)
	i := min(int(t), len(r)-2)
	f := t - float64(i)
	mix := func(a, b uint8) uint8 { return uint8(math.Round(float64(a) + f*(float64(b)-float64(a)))) }
	a, b := r[i], r[i+1]
	return color.RGBA{mix(a.R, b.R), mix(a.G, b.G), mix(a.B, b.B), 255}
}

// Colour maps of the heat maps: a ReLU unit's activation from 0 (white) to
// its largest value (dark blue); the sigmoid output from 0 (the red of
// class 0) through 0.5 (white) to 1 (the blue of class 1).
var (
	reluRamp    = ramp{{255, 255, 255, 255}, {158, 202, 225, 255}, {49, 130, 189, 255}, {8, 48, 107, 255}}
	sigmoidRamp = ramp{{192, 57, 43, 255}, {255, 255, 255, 255}, {31, 95, 168, 255}}
)

// heatMap draws v, the values of one unit on a side×side grid (row 0 at the
// top), as a picture: each value divided by hi, then coloured by r.
func heatMap(v []float64, side int, hi float64, r ramp) *image.RGBA {
	if len(v) != side*side {
		panic("report: heatMap: want side² values")
	}
	img := image.NewRGBA(image.Rect(0, 0, side, side))
	for i, x := range v {
		t := 0.0
		if hi > 0 {
			t = x / hi
		}
		img.SetRGBA(i%side, i/side, r.at(t))
	}
	return img
}
