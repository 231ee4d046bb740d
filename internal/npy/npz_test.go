package npy

import (
	"archive/zip"
	"bytes"
	"errors"
	"hash/crc32"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"dnn/internal/hostile"
	"dnn/internal/memlimit"
)

// The arrays np.savez wrote to testdata/stored.npz and np.savez_compressed
// to testdata/compressed.npz (make_fixtures.py).
var (
	npzNames  = []string{"W1", "b1"}
	npzArrays = map[string]*Array{
		"W1": {Shape: []int{2, 2}, Data: []float64{0.5, -1, 2, 0.25}},
		"b1": {Shape: []int{2, 1}, Data: []float64{0, 1}},
	}
)

func checkNPZArrays(t *testing.T, call string, names []string, arrays map[string]*Array, wantNames []string, want map[string]*Array) {
	t.Helper()
	if !slices.Equal(names, wantNames) {
		t.Errorf("%s names = %q, want %q", call, names, wantNames)
	}
	if len(arrays) != len(want) {
		t.Errorf("%s holds %d arrays, want %d", call, len(arrays), len(want))
	}
	for name, w := range want {
		g := arrays[name]
		if g == nil || !slices.Equal(g.Shape, w.Shape) || !sameData(g.Data, w.Data) {
			t.Errorf("%s[%q] = %v, want %v", call, name, g, w)
		}
	}
}

func TestReadNPZ(t *testing.T) {
	for _, file := range []string{"stored.npz", "compressed.npz"} {
		t.Run(file, func(t *testing.T) {
			names, arrays, err := ReadNPZ(filepath.Join("testdata", file))
			if err != nil {
				t.Fatalf("ReadNPZ(%q) error: %v", file, err)
			}
			checkNPZArrays(t, "ReadNPZ("+file+")", names, arrays, npzNames, npzArrays)
		})
	}
}

func TestWriteNPZRoundTrip(t *testing.T) {
	names := []string{"W1", "b1", "scalar", "cube", "empty", "layer/W2"}
	arrays := map[string]*Array{
		"W1":       npzArrays["W1"],
		"b1":       npzArrays["b1"],
		"scalar":   {Shape: []int{}, Data: []float64{3.5}},
		"cube":     {Shape: []int{2, 3, 4}, Data: seq(24)},
		"empty":    {Shape: []int{0}, Data: []float64{}},
		"layer/W2": {Shape: []int{1, 12288}, Data: seq(12288)},
	}
	path := filepath.Join(t.TempDir(), "params.npz")
	if err := WriteNPZ(path, names, arrays); err != nil {
		t.Fatalf("WriteNPZ error: %v", err)
	}
	gotNames, got, err := ReadNPZ(path)
	if err != nil {
		t.Fatalf("ReadNPZ(WriteNPZ(...)) error: %v", err)
	}
	checkNPZArrays(t, "ReadNPZ(WriteNPZ(...))", gotNames, got, names, arrays)

	// The same arrays always make the same bytes, and every entry is
	// stored, as np.savez writes them.
	first, _ := os.ReadFile(path)
	var again bytes.Buffer
	if err := WriteNPZTo(&again, names, arrays); err != nil {
		t.Fatalf("WriteNPZTo error: %v", err)
	}
	if !bytes.Equal(first, again.Bytes()) {
		t.Errorf("WriteNPZ and WriteNPZTo wrote different bytes for the same arrays")
	}
	zr, err := zip.NewReader(bytes.NewReader(first), int64(len(first)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Method != zip.Store {
			t.Errorf("entry %q has method %d, want stored (%d)", f.Name, f.Method, zip.Store)
		}
	}
}

func TestWriteNPZErrors(t *testing.T) {
	a := &Array{Shape: []int{1}, Data: []float64{1}}
	tests := []struct {
		name   string
		names  []string
		arrays map[string]*Array
		words  string
	}{
		{"missing array", []string{"a", "b"}, map[string]*Array{"a": a}, `no array named "b"`},
		{"unlisted array", []string{"a"}, map[string]*Array{"a": a, "b": a}, `array "b" is not in names`},
		{"repeated name", []string{"a", "a"}, map[string]*Array{"a": a}, `"a" appears twice`},
		{"empty name", []string{""}, map[string]*Array{"": a}, "empty"},
		{"invalid array", []string{"a"}, map[string]*Array{"a": {Shape: []int{2}, Data: []float64{1}}}, `array "a": array of shape (2,) needs 2 values`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "x.npz")
			if err := WriteNPZ(path, tt.names, tt.arrays); err == nil || !strings.Contains(err.Error(), tt.words) {
				t.Errorf("WriteNPZ(%q) = %v, want an error saying %q", tt.names, err, tt.words)
			}
			if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("WriteNPZ(%q) failed but left a file (%v)", tt.names, err)
			}
		})
	}
}

