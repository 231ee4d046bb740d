package fast

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strings"
	"testing"

	"dnn/internal/dataset"
	"dnn/internal/planar"
	"dnn/internal/testutil"
	"dnn/matrix"
	"dnn/step01_init"
	"dnn/step06_model"
)

// TestTrainMatchesPlain holds the engine to the plain training,
// step06_model's loop over the step functions: the same costs within 1e-9
// relative at every recorded iteration and the same predictions, through
// the Gram matrix and without, on small problems of depths 1 to 4 with
// fewer and more examples than features, and on the course's data set for
// both of its models.
func TestTrainMatchesPlain(t *testing.T) {
	requirePlain(t)
	t.Run("small", testSmall)
	t.Run("diverges", testDiverges)
	t.Run("course", testCourse)
}

// requirePlain skips the test, with one line saying which step to finish,
// while the step functions that the plain training calls are exercise stubs.
func requirePlain(t *testing.T) {
	t.Helper()
	msg := func() (msg string) {
		defer func() {
			if r := recover(); r != nil {
				msg = testutil.Explain("internal/fast", r)
				if !strings.Contains(msg, testutil.NotImplemented) {
					panic(r)
				}
			}
		}()
		X, Y := matrix.Zeros(2, 3), matrix.Zeros(1, 3)
		step01_init.InitializeParameters(matrix.NewRandomState(1), 2, 2, 1)
		p := step01_init.InitializeParametersDeepApp(matrix.NewRandomState(1), []int{2, 2, 1})
		step06_model.Train(X, Y, p, step06_model.Options{LearningRate: 0.1, Iterations: 1})
		step06_model.Predict(X, p)
		return ""
	}()
	if msg != "" {
		t.Skip(strings.Replace(msg, "internal/fast calls", "the plain training calls", 1))
	}
}

// problem is a training to run both ways.
type problem struct {
	name  string
	X, Y  *matrix.Dense // training set
	testX *matrix.Dense // more examples to predict, or nil
	p     step01_init.Parameters
	opts  step06_model.Options
}

func testSmall(t *testing.T) {
	flowerX, flowerY := planar.Flower(1)
	var problems []problem
	for _, tt := range []struct {
		dims []int
		m    int
		lr   float64
	}{
		{[]int{5, 1}, 40, 0.5},
		{[]int{30, 1}, 12, 0.1},
		{[]int{3, 8, 1}, 50, 0.3},
		{[]int{60, 7, 1}, 12, 0.1},
		{[]int{4, 6, 3, 1}, 30, 0.3},
		{[]int{40, 6, 3, 1}, 10, 0.1},
		{[]int{60, 20, 7, 5, 1}, 12, 0.05},
		{[]int{6, 9, 7, 5, 1}, 80, 0.1},
	} {
		rs := matrix.NewRandomState(uint32(5 + tt.m))
		n0 := tt.dims[0]
		X, testX := rs.Randn(n0, tt.m), rs.Randn(n0, 2*tt.m)
		Y := matrix.Apply(rs.Rand(1, tt.m), math.Round)
		problems = append(problems, problem{
			name: fmt.Sprintf("layers %v, %d examples", tt.dims, tt.m),
			X:    X, Y: Y, testX: testX,
			p:    step01_init.InitializeParametersDeepApp(matrix.NewRandomState(1), tt.dims),
			opts: step06_model.Options{LearningRate: tt.lr, Iterations: 301},
		})
	}
	problems = append(problems, problem{
		name: "flower data, layers 2,20,7,5,1",
		X:    flowerX, Y: flowerY,
		p:    step01_init.InitializeParametersDeepApp(matrix.NewRandomState(1), []int{2, 20, 7, 5, 1}),
		opts: step06_model.Options{LearningRate: 0.01, Iterations: 1000},
	})
	for _, pr := range problems {
		t.Run(pr.name, func(t *testing.T) {
			plain, err := step06_model.Train(pr.X, pr.Y, pr.p, pr.opts)
			if err != nil {
				t.Fatal(err)
			}
			before := pr.p.Clone()
			for _, withGram := range []bool{false, true} {
				var reported []step06_model.Cost
				opts := pr.opts
				opts.OnCost = func(i int, c float64) { reported = append(reported, step06_model.Cost{Iteration: i, Value: c}) }
				got, err := train(pr.X, pr.Y, pr.p, opts, withGram)
				if err != nil {
					t.Fatalf("%s: %v", path(withGram), err)
				}
				checkSame(t, path(withGram), pr, plain, got)
				if !slices.Equal(reported, got.Costs) {
					t.Errorf("%s: OnCost was called with %v, want the recorded costs %v", path(withGram), reported, got.Costs)
				}
			}
			for l := 1; l <= pr.p.L(); l++ {
				if !matrix.Equal(pr.p.W[l], before.W[l]) || !matrix.Equal(pr.p.B[l], before.B[l]) {
					t.Errorf("training changed the initial parameters of layer %d", l)
				}
			}
		})
	}
}

