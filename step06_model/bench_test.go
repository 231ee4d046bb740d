package step06_model

import (
	"math"
	"testing"

	"dnn/matrix"
	"dnn/step01_init"
)

// BenchmarkTrainIteration times one iteration of gradient descent (forward,
// cost, backward, update) at the course's shapes: X is (12288, 209), drawn
// uniformly in [0, 1) like the scaled pixels. One op is one iteration.
//
//	go test -run NONE -bench TrainIteration ./step06_model
func BenchmarkTrainIteration(b *testing.B) {
	rs := matrix.NewRandomState(1)
	X := rs.Rand(12288, 209)
	Y := matrix.Apply(rs.Rand(1, 209), math.Round)
	models := []struct {
		name string
		p    step01_init.Parameters
	}{
		{"L-layer 12288,20,7,5,1", step01_init.InitializeParametersDeepApp(matrix.NewRandomState(1), []int{12288, 20, 7, 5, 1})},
		{"two-layer 12288,7,1", step01_init.InitializeParameters(matrix.NewRandomState(1), 12288, 7, 1)},
	}
	for _, m := range models {
		b.Run(m.name, func(b *testing.B) {
			opts := Options{LearningRate: 0.0075, Iterations: b.N}
			b.ResetTimer()
			if _, err := Train(X, Y, m.p, opts); err != nil {
				b.Fatal(err)
			}
		})
	}
}
