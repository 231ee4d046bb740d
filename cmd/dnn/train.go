package main

import (
	"fmt"
	"io"
	"math"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"dnn/internal/atomicfile"
	"dnn/internal/check"
	"dnn/internal/fast"
	"dnn/internal/report"
	"dnn/matrix"
	"dnn/step01_init"
	"dnn/step06_model"
)

const trainSynopsis = `[-data DIR | -x X.npy -y Y.npy [-test-x X.npy -test-y Y.npy]] [flags]

Trains a model by gradient descent and prints the cost every 100 iterations
and at the last one, then the accuracy on the training and the test set.`

// trainFlags are the flags that train and demo share.
type trainFlags struct {
	model, layers string
	lr            float64
	iterations    int
	seed          uint
	save, report  string
	fast          bool
	printEvery    int // print the cost every this many iterations (a multiple of 100; 0 means 100)
}

func (f *trainFlags) register(fs interface {
	StringVar(*string, string, string, string)
	BoolVar(*bool, string, bool, string)
	Float64Var(*float64, string, float64, string)
	IntVar(*int, string, int, string)
	UintVar(*uint, string, uint, string)
}, lr float64, iterations int, layersHelp string, fast bool) {
	fs.StringVar(&f.model, "model", "l-layer", "l-layer (ReLU layers then a sigmoid, ÷√n[l-1] initialisation) or two-layer (×0.01 initialisation)")
	fs.StringVar(&f.layers, "layers", "", "layer sizes n[0],n[1],...,n[L] "+layersHelp)
	fs.Float64Var(&f.lr, "lr", lr, "learning rate α")
	fs.IntVar(&f.iterations, "iterations", iterations, "number of gradient-descent iterations")
	fs.UintVar(&f.seed, "seed", 1, "seed of numpy's random generator for the initial weights")
	fs.BoolVar(&f.fast, "fast", fast, "train with the fast engine (internal/fast): the same results as the step functions, computed faster; -fast=false trains with the step functions")
	fs.StringVar(&f.save, "save", "", "write the trained parameters to this .npz file (W1, b1, W2, b2, ..., loadable with np.load)")
}

func init() {
	register("train", "train the cat classifier on the course's data set (or on .npy arrays)", runTrain)
}

func runTrain(args []string, stdout io.Writer) error {
	fs := newFlags("train", trainSynopsis, stdout)
	var f trainFlags
	f.register(fs, 0.0075, 2500, "(default 12288,20,7,5,1 for l-layer, 12288,7,1 for two-layer)", false)
	dir := fs.String("data", defaultDataDir, "folder holding the course's train_catvnoncat.h5 and test_catvnoncat.h5 (by default the project's testdata/datasets, from anywhere inside the project)")
	x := fs.String("x", "", "training inputs X as a .npy file, features × examples (instead of -data)")
	y := fs.String("y", "", "training labels Y as a .npy file, 1 × examples of 0/1")
	testX := fs.String("test-x", "", "test inputs as a .npy file (optional, with -x)")
	testY := fs.String("test-y", "", "test labels as a .npy file (optional, with -y)")
	fs.StringVar(&f.report, "report", "", "write an HTML report (cost curve, accuracy, mislabelled pictures) into this folder")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q (run \"dnn train -h\" for the flags)", fs.Arg(0))
	}
	if (*x == "") != (*y == "") {
		return fmt.Errorf("-x and -y go together: give both or neither")
	}
	defaults := map[string]string{"l-layer": "12288,20,7,5,1", "two-layer": "12288,7,1"}
	dims, err := f.check(defaults)
	if err != nil {
		return err
	}
	var d *data
	if *x != "" {
		d, err = loadNpyData(*x, *y, *testX, *testY)
	} else {
		if *testX != "" || *testY != "" {
			return fmt.Errorf("-test-x and -test-y go with -x and -y")
		}
		d, err = loadCourseData(dataDir(*dir, isSet(fs, "data")))
	}
	if err != nil {
		return err
	}
	return train(d, f, dims, stdout, nil)
}

// maxIterations bounds -iterations: 400 times the course's 2500, about an
// hour of training on the course's data, rather than a run that never ends.
const maxIterations = 1_000_000

// check validates the flags before any data is read or time spent, and
// returns the layer sizes.
func (f *trainFlags) check(defaultLayers map[string]string) ([]int, error) {
	layers, ok := defaultLayers[f.model]
	if !ok {
		return nil, fmt.Errorf("-model %q: want l-layer or two-layer", f.model)
	}
	if f.layers != "" {
		layers = f.layers
	}
	dims, err := parseLayers("-layers", layers)
	if err != nil {
		return nil, err
	}
	if f.model == "two-layer" && len(dims) != 3 {
		return nil, fmt.Errorf("-layers %q: the two-layer model has exactly three sizes n_x,n_h,n_y", layers)
	}
	if f.seed > 1<<32-1 {
		return nil, fmt.Errorf("-seed %d: numpy's seeds go from 0 to 4294967295", f.seed)
	}
	if err := check.LearningRate(f.lr); err != nil {
		return nil, fmt.Errorf("-lr %v: %v", f.lr, err)
	}
	if err := check.Iterations(f.iterations); err != nil {
		return nil, fmt.Errorf("-iterations %d: %v", f.iterations, err)
	}
	if f.iterations > maxIterations {
		return nil, fmt.Errorf("-iterations %d: at most %d (the course trains for 2500 iterations, the demo for 10000)", f.iterations, maxIterations)
	}
	if f.save != "" {
		if err := atomicfile.Check(f.save); err != nil {
			return nil, fmt.Errorf("-save %s: %v", f.save, err)
		}
	}
	if f.report != "" {
		if err := checkReportDir("-report", f.report); err != nil {
			return nil, err
		}
		// Checked now, so that a failing report does not follow a -save
		// already written.
		save, _ := filepath.Abs(f.save)
		if rep, _ := filepath.Abs(f.report); f.save != "" && (save == rep || save == filepath.Join(rep, "index.html")) {
			return nil, fmt.Errorf("-save %s and -report %s: the parameters and the report cannot go to the same place", f.save, f.report)
		}
	}
	return dims, nil
}

