package main

import (
	"dnn/internal/check"
	"dnn/internal/fast"
	"flag"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"dnn/internal/planar"
	"dnn/internal/report"
	"dnn/matrix"
	"dnn/step06_model"
)

const sweepSynopsis = `[-data DIR | -x X.npy -y Y.npy [-test-x X.npy -test-y Y.npy] | -demo] [flags]

Trains the L-layer model once for every combination of the learning rates,
layer sizes, iteration counts and seeds given, runs side by side on the
machine's cores, and prints a line as each run finishes, then the table of
all runs: final cost, accuracies, time, and whether the run diverged. Each
run gives exactly what "dnn train" gives with the same flags. Writes a report
with the cost curves overlaid and the accuracies side by side.

With no flags: a small grid on the course's data that shows a learning rate
too small, the course's, and one too large, on the course's two networks. With -demo: the same grid on the flower data set (no
files needed), tested on a second draw of flowers from the same formula.`

// trainRun trains one run of a sweep: opts.Iterations steps of gradient
// descent from p on X (n[0], m) and Y (1, m), with step06_model.Train's
// results, through the fast engine.
var trainRun = fast.Train

// The default grid: a learning rate too small, the course's, and one too
// large, on the course's two networks ("n0" stands for the number of
// inputs). On the course's data, 0.001 leaves the cost high after 2500
// iterations, and 0.1 makes the two-layer network's cost infinite and the
// four-layer one's rise and stall.
const (
	defaultSweepLR     = "0.001,0.0075,0.1"
	defaultSweepLayers = "n0,7,1;n0,20,7,5,1"
)

// flowerTestSeed is the seed of the flowers the -demo sweep tests on: the
// same formula as the training set (seed 1), other points.
const flowerTestSeed = 2

// devSplitSeed seeds the shuffle that picks the dev set.
const devSplitSeed = 1

func init() {
	register("sweep", "train a grid of learning rates and layer sizes side by side and compare them", runSweep)
}

// sweepGrid is the grid of settings, every list already checked.
type sweepGrid struct {
	lrs        []float64
	layers     [][]int // each with n[0] = 0 when the data decides it
	iterations []int
	seeds      []uint32
}

// sweepFlags are sweep's flags.
type sweepFlags struct {
	lrs, layers, iterations, seeds string  // the grid's lists
	dev                            float64 // fraction held out as a dev set; 0 for none
	jobs                           int
	dir, x, y, testX, testY        string
	demo                           bool
	report                         string
	set                            map[string]bool // the flags given
}

func runSweep(args []string, stdout io.Writer) error {
	fs := newFlags("sweep", sweepSynopsis, stdout)
	var f sweepFlags
	fs.StringVar(&f.lrs, "lr", defaultSweepLR, "learning rates α, separated by commas")
	fs.StringVar(&f.layers, "layers", defaultSweepLayers, "networks, separated by semicolons, each its layer sizes n[0],...,n[L] separated by commas; n0 stands for the number of inputs")
	fs.StringVar(&f.iterations, "iterations", "2500", "iteration counts, separated by commas")
	fs.StringVar(&f.seeds, "seed", "1", "seeds of numpy's random generator for the initial weights, separated by commas")
	fs.Float64Var(&f.dev, "dev", 0, "hold out this fraction of the training set as a dev set, and choose the best run on it (between 0 and 1, e.g. 0.2)")
	fs.IntVar(&f.jobs, "j", runtime.NumCPU(), "runs side by side")
	fs.StringVar(&f.dir, "data", filepath.Join("testdata", "datasets"), "folder holding the course's train_catvnoncat.h5 and test_catvnoncat.h5")
	fs.StringVar(&f.x, "x", "", "training inputs X as a .npy file, features × examples (instead of -data)")
	fs.StringVar(&f.y, "y", "", "training labels Y as a .npy file, 1 × examples of 0/1")
	fs.StringVar(&f.testX, "test-x", "", "test inputs as a .npy file (optional, with -x)")
	fs.StringVar(&f.testY, "test-y", "", "test labels as a .npy file (optional, with -y)")
	fs.BoolVar(&f.demo, "demo", false, "sweep on the flower data set of \"dnn demo\" (no files needed)")
	fs.StringVar(&f.report, "report", filepath.Join("report", "sweep"), "folder for the HTML report (empty for none)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q (run \"dnn sweep -h\" for the flags)", fs.Arg(0))
	}
	f.set = map[string]bool{}
	fs.Visit(func(fl *flag.Flag) { f.set[fl.Name] = true })

	grid, err := parseGrid(f.lrs, f.layers, f.iterations, f.seeds)
	if err != nil {
		return err
	}
	if err := f.check(); err != nil {
		return err
	}
	d, err := f.load()
	if err != nil {
		return err
	}
	s, err := newSweep(d, grid, f.jobs)
	if err != nil {
		return err
	}
	var devX, devY *matrix.Dense
	if f.dev > 0 {
		if d, devX, devY, err = holdOut(d, f.dev); err != nil {
			return err
		}
		s.HasDev = true
	}
	s.Title = fmt.Sprintf("Sweep of %d runs on %s", len(s.Runs), d.Name)
	s.Data = describeData(d, devX)
	if f.demo {
		s.Data += fmt.Sprintf(" The test set is a second draw of flowers from the same formula (seed %d).", flowerTestSeed)
	}
	return runGrid(s, d, devX, devY, f.jobs, f.report, stdout)
}

