package hdf5

import (
	"path/filepath"
	"slices"
	"testing"

	"dnn/internal/testutil"
)

// TestCourseData reads the course's two files. The pixel values, sums and
// label counts were read with h5py and numpy.
func TestCourseData(t *testing.T) {
	dir := testutil.CourseData(t)
	tests := []struct {
		file, x, y string
		m          int
		pixels     map[[4]int]float64 // (image, row, column, channel) -> value
		pixelSum   float64            // x.astype(np.int64).sum()
		cats       int64              // y.sum()
		firstY     []int64            // y[:10]
	}{
		{"train_catvnoncat.h5", "train_set_x", "train_set_y", 209,
			map[[4]int]float64{{0, 0, 0, 0}: 17, {0, 0, 0, 2}: 56, {2, 10, 20, 1}: 151, {100, 32, 17, 0}: 105, {208, 63, 63, 2}: 0},
			264542077, 72, []int64{0, 0, 1, 0, 0, 0, 0, 1, 0, 0}},
		{"test_catvnoncat.h5", "test_set_x", "test_set_y", 50,
			map[[4]int]float64{{0, 0, 0, 0}: 158, {7, 5, 40, 1}: 65, {49, 63, 63, 2}: 5},
			65969547, 33, []int64{1, 1, 1, 1, 1, 0, 1, 1, 1, 1}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			f, err := Open(filepath.Join(dir, tt.file))
			if err != nil {
				t.Fatal(err)
			}
			if got, want := f.Names(), []string{"list_classes", tt.x, tt.y}; !slices.Equal(got, want) {
				t.Errorf("Names() = %q, want %q", got, want)
			}

			x, err := f.Dataset(tt.x)
			if err != nil {
				t.Fatal(err)
			}
			if want := []int{tt.m, 64, 64, 3}; !slices.Equal(x.Shape, want) || x.DType() != "uint8" {
				t.Errorf("Dataset(%q) is %s %v, want uint8 %v", tt.x, x.DType(), x.Shape, want)
			}
			v, err := x.Float64s()
			if err != nil {
				t.Fatal(err)
			}
			for p, want := range tt.pixels {
				if got := v[((p[0]*64+p[1])*64+p[2])*3+p[3]]; got != want {
					t.Errorf("%s%v = %v, want %v", tt.x, p, got, want)
				}
			}
			sum := 0.0
			for _, p := range v {
				sum += p
			}
			if sum != tt.pixelSum {
				t.Errorf("sum of %s = %v, want %v", tt.x, sum, tt.pixelSum)
			}

			y, err := f.Dataset(tt.y)
			if err != nil {
				t.Fatal(err)
			}
			if want := []int{tt.m}; !slices.Equal(y.Shape, want) || y.DType() != "int64" {
				t.Errorf("Dataset(%q) is %s %v, want int64 %v", tt.y, y.DType(), y.Shape, want)
			}
			labels, err := y.Int64s()
			if err != nil {
				t.Fatal(err)
			}
			cats := int64(0)
			for _, l := range labels {
				cats += l
			}
			if cats != tt.cats || !slices.Equal(labels[:10], tt.firstY) {
				t.Errorf("%s: %d cats, first labels %v; want %d, %v", tt.y, cats, labels[:10], tt.cats, tt.firstY)
			}

			c, err := f.Dataset("list_classes")
			if err != nil {
				t.Fatal(err)
			}
			if got, err := c.Strings(); err != nil || !slices.Equal(got, []string{"non-cat", "cat"}) || c.DType() != "S7" {
				t.Errorf("list_classes = %s %q, %v, want S7 [non-cat cat]", c.DType(), got, err)
			}
		})
	}
}