func path(withGram bool) string {
	if withGram {
		return "through the Gram matrix"
	}
	return "without the Gram matrix"
}

// checkSame fails t unless got, trained by the engine, recorded the costs
// of the plain training within 1e-9 relative, predicts the same on the
// problem's examples, and has the same parameters within 1e-9 relative.
func checkSame(t *testing.T, how string, pr problem, plain, got step06_model.Result) {
	t.Helper()
	if len(got.Costs) != len(plain.Costs) {
		t.Fatalf("%s: %d costs recorded, the plain training %d", how, len(got.Costs), len(plain.Costs))
	}
	worst := 0.0
	for i, c := range plain.Costs {
		g := got.Costs[i]
		d := math.Abs(g.Value-c.Value) / math.Abs(c.Value)
		worst = max(worst, d)
		if g.Iteration != c.Iteration || !(d <= 1e-9) {
			t.Errorf("%s: cost after iteration %d = %.17g, the plain training's after iteration %d = %.17g (want within 1e-9 relative)",
				how, g.Iteration, g.Value, c.Iteration, c.Value)
		}
	}
	for _, set := range []struct {
		name string
		X    *matrix.Dense
	}{{"training", pr.X}, {"test", pr.testX}} {
		if set.X == nil {
			continue
		}
		want, p := step06_model.Predict(set.X, plain.Parameters), step06_model.Predict(set.X, got.Parameters)
		if !matrix.Equal(p, want) {
			t.Errorf("%s: on the %s set it predicts %v, the plain training %v", how, set.name, p, want)
		}
	}
	for l := 1; l <= pr.p.L(); l++ {
		if msg := testutil.DiffMatrix(fmt.Sprintf("W%d", l), got.Parameters.W[l], plain.Parameters.W[l], 1e-9, 1e-12); msg != "" {
			t.Errorf("%s: %s", how, msg)
		}
		if msg := testutil.DiffMatrix(fmt.Sprintf("b%d", l), got.Parameters.B[l], plain.Parameters.B[l], 1e-9, 1e-12); msg != "" {
			t.Errorf("%s: %s", how, msg)
		}
	}
	t.Logf("%s: %d costs OK, largest relative difference %.2g", how, len(got.Costs), worst)
}

// testDiverges checks that the engine stops at the iteration where the
// plain training does, with the same error.
func testDiverges(t *testing.T) {
	rs := matrix.NewRandomState(3)
	X := rs.Randn(4, 20)
	Y := matrix.Apply(rs.Rand(1, 20), math.Round)
	p := step01_init.InitializeParametersDeepApp(matrix.NewRandomState(1), []int{4, 5, 1})
	opts := step06_model.Options{LearningRate: 1e4, Iterations: 50}
	_, plainErr := step06_model.Train(X, Y, p, opts)
	if plainErr == nil {
		t.Fatalf("the plain training at learning rate %g did not diverge; the test needs one that does", opts.LearningRate)
	}
	for _, withGram := range []bool{false, true} {
		_, err := train(X, Y, p, opts, withGram)
		if err == nil {
			t.Errorf("%s: no error, the plain training's: %v", path(withGram), plainErr)
			continue
		}
		if got, want := iteration(err), iteration(plainErr); got != want || got == "" {
			t.Errorf("%s: error %q, the plain training's %q: want the same iteration", path(withGram), err, plainErr)
		}
	}
}