// rawZip returns a zip archive whose entries declare the given sizes and
// checksums whatever their data, to build archives that lie.
func rawZip(t testing.TB, entries ...rawEntry) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, e := range entries {
		crc := e.crc
		if crc == 0 {
			crc = crc32.ChecksumIEEE(e.data)
		}
		w, err := zw.CreateRaw(&zip.FileHeader{Name: e.name, Method: e.method, CRC32: crc,
			CompressedSize64: uint64(len(e.data)), UncompressedSize64: e.unpacked})
		if err != nil {
			t.Fatal(err)
		}
		w.Write(e.data)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

type rawEntry struct {
	name     string
	method   uint16
	data     []byte // as stored in the archive
	unpacked uint64 // declared uncompressed size
	crc      uint32 // declared checksum; 0 for the data's own
}

func TestReadNPZErrors(t *testing.T) {
	fixture := func(name string) []byte {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	stored := fixture("stored.npz")
	compressed := fixture("compressed.npz")
	w1 := fixture("f8_2d.npy")
	flipped := bytes.Clone(compressed)
	flipped[60] ^= 0xff // inside W1.npy's deflate stream
	storedFlipped := bytes.Clone(stored)
	storedFlipped[len(stored)/4] ^= 0x01 // inside W1.npy's data

	tests := []struct {
		name  string
		input []byte
		kind  error
		words string
	}{
		{"non-npy entry", fixture("not_npy.npz"), ErrFormat, `entry "README.txt" is not an .npy file`},
		{"npy, not npz", w1, ErrFormat, "not a valid zip archive"},
		{"empty", []byte{}, ErrFormat, "not a valid zip archive"},
		{"truncated", stored[:len(stored)-30], ErrFormat, "not a valid zip archive"},
		{"corrupt deflate data", flipped, ErrFormat, `entry "W1.npy"`},
		{"checksum mismatch", storedFlipped, ErrFormat, `entry "W1.npy"`},
		{"entry holding text", rawZip(t, rawEntry{name: "a.npy", data: []byte("not an npy"), unpacked: 10}), ErrFormat, "not an .npy file: it starts with"},
		{"stored with two sizes", rawZip(t, rawEntry{name: "a.npy", data: w1, unpacked: 1 << 40}), ErrFormat, "stored but declares"},
		{"zip bomb", rawZip(t, rawEntry{name: "a.npy", method: zip.Deflate, data: []byte{3, 0}, unpacked: 1 << 40}), ErrFormat, "more than deflate can"},
		{"declared size too small", rawZip(t, rawEntry{name: "a.npy", data: w1, unpacked: uint64(len(w1))}, rawEntry{name: "b.npy", method: zip.Deflate, data: deflated(t, w1), unpacked: 100}), ErrFormat, `entry "b.npy"`},
		{"unknown method", rawZip(t, rawEntry{name: "a.npy", method: 99, data: w1, unpacked: uint64(len(w1))}), ErrUnsupported, "compression method 99"},
		{"repeated entry", rawZip(t, rawEntry{name: "a.npy", data: w1, unpacked: uint64(len(w1))}, rawEntry{name: "a.npy", data: w1, unpacked: uint64(len(w1))}), ErrFormat, "appears twice"},
		{"bad entry", rawZip(t, rawEntry{name: "a.npy", data: fixture("object.npy"), unpacked: uint64(len(fixture("object.npy")))}), ErrUnsupported, `entry "a.npy": object arrays are not supported`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			names, _, err := ReadNPZFrom(bytes.NewReader(tt.input), int64(len(tt.input)))
			if err == nil {
				t.Fatalf("ReadNPZFrom(%s) = %q, want an error saying %q", tt.name, names, tt.words)
			}
			if !errors.Is(err, tt.kind) || !strings.Contains(err.Error(), tt.words) {
				t.Errorf("ReadNPZFrom(%s) error = %q, want one wrapping %q that says %q", tt.name, err, tt.kind, tt.words)
			}
		})
	}
}

// deflated returns b compressed as a zip entry holds it.
func deflated(t testing.TB, b []byte) []byte {
	t.Helper()
	var z bytes.Buffer
	zw := zip.NewWriter(&z)
	w, _ := zw.CreateHeader(&zip.FileHeader{Name: "x", Method: zip.Deflate})
	w.Write(b)
	zw.Close()
	zr, err := zip.NewReader(bytes.NewReader(z.Bytes()), int64(z.Len()))
	if err != nil {
		t.Fatal(err)
	}
	off, err := zr.File[0].DataOffset()
	if err != nil {
		t.Fatal(err)
	}
	return z.Bytes()[off : off+int64(zr.File[0].CompressedSize64)]
}

// TestReadNPZOverlapping checks that entries sharing one stretch of
// compressed data, the trick of overlapping zip bombs, are refused before
// anything is decompressed.
func TestReadNPZOverlapping(t *testing.T) {
	var big bytes.Buffer
	if err := Write(&big, &Array{Shape: []int{250}, Data: make([]float64, 250)}); err != nil {
		t.Fatal(err)
	}
	small, err := os.ReadFile(filepath.Join("testdata", "f8_2d.npy"))
	if err != nil {
		t.Fatal(err)
	}
	b := rawZip(t, rawEntry{name: "a.npy", data: big.Bytes(), unpacked: uint64(big.Len())}, rawEntry{name: "b.npy", data: small, unpacked: uint64(len(small))})
	if _, _, err := ReadNPZFrom(bytes.NewReader(b), int64(len(b))); err != nil {
		t.Fatalf("ReadNPZFrom(honest archive) error: %v", err)
	}
	// Make b.npy's central directory record describe a.npy's data: its
	// checksum and sizes (offsets 16-27) and its local header (offset 42).
	a, bb := bytes.Index(b, []byte("PK\x01\x02")), bytes.LastIndex(b, []byte("PK\x01\x02"))
	copy(b[bb+16:bb+28], b[a+16:a+28])
	copy(b[bb+42:bb+46], []byte{0, 0, 0, 0})
	_, _, err = ReadNPZFrom(bytes.NewReader(b), int64(len(b)))
	if err == nil || !errors.Is(err, ErrFormat) || !strings.Contains(err.Error(), "more compressed bytes than the archive") {
		t.Errorf("ReadNPZFrom(overlapping entries) error = %v, want one saying the entries declare more compressed bytes than the archive", err)
	}
}

// An archive of 330 kB holding 256 MiB of uint8 zeros (2 GiB as float64)
// is refused from the entry's header, before it is inflated.
func TestReadNPZBomb(t *testing.T) {
	defer memlimit.SetLimit(memlimit.SetLimit(1 << 30))
	b, err := hostile.NPZBomb("W1", 256<<20)
	if err != nil {
		t.Fatal(err)
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, _, err = ReadNPZFrom(bytes.NewReader(b), int64(len(b)))
	runtime.ReadMemStats(&after)
	const want = `npz: entry "W1.npy": shape (1, 268435456) of |u1 takes 2.1 GB as float64; the limit is 1.1 GB (the limit set for this run)`
	if !errors.Is(err, ErrTooLarge) || err.Error() != want {
		t.Errorf("ReadNPZFrom(bomb of %d bytes) error = %v, want %s", len(b), err, want)
	}
	if n := after.TotalAlloc - before.TotalAlloc; n > 4<<20 {
		t.Errorf("ReadNPZFrom(bomb of %d bytes) allocated %d bytes, want at most 4 MiB", len(b), n)
	}
}
