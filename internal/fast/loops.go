package fast

import "math"

// The element-wise work of an iteration, one pass over a matrix each, with
// what the plain training does in several operations fused into the pass.
// The course's (n, m) matrices are kept transposed, (m, n) row-major: one
// row per example; b is (n). Rows are short (a few units), so the loops over
// the examples take two at a time, which saves about 7% of an iteration of
// the demo. The relu layers' loops also have SIMD versions, which compute
// the same bits (reluloops.go); these are their reference.

// biasReluGo sets ZT (m, n) to relu(ZT + bᵀ) in place, b being (n): max(0,
// z) as np.maximum computes it, NaN staying NaN. Go's max has no branch to
// mispredict on the signs, which are as often + as -.
func biasReluGo(ZT, b []float64) {
	n := len(b)
	t := 0
	for ; t+2*n <= len(ZT); t += 2 * n { // two examples at a time
		r0, r1 := ZT[t:t+n], ZT[t+n:t+2*n]
		for j, bj := range b {
			r0[j] = max(r0[j]+bj, 0)
			r1[j] = max(r1[j]+bj, 0)
		}
	}
	if t < len(ZT) {
		row := ZT[t : t+n]
		for j, bj := range b {
			row[j] = max(row[j]+bj, 0)
		}
	}
}

// biasSigmoid sets the output layer's Z (m) to sigmoid(Z + b) =
// 1/(1+exp(-(Z + b))) in place. It returns false if some result is 0, 1 or
// NaN: then the cost of 0/1 labels, which takes log(a) and log(1-a), is not
// a finite number.
func biasSigmoid(Z []float64, b float64) (finite bool) {
	finite = true
	for j, z := range Z {
		a := 1 / (1 + math.Exp(-(z + b)))
		Z[j] = a
		finite = finite && a != 0 && a != 1 && a == a
	}
	return finite
}

// cost returns the cross-entropy cost of AL (m) against Y (m), as the
// course computes it: -(1/m)·Σ (y·log(a) + (1-y)·log(1-a)).
func cost(AL, Y []float64) float64 {
	var s float64
	for j, a := range AL {
		y := Y[j]
		s += y*math.Log(a) + (1-y)*math.Log(1-a)
	}
	return -s / float64(len(AL))
}

// outputDZ sets dZ (m) = AL - Y, the gradient of the cost with respect to
// the output layer's Z for a sigmoid and the cross-entropy cost: the
// course's dAL = -(Y/AL - (1-Y)/(1-AL)) times sigmoid'(Z) = AL·(1-AL). It
// also takes the output unit's step of gradient descent,
// b ← b - lr·(1/m)·Σ dZ (b has one element).
func outputDZ(dZ, AL, Y, b []float64, lr, invm float64) {
	var s float64
	for j, a := range AL {
		d := a - Y[j]
		dZ[j] = d
		s += d
	}
	b[0] -= lr * (invm * s)
}

// reluBackwardGo turns dAT (m, n), in place, into dZᵀ: dA where A > 0 and
// 0 elsewhere (A = relu(Z) is positive exactly where Z is), AT being
// (m, n); and sets sum (n) to the sums of dZ over the examples, db before
// its scaling by 1/m, adding the examples in order as the plain training
// does.
func reluBackwardGo(dAT, AT, sum []float64) {
	n := len(sum)
	clear(sum)
	t := 0
	for ; t+2*n <= len(dAT); t += 2 * n { // two examples at a time
		d0, a0, d1, a1 := dAT[t:t+n], AT[t:t+n], dAT[t+n:t+2*n], AT[t+n:t+2*n]
		for j := range sum {
			sum[j] = sum[j] + relu1(d0, a0, j) + relu1(d1, a1, j)
		}
	}
	if t < len(dAT) {
		d0, a0 := dAT[t:t+n], AT[t:t+n]
		for j := range sum {
			sum[j] += relu1(d0, a0, j)
		}
	}
}

// relu1 turns dA[j] into dZ[j]: dA[j] where A[j] > 0, else 0; and returns
// it. The zero is chosen without a branch, which would be
// mispredicted half of the time: a conditional move of the bits.
func relu1(dA, A []float64, j int) float64 {
	u := math.Float64bits(dA[j])
	if !(A[j] > 0) {
		u = 0
	}
	d := math.Float64frombits(u)
	dA[j] = d
	return d
}

// descend takes a step of gradient descent on W, from the gradient before
// its scaling by 1/m: W ← W - lr·(1/m)·dW. W may be b, and dW the sums of
// dZ over the examples.
func descend(W, dW []float64, lr, invm float64) {
	dW = dW[:len(W)]
	for i, d := range dW {
		W[i] -= lr * (invm * d)
	}
}

// descendBoth is descend on Wᵀ (r, c), from dWᵀ, that also writes the new
// values into W (c, r).
func descendBoth(WT, W, dWT []float64, r int, lr, invm float64) {
	c := len(WT) / r
	for i := 0; i < r; i++ {
		for j, d := range dWT[i*c : (i+1)*c] {
			w := WT[i*c+j] - lr*(invm*d)
			WT[i*c+j] = w
			W[j*r+i] = w
		}
	}
}
