package main

import (
	"bufio"
	"bytes"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"dnn/internal/npy"
	"dnn/matrix"
	"dnn/step06_model"
)

func TestParseGrid(t *testing.T) {
	g, err := parseGrid(" 0.001, 0.0075 ", "n0,7,1; 12288,20,7,5,1", "100,2500", "1,2,4294967295")
	if err != nil {
		t.Fatalf("parseGrid: %v", err)
	}
	if !slices.Equal(g.lrs, []float64{0.001, 0.0075}) || len(g.layers) != 2 ||
		!slices.Equal(g.layers[0], []int{0, 7, 1}) || !slices.Equal(g.layers[1], []int{12288, 20, 7, 5, 1}) ||
		!slices.Equal(g.iterations, []int{100, 2500}) || !slices.Equal(g.seeds, []uint32{1, 2, 4294967295}) {
		t.Errorf("parseGrid = %+v", g)
	}

	tests := []struct {
		name                string
		lr, layers, it, sed string
		want                []string // phrases of the error
	}{
		{"empty -lr", "", "n0,7,1", "1", "1", []string{"-lr is empty", "at least one value"}},
		{"empty -layers", "0.1", " ", "1", "1", []string{"-layers is empty"}},
		{"empty -seed", "0.1", "n0,7,1", "1", "", []string{"-seed is empty"}},
		{"lr not a number", "0.1,fast", "n0,7,1", "1", "1", []string{`-lr "0.1,fast"`, `"fast" is not a learning rate`}},
		{"lr zero", "0", "n0,7,1", "1", "1", []string{"positive number"}},
		{"lr too large", "1e7", "n0,7,1", "1", "1", []string{"no larger than 1e6"}},
		{"empty network", "0.1", "n0,7,1;;n0,3,1", "1", "1", []string{`network ""`, "separated by semicolons"}},
		{"network of letters", "0.1", "n0,x,1", "1", "1", []string{`network "n0,x,1"`}},
		{"one size", "0.1", "12288", "1", "1", []string{`network "12288"`}},
		{"n0 not first", "0.1", "12288,n0,1", "1", "1", []string{`network "12288,n0,1"`}},
		{"commas for networks", "0.1", "12288,7,1,12288,20,1", "1", "1", nil}, // one long network: valid
		{"iterations zero", "0.1", "n0,7,1", "0", "1", []string{`"0" is not an iteration count`}},
		{"seed negative", "0.1", "n0,7,1", "1", "-1", []string{`"-1" is not a seed`}},
		{"seed too large", "0.1", "n0,7,1", "1", "4294967296", []string{"4294967295"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parseGrid(tt.lr, tt.layers, tt.it, tt.sed)
			if tt.want == nil {
				if err != nil {
					t.Errorf("parseGrid(%q, %q, %q, %q) error %v, want none", tt.lr, tt.layers, tt.it, tt.sed, err)
				}
				return
			}
			if err == nil {
				t.Fatalf("parseGrid(%q, %q, %q, %q) error nil, want one", tt.lr, tt.layers, tt.it, tt.sed)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("parseGrid(%q, %q, %q, %q) error %q, want it to contain %q", tt.lr, tt.layers, tt.it, tt.sed, err, w)
				}
			}
		})
	}
}

// Each run of a sweep, side by side with others, gives exactly what the
// L-layer model gives alone with the same settings: the same costs at
// every recorded iteration and the same accuracy.
func TestSweepRunsAreExact(t *testing.T) {
	X, Y := learnableXY(fixN, fixM)
	d := &data{TrainX: X, TrainY: Y, TestX: X, TestY: Y, Name: "x"}
	g, err := parseGrid("0.05,0.5", "n0,4,1;n0,5,3,1", "150,301", "1,3")
	if err != nil {
		t.Fatal(err)
	}
	s, err := newSweep(d, g, 4)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Runs) != 16 {
		t.Fatalf("newSweep: %d runs, want 2×2×2×2 = 16", len(s.Runs))
	}
	runSideBySide(len(s.Runs), 4, func(i int) { sweepOne(&s.Runs[i], d, nil, nil) })
	for i, r := range s.Runs {
		opts := step06_model.Options{LearningRate: r.LearningRate, Iterations: r.Iterations, Seed: r.Seed}
		res, err := step06_model.LLayerModel(X, Y, r.Layers, opts)
		if err != nil {
			if !r.Stopped || r.Error != err.Error() {
				t.Errorf("run %d (%s): LLayerModel error %q, sweep stopped %v with %q", i+1, s.Name(i), err, r.Stopped, r.Error)
			}
			continue
		}
		if len(res.Costs) != len(r.Costs) {
			t.Fatalf("run %d (%s): %d costs, LLayerModel %d", i+1, s.Name(i), len(r.Costs), len(res.Costs))
		}
		for k, c := range res.Costs {
			// The sweep trains through internal/fast, held to the plain
			// training within 1e-9 relative.
			if got := r.Costs[k]; got.Iteration != c.Iteration || math.Abs(got.Cost-c.Value) > 1e-9*math.Abs(c.Value) {
				t.Errorf("run %d (%s): cost %d = %+v, LLayerModel %+v", i+1, s.Name(i), k, r.Costs[k], c)
				break
			}
		}
		want := step06_model.Accuracy(step06_model.Predict(X, res.Parameters), Y)
		if r.TrainAccuracy != want || r.TestAccuracy != want {
			t.Errorf("run %d (%s): accuracies %v and %v, LLayerModel %v", i+1, s.Name(i), r.TrainAccuracy, r.TestAccuracy, want)
		}
	}
}

