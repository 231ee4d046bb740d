package imageio

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dnn/internal/memlimit"
)

// pattern returns a w×h picture whose every pixel has its own colour.
func pattern(w, h int) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.SetRGBA(x, y, color.RGBA{uint8(10 * x), uint8(10 * y), uint8(255 - 5*x - 3*y), 255})
		}
	}
	return img
}

// smooth returns a w×h picture of gentle gradients, which JPEG keeps well.
func smooth(w, h int) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.SetRGBA(x, y, color.RGBA{uint8(100 + x), uint8(50 + y), 200, 255})
		}
	}
	return img
}

func encodePNG(t testing.TB, img image.Image) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func encodeJPEG(t testing.TB, img image.Image) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: 95}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// encodeGIF encodes img with a palette holding exactly its colours, so
// that the round trip is lossless.
func encodeGIF(t testing.TB, img *image.RGBA) []byte {
	t.Helper()
	var pal color.Palette
	seen := map[color.RGBA]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if c := img.RGBAAt(x, y); !seen[c] {
				seen[c] = true
				pal = append(pal, c)
			}
		}
	}
	if len(pal) > 256 {
		t.Fatalf("encodeGIF: %d colours, at most 256 fit a GIF palette", len(pal))
	}
	p := image.NewPaletted(b, pal)
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			p.Set(x, y, img.At(x, y))
		}
	}
	var out bytes.Buffer
	if err := gif.Encode(&out, p, nil); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// pngWithSize returns a valid small PNG whose header claims w×h pixels.
func pngWithSize(t testing.TB, w, h uint32) []byte {
	t.Helper()
	b := encodePNG(t, pattern(16, 16))
	// Signature (8 bytes), then the IHDR chunk: length (4), "IHDR" (4),
	// width (4), height (4), 5 more bytes, CRC of type and data (4).
	binary.BigEndian.PutUint32(b[16:], w)
	binary.BigEndian.PutUint32(b[20:], h)
	binary.BigEndian.PutUint32(b[29:], crc32.ChecksumIEEE(b[12:29]))
	return b
}

func writeFile(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// maxDiff returns the largest difference of any 8-bit channel of two
// pictures of the same size.
func maxDiff(a, b image.Image) int {
	worst := 0
	for y := 0; y < a.Bounds().Dy(); y++ {
		for x := 0; x < a.Bounds().Dx(); x++ {
			ca := color.RGBAModel.Convert(a.At(a.Bounds().Min.X+x, a.Bounds().Min.Y+y)).(color.RGBA)
			cb := color.RGBAModel.Convert(b.At(b.Bounds().Min.X+x, b.Bounds().Min.Y+y)).(color.RGBA)
			for _, d := range []int{int(ca.R) - int(cb.R), int(ca.G) - int(cb.G), int(ca.B) - int(cb.B), int(ca.A) - int(cb.A)} {
				worst = max(worst, d, -d)
			}
		}
	}
	return worst
}

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	sharp, soft, square := pattern(20, 17), smooth(24, 16), pattern(16, 16) // square: 256 colours, a GIF palette's worth
	tests := []struct {
		name    string
		file    string
		data    []byte
		want    image.Image
		maxDiff int // largest channel difference allowed (JPEG is lossy)
	}{
		{"png", "a.png", encodePNG(t, sharp), sharp, 0},
		{"gif", "a.gif", encodeGIF(t, square), square, 0},
		{"jpeg", "a.jpg", encodeJPEG(t, soft), soft, 6},
		{"png named .jpg", "b.jpg", encodePNG(t, sharp), sharp, 0},
		{"jpeg without extension", "photo", encodeJPEG(t, soft), soft, 6},
		{"smallest accepted", "c.png", encodePNG(t, pattern(16, 16)), pattern(16, 16), 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := writeFile(t, dir, tt.file, tt.data)
			img, err := Load(p)
			if err != nil {
				t.Fatalf("Load(%q) error %v, want nil", tt.file, err)
			}
			if got, want := img.Bounds().Size(), tt.want.Bounds().Size(); got != want {
				t.Fatalf("Load(%q) size = %v, want %v", tt.file, got, want)
			}
			if d := maxDiff(img, tt.want); d > tt.maxDiff {
				t.Errorf("Load(%q): a channel differs by %d from the encoded picture, want at most %d", tt.file, d, tt.maxDiff)
			}
		})
	}
}

