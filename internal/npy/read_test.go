package npy

import (
	"bytes"
	"errors"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/iotest"

	"dnn/internal/memlimit"
)

// The fixtures in testdata were written by testdata/make_fixtures.py with
// numpy 1.24.2; the values below are the literals in that script.

var readTests = []struct {
	file  string
	shape []int
	data  []float64
}{
	{"f8_2d.npy", []int{2, 3}, []float64{1, -2.5, 0.1, 1e-300, math.Inf(1), 12288}},
	{"f8_big.npy", []int{2, 3}, []float64{1, -2.5, 0.1, 1e-300, math.Inf(1), 12288}},
	{"f4.npy", []int{3}, []float64{float64(float32(0.1)), -1.5, float64(float32(3.4028235e38))}},
	{"f4_big.npy", []int{3}, []float64{float64(float32(0.1)), -1.5, float64(float32(3.4028235e38))}},
	{"f2.npy", []int{4}, []float64{0.5, -2, 65504, 0.0999755859375}},
	{"i1.npy", []int{3}, []float64{-128, 0, 127}},
	{"i2.npy", []int{3}, []float64{-32768, 1, 32767}},
	{"i2_big.npy", []int{3}, []float64{-32768, 1, 32767}},
	{"i4.npy", []int{3}, []float64{-2147483648, 2, 2147483647}},
	// 9007199254740993 = 2^53+1 has no float64; it rounds to 2^53.
	{"i8.npy", []int{3}, []float64{-9223372036854775808, -3, 9007199254740992}},
	{"i8_big.npy", []int{3}, []float64{-9223372036854775808, -3, 9007199254740992}},
	{"u1.npy", []int{2, 2}, []float64{0, 1, 128, 255}},
	{"u2.npy", []int{2}, []float64{0, 65535}},
	{"u4.npy", []int{2}, []float64{0, 4294967295}},
	{"u4_big.npy", []int{2}, []float64{0, 4294967295}},
	{"u8.npy", []int{2}, []float64{0, 18446744073709551615}},
	{"bool.npy", []int{3}, []float64{1, 0, 1}},
	{"f8_1d.npy", []int{3}, []float64{1, 2, 3}},
	{"f8_0d.npy", []int{}, []float64{7.25}},
	{"f8_3d.npy", []int{2, 3, 4}, seq(24)},
	{"f8_empty.npy", []int{0, 3}, []float64{}},
	{"f8_v2.npy", []int{2, 2}, []float64{1, 2, 3, 4}},
	{"f8_v3.npy", []int{2, 2}, []float64{1, 2, 3, 4}},
	{"np_save_3x4.npy", []int{3, 4}, scaled(seq(12), 0.25)},
	{"np_save_5.npy", []int{5}, []float64{0.1, 0.2, 0.3, 0.4, 0.5}},
	{"np_save_0d.npy", []int{}, []float64{-1.5}},
	{"np_save_2x3x2.npy", []int{2, 3, 2}, seq(12)},
	{"np_save_100x1.npy", []int{100, 1}, seq(100)},
	// Fortran order, rearranged into row-major order.
	{"fortran.npy", []int{2, 3}, seq(6)},
	{"fortran_3d_u1.npy", []int{2, 3, 4}, seq(24)},
	{"course_train_x.npy", []int{48, 5}, courseTrainX()},
}

// courseTrainX returns the values of course_train_x.npy, which
// make_fixtures.py saves as the course does:
//
//	train_x_orig = ((np.arange(5 * 4 * 4 * 3) * 7) % 256).astype("u1").reshape(5, 4, 4, 3)
//	train_x = train_x_orig.reshape(train_x_orig.shape[0], -1).T / 255.
//
// Element (p, j), pixel value p of picture j, is at p*5 + j.
func courseTrainX() []float64 {
	const n, m = 4 * 4 * 3, 5
	x := make([]float64, n*m)
	for j := range m {
		for p := range n {
			x[p*m+j] = float64((j*n+p)*7%256) / 255.
		}
	}
	return x
}

// seq returns 0, 1, ..., n-1, like np.arange(n).
func seq(n int) []float64 {
	s := make([]float64, n)
	for i := range s {
		s[i] = float64(i)
	}
	return s
}

