package testutil

import (
	"dnn/internal/testutil/course"
	"math"
	"strconv"
	"strings"
	"testing"

	"dnn/matrix"
)

// mistake is one of the mistakes learners make (the table of the course's
// learner-mistakes.md, and a few more): run computes what the function
// returns with the mistake, on a fixture of the step's table test, and the
// failure message must say says.
type mistake struct {
	step, fixture, call string
	name                string // the mistake, in numpy terms
	run                 func(in Outputs) (Outputs, error)
	says                string
}

// The course's formulas, from which each mistake departs.

func sigmoid(Z *matrix.Dense) *matrix.Dense {
	return matrix.Apply(Z, func(z float64) float64 { return 1 / (1 + math.Exp(-z)) })
}

func relu(Z *matrix.Dense) *matrix.Dense { return matrix.Maximum(Z, 0) }

func examples(A *matrix.Dense) float64 { _, m := A.Dims(); return float64(m) }

// linearBackward is the course's linear_backward, with a mistake in dW, db
// or dA_prev when the corresponding function is given.
func linearBackward(dZ, APrev, W *matrix.Dense) (dAPrev, dW, db *matrix.Dense) {
	m := examples(APrev)
	return matrix.Dot(W.T(), dZ), matrix.Scale(1/m, matrix.Dot(dZ, APrev.T())), matrix.Scale(1/m, matrix.SumAxis(dZ, 1))
}

func reluBackward(dA, Z *matrix.Dense) *matrix.Dense {
	return where(dA, Z, func(z float64) bool { return z > 0 })
}

// where returns dA where keep(Z), and 0 elsewhere.
func where(dA, Z *matrix.Dense, keep func(z float64) bool) *matrix.Dense {
	r, c := dA.Dims()
	dZ := matrix.Zeros(r, c)
	for i := 0; i < r; i++ {
		for j := 0; j < c; j++ {
			if keep(Z.At(i, j)) {
				dZ.Set(i, j, dA.At(i, j))
			}
		}
	}
	return dZ
}

func sigmoidBackward(dA, Z *matrix.Dense) *matrix.Dense {
	s := sigmoid(Z)
	return matrix.Mul(matrix.Mul(dA, s), matrix.Sub(matrix.Scalar(1), s))
}

// initDeep draws W[l] (shape (rows, cols) of n[l], n[l-1]) scaled by scale,
// and b[l] from bias, for the layers l = 1..last, as initialize_parameters_deep
// does.
func initDeep(in Outputs, last func(L int) int, shape func(n, nPrev int) (int, int),
	scale func(W *matrix.Dense, nPrev int) *matrix.Dense, bias func(rs *matrix.RandomState, n int) *matrix.Dense) Outputs {
	rs := matrix.NewRandomState(uint32(in.Int("seed")))
	dims := in.Ints("layer_dims")
	out := Outputs{}
	for l := 1; l <= last(len(dims)-1); l++ {
		r, c := shape(dims[l], dims[l-1])
		out["W"+strconv.Itoa(l)] = scale(rs.Randn(r, c), dims[l-1])
		out["b"+strconv.Itoa(l)] = bias(rs, dims[l])
	}
	return out
}

func allLayers(L int) int                              { return L }
func rightShape(n, nPrev int) (int, int)               { return n, nPrev }
func times001(W *matrix.Dense, _ int) *matrix.Dense    { return matrix.Scale(0.01, W) }
func zeros(_ *matrix.RandomState, n int) *matrix.Dense { return matrix.Zeros(n, 1) }

// forward is L_model_forward with the activations given per layer.
func forward(in Outputs, L int, g func(l int, Z *matrix.Dense) *matrix.Dense) Outputs {
	A := in["X"]
	out := Outputs{"len(caches)": matrix.Scalar(float64(L))}
	for l := 1; l <= L; l++ {
		W, b := in["W"+strconv.Itoa(l)], in["b"+strconv.Itoa(l)]
		Z := matrix.Add(matrix.Dot(W, A), b)
		p := "caches[" + strconv.Itoa(l-1) + "]."
		out[p+"Linear.APrev"], out[p+"Linear.W"], out[p+"Linear.B"], out[p+"Activation.Z"] = A, W, b, Z
		A = g(l, Z)
	}
	out["AL"] = A
	return out
}

