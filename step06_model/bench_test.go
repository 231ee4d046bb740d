package step06_model

import (
	"math"
	"testing"

	"dnn/internal/planar"
	"dnn/matrix"
	"dnn/step01_init"
)

// BenchmarkTrainIteration times one iteration of Train, the notebook's loop
// over the step functions (forward, cost, backward, update), at the demo's
// shapes, the flower data with layers 2,20,7,5,1, and at the course's: X is
// (12288, 209), drawn uniformly in [0, 1) like the scaled pixels. One op is
// one iteration. internal/fast has the same benchmark for the fast engine:
//
//	go test -run NONE -bench TrainIteration -benchmem ./step06_model ./internal/fast
func BenchmarkTrainIteration(b *testing.B) {
	flowerX, flowerY := planar.Flower(1)
	rs := matrix.NewRandomState(1)
	catX := rs.Rand(12288, 209)
	catY := matrix.Apply(rs.Rand(1, 209), math.Round)
	benchmarks := []struct {
		name string
		X, Y *matrix.Dense
		p    step01_init.Parameters
		lr   float64
	}{
		{"demo 2,20,7,5,1", flowerX, flowerY, step01_init.InitializeParametersDeepApp(matrix.NewRandomState(1), []int{2, 20, 7, 5, 1}), 0.01},
		{"L-layer 12288,20,7,5,1", catX, catY, step01_init.InitializeParametersDeepApp(matrix.NewRandomState(1), []int{12288, 20, 7, 5, 1}), 0.0075},
		{"two-layer 12288,7,1", catX, catY, step01_init.InitializeParameters(matrix.NewRandomState(1), 12288, 7, 1), 0.0075},
	}
	for _, bb := range benchmarks {
		b.Run(bb.name, func(b *testing.B) {
			b.ReportAllocs()
			if _, err := Train(bb.X, bb.Y, bb.p, Options{LearningRate: bb.lr, Iterations: b.N}); err != nil {
				b.Fatal(err)
			}
		})
	}
}
