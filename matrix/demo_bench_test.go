package matrix

import (
	"math"
	"testing"
)

// The demo's network: layers 2, 20, 7, 5, 1 on m = 400 points, the shapes
// of the course's planar exercise. Its products are small (150k
// multiply-adds per iteration), so the time goes to the element-wise
// operations, the allocations and the calls around them.
var demoDims = []int{2, 20, 7, 5, 1}

const demoM = 400

// demoNet holds what one training iteration of the demo's network reads.
type demoNet struct {
	X, Y *Dense
	W, B []*Dense // W[l] (n[l], n[l-1]), B[l] (n[l], 1), l = 1..L
}

func newDemoNet() *demoNet {
	rs := NewRandomState(3)
	L := len(demoDims) - 1
	d := &demoNet{X: rs.Randn(demoDims[0], demoM), Y: Zeros(1, demoM), W: make([]*Dense, L+1), B: make([]*Dense, L+1)}
	for j := range d.Y.data {
		d.Y.data[j] = float64(j % 2)
	}
	for l := 1; l <= L; l++ {
		d.W[l] = Scale(1/math.Sqrt(float64(demoDims[l-1])), rs.Randn(demoDims[l], demoDims[l-1]))
		d.B[l] = Zeros(demoDims[l], 1)
	}
	return d
}

// iterate runs one iteration of gradient descent as the course writes it,
// one new matrix per operation, and returns the cost.
func (d *demoNet) iterate(learningRate float64) float64 {
	L := len(d.W) - 1
	one := Scalar(1)
	// Forward: relu layers, then a sigmoid.
	A := []*Dense{d.X}
	Z := []*Dense{nil}
	for l := 1; l <= L; l++ {
		z := Add(Dot(d.W[l], A[l-1]), d.B[l])
		a := Maximum(z, 0)
		if l == L {
			a = Apply(z, func(x float64) float64 { return 1 / (1 + math.Exp(-x)) })
		}
		Z, A = append(Z, z), append(A, a)
	}
	AL := A[L]
	// Cost.
	logprobs := Add(Mul(d.Y, Log(AL)), Mul(Sub(one, d.Y), Log(Sub(one, AL))))
	cost := -Sum(logprobs) / demoM
	// Backward.
	dA := Scale(-1, Sub(Div(d.Y, AL), Div(Sub(one, d.Y), Sub(one, AL))))
	for l := L; l >= 1; l-- {
		var dZ *Dense
		if l == L {
			s := Apply(Z[l], func(x float64) float64 { return 1 / (1 + math.Exp(-x)) })
			dZ = Mul(Mul(dA, s), Sub(one, s))
		} else {
			dZ = Binary(dA, Z[l], func(da, z float64) float64 {
				if z > 0 {
					return da
				}
				return 0
			})
		}
		dW := Scale(1.0/demoM, Dot(dZ, A[l-1].T()))
		db := Scale(1.0/demoM, SumAxis(dZ, 1))
		dA = Dot(d.W[l].T(), dZ)
		d.W[l] = Sub(d.W[l], Scale(learningRate, dW))
		d.B[l] = Sub(d.B[l], Scale(learningRate, db))
	}
	return cost
}

// BenchmarkDemoIteration is one iteration of the demo's training, forward,
// cost, backward and update, on the path Kernel() names.
func BenchmarkDemoIteration(b *testing.B) {
	d := newDemoNet()
	b.ReportAllocs()
	for b.Loop() {
		d.iterate(0.0075)
	}
}

// BenchmarkDemoOps times each element-wise operation of the demo's
// iteration at its shapes, so that a change to one loop shows on its own.
func BenchmarkDemoOps(b *testing.B) {
	rs := NewRandomState(4)
	z, b1 := rs.Randn(20, demoM), rs.Randn(20, 1)
	y, al := rs.Rand(1, demoM), rs.Rand(1, demoM)
	w, x := rs.Randn(20, 2), rs.Randn(2, demoM)
	w2, a1, dz2 := rs.Randn(7, 20), rs.Randn(20, demoM), rs.Randn(7, demoM)
	relu := func(da, z float64) float64 {
		if z > 0 {
			return da
		}
		return 0
	}
	ops := []struct {
		name string
		f    func()
	}{
		{"Add(20,400)+(20,1)", func() { Add(z, b1) }},
		{"Mul(20,400)*(20,400)", func() { Mul(z, z) }},
		{"Sub(1,1)-(1,400)", func() { Sub(Scalar(1), al) }},
		{"Div(1,400)/(1,400)", func() { Div(y, al) }},
		{"Scale(20,400)", func() { Scale(0.5, z) }},
		{"Scale(20,2)", func() { Scale(0.5, w) }},
		{"Maximum(20,400)", func() { Maximum(z, 0) }},
		{"Binary(20,400)", func() { Binary(z, z, relu) }},
		{"Log(1,400)", func() { Log(al) }},
		{"SumAxis1(20,400)", func() { SumAxis(z, 1) }},
		{"SumAxis0(20,400)", func() { SumAxis(z, 0) }},
		{"Sum(1,400)", func() { Sum(al) }},
		{"Dot(20,2)(2,400)", func() { Dot(w, x) }},
		{"Dot(7,20)(20,400)", func() { Dot(w2, a1) }},
		{"Dot(7,400)(20,400).T", func() { Dot(dz2, a1.T()) }},
		{"Dot(7,20).T(7,400)", func() { Dot(w2.T(), dz2) }},
	}
	for _, op := range ops {
		b.Run(op.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				op.f()
			}
		})
	}
}