func scaled(s []float64, k float64) []float64 {
	for i := range s {
		s[i] *= k
	}
	return s
}

// sameData reports whether got and want hold the same float64 bits.
func sameData(got, want []float64) bool {
	return slices.EqualFunc(got, want, func(x, y float64) bool { return math.Float64bits(x) == math.Float64bits(y) })
}

func TestReadFile(t *testing.T) {
	for _, tt := range readTests {
		t.Run(tt.file, func(t *testing.T) {
			a, err := ReadFile(filepath.Join("testdata", tt.file))
			if err != nil {
				t.Fatalf("ReadFile(%q) error: %v", tt.file, err)
			}
			if !slices.Equal(a.Shape, tt.shape) {
				t.Errorf("ReadFile(%q).Shape = %v, want %v", tt.file, a.Shape, tt.shape)
			}
			if !sameData(a.Data, tt.data) {
				t.Errorf("ReadFile(%q).Data = %v, want %v", tt.file, a.Data, tt.data)
			}
		})
	}
}

// TestReadStream reads the fixtures through Read, from a stream whose
// length is unknown and that hands out one byte at a time.
func TestReadStream(t *testing.T) {
	for _, tt := range readTests {
		b, err := os.ReadFile(filepath.Join("testdata", tt.file))
		if err != nil {
			t.Fatal(err)
		}
		a, err := Read(iotest.OneByteReader(bytes.NewReader(b)))
		if err != nil {
			t.Errorf("Read(%s) error: %v", tt.file, err)
			continue
		}
		if !slices.Equal(a.Shape, tt.shape) || !sameData(a.Data, tt.data) {
			t.Errorf("Read(%s) = %v %v, want %v %v", tt.file, a.Shape, a.Data, tt.shape, tt.data)
		}
	}
}

func TestHalfToFloat64(t *testing.T) {
	tests := []struct {
		h    uint16
		want float64
	}{
		{0x0000, 0},
		{0x3c00, 1},
		{0xc000, -2},
		{0x7bff, 65504},
		{0x0001, math.Ldexp(1, -24)}, // smallest subnormal
		{0x0400, math.Ldexp(1, -14)}, // smallest normal
		{0x3555, 0.333251953125},
		{0x7c00, math.Inf(1)},
		{0xfc00, math.Inf(-1)},
	}
	for _, tt := range tests {
		if got := halfToFloat64(tt.h); got != tt.want {
			t.Errorf("halfToFloat64(%#04x) = %v, want %v", tt.h, got, tt.want)
		}
	}
	if got := halfToFloat64(0x7e00); !math.IsNaN(got) {
		t.Errorf("halfToFloat64(0x7e00) = %v, want NaN", got)
	}
}

// npyBytes returns an .npy file with the given version and header text
// (padded like numpy's) followed by data.
func npyBytes(major byte, dict string, data []byte) []byte {
	var b bytes.Buffer
	b.WriteString(magic)
	b.WriteByte(major)
	b.WriteByte(0)
	text := dict + strings.Repeat(" ", 63-(len(dict)+12)%64) + "\n"
	n := len(text)
	if major == 1 {
		b.Write([]byte{byte(n), byte(n >> 8)})
	} else {
		b.Write([]byte{byte(n), byte(n >> 8), byte(n >> 16), byte(n >> 24)})
	}
	b.WriteString(text)
	b.Write(data)
	return b.Bytes()
}

func dict(descr, fortran, shape string) string {
	return "{'descr': " + descr + ", 'fortran_order': " + fortran + ", 'shape': " + shape + ", }"
}

var eightBytes = make([]byte, 8)