// want returns the fixture's expected outputs, as a correct call gives them.
func want(step, fixture string) Outputs {
	fx, _ := course.Find(step, fixture)
	out := Outputs{}
	for _, w := range fx.Want {
		out[w.Name] = w.Matrix()
	}
	return out
}

// lModelBackward is L_model_backward on the course's drawn caches, with
// dAL given and the layer l's dA[l-1] stored at the index store(l).
func lModelBackward(in Outputs, dAL *matrix.Dense, store func(l int) int) Outputs {
	out := Outputs{}
	dA := dAL
	for l := 2; l >= 1; l-- {
		n := strconv.Itoa(l)
		var dZ *matrix.Dense
		if l == 2 {
			dZ = sigmoidBackward(dA, in["Z"+n])
		} else {
			dZ = reluBackward(dA, in["Z"+n])
		}
		var dAPrev *matrix.Dense
		dAPrev, out["dW"+n], out["db"+n] = linearBackward(dZ, in["A"+n], in["W"+n])
		out["dA"+strconv.Itoa(store(l))] = dAPrev
		dA = dAPrev
	}
	return out
}

func dALOf(in Outputs) *matrix.Dense {
	AL, Y, one := in["AL"], in["Y"], matrix.Scalar(1)
	return matrix.Scale(-1, matrix.Sub(matrix.Div(Y, AL), matrix.Div(matrix.Sub(one, Y), matrix.Sub(one, AL))))
}

