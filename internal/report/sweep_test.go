package report

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// costs returns recorded costs at iterations 0, 100, 200, ...
func costs(v ...float64) []Point {
	p := make([]Point, len(v))
	for i, c := range v {
		p[i] = Point{100 * i, c}
	}
	return p
}

// sampleSweep has a slow run, a good one, one whose cost rose, one stopped
// on an infinite cost and one stuck on a class.
func sampleSweep() *Sweep {
	return &Sweep{
		Title: "Sweep of 5 runs on <cats>", Data: "209 training examples", HasTest: true, Elapsed: 3 * time.Second,
		Runs: []Run{
			{Layers: []int{12288, 7, 1}, LearningRate: 0.001, Iterations: 300, Seed: 1, Costs: costs(0.69, 0.6, 0.5),
				TrainAccuracy: 0.9, TestAccuracy: 0.78, Elapsed: 1500 * time.Millisecond},
			{Layers: []int{12288, 7, 1}, LearningRate: 0.0075, Iterations: 300, Seed: 1, Costs: costs(0.69, 0.1, 0.02),
				TrainAccuracy: 1, TestAccuracy: 0.74, Elapsed: 12 * time.Second},
			{Layers: []int{12288, 7, 1}, LearningRate: 0.05, Iterations: 300, Seed: 1, Costs: costs(0.69, 2.5, 0.4),
				TrainAccuracy: 0.8, TestAccuracy: 0.78, Elapsed: time.Second},
			{Layers: []int{12288, 7, 1}, LearningRate: 0.1, Iterations: 300, Seed: 1, Costs: costs(0.69, 0.9),
				Stopped: true, Error: "the cost became NaN at iteration 150", Elapsed: time.Second},
			{Layers: []int{12288, 20, 7, 5, 1}, LearningRate: 0.1, Iterations: 300, Seed: 1, Costs: costs(0.69, 0.644, 0.644),
				OneClass: true, TrainAccuracy: 0.6555, TestAccuracy: 0.34, Elapsed: time.Second},
		},
	}
}

func TestSweepTable(t *testing.T) {
	var buf bytes.Buffer
	if err := sampleSweep().WriteTable(&buf); err != nil {
		t.Fatal(err)
	}
	want := `run  layers          α       iterations  final cost  train acc.  test acc.  time   diverged
  1  12288,7,1        0.001         300      0.5000      90.00%     78.00%  1.50s  no
  2  12288,7,1       0.0075         300      0.0200     100.00%     74.00%  12.0s  no
  3  12288,7,1         0.05         300      0.4000      80.00%     78.00%  1.00s  yes: cost rose
  4  12288,7,1          0.1         300           —           —          —  1.00s  yes: cost not finite
  5  12288,20,7,5,1     0.1         300      0.6440      65.55%     34.00%  1.00s  stuck: one class for all
`
	if got := buf.String(); got != want {
		t.Errorf("WriteTable =\n%s\nwant\n%s", got, want)
	}
}

// Seeds and iterations get a column or a place in the name only when they
// differ between runs; a dev set adds its accuracy and the ranking.
func TestSweepTableColumns(t *testing.T) {
	s := sampleSweep()
	s.Runs[1].Seed, s.Runs[2].Iterations = 2, 500
	s.HasDev = true
	for i := range s.Runs {
		s.Runs[i].DevAccuracy = []float64{0.7, 0.8, 0.8, 0, 0.5}[i]
	}
	header, rows := s.Table()
	if got, want := strings.Join(header, "|"), "run|layers|α|iterations|seed|final cost|train acc.|dev acc.|test acc.|time|diverged|dev rank"; got != want {
		t.Errorf("Table header = %q, want %q", got, want)
	}
	// Runs 2 and 3 tie on dev accuracy: the lower final cost ranks first.
	var ranks []string
	for _, r := range rows {
		ranks = append(ranks, r[len(r)-1])
	}
	if got, want := strings.Join(ranks, " "), "3 1 2 — 4"; got != want {
		t.Errorf("dev ranks = %q, want %q", got, want)
	}
	if got, want := s.Name(2), "12288,7,1 α=0.05 500 it. seed 1"; got != want {
		t.Errorf("Name(2) = %q, want %q", got, want)
	}
	if best, on := s.Best(); best != 1 || on != "dev" {
		t.Errorf("Best() = %d, %q, want 1, dev", best, on)
	}
}

