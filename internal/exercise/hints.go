package exercise

// Tiers are the hints of one function, from the idea to the answer. Tier 1
// is the "Hint:" sentence of the function's doc comment (Idea when it has
// none), tiers 2 to 4 are below, and the last tier is the reference's own
// Go code, read from the reference kept at exercise start. No tier before
// the last holds the Go answer; Skeleton compiles in place of the body.
type Tiers struct {
	Idea      string // the idea, when the doc comment has no "Hint:" sentence
	Formula   string // the formula, with the shapes
	Functions string // the matrix functions to use, beside numpy's
	Skeleton  string // a body that compiles: the structure, without the formulas
}

// Hints are the tiers of every function the learner writes, by
// "step.Func".
var Hints = map[string]Tiers{
	"step01_init.InitializeParameters": {
		Idea: "two layers, each with random weights scaled down by 0.01 and zero biases; W1 is drawn before W2.",
		Formula: `W1 = randn(nh, nx) · 0.01    (nh, nx)
b1 = zeros                   (nh, 1)
W2 = randn(ny, nh) · 0.01    (ny, nh)
b2 = zeros                   (ny, 1)
Draw W1 before W2, or the numbers come out in another order than the course's.`,
		Functions: `numpy                          Go
np.random.randn(rows, cols)    rs.Randn(rows, cols)
x * 0.01                       matrix.Scale(0.01, x)
np.zeros((rows, 1))            matrix.Zeros(rows, 1)
Entry 0 of p.W and p.B is unused (nil): p.W[1] is W1.`,
		Skeleton: `{
	// Draw W1 (nh, nx) first, then W2 (ny, nh), each times 0.01.
	var W1, W2 *matrix.Dense
	// The biases are zeros, one column each: b1 (nh, 1), b2 (ny, 1).
	var b1, b2 *matrix.Dense
	return Parameters{W: []*matrix.Dense{nil, W1, W2}, B: []*matrix.Dense{nil, b1, b2}}
}`,
	},
	"step01_init.InitializeParametersDeep": {
		Idea: "one pair W[l], b[l] per layer l = 1..L, in layer order: random weights times 0.01, zero biases.",
		Formula: `for l = 1..L, in this order:
  W[l] = randn(n[l], n[l-1]) · 0.01    (n[l], n[l-1])
  b[l] = zeros                         (n[l], 1)
layerDims holds n[0], ..., n[L]: L is len(layerDims) - 1.`,
		Functions: `numpy                                        Go
np.random.randn(rows, cols)                  rs.Randn(rows, cols)
x * 0.01                                     matrix.Scale(0.01, x)
np.zeros((rows, 1))                          matrix.Zeros(rows, 1)
parameters['W' + str(l)]                     p.W[l] (p.W and p.B have L+1 entries, entry 0 unused)`,
		Skeleton: `{
	L := len(layerDims) - 1 // the number of layers, the input layer not counted
	p := Parameters{W: make([]*matrix.Dense, L+1), B: make([]*matrix.Dense, L+1)}
	for l := 1; l <= L; l++ {
		// p.W[l]: (n[l], n[l-1]) random numbers, times 0.01
		// p.B[l]: (n[l], 1) zeros
	}
	return p
}`,
	},
	"step01_init.InitializeParametersDeepApp": {
		Idea: "as InitializeParametersDeep, but each W[l] is divided by the square root of the previous layer's size instead of multiplied by 0.01.",
		Formula: `for l = 1..L, in this order:
  W[l] = randn(n[l], n[l-1]) / √n[l-1]    (n[l], n[l-1])
  b[l] = zeros                            (n[l], 1)`,
		Functions: `numpy                                  Go
np.random.randn(rows, cols)            rs.Randn(rows, cols)
np.sqrt(n)                             math.Sqrt(float64(n))
x / v, v a number                      matrix.Div(x, matrix.Scalar(v))
np.zeros((rows, 1))                    matrix.Zeros(rows, 1)`,
		Skeleton: `{
	L := len(layerDims) - 1 // the number of layers, the input layer not counted
	p := Parameters{W: make([]*matrix.Dense, L+1), B: make([]*matrix.Dense, L+1)}
	for l := 1; l <= L; l++ {
		// p.W[l]: (n[l], n[l-1]) random numbers, divided by √n[l-1]
		// p.B[l]: (n[l], 1) zeros
	}
	return p
}`,
	},
	"step02_forward.Sigmoid": {
		Idea: "apply the sigmoid to every element of Z; Z itself is the activation cache.",
		Formula: `A = 1 / (1 + e^(-Z))   element by element   (n[l], m), like Z
cache = Z`,
		Functions: `numpy                    Go
1 / (1 + np.exp(-Z))     matrix.Apply(Z, f), with f a func(float64) float64 using math.Exp`,
		Skeleton: `{
	var A *matrix.Dense // 1/(1+e^(-z)) for every element z of Z
	return A, ActivationCache{Z: Z}
}`,
	},
	"step02_forward.Relu": {
		Idea: "keep the positive elements of Z and set the others to 0; Z itself is the activation cache.",
		Formula: `A = max(0, Z)   element by element   (n[l], m), like Z
cache = Z`,
		Functions: `numpy               Go
np.maximum(v, M)    matrix.Maximum(M, v), the larger of each element of M and the number v`,
		Skeleton: `{
	var A *matrix.Dense // max(0, z) for every element z of Z
	return A, ActivationCache{Z: Z}
}`,
	},
	"step02_forward.LinearForward": {
		Idea: "the linear part of a layer: the weights times the previous activations, plus the bias of each unit; keep the inputs for the backward pass.",
		Formula: `Z = W·A + b
W (n[l], n[l-1]) · A (n[l-1], m) is (n[l], m); b (n[l], 1) is added to each of the m columns.
cache = (A, W, b)`,
		Functions: `numpy            Go
np.dot(W, A)     matrix.Dot(W, A)
x + b            matrix.Add(x, b) (b is broadcast over the columns, as in numpy)`,
		Skeleton: `{
	var Z *matrix.Dense // W·A, with b added to every column: (n[l], m)
	return Z, LinearCache{APrev: A, W: W, B: b}
}`,
	},
	"step02_forward.LinearActivationForward": {
		Idea: "LinearForward, then the activation the argument names; the layer's cache holds both caches.",
		Formula: `Z = W·A_prev + b                          (n[l], m)
A = sigmoid(Z) or relu(Z), as activation says    (n[l], m)
cache = (linear cache, activation cache)`,
		Functions: `numpy                                      Go
linear_forward(A_prev, W, b)               LinearForward, which returns Z and the linear cache
if activation == "sigmoid": ...            switch activation { case SigmoidActivation: ... }
sigmoid(Z), relu(Z)                        Sigmoid, Relu, which return A and the activation cache
cache = (linear_cache, activation_cache)   Cache{Linear: ..., Activation: ...}
An unknown activation panics, naming it.`,
		Skeleton: `{
	var A *matrix.Dense
	var cache Cache // Linear from LinearForward, Activation from Sigmoid or Relu
	switch activation {
	case SigmoidActivation:
		// Z from the linear part, then A from the sigmoid of Z
	default:
		// the ReLU: Z from the linear part, then A from the ReLU of Z;
		// any other activation: panic, naming it
	}
	return A, cache
}`,
	},
	"step02_forward.LModelForward": {
		Idea: "start from X; layers 1 to L-1 are LINEAR -> RELU, layer L is LINEAR -> SIGMOID; keep every layer's cache, in layer order.",
		Formula: `A[0] = X                                              (n[0], m)
A[l] = relu(W[l]·A[l-1] + b[l])   for l = 1..L-1      (n[l], m)
AL = A[L] = sigmoid(W[L]·A[L-1] + b[L])                (1, m)
caches[l-1] is layer l's cache: L caches in all.`,
		Functions: `numpy                                    Go
L = len(parameters) // 2                 L := p.L()
parameters['W' + str(l)]                 p.W[l], p.B[l]
linear_activation_forward(A_prev, ...)   LinearActivationForward(APrev, W, b, activation)
caches.append(cache)                     caches = append(caches, cache)`,
		Skeleton: `{
	L := p.L() // the number of layers
	caches := make([]Cache, 0, L)
	A := X // A[0]
	for l := 1; l < L; l++ {
		// layer l, LINEAR -> RELU: the next A from A, p.W[l] and p.B[l]; append its cache
	}
	AL := A // replace: layer L, LINEAR -> SIGMOID on A; append its cache too
	return AL, caches
}`,
	},
	"step03_cost.ComputeCost": {
		Idea: "the average, over the m examples, of the cross-entropy loss of each prediction; it is positive.",
		Formula: `J = -(1/m) · Σ over the m columns of ( Y·log(AL) + (1-Y)·log(1-AL) )
AL and Y are (1, m); J is a number. The products are element by element.`,
		Functions: `numpy                         Go
np.log(AL)                    matrix.Log(AL)
Y * x                         matrix.Mul(Y, x)   (element by element)
1 - Y                         matrix.Sub(matrix.Scalar(1), Y)
a + b                         matrix.Add(a, b)
np.sum(x)                     matrix.Sum(x)      (a float64)
m = Y.shape[1]                _, m := Y.Dims()`,
		Skeleton: `{
	// panic, naming both shapes, unless AL and Y are both (1, m)
	_, m := Y.Dims()
	sum := 0.0 // the sum over the m examples of Y·log(AL) + (1-Y)·log(1-AL)
	return -sum / float64(m)
}`,
	},
	"step04_backward.ReluBackward": {
		Idea: "the ReLU lets the gradient through where it let Z through, and stops it elsewhere; do not change dA.",
		Formula: `dZ = dA   where Z > 0
dZ = 0    where Z <= 0
dA, Z and dZ are (n[l], m).`,
		Functions: `numpy                          Go
dZ = np.array(dA, copy=True)   dZ := dA.Clone()
dZ[Z <= 0] = 0                 a loop over the rows and columns with Z.At(i, j) and dZ.Set(i, j, 0),
                               or matrix.Binary(dA, Z, f) with f(da, z float64) float64`,
		Skeleton: `{
	var dZ *matrix.Dense // a new matrix: dA where cache.Z > 0, 0 where cache.Z <= 0
	return dZ
}`,
	},
	"step04_backward.SigmoidBackward": {
		Idea: "the derivative of the sigmoid is s·(1-s), with s the sigmoid of Z; multiply the incoming gradient by it.",
		Formula: `s  = sigmoid(Z)          (n[l], m)
dZ = dA · s · (1 - s)    element by element, (n[l], m)`,
		Functions: `numpy                   Go
s = 1/(1+np.exp(-Z))    step02_forward.Sigmoid, which returns s and a cache
dA * s                  matrix.Mul(dA, s)
1 - s                   matrix.Sub(matrix.Scalar(1), s)`,
		Skeleton: `{
	var dZ *matrix.Dense // dA·s·(1-s) element by element, with s the sigmoid of cache.Z
	return dZ
}`,
	},
	"step04_backward.LinearBackward": {
		Idea: "the three gradients of Z = W·A_prev + b: average dW and db over the m examples; dA_prev goes back through Wᵀ.",
		Formula: `m      = the number of columns of A_prev
dW     = (1/m) · dZ·A_prevᵀ                  (n[l], m)·(m, n[l-1]) = (n[l], n[l-1]), like W
db     = (1/m) · the sum of each row of dZ   (n[l], 1), like b
dA_prev = Wᵀ·dZ                              (n[l-1], n[l])·(n[l], m) = (n[l-1], m)`,
		Functions: `numpy                                   Go
A_prev.shape[1]                         _, m := cache.APrev.Dims()
np.dot(dZ, A_prev.T)                    matrix.Dot(dZ, cache.APrev.T())
np.sum(dZ, axis=1, keepdims=True)       matrix.SumAxis(dZ, 1)
x / m                                   matrix.Scale(1/float64(m), x)
np.dot(W.T, dZ)                         matrix.Dot(cache.W.T(), dZ)`,
		Skeleton: `{
	// m is the number of examples: the columns of cache.APrev
	// dW:     (1/m) times dZ·A_prevᵀ               (n[l], n[l-1])
	// db:     (1/m) times the row sums of dZ       (n[l], 1)
	// dAPrev: Wᵀ·dZ                                (n[l-1], m)
	return dAPrev, dW, db
}`,
	},
	"step04_backward.LinearActivationBackward": {
		Idea: "undo the layer in the reverse order of LinearActivationForward: the activation's backward first, then the linear part's.",
		Formula: `dZ = dA · g'(Z)         with ReluBackward or SigmoidBackward, as activation says   (n[l], m)
dA_prev, dW, db = the linear backward of dZ`,
		Functions: `numpy                                            Go
linear_cache, activation_cache = cache           cache.Linear, cache.Activation
if activation == "relu": ...                     switch activation { case ...: }
relu_backward, sigmoid_backward                  ReluBackward, SigmoidBackward (with cache.Activation)
linear_backward                                  LinearBackward (with cache.Linear)
An unknown activation panics, naming it.`,
		Skeleton: `{
	switch activation {
	case step02_forward.SigmoidActivation:
		// dZ from the sigmoid's backward of dA, with the activation part of the cache;
		// then the three gradients from the linear part's backward of dZ
	default:
		// the ReLU: the same with the ReLU's backward; any other activation: panic, naming it
	}
	return dAPrev, dW, db
}`,
	},
	"step04_backward.LModelBackward": {
		Idea: "start from the derivative of the cost with respect to AL, then go back through the layers from L down to 1: the sigmoid layer first, then the ReLU ones.",
		Formula: `dAL = -(Y/AL - (1-Y)/(1-AL))    element by element, (1, m)
layer L (sigmoid), cache L:    dA[L-1], dW[L], db[L] from dAL
layer l (ReLU), l = L-1..1:    dA[l-1], dW[l], db[l] from dA[l]
L = the number of caches; each gradient has the shape of what it is the gradient of.`,
		Functions: `numpy                                  Go
L = len(caches)                        L := len(caches)
Y / AL, 1 - Y, -x                      matrix.Div(Y, AL), matrix.Sub(matrix.Scalar(1), Y), matrix.Scale(-1, x)
current_cache = caches[L-1]            caches[L-1]
linear_activation_backward(dAL, ...)   LinearActivationBackward(dAL, caches[L-1], step02_forward.SigmoidActivation)
grads["dA" + str(L-1)] = ...           grads.DA[L-1], grads.DW[L], grads.DB[L] = ...`,
		Skeleton: `{
	L := len(caches) // the number of layers
	grads := Grads{DA: make([]*matrix.Dense, L), DW: make([]*matrix.Dense, L+1), DB: make([]*matrix.Dense, L+1)}
	var dAL *matrix.Dense // -(Y/AL - (1-Y)/(1-AL)), element by element
	// layer L, the sigmoid one, with caches[L-1]: grads.DA[L-1], grads.DW[L], grads.DB[L] from dAL
	for l := L - 1; l >= 1; l-- {
		// layer l, a ReLU one, with caches[l-1]: grads.DA[l-1], grads.DW[l], grads.DB[l] from grads.DA[l]
	}
	_ = dAL // (delete this line once dAL is used)
	return grads
}`,
	},
	"step05_update.UpdateParameters": {
		Idea: "one step of gradient descent: move every W and b a little against its gradient, into new parameters (p itself stays as it was).",
		Formula: `for l = 1..L:
  W[l] = W[l] - α·dW[l]    (n[l], n[l-1])
  b[l] = b[l] - α·db[l]    (n[l], 1)
α is learningRate.`,
		Functions: `numpy                                           Go
parameters = copy.deepcopy(params)              new slices: make([]*matrix.Dense, L+1), or slices.Clone(p.W)
W - learning_rate * grads["dW" + str(l+1)]      matrix.Sub(p.W[l], matrix.Scale(learningRate, grads.DW[l]))`,
		Skeleton: `{
	L := p.L()
	next := step01_init.Parameters{W: make([]*matrix.Dense, L+1), B: make([]*matrix.Dense, L+1)}
	for l := 1; l <= L; l++ {
		// next.W[l]: W[l] minus learningRate times dW[l]
		// next.B[l]: b[l] minus learningRate times db[l]
	}
	return next
}`,
	},
	"step06_model.Train": {
		Idea: "gradient descent: for each iteration, forward propagation, the cost, backward propagation, the update; record the cost every 100 iterations and at the last one.",
		Formula: `for i = 0 .. iterations-1:
  AL, caches = L_model_forward(X, p)
  cost       = compute_cost(AL, Y)        (stop with an error if it is NaN or infinite)
  grads      = L_model_backward(AL, Y, caches)
  p          = update_parameters(p, grads, α)
  if i % 100 == 0 or i is the last: record (i, cost)`,
		Functions: `numpy notebook                      Go
L_model_forward                     step02_forward.LModelForward
compute_cost                        step03_cost.ComputeCost; math.IsNaN and math.IsInf to check it
L_model_backward                    step04_backward.LModelBackward
update_parameters                   step05_update.UpdateParameters, with opts.LearningRate
costs.append(cost); print(...)      append a Cost to the costs; call opts.OnCost if it is set`,
		Skeleton: `{
	var costs []Cost
	for i := 0; i < opts.Iterations; i++ {
		// forward: AL and the caches, from X and p
		// cost: from AL and Y; NaN or infinite: return an error naming i and opts.LearningRate
		// backward: the gradients, from AL, Y and the caches
		// update: p moves one step of opts.LearningRate against the gradients
		// every 100 iterations and at the last one: append the cost and call opts.OnCost if set
	}
	return Result{Parameters: p, Costs: costs}, nil
}`,
	},
	"step06_model.TwoLayerModel": {
		Idea: "check the inputs, initialise as InitializeParameters does with a random state seeded with opts.Seed, then train.",
		Formula: `parameters = initialize_parameters(n_x, n_h, n_y)   (seed opts.Seed)
then the same training loop as Train.`,
		Functions: `numpy notebook                        Go
np.random.seed(1)                     rs := matrix.NewRandomState(opts.Seed)
initialize_parameters(n_x, n_h, n_y)  step01_init.InitializeParameters(rs, dims[0], dims[1], dims[2])
the loop                              Train(X, Y, p, opts)`,
		Skeleton: `{
	// return an error first if X, Y, dims or opts do not fit (see the doc comment)
	var p step01_init.Parameters // initialised as the two-layer notebook does, seeded with opts.Seed
	return Train(X, Y, p, opts)
}`,
	},
	"step06_model.LLayerModel": {
		Idea: "check the inputs, initialise as the application does (divided by √n[l-1]) with a random state seeded with opts.Seed, then train.",
		Formula: `parameters = the application's initialize_parameters_deep(layers_dims)   (seed opts.Seed)
then the same training loop as Train.`,
		Functions: `numpy notebook                              Go
np.random.seed(1)                           rs := matrix.NewRandomState(opts.Seed)
initialize_parameters_deep(layers_dims)     step01_init.InitializeParametersDeepApp(rs, layerDims)
the loop                                    Train(X, Y, p, opts)`,
		Skeleton: `{
	// return an error first if X, Y, layerDims or opts do not fit (see the doc comment)
	var p step01_init.Parameters // initialised as the application does, seeded with opts.Seed
	return Train(X, Y, p, opts)
}`,
	},
	"step06_model.Predict": {
		Idea: "forward propagation gives a probability per example; predict 1 above 0.5, else 0.",
		Formula: `AL = L_model_forward(X, p)             (1, m)
p[0, i] = 1 if AL[0, i] > 0.5 else 0   (1, m) of 0 and 1`,
		Functions: `numpy notebook                       Go
probas, caches = L_model_forward()   AL, _ := step02_forward.LModelForward(X, p)
if probas[0,i] > 0.5: p[0,i] = 1     matrix.Apply(AL, f), with f(a float64) float64 giving 1 or 0`,
		Skeleton: `{
	var predictions *matrix.Dense // (1, m): 1 where the probability AL, from forward propagation of X through p, is above 0.5, else 0
	return predictions
}`,
	},
}
