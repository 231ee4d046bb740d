package imageio

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"io"
	"io/fs"

	"dnn/internal/infile"
	"dnn/internal/memlimit"
)

// Limits on the pictures that Load accepts.
const (
	MinSide   = 16         // smallest width or height worth classifying
	MaxPixels = 50_000_000 // largest width×height decoded (50 megapixels)
	MaxAspect = 100        // largest ratio of the long side to the short one
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
// Anything but a regular file (or a symbolic link to one) is refused before
// it is read. The dimensions are read from the header and checked (at least
// MinSide on each side, at most MaxPixels in all, the long side at most
// MaxAspect times the short one) before the pixels are decoded, and so is
// the memory the decoded picture will take (see dnn/internal/memlimit).
func Load(path string) (image.Image, error) {
	f, st, err := infile.Open(path)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			return nil, openError(path, err)
		}
		return nil, err
	}
	defer f.Close()
	return decode(f, st.Size(), path)
}

// file is what decode reads: an open file, or the bytes of one.
type file interface {
	io.ReadSeeker
	io.ReaderAt
}

// decode does Load's work on the file f of size bytes, named path in
// errors.
func decode(f file, size int64, path string) (image.Image, error) {
	if size == 0 {
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
		return nil, decodeError(f, size, path, ft, err)
	}
	if err := checkSize(path, cfg.Width, cfg.Height); err != nil {
		return nil, err
	}
	need := float64(cfg.Width) * float64(cfg.Height) * float64(pixelBytes(cfg.ColorModel))
	if err := memlimit.NewBudget().Charge(need, fmt.Sprintf("%s is %d×%d pixels, which take %s to decode",
		path, cfg.Width, cfg.Height, memlimit.Size(need))); err != nil {
		return nil, err
	}

	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	img, err := ft.decode(bufio.NewReader(f))
	if err != nil {
		return nil, decodeError(f, size, path, ft, err)
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
	if long, short := max(w, h), min(w, h); int64(long) > MaxAspect*int64(short) {
		return fmt.Errorf("%s is %d×%d pixels: one side is more than %d times the other, too far from the square picture the model sees",
			path, w, h, MaxAspect)
	}
	return nil
}

// pixelBytes returns the bytes a decoded pixel of the colour model takes.
func pixelBytes(m color.Model) int {
	switch m {
	case color.GrayModel, color.AlphaModel:
		return 1
	case color.Gray16Model, color.Alpha16Model:
		return 2
	case color.YCbCrModel:
		return 3
	case color.RGBAModel, color.NRGBAModel, color.CMYKModel:
		return 4
	}
	if _, ok := m.(color.Palette); ok {
		return 1
	}
	return 8 // RGBA64, NRGBA64 and anything else
}
