package step06_model

import (
	"fmt"
	"math"
	"testing"

	"dnn/internal/dataset"
	"dnn/internal/testutil"
)

// TestCourseModels trains both models of the course's application notebook
// on the course's data set, 2500 iterations each, and checks the figures
// the notebook shows (the table in the course's README): the costs at
// iterations 0, 100 and 2400 and the train and test accuracies.
func TestCourseModels(t *testing.T) {
	d, err := dataset.Load(testutil.CourseData(t))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		dims     []int
		costs    map[int]float64 // iteration -> cost as the notebook prints it
		digits   int             // digits after the point the notebook printed (0: all 16)
		trainAcc string          // as the notebook prints it
		testAcc  string
	}{
		{
			name:     "two_layer_model",
			dims:     []int{12288, 7, 1},
			costs:    map[int]float64{0: 0.6930497356599888, 100: 0.6464320953428849, 2400: 0.048554785628770206},
			trainAcc: "1", testAcc: "0.72",
		},
		{
			name:     "L_layer_model",
			dims:     []int{12288, 20, 7, 5, 1},
			costs:    map[int]float64{0: 0.771749, 100: 0.672053, 2400: 0.092878},
			digits:   6,
			trainAcc: "0.985645933014", testAcc: "0.8",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			defer testutil.Guard(t, "step06_model")
			var res Result
			var err error
			if len(tt.dims) == 3 {
				res, err = TwoLayerModel(d.TrainX, d.TrainY, [3]int(tt.dims), DefaultOptions())
			} else {
				res, err = LLayerModel(d.TrainX, d.TrainY, tt.dims, DefaultOptions())
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Costs) != 26 {
				t.Errorf("%d costs recorded, want 26 (every 100 iterations and the last)", len(res.Costs))
			}
			for _, c := range res.Costs {
				want, ok := tt.costs[c.Iteration]
				if !ok {
					continue
				}
				if tt.digits == 0 && math.Abs(c.Value-want) > 1e-8 {
					t.Errorf("cost after iteration %d = %.17g, want %.17g (within 1e-8)", c.Iteration, c.Value, want)
				}
				if tt.digits > 0 && round(c.Value, tt.digits) != want {
					t.Errorf("cost after iteration %d = %.17g, which prints as %.*f, want %v", c.Iteration, c.Value, tt.digits, c.Value, want)
				}
			}
			trainAcc := Accuracy(Predict(d.TrainX, res.Parameters), d.TrainY)
			testAcc := Accuracy(Predict(d.TestX, res.Parameters), d.TestY)
			if got := printed(trainAcc, tt.trainAcc); got != tt.trainAcc {
				t.Errorf("train accuracy = %.17g, which prints as %s, want %s", trainAcc, got, tt.trainAcc)
			}
			if got := printed(testAcc, tt.testAcc); got != tt.testAcc {
				t.Errorf("test accuracy = %.17g, which prints as %s, want %s", testAcc, got, tt.testAcc)
			}

		})
	}
}

func round(x float64, digits int) float64 {
	p := math.Pow(10, float64(digits))
	return math.Round(x*p) / p
}

// printed formats x with as many digits after the point as want has, the
// way the notebook printed it.
func printed(x float64, want string) string {
	digits := 0
	for i, c := range want {
		if c == '.' {
			digits = len(want) - i - 1
		}
	}
	return fmt.Sprintf("%.*f", digits, x)
}