func TestSweepChoice(t *testing.T) {
	tests := []struct {
		name string
		edit func(s *Sweep)
		want []string
	}{
		{"on the test set, ties to the lower cost", func(s *Sweep) {}, []string{"run 3 (", "78.00%", "optimistic", "-dev"}},
		{"on the dev set", func(s *Sweep) {
			s.HasDev = true
			s.Runs[1].DevAccuracy = 0.9
		}, []string{"Best on the dev set: run 2", "90.00%", "74.00%", "fair estimate"}},
		{"no held-out data", func(s *Sweep) { s.HasTest = false }, []string{"no held-out data"}},
		{"every run stopped", func(s *Sweep) {
			for i := range s.Runs {
				s.Runs[i].Stopped = true
			}
		}, []string{"No run finished"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := sampleSweep()
			tt.edit(s)
			got := s.Choice()
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("Choice() = %q, want it to contain %q", got, w)
				}
			}
		})
	}
}

func TestDiverged(t *testing.T) {
	tests := []struct {
		name string
		r    Run
		want bool
	}{
		{"going down", Run{Costs: costs(0.7, 0.5, 0.3)}, false},
		{"one cost", Run{Costs: costs(0.7)}, false},
		{"rose then fell", Run{Costs: costs(0.7, 0.9, 0.3)}, true},
		{"stopped", Run{Costs: costs(0.7), Stopped: true}, true},
		{"stuck on a class is not divergence", Run{Costs: costs(0.7, 0.64), OneClass: true}, false},
	}
	for _, tt := range tests {
		if got := tt.r.Diverged(); got != tt.want {
			t.Errorf("Run{%s}.Diverged() = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestCurvesPlot(t *testing.T) {
	c := newCurvesPlot(sampleSweep())
	if !c.Log {
		t.Errorf("costs from 0.02 to 2.5: the cost axis is linear, want logarithmic")
	}
	if len(c.Curves) != 5 || c.Curves[0].Colour == c.Curves[1].Colour {
		t.Fatalf("newCurvesPlot: %d curves, colours %q and %q; want 5 curves of different colours", len(c.Curves), c.Curves[0].Colour, c.Curves[1].Colour)
	}
	if c.Curves[3].Stop == nil || c.Curves[0].Stop != nil {
		t.Errorf("stop marks: run 4 %v, run 1 %v; want a mark on run 4 only", c.Curves[3].Stop, c.Curves[0].Stop)
	}
	var labels []string
	for _, tk := range c.YTicks {
		labels = append(labels, tk.Text)
	}
	if got, want := strings.Join(labels, " "), "0.01 0.02 0.05 0.1 0.2 0.5 1 2 5 10"; got != want {
		t.Errorf("log ticks = %q, want %q", got, want)
	}

	s := sampleSweep()
	s.Runs = s.Runs[:1] // costs from 0.5 to 0.69: linear
	if c := newCurvesPlot(s); c.Log {
		t.Errorf("costs from 0.5 to 0.69: the cost axis is logarithmic, want linear")
	}
	for _, r := range s.Runs {
		for _, p := range r.Costs {
			if math.IsNaN(p.Cost) {
				t.Fatal("sample has NaN")
			}
		}
	}
}

func TestWriteSweep(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "sweep")
	if err := WriteSweep(dir, sampleSweep()); err != nil {
		t.Fatalf("WriteSweep: %v", err)
	}
	b, err := os.ReadFile(filepath.Join(dir, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	page := string(b)
	checkSelfContained(t, "WriteSweep", page)
	for _, want := range []string{
		"<title>Sweep of 5 runs on &lt;cats&gt;</title>",
		`<td data-label="final cost">0.0200</td>`,
		`<td data-label="diverged" class="text">yes: cost not finite</td>`,
		`<tr class="best">`, `<tr class="diverged">`,
		"Cost of every run", "cost (log scale)", "Accuracy of every run", "Time of every run",
		"optimistic", "Run 4: the cost became NaN at iteration 150",
		"2: 12288,7,1 α=0.0075", "train accuracy", "test accuracy", "diverged: no accuracy",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("WriteSweep: index.html lacks %q", want)
		}
	}
	if n := strings.Count(page, "<polyline"); n != 5 {
		t.Errorf("WriteSweep: %d cost curves, want 5", n)
	}
}
