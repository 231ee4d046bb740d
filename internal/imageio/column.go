package imageio

import (
	"fmt"
	"image"
	"image/color"

	"dnn/matrix"
)

// Column returns img as one example column of the course's X matrix:
// img resized to size×size, each value rounded to 8 bits like the course's
// uint8 pictures and divided by 255, flattened in (row, column, channel)
// order. The result is (size*size*3, 1); pixel (r, c), channel k (0 red,
// 1 green, 2 blue) is at row (r*size+c)*3 + k.
//
// The picture is stretched to a square without keeping its aspect ratio,
// as the course does. Shrinking averages the source pixels each new pixel
// covers (a box filter); enlarging is bilinear. The course's notebook used
// PIL's resize instead, so a column may differ from the notebook's by a few
// levels of 1/255 on some pixels (and a prediction close to 0.5 may differ
// too). Transparent pixels are composited over white.
//
// Column panics if size < 1 or img has no pixels.
func Column(img image.Image, size int) *matrix.Dense {
	if size < 1 {
		panic(fmt.Sprintf("imageio: Column: size %d, want at least 1", size))
	}
	if img.Bounds().Empty() {
		panic(fmt.Sprintf("imageio: Column: image with no pixels (bounds %v)", img.Bounds()))
	}
	px := resize(img, size, size)
	x := make([]float64, len(px))
	for i, v := range px {
		x[i] = float64(to8(v)) / 255
	}
	return matrix.New(len(x), 1, x)
}

// FromColumn returns example j of X as a size×size picture: the inverse of
// Column. X is (size*size*3, m), values in [0, 1] laid out as Column makes
// them; each is scaled by 255, rounded and clamped to 0..255.
//
// FromColumn panics if X does not have size*size*3 rows or j is not a
// column of X.
func FromColumn(X *matrix.Dense, j, size int) *image.RGBA {
	n, m := X.Dims()
	if size < 1 || n != size*size*3 {
		panic(fmt.Sprintf("imageio: FromColumn: X has shape %s, want (%d,m) for size %d", X.Shape(), size*size*3, size))
	}
	if j < 0 || j >= m {
		panic(fmt.Sprintf("imageio: FromColumn: column %d out of range for shape %s", j, X.Shape()))
	}
	img := image.NewRGBA(image.Rect(0, 0, size, size))
	for r := 0; r < size; r++ {
		for c := 0; c < size; c++ {
			i := (r*size + c) * 3
			img.SetRGBA(c, r, color.RGBA{
				R: to8(255 * X.At(i, j)),
				G: to8(255 * X.At(i+1, j)),
				B: to8(255 * X.At(i+2, j)),
				A: 255,
			})
		}
	}
	return img
}
