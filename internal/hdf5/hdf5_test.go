package hdf5

import (
	"errors"
	"math"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// The fixtures in testdata were written by make_fixtures.py (h5py 3.7,
// HDF5 1.10.8); the expected values below are the formulas of that script,
// as h5py reads them back.

func open(t *testing.T, name string) *File {
	t.Helper()
	f, err := Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatalf("Open(%q) = %v", name, err)
	}
	return f
}

// seq returns f(0), ..., f(n-1).
func seq[T any](n int, f func(k int) T) []T {
	s := make([]T, n)
	for k := range s {
		s[k] = f(k)
	}
	return s
}

var datasetTests = []struct {
	file, name string
	shape      []int
	dtype      string
	floats     []float64 // the values, for a Float dataset
	ints       []int64   // the values, for an Int or Uint dataset
	strs       []string  // the values, for a String dataset
}{
	// The course's layout: superblock 0, symbol table, contiguous.
	{"course_like.hdf5", "train_set_x", []int{2, 3, 4, 3}, "uint8", nil, seq(72, func(k int) int64 { return int64(k * 7 % 256) }), nil},
	{"course_like.hdf5", "train_set_y", []int{2}, "int64", nil, []int64{1, 0}, nil},
	{"course_like.hdf5", "list_classes", []int{2}, "S7", nil, nil, []string{"non-cat", "cat"}},
	{"course_like.hdf5", "/train_set_y", []int{2}, "int64", nil, []int64{1, 0}, nil},

	// h5py's defaults for each numeric type.
	{"default.hdf5", "f8", []int{2, 3}, "float64", []float64{-0.5, -0.25, 0, 0.25, 0.5, 0.75}, nil, nil},
	{"default.hdf5", "f4", []int{3}, "float32", []float64{1.5, -2.25, float64(float32(3e38))}, nil, nil},
	{"default.hdf5", "f2", []int{3}, "float16", []float64{0.5, -1, 65504}, nil, nil},
	{"default.hdf5", "i1", []int{4}, "int8", nil, []int64{-128, -1, 0, 127}, nil},
	{"default.hdf5", "i2", []int{2}, "int16", nil, []int64{-32768, 32767}, nil},
	{"default.hdf5", "i4", []int{2}, "int32", nil, []int64{math.MinInt32, math.MaxInt32}, nil},
	{"default.hdf5", "i8", []int{2}, "int64", nil, []int64{math.MinInt64, math.MaxInt64}, nil},
	{"default.hdf5", "u2", []int{2}, "uint16", nil, []int64{0, 65535}, nil},
	{"default.hdf5", "u4", []int{1}, "uint32", nil, []int64{math.MaxUint32}, nil},
	{"default.hdf5", "bool", []int{3}, "int8", nil, []int64{1, 0, 1}, nil},
	{"default.hdf5", "empty", []int{0, 3}, "float64", []float64{}, nil, nil},
	{"default.hdf5", "unwritten", []int{2, 2}, "int32", nil, []int64{0, 0, 0, 0}, nil},
	{"default.hdf5", "unwritten_fill", []int{3}, "float64", []float64{7.5, 7.5, 7.5}, nil, nil},

	// Chunked, with partial edge chunks, deflate, shuffle, fletcher32.
	{"gzip.hdf5", "plain", []int{5, 7}, "float64", seq(35, func(k int) float64 { return float64(k) / 8 }), nil, nil},
	{"gzip.hdf5", "gzip", []int{5, 7}, "float64", seq(35, func(k int) float64 { return float64(k) / 8 }), nil, nil},
	{"gzip.hdf5", "sparse", []int{4, 6}, "int16", nil, []int64{
		-1, -1, -1, -1, -1, -1,
		-1, -1, -1, -1, -1, -1,
		-1, -1, -1, 0, 1, 2,
		-1, -1, -1, 3, 4, 5}, nil},
	{"gzip.hdf5", "many_chunks", []int{150}, "int8", nil, seq(150, func(k int) int64 { return int64(k - 75) }), nil},
	{"gzip_shuffle.hdf5", "i4", []int{4, 5, 3}, "int32", nil, seq(60, func(k int) int64 { return int64(k-30) * 1000003 }), nil},
	{"gzip_shuffle.hdf5", "u2", []int{100}, "uint16", nil, seq(100, func(k int) int64 { return int64(k * 601) }), nil},
	{"gzip_shuffle.hdf5", "fletcher", []int{10}, "float32", seq(10, func(k int) float64 { return float64(k) - 4.5 }), nil, nil},
	{"gzip_shuffle.hdf5", "all", []int{3, 3}, "int64", nil, seq(9, func(k int) int64 { return int64(k - 4) }), nil},

	// Big-endian numbers.
	{"bigendian.hdf5", "f8", []int{3}, "float64", []float64{1, -0.1, 1e300}, nil, nil},
	{"bigendian.hdf5", "f4", []int{2}, "float32", []float64{0.25, -3}, nil, nil},
	{"bigendian.hdf5", "i4", []int{2}, "int32", nil, []int64{-5, 65536}, nil},
	{"bigendian.hdf5", "u2", []int{2}, "uint16", nil, []int64{1, 258}, nil},
	{"bigendian.hdf5", "i8", []int{2}, "int64", nil, []int64{-2, 1 << 40}, nil},
	{"bigendian.hdf5", "gzip_shuffle", []int{3, 4}, "int16", nil, seq(12, func(k int) int64 { return int64(k - 6) }), nil},

	// Fixed-length strings with each padding.
	{"strings.hdf5", "nullpad", []int{2}, "S7", nil, nil, []string{"non-cat", "cat"}},
	{"strings.hdf5", "nullterm", []int{2}, "S4", nil, nil, []string{"ab", "wxyz"}},
	{"strings.hdf5", "spacepad", []int{2}, "S4", nil, nil, []string{"ab", "wxyz"}},
	{"strings.hdf5", "utf8", []int{2}, "S4", nil, nil, []string{"é", "ab"}},
	{"strings.hdf5", "scalar", []int{}, "S5", nil, nil, []string{"hello"}},

	// Scalars, nested groups, and the other layouts and formats.
	{"scalar.hdf5", "f8", []int{}, "float64", []float64{2.5}, nil, nil},
	{"scalar.hdf5", "i4", []int{}, "int32", nil, []int64{-7}, nil},
	{"nested.hdf5", "group/dset", []int{2, 2}, "uint8", nil, []int64{1, 2, 3, 4}, nil},
	{"nested.hdf5", "alias", []int{2, 2}, "uint8", nil, []int64{1, 2, 3, 4}, nil},
	{"nested.hdf5", "group/sub/deep", []int{1}, "float64", []float64{0.5}, nil, nil},
	{"compact.hdf5", "x", []int{2, 2}, "int32", nil, []int64{1, 2, 3, 4}, nil},
	{"userblock.hdf5", "x", []int{3}, "int32", nil, []int64{1, 2, 3}, nil},
	{"track_order.hdf5", "b", []int{2}, "int16", nil, []int64{1, 2}, nil},
	{"track_order.hdf5", "g/c", []int{1}, "uint8", nil, []int64{4}, nil},
	{"latest.hdf5", "contiguous", []int{2, 3}, "float64", []float64{0, 1, 2, 3, 4, 5}, nil, nil},
	{"latest.hdf5", "single_chunk", []int{10}, "int32", nil, seq(10, func(k int) int64 { return int64(k) }), nil},
	{"latest.hdf5", "fixed_array", []int{10}, "int32", nil, seq(10, func(k int) int64 { return int64(k) }), nil},
	{"latest.hdf5", "implicit", []int{10}, "int32", nil, seq(10, func(k int) int64 { return int64(k) }), nil},
	{"latest.hdf5", "g/x", []int{2}, "uint8", nil, []int64{1, 2}, nil},
}

