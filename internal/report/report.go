package report

import (
	"fmt"
	"html/template"
	"image"
	"io"
	"os"
	"path/filepath"
	"time"

	"dnn/internal/atomicfile"
	"dnn/matrix"
	"dnn/step01_init"
)

// Point is one recorded cost: the cost after Iteration steps of gradient
// descent (the course records one every 100 iterations and at the last).
type Point struct {
	Iteration int
	Cost      float64
}

// Picture is an example the model got wrong.
type Picture struct {
	Image       image.Image // as the data set holds it, e.g. 64×64
	Predicted   string      // the predicted class, e.g. "cat"
	Actual      string      // the true class, e.g. "non-cat"
	Probability float64     // the model's output ŷ, the probability of class 1
}

// Boundary asks for a picture of a classifier's decision on 2-D inputs.
type Boundary struct {
	X *matrix.Dense // (2, m): the points, one per column
	Y *matrix.Dense // (1, m): their labels, 0 or 1
	// Predict maps (2, k) inputs to (1, k) probabilities of class 1. It is
	// called on a grid over the points' range, a few thousand at a time.
	Predict func(X *matrix.Dense) *matrix.Dense
}

// Report is everything the page shows. Zero fields are left out: no test
// accuracy unless HasTest, no elapsed time if it is 0, no boundary if nil.
type Report struct {
	Title        string // the page's heading, naming the model and the data; "Training report" if empty
	Data         string // one line on the data, e.g. "209 training and 50 test pictures of 64×64 pixels"
	Model        string // e.g. "L-layer model"
	Layers       []int  // layer sizes n[0], n[1], ..., n[L]
	LearningRate float64
	Iterations   int
	Costs        []Point

	TrainAccuracy float64 // fraction in [0, 1]
	TestAccuracy  float64 // fraction in [0, 1], shown if HasTest
	HasTest       bool
	Elapsed       time.Duration

	Mislabelled []Picture // shown enlarged to about 128 pixels
	Boundary    *Boundary // for 2-D data; nil for pictures
	Classes     []string  // the names of class 0 and class 1

	// Network is the trained network. If set (and Layers is its layer
	// sizes), the page draws the block structure of forward and backward
	// propagation for it, and what each layer learned: on 2-D inputs with a
	// Boundary, each unit's activation over the plane; on pictures, the
	// rows of W[1] and the training pictures of TrainX that excite each
	// hidden unit most.
	Network step01_init.Parameters
	// Initial is the network before training, if known: on pictures, the
	// page then also draws the change training made to W[1].
	Initial step01_init.Parameters
	// TrainX (n[0], m) and TrainY (1, m) are the training set; m is also
	// the width of Z and A in the block structure.
	TrainX, TrainY *matrix.Dense
	// PictureSide is the side of the input pictures when each column of
	// TrainX is a PictureSide×PictureSide RGB picture (n[0] = 3·side²),
	// flattened as the course does; 0 when the inputs are not pictures.
	PictureSide int
}

// Write writes r as dir/index.html, creating dir if needed. The file is
// written atomically: on any error an older index.html is left as it was
// and no partial file remains.
//
// Write panics if r is nil, or r.Boundary has mismatched shapes or a nil
// Predict, or Predict returns the wrong shape, or r.Network does not fit
// r.TrainX: those are programming errors. It returns an error if the
// folder or the file cannot be written.
func Write(dir string, r *Report) error {
	if r == nil {
		panic("report: Write: nil *Report")
	}
	p, err := newPage(r)
	if err != nil {
		return err
	}
	return writePage(dir, pageTemplate, p)
}

// WriteSweep writes s as dir/index.html, as Write does: the table of runs,
// their cost curves overlaid, their accuracies and times. It panics if s is
// nil or has no runs.
func WriteSweep(dir string, s *Sweep) error {
	if s == nil || len(s.Runs) == 0 {
		panic("report: WriteSweep: no runs")
	}
	return writePage(dir, sweepTemplate, newSweepPage(s))
}

func writePage(dir string, t *template.Template, data any) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("cannot create the report folder: %w", err)
	}
	return atomicfile.WriteFile(filepath.Join(dir, "index.html"), func(w io.Writer) error {
		return t.Execute(w, data)
	})
}