// check refuses flags that do not go together, before any data is read.
func (f *sweepFlags) check() error {
	if f.set["dev"] && !(f.dev > 0 && f.dev < 1) {
		return fmt.Errorf("-dev %v: the dev set is a fraction of the training set, between 0 and 1 (both excluded), e.g. 0.2", f.dev)
	}
	if f.jobs < 1 {
		return fmt.Errorf("-j %d: run at least 1 run at a time", f.jobs)
	}
	if f.report != "" {
		if err := checkReportDir("-report", f.report); err != nil {
			return err
		}
	}
	if (f.x == "") != (f.y == "") {
		return fmt.Errorf("-x and -y go together: give both or neither")
	}
	if f.demo && (f.x != "" || f.set["data"]) {
		return fmt.Errorf("-demo sweeps on the flower data set: leave out -data and -x/-y")
	}
	if f.x == "" && (f.testX != "" || f.testY != "") {
		return fmt.Errorf("-test-x and -test-y go with -x and -y")
	}
	return nil
}

// load returns the data the flags name: the flowers, .npy arrays or the
// course's data set.
func (f *sweepFlags) load() (*data, error) {
	switch {
	case f.demo:
		X, Y := planar.Flower(1)
		tX, tY := planar.Flower(flowerTestSeed)
		return &data{TrainX: X, TrainY: Y, TestX: tX, TestY: tY, Classes: []string{"red", "blue"}, Name: "the planar flower data"}, nil
	case f.x != "":
		return loadNpyData(f.x, f.y, f.testX, f.testY)
	}
	return loadCourseData(f.dir)
}

// runGrid trains s's runs on d, jobs at a time, printing a line as each
// finishes, then the table and the choice, and writes the report into dir
// (none if dir is empty). Ctrl-C stops it with no report written.
func runGrid(s *report.Sweep, d *data, devX, devY *matrix.Dense, jobs int, dir string, stdout io.Writer) error {
	var writing sync.Mutex // held while a line or the report is written
	var done int           // runs finished, under writing
	var written bool       // the report is written, under writing
	stop := onInterrupt(func() {
		writing.Lock() // a report being written is finished first
		if !written {
			fmt.Fprintf(os.Stderr, "dnn sweep: interrupted after %d of %d runs; no report written\n", done, len(s.Runs))
		}
		os.Exit(130)
	})
	defer stop()

	fmt.Fprintf(stdout, "%s, %d side by side. %s\n", s.Title, min(jobs, len(s.Runs)), s.Data)
	start := time.Now()
	runSideBySide(len(s.Runs), jobs, func(i int) {
		r := &s.Runs[i]
		sweepOne(r, d, devX, devY)
		writing.Lock()
		defer writing.Unlock()
		done++
		fmt.Fprintf(stdout, "[%d/%d] run %d, %s: %s\n", done, len(s.Runs), i+1, s.Name(i), runSummary(r, s.HasDev, s.HasTest))
	})
	s.Elapsed = time.Since(start)

	fmt.Fprintln(stdout)
	if err := s.WriteTable(stdout); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "\n%s\n", s.Choice())
	fmt.Fprintf(stdout, "The sweep took %.1fs.\n", s.Elapsed.Seconds())
	if dir == "" {
		return nil
	}
	writing.Lock()
	defer writing.Unlock()
	if err := report.WriteSweep(dir, s); err != nil {
		return err
	}
	written = true
	fmt.Fprintf(stdout, "Wrote the report to %s\n", filepath.Join(dir, "index.html"))
	return nil
}

