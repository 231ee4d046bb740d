package hostile

import (
	"archive/zip"
	"bytes"
	"image/color"
	"image/png"
	"io"
	"testing"
)

func TestBlackPNG(t *testing.T) {
	b, err := BlackPNG(20, 30)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("png.Decode(BlackPNG(20, 30)) = %v", err)
	}
	if r := img.Bounds(); r.Dx() != 20 || r.Dy() != 30 {
		t.Errorf("BlackPNG(20, 30) is %v", r)
	}
	if c := color.GrayModel.Convert(img.At(19, 29)).(color.Gray); c.Y != 0 {
		t.Errorf("BlackPNG(20, 30) pixel (19, 29) = %v, want black", c)
	}
	tall, err := BlackPNG(16, 3_125_000)
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := png.DecodeConfig(bytes.NewReader(tall))
	if err != nil || cfg.Width != 16 || cfg.Height != 3_125_000 || len(tall) > 64_000 {
		t.Errorf("BlackPNG(16, 3125000): %d bytes, DecodeConfig = %+v, %v; want 16×3125000 in at most 64 kB", len(tall), cfg, err)
	}
}

func TestNPZBomb(t *testing.T) {
	b, err := NPZBomb("W1", 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	if len(zr.File) != 1 || zr.File[0].Name != "W1.npy" {
		t.Fatalf("NPZBomb(W1, 1 MiB) holds %v, want W1.npy", zr.File)
	}
	rc, err := zr.File[0].Open()
	if err != nil {
		t.Fatal(err)
	}
	got, err := io.ReadAll(rc)
	if err != nil {
		t.Fatal(err)
	}
	want := append(NPYHeader("|u1", "(1, 1048576)"), make([]byte, 1<<20)...)
	if !bytes.Equal(got, want) || len(NPYHeader("|u1", "(1, 1048576)"))%64 != 0 {
		t.Errorf("NPZBomb(W1, 1 MiB) entry holds %d bytes starting %q, want a 64-byte aligned header and 1 MiB of zeros", len(got), got[:min(len(got), 80)])
	}
}
