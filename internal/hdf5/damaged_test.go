package hdf5

import (
	"bytes"
	"encoding/binary"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func fixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// u64s encodes little-endian 8-byte integers.
func u64s(v ...uint64) []byte {
	b := make([]byte, 8*len(v))
	for i, x := range v {
		binary.LittleEndian.PutUint64(b[8*i:], x)
	}
	return b
}

// patchAll returns a copy of b with every occurrence of old replaced by
// new (same length); it fails the test when there is none.
func patchAll(t testing.TB, b, old, new []byte) []byte {
	t.Helper()
	if !bytes.Contains(b, old) {
		t.Fatalf("pattern % x not found", old)
	}
	return bytes.ReplaceAll(b, old, new)
}

// Offsets in a version 0 superblock with 8-byte addresses.
const (
	sbEOF = 40 // end-of-file address
)

// selfLoopBTree makes the first B-tree node of the given type an internal
// node (level 1) whose first child is the node itself.
func selfLoopBTree(t testing.TB, b []byte, nodeType byte) []byte {
	t.Helper()
	b = bytes.Clone(b)
	for at := 0; ; at++ {
		i := bytes.Index(b[at:], []byte("TREE"))
		if i < 0 {
			t.Fatalf("no B-tree node of type %d", nodeType)
		}
		at += i
		if b[at+4] != nodeType {
			continue
		}
		keySize := 8 // a group key: a heap offset
		if nodeType == btreeChunk {
			keySize = 8 + 8*3 // the fixtures' chunked datasets have rank 2
		}
		b[at+5] = 1 // level
		binary.LittleEndian.PutUint64(b[at+24+keySize:], uint64(at))
		return b
	}
}

// TestDamaged checks that damaged files give an error, not a panic, a hang
// or a huge allocation.
func TestDamaged(t *testing.T) {
	course := fixture(t, "course_like.hdf5")
	gzip := fixture(t, "gzip.hdf5")
	noEOF := func(b []byte) []byte {
		b = bytes.Clone(b)
		copy(b[sbEOF:], u64s(undef))
		return b
	}
	tests := []struct {
		name    string
		data    []byte
		dataset string // "" when Parse itself must fail
		want    string // a part of the error message
	}{
		{"empty", nil, "", "not an HDF5 file (no HDF5 signature in its 0 bytes)"},
		{"not HDF5", []byte("just some text, long enough to be searched"), "", "not an HDF5 file"},
		{"truncated", course[:1000], "", "the file is truncated: the superblock says it has 2150 bytes, it has 1000"},
		{"truncated, end address erased", noEOF(course[:1000]), "", "outside the file"},
		{"truncated in the data", noEOF(course[:len(course)-10]), "list_classes", "run past the end of the file"},
		{"unsupported address size", patchAll(t, course[:16], []byte{0, 8, 8, 0}, []byte{0, 3, 8, 0}), "", "3-byte addresses or lengths is not supported"},
		{"enormous dimensions", patchAll(t, course, u64s(2, 3, 4, 3), u64s(1<<40, 3, 4, 3)), "train_set_x", "more data than a file of 2150 bytes can hold"},
		{"dimensions overflow", patchAll(t, course, u64s(2, 3, 4, 3), u64s(1<<32, 1<<32, 1<<32, 1<<32)), "train_set_x", "more data than a file of 2150 bytes can hold"},
		// The layout message of train_set_x: version 3, contiguous, address 2048, 72 bytes.
		{"data address past the end", patchAll(t, course, append([]byte{3, 1}, u64s(2048, 72)...), append([]byte{3, 1}, u64s(1<<40, 72)...)), "train_set_x", "outside the file"},
		{"group B-tree loop", selfLoopBTree(t, course, btreeGroup), "", "visited twice (the B-tree has a loop)"},
		{"chunk B-tree loop", selfLoopBTree(t, gzip, btreeChunk), "plain", "visited twice (the B-tree has a loop)"},
		// Chunks declared half as large as they are stored.
		{"deflated chunk too large", patchAll(t, gzip, []byte{2, 0, 0, 0, 3, 0, 0, 0, 8, 0, 0, 0}, []byte{1, 0, 0, 0, 3, 0, 0, 0, 8, 0, 0, 0}), "gzip", "decompresses to more than"},
		{"plain chunk too large", patchAll(t, gzip, []byte{2, 0, 0, 0, 3, 0, 0, 0, 8, 0, 0, 0}, []byte{1, 0, 0, 0, 3, 0, 0, 0, 8, 0, 0, 0}), "plain", "stored in 48 bytes, want 24"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			f, err := Parse(tt.data)
			if err == nil && tt.dataset != "" {
				var d *Dataset
				if d, err = f.Dataset(tt.dataset); err == nil {
					_, err = d.Float64s()
				}
			}
			runtime.ReadMemStats(&after)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error = %v, want one containing %q", err, tt.want)
			}
			if n := after.TotalAlloc - before.TotalAlloc; n > 8<<20 {
				t.Errorf("allocated %d bytes to read a %d-byte file", n, len(tt.data))
			}
		})
	}
}