// iteration returns the iteration that a divergence error names.
func iteration(err error) string {
	m := regexp.MustCompile(`iteration (\d+)`).FindStringSubmatch(err.Error())
	if m == nil {
		return ""
	}
	return m[1]
}

// testCourse trains both models of the course's application notebook on
// its data set: 2500 iterations as Train does it, through the Gram matrix,
// and 500 without.
func testCourse(t *testing.T) {
	if testing.Short() {
		t.Skip("trains both of the course's models twice: skipped with -short")
	}
	d, err := dataset.Load(testutil.CourseData(t))
	if err != nil {
		t.Fatal(err)
	}
	opts := step06_model.DefaultOptions()
	for _, tt := range []struct {
		name  string
		dims  []int
		plain func() (step06_model.Result, error)
		p     step01_init.Parameters
	}{
		{"two_layer_model", []int{12288, 7, 1},
			func() (step06_model.Result, error) {
				return step06_model.TwoLayerModel(d.TrainX, d.TrainY, [3]int{12288, 7, 1}, opts)
			},
			step01_init.InitializeParameters(matrix.NewRandomState(opts.Seed), 12288, 7, 1)},
		{"L_layer_model", []int{12288, 20, 7, 5, 1},
			func() (step06_model.Result, error) {
				return step06_model.LLayerModel(d.TrainX, d.TrainY, []int{12288, 20, 7, 5, 1}, opts)
			},
			step01_init.InitializeParametersDeepApp(matrix.NewRandomState(opts.Seed), []int{12288, 20, 7, 5, 1})},
	} {
		t.Run(tt.name, func(t *testing.T) {
			plain, err := tt.plain()
			if err != nil {
				t.Fatal(err)
			}
			pr := problem{name: tt.name, X: d.TrainX, Y: d.TrainY, testX: d.TestX, p: tt.p, opts: opts}
			got, err := Train(d.TrainX, d.TrainY, tt.p, opts)
			if err != nil {
				t.Fatal(err)
			}
			checkSame(t, "Train", pr, plain, got)
			if !useGram(12288, tt.dims[1], 209, opts.Iterations) {
				t.Errorf("Train did not take the Gram matrix for the course's pictures")
			}
			// Without the Gram matrix the first layer's products are the
			// large ones, (209, 12288)·(12288, n[1]): 500 iterations.
			pr.opts.Iterations = 500
			if plain, err = step06_model.Train(d.TrainX, d.TrainY, tt.p, pr.opts); err != nil {
				t.Fatal(err)
			}
			if got, err = train(d.TrainX, d.TrainY, tt.p, pr.opts, false); err != nil {
				t.Fatal(err)
			}
			checkSame(t, path(false), pr, plain, got)
		})
	}
}

func TestUseGram(t *testing.T) {
	tests := []struct {
		n0, n1, m, iterations int
		want                  bool
	}{
		{12288, 20, 209, 2500, true}, // the course's pictures
		{12288, 7, 209, 2500, true},
		{12288, 20, 209, 1, false}, // computing XᵀX costs more than one iteration
		{2, 20, 400, 10000, false}, // the flower data: far more examples than features
		{60, 20, 12, 301, true},
		{5, 8, 40, 301, false},
		{100, 10, 101, 1000, false}, // G would be larger than X
	}
	for _, tt := range tests {
		if got := useGram(tt.n0, tt.n1, tt.m, tt.iterations); got != tt.want {
			t.Errorf("useGram(%d, %d, %d, %d) = %v, want %v", tt.n0, tt.n1, tt.m, tt.iterations, got, tt.want)
		}
	}
}
