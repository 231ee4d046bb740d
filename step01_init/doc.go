// Package step01_init is step 1 of "Building your Deep Neural Network: Step
// by Step": initialising the parameters of a network.
//
// Dimension key, used in every step: L layers; n[l] units in layer l, n[0]
// the input size; m examples. W[l] is (n[l], n[l-1]) and b[l] is (n[l], 1).
//
// The weights start small and random, to break the symmetry between units
// (were they all equal, every unit of a layer would learn the same thing);
// the biases start at zero. For l = 1..L, in that order:
//
//	W[l] = randn(n[l], n[l-1]) · 0.01      the step-by-step assignment
//	W[l] = randn(n[l], n[l-1]) / √n[l-1]   the application (deep model)
//	b[l] = zeros((n[l], 1))
//
// The notebook seeds numpy's global generator inside each function; here the
// random state is an argument, so a caller sees where the numbers come from.
// Seeded the same way, it draws exactly numpy's numbers, in the same order,
// so the results match the notebook's.
//
//	notebook                                      Go
//	initialize_parameters(n_x, n_h, n_y)          InitializeParameters(rs, nx, nh, ny) Parameters         seed 1, ·0.01
//	initialize_parameters_deep(layer_dims)        InitializeParametersDeep(rs, layerDims) Parameters      seed 3, ·0.01
//	initialize_parameters_deep (application)      InitializeParametersDeepApp(rs, layerDims) Parameters   seed 1, /√n[l-1]
//	np.random.seed(3)                             rs := matrix.NewRandomState(3)
//	parameters (dictionary)                       Parameters
//	parameters["W" + str(l)], ["b" + str(l)]      p.W[l], p.B[l]
//	len(parameters) // 2                          p.L()
package step01_init