// parseGrid reads the grid's four lists.
func parseGrid(lrs, layers, iterations, seeds string) (sweepGrid, error) {
	var g sweepGrid
	for _, f := range listItems(lrs, ",") {
		lr, err := strconv.ParseFloat(f, 64)
		if err != nil || !(lr > 0) || lr > 1e6 {
			return g, fmt.Errorf("-lr %q: %q is not a learning rate: each must be a positive number no larger than 1e6, like 0.001,0.0075,0.05", lrs, f)
		}
		g.lrs = append(g.lrs, lr)
	}
	for _, item := range listItems(layers, ";") {
		// n0 may stand for the first size: read as 1, then marked 0.
		f := item
		first, rest, _ := strings.Cut(item, ",")
		n0 := strings.TrimSpace(first) == "n0"
		if n0 {
			f = "1," + rest
		}
		dims, err := parseLayers("-layers", f)
		if err != nil {
			return g, fmt.Errorf("-layers %q: network %q is not a list of layer sizes: give each network's sizes separated by commas and the networks separated by semicolons, like \"n0,7,1;n0,20,7,5,1\" (n0: the number of inputs)", layers, item)
		}
		if n0 {
			dims[0] = 0
		}
		g.layers = append(g.layers, dims)
	}
	for _, f := range listItems(iterations, ",") {
		n, err := strconv.Atoi(f)
		if err != nil || n < 1 {
			return g, fmt.Errorf("-iterations %q: %q is not an iteration count: each must be a whole number of at least 1", iterations, f)
		}
		g.iterations = append(g.iterations, n)
	}
	for _, f := range listItems(seeds, ",") {
		n, err := strconv.ParseUint(f, 10, 32)
		if err != nil {
			return g, fmt.Errorf("-seed %q: %q is not a seed: numpy's seeds go from 0 to 4294967295", seeds, f)
		}
		g.seeds = append(g.seeds, uint32(n))
	}
	for _, l := range []struct {
		flag string
		n    int
	}{{"-lr", len(g.lrs)}, {"-layers", len(g.layers)}, {"-iterations", len(g.iterations)}, {"-seed", len(g.seeds)}} {
		if l.n == 0 {
			return g, fmt.Errorf("%s is empty: the grid needs at least one value of each of -lr, -layers, -iterations and -seed", l.flag)
		}
	}
	return g, nil
}

// listItems splits s at sep, each item trimmed; an empty s has no items,
// but an empty item between separators is kept (and refused by the caller).
func listItems(s, sep string) []string {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	items := strings.Split(s, sep)
	for i := range items {
		items[i] = strings.TrimSpace(items[i])
	}
	return items
}

// newSweep lays out the runs of grid on d, in the order layers, α,
// iterations, seed, and checks each before any time is spent.
func newSweep(d *data, g sweepGrid, jobs int) (*report.Sweep, error) {
	s := &report.Sweep{HasTest: d.TestX != nil}
	nx, m := d.TrainX.Dims()
	var largest float64
	for _, dims := range g.layers {
		dims = append([]int(nil), dims...)
		if dims[0] == 0 {
			dims[0] = nx
		}
		largest = math.Max(largest, trainingBytes(dims, m, 0))
		for _, lr := range g.lrs {
			for _, it := range g.iterations {
				if err := check.Training(d.TrainX, d.TrainY, dims, lr, it); err != nil {
					return nil, fmt.Errorf("-layers %s: %v", joinInts(dims), err)
				}
				for _, seed := range g.seeds {
					s.Runs = append(s.Runs, report.Run{Layers: dims, LearningRate: lr, Iterations: it, Seed: seed})
				}
			}
		}
	}
	if need := largest * float64(min(jobs, len(s.Runs))); need > maxTrainingBytes {
		return nil, fmt.Errorf("the largest network, %d runs side by side, would need about %.3g GB of memory; the limit is %.0f GB: use smaller layers or a smaller -j",
			min(jobs, len(s.Runs)), need/1e9, maxTrainingBytes/1e9)
	}
	return s, nil
}

func joinInts(v []int) string {
	return strings.Trim(strings.Join(strings.Fields(fmt.Sprint(v)), ","), "[]")
}