func TestDataset(t *testing.T) {
	for _, tt := range datasetTests {
		t.Run(tt.file+":"+tt.name, func(t *testing.T) {
			d, err := open(t, tt.file).Dataset(tt.name)
			if err != nil {
				t.Fatalf("Dataset(%q) = %v", tt.name, err)
			}
			if !slices.Equal(d.Shape, tt.shape) || d.DType() != tt.dtype {
				t.Errorf("Dataset(%q) is %s %v, want %s %v", tt.name, d.DType(), d.Shape, tt.dtype, tt.shape)
			}
			switch {
			case tt.strs != nil:
				got, err := d.Strings()
				if err != nil || !slices.Equal(got, tt.strs) {
					t.Errorf("Strings() = %q, %v, want %q", got, err, tt.strs)
				}
			case tt.ints != nil:
				got, err := d.Int64s()
				if err != nil || !slices.Equal(got, tt.ints) {
					t.Errorf("Int64s() = %v, %v, want %v", got, err, tt.ints)
				}
				fs, err := d.Float64s()
				want := seq(len(tt.ints), func(k int) float64 { return float64(tt.ints[k]) })
				if err != nil || !slices.Equal(fs, want) {
					t.Errorf("Float64s() = %v, %v, want %v", fs, err, want)
				}
			default:
				got, err := d.Float64s()
				if err != nil || !slices.Equal(got, tt.floats) {
					t.Errorf("Float64s() = %v, %v, want %v", got, err, tt.floats)
				}
			}
		})
	}
}

