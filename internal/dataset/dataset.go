package dataset

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"dnn/internal/hdf5"
	"dnn/internal/infile"
	"dnn/internal/memlimit"
	"dnn/matrix"
)

// The course's file names.
const (
	TrainFile = "train_catvnoncat.h5"
	TestFile  = "test_catvnoncat.h5"
)

// CatData is the course's data set, ready for the model.
type CatData struct {
	TrainX  *matrix.Dense // (n[0], m_train): one image per column, values in [0, 1]
	TrainY  *matrix.Dense // (1, m_train): 1 for a cat, 0 otherwise
	TestX   *matrix.Dense // (n[0], m_test)
	TestY   *matrix.Dense // (1, m_test)
	Classes []string      // the label names, ["non-cat", "cat"]
}

// Load reads the course's data set from folder dir: train_set_x,
// train_set_y and list_classes from train_catvnoncat.h5, test_set_x and
// test_set_y from test_catvnoncat.h5. The training and test images must be
// of the same size.
//
// When a file is missing, the error names the path it looked for and
// matches fs.ErrNotExist. Anything but a regular file (or a symbolic link to
// one) is refused before it is read. The files, and the matrices made from
// them, must fit the memory limit (see dnn/internal/memlimit): it is
// checked from the datasets' shapes before their values are read.
func Load(dir string) (*CatData, error) {
	train, test := filepath.Join(dir, TrainFile), filepath.Join(dir, TestFile)
	budget := memlimit.NewBudget()
	for _, p := range []string{train, test} {
		st, err := os.Stat(p)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				msg := fmt.Sprintf("dataset: no file %s: the course's files %s and %s belong in %s",
					p, TrainFile, TestFile, filepath.Clean(dir))
				return nil, &notFound{msg, err}
			}
			return nil, fmt.Errorf("dataset: %w", err)
		}
		if err := infile.Check(p, st); err != nil {
			return nil, fmt.Errorf("dataset: %w", err)
		}
	}
	var d CatData
	f, err := open(train, budget)
	if err != nil {
		return nil, err
	}
	trainSize, err := d.readTrain(f, train, budget)
	if err != nil {
		return nil, err
	}
	if f, err = open(test, budget); err != nil {
		return nil, err
	}
	var testSize [2]int
	if d.TestX, d.TestY, testSize, err = read(f, test, "test_set_x", "test_set_y", budget); err != nil {
		return nil, err
	}
	if testSize != trainSize {
		return nil, fmt.Errorf("dataset: the test images (%s) are %d×%d pixels, the training images (%s) %d×%d: they must be the same size",
			test, testSize[0], testSize[1], train, trainSize[0], trainSize[1])
	}
	return &d, nil
}

// notFound is the error for a missing file: its message says what belongs
// where, and it unwraps to the error of os.Stat.
type notFound struct {
	msg string
	err error
}

func (e *notFound) Error() string { return e.msg }
func (e *notFound) Unwrap() error { return e.err }

// open charges the size of the HDF5 file at path to budget and opens it.
func open(path string, budget *memlimit.Budget) (*hdf5.File, error) {
	if st, err := os.Stat(path); err == nil {
		if err := budget.Charge(float64(st.Size()), fmt.Sprintf("dataset: %s has %s", path, memlimit.Size(float64(st.Size())))); err != nil {
			return nil, err
		}
	}
	return hdf5.Open(path)
}

// readTrain reads the training images, labels and class names: the two
// names of class 0 and class 1.
func (d *CatData) readTrain(f *hdf5.File, path string, budget *memlimit.Budget) (size [2]int, err error) {
	if d.TrainX, d.TrainY, size, err = read(f, path, "train_set_x", "train_set_y", budget); err != nil {
		return size, err
	}
	info, err := f.Info("list_classes")
	if err != nil {
		return size, err
	}
	if info.Kind != hdf5.String || info.Len() != 2 {
		return size, fmt.Errorf("dataset: %s: \"list_classes\" is %s of shape %s, want the 2 names of class 0 and class 1",
			path, info.DType(), shape(info.Shape))
	}
	c, err := f.Dataset("list_classes")
	if err != nil {
		return size, err
	}
	d.Classes, err = c.Strings()
	return size, err
}

