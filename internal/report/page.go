package report

import (
	"fmt"
	"html/template"
	"strconv"
	"time"

	"dnn/internal/imageio"
)

// page is what the training report's template shows, every value ready to
// print.
type page struct {
	Title    string
	Data     string
	Summary  []row
	Cost     *costPlot
	Pictures []picture
	Boundary *boundaryPlot
	Blocks   *blockDiagram
	Learned  *pictureLayers // what each layer learned, on pictures
	Plane    *planeLayers   // what each layer learned, on 2-D inputs
}

type row struct{ Name, Value string }

type picture struct {
	URI     template.URL // PNG data: URI
	W, H    int          // pixels
	Caption string
}

// pictureSide is the size, in pixels, that mislabelled pictures are shown at.
const pictureSide = 128

func newPage(r *Report) (*page, error) {
	p := &page{Title: r.Title, Data: r.Data}
	if p.Title == "" {
		p.Title = "Training report"
	}
	add := func(name, value string) { p.Summary = append(p.Summary, row{name, value}) }
	if r.Model != "" {
		add("model", r.Model)
	}
	if len(r.Layers) > 0 {
		add("layer sizes", joinInts(r.Layers, " → "))
	}
	add("learning rate", strconv.FormatFloat(r.LearningRate, 'g', -1, 64))
	add("iterations", strconv.Itoa(r.Iterations))
	if n := len(r.Costs); n > 0 {
		last := r.Costs[n-1]
		add("final cost", fmt.Sprintf("%.6f (iteration %d)", last.Cost, last.Iteration))
	}
	add("train accuracy", percent(r.TrainAccuracy))
	if r.HasTest {
		add("test accuracy", percent(r.TestAccuracy))
	}
	if r.Elapsed > 0 {
		add("training time", elapsed(r.Elapsed))
	}

	if len(r.Costs) > 0 {
		p.Cost = newCostPlot(r.Costs, r.LearningRate)
	}
	for i, pic := range r.Mislabelled {
		pp, err := newPicture(pic)
		if err != nil {
			return nil, fmt.Errorf("mislabelled picture %d: %w", i, err)
		}
		p.Pictures = append(p.Pictures, pp)
	}
	classes := [2]string{"class 0", "class 1"}
	copy(classes[:], r.Classes)
	var pl plane
	if r.Boundary != nil {
		var err error
		if pl, err = newPlane(r.Boundary); err != nil {
			return nil, err
		}
		if p.Boundary, err = newBoundaryPlot(r.Boundary, pl, classes); err != nil {
			return nil, err
		}
	}
	if r.Network.L() < 1 {
		return p, nil
	}
	dims := r.Network.Dims()
	m := 0
	if r.TrainX != nil {
		var n0 int
		if n0, m = r.TrainX.Dims(); n0 != dims[0] {
			panic(fmt.Sprintf("report: Write: TrainX has shape %s, but the network takes %d inputs", r.TrainX.Shape(), dims[0]))
		}
	}
	p.Blocks = newBlockDiagram(dims, m)
	var err error
	switch {
	case r.Boundary != nil && dims[0] == 2:
		p.Plane, err = newPlaneLayers(r.Network, pl)
	case r.PictureSide > 0 && r.TrainX != nil && r.TrainY != nil && dims[0] == 3*r.PictureSide*r.PictureSide:
		p.Learned, err = newPictureLayers(r.Network, r.Initial, r.TrainX, r.TrainY, classes[:], r.PictureSide)
	}
	if err != nil {
		return nil, fmt.Errorf("what each layer learned: %w", err)
	}
	return p, nil
}

// elapsed writes d to the millisecond, or to the microsecond below 1 ms.
func elapsed(d time.Duration) string {
	if d < time.Millisecond {
		return d.Round(time.Microsecond).String()
	}
	return d.Round(time.Millisecond).String()
}

// percent writes an accuracy in [0, 1] as a percentage, e.g. "98.56%".
func percent(a float64) string { return fmt.Sprintf("%.2f%%", 100*a) }

// newPicture embeds pic enlarged to about pictureSide pixels (each pixel
// repeated, to keep it sharp) or, if larger, shrunk to pictureSide square.
func newPicture(pic Picture) (picture, error) {
	b := pic.Image.Bounds()
	if b.Empty() {
		return picture{}, fmt.Errorf("the image has no pixels (bounds %v)", b)
	}
	img := pic.Image
	if side := max(b.Dx(), b.Dy()); side > pictureSide {
		img = imageio.FromColumn(imageio.Column(img, pictureSide), 0, pictureSide)
	} else if f := pictureSide / side; f > 1 {
		img = imageio.Upscale(img, f)
	}
	uri, err := imageio.PNGDataURI(img)
	if err != nil {
		return picture{}, err
	}
	return picture{
		URI: template.URL(uri), // made here, so safe to embed
		W:   img.Bounds().Dx(), H: img.Bounds().Dy(),
		Caption: fmt.Sprintf("predicted: %s (%.2f), true: %s", pic.Predicted, pic.Probability, pic.Actual),
	}, nil
}

// sweepPage is what the sweep's template shows.
type sweepPage struct {
	Title, Data string
	Header      []string
	Rows        []sweepRow
	Choice      string
	OnTest      bool // the choice was made on the test set
	Notes       []string
	Curves      *curvesPlot
	Accuracy    *barsPlot
	Time        *barsPlot
	Elapsed     string
}

type sweepRow struct {
	Cells    []cell
	Best     bool
	Diverged bool
}

// cell is a table cell with its column's name, which narrow screens show
// beside the value.
type cell struct{ Name, Value string }

func newSweepPage(s *Sweep) *sweepPage {
	p := &sweepPage{Title: s.Title, Data: s.Data, Choice: s.Choice()}
	if p.Title == "" {
		p.Title = "Sweep"
	}
	header, rows := s.Table()
	p.Header = header
	best, on := s.Best()
	p.OnTest = on == "test"
	for i, r := range rows {
		sr := sweepRow{Best: i == best, Diverged: s.Runs[i].Diverged() || s.Runs[i].OneClass}
		for j, c := range r {
			sr.Cells = append(sr.Cells, cell{header[j], c})
		}
		p.Rows = append(p.Rows, sr)
		if s.Runs[i].Error != "" {
			p.Notes = append(p.Notes, fmt.Sprintf("Run %d: %s", i+1, s.Runs[i].Error))
		}
	}
	p.Curves, p.Accuracy, p.Time = newCurvesPlot(s), newAccuracyPlot(s), newTimePlot(s)
	if s.Elapsed > 0 {
		p.Elapsed = seconds(s.Elapsed)
	}
	return p
}