func TestUint64(t *testing.T) {
	d, err := open(t, "default.hdf5").Dataset("u8")
	if err != nil {
		t.Fatal(err)
	}
	if got, err := d.Float64s(); err != nil || !slices.Equal(got, []float64{1, 1 << 64}) {
		t.Errorf("Float64s() = %v, %v, want [1 2^64]", got, err)
	}
	const want = `hdf5: testdata/default.hdf5: dataset "u8": value 18446744073709551615 (element 1) does not fit an int64`
	if _, err := d.Int64s(); err == nil || err.Error() != want {
		t.Errorf("Int64s() error = %v, want %s", err, want)
	}
}

func TestConversionErrors(t *testing.T) {
	f := open(t, "course_like.hdf5")
	x, _ := f.Dataset("train_set_x")
	classes, _ := f.Dataset("list_classes")
	g, _ := open(t, "default.hdf5").Dataset("f8")
	tests := []struct {
		name string
		call func() error
		want string
	}{
		{"Strings of uint8", func() error { _, err := x.Strings(); return err }, `hdf5: testdata/course_like.hdf5: dataset "train_set_x": holds uint8 values, not strings`},
		{"Float64s of strings", func() error { _, err := classes.Float64s(); return err }, `hdf5: testdata/course_like.hdf5: dataset "list_classes": holds S7 values, not numbers`},
		{"Int64s of strings", func() error { _, err := classes.Int64s(); return err }, `hdf5: testdata/course_like.hdf5: dataset "list_classes": holds S7 values, not integers`},
		{"Int64s of float64", func() error { _, err := g.Int64s(); return err }, `hdf5: testdata/default.hdf5: dataset "f8": holds float64 values, not integers`},
	}
	for _, tt := range tests {
		if err := tt.call(); err == nil || err.Error() != tt.want {
			t.Errorf("%s: error = %v, want %s", tt.name, err, tt.want)
		}
	}
}

func TestNames(t *testing.T) {
	tests := []struct {
		file string
		want []string
	}{
		{"course_like.hdf5", []string{"list_classes", "train_set_x", "train_set_y"}},
		// The loop group/sub/up is not followed; the soft and external
		// links are left out.
		{"nested.hdf5", []string{"alias", "group/dset", "group/sub/deep", "top"}},
		{"track_order.hdf5", []string{"a", "b", "g/c"}},
		{"latest.hdf5", []string{"btree2", "contiguous", "extensible", "fixed_array", "g/x", "implicit", "single_chunk"}},
		{"scalar.hdf5", []string{"f8", "i4"}},
	}
	for _, tt := range tests {
		if got := open(t, tt.file).Names(); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Open(%q).Names() = %q, want %q", tt.file, got, tt.want)
		}
	}
}

// TestWide reads a group with so many members that its B-tree has two
// levels.
func TestWide(t *testing.T) {
	f := open(t, "wide.hdf5")
	names := f.Names()
	if len(names) != 300 || names[0] != "d" || names[1] != "l000" || names[299] != "l298" {
		t.Errorf("Names() = %d names %q ... %q, want 300: d, l000 ... l298", len(names), names[:min(2, len(names))], names[len(names)-1:])
	}
	d, err := f.Dataset("l150")
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := d.Int64s(); !slices.Equal(got, []int64{42}) {
		t.Errorf(`Dataset("l150").Int64s() = %v, want [42]`, got)
	}
}

