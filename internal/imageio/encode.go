package imageio

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"image"
	"image/png"
)

// Upscale returns img enlarged factor times in each direction by repeating
// every pixel factor×factor times (nearest neighbour), which keeps a small
// picture's pixels sharp on screen. It panics if factor < 1.
func Upscale(img image.Image, factor int) *image.RGBA {
	if factor < 1 {
		panic(fmt.Sprintf("imageio: Upscale: factor %d, want at least 1", factor))
	}
	b := img.Bounds()
	out := image.NewRGBA(image.Rect(0, 0, b.Dx()*factor, b.Dy()*factor))
	for y := 0; y < b.Dy(); y++ {
		for x := 0; x < b.Dx(); x++ {
			c := img.At(b.Min.X+x, b.Min.Y+y)
			for dy := 0; dy < factor; dy++ {
				for dx := 0; dx < factor; dx++ {
					out.Set(x*factor+dx, y*factor+dy, c)
				}
			}
		}
	}
	return out
}

// EncodePNG returns img encoded as a PNG file.
func EncodePNG(img image.Image) ([]byte, error) {
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return nil, fmt.Errorf("encoding PNG: %w", err)
	}
	return buf.Bytes(), nil
}

// PNGDataURI returns img as a "data:image/png;base64,..." URI, for an
// <img> element of a page that must not load any other file.
func PNGDataURI(img image.Image) (string, error) {
	b, err := EncodePNG(img)
	if err != nil {
		return "", err
	}
	return "data:image/png;base64," + base64.StdEncoding.EncodeToString(b), nil
}
