// Package step01_init is step 1 of "Building your Deep Neural Network: Step
// by Step": initialising the parameters of a network.
//
// Notation, used in every step: L layers; n[l] units in layer l, n[0] the
// input size; m examples. W[l] is (n[l], n[l-1]) and b[l] is (n[l], 1).
//
// The weights start small and random, to break the symmetry between units
// (were they all equal, every unit of a layer would learn the same thing);
// the biases start at zero.
//
//	notebook                               Go
//	initialize_parameters(n_x, n_h, n_y)   InitializeParameters(rs, nx, nh, ny)
//	initialize_parameters_deep(layer_dims) InitializeParametersDeep(rs, layerDims)        (×0.01, seed 3)
//	  the application's version            InitializeParametersDeepApp(rs, layerDims)     (÷√n[l-1], seed 1)
//	parameters["W" + str(l)]               p.W[l]
//	parameters["b" + str(l)]               p.B[l]
//	np.random.seed(3)                      rs := matrix.NewRandomState(3)
//
// The notebook seeds numpy's global generator inside each function; here the
// random state is an argument, so a caller sees where the numbers come from.
// Seeded the same way, it draws exactly numpy's numbers, so the results
// match the notebook's.
package step01_init