func TestUnsupported(t *testing.T) {
	tests := []struct {
		file, name string // name "" means the error comes from Open
		want       string
	}{
		{"unsupported.hdf5", "lzf", `hdf5: testdata/unsupported.hdf5: dataset "lzf": filter 32000 (lzf) is not supported`},
		{"unsupported.hdf5", "scaleoffset", `hdf5: testdata/unsupported.hdf5: dataset "scaleoffset": filter 6 (scaleoffset) is not supported`},
		{"unsupported.hdf5", "vlen_str", `hdf5: testdata/unsupported.hdf5: dataset "vlen_str": datatype class 9 (variable-length) is not supported`},
		{"unsupported.hdf5", "compound", `hdf5: testdata/unsupported.hdf5: dataset "compound": datatype class 6 (compound) is not supported`},
		{"unsupported.hdf5", "complex", `hdf5: testdata/unsupported.hdf5: dataset "complex": datatype class 6 (compound) is not supported`},
		{"unsupported.hdf5", "null", `hdf5: testdata/unsupported.hdf5: dataset "null": a null dataspace (an empty dataset, h5py.Empty) is not supported`},
		{"latest.hdf5", "extensible", `hdf5: testdata/latest.hdf5: dataset "extensible": chunk index type 4 (extensible array: a dataset with one unlimited dimension written with libver="latest") is not supported`},
		{"latest.hdf5", "btree2", `hdf5: testdata/latest.hdf5: dataset "btree2": chunk index type 5 (version 2 B-tree: a dataset with several unlimited dimensions written with libver="latest") is not supported`},
		{"nested.hdf5", "soft", `hdf5: testdata/nested.hdf5: dataset "soft": soft link to "/top" is not supported`},
		{"nested.hdf5", "ext", `hdf5: testdata/nested.hdf5: dataset "ext": external link is not supported`},
		{"dense.hdf5", "", `hdf5: testdata/dense.hdf5: root group: dense link storage (a fractal heap, used for groups of more than 8 members with track_order or libver="latest") is not supported`},
	}
	for _, tt := range tests {
		t.Run(tt.file+":"+tt.name, func(t *testing.T) {
			f, err := Open(filepath.Join("testdata", tt.file))
			if tt.name != "" {
				if err != nil {
					t.Fatalf("Open(%q) = %v", tt.file, err)
				}
				_, err = f.Dataset(tt.name)
			}
			if err == nil || err.Error() != tt.want {
				t.Fatalf("error = %v, want %s", err, tt.want)
			}
			if !errors.Is(err, ErrUnsupported) {
				t.Errorf("errors.Is(%v, ErrUnsupported) = false, want true", err)
			}
		})
	}
	// The other datasets of the file stay readable.
	d, err := open(t, "unsupported.hdf5").Dataset("ok")
	if err != nil {
		t.Fatalf(`Dataset("ok") = %v`, err)
	}
	if got, _ := d.Float64s(); !slices.Equal(got, []float64{1, 2}) {
		t.Errorf(`Dataset("ok").Float64s() = %v, want [1 2]`, got)
	}
}

func TestMissing(t *testing.T) {
	f := open(t, "course_like.hdf5")
	const want = `hdf5: testdata/course_like.hdf5: no dataset "train_set_z" (datasets: list_classes, train_set_x, train_set_y)`
	if _, err := f.Dataset("train_set_z"); err == nil || err.Error() != want {
		t.Errorf(`Dataset("train_set_z") error = %v, want %s`, err, want)
	}
	if _, err := Open("testdata/no_such_file.hdf5"); err == nil || !strings.Contains(err.Error(), "testdata/no_such_file.hdf5") {
		t.Errorf("Open(missing file) error = %v, want one naming the file", err)
	}
}

func TestChecksums(t *testing.T) {
	// Values printed by the driver of Bob Jenkins' lookup3.c.
	tests := []struct {
		in   string
		want uint32
	}{
		{"", 0xdeadbeef},
		{"Four score and seven years ago", 0x17770551},
	}
	for _, tt := range tests {
		if got := lookup3([]byte(tt.in)); got != tt.want {
			t.Errorf("lookup3(%q) = %#x, want %#x", tt.in, got, tt.want)
		}
	}
}
