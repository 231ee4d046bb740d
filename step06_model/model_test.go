package step06_model

import (
	"strconv"
	"strings"
	"testing"

	"dnn/internal/testutil"
	"dnn/matrix"
	"dnn/step01_init"
)

// Every case runs on the fixture of the same name in internal/testutil/course,
// written by testdata/course/generate.py with the course's algorithm in
// numpy. Train is fed given parameters, and Predict a given network: neither
// test goes through TwoLayerModel or LLayerModel.

func TestTrain(t *testing.T) {
	testutil.RunCases(t, "step06_model", []testutil.Case{{
		Fixture: "train",
		Call:    "Train(X, Y, p, Options{LearningRate: 0.1, Iterations: 250})",
		Run: func(in testutil.Outputs) (testutil.Outputs, error) {
			p := parameters(in, 2)
			var calls [][]float64
			opts := Options{LearningRate: in.Float("learning_rate"), Iterations: in.Int("iterations")}
			opts.OnCost = func(i int, cost float64) { calls = append(calls, []float64{float64(i), cost}) }
			res, err := Train(in["X"], in["Y"], p, opts)
			if err != nil {
				return nil, err
			}
			out := results(res)
			if len(calls) > 0 {
				out["OnCost calls (iteration, cost)"] = matrix.FromRows(calls)
			}
			for l := 1; l <= 2; l++ {
				out["p after the call: W"+strconv.Itoa(l)], out["p after the call: b"+strconv.Itoa(l)] = p.W[l], p.B[l]
			}
			return out, nil
		},
	}})
}

// TestTrainDiverges checks that Train stops with an error naming the
// iteration when the cost is no longer a number, here with a learning rate
// of 10000 on inputs of size 100.
func TestTrainDiverges(t *testing.T) {
	defer testutil.Guard(t, "step06_model")
	rs := matrix.NewRandomState(2)
	X := matrix.Scale(100, rs.Randn(10, 10))
	Y := matrix.FromRows([][]float64{{0, 1, 0, 1, 0, 1, 0, 1, 0, 1}})
	p := step01_init.Parameters{
		W: []*matrix.Dense{nil, rs.Randn(5, 10), rs.Randn(1, 5)},
		B: []*matrix.Dense{nil, matrix.Zeros(5, 1), matrix.Zeros(1, 1)},
	}
	_, err := Train(X, Y, p, Options{LearningRate: 1e4, Iterations: 100})
	if err == nil || !strings.Contains(err.Error(), "iteration") {
		t.Errorf("Train(X, Y, p, Options{LearningRate: 1e4, Iterations: 100}) = %v, "+
			"want an error naming the iteration where the cost stopped being a number", err)
	}
}

func TestTwoLayerModel(t *testing.T) {
	testutil.RunCases(t, "step06_model", []testutil.Case{{
		Fixture: "two_layer_model 10,5,1, 3 iterations, learning rate 0.5",
		Call:    "TwoLayerModel(X, Y, [3]int{10, 5, 1}, Options{LearningRate: 0.5, Iterations: 3, Seed: 1})",
		Run: func(in testutil.Outputs) (testutil.Outputs, error) {
			res, err := TwoLayerModel(in["X"], in["Y"], [3]int(in.Ints("layer_dims")), options(in))
			return results(res), err
		},
	}})
}

func TestLLayerModel(t *testing.T) {
	run := func(in testutil.Outputs) (testutil.Outputs, error) {
		res, err := LLayerModel(in["X"], in["Y"], in.Ints("layer_dims"), options(in))
		return results(res), err
	}
	testutil.RunCases(t, "step06_model", []testutil.Case{
		{Fixture: "L_layer_model 10,5,6,1, 2 iterations",
			Call: "LLayerModel(X, Y, []int{10, 5, 6, 1}, Options{LearningRate: 0.0075, Iterations: 2, Seed: 1})", Run: run},
		{Fixture: "L_layer_model 10,5,6,1, 3 iterations",
			Call: "LLayerModel(X, Y, []int{10, 5, 6, 1}, Options{LearningRate: 0.0075, Iterations: 3, Seed: 1})", Run: run},
		{Fixture: "L_layer_model 10,5,6,1, 3 iterations, learning rate 0.5",
			Call: "LLayerModel(X, Y, []int{10, 5, 6, 1}, Options{LearningRate: 0.5, Iterations: 3, Seed: 1})", Run: run},
	})
}

