package dataset_test

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"dnn/internal/dataset"
	"dnn/internal/memlimit"
	"dnn/internal/testutil"
	"dnn/matrix"
)

// The fixtures in testdata were written by make_fixtures.py: pixel k of an
// image array is k*7 mod 256. The folders tiny, wrong_names and sizes hold
// train.hdf5 and test.hdf5; courseFolder copies them under the course's
// names, which Load reads.

// copyCourse copies testdata/src/train.hdf5 and test.hdf5 into folder dst
// as dataset.TrainFile and dataset.TestFile.
func copyCourse(dst, src string) error {
	for from, to := range map[string]string{"train.hdf5": dataset.TrainFile, "test.hdf5": dataset.TestFile} {
		b, err := os.ReadFile(filepath.Join("testdata", src, from))
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dst, to), b, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// courseFolder returns a new temporary folder holding testdata/src's two
// files under the course's names.
func courseFolder(t *testing.T, src string) string {
	t.Helper()
	dir := t.TempDir()
	if err := copyCourse(dir, src); err != nil {
		t.Fatal(err)
	}
	return dir
}

// exact fails t unless got equals want to the bit.
func exact(t *testing.T, name string, got, want *matrix.Dense) {
	t.Helper()
	if msg := testutil.DiffMatrix(name, got, want, 0, 0); msg != "" {
		t.Error(msg)
	}
}

// columns returns the (n, m) matrix whose element (p, j) is f(p, j).
func columns(n, m int, f func(p, j int) float64) *matrix.Dense {
	d := matrix.Zeros(n, m)
	for p := 0; p < n; p++ {
		for j := 0; j < m; j++ {
			d.Set(p, j, f(p, j))
		}
	}
	return d
}

func TestLoadTiny(t *testing.T) {
	dir := courseFolder(t, "tiny")
	d, err := dataset.Load(dir)
	if err != nil {
		t.Fatalf("Load(%s) = %v", dir, err)
	}
	// 3 training images of 2×2×3 = 12 values; the test file holds two of
	// them in reverse order.
	exact(t, "TrainX", d.TrainX, columns(12, 3, func(p, j int) float64 { return float64((j*12+p)*7%256) / 255 }))
	exact(t, "TrainY", d.TrainY, matrix.New(1, 3, []float64{1, 0, 1}))
	exact(t, "TestX", d.TestX, columns(12, 2, func(p, j int) float64 { return float64(((1-j)*12+p)*7%256) / 255 }))
	exact(t, "TestY", d.TestY, matrix.New(1, 2, []float64{0, 1}))
	if want := []string{"non-cat", "cat"}; !slices.Equal(d.Classes, want) {
		t.Errorf("Classes = %q, want %q", d.Classes, want)
	}
	// Image 1, row 0, column 1, channel 2 is pixel k = 12+3+2 = 17: 119/255.
	if got, want := d.TrainX.At(5, 1), 119.0/255; got != want {
		t.Errorf("TrainX.At(5, 1) = %v, want %v", got, want)
	}
}

// TestLoadCourse reads the course's files. The values were printed by numpy
// from train_x = train_x_orig.reshape(209, -1).T / 255. and the same for
// the test set.
func TestLoadCourse(t *testing.T) {
	d, err := dataset.Load(testutil.CourseData(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name string
		m    *matrix.Dense
		want string
	}{{"TrainX", d.TrainX, "(12288,209)"}, {"TrainY", d.TrainY, "(1,209)"}, {"TestX", d.TestX, "(12288,50)"}, {"TestY", d.TestY, "(1,50)"}} {
		if got := tt.m.Shape(); got != tt.want {
			t.Errorf("%s has shape %s, want %s", tt.name, got, tt.want)
		}
	}
	values := []struct {
		name string
		m    *matrix.Dense
		p, j int
		want float64
	}{
		{"TrainX", d.TrainX, 0, 0, 0.06666666666666667},
		{"TrainX", d.TrainX, 2, 0, 0.2196078431372549},
		{"TrainX", d.TrainX, 3*(10*64+20) + 1, 2, 0.592156862745098},
		{"TrainX", d.TrainX, 5000, 100, 0.5254901960784314},
		{"TrainX", d.TrainX, 12287, 208, 0},
		{"TestX", d.TestX, 0, 0, 0.6196078431372549},
		{"TestX", d.TestX, 12287, 49, 0.0196078431372549},
	}
	for _, tt := range values {
		if got := tt.m.At(tt.p, tt.j); got != tt.want {
			t.Errorf("%s.At(%d, %d) = %.17g, want %.17g", tt.name, tt.p, tt.j, got, tt.want)
		}
	}
	sums := []struct {
		name string
		m    *matrix.Dense
		want float64
	}{{"TrainY", d.TrainY, 72}, {"TestY", d.TestY, 33}}
	for _, tt := range sums {
		if got := matrix.Sum(tt.m); got != tt.want {
			t.Errorf("Sum(%s) = %v, want %v (the number of cats)", tt.name, got, tt.want)
		}
	}
	if want := []string{"non-cat", "cat"}; !slices.Equal(d.Classes, want) {
		t.Errorf("Classes = %q, want %q", d.Classes, want)
	}
}

func TestLoadErrors(t *testing.T) {
	// A folder holding the training file only.
	onlyTrain := t.TempDir()
	b, err := os.ReadFile(filepath.Join("testdata", "tiny", "train.hdf5"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(onlyTrain, dataset.TrainFile), b, 0o644); err != nil {
		t.Fatal(err)
	}
	wrongNames, sizes, oneClass := courseFolder(t, "wrong_names"), courseFolder(t, "sizes"), courseFolder(t, "one_class")
	tests := []struct {
		name, dir string
		want      string
		notExist  bool // the error matches fs.ErrNotExist
	}{
		{"missing folder", "testdata/nowhere",
			"dataset: no file testdata/nowhere/train_catvnoncat.h5: the course's files train_catvnoncat.h5 and test_catvnoncat.h5 belong in testdata/nowhere", true},
		{"missing test file", onlyTrain,
			"dataset: no file " + filepath.Join(onlyTrain, dataset.TestFile) + ": the course's files train_catvnoncat.h5 and test_catvnoncat.h5 belong in " + onlyTrain, true},
		{"wrong datasets", wrongNames,
			"hdf5: " + filepath.Join(wrongNames, "train_catvnoncat.h5") + `: no dataset "train_set_x" (datasets: x, y)`, false},
		{"image sizes differ", sizes,
			"dataset: the test images (" + filepath.Join(sizes, "test_catvnoncat.h5") + ") are 3×3 pixels, the training images (" + filepath.Join(sizes, "train_catvnoncat.h5") + ") 2×2: they must be the same size", false},
		{"one class name", oneClass,
			"dataset: " + filepath.Join(oneClass, "train_catvnoncat.h5") + `: "list_classes" is S7 of shape (1,), want the 2 names of class 0 and class 1`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := dataset.Load(tt.dir)
			if err == nil || err.Error() != tt.want {
				t.Fatalf("Load(%q) error = %v, want %s", tt.dir, err, tt.want)
			}
			if got := errors.Is(err, fs.ErrNotExist); got != tt.notExist {
				t.Errorf("errors.Is(%v, fs.ErrNotExist) = %v, want %v", err, got, tt.notExist)
			}
		})
	}
}

func TestLoadFileErrors(t *testing.T) {
	tests := []struct {
		file string
		want string
	}{
		{"bad/float_images.hdf5", `dataset: testdata/bad/float_images.hdf5: "train_set_x" is float64 of shape (2, 2, 2, 3), want uint8 RGB images of shape (m, height, width, 3)`},
		{"bad/gray_images.hdf5", `dataset: testdata/bad/gray_images.hdf5: "train_set_x" is uint8 of shape (2, 2, 2), want uint8 RGB images of shape (m, height, width, 3)`},
		{"bad/label_2.hdf5", `dataset: testdata/bad/label_2.hdf5: "train_set_y" holds 2 at index 1; a label must be 0 (non-cat) or 1 (cat)`},
		{"bad/count_mismatch.hdf5", `dataset: testdata/bad/count_mismatch.hdf5: "train_set_x" holds 3 images but "train_set_y" 2 labels`},
		{"bad/string_labels.hdf5", `dataset: testdata/bad/string_labels.hdf5: "train_set_y" is S1 of shape (2,), want integer labels of shape (m,)`},
		{"bad/no_images.hdf5", `dataset: testdata/bad/no_images.hdf5: "train_set_x" holds no images`},
		{"make_fixtures.py", `hdf5: testdata/make_fixtures.py: not an HDF5 file`},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := "testdata/" + tt.file
			_, _, err := dataset.LoadFile(path, "train_set_x", "train_set_y")
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("LoadFile(%q, ...) error = %v, want %s", path, err, tt.want)
			}
		})
	}
}

