// Package planar regenerates the course's planar "flower" data set (week 3,
// load_planar_dataset) from its formula, so that the program has data to
// learn from with no file at all.
//
// With np.random.seed(1), m = 400 points, N = 200 per class and a = 4, for
// class j = 0, 1 in turn:
//
//	t = linspace(j·3.12, (j+1)·3.12, N) + randn(N)·0.2     angle
//	r = a·sin(4t) + randn(N)·0.2                           radius
//	point (r·sin t, r·cos t), label j
//
// The two classes form the alternating petals of a flower: a data set that
// no straight line separates.
package planar

import (
	"math"

	"dnn/matrix"
)

// Flower returns the flower data set drawn from a fresh random state seeded
// with seed (the course uses 1): X is (2, 400), one point per column; Y is
// (1, 400), the first 200 labelled 0 and the rest 1.
func Flower(seed uint32) (X, Y *matrix.Dense) {
	const (
		m = 400
		N = m / 2
		a = 4.0
	)
	rs := matrix.NewRandomState(seed)
	X, Y = matrix.Zeros(2, m), matrix.Zeros(1, m)
	for j := 0; j < 2; j++ {
		t := linspace(float64(j)*3.12, float64(j+1)*3.12, N)
		noise := rs.Randn(1, N).RawData()
		for i := range t {
			t[i] += noise[i] * 0.2
		}
		noise = rs.Randn(1, N).RawData()
		for i, ti := range t {
			r := a*math.Sin(4*ti) + noise[i]*0.2
			X.Set(0, j*N+i, r*math.Sin(ti))
			X.Set(1, j*N+i, r*math.Cos(ti))
			Y.Set(0, j*N+i, float64(j))
		}
	}
	return X, Y
}

// linspace returns n evenly spaced values from start to stop inclusive,
// computed as numpy does: start + i·step, with the last value exactly stop.
func linspace(start, stop float64, n int) []float64 {
	v := make([]float64, n)
	step := (stop - start) / float64(n-1)
	for i := range v {
		v[i] = float64(i)*step + start
	}
	v[n-1] = stop
	return v
}