func TestLoadErrors(t *testing.T) {
	dir := t.TempDir()
	pngData := encodePNG(t, pattern(40, 30))
	jpegData := encodeJPEG(t, smooth(40, 30))
	gifData := encodeGIF(t, pattern(16, 16))
	corrupt := append([]byte(nil), pngData...)
	corrupt[len(corrupt)/2] ^= 0xff // breaks a chunk's CRC
	if err := os.Mkdir(filepath.Join(dir, "folder.png"), 0o755); err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		name string
		file string
		data []byte // nil: do not create the file
		want string // the whole message with "DIR" for the folder, or a prefix ending in "..."
	}{
		{"missing file", "none.jpg", nil, "DIR/none.jpg: no such file"},
		{"folder", "folder.png", nil, "DIR/folder.png is a folder, not a file"},

		{"empty file", "empty.jpg", []byte{}, "DIR/empty.jpg is empty, not an image"},
		{"text file", "img.jpg", []byte("this is not a picture\n"), "DIR/img.jpg: not a JPEG, PNG or GIF image"},
		{"one byte", "one.png", []byte{0x89}, "DIR/one.png: not a JPEG, PNG or GIF image"},
		{"truncated png", "img.png", pngData[:len(pngData)/2], "DIR/img.png: truncated PNG: ..."},
		{"png cut in header", "head.png", pngData[:20], "DIR/head.png: truncated PNG: unexpected EOF"},
		{"truncated jpeg", "img.jpeg", jpegData[:len(jpegData)/2], "DIR/img.jpeg: truncated JPEG: unexpected EOF"},
		{"jpeg cut in header", "head.jpg", jpegData[:40], "DIR/head.jpg: truncated JPEG: unexpected EOF"},
		{"truncated gif", "img.gif", gifData[:len(gifData)/2], "DIR/img.gif: truncated GIF: ..."},
		{"corrupt png", "bad.png", corrupt, "DIR/bad.png: corrupt PNG: ..."},
		{"1x1 png", "tiny.png", encodePNG(t, pattern(1, 1)), "DIR/tiny.png is 1×1 pixels; need at least 16×16"},
		{"16x15 gif", "flat.gif", encodeGIF(t, pattern(16, 15)), "DIR/flat.gif is 16×15 pixels; need at least 16×16"},
		{"15x40 jpeg", "thin.jpg", encodeJPEG(t, smooth(15, 40)), "DIR/thin.jpg is 15×40 pixels; need at least 16×16"},
		{"huge header", "huge.png", pngWithSize(t, 100000, 100000),
			"DIR/huge.png is 100000×100000 pixels (10000 megapixels); the limit is 50 megapixels"},
		{"just over the limit", "big.png", pngWithSize(t, 10000, 5001),
			"DIR/big.png is 10000×5001 pixels (50 megapixels); the limit is 50 megapixels"},
		{"a strip", "tall.png", pngWithSize(t, 16, 3125000),
			"DIR/tall.png is 16×3125000 pixels: one side is more than 100 times the other, too far from the square picture the model sees"},
		{"just too wide", "wide.png", pngWithSize(t, 1601, 16),
			"DIR/wide.png is 1601×16 pixels: one side is more than 100 times the other, too far from the square picture the model sees"},
	}

	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := filepath.Join(dir, tt.file)
			if tt.data != nil {
				writeFile(t, dir, tt.file, tt.data)
			}
			img, err := Load(p)
			if err == nil {
				t.Fatalf("Load(%q) = %v image, nil error; want error %q", tt.file, img.Bounds(), tt.want)
			}
			want := strings.ReplaceAll(tt.want, "DIR", dir)
			got := err.Error()
			if prefix, ok := strings.CutSuffix(want, "..."); ok {
				if !strings.HasPrefix(got, prefix) {
					t.Errorf("Load(%q) error %q, want it to start with %q", tt.file, got, prefix)
				}
			} else if got != want {
				t.Errorf("Load(%q) error %q, want %q", tt.file, got, want)
			}
		})
	}
}

// A header claiming a picture too large to decode is refused before any
// pixel memory is allocated.
func TestLoadHugeHeaderAllocatesLittle(t *testing.T) {
	p := writeFile(t, t.TempDir(), "huge.png", pngWithSize(t, 60000, 60000))
	allocs := testing.AllocsPerRun(5, func() {
		if _, err := Load(p); err == nil {
			t.Fatal("Load(huge.png) succeeded, want an error")
		}
	})
	if allocs > 100 {
		t.Errorf("Load(huge.png) made %v allocations, want a handful", allocs)
	}
}

// The memory a picture takes once decoded is checked against the memory
// limit before it is decoded.
func TestLoadMemoryLimit(t *testing.T) {
	defer memlimit.SetLimit(memlimit.SetLimit(1 << 20))
	dir := t.TempDir()
	p := writeFile(t, dir, "big.png", encodePNG(t, pattern(600, 500))) // RGBA: 1.2 MB decoded
	const want = "big.png is 600×500 pixels, which take 1.2 MB to decode; the limit is 1.0 MB (the limit set for this run)"
	if _, err := Load(p); err == nil || !strings.HasSuffix(err.Error(), want) {
		t.Errorf("Load(big.png) error %v, want one ending %q", err, want)
	}
	if _, err := Load(writeFile(t, dir, "ok.png", encodePNG(t, pattern(500, 500)))); err != nil {
		t.Errorf("Load(500×500 png) under a limit of 1 MB: %v, want no error", err)
	}
}
