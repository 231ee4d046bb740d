package imageio

import (
	"bytes"
	"encoding/base64"
	"image"
	"image/color"
	"image/png"
	"strings"
	"testing"
)

func TestUpscale(t *testing.T) {
	src := image.NewRGBA(image.Rect(5, 7, 7, 8)) // 2×1, bounds not at the origin
	red, blue := color.RGBA{255, 0, 0, 255}, color.RGBA{0, 0, 255, 255}
	src.SetRGBA(5, 7, red)
	src.SetRGBA(6, 7, blue)
	got := Upscale(src, 3)
	if b := got.Bounds(); b != image.Rect(0, 0, 6, 3) {
		t.Fatalf("Upscale(2×1, 3) bounds = %v, want (0,0)-(6,3)", b)
	}
	for y := 0; y < 3; y++ {
		for x := 0; x < 6; x++ {
			want := red
			if x >= 3 {
				want = blue
			}
			if c := got.RGBAAt(x, y); c != want {
				t.Errorf("Upscale(2×1, 3) pixel (%d,%d) = %v, want %v", x, y, c, want)
			}
		}
	}
}

func TestUpscalePanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("Upscale(img, 0) did not panic")
		}
	}()
	Upscale(pattern(2, 2), 0)
}

func TestPNGDataURI(t *testing.T) {
	img := pattern(9, 4)
	uri, err := PNGDataURI(img)
	if err != nil {
		t.Fatalf("PNGDataURI(9×4) error %v", err)
	}
	const prefix = "data:image/png;base64,"
	if !strings.HasPrefix(uri, prefix) {
		t.Fatalf("PNGDataURI(9×4) = %.40q..., want prefix %q", uri, prefix)
	}
	raw, err := base64.StdEncoding.DecodeString(uri[len(prefix):])
	if err != nil {
		t.Fatalf("PNGDataURI(9×4): payload is not base64: %v", err)
	}
	back, err := png.Decode(bytes.NewReader(raw))
	if err != nil {
		t.Fatalf("PNGDataURI(9×4): payload is not a PNG: %v", err)
	}
	if d := maxDiff(back, img); d != 0 {
		t.Errorf("PNGDataURI(9×4) decodes to a picture differing by %d levels", d)
	}
}

func TestEncodePNGError(t *testing.T) {
	if _, err := EncodePNG(image.NewRGBA(image.Rect(0, 0, 0, 0))); err == nil {
		t.Error("EncodePNG(0×0) error = nil, want an error")
	}
}
