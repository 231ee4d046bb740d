package fast

import (
	"math"
	"testing"

	"dnn/internal/planar"
	"dnn/matrix"
	"dnn/step01_init"
	"dnn/step06_model"
)

// BenchmarkTrainIteration times one iteration of training, the plain one
// (step06_model.Train, the notebook's loop over the step functions) beside
// the engine's (Train), at the demo's shapes, the flower data with layers
// 2,20,7,5,1, and at the course's: X (12288, 209) drawn uniformly in
// [0, 1) like the scaled pixels. One op is one iteration: each training
// runs up to 5000 iterations, over which the engine's one-off work (its
// buffers, XᵀX) is spread.
//
//	go test -run NONE -bench TrainIteration -benchmem ./internal/fast
func BenchmarkTrainIteration(b *testing.B) {
	flowerX, flowerY := planar.Flower(1)
	rs := matrix.NewRandomState(1)
	catX := rs.Rand(12288, 209)
	catY := matrix.Apply(rs.Rand(1, 209), math.Round)
	workloads := []struct {
		name string
		X, Y *matrix.Dense
		p    step01_init.Parameters
		lr   float64
	}{
		{"demo 2,20,7,5,1", flowerX, flowerY, step01_init.InitializeParametersDeepApp(matrix.NewRandomState(1), []int{2, 20, 7, 5, 1}), 0.01},
		{"L-layer 12288,20,7,5,1", catX, catY, step01_init.InitializeParametersDeepApp(matrix.NewRandomState(1), []int{12288, 20, 7, 5, 1}), 0.0075},
		{"two-layer 12288,7,1", catX, catY, step01_init.InitializeParameters(matrix.NewRandomState(1), 12288, 7, 1), 0.0075},
	}
	engines := []struct {
		name  string
		train func(X, Y *matrix.Dense, p step01_init.Parameters, opts step06_model.Options) (step06_model.Result, error)
	}{{"plain", step06_model.Train}, {"fast", Train}}
	for _, w := range workloads {
		for _, e := range engines {
			b.Run(w.name+"/"+e.name, func(b *testing.B) {
				b.ReportAllocs()
				// Runs of at most 5000 iterations: the demo's training
				// diverges after 10,429.
				for done := 0; done < b.N; done += 5000 {
					opts := step06_model.Options{LearningRate: w.lr, Iterations: min(5000, b.N-done)}
					if _, err := e.train(w.X, w.Y, w.p, opts); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
