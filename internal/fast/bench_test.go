package fast

import (
	"math"
	"testing"

	"dnn/internal/planar"
	"dnn/matrix"
	"dnn/step01_init"
)

// BenchmarkTrainIteration times one iteration of the engine (forward pass,
// backward pass and update; the cost only when it is recorded, as in Train)
// at the demo's shapes, the flower data with layers 2,20,7,5,1, and at the
// course's: X (12288, 209) drawn uniformly in [0, 1) like the scaled
// pixels, through the Gram matrix as Train takes it and without. One op is
// one iteration; the one-off work (buffers, XᵀX) is left out. Compare with
// step06_model's BenchmarkTrainIteration, the plain training:
//
//	go test -run NONE -bench TrainIteration -benchmem ./internal/fast ./step06_model
func BenchmarkTrainIteration(b *testing.B) {
	flowerX, flowerY := planar.Flower(1)
	rs := matrix.NewRandomState(1)
	catX := rs.Rand(12288, 209)
	catY := matrix.Apply(rs.Rand(1, 209), math.Round)
	deep := []int{12288, 20, 7, 5, 1}
	benchmarks := []struct {
		name     string
		X, Y     *matrix.Dense
		p        step01_init.Parameters
		lr       float64
		withGram bool
	}{
		{"demo 2,20,7,5,1", flowerX, flowerY, step01_init.InitializeParametersDeepApp(matrix.NewRandomState(1), []int{2, 20, 7, 5, 1}), 0.01, false},
		{"L-layer 12288,20,7,5,1/Gram", catX, catY, step01_init.InitializeParametersDeepApp(matrix.NewRandomState(1), deep), 0.0075, true},
		{"L-layer 12288,20,7,5,1/no Gram", catX, catY, step01_init.InitializeParametersDeepApp(matrix.NewRandomState(1), deep), 0.0075, false},
		{"two-layer 12288,7,1/Gram", catX, catY, step01_init.InitializeParameters(matrix.NewRandomState(1), 12288, 7, 1), 0.0075, true},
	}
	for _, bb := range benchmarks {
		b.Run(bb.name, func(b *testing.B) {
			net := newNet(bb.X, bb.Y, bb.p, bb.withGram)
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				net.forward()
				if i%100 == 0 {
					cost(net.AT[net.L], net.Y)
				}
				net.backward(bb.lr)
				i++
			}
		})
	}
}