// padded returns the HDF5 file testdata/name followed by zeros up to size
// bytes: a file that large may declare the data the fixtures declare.
func padded(t *testing.T, name string, size int) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return append(b, make([]byte, size-len(b))...)
}

// Files of a few kB that declare 100000 images of 64×64×3 (see
// make_fixtures.py) are refused from their shapes, before any value is
// read: as they are, because the file could not hold them, and padded to
// 1.2 MB, because the pixels as float64 exceed the memory limit.
func TestLoadFileTooLarge(t *testing.T) {
	defer memlimit.SetLimit(memlimit.SetLimit(1 << 30))
	dir := t.TempDir()
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"fill value", padded(t, "huge/fill.hdf5", 1_200_000),
			`"train_set_x" declares 100000 images of 64×64×3 (9.8 GB as float64); the limit is 1.1 GB (the limit set for this run)`},
		{"gzip", padded(t, "huge/gzip.hdf5", 1_200_000),
			`"train_set_x" declares 100000 images of 64×64×3 (9.8 GB as float64); the limit is 1.1 GB (the limit set for this run)`},
		{"fill value unpadded", padded(t, "huge/fill.hdf5", 2062),
			`dataset "train_set_x": shape [100000 64 64 3] of uint8: more data than a file of 2062 bytes can hold`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, tt.name+".hdf5")
			if err := os.WriteFile(path, tt.data, 0o644); err != nil {
				t.Fatal(err)
			}
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			_, _, err := dataset.LoadFile(path, "train_set_x", "train_set_y")
			runtime.ReadMemStats(&after)
			if err == nil || !strings.HasSuffix(err.Error(), tt.want) {
				t.Errorf("LoadFile(%s) error = %v, want one ending %s", tt.name, err, tt.want)
			}
			if n := after.TotalAlloc - before.TotalAlloc; n > 8<<20 {
				t.Errorf("LoadFile(%s) allocated %d bytes, want at most 8 MiB", tt.name, n)
			}
		})
	}
}
