package report

import (
	"image/color"
	"regexp"
	"strings"
	"testing"

	"dnn/matrix"
	"dnn/step01_init"
)

// params returns a network with the given weights and biases per layer.
func params(Ws, bs []*matrix.Dense) step01_init.Parameters {
	return step01_init.Parameters{W: append([]*matrix.Dense{nil}, Ws...), B: append([]*matrix.Dense{nil}, bs...)}
}

// pictureNetwork takes 2×2 RGB pictures (12 inputs): unit 1 of layer 1 is
// the red of the top-left pixel, unit 2 the blue of the bottom-right pixel,
// unit 3 is dead (a bias of -100); layer 2's two units copy units 1 and 2.
func pictureNetwork() step01_init.Parameters {
	W1 := matrix.Zeros(3, 12)
	W1.Set(0, 0, 1)  // pixel (0,0), red
	W1.Set(1, 11, 1) // pixel (1,1), blue
	b1 := matrix.New(3, 1, []float64{0, 0, -100})
	W2 := matrix.FromRows([][]float64{{1, 0, 0}, {0, 1, 0}})
	return params([]*matrix.Dense{W1, W2, matrix.FromRows([][]float64{{1, -1}})},
		[]*matrix.Dense{b1, matrix.Zeros(2, 1), matrix.Zeros(1, 1)})
}

// captions returns the activations written under layer title's pictures,
// unit by unit.
func captions(t *testing.T, page, title string) [][]string {
	t.Helper()
	i := strings.Index(page, title)
	if i < 0 {
		t.Fatalf("no section %q", title)
	}
	section := page[i:]
	if j := strings.Index(section[len(title):], "<h3>"); j >= 0 {
		section = section[:len(title)+j]
	}
	var units [][]string
	for _, u := range strings.Split(section, `<div class="top">`)[1:] {
		var vals []string
		for _, m := range regexp.MustCompile(`<figcaption>([-0-9.]+)<br>`).FindAllStringSubmatch(u, -1) {
			vals = append(vals, m[1])
		}
		units = append(units, vals)
	}
	return units
}

func TestWritePictureLayers(t *testing.T) {
	// Six 2×2 pictures: example j has red j/10 at the top left and blue
	// (5-j)/10 at the bottom right.
	X := matrix.Zeros(12, 6)
	for j := 0; j < 6; j++ {
		X.Set(0, j, float64(j)/10)
		X.Set(11, j, float64(5-j)/10)
	}
	Y := matrix.New(1, 6, []float64{0, 1, 0, 1, 0, 1})
	p := pictureNetwork()
	p0 := p.Clone()
	p0.W[1] = matrix.Zeros(3, 12)
	page := writeSample(t, &Report{
		Title: "pictures", LearningRate: 0.1, Iterations: 1, Layers: []int{12, 3, 2, 1},
		Network: p, Initial: p0, TrainX: X, TrainY: Y, PictureSide: 2, Classes: []string{"non-cat", "cat"},
	})
	checkSelfContained(t, "Write(pictures)", page)
	for _, want := range []string{
		"What each layer learned", "Layer 1: the weights W[1], one picture per unit", "W[1] minus its random start",
		"Layer 1: 3 ReLU units: the training pictures that excite each unit most",
		"Layer 2: 2 ReLU units: the training pictures that excite each unit most",
		"0 on every training picture: a dead unit", "weight on red", "weight on all three",
		"W[1] (3, 12)", "Z[1] (3, 6)", "cache 3",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("Write(pictures): index.html lacks %q", want)
		}
	}
	if n := strings.Count(page, `alt="W[1] row of unit`); n != 3 {
		t.Errorf("Write(pictures): %d W[1] pictures, want 3 (one per unit)", n)
	}
	if n := strings.Count(page, `alt="change of W[1] row of unit`); n != 3 {
		t.Errorf("Write(pictures): %d pictures of W[1]'s change, want 3", n)
	}
	// Unit 1 sees the red, largest for the last pictures; unit 2 the blue,
	// largest for the first; unit 3 is dead; layer 2 copies layer 1.
	want1 := [][]string{{"0.50", "0.40", "0.30", "0.20", "0.10"}, {"0.50", "0.40", "0.30", "0.20", "0.10"}, nil}
	got1 := captions(t, page, "Layer 1: 3 ReLU units: the training pictures")
	want2 := want1[:2]
	got2 := captions(t, page, "Layer 2: 2 ReLU units: the training pictures")
	for _, c := range []struct {
		name      string
		got, want [][]string
	}{{"layer 1", got1, want1}, {"layer 2", got2, want2}} {
		if len(c.got) != len(c.want) {
			t.Fatalf("%s: %d units, want %d", c.name, len(c.got), len(c.want))
		}
		for i := range c.want {
			if strings.Join(c.got[i], " ") != strings.Join(c.want[i], " ") {
				t.Errorf("%s unit %d: top activations %v, want %v", c.name, i+1, c.got[i], c.want[i])
			}
		}
	}
	// Unit 1's top picture is example 5 (a cat), unit 2's example 0.
	if !strings.Contains(page, "<figcaption>0.50<br>cat</figcaption>") || !strings.Contains(page, "<figcaption>0.50<br>non-cat</figcaption>") {
		t.Errorf("Write(pictures): the top pictures are not named by their class")
	}
}