// TestModelsRejectBadInput checks that both models return an error, rather
// than panic or train, when X, Y, the layer sizes or the options do not fit.
// An unfinished model is left to its own test.
func TestModelsRejectBadInput(t *testing.T) {
	X, Y := matrix.Zeros(4, 3), matrix.FromRows([][]float64{{0, 1, 1}})
	ok := Options{LearningRate: 0.1, Iterations: 1, Seed: 1}
	tests := []struct {
		name string
		X, Y *matrix.Dense
		dims []int
		opts Options
	}{
		{"X has 4 features, n[0] is 5", X, Y, []int{5, 3, 1}, ok},
		{"Y of shape (1,2) for 3 examples", X, matrix.Zeros(1, 2), []int{4, 3, 1}, ok},
		{"a label of 2", X, matrix.FromRows([][]float64{{0, 2, 1}}), []int{4, 3, 1}, ok},
		{"2 output units", X, Y, []int{4, 3, 2}, ok},
		{"learning rate 0", X, Y, []int{4, 3, 1}, Options{Iterations: 1, Seed: 1}},
		{"0 iterations", X, Y, []int{4, 3, 1}, Options{LearningRate: 0.1, Seed: 1}},
	}
	models := []struct {
		name string
		fit  func(X, Y *matrix.Dense, dims []int, opts Options) error
	}{
		{"TwoLayerModel", func(X, Y *matrix.Dense, dims []int, opts Options) error {
			_, err := TwoLayerModel(X, Y, [3]int(dims), opts)
			return err
		}},
		{"LLayerModel", func(X, Y *matrix.Dense, dims []int, opts Options) error {
			_, err := LLayerModel(X, Y, dims, opts)
			return err
		}},
	}
	for _, model := range models {
		t.Run(model.name, func(t *testing.T) {
			for _, tt := range tests {
				var err error
				msg := testutil.Catch("step06_model", func() { err = model.fit(tt.X, tt.Y, tt.dims, tt.opts) })
				switch {
				case strings.Contains(msg, testutil.NotImplemented):
					t.Skip(msg)
				case msg != "":
					t.Fatalf("%s with %s: %s; want an error (check the input first)", model.name, tt.name, msg)
				case err == nil:
					t.Errorf("%s(X %s, Y %s, %v, …) with %s returned no error, want one (check the input first)",
						model.name, tt.X.Shape(), tt.Y.Shape(), tt.dims, tt.name)
				}
			}
		})
	}
}

func TestPredict(t *testing.T) {
	run := func(in testutil.Outputs) (testutil.Outputs, error) {
		L := 1
		if in["W2"] != nil {
			L = 2
		}
		return testutil.Outputs{"predictions": Predict(in["X"], parameters(in, L))}, nil
	}
	testutil.RunCases(t, "step06_model", []testutil.Case{
		{Fixture: "predict, probabilities around 0.5", Call: "Predict(X, parameters)", Run: run},
		{Fixture: "predict, two layers", Call: "Predict(X, parameters)", Run: run},
	})
}

func TestAccuracy(t *testing.T) {
	defer testutil.Guard(t, "step06_model")
	p := matrix.FromRows([][]float64{{1, 0, 0, 1}})
	Y := matrix.FromRows([][]float64{{1, 0, 1, 1}})
	if got := Accuracy(p, Y); got != 0.75 {
		t.Errorf("Accuracy(%v, %v) = %v, want 0.75", p, Y, got)
	}
}

// parameters returns the L layers' W1, b1, ... of in.
func parameters(in testutil.Outputs, L int) step01_init.Parameters {
	p := step01_init.Parameters{W: make([]*matrix.Dense, L+1), B: make([]*matrix.Dense, L+1)}
	for l := 1; l <= L; l++ {
		p.W[l], p.B[l] = in["W"+strconv.Itoa(l)], in["b"+strconv.Itoa(l)]
	}
	return p
}

// options returns the options a model case gives, seeded with 1 as the
// course seeds the initialisation.
func options(in testutil.Outputs) Options {
	return Options{LearningRate: in.Float("learning_rate"), Iterations: in.Int("iterations"), Seed: 1}
}

// results names what training returned: each cost kept, the iterations
// they were kept at, and the trained W1, b1, ...
func results(res Result) testutil.Outputs {
	out := testutil.Outputs{}
	var its []float64
	for _, c := range res.Costs {
		out["cost after iteration "+strconv.Itoa(c.Iteration)] = matrix.Scalar(c.Value)
		its = append(its, float64(c.Iteration))
	}
	if len(its) > 0 {
		out["recorded iterations"] = matrix.FromRows([][]float64{its})
	}
	for l := 1; l < len(res.Parameters.W); l++ {
		out["W"+strconv.Itoa(l)], out["b"+strconv.Itoa(l)] = res.Parameters.W[l], testutil.Get(res.Parameters.B, l)
	}
	return out
}
