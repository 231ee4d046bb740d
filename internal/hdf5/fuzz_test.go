package hdf5

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzParse reads every dataset of arbitrary bytes: it must never panic,
// hang or allocate much more than maxExpansion times the input. The seeds
// are the fixtures, whole, truncated and with bytes changed.
func FuzzParse(f *testing.F) {
	paths, err := filepath.Glob(filepath.Join("testdata", "*.hdf5"))
	if err != nil || len(paths) == 0 {
		f.Fatalf("no fixtures: %v", err)
	}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
		f.Add(b[:len(b)/2])
		f.Add(b[:len(b)-1])
		for _, at := range []int{20, 45, 100, 200, 400, 800, 1500} {
			if at < len(b) {
				c := append([]byte(nil), b...)
				c[at] ^= 0xff
				f.Add(c)
			}
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		file, err := Parse(data)
		if err != nil {
			return
		}
		limit := maxExpansion*len(data) + maxSlack
		for _, name := range file.Names() {
			d, err := file.Dataset(name)
			if err != nil {
				continue
			}
			n := 1
			for _, s := range d.Shape {
				n *= s
			}
			if d.Len() != n || d.Len()*d.Size > limit {
				t.Fatalf("Dataset(%q): shape %v, %d elements of %d bytes from a %d-byte file", name, d.Shape, d.Len(), d.Size, len(data))
			}
			if d.Kind == String {
				_, err = d.Strings()
			} else {
				var v []float64
				v, err = d.Float64s()
				if err == nil && len(v) != n {
					t.Fatalf("Dataset(%q).Float64s() has %d values, want %d", name, len(v), n)
				}
				d.Int64s()
			}
			if err != nil {
				t.Fatalf("Dataset(%q) of kind %v: %v", name, d.Kind, err)
			}
		}
	})
}
