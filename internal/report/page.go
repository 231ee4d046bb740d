package report

import (
	"fmt"
	"html/template"
	"strconv"
	"strings"
	"time"

	"dnn/internal/imageio"
)

// page is what the template shows, every value ready to print.
type page struct {
	Title    string
	Summary  []row
	Cost     *costPlot
	Pictures []picture
	Boundary *boundaryPlot
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
	p := &page{Title: r.Title}
	if p.Title == "" {
		p.Title = "Training report"
	}
	add := func(name, value string) { p.Summary = append(p.Summary, row{name, value}) }
	if r.Model != "" {
		add("model", r.Model)
	}
	if len(r.Layers) > 0 {
		s := make([]string, len(r.Layers))
		for i, n := range r.Layers {
			s[i] = strconv.Itoa(n)
		}
		add("layer sizes", strings.Join(s, " → "))
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
	if r.Boundary != nil {
		b, err := newBoundaryPlot(r.Boundary)
		if err != nil {
			return nil, err
		}
		p.Boundary = b
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
