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
// The same size maps each pixel to itself with weight exactly 1. The taps
// of a destination pixel are consecutive source pixels in increasing order,
// and the first and last of them never decrease from one destination pixel
// to the next.
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
// rounded) per pixel, row after row. It reads one source row at a time,
// resizes it horizontally, and adds it to the destination rows it is a tap
// of, so that a picture of any height needs no more memory than one of its
// rows and the result.
func resize(img image.Image, w, h int) []float64 {
	b := img.Bounds()
	sw, sh := b.Dx(), b.Dy()
	tx, ty := taps(sw, w), taps(sh, h)

	row := make([]float64, 3*sw) // source row y
	mid := make([]float64, 3*w)  // row y resized horizontally
	dst := make([]float64, h*3*w)
	first := 0 // the first destination row whose taps reach row y or beyond
	for y := 0; y < sh; y++ {
		readRow(img, y, row)
		clear(mid)
		for j, tj := range tx {
			for _, t := range tj {
				mid[3*j] += t.w * row[3*t.i]
				mid[3*j+1] += t.w * row[3*t.i+1]
				mid[3*j+2] += t.w * row[3*t.i+2]
			}
		}
		// The taps of a destination row are consecutive source rows, and
		// both ends of the range grow with the destination row: the rows
		// that use row y follow each other from first.
		for first < h && ty[first][len(ty[first])-1].i < y {
			first++
		}
		for r := first; r < h && ty[r][0].i <= y; r++ {
			t := ty[r][y-ty[r][0].i]
			out := dst[r*3*w : (r+1)*3*w]
			for k := range out {
				out[k] += t.w * mid[k]
			}
		}
	}
	return dst
}

// to8 rounds a value on the scale 0..255 to the nearest 8-bit level.
func to8(v float64) uint8 {
	return uint8(math.Round(math.Max(0, math.Min(255, v))))
}
