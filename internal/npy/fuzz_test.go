package npy

import (
	"archive/zip"
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// fixtures returns the contents of the testdata files matching pattern.
func fixtures(f *testing.F, pattern string) [][]byte {
	paths, err := filepath.Glob(filepath.Join("testdata", pattern))
	if err != nil || len(paths) == 0 {
		f.Fatalf("no fixtures %s (%v)", pattern, err)
	}
	var all [][]byte
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		all = append(all, b)
	}
	return all
}

// corruptions returns b cut short, with a byte flipped at a few places and
// with a byte added.
func corruptions(b []byte) [][]byte {
	out := [][]byte{b[:len(b)/2], b[:len(b)-1], append(bytes.Clone(b), 0)}
	for _, i := range []int{6, 8, 9, 12, 20, 40, len(b) / 2, len(b) - 1} {
		if i < len(b) {
			c := bytes.Clone(b)
			c[i] ^= 0x5a
			out = append(out, c)
		}
	}
	return out
}

// checkArray fails t unless a's shape and data agree and a survives a round
// trip through Write and Parse.
func checkArray(t *testing.T, a *Array) {
	t.Helper()
	if err := a.check(); err != nil {
		t.Fatalf("an array read without error is invalid: %v", err)
	}
	var b bytes.Buffer
	if err := Write(&b, a); err != nil {
		t.Fatalf("Write(array read without error) = %v", err)
	}
	back, err := Parse(b.Bytes())
	if err != nil {
		t.Fatalf("Parse(Write(array read without error)) = %v", err)
	}
	if !slices.Equal(back.Shape, a.Shape) || !sameData(back.Data, a.Data) {
		t.Fatalf("Parse(Write(a)) = %v %v, want %v %v", back.Shape, back.Data, a.Shape, a.Data)
	}
}

// kindOf returns the sentinel err wraps, or fails t if it wraps neither:
// every refusal of bytes in memory must say whether the file is malformed,
// unsupported or too large.
func kindOf(t *testing.T, call string, err error) error {
	t.Helper()
	switch {
	case errors.Is(err, ErrFormat):
		return ErrFormat
	case errors.Is(err, ErrUnsupported):
		return ErrUnsupported
	case errors.Is(err, ErrTooLarge):
		return ErrTooLarge
	}
	t.Fatalf("%s error %q wraps neither ErrFormat, ErrUnsupported nor ErrTooLarge", call, err)
	return nil
}

func FuzzRead(f *testing.F) {
	for _, b := range fixtures(f, "*.npy") {
		f.Add(b)
		for _, c := range corruptions(b) {
			f.Add(c)
		}
	}
	for _, shape := range []string{"(1000000000, 1000000000)", "(4294967296, 4294967296)", "(9223372036854775807,)", "(0, 9223372036854775807)", "()"} {
		f.Add(npyBytes(1, dict("'<f8'", "False", shape), eightBytes))
		f.Add(npyBytes(2, dict("'>u2'", "False", shape), eightBytes))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		a, err := Parse(b)
		sa, serr := Read(bytes.NewReader(b))
		if (err == nil) != (serr == nil) {
			t.Fatalf("Parse error %v but Read error %v", err, serr)
		}
		if err != nil {
			if k, sk := kindOf(t, "Parse", err), kindOf(t, "Read", serr); k != sk {
				t.Fatalf("Parse error %q is %v but Read error %q is %v", err, k, serr, sk)
			}
			return
		}
		if !slices.Equal(a.Shape, sa.Shape) || !sameData(a.Data, sa.Data) {
			t.Fatalf("Parse = %v %v but Read = %v %v", a.Shape, a.Data, sa.Shape, sa.Data)
		}
		checkArray(t, a)
	})
}

func FuzzReadNPZ(f *testing.F) {
	for _, b := range fixtures(f, "*.npz") {
		f.Add(b)
		for _, c := range corruptions(b) {
			f.Add(c)
		}
		// With no checksum, changed bytes inside an entry reach the .npy
		// reader instead of failing the zip's check.
		for _, c := range corruptions(withoutCRC(b)) {
			f.Add(c)
		}
	}
	npy := fixtures(f, "f8_2d.npy")[0]
	f.Add(rawZip(f, rawEntry{name: "a.npy", method: zip.Deflate, data: []byte{3, 0}, unpacked: 1 << 40}))
	f.Add(rawZip(f, rawEntry{name: "a.npy", method: zip.Deflate, data: deflated(f, npy), unpacked: uint64(len(npy))}))
	f.Add(rawZip(f, rawEntry{name: "a.npy", data: npy, unpacked: uint64(len(npy))}, rawEntry{name: "b.npy", data: npy, unpacked: uint64(len(npy))}))
	f.Fuzz(func(t *testing.T, b []byte) {
		names, arrays, err := ReadNPZFrom(bytes.NewReader(b), int64(len(b)))
		if err != nil {
			kindOf(t, "ReadNPZFrom", err)
			return
		}
		if len(names) != len(arrays) {
			t.Fatalf("ReadNPZFrom returned %d names and %d arrays", len(names), len(arrays))
		}
		var again bytes.Buffer
		if err := WriteNPZTo(&again, names, arrays); err != nil {
			t.Fatalf("WriteNPZTo(arrays read without error) = %v", err)
		}
		names2, arrays2, err := ReadNPZFrom(bytes.NewReader(again.Bytes()), int64(again.Len()))
		if err != nil {
			t.Fatalf("ReadNPZFrom(WriteNPZTo(...)) = %v", err)
		}
		if !slices.Equal(names, names2) {
			t.Fatalf("names %q came back as %q", names, names2)
		}
		for _, name := range names {
			a, a2 := arrays[name], arrays2[name]
			checkArray(t, a)
			if !slices.Equal(a.Shape, a2.Shape) || !sameData(a.Data, a2.Data) {
				t.Fatalf("array %q = %v %v came back as %v %v", name, a.Shape, a.Data, a2.Shape, a2.Data)
			}
		}
	})
}

// withoutCRC returns a copy of the zip archive b with every entry's CRC-32
// set to 0, which archive/zip takes as "not recorded".
func withoutCRC(b []byte) []byte {
	c := bytes.Clone(b)
	for _, sig := range []struct {
		magic string
		crcAt int
	}{{"PK\x03\x04", 14}, {"PK\x01\x02", 16}} {
		for i := 0; ; {
			j := bytes.Index(c[i:], []byte(sig.magic))
			if j < 0 || i+j+sig.crcAt+4 > len(c) {
				break
			}
			copy(c[i+j+sig.crcAt:], []byte{0, 0, 0, 0})
			i += j + 4
		}
	}
	return c
}