// The dev set is a fixed fraction of the training examples, the same every
// time; the two sets share no example and together hold them all, each in
// its original order.
func TestHoldOut(t *testing.T) {
	const m = 10
	X, Y := matrix.Zeros(2, m), matrix.Zeros(1, m)
	for j := 0; j < m; j++ {
		X.Set(0, j, float64(j))
		X.Set(1, j, float64(-j))
		Y.Set(0, j, float64(j%2))
	}
	d := &data{TrainX: X, TrainY: Y}
	train, devX, devY, err := holdOut(d, 0.3)
	if err != nil {
		t.Fatal(err)
	}
	if cols(devX) != 3 || cols(train.TrainX) != 7 || cols(devY) != 3 || cols(train.TrainY) != 7 {
		t.Fatalf("holdOut(10 examples, 0.3): %d dev and %d training examples, want 3 and 7", cols(devX), cols(train.TrainX))
	}
	var seen []float64
	for _, A := range []*matrix.Dense{train.TrainX, devX} {
		for j := 0; j < cols(A); j++ {
			x := A.At(0, j)
			if A.At(1, j) != -x || (A == devX && devY.At(0, j) != float64(int(x)%2)) {
				t.Errorf("holdOut: column %d mixes examples: %v, %v", j, x, A.At(1, j))
			}
			if j > 0 && A.At(0, j-1) > x {
				t.Errorf("holdOut: examples out of order: %v before %v", A.At(0, j-1), x)
			}
			seen = append(seen, x)
		}
	}
	slices.Sort(seen)
	if !slices.Equal(seen, []float64{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}) {
		t.Errorf("holdOut: the examples of both sets are %v, want each of 0..9 once", seen)
	}
	_, devX2, _, _ := holdOut(d, 0.3)
	if !matrix.Equal(devX, devX2) {
		t.Errorf("holdOut picked %v, then %v: want the same dev set every time", devX.RawData(), devX2.RawData())
	}
	for _, f := range []float64{0.01, 0.99} {
		if _, _, _, err := holdOut(d, f); err == nil || !strings.Contains(err.Error(), "no split") {
			t.Errorf("holdOut(10 examples, %v) error %v, want one saying it is no split", f, err)
		}
	}
}

// sweepNpy returns the arguments of dnn sweep on x.npy and y.npy with a
// small grid, then more (which may override them).
func sweepNpy(more ...string) []string {
	args := []string{"sweep", "-x", "x.npy", "-y", "y.npy", "-layers", "n0,3,1", "-lr", "0.1", "-iterations", "5", "-report", "newrep"}
	return append(args, more...)
}

