package fast

import "math"

// The element-wise work of an iteration, one pass over a matrix each, with
// what the plain training does in several operations fused into the pass.
// Matrices are (n, m) row-major slices; b is (n).

// biasRelu sets Z (n, m) to relu(Z + b) in place, b broadcast along the
// rows: max(0, z) as np.maximum computes it, NaN staying NaN.
func biasRelu(Z, b []float64, m int) {
	for i, bi := range b {
		row := Z[i*m : (i+1)*m]
		for j, z := range row {
			z += bi
			if !(z > 0 || z != z) {
				z = 0
			}
			row[j] = z
		}
	}
}

// biasSigmoid sets Z (n, m) to sigmoid(Z + b) = 1/(1+exp(-(Z + b))) in
// place. It returns false if some result is 0, 1 or NaN: then the cost of
// 0/1 labels, which takes log(a) and log(1-a), is not a finite number.
func biasSigmoid(Z, b []float64, m int) (finite bool) {
	finite = true
	for i, bi := range b {
		row := Z[i*m : (i+1)*m]
		for j, z := range row {
			a := 1 / (1 + math.Exp(-(z + bi)))
			row[j] = a
			finite = finite && a != 0 && a != 1 && a == a
		}
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

// reluBackward turns dA (n, m), in place, into dZ = dA where A > 0 and 0
// elsewhere (A = relu(Z) is positive exactly where Z is), and takes the
// step of gradient descent b ← b - lr·(1/m)·(row sums of dZ).
func reluBackward(dA, A, b []float64, m int, lr, invm float64) {
	for i := range b {
		row, act := dA[i*m:(i+1)*m], A[i*m:(i+1)*m]
		var s float64
		for j, a := range act {
			if a > 0 {
				s += row[j]
			} else {
				row[j] = 0
			}
		}
		b[i] -= lr * (invm * s)
	}
}

// descend takes a step of gradient descent on W, from the gradient before
// its scaling by 1/m: W ← W - lr·(1/m)·dW.
func descend(W, dW []float64, lr, invm float64) {
	dW = dW[:len(W)]
	for i, d := range dW {
		W[i] -= lr * (invm * d)
	}
}
