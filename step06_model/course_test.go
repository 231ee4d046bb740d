package step06_model

import (
	"fmt"
	"math"
	"testing"

	"dnn/internal/dataset"
	"dnn/internal/testutil"
	"dnn/internal/testutil/course"
	"dnn/matrix"
)

// costTol is how close the costs of the course's training must come to
// numpy's: after 2500 iterations the order of floating-point sums moves them
// by about 1e-13.
const costTol = 1e-9

// TestCourseModels trains both models of the course's application notebook
// on the course's data set, 2500 iterations each, and checks them against
// the fixtures "two_layer_model (course data)" and "L_layer_model (course
// data)": numpy's run of the course's algorithm (testdata/course/
// application.json), which generate.py checks against the figures the
// notebook prints. Every kept cost must match within costTol, and every
// prediction exactly: 209 of 209 train and 36 of 50 test images right for
// the two-layer model, 206 of 209 and 40 of 50 for the L-layer model.
func TestCourseModels(t *testing.T) {
	d, err := dataset.Load(testutil.CourseData(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"two_layer_model", "L_layer_model"} {
		t.Run(name, func(t *testing.T) {
			defer testutil.Guard(t, "step06_model")
			fx, ok := course.Find("step06_model", name+" (course data)")
			if !ok {
				t.Fatalf("no fixture %q (course data): run testdata/course/generate.py -write", name)
			}
			args, _, err := fx.Inputs()
			if err != nil {
				t.Fatal(err)
			}
			in := testutil.Outputs(args)
			dims := in.Ints("layer_dims")
			if o := DefaultOptions(); o.LearningRate != in.Float("learning_rate") || o.Iterations != in.Int("iterations") || o.Seed != 1 {
				t.Fatalf("DefaultOptions() = %+v, want the course's learning rate %v, %d iterations and seed 1",
					o, in.Float("learning_rate"), in.Int("iterations"))
			}
			var res Result
			if len(dims) == 3 {
				res, err = TwoLayerModel(d.TrainX, d.TrainY, [3]int(dims), DefaultOptions())
			} else {
				res, err = LLayerModel(d.TrainX, d.TrainY, dims, DefaultOptions())
			}
			if err != nil {
				t.Fatal(err)
			}
			want := map[string]course.Array{}
			for _, w := range fx.Want {
				want[w.Name] = w
			}
			checkCosts(t, res.Costs, fx)
			for _, set := range []struct {
				name string
				X, Y *matrix.Dense
			}{{"train", d.TrainX, d.TrainY}, {"test", d.TestX, d.TestY}} {
				p := Predict(set.X, res.Parameters)
				checkPredictions(t, set.name, p, set.Y, want[set.name+" predictions"].Matrix(), int(want[set.name+" correct"].Rows[0][0]))
			}
		})
	}
}

// checkCosts compares the costs kept by training with the fixture's.
func checkCosts(t *testing.T, costs []Cost, fx course.Fixture) {
	t.Helper()
	var want []course.Array
	for _, w := range fx.Want {
		if w.Kind == course.Cost {
			want = append(want, w)
		}
	}
	if len(costs) != len(want) {
		t.Errorf("%d costs kept, want %d (every 100 iterations and the last)", len(costs), len(want))
	}
	largest := 0.0
	for i, c := range costs {
		if i >= len(want) {
			break
		}
		name := fmt.Sprintf("cost after iteration %d", c.Iteration)
		w := want[i].Rows[0][0]
		if name != want[i].Name || !(math.Abs(c.Value-w) <= costTol) {
			t.Errorf("%s = %.17g, want %s = %.17g (numpy), within %g", name, c.Value, want[i].Name, w, costTol)
		}
		largest = max(largest, math.Abs(c.Value-w))
	}
	if testutil.Verbose() {
		t.Logf("costs OK, max diff %.2g", largest)
	}
}

// checkPredictions compares the predictions p for the labels Y with numpy's,
// want, exactly, and the number right with correct.
func checkPredictions(t *testing.T, set string, p, Y, want *matrix.Dense, correct int) {
	t.Helper()
	_, m := Y.Dims()
	right := 0
	for j := 0; j < m; j++ {
		if p.At(0, j) == Y.At(0, j) {
			right++
		}
	}
	if right != correct {
		t.Errorf("%d of %d %s images predicted right, want %d (accuracy %v, want %v)", right, m, set, correct,
			float64(right)/float64(m), float64(correct)/float64(m))
	}
	if a := Accuracy(p, Y); a != float64(correct)/float64(m) {
		t.Errorf("Accuracy(predictions, %s labels) = %v, want %d/%d = %v", set, a, correct, m, float64(correct)/float64(m))
	}
	if msg := testutil.DiffMatrix(set+" predictions", p, want, 0, 0); msg != "" {
		t.Error(msg + " (numpy's predictions)")
	} else if testutil.Verbose() {
		t.Logf("%s predictions OK: %d of %d right, as numpy's", set, right, m)
	}
}