// Bad input to sweep: one line, exit status 1, the folder as it was.
func TestSweepBadInput(t *testing.T) {
	X, Y := learnableXY(fixN, fixM)
	files := map[string][]byte{
		"x.npy": npyBytes(t, npy.FromMatrix(X)),
		"y.npy": npyBytes(t, npy.FromMatrix(Y)),
	}
	tests := []struct {
		name string
		args []string
		want []string
	}{
		{"empty grid", sweepNpy("-lr", ""), []string{"-lr is empty"}},
		{"malformed -layers", sweepNpy("-layers", "n0,3,1;n0,,1"), []string{`network "n0,,1"`}},
		{"layers for other data", sweepNpy("-layers", "12288,7,1"), []string{"-layers 12288,7,1", "20 features"}},
		{"-dev 0", sweepNpy("-dev", "0"), []string{"-dev 0", "between 0 and 1"}},
		{"-dev 1", sweepNpy("-dev", "1"), []string{"-dev 1", "between 0 and 1"}},
		{"-dev negative", sweepNpy("-dev", "-0.2"), []string{"-dev -0.2"}},
		{"-dev too small a split", sweepNpy("-dev", "0.001"), []string{"no split"}},
		{"-j 0", sweepNpy("-j", "0"), []string{"-j 0"}},
		{"-report a file name", sweepNpy("-report", "out.html"), []string{"-report out.html", "give a folder", "-report out"}},
		{"-report an existing file", sweepNpy("-report", "x.npy"), []string{"-report x.npy"}},
		{"-demo with -x", sweepNpy("-demo"), []string{"-demo", "leave out"}},
		{"-x without -y", []string{"sweep", "-x", "x.npy"}, []string{"-x and -y go together"}},
		{"no data", []string{"sweep", "-data", "nowhere"}, []string{"nowhere"}},
		{"argument", sweepNpy("extra"), []string{`unexpected argument "extra"`}},
		{"too much memory", sweepNpy("-layers", "n0,100000000,1"), []string{"GB of memory"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			for name, b := range files {
				if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			before := folderSnapshot(t, dir)
			stdout, stderr, status := runDNN(t, dir, tt.args...)
			wantOneLineError(t, tt.args, stderr, status, tt.want...)
			if strings.Contains(stdout, "Wrote") {
				t.Errorf("dnn %s printed %q", quoteArgs(tt.args), stdout)
			}
			if c := folderChanges(before, folderSnapshot(t, dir)); len(c) > 0 {
				t.Errorf("dnn %s: the folder changed: %s", quoteArgs(tt.args), strings.Join(c, ", "))
			}
		})
	}
}

// A sweep on arrays with a dev set, and one on the flower data with a run
// that diverges: both finish, print a line per run and the table, and
// write the report.
func TestSweepWorks(t *testing.T) {
	dir := t.TempDir()
	X, Y := learnableXY(fixN, fixM)
	for name, b := range map[string][]byte{"x.npy": npyBytes(t, npy.FromMatrix(X)), "y.npy": npyBytes(t, npy.FromMatrix(Y))} {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name string
		args []string
		runs int
		want []string // on stdout
	}{
		{"arrays with a dev set", sweepNpy("-lr", "0.05,0.5", "-layers", "n0,3,1;n0,4,2,1", "-seed", "1,2", "-dev", "0.3", "-iterations", "200", "-report", "arrays"),
			8, []string{"21 training examples (20 inputs each), 9 dev examples held out", "dev rank", "Best on the dev set"}},
		{"flowers, one diverging", []string{"sweep", "-demo", "-lr", "0.01,1000", "-layers", "n0,5,1", "-iterations", "300", "-report", "flowers"},
			2, []string{"400 training examples (2 inputs each), 400 test examples", "diverged: the cost became", "yes: cost not finite", "optimistic"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, status := runDNN(t, dir, tt.args...)
			if status != 0 || stderr != "" {
				t.Fatalf("dnn %s: exit status %d, stderr %q; want 0 and nothing", quoteArgs(tt.args), status, stderr)
			}
			for _, w := range tt.want {
				if !strings.Contains(stdout, w) {
					t.Errorf("dnn %s printed\n%s\nwant it to contain %q", quoteArgs(tt.args), stdout, w)
				}
			}
			for i := 1; i <= tt.runs; i++ {
				if !strings.Contains(stdout, fmt.Sprintf("/%d] run %d, ", tt.runs, i)) {
					t.Errorf("dnn %s: no line for run %d", quoteArgs(tt.args), i)
				}
			}
			folder := tt.args[len(tt.args)-1]
			b, err := os.ReadFile(filepath.Join(dir, folder, "index.html"))
			if err != nil || !bytes.Contains(b, []byte("Cost of every run")) {
				t.Errorf("dnn %s: %s/index.html: %v; want the sweep's report", quoteArgs(tt.args), folder, err)
			}
		})
	}
}

// An interrupted sweep writes no report, not even part of one.
func TestSweepInterrupted(t *testing.T) {
	dir := t.TempDir()
	cmd := exec.Command(dnnBinary(t), "sweep", "-demo", "-lr", "0.01,0.02,0.03", "-layers", "n0,3,1", "-iterations", "100000000", "-report", "rep")
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// The header comes once the sweep listens for Ctrl-C and has started.
	line, _ := bufio.NewReader(out).ReadString('\n')
	if !strings.HasPrefix(line, "Sweep of 3 runs") {
		t.Errorf("dnn sweep printed %q first, want the sweep's header", line)
	}
	if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case <-done:
	case <-time.After(time.Minute):
		cmd.Process.Kill()
		t.Fatal("dnn sweep did not stop within a minute of Ctrl-C")
	}
	if got := cmd.ProcessState.ExitCode(); got != 130 {
		t.Errorf("interrupted dnn sweep: exit status %d, want 130", got)
	}
	if msg := stderr.String(); !strings.Contains(msg, "interrupted after 0 of 3 runs; no report written") || strings.Count(msg, "\n") != 1 {
		t.Errorf("interrupted dnn sweep: stderr %q, want one line saying no report was written", msg)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("interrupted dnn sweep left %d files in its folder, want none", len(entries))
	}
}