// errorTests are inputs that must be refused, each with the error it
// wraps and words its message must hold.
var errorTests = []struct {
	name  string
	file  string // a fixture, or
	input []byte // the bytes
	kind  error
	words string
}{
	{"object dtype", "object.npy", nil, ErrUnsupported, "object arrays are not supported"},
	{"structured dtype", "structured.npy", nil, ErrUnsupported, "structured dtypes are not supported"},
	{"unicode strings", "unicode.npy", nil, ErrUnsupported, "string arrays are not supported"},
	{"byte strings", "bytes.npy", nil, ErrUnsupported, "string arrays are not supported"},
	{"complex", "complex.npy", nil, ErrUnsupported, "complex arrays are not supported"},
	{"datetime", "datetime.npy", nil, ErrUnsupported, "datetime"},
	{"npz is not npy", "stored.npz", nil, ErrFormat, "not an .npy file"},
	{"empty", "", []byte{}, ErrFormat, "empty"},
	{"bad magic", "", []byte("\x93NUMPX\x01\x00"), ErrFormat, "magic string"},
	{"text file", "", []byte("hello, world\n"), ErrFormat, "magic string"},
	{"magic only", "", []byte(magic), ErrFormat, "ends inside the magic string and version"},
	{"version 4.0", "", []byte(magic + "\x04\x00\x10\x00"), ErrUnsupported, "version 4.0 is not supported"},
	{"version 1.1", "", []byte(magic + "\x01\x01\x10\x00"), ErrUnsupported, "version 1.1 is not supported"},
	{"no header length", "", []byte(magic + "\x01\x00\x10"), ErrFormat, "ends inside the header length"},
	{"short header", "", []byte(magic + "\x01\x00\x10\x00{'descr'"), ErrFormat, "ends inside the header"},
	{"huge v2 header", "", []byte(magic + "\x02\x00\xff\xff\xff\xff"), ErrFormat, "more than the 65536 allowed"},
	{"not a dict", "", npyBytes(1, "('<f8', False, (1,))", eightBytes), ErrFormat, "not a dict"},
	{"not a literal", "", npyBytes(1, "{'descr': <f8}", eightBytes), ErrFormat, "not a Python literal"},
	{"unclosed dict", "", npyBytes(1, "{'descr': '<f8'", eightBytes), ErrFormat, "not a Python literal"},
	{"missing key", "", npyBytes(1, "{'descr': '<f8', 'shape': (1,)}", eightBytes), ErrFormat, "lacks one of the keys"},
	{"extra key", "", npyBytes(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (1,), 'x': 1}", eightBytes), ErrFormat, "unexpected key 'x'"},
	{"repeated key", "", npyBytes(1, "{'descr': '<f8', 'descr': '<f8', 'fortran_order': False, 'shape': (1,)}", eightBytes), ErrFormat, "twice"},
	{"fortran_order not bool", "", npyBytes(1, dict("'<f8'", "0", "(1,)"), eightBytes), ErrFormat, "fortran_order is 0"},
	{"shape not a tuple", "", npyBytes(1, dict("'<f8'", "False", "[1]"), eightBytes), ErrFormat, "not a tuple"},
	{"shape (1) is not a tuple", "", npyBytes(1, dict("'<f8'", "False", "(1)"), eightBytes), ErrFormat, "shape 1 is not a tuple"},
	{"shape of floats", "", npyBytes(1, dict("'<f8'", "False", "(1.0,)"), eightBytes), ErrFormat, "not a Python literal"},
	{"shape of strings", "", npyBytes(1, dict("'<f8'", "False", "('1',)"), eightBytes), ErrFormat, "not an integer"},
	{"negative dimension", "", npyBytes(1, dict("'<f8'", "False", "(-1,)"), eightBytes), ErrFormat, "negative dimension"},
	{"dimension beyond int64", "", npyBytes(1, dict("'<f8'", "False", "(99999999999999999999,)"), eightBytes), ErrFormat, "too large"},
	{"product overflows", "", npyBytes(1, dict("'<f8'", "False", "(4294967296, 4294967296)"), eightBytes), ErrFormat, "more elements than an int can count"},
	{"bytes overflow", "", npyBytes(1, dict("'<f8'", "False", "(2305843009213693952,)"), eightBytes), ErrFormat, "more bytes than a file can hold"},
	{"enormous shape", "", npyBytes(1, dict("'<f8'", "False", "(1000000000, 1000)"), eightBytes), ErrFormat, "shorter than the shape says: shape (1000000000, 1000) of <f8 needs 8000000000000 bytes, the file has 8"},
	{"too many dimensions", "", npyBytes(1, dict("'<f8'", "False", "("+strings.Repeat("1, ", 65)+")"), eightBytes), ErrUnsupported, "65 dimensions"},
	{"short data", "", npyBytes(1, dict("'<f8'", "False", "(2,)"), eightBytes), ErrFormat, "shorter than the shape says: shape (2,) of <f8 needs 16 bytes, the file has 8"},
	{"long data", "", npyBytes(1, dict("'<f8'", "False", "()"), make([]byte, 9)), ErrFormat, "longer than the shape says"},
	{"no byte order", "", npyBytes(1, dict("'f8'", "False", "(1,)"), eightBytes), ErrFormat, "byte order"},
	{"no item size", "", npyBytes(1, dict("'<f'", "False", "(1,)"), eightBytes), ErrFormat, "item size"},
	{"float128", "", npyBytes(1, dict("'<f16'", "False", "(1,)"), eightBytes), ErrUnsupported, "item size 16"},
	{"'|' for 8 bytes", "", npyBytes(1, dict("'|f8'", "False", "(1,)"), eightBytes), ErrFormat, "only for 1-byte"},
	{"descr not a string", "", npyBytes(1, dict("8", "False", "(1,)"), eightBytes), ErrFormat, "not a dtype string"},
	{"subarray", "", npyBytes(1, dict("('<f8', (2,))", "False", "(1,)"), eightBytes), ErrUnsupported, "subarray"},
	{"deep nesting", "", npyBytes(1, dict("'<f8'", "False", strings.Repeat("(", 100)+strings.Repeat(")", 100)), nil), ErrFormat, "nested"},
	{"v3 header not UTF-8", "", npyBytes(3, dict("'<f8\xff'", "False", "(1,)"), eightBytes), ErrFormat, "UTF-8"},
}

func TestReadErrors(t *testing.T) {
	for _, tt := range errorTests {
		t.Run(tt.name, func(t *testing.T) {
			b := tt.input
			if tt.file != "" {
				var err error
				if b, err = os.ReadFile(filepath.Join("testdata", tt.file)); err != nil {
					t.Fatal(err)
				}
			}
			for _, read := range []struct {
				name string
				f    func([]byte) (*Array, error)
			}{
				{"Parse", Parse},
				{"Read", func(b []byte) (*Array, error) { return Read(bytes.NewReader(b)) }},
			} {
				a, err := read.f(b)
				if err == nil {
					t.Fatalf("%s(%.40q) = %v, want an error saying %q", read.name, b, a, tt.words)
				}
				if !errors.Is(err, tt.kind) || !strings.Contains(err.Error(), tt.words) {
					t.Errorf("%s(%.40q) error = %q, want one wrapping %q that says %q", read.name, b, err, tt.kind, tt.words)
				}
			}
		})
	}
}

// TestReadAccepts checks header spellings that numpy's reader accepts
// although np.save never writes them.
func TestReadAccepts(t *testing.T) {
	tests := []struct {
		name  string
		dict  string
		shape []int
	}{
		{"keys in another order", "{'shape': (1,), 'fortran_order': False, 'descr': '<f8'}", []int{1}},
		{"double quotes", `{"descr": "<f8", "fortran_order": False, "shape": (1,)}`, []int{1}},
		{"no spaces", "{'descr':'<f8','fortran_order':False,'shape':(1,1)}", []int{1, 1}},
		{"Python 2 longs", "{'descr': '<f8', 'fortran_order': False, 'shape': (1L, 1L), }", []int{1, 1}},
		{"zero after a huge dimension", dict("'<f8'", "False", "(9223372036854775807, 9223372036854775807, 0)"), []int{9223372036854775807, 9223372036854775807, 0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := 1
			for _, d := range tt.shape {
				n *= d
			}
			a, err := Parse(npyBytes(1, tt.dict, make([]byte, 8*n)))
			if err != nil {
				t.Fatalf("Parse(header %s) error: %v", tt.dict, err)
			}
			if !slices.Equal(a.Shape, tt.shape) || len(a.Data) != n {
				t.Errorf("Parse(header %s) = shape %v with %d values, want %v with %d", tt.dict, a.Shape, len(a.Data), tt.shape, n)
			}
		})
	}
}

func TestFromFortran(t *testing.T) {
	tests := []struct {
		name  string
		shape []int
		data  []float64 // in Fortran order
		want  []float64 // in row-major order
	}{
		{"scalar", []int{}, []float64{7}, []float64{7}},
		{"1-d", []int{3}, []float64{1, 2, 3}, []float64{1, 2, 3}},
		{"empty", []int{0, 3}, []float64{}, []float64{}},
		// [[0 1 2] [3 4 5]] is stored by columns: 0 3 1 4 2 5.
		{"2×3", []int{2, 3}, []float64{0, 3, 1, 4, 2, 5}, seq(6)},
		{"3×1", []int{3, 1}, []float64{0, 1, 2}, seq(3)},
		// Element (i, j, k) of a 2×2×2 array is stored at i + 2j + 4k.
		{"2×2×2", []int{2, 2, 2}, []float64{0, 4, 2, 6, 1, 5, 3, 7}, seq(8)},
	}
	for _, tt := range tests {
		if got := fromFortran(tt.data, tt.shape); !sameData(got, tt.want) {
			t.Errorf("fromFortran(%v, %v) = %v, want %v", tt.data, tt.shape, got, tt.want)
		}
	}
}

// A Fortran-ordered array costs twice its values while it is rearranged:
// the budget is charged for both before the data is read.
func TestReadTooLarge(t *testing.T) {
	defer memlimit.SetLimit(memlimit.SetLimit(1000))
	tests := []struct {
		name  string
		input []byte
		words string
	}{
		{"C order", npyBytes(1, dict("'<f8'", "False", "(126,)"), make([]byte, 8*126)), "shape (126,) of <f8 takes 1.0 kB as float64; the limit is 1.0 kB"},
		{"Fortran order", npyBytes(1, dict("'|u1'", "True", "(9, 7)"), make([]byte, 63)), "shape (9, 7) of |u1 takes 504 bytes as float64; the limit is 1.0 kB"},
	}
	for _, tt := range tests {
		for _, read := range []struct {
			name string
			f    func([]byte) (*Array, error)
		}{
			{"Parse", Parse},
			{"Read", func(b []byte) (*Array, error) { return Read(bytes.NewReader(b)) }},
		} {
			_, err := read.f(tt.input)
			if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), tt.words) {
				t.Errorf("%s: %s error = %v, want one wrapping ErrTooLarge that says %q", tt.name, read.name, err, tt.words)
			}
		}
	}
	// 125 values fit.
	if _, err := Parse(npyBytes(1, dict("'<f8'", "False", "(125,)"), make([]byte, 8*125))); err != nil {
		t.Errorf("Parse(125 float64 under a limit of 1000 bytes) = %v, want no error", err)
	}
}

