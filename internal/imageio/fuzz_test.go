package imageio

import (
	"bytes"
	"testing"
)

// FuzzLoad decodes arbitrary bytes as a picture file and makes a column of
// any picture it accepts: it must never panic, hang, or allocate beyond the
// memory limit, and what it accepts must be within the limits it documents.
// The seeds are small pictures of each format, whole, cut short, damaged,
// and with headers claiming other sizes.
func FuzzLoad(f *testing.F) {
	pictures := [][]byte{
		encodePNG(f, pattern(20, 17)),
		encodeJPEG(f, smooth(24, 16)),
		encodeGIF(f, pattern(16, 16)),
		pngWithSize(f, 60000, 60000),
		pngWithSize(f, 16, 3125000),
		pngWithSize(f, 1600, 16),
	}
	for _, b := range pictures {
		f.Add(b)
		f.Add(b[:len(b)/2])
		for _, at := range []int{3, 12, 20, 30, len(b) / 2, len(b) - 3} {
			c := bytes.Clone(b)
			c[at] ^= 0x5a
			f.Add(c)
		}
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		img, err := decode(bytes.NewReader(b), int64(len(b)), "fuzz")
		if err != nil {
			return
		}
		r := img.Bounds()
		w, h := r.Dx(), r.Dy()
		if w < MinSide || h < MinSide || w*h > MaxPixels || max(w, h) > MaxAspect*min(w, h) {
			t.Fatalf("decode accepted a picture of %d×%d pixels", w, h)
		}
		if x := Column(img, 8); x.Shape() != "(192,1)" {
			t.Fatalf("Column(%d×%d, 8) has shape %s, want (192,1)", w, h, x.Shape())
		}
	})
}
