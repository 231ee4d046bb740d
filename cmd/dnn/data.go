package main

import (
	"errors"
	"fmt"
	"io/fs"
	"math"
	"strconv"
	"strings"

	"dnn/internal/check"
	"dnn/internal/dataset"
	"dnn/internal/npy"
	"dnn/matrix"
)

// data is what a model trains and is tested on.
type data struct {
	TrainX, TrainY *matrix.Dense // (n[0], m), (1, m)
	TestX, TestY   *matrix.Dense // (n[0], m_test), (1, m_test); nil when there is no test set
	Classes        []string      // the names of class 0 and class 1
	Pictures       bool          // the columns are 64×64 RGB pictures
}

// loadCourseData reads the course's two .h5 files from dir.
func loadCourseData(dir string) (*data, error) {
	d, err := dataset.Load(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%v (see \"Getting the course's data\" in README.md), or point -data at the folder that holds them; \"dnn demo\" runs without them", err)
	}
	if err != nil {
		return nil, err
	}
	return &data{TrainX: d.TrainX, TrainY: d.TrainY, TestX: d.TestX, TestY: d.TestY, Classes: d.Classes, Pictures: true}, nil
}

// loadNpyData reads X (features × examples) and Y (1 × examples) from .npy
// files, and a test set if testX is not empty.
func loadNpyData(x, y, testX, testY string) (*data, error) {
	if (testX == "") != (testY == "") {
		return nil, errors.New("-test-x and -test-y go together: give both or neither")
	}
	d := &data{Classes: []string{"class 0", "class 1"}}
	var err error
	if d.TrainX, d.TrainY, err = loadXY(x, y); err != nil {
		return nil, err
	}
	if testX != "" {
		if d.TestX, d.TestY, err = loadXY(testX, testY); err != nil {
			return nil, err
		}
		if r, _ := d.TestX.Dims(); r != mustRows(d.TrainX) {
			return nil, fmt.Errorf("%s has %d features per example but %s has %d", testX, r, x, mustRows(d.TrainX))
		}
	}
	return d, nil
}

func mustRows(m *matrix.Dense) int { r, _ := m.Dims(); return r }

func cols(m *matrix.Dense) int { _, c := m.Dims(); return c }

// loadXY reads a pair of .npy files: X (n, m) and Y (1, m) of 0/1 labels (a
// 1-d Y of m labels is taken as (1, m), as the course reshapes it).
func loadXY(xPath, yPath string) (X, Y *matrix.Dense, err error) {
	if X, err = loadMatrix(xPath, "X"); err != nil {
		return nil, nil, err
	}
	a, err := npy.ReadFile(yPath)
	if err != nil {
		return nil, nil, err
	}
	if len(a.Shape) == 1 {
		a.Shape = []int{1, a.Shape[0]}
	}
	if Y, err = a.Matrix(); err != nil {
		return nil, nil, fmt.Errorf("%s: Y %v", yPath, err)
	}
	_, m := X.Dims()
	if r, c := Y.Dims(); r != 1 || c != m {
		return nil, nil, fmt.Errorf("%s: Y has shape %s, want (1,%d): one 0/1 label for each of the %d examples (columns) of %s", yPath, Y.Shape(), m, m, xPath)
	}
	for j, v := range Y.RawData() {
		if v != 0 && v != 1 {
			return nil, nil, fmt.Errorf("%s: label %d is %v; labels must be 0 or 1", yPath, j, v)
		}
	}
	return X, Y, nil
}

// loadMatrix reads a 2-d .npy file of finite numbers.
func loadMatrix(path, what string) (*matrix.Dense, error) {
	a, err := npy.ReadFile(path)
	if err != nil {
		return nil, err
	}
	m, err := a.Matrix()
	if err != nil {
		return nil, fmt.Errorf("%s: %s %v (want features × examples, one example per column)", path, what, err)
	}
	if err := checkFinite(m); err != nil {
		return nil, fmt.Errorf("%s: %s %v", path, what, err)
	}
	return m, nil
}

// checkFinite returns an error naming the first element of m that is NaN
// or infinite.
func checkFinite(m *matrix.Dense) error {
	_, c := m.Dims()
	for k, v := range m.RawData() {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return fmt.Errorf("holds %v at row %d, column %d; the values must be finite numbers", v, k/c, k%c)
		}
	}
	return nil
}

// parseLayers reads layer sizes such as "12288,20,7,5,1"; what names the
// argument in messages (e.g. "-layers").
func parseLayers(what, s string) ([]int, error) {
	var dims []int
	for _, f := range strings.Split(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil {
			return nil, fmt.Errorf("%s %q: each layer size must be a whole number above 0, like 12288,20,7,5,1", what, s)
		}
		dims = append(dims, n)
	}
	if err := check.LayerSizes(dims); err != nil {
		return nil, fmt.Errorf("%s %q: %v", what, s, err)
	}
	return dims, nil
}