func TestReadFileMissing(t *testing.T) {
	_, err := ReadFile(filepath.Join("testdata", "no such file.npy"))
	if err == nil || !errors.Is(err, os.ErrNotExist) || !strings.Contains(err.Error(), "no such file.npy") {
		t.Errorf("ReadFile(missing) error = %v, want one naming the file and wrapping os.ErrNotExist", err)
	}
}

// Arrays read with one budget share it.
func TestReadFileWithin(t *testing.T) {
	defer memlimit.SetLimit(memlimit.SetLimit(150))
	path := filepath.Join("testdata", "f8_3d.npy") // 24 values: 192 bytes as float64
	if _, err := ReadFileWithin(path, memlimit.NewBudget()); !errors.Is(err, ErrTooLarge) {
		t.Errorf("ReadFileWithin(24 values, 150 bytes) error = %v, want ErrTooLarge", err)
	}
	memlimit.SetLimit(300)
	b := memlimit.NewBudget()
	if _, err := ReadFileWithin(path, b); err != nil {
		t.Fatalf("ReadFileWithin(24 values, 300 bytes) = %v", err)
	}
	const want = "takes 192 bytes as float64; the limit is 300 bytes (the limit set for this run), of which 192 bytes is already taken"
	if _, err := ReadFileWithin(path, b); !errors.Is(err, ErrTooLarge) || !strings.HasSuffix(err.Error(), want) {
		t.Errorf("ReadFileWithin the same budget again: error %v, want one ending %q", err, want)
	}
}
