package main

import (
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"dnn/internal/imageio"
	"dnn/internal/report"
	"dnn/matrix"
	"dnn/step01_init"
	"dnn/step02_forward"
	"dnn/step06_model"
)

// newReport gathers what the HTML report shows.
func newReport(d *data, f trainFlags, dims []int, res step06_model.Result, trainAcc, testAcc float64, elapsed time.Duration) *report.Report {
	r := &report.Report{
		Title:         fmt.Sprintf("%s on %s", shortModelName(f.model, dims), d.Name),
		Data:          describeData(d, nil),
		Model:         modelName(f.model, dims),
		Layers:        dims,
		LearningRate:  f.lr,
		Iterations:    f.iterations,
		TrainAccuracy: trainAcc,
		TestAccuracy:  testAcc,
		HasTest:       d.TestX != nil,
		Elapsed:       elapsed,
		Classes:       d.Classes,
		Network:       res.Parameters,
		Initial:       initialParameters(f.model, dims, uint32(f.seed)),
		TrainX:        d.TrainX,
		TrainY:        d.TrainY,
		PictureSide:   dataPictureSide(d),
	}
	for _, c := range res.Costs {
		r.Costs = append(r.Costs, report.Point{Iteration: c.Iteration, Cost: c.Value})
	}
	if side := r.PictureSide; side > 0 && d.TestX != nil {
		AL, _ := step02_forward.LModelForward(d.TestX, res.Parameters)
		probs := AL.RawData()
		for j, y := range d.TestY.RawData() {
			predicted := 0
			if probs[j] > 0.5 {
				predicted = 1
			}
			if float64(predicted) != y {
				r.Mislabelled = append(r.Mislabelled, report.Picture{
					Image:       imageio.FromColumn(d.TestX, j, side),
					Predicted:   d.Classes[predicted],
					Actual:      d.Classes[int(y)],
					Probability: probs[j],
				})
			}
		}
	}
	return r
}

// initialParameters returns the parameters model starts from, as
// TwoLayerModel and LLayerModel draw them.
func initialParameters(model string, dims []int, seed uint32) step01_init.Parameters {
	rs := matrix.NewRandomState(seed)
	if model == "two-layer" {
		return step01_init.InitializeParameters(rs, dims[0], dims[1], dims[2])
	}
	return step01_init.InitializeParametersDeepApp(rs, dims)
}

// coursePictureSide is the side of the course's pictures: 64×64×3 = 12288
// inputs.
const coursePictureSide = 64

// dataPictureSide returns the side of d's input pictures, or 0 if its columns
// are not pictures: the course's data set holds square RGB pictures of any
// size, and .npy arrays of 12288 features are taken as the course's 64×64
// pictures, flattened as the course flattens them.
func dataPictureSide(d *data) int {
	n := mustRows(d.TrainX)
	if !d.Pictures {
		if n == 3*coursePictureSide*coursePictureSide {
			return coursePictureSide
		}
		return 0
	}
	for side := 1; 3*side*side <= n; side++ {
		if 3*side*side == n {
			return side
		}
	}
	return 0
}

// describeData says in a line how many examples d holds, and of what, with
// the dev set held out of the training set if dev is not nil.
func describeData(d *data, dev *matrix.Dense) string {
	n, m := d.TrainX.Dims()
	what := "examples"
	if side := dataPictureSide(d); side > 0 {
		what = fmt.Sprintf("pictures of %d×%d pixels", side, side)
	}
	s := fmt.Sprintf("%d training %s (%d inputs each)", m, what, n)
	what, _, _ = strings.Cut(what, " ")
	if dev != nil {
		s += fmt.Sprintf(", %d dev %s held out of the training set", cols(dev), what)
	}
	if d.TestX != nil {
		s += fmt.Sprintf(", %d test %s", cols(d.TestX), what)
	}
	return s + "."
}

// shortModelName names the model in a title, e.g. "4-layer model".
func shortModelName(model string, dims []int) string {
	if model == "two-layer" {
		return "Two-layer model"
	}
	return fmt.Sprintf("%d-layer model", len(dims)-1)
}

// modelName names the model and its layers, e.g. "4-layer model:
// [LINEAR → RELU] × 3 → LINEAR → SIGMOID".
func modelName(model string, dims []int) string {
	if model == "two-layer" {
		return "two-layer model: LINEAR → RELU → LINEAR → SIGMOID"
	}
	return fmt.Sprintf("%d-layer model: [LINEAR → RELU] × %d → LINEAR → SIGMOID", len(dims)-1, len(dims)-2)
}

func writeReport(dir string, r *report.Report) error { return report.Write(dir, r) }

// fileExtensions are endings that make a -report path look like a file:
// the report is a folder holding index.html.
var fileExtensions = []string{".html", ".htm", ".xhtml", ".svg", ".png", ".jpg", ".jpeg", ".pdf", ".txt", ".json", ".csv", ".npz", ".npy", ".h5", ".hdf5"}

// checkReportDir returns an error, naming flag, if dir cannot become a
// report folder: it looks like a file name (out.html), it is a file, the
// nearest folder above it that exists is a file, or dir/index.html is a
// folder. Checked before any training, so that no time is lost and no
// other output is written before the report fails.
func checkReportDir(flag, dir string) error {
	ext := strings.ToLower(filepath.Ext(dir))
	for _, e := range fileExtensions {
		if ext == e {
			return fmt.Errorf("%s %s: give a folder, not a file name: the report is written as FOLDER/index.html (for example %s %s)",
				flag, dir, flag, strings.TrimSuffix(dir, filepath.Ext(dir)))
		}
	}
	if err := checkReportFolder(dir); err != nil {
		return fmt.Errorf("%s %s: %v", flag, dir, err)
	}
	return nil
}
