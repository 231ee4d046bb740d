package report

import (
	"bytes"
	"encoding/base64"
	"html"
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"dnn/matrix"
)

// square returns a w×w picture of one colour.
func square(w int, c color.RGBA) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, w))
	for i := 0; i < len(img.Pix); i += 4 {
		img.Pix[i], img.Pix[i+1], img.Pix[i+2], img.Pix[i+3] = c.R, c.G, c.B, c.A
	}
	return img
}

// quadrants is a classifier of 2-D points: class 1 where x0*x1 > 0.
func quadrants(X *matrix.Dense) *matrix.Dense {
	_, k := X.Dims()
	p := matrix.Zeros(1, k)
	for i := 0; i < k; i++ {
		if X.At(0, i)*X.At(1, i) > 0 {
			p.Set(0, i, 1)
		}
	}
	return p
}

// sample is a report with every section filled in.
func sample() *Report {
	X := matrix.FromRows([][]float64{
		{1, -1, -1, 1, 2},
		{1, 1, -1, -1, 2},
	})
	return &Report{
		Title:        `Cat <test> & "quotes"`,
		Model:        "L-layer model",
		Layers:       []int{12288, 20, 7, 5, 1},
		LearningRate: 0.0075,
		Iterations:   2500,
		Costs: []Point{
			{0, 0.771749}, {100, 0.672053}, {200, 0.648263}, {2400, 0.092878},
		},
		TrainAccuracy: 0.985645933014,
		TestAccuracy:  0.8,
		HasTest:       true,
		Elapsed:       31500 * time.Millisecond,
		Mislabelled: []Picture{
			{square(64, color.RGBA{200, 30, 30, 255}), "cat", "non-cat", 0.83},
			{square(64, color.RGBA{30, 30, 200, 255}), "non-cat", "cat", 0.2},
		},
		Boundary: &Boundary{X: X, Y: matrix.New(1, 5, []float64{1, 0, 1, 0, 1}), Predict: quadrants},
	}
}

