package imageio

import (
	"image"
	"math"
)

// tap is one source pixel's share in a destination pixel along one axis.
type tap struct {
	i int     // source index
	w float64 // weight; the taps of one destination pixel sum to 1
}

// taps returns, for each of the dst destination pixels along an axis, the
// source pixels (out of src) it is made from.
//
// Shrinking averages areas (a box filter): destination pixel j covers the
// source interval [j*s, (j+1)*s) with s = src/dst, and each source pixel
// counts in proportion to how much of it lies inside. Every source pixel
// contributes, so nothing is skipped and no aliasing appears.
//
// Enlarging interpolates linearly between the two nearest source pixel
// centres (bilinear, once per axis), with pixel centres at i+0.5 on both
// sides and the edge pixels repeated beyond the border.
//
// The same size maps each pixel to itself with weight exactly 1.
func taps(src, dst int) [][]tap {
	t := make([][]tap, dst)
	switch {
	case src == dst:
		for j := range t {
			t[j] = []tap{{j, 1}}
		}
	case dst < src:
		s := float64(src) / float64(dst)
		for j := range t {
			lo, hi := float64(j)*s, float64(j+1)*s
			for i := int(lo); i < src && float64(i) < hi; i++ {
				w := math.Min(hi, float64(i+1)) - math.Max(lo, float64(i))
				if w > 0 {
					t[j] = append(t[j], tap{i, w / s})
				}
			}
		}
	default:
		s := float64(src) / float64(dst)
		for j := range t {
			x := (float64(j)+0.5)*s - 0.5
			x = math.Max(0, math.Min(x, float64(src-1)))
			i0 := int(x)
			f := x - float64(i0)
			if f == 0 || i0+1 >= src {
				t[j] = []tap{{i0, 1}}
			} else {
				t[j] = []tap{{i0, 1 - f}, {i0 + 1, f}}
			}
		}
	}
	return t
}

// readRow fills buf (3 values per pixel, width of img) with the red, green
// and blue values of row y (counted from the top of img's bounds) on the
// scale 0..255, composited over a white background where the picture is
// transparent.
func readRow(img image.Image, y int, buf []float64) {
	b := img.Bounds()
	for x := 0; x < b.Dx(); x++ {
		r, g, bl, a := img.At(b.Min.X+x, b.Min.Y+y).RGBA() // premultiplied, 0..0xffff
		bg := float64(0xffff - a)
		buf[3*x] = (float64(r) + bg) / 257
		buf[3*x+1] = (float64(g) + bg) / 257
		buf[3*x+2] = (float64(bl) + bg) / 257
	}
}

// resize returns img resized to w×h as 3 values (R, G, B, 0..255, not
// rounded) per pixel, row after row. It works one source row at a time,
// so that a large picture needs no more memory than one row plus an
// (img height, w) intermediate.
func resize(img image.Image, w, h int) []float64 {
	b := img.Bounds()
	sw, sh := b.Dx(), b.Dy()
	tx, ty := taps(sw, w), taps(sh, h)

	row := make([]float64, 3*sw)
	mid := make([]float64, sh*3*w) // horizontally resized rows
	for y := 0; y < sh; y++ {
		readRow(img, y, row)
		out := mid[y*3*w : (y+1)*3*w]
		for j, tj := range tx {
			for _, t := range tj {
				out[3*j] += t.w * row[3*t.i]
				out[3*j+1] += t.w * row[3*t.i+1]
				out[3*j+2] += t.w * row[3*t.i+2]
			}
		}
	}

	dst := make([]float64, h*3*w)
	for r, tr := range ty {
		out := dst[r*3*w : (r+1)*3*w]
		for _, t := range tr {
			in := mid[t.i*3*w : (t.i+1)*3*w]
			for k := range out {
				out[k] += t.w * in[k]
			}
		}
	}
	return dst
}

// to8 rounds a value on the scale 0..255 to the nearest 8-bit level.
func to8(v float64) uint8 {
	return uint8(math.Round(math.Max(0, math.Min(255, v))))
}
