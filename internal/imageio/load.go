package imageio

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/gif"
	"image/jpeg"
	"image/png"
	"io"
	"io/fs"
	"os"
)

// Limits on the pictures that Load accepts.
const (
	MinSide   = 16         // smallest width or height worth classifying
	MaxPixels = 50_000_000 // largest width×height decoded (50 megapixels)
)

// format is one image format that Load recognises by its leading bytes.
type format struct {
	name         string
	magic        [][]byte
	trailer      []byte // the last bytes of a complete file
	decodeConfig func(io.Reader) (image.Config, error)
	decode       func(io.Reader) (image.Image, error)
}

var formats = []format{
	{"JPEG", [][]byte{{0xff, 0xd8, 0xff}}, []byte{0xff, 0xd9}, jpeg.DecodeConfig, jpeg.Decode},
	{"PNG", [][]byte{[]byte("\x89PNG\r\n\x1a\n")}, []byte("\x00\x00\x00\x00IEND\xae\x42\x60\x82"), png.DecodeConfig, png.Decode},
	{"GIF", [][]byte{[]byte("GIF87a"), []byte("GIF89a")}, []byte{0x3b}, gif.DecodeConfig, gif.Decode},
}

// sniff returns the format whose signature starts head, or nil.
func sniff(head []byte) *format {
	for i := range formats {
		for _, m := range formats[i].magic {
			if bytes.HasPrefix(head, m) {
				return &formats[i]
			}
		}
	}
	return nil
}

// Load decodes the JPEG, PNG or GIF picture in the file at path (the first
// frame of an animated GIF). The format is recognised from the file's
// content. Every error names path and says what is wrong, for example
//
//	cat.jpg: no such file
//	cat.jpg: not a JPEG, PNG or GIF image
//	cat.png: truncated PNG: unexpected EOF
//	cat.png is 1×1 pixels; need at least 16×16
//
// The dimensions are read from the header and checked (at least MinSide on
// each side, at most MaxPixels in all) before the pixels are decoded.
func Load(path string) (image.Image, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, openError(path, err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if st.IsDir() {
		return nil, fmt.Errorf("%s is a folder, not an image file", path)
	}
	if st.Size() == 0 {
		return nil, fmt.Errorf("%s is empty, not an image", path)
	}

	br := bufio.NewReader(f)
	head, _ := br.Peek(8)
	ft := sniff(head)
	if ft == nil {
		return nil, fmt.Errorf("%s: not a JPEG, PNG or GIF image", path)
	}
	cfg, err := ft.decodeConfig(br)
	if err != nil {
		return nil, decodeError(f, st.Size(), path, ft, err)
	}
	if err := checkSize(path, cfg.Width, cfg.Height); err != nil {
		return nil, err
	}

	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	img, err := ft.decode(bufio.NewReader(f))
	if err != nil {
		return nil, decodeError(f, st.Size(), path, ft, err)
	}
	// A GIF frame may be smaller than the screen size in its header.
	b := img.Bounds()
	if err := checkSize(path, b.Dx(), b.Dy()); err != nil {
		return nil, err
	}
	return img, nil
}

func openError(path string, err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("%s: no such file", path)
	case errors.Is(err, fs.ErrPermission):
		return fmt.Errorf("%s: permission denied", path)
	}
	return fmt.Errorf("cannot read %w", err) // *PathError: "open path: reason"
}

// decodeError describes a decoder's error err for the file f of the given
// size: "truncated" when the data ran out or the file lacks the format's
// closing bytes (decoders word a cut file in many ways), else "corrupt".
func decodeError(f io.ReaderAt, size int64, path string, ft *format, err error) error {
	if errors.Is(err, io.EOF) {
		err = io.ErrUnexpectedEOF
	}
	tail := make([]byte, len(ft.trailer))
	_, rerr := f.ReadAt(tail, size-int64(len(tail)))
	if errors.Is(err, io.ErrUnexpectedEOF) || rerr != nil || !bytes.Equal(tail, ft.trailer) {
		return fmt.Errorf("%s: truncated %s: %v", path, ft.name, err)
	}
	return fmt.Errorf("%s: corrupt %s: %v", path, ft.name, err)
}

func checkSize(path string, w, h int) error {
	if w < MinSide || h < MinSide {
		return fmt.Errorf("%s is %d×%d pixels; need at least %d×%d", path, w, h, MinSide, MinSide)
	}
	if int64(w)*int64(h) > MaxPixels {
		return fmt.Errorf("%s is %d×%d pixels (%.0f megapixels); the limit is %d megapixels",
			path, w, h, float64(w)*float64(h)/1e6, MaxPixels/1_000_000)
	}
	return nil
}