func writeSample(t *testing.T, r *Report) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "new", "folder")
	if err := Write(dir, r); err != nil {
		t.Fatalf("Write(%q) error %v", dir, err)
	}
	b, err := os.ReadFile(filepath.Join(dir, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// reference matches an attribute that names something to load.
var reference = regexp.MustCompile(`(?i)\b(src|href|srcset|data|poster|action)\s*=\s*"([^"]*)"`)

// checkSelfContained fails unless page is one self-contained file: every
// picture a data: URI, and nothing that loads or runs anything else.
func checkSelfContained(t *testing.T, call, page string) {
	t.Helper()
	for _, bad := range []string{"http:", "https:", "file:", "<script", "<link", "<iframe", "<object", "<embed", "@import", "url("} {
		if strings.Contains(strings.ToLower(page), bad) {
			t.Errorf("%s: index.html contains %q; the page must load nothing", call, bad)
		}
	}
	for _, m := range reference.FindAllStringSubmatch(page, -1) {
		if !strings.HasPrefix(m[2], "data:image/png;base64,") {
			t.Errorf("%s: index.html has %s=%.40q; want only data: pictures", call, m[1], m[2])
		}
	}
}

var dataURI = regexp.MustCompile(`(src|href)="data:image/png;base64,([^"]*)"`)

// pngs decodes every data: URI picture in page.
func pngs(t *testing.T, page string) []image.Image {
	t.Helper()
	var imgs []image.Image
	for _, m := range dataURI.FindAllStringSubmatch(page, -1) {
		raw, err := base64.StdEncoding.DecodeString(html.UnescapeString(m[2]))
		if err != nil {
			t.Fatalf("data: URI is not base64: %v", err)
		}
		img, err := png.Decode(bytes.NewReader(raw))
		if err != nil {
			t.Fatalf("data: URI is not a PNG: %v", err)
		}
		imgs = append(imgs, img)
	}
	return imgs
}

func TestWrite(t *testing.T) {
	page := writeSample(t, sample())
	for _, want := range []string{
		"<!DOCTYPE html>",
		"<title>Cat &lt;test&gt; &amp; &#34;quotes&#34;</title>",
		"<td>L-layer model</td>",
		"<td>12288 → 20 → 7 → 5 → 1</td>",
		"<td>0.0075</td>",
		"<td>2500</td>",
		"<td>0.092878 (iteration 2400)</td>",
		"<th>train accuracy</th><td>98.56%</td>",
		"<th>test accuracy</th><td>80.00%</td>",
		"<td>31.5s</td>",
		"Cost, learning rate = 0.0075",
		">iteration</text>",
		">cost</text>",
		"<polyline",
		"Decision boundary",
		"predicted: cat (0.83), true: non-cat",
		"predicted: non-cat (0.20), true: cat",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("Write: index.html lacks %q", want)
		}
	}
	checkSelfContained(t, "Write", page)
	// The cost curve, the boundary, and the four marks of its legend.
	if n := strings.Count(page, "<svg"); n != 6 || strings.Count(page, "</svg>") != 6 {
		t.Errorf("Write: index.html has %d <svg> elements, want 6 (cost curve, boundary, its legend's 4 marks)", n)
	}
	for _, want := range []string{"predicted class 0 (ŷ ≤ 0.5)", "predicted class 1 (ŷ &gt; 0.5)", "labelled class 0", "labelled class 1"} {
		if !strings.Contains(page, want) {
			t.Errorf("Write: the boundary's legend lacks %q", want)
		}
	}
	// Four costs, so four marks; five points: three of class 1, two of class 0.
	for _, tt := range []struct {
		mark string
		want int
	}{{`<circle class="dot"`, 4}, {`<circle class="c1"`, 3}, {`<circle class="c0"`, 2}} {
		if n := strings.Count(page, tt.mark); n != tt.want {
			t.Errorf("Write: index.html has %d %s, want %d", n, tt.mark, tt.want)
		}
	}

	imgs := pngs(t, page)
	if len(imgs) != 3 {
		t.Fatalf("Write: index.html has %d data: PNG pictures, want 3 (boundary and two mislabelled)", len(imgs))
	}
	// The boundary comes first: class 1 (blue) where x0*x1 > 0, so the
	// top-right and bottom-left quadrants, with x1 growing upwards.
	bd := imgs[0].Bounds()
	for _, tt := range []struct {
		name string
		x, y int
		want color.RGBA
	}{
		{"top right", bd.Dx() - 1, 0, region[1]},
		{"top left", 0, 0, region[0]},
		{"bottom left", 0, bd.Dy() - 1, region[1]},
		{"bottom right", bd.Dx() - 1, bd.Dy() - 1, region[0]},
	} {
		if got := color.RGBAModel.Convert(imgs[0].At(tt.x, tt.y)); got != tt.want {
			t.Errorf("boundary picture %s pixel (%d,%d) = %v, want %v", tt.name, tt.x, tt.y, got, tt.want)
		}
	}
	// Mislabelled pictures are shown at 128 pixels.
	for i, img := range imgs[1:] {
		if got := img.Bounds().Size(); got != image.Pt(128, 128) {
			t.Errorf("mislabelled picture %d is %v pixels, want 128×128", i, got)
		}
		want := color.RGBAModel.Convert(sample().Mislabelled[i].Image.At(0, 0))
		if got := color.RGBAModel.Convert(img.At(127, 127)); got != want {
			t.Errorf("mislabelled picture %d pixel (127,127) = %v, want %v", i, got, want)
		}
	}
}

// Sections without data are left out.
func TestWriteMinimal(t *testing.T) {
	page := writeSample(t, &Report{LearningRate: 0.1, Iterations: 10, TrainAccuracy: 0.5})
	for _, want := range []string{"<title>Training report</title>", "<td>50.00%</td>"} {
		if !strings.Contains(page, want) {
			t.Errorf("Write(minimal): index.html lacks %q", want)
		}
	}
	for _, absent := range []string{"<svg", "test accuracy", "Mislabelled", "data:", "training time", "final cost"} {
		if strings.Contains(page, absent) {
			t.Errorf("Write(minimal): index.html contains %q", absent)
		}
	}
}

func TestWriteCostsNotFinite(t *testing.T) {
	tests := []struct {
		name  string
		costs []Point
		want  []string
	}{
		{"one NaN left out", []Point{{0, 0.7}, {100, math.NaN()}, {200, 0.5}},
			[]string{"1 cost(s) that are not finite numbers", "<polyline"}},
		{"all infinite", []Point{{0, math.Inf(1)}},
			[]string{"no finite cost to plot", "1 cost(s) that are not finite numbers"}},
		{"single cost", []Point{{0, 0.69}}, []string{"<polyline", ">0.6<", ">0<", ">1<"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := writeSample(t, &Report{LearningRate: 0.01, Costs: tt.costs})
			for _, want := range tt.want {
				if !strings.Contains(page, want) {
					t.Errorf("Write(costs %v): index.html lacks %q", tt.costs, want)
				}
			}
		})
	}
}

// Predict sees the grid a few thousand points at a time, every cell once.
func TestBoundaryChunks(t *testing.T) {
	r := sample()
	calls, total, largest := 0, 0, 0
	r.Boundary.Predict = func(X *matrix.Dense) *matrix.Dense {
		_, k := X.Dims()
		calls, total, largest = calls+1, total+k, max(largest, k)
		return quadrants(X)
	}
	writeSample(t, r)
	if total != gridCells*gridCells || largest > chunk || calls < gridCells*gridCells/chunk {
		t.Errorf("Predict called %d times on %d points in all, at most %d at once; want %d points, at most %d at once",
			calls, total, largest, gridCells*gridCells, chunk)
	}
}

func TestWriteFailures(t *testing.T) {
	t.Run("folder under a file", func(t *testing.T) {
		tmp := t.TempDir()
		file := filepath.Join(tmp, "file")
		if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := Write(filepath.Join(file, "sub"), sample()); err == nil {
			t.Error("Write(file/sub) error = nil, want an error")
		}
	})
	t.Run("index.html is a folder", func(t *testing.T) {
		dir := t.TempDir()
		if err := os.Mkdir(filepath.Join(dir, "index.html"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := Write(dir, sample()); err == nil {
			t.Error("Write(dir with index.html folder) error = nil, want an error")
		}
		entries, _ := os.ReadDir(dir)
		if len(entries) != 1 {
			var names []string
			for _, e := range entries {
				names = append(names, e.Name())
			}
			t.Errorf("after a failed Write the folder holds %v, want only index.html", names)
		}
	})
	t.Run("bad picture keeps the old page", func(t *testing.T) {
		dir := t.TempDir()
		old := []byte("old page")
		if err := os.WriteFile(filepath.Join(dir, "index.html"), old, 0o644); err != nil {
			t.Fatal(err)
		}
		r := sample()
		r.Mislabelled[1].Image = image.NewRGBA(image.Rect(0, 0, 0, 0))
		err := Write(dir, r)
		if err == nil || !strings.Contains(err.Error(), "mislabelled picture 1") {
			t.Errorf("Write(empty picture) error = %v, want one naming mislabelled picture 1", err)
		}
		got, _ := os.ReadFile(filepath.Join(dir, "index.html"))
		entries, _ := os.ReadDir(dir)
		if !bytes.Equal(got, old) || len(entries) != 1 {
			t.Errorf("after a failed Write index.html = %q and the folder holds %d files, want %q alone", got, len(entries), old)
		}
	})
}

func TestWritePanics(t *testing.T) {
	tests := []struct {
		name string
		edit func(r *Report)
	}{
		{"X not 2 rows", func(r *Report) { r.Boundary.X = matrix.Zeros(3, 5) }},
		{"Y columns differ", func(r *Report) { r.Boundary.Y = matrix.Zeros(1, 4) }},
		{"no Predict", func(r *Report) { r.Boundary.Predict = nil }},
		{"Predict wrong shape", func(r *Report) {
			r.Boundary.Predict = func(X *matrix.Dense) *matrix.Dense { return matrix.Zeros(1, 1) }
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := sample()
			tt.edit(r)
			defer func() {
				if recover() == nil {
					t.Errorf("Write with %s did not panic", tt.name)
				}
			}()
			Write(t.TempDir(), r)
		})
	}
}