// LoadFile reads images and labels from the HDF5 file at path: xName must
// be uint8 images (m, h, w, 3) and yName m labels of 0 or 1, of shape (m,)
// or (1, m). It returns X, (h*w*3, m), and Y, (1, m), as Load does, and
// checks the memory limit as Load does.
func LoadFile(path, xName, yName string) (x, y *matrix.Dense, err error) {
	budget := memlimit.NewBudget()
	f, err := open(path, budget)
	if err != nil {
		return nil, nil, err
	}
	x, y, _, err = read(f, path, xName, yName, budget)
	return x, y, err
}

// read does LoadFile's work on an open file; it also returns the images'
// height and width. The shapes are checked, and the memory charged to
// budget, before any value is read.
func read(f *hdf5.File, path, xName, yName string, budget *memlimit.Budget) (x, y *matrix.Dense, size [2]int, err error) {
	xs, err := f.Info(xName)
	if err != nil {
		return nil, nil, size, err
	}
	ys, err := f.Info(yName)
	if err != nil {
		return nil, nil, size, err
	}
	if xs.DType() != "uint8" || len(xs.Shape) != 4 || xs.Shape[3] != 3 {
		return nil, nil, size, fmt.Errorf("dataset: %s: %q is %s of shape %s, want uint8 RGB images of shape (m, height, width, 3)",
			path, xName, xs.DType(), shape(xs.Shape))
	}
	m := xs.Shape[0]
	size = [2]int{xs.Shape[1], xs.Shape[2]}
	if xs.Len() == 0 {
		return nil, nil, size, fmt.Errorf("dataset: %s: %q holds no images", path, xName)
	}
	if (ys.Kind != hdf5.Int && ys.Kind != hdf5.Uint) || !(len(ys.Shape) == 1 || len(ys.Shape) == 2 && ys.Shape[0] == 1) {
		return nil, nil, size, fmt.Errorf("dataset: %s: %q is %s of shape %s, want integer labels of shape (m,)",
			path, yName, ys.DType(), shape(ys.Shape))
	}
	if ys.Len() != m {
		return nil, nil, size, fmt.Errorf("dataset: %s: %q holds %d images but %q %d labels", path, xName, m, yName, ys.Len())
	}
	// The pixels as read (1 byte each) and as float64; the labels as read,
	// as int64 and as float64.
	need := 9*float64(xs.Len()) + float64(m)*float64(ys.Size+16)
	what := fmt.Sprintf("dataset: %s: %q declares %d images of %d×%d×3 (%s as float64)",
		path, xName, m, size[0], size[1], memlimit.Size(8*float64(xs.Len())))
	if err := budget.Charge(need, what); err != nil {
		return nil, nil, size, err
	}

	xd, err := f.Dataset(xName)
	if err != nil {
		return nil, nil, size, err
	}
	pixels, err := xd.Uint8s()
	if err != nil {
		return nil, nil, size, err
	}
	yd, err := f.Dataset(yName)
	if err != nil {
		return nil, nil, size, err
	}
	labels, err := yd.Int64s()
	if err != nil {
		return nil, nil, size, err
	}
	for j, l := range labels {
		if l != 0 && l != 1 {
			return nil, nil, size, fmt.Errorf("dataset: %s: %q holds %d at index %d; a label must be 0 (non-cat) or 1 (cat)", path, yName, l, j)
		}
	}

	// Image j is pixels[j*n : (j+1)*n]; it becomes column j, element (p, j)
	// at p*m+j. Divide as numpy does (x / 255.), rather than multiply by
	// 1/255, so that every value matches the notebook's to the bit.
	n := len(pixels) / m
	X := make([]float64, len(pixels))
	for j := 0; j < m; j++ {
		for p, v := range pixels[j*n : (j+1)*n] {
			X[p*m+j] = float64(v) / 255
		}
	}
	Y := make([]float64, m)
	for j, l := range labels {
		Y[j] = float64(l)
	}
	return matrix.New(n, m, X), matrix.New(1, m, Y), size, nil
}

// shape writes a shape as numpy does: (209, 64, 64, 3), (209,), ().
func shape(s []int) string {
	out := "("
	for i, v := range s {
		if i > 0 {
			out += ", "
		}
		out += fmt.Sprint(v)
	}
	if len(s) == 1 {
		out += ","
	}
	return out + ")"
}