var mistakes = []mistake{
	// Step 1.
	{"step01_init", "initialize_parameters_deep", "InitializeParametersDeep(rs, layerDims)", "W without the ×0.01",
		func(in Outputs) (Outputs, error) {
			return initDeep(in, allLayers, rightShape, func(W *matrix.Dense, _ int) *matrix.Dense { return W }, zeros), nil
		},
		"W1 is exactly 100 times the expected value: did you forget the ×0.01?"},
	{"step01_init", "initialize_parameters_deep", "InitializeParametersDeep(rs, layerDims)", "W of shape (n[l-1], n[l])",
		func(in Outputs) (Outputs, error) {
			return initDeep(in, allLayers, func(n, nPrev int) (int, int) { return nPrev, n }, times001, zeros), nil
		},
		"W1 has shape (5,4), want (4,5): transposed; W[l] is (n[l], n[l-1])"},
	{"step01_init", "initialize_parameters_deep", "InitializeParametersDeep(rs, layerDims)", "b random instead of zeros",
		func(in Outputs) (Outputs, error) {
			return initDeep(in, allLayers, rightShape, times001, func(rs *matrix.RandomState, n int) *matrix.Dense {
				return matrix.Scale(0.01, rs.Randn(n, 1))
			}), nil
		},
		"b1 is not all zeros"},
	{"step01_init", "initialize_parameters_deep", "InitializeParametersDeep(rs, layerDims)", "b of shape (1, n[l])",
		func(in Outputs) (Outputs, error) {
			return initDeep(in, allLayers, rightShape, times001, func(_ *matrix.RandomState, n int) *matrix.Dense { return matrix.Zeros(1, n) }), nil
		},
		"b1 has shape (1,4), want (4,1): transposed; b[l] is a column (n[l], 1)"},
	{"step01_init", "initialize_parameters_deep, 4 layers", "InitializeParametersDeep(rs, layerDims)", "the loop ends one layer early",
		func(in Outputs) (Outputs, error) {
			return initDeep(in, func(L int) int { return L - 1 }, rightShape, times001, zeros), nil
		},
		"no W4 in the result: is a layer missing?"},
	{"step01_init", "initialize_parameters_deep (application)", "InitializeParametersDeepApp(rs, layerDims)", "×0.01 instead of ÷√n[l-1]",
		func(in Outputs) (Outputs, error) { return initDeep(in, allLayers, rightShape, times001, zeros), nil },
		"W1 is 0.01·√n[l-1] times the expected value"},
	{"step01_init", "initialize_parameters_deep", "InitializeParametersDeep(rs, layerDims)", "÷√n[l-1] instead of ×0.01",
		func(in Outputs) (Outputs, error) {
			return initDeep(in, allLayers, rightShape, func(W *matrix.Dense, nPrev int) *matrix.Dense {
				return matrix.Scale(1/math.Sqrt(float64(nPrev)), W)
			}, zeros), nil
		},
		"W1 is 100/√n[l-1] times the expected value"},

	// Step 2.
	{"step02_forward", "linear_forward, b of shape (3,1)", "LinearForward(A_prev, W, b)", "forgetting + b",
		func(in Outputs) (Outputs, error) {
			return Outputs{"Z": matrix.Dot(in["W"], in["A_prev"]), "cache.APrev": in["A_prev"], "cache.W": in["W"], "cache.B": in["b"]}, nil
		},
		"Z is off by exactly -b: did you forget + b?"},
	{"step02_forward", "linear_forward, b of shape (3,1)", "LinearForward(A_prev, W, b)", "b added as a row",
		func(in Outputs) (Outputs, error) {
			return Outputs{"Z": matrix.Add(matrix.Dot(in["W"], in["A_prev"]), in["b"].T())}, nil
		},
		"LinearForward panicked: matrix: Add: operands could not be broadcast together with shapes (3,2) (1,3)"},
	{"step02_forward", "linear_forward", "LinearForward(A_prev, W, b)", "np.dot(W.T, A)",
		func(in Outputs) (Outputs, error) {
			return Outputs{"Z": matrix.Add(matrix.Dot(in["W"].T(), in["A_prev"]), in["b"])}, nil
		},
		"LinearForward panicked: matrix: Dot: shapes (3,1) and (3,2) not aligned"},
	{"step02_forward", "linear_forward, b of shape (3,1)", "LinearForward(A_prev, W, b)", "np.dot(A, W)",
		func(in Outputs) (Outputs, error) {
			return Outputs{"Z": matrix.Add(matrix.Dot(in["A_prev"], in["W"]), in["b"])}, nil
		},
		"LinearForward panicked: matrix: Dot: shapes (4,2) and (3,4) not aligned"},
	{"step02_forward", "linear_forward", "LinearForward(A_prev, W, b)", "the cache holds Z instead of A_prev",
		func(in Outputs) (Outputs, error) {
			Z := matrix.Add(matrix.Dot(in["W"], in["A_prev"]), in["b"])
			return Outputs{"Z": Z, "cache.APrev": Z, "cache.W": in["W"], "cache.B": in["b"]}, nil
		},
		"cache.APrev has shape (1,2), want (3,2): the shape of Z (the linear cache holds the arguments A_prev, W and b)"},
	{"step02_forward", "linear_activation_forward", "LinearActivationForward(A_prev, W, b, activation)", "relu and sigmoid swapped",
		func(in Outputs) (Outputs, error) {
			Z := matrix.Add(matrix.Dot(in["W"], in["A_prev"]), in["b"])
			return Outputs{"sigmoid: A": relu(Z), "relu: A": sigmoid(Z)}, nil
		},
		"sigmoid: A holds what relu: A should hold: relu and sigmoid swapped?"},
	{"step02_forward", "L_model_forward", "LModelForward(X, parameters)", "relu for the last layer",
		func(in Outputs) (Outputs, error) {
			return forward(in, 3, func(_ int, Z *matrix.Dense) *matrix.Dense { return relu(Z) }), nil
		},
		"AL has values outside (0, 1), e.g. 0 at (0,0): a sigmoid's output lies strictly between 0 and 1"},
	{"step02_forward", "L_model_forward", "LModelForward(X, parameters)", "sigmoid for every layer",
		func(in Outputs) (Outputs, error) {
			return forward(in, 3, func(_ int, Z *matrix.Dense) *matrix.Dense { return sigmoid(Z) }), nil
		},
		"caches[1].Linear.APrev lies entirely within (0, 1), like a sigmoid's output: ReLU is expected here"},
	{"step02_forward", "L_model_forward", "LModelForward(X, parameters)", "the linear cache holds Z instead of A_prev",
		func(in Outputs) (Outputs, error) {
			out := forward(in, 3, func(l int, Z *matrix.Dense) *matrix.Dense {
				if l == 3 {
					return sigmoid(Z)
				}
				return relu(Z)
			})
			out["caches[1].Linear.APrev"] = out["caches[0].Activation.Z"]
			return out, nil
		},
		"caches[1].Linear.APrev holds what caches[0].Activation.Z should hold"},
	{"step02_forward", "sigmoid", "Sigmoid(Z)", "1/(1+exp(z))",
		func(in Outputs) (Outputs, error) {
			return Outputs{"A": matrix.Apply(in["Z"], func(z float64) float64 { return 1 / (1 + math.Exp(z)) }), "cache.Z": in["Z"]}, nil
		},
		"A is 1 - the expected value"},
	{"step02_forward", "relu", "Relu(Z)", "max(Z, 0) written as min",
		func(in Outputs) (Outputs, error) {
			return Outputs{"A": matrix.Apply(in["Z"], func(z float64) float64 { return math.Min(z, 0) }), "cache.Z": in["Z"]}, nil
		},
		"A has negative values, e.g. -2 at (0,0): ReLU's output is never negative"},

	// Step 3.
	{"step03_cost", "compute_cost", "ComputeCost(AL, Y)", "missing minus sign",
		func(in Outputs) (Outputs, error) { return cost(in, -1, true, true, false), nil },
		"cost has the wrong sign"},
	{"step03_cost", "compute_cost", "ComputeCost(AL, Y)", "not dividing by m",
		func(in Outputs) (Outputs, error) { return cost(in, 3, true, true, false), nil },
		"cost is exactly m = 3 times the expected value: did you forget the 1/m?"},
	{"step03_cost", "compute_cost", "ComputeCost(AL, Y)", "dividing by m twice",
		func(in Outputs) (Outputs, error) { return cost(in, 1.0/3, true, true, false), nil },
		"cost is exactly 1/m = 1/3 of the expected value: did you divide by m twice?"},
	{"step03_cost", "compute_cost", "ComputeCost(AL, Y)", "log(1-Y) instead of log(1-AL)",
		func(in Outputs) (Outputs, error) { return cost(in, 1, true, true, true), nil },
		"cost holds NaN"},
	{"step03_cost", "compute_cost", "ComputeCost(AL, Y)", "forgetting the (1-Y)·log(1-AL) term",
		func(in Outputs) (Outputs, error) { return cost(in, 1, true, false, false), nil },
		"cost equals -(1/m)·Σ Y·log(AL): the (1-Y)·log(1-AL) term is missing"},

	// Step 4.
	{"step04_backward", "linear_backward", "LinearBackward(dZ, cache)", "dW without 1/m",
		func(in Outputs) (Outputs, error) {
			dAPrev, _, db := linearBackward(in["dZ"], in["A_prev"], in["W"])
			return Outputs{"dA_prev": dAPrev, "dW": matrix.Dot(in["dZ"], in["A_prev"].T()), "db": db}, nil
		},
		"dW is exactly m = 4 times the expected value: did you forget the 1/m?"},
	{"step04_backward", "linear_backward", "LinearBackward(dZ, cache)", "db summed over axis 0",
		func(in Outputs) (Outputs, error) {
			dAPrev, dW, _ := linearBackward(in["dZ"], in["A_prev"], in["W"])
			return Outputs{"dA_prev": dAPrev, "dW": dW, "db": matrix.Scale(0.25, matrix.SumAxis(in["dZ"], 0))}, nil
		},
		"db has shape (1,4), want (3,1): you summed over axis 0; the course sums each row (axis=1, keepdims=True)"},
	{"step04_backward", "linear_backward", "LinearBackward(dZ, cache)", "db without 1/m",
		func(in Outputs) (Outputs, error) {
			dAPrev, dW, _ := linearBackward(in["dZ"], in["A_prev"], in["W"])
			return Outputs{"dA_prev": dAPrev, "dW": dW, "db": matrix.SumAxis(in["dZ"], 1)}, nil
		},
		"db is exactly m = 4 times the expected value: did you forget the 1/m?"},
	{"step04_backward", "linear_backward", "LinearBackward(dZ, cache)", "dA_prev = W·dZ (no transpose)",
		func(in Outputs) (Outputs, error) {
			_, dW, db := linearBackward(in["dZ"], in["A_prev"], in["W"])
			return Outputs{"dA_prev": matrix.Dot(in["W"], in["dZ"]), "dW": dW, "db": db}, nil
		},
		"LinearBackward panicked: matrix: Dot: shapes (3,5) and (3,4) not aligned"},
	{"step04_backward", "relu_backward", "ReluBackward(dA, cache)", "returns dA unchanged",
		func(in Outputs) (Outputs, error) { return Outputs{"dZ": in["dA"]}, nil },
		"dZ equals the argument dA, unchanged"},
	{"step04_backward", "relu_backward", "ReluBackward(dA, cache)", "writes into dA",
		func(in Outputs) (Outputs, error) {
			dA, Z := in["dA"], in["Z"]
			r, c := dA.Dims()
			for i := 0; i < r; i++ {
				for j := 0; j < c; j++ {
					if Z.At(i, j) <= 0 {
						dA.Set(i, j, 0)
					}
				}
			}
			return Outputs{"dZ": dA}, nil
		},
		"ReluBackward(dA, cache) changed its argument dA (at (0,0) it was 1, now 0)"},
	{"step04_backward", "relu_backward", "ReluBackward(dA, cache)", "dA where Z >= 0",
		func(in Outputs) (Outputs, error) {
			return Outputs{"dZ": where(in["dA"], in["Z"], func(z float64) bool { return z >= 0 })}, nil
		},
		"dZ differs from the expected value (dZ = dA where Z > 0, and 0 where Z <= 0)"},
	{"step04_backward", "sigmoid_backward", "SigmoidBackward(dA, cache)", "dA·s instead of dA·s·(1-s)",
		func(in Outputs) (Outputs, error) { return Outputs{"dZ": matrix.Mul(in["dA"], sigmoid(in["Z"]))}, nil },
		"dZ is the expected value ÷ (1-s): the factor (1-s) is missing (sigmoid'(z) = s·(1-s))"},
	{"step04_backward", "linear_activation_backward", "LinearActivationBackward(dA, cache, activation)", "relu and sigmoid backward swapped",
		func(in Outputs) (Outputs, error) {
			out := Outputs{}
			for name, dZ := range map[string]*matrix.Dense{"relu: ": sigmoidBackward(in["dA"], in["Z"]), "sigmoid: ": reluBackward(in["dA"], in["Z"])} {
				out[name+"dA_prev"], out[name+"dW"], out[name+"db"] = linearBackward(dZ, in["A_prev"], in["W"])
			}
			return out, nil
		},
		"sigmoid: dA_prev holds what relu: dA_prev should hold: relu and sigmoid swapped?"},
	{"step04_backward", "L_model_backward", "LModelBackward(AL, Y, caches)", "dAL with the wrong sign",
		func(in Outputs) (Outputs, error) {
			return lModelBackward(in, matrix.Scale(-1, dALOf(in)), func(l int) int { return l - 1 }), nil
		},
		"dA1 has the wrong sign"},
	{"step04_backward", "L_model_backward", "LModelBackward(AL, Y, caches)", "layers indexed off by one",
		func(in Outputs) (Outputs, error) {
			return lModelBackward(in, dALOf(in), func(l int) int { return l }), nil
		},
		"dA1 has shape (4,2), want (3,2): the shape of dA0: are the layer numbers off by one?"},

	// Step 5.
	{"step05_update", "update_parameters", "UpdateParameters(p, grads, 0.1)", "+ instead of -",
		func(in Outputs) (Outputs, error) { return update(in, 0.1, false), nil },
		"W1 is off by exactly 2α·dW1: did you add α·dW1 instead of subtracting it?"},
	{"step05_update", "update_parameters", "UpdateParameters(p, grads, 0.1)", "b not updated",
		func(in Outputs) (Outputs, error) {
			out := update(in, -0.1, false)
			out["b1"], out["b2"] = in["b1"], in["b2"]
			return out, nil
		},
		"b1 equals the argument b1, unchanged"},
	{"step05_update", "update_parameters", "UpdateParameters(p, grads, 0.1)", "changes the caller's matrices in place",
		func(in Outputs) (Outputs, error) { return update(in, -0.1, true), nil },
		"UpdateParameters(p, grads, 0.1) changed its argument W1"},
	{"step05_update", "update_parameters", "UpdateParameters(p, grads, 0.1)", "puts the new matrices in the caller's p",
		func(in Outputs) (Outputs, error) {
			out := update(in, -0.1, false)
			out["p after the call: W1"] = out["W1"]
			return out, nil
		},
		"p after the call: W1 holds what W1 should hold (UpdateParameters must leave the caller's p as it was"},

	// Step 6.
	{"step06_model", "train", "Train(X, Y, p, opts)", "updated parameters not fed back",
		func(in Outputs) (Outputs, error) {
			out := want("step06_model", "train")
			for _, it := range []string{"100", "200", "249"} {
				out["cost after iteration "+it] = out["cost after iteration 0"]
			}
			return out, nil
		},
		"the cost stays at 0.752218 from iteration 0 to 249 (want 0.139491 at 249): are the updated parameters used in the next iteration?"},
	{"step06_model", "train", "Train(X, Y, p, opts)", "cost not recorded at the last iteration",
		func(in Outputs) (Outputs, error) {
			out := want("step06_model", "train")
			delete(out, "cost after iteration 249")
			out["recorded iterations"] = matrix.FromRows([][]float64{{0, 100, 200}})
			return out, nil
		},
		"no cost after iteration 249 in the result (Train keeps the cost every 100 iterations and at the last one)"},
	{"step06_model", "train", "Train(X, Y, p, opts)", "a mistake of steps 3-5 that makes the cost rise",
		func(in Outputs) (Outputs, error) {
			out := want("step06_model", "train")
			out["cost after iteration 100"] = matrix.Scalar(0.9)
			return out, nil
		},
		"the cost rose from 0.752218 at iteration 0 to 0.900000 at iteration 100 at α = 0.1, where gradient descent lowers it: check steps 3-5 first"},
	{"step06_model", "L_layer_model 10,5,6,1, 2 iterations", "LLayerModel(X, Y, layerDims, opts)", "the step-by-step init (×0.01) instead of the application's",
		func(in Outputs) (Outputs, error) {
			// The cost at iteration 0 of parameters drawn as the
			// step-by-step assignment draws them, seeded with 1.
			p := initDeep(Outputs{"seed": matrix.Scalar(1), "layer_dims": in["layer_dims"]}, allLayers, rightShape, times001, zeros)
			p["X"] = in["X"]
			AL := forward(p, 3, func(l int, Z *matrix.Dense) *matrix.Dense {
				if l == 3 {
					return sigmoid(Z)
				}
				return relu(Z)
			})["AL"]
			return Outputs{"cost after iteration 0": cost(Outputs{"AL": AL, "Y": in["Y"]}, 1, true, true, false)["cost"]}, nil
		},
		"the cost at iteration 0 is 0.693146 ≈ ln 2, want 0.644687: every probability starts near 0.5"},
	{"step06_model", "predict, probabilities around 0.5", "Predict(X, parameters)", "returns probabilities instead of 0/1",
		func(in Outputs) (Outputs, error) {
			return Outputs{"predictions": sigmoid(matrix.Add(matrix.Dot(in["W1"], in["X"]), in["b1"]))}, nil
		},
		"predictions holds 0.731059 at (0,0), but a prediction is 0 or 1: did you return the probabilities?"},
	{"step06_model", "predict, probabilities around 0.5", "Predict(X, parameters)", "1 from a probability of 0.5 on",
		func(in Outputs) (Outputs, error) {
			AL := sigmoid(matrix.Add(matrix.Dot(in["W1"], in["X"]), in["b1"]))
			return Outputs{"predictions": matrix.Apply(AL, func(a float64) float64 {
				if a >= 0.5 {
					return 1
				}
				return 0
			})}, nil
		},
		"first difference at (0,2): got 1, want 0"},
}