func (f *trainFlags) options() step06_model.Options {
	return step06_model.Options{LearningRate: f.lr, Iterations: f.iterations, Seed: uint32(f.seed)}
}

// train trains the model f asks for on d, prints the costs and the
// accuracies, and writes what -save and -report ask for. decorate, if not
// nil, adds to the report before it is written.
func train(d *data, f trainFlags, dims []int, stdout io.Writer, decorate func(*report.Report, step06_model.Result)) error {
	opts := f.options()
	every := max(f.printEvery, 100)
	opts.OnCost = func(i int, cost float64) {
		if i%every == 0 || i == opts.Iterations-1 {
			fmt.Fprintf(stdout, "Cost after iteration %d: %v\n", i, cost)
		}
	}
	opts.OnCost = warnRising(stdout, f.lr, opts.OnCost)
	if err := check.Training(d.TrainX, d.TrainY, dims, opts.LearningRate, opts.Iterations); err != nil {
		return err
	}
	if err := checkMemory(dims, d); err != nil {
		return err
	}
	start := time.Now()
	res, err := fit(d, f, dims, opts)
	if err != nil {
		return err
	}
	elapsed := time.Since(start)
	trainAcc := step06_model.Accuracy(step06_model.Predict(d.TrainX, res.Parameters), d.TrainY)
	fmt.Fprintf(stdout, "Train accuracy: %s\n", pyFloat(trainAcc))
	var testAcc float64
	if d.TestX != nil {
		testAcc = step06_model.Accuracy(step06_model.Predict(d.TestX, res.Parameters), d.TestY)
		fmt.Fprintf(stdout, "Test accuracy: %s\n", pyFloat(testAcc))
	}
	fmt.Fprintf(stdout, "Trained %d iterations in %.2fs (%s)\n", opts.Iterations, elapsed.Seconds(), rate(opts.Iterations, elapsed))
	if f.save != "" {
		if err := saveParameters(f.save, res.Parameters); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "Saved the parameters to %s\n", f.save)
	}
	if f.report != "" {
		r := newReport(d, f, dims, res, trainAcc, testAcc, elapsed)
		if decorate != nil {
			decorate(r, res)
		}
		if err := writeReport(f.report, r); err != nil {
			if f.save != "" {
				return fmt.Errorf("%v (the parameters were saved to %s)", err, f.save)
			}
			return err
		}
		fmt.Fprintf(stdout, "Wrote the report to %s\n", filepath.Join(f.report, "index.html"))
	}
	return nil
}

// fit trains the model f asks for on d's training set: with -fast through
// the engine of internal/fast, else with step06_model's models, which run
// the step functions. Both start from the same initial parameters.
func fit(d *data, f trainFlags, dims []int, opts step06_model.Options) (step06_model.Result, error) {
	two := f.model == "two-layer"
	if !f.fast {
		defer paceForStepFunctions(dims[0] * cols(d.TrainX))()
		if two {
			return step06_model.TwoLayerModel(d.TrainX, d.TrainY, [3]int(dims), opts)
		}
		return step06_model.LLayerModel(d.TrainX, d.TrainY, dims, opts)
	}
	rs := matrix.NewRandomState(opts.Seed)
	var p step01_init.Parameters
	if two {
		p = step01_init.InitializeParameters(rs, dims[0], dims[1], dims[2])
	} else {
		p = step01_init.InitializeParametersDeepApp(rs, dims)
	}
	return fast.Train(d.TrainX, d.TrainY, p, opts)
}

// rate formats the speed of training, iterations per second, or seconds
// per iteration when that reads better (below one iteration per second),
// with three significant digits: "1481 iterations/s", "18.8 iterations/s",
// "2.13 s per iteration".
func rate(iterations int, elapsed time.Duration) string {
	s := max(elapsed.Seconds(), 1e-9)
	if r := float64(iterations) / s; r >= 1 {
		return significant(r) + " iterations/s"
	}
	return significant(s/float64(iterations)) + " s per iteration"
}

// significant formats x > 0 with three significant digits, without an
// exponent, and all the digits of the integer part when there are more.
func significant(x float64) string {
	return strconv.FormatFloat(x, 'f', max(0, 2-int(math.Floor(math.Log10(x)))), 64)
}

// pyFloat formats x as Python prints a float: the shortest form that reads
// back as x, with ".0" on whole numbers (1.0, not 1).
func pyFloat(x float64) string {
	s := strconv.FormatFloat(x, 'g', -1, 64)
	if !strings.ContainsAny(s, ".eEnN") {
		s += ".0"
	}
	return s
}
