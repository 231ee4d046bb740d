package npy

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestWriteMatchesNumpy checks that Write produces the very bytes np.save
// wrote for the same arrays (testdata/np_save_*.npy, from
// make_fixtures.py), so that np.load reads what Write writes.
func TestWriteMatchesNumpy(t *testing.T) {
	for _, tt := range readTests {
		if !strings.HasPrefix(tt.file, "np_save_") {
			continue
		}
		t.Run(tt.file, func(t *testing.T) {
			want, err := os.ReadFile(filepath.Join("testdata", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			var got bytes.Buffer
			if err := Write(&got, &Array{Shape: tt.shape, Data: tt.data}); err != nil {
				t.Fatalf("Write(%v) error: %v", tt.shape, err)
			}
			if !bytes.Equal(got.Bytes(), want) {
				n := min(got.Len(), len(want), 160)
				t.Errorf("Write(%v) wrote %d bytes starting\n%q\nwant np.save's %d bytes starting\n%q", tt.shape, got.Len(), got.Bytes()[:n], len(want), want[:n])
			}
		})
	}
}

// TestHeaderV1Alignment checks numpy's padding rule over many shapes: the
// data starts at a multiple of 64 and the header ends with '\n'.
func TestHeaderV1Alignment(t *testing.T) {
	shapes := [][]int{{}, {0}, {1}, {7, 3}, {123456789, 2}, {1 << 62}, {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}}
	for d := 1; d < 1e15; d *= 7 {
		shapes = append(shapes, []int{d}, []int{d, d})
	}
	for _, shape := range shapes {
		h := headerV1(shape)
		if len(h)%64 != 0 || h[len(h)-1] != '\n' || int(h[8])|int(h[9])<<8 != len(h)-10 {
			t.Errorf("headerV1(%v) = %q: length %d, want a multiple of 64 ending in a newline with the length field %d", shape, h, len(h), len(h)-10)
		}
	}
}

func TestWriteReadRoundTrip(t *testing.T) {
	for _, tt := range readTests {
		var b bytes.Buffer
		if err := Write(&b, &Array{Shape: tt.shape, Data: tt.data}); err != nil {
			t.Fatalf("Write(%v) error: %v", tt.shape, err)
		}
		a, err := Parse(b.Bytes())
		if err != nil {
			t.Fatalf("Parse(Write(%v)) error: %v", tt.shape, err)
		}
		if len(a.Shape) != len(tt.shape) || !sameData(a.Data, tt.data) {
			t.Errorf("Parse(Write(%v %v)) = %v %v", tt.shape, tt.data, a.Shape, a.Data)
		}
	}
}

func TestWriteErrors(t *testing.T) {
	tests := []struct {
		name  string
		a     *Array
		words string
	}{
		{"nil", nil, "nil array"},
		{"too few values", &Array{Shape: []int{2, 3}, Data: make([]float64, 5)}, "shape (2, 3) needs 6 values, Data holds 5"},
		{"too many values", &Array{Shape: []int{}, Data: make([]float64, 2)}, "shape () needs 1 values, Data holds 2"},
		{"negative dimension", &Array{Shape: []int{-1}}, "negative dimension"},
		{"overflow", &Array{Shape: []int{1 << 40, 1 << 40}}, "more elements than an int can count"},
		{"too many dimensions", &Array{Shape: make([]int, 65)}, "65 dimensions"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := Write(&b, tt.a); err == nil || !strings.Contains(err.Error(), tt.words) {
				t.Errorf("Write(%s) = %v, want an error saying %q", tt.name, err, tt.words)
			}
			if b.Len() != 0 {
				t.Errorf("Write(%s) wrote %d bytes before failing, want none", tt.name, b.Len())
			}
			path := filepath.Join(t.TempDir(), "a.npy")
			if err := WriteFile(path, tt.a); err == nil || !strings.Contains(err.Error(), path) {
				t.Errorf("WriteFile(%s) = %v, want an error naming the path", tt.name, err)
			}
			if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("WriteFile(%s) failed but left a file (%v)", tt.name, err)
			}
		})
	}
}

func TestWriteFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "w.npy")
	want := &Array{Shape: []int{2, 2}, Data: []float64{1, 2, 3, 4}}
	if err := WriteFile(path, want); err != nil {
		t.Fatalf("WriteFile error: %v", err)
	}
	got, err := ReadFile(path)
	if err != nil {
		t.Fatalf("ReadFile(WriteFile(...)) error: %v", err)
	}
	if !sameData(got.Data, want.Data) || len(got.Shape) != 2 || got.Shape[0] != 2 || got.Shape[1] != 2 {
		t.Errorf("ReadFile(WriteFile(%v)) = %v", want, got)
	}
}

// failingWriter accepts n bytes, then fails.
type failingWriter struct{ n int }

var errDiskFull = errors.New("disk full")

func (w *failingWriter) Write(p []byte) (int, error) {
	if len(p) > w.n {
		k := w.n
		w.n = 0
		return k, errDiskFull
	}
	w.n -= len(p)
	return len(p), nil
}

func TestWriteWriterFails(t *testing.T) {
	a := &Array{Shape: []int{10000}, Data: make([]float64, 10000)}
	for _, n := range []int{0, 10, 128, 70000} {
		if err := Write(&failingWriter{n: n}, a); !errors.Is(err, errDiskFull) {
			t.Errorf("Write to a writer failing after %d bytes = %v, want %v", n, err, errDiskFull)
		}
	}
}