// holdOut moves a fraction of d's training examples, picked by a seeded
// shuffle, into a dev set, and returns the smaller training set with it.
func holdOut(d *data, fraction float64) (*data, *matrix.Dense, *matrix.Dense, error) {
	_, m := d.TrainX.Dims()
	k := int(math.Round(fraction * float64(m)))
	if k < 1 || k > m-1 {
		return nil, nil, nil, fmt.Errorf("-dev %v: %d of the %d training examples is no split: the dev set and the training set each need at least one", fraction, k, m)
	}
	perm := rand.New(rand.NewPCG(devSplitSeed, 0)).Perm(m)
	train := *d
	devX, devY := columns(d.TrainX, perm[:k]), columns(d.TrainY, perm[:k])
	train.TrainX, train.TrainY = columns(d.TrainX, perm[k:]), columns(d.TrainY, perm[k:])
	return &train, devX, devY, nil
}

// columns returns the columns idx of A, in ascending order so that the
// examples keep their order.
func columns(A *matrix.Dense, idx []int) *matrix.Dense {
	keep := make([]bool, cols(A))
	for _, j := range idx {
		keep[j] = true
	}
	r, c := A.Dims()
	out := matrix.Zeros(r, len(idx))
	k := 0
	for j := 0; j < c; j++ {
		if !keep[j] {
			continue
		}
		for i := 0; i < r; i++ {
			out.Set(i, k, A.At(i, j))
		}
		k++
	}
	return out
}

// runSideBySide calls run(i) for i = 0..n-1, jobs at a time. A panic in a
// run is raised again here, so that it is reported as any other.
func runSideBySide(n, jobs int, run func(i int)) {
	next := make(chan int)
	panics := make(chan any, n)
	var wg sync.WaitGroup
	for w := 0; w < min(jobs, n); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				func() {
					defer func() {
						if r := recover(); r != nil {
							panics <- r
						}
					}()
					run(i)
				}()
			}
		}()
	}
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
	close(panics)
	if r, ok := <-panics; ok {
		panic(r)
	}
}

// sweepOne trains run r on d and fills in its costs, accuracies and time.
// A run whose cost stops being a finite number is a result, not an error.
func sweepOne(r *report.Run, d *data, devX, devY *matrix.Dense) {
	opts := step06_model.Options{LearningRate: r.LearningRate, Iterations: r.Iterations, Seed: r.Seed,
		OnCost: func(i int, cost float64) { r.Costs = append(r.Costs, report.Point{Iteration: i, Cost: cost}) }}
	p := initialParameters("l-layer", r.Layers, r.Seed)
	start := time.Now()
	res, err := trainRun(d.TrainX, d.TrainY, p, opts)
	r.Elapsed = time.Since(start)
	if err != nil {
		r.Stopped, r.Error = true, err.Error()
		return
	}
	accuracy := func(X, Y *matrix.Dense) float64 {
		return step06_model.Accuracy(step06_model.Predict(X, res.Parameters), Y)
	}
	predictions := step06_model.Predict(d.TrainX, res.Parameters)
	r.TrainAccuracy = step06_model.Accuracy(predictions, d.TrainY)
	r.OneClass = oneValue(predictions.RawData())
	if devX != nil {
		r.DevAccuracy = accuracy(devX, devY)
	}
	if d.TestX != nil {
		r.TestAccuracy = accuracy(d.TestX, d.TestY)
	}
}

// oneValue reports whether every element of v is the same.
func oneValue(v []float64) bool {
	for _, x := range v {
		if x != v[0] {
			return false
		}
	}
	return true
}

// runSummary is the end of a run's live line.
func runSummary(r *report.Run, hasDev, hasTest bool) string {
	if r.Stopped {
		return fmt.Sprintf("diverged: %s (%.2fs)", r.Error, r.Elapsed.Seconds())
	}
	s := fmt.Sprintf("cost %.4f, train %.2f%%", r.Costs[len(r.Costs)-1].Cost, 100*r.TrainAccuracy)
	if hasDev {
		s += fmt.Sprintf(", dev %.2f%%", 100*r.DevAccuracy)
	}
	if hasTest {
		s += fmt.Sprintf(", test %.2f%%", 100*r.TestAccuracy)
	}
	switch {
	case r.Diverged():
		s = "diverged: the cost rose; " + s
	case r.OneClass:
		s = "stuck: predicts one class for all; " + s
	}
	return s + fmt.Sprintf(" (%.2fs)", r.Elapsed.Seconds())
}

// onInterrupt calls f, in its own goroutine, when the process is asked to
// stop (Ctrl-C, or SIGTERM). The returned function stops listening.
func onInterrupt(f func()) (stop func()) {
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	quit := make(chan struct{})
	go func() {
		select {
		case <-sig:
			f()
		case <-quit:
		}
	}()
	return func() {
		signal.Stop(sig)
		close(quit)
	}
}