// cost is compute_cost times k, with or without each of its two terms, and
// log(1-Y) for log(1-AL) if wrongLog.
func cost(in Outputs, k float64, positive, negative, wrongLog bool) Outputs {
	AL, Y, one := in["AL"], in["Y"], matrix.Scalar(1)
	sum := matrix.Zeros(1, 1)
	if positive {
		sum = matrix.Add(sum, matrix.Mul(Y, matrix.Log(AL)))
	}
	if negative {
		other := matrix.Sub(one, AL)
		if wrongLog {
			other = matrix.Sub(one, Y)
		}
		sum = matrix.Add(sum, matrix.Mul(matrix.Sub(one, Y), matrix.Log(other)))
	}
	return Outputs{"cost": matrix.Scalar(-k * matrix.Sum(sum) / examples(Y))}
}

// update is update_parameters with W + sign·α·dW, writing into the caller's
// matrices if inPlace.
func update(in Outputs, signedRate float64, inPlace bool) Outputs {
	out := Outputs{}
	for l := 1; l <= 2; l++ {
		for _, name := range []string{"W", "b"} {
			n := name + strconv.Itoa(l)
			next := matrix.Add(in[n], matrix.Scale(signedRate, in["d"+n]))
			out[n], out["p after the call: "+n] = next, in[n]
			if inPlace {
				r, c := next.Dims()
				for i := 0; i < r; i++ {
					for j := 0; j < c; j++ {
						in[n].Set(i, j, next.At(i, j))
					}
				}
				out[n] = in[n]
			}
		}
	}
	return out
}

// TestMistakes injects the numbers of each mistake into the checks of its
// step's table test, and requires the failure message to name the mistake.
func TestMistakes(t *testing.T) {
	for _, tt := range mistakes {
		t.Run(tt.step+"/"+tt.name, func(t *testing.T) {
			fx, ok := course.Find(tt.step, tt.fixture)
			if !ok {
				t.Fatalf("no fixture %q for %s", tt.fixture, tt.step)
			}
			r := Run(tt.step, fx, Case{Fixture: tt.fixture, Call: tt.call, Run: tt.run})
			if strings.Contains(r.Panic, NotImplemented) {
				t.Skip(r.Panic)
			}
			msgs := append([]string{r.Panic}, r.Failures...)
			for _, msg := range msgs {
				if strings.Contains(msg, tt.says) {
					return
				}
			}
			t.Errorf("%s with the mistake %q: no message says %q; got:\n%s", tt.call, tt.name, tt.says, strings.Join(msgs, "\n"))
		})
	}
}