func TestWritePlaneLayers(t *testing.T) {
	// Unit 1 of layer 1 is relu(x₁), unit 2 relu(-x₁), unit 3 relu(x₂).
	W1 := matrix.FromRows([][]float64{{1, 0}, {-1, 0}, {0, 1}})
	W2 := matrix.FromRows([][]float64{{1, 1, 0}, {0, 0, 1}})
	p := params([]*matrix.Dense{W1, W2, matrix.FromRows([][]float64{{1, -1}})},
		[]*matrix.Dense{matrix.Zeros(3, 1), matrix.Zeros(2, 1), matrix.Zeros(1, 1)})
	r := sample()
	r.Mislabelled = nil
	r.Network, r.Layers = p, []int{2, 3, 2, 1}
	r.TrainX, r.TrainY = r.Boundary.X, r.Boundary.Y
	page := writeSample(t, r)
	checkSelfContained(t, "Write(plane)", page)
	for _, want := range []string{"Layer 1: 3 ReLU units", "Layer 2: 2 ReLU units", "Layer 3: 1 sigmoid unit", "a half-plane", "the decision region", "W[2] (2, 3)", "Z[3] (1, 5)"} {
		if !strings.Contains(page, want) {
			t.Errorf("Write(plane): index.html lacks %q", want)
		}
	}
	if n := strings.Count(page, `alt="unit `); n != 6 {
		t.Errorf("Write(plane): %d heat maps, want 6 (3 + 2 + 1 units)", n)
	}
	// The pictures: the boundary, then the heat maps in order. Unit 1,
	// relu(x₁), is white on the left and darkest on the right; unit 2 the
	// other way round; unit 3, relu(x₂), darkest at the top.
	imgs := pngs(t, page)
	if len(imgs) != 7 {
		t.Fatalf("Write(plane): %d pictures, want 7", len(imgs))
	}
	white, darkest := reluRamp[0], reluRamp[len(reluRamp)-1]
	last := heatCells - 1
	for _, tt := range []struct {
		unit, x, y int
		want       color.RGBA
	}{
		{1, 0, 10, white}, {1, last, 10, darkest},
		{2, 0, 10, darkest}, {2, last, 10, white},
		{3, 10, 0, darkest}, {3, 10, last, white},
	} {
		if got := color.RGBAModel.Convert(imgs[tt.unit].At(tt.x, tt.y)); got != tt.want {
			t.Errorf("heat map of unit %d pixel (x %d, y %d) = %v, want %v", tt.unit, tt.x, tt.y, got, tt.want)
		}
	}
	if !strings.Contains(page, "unit 1: 0 to 3<") {
		t.Errorf("Write(plane): the heat map of relu(x₁) does not say its range, 0 to 3 (the points reach x₁ = 2, the plane 3: the last cells are at 2.96)")
	}
}
