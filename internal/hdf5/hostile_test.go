package hdf5

import (
	"runtime"
	"slices"
	"testing"

	"dnn/internal/hostile"
	"dnn/internal/memlimit"
)

// A root group whose 65535 members all bear the same name of 1 MiB: the
// names are paid for before they are copied, so the 64 GiB they add up to
// are never allocated.
func TestNameBomb(t *testing.T) {
	b, err := hostile.HDF5NameBomb(fixture(t, "course_like.hdf5"))
	if err != nil {
		t.Fatal(err)
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, err = Parse(b)
	runtime.ReadMemStats(&after)
	const want = "hdf5: root group: the paths of the file's objects add up to far more than the file"
	if err == nil || err.Error() != want {
		t.Errorf("Parse(name bomb of %d bytes) error = %v, want %s", len(b), err, want)
	}
	if n := after.TotalAlloc - before.TotalAlloc; n > 128<<20 {
		t.Errorf("Parse(name bomb of %d bytes) allocated %d bytes, want at most 128 MiB", len(b), n)
	}
}

// Values that must be assembled (chunked, or never written and read as the
// fill value) are checked against the memory limit before they are
// allocated, and so are their conversions.
func TestMemoryLimit(t *testing.T) {
	defer memlimit.SetLimit(memlimit.SetLimit(20))
	tests := []struct {
		file, name string
		want       string
	}{
		{"gzip.hdf5", "gzip", `hdf5: dataset "gzip": its shape [5 7] of float64 declares 280 bytes of data; the limit is 20 bytes (the limit set for this run)`},
		// Contiguous data is a part of the file: only its conversion to
		// float64 allocates.
		{"default.hdf5", "f8", `hdf5: dataset "f8": its 6 values take 48 bytes as float64; the limit is 20 bytes (the limit set for this run)`},
	}
	for _, tt := range tests {
		f, err := Parse(fixture(t, tt.file))
		if err != nil {
			t.Fatal(err)
		}
		d, err := f.Dataset(tt.name)
		if err == nil {
			_, err = d.Float64s()
		}
		if err == nil || err.Error() != tt.want {
			t.Errorf("%s: Dataset(%q).Float64s() error = %v, want %s", tt.file, tt.name, err, tt.want)
		}
	}
}

// Info describes a dataset without reading its values.
func TestInfo(t *testing.T) {
	defer memlimit.SetLimit(memlimit.SetLimit(1))
	f, err := Parse(fixture(t, "gzip.hdf5"))
	if err != nil {
		t.Fatal(err)
	}
	info, err := f.Info("/gzip")
	if err != nil {
		t.Fatalf("Info(gzip) = %v", err)
	}
	if info.Name != "gzip" || info.DType() != "float64" || info.Len() != 35 || !slices.Equal(info.Shape, []int{5, 7}) {
		t.Errorf("Info(gzip) = %+v, want float64 [5 7]", info)
	}
	if _, err := f.Info("nothing"); err == nil {
		t.Error("Info(nothing) = nil error, want one")
	}
}
