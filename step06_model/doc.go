// Package step06_model is the course's "Deep Neural Network - Application":
// the whole network put together from steps 1 to 5, trained by full-batch
// gradient descent, then used to predict.
//
// Dimension key: L layers; n[l] units in layer l, n[0] the input size
// (12288 = 64·64·3 for the course's pictures); m examples. X is (n[0], m),
// one example per column; Y is (1, m) of 0/1 labels.
//
// Training repeats, for every iteration, the four steps:
//
//	AL, caches = LModelForward(X, parameters)            step 2
//	cost       = ComputeCost(AL, Y)                      step 3
//	grads      = LModelBackward(AL, Y, caches)           step 4
//	parameters = UpdateParameters(parameters, grads, α)  step 5
//
// and records the cost every 100 iterations and at the last one. The two
// models differ in depth and initialisation. TwoLayerModel is
// LINEAR->RELU->LINEAR->SIGMOID started by InitializeParameters (·0.01), and
// writes its loop out layer by layer as the notebook's two_layer_model does:
// LinearActivationForward twice, then LinearActivationBackward twice from
// dA2 = -(Y/A2 - (1-Y)/(1-A2)). LLayerModel is
// [LINEAR->RELU]×(L-1)->LINEAR->SIGMOID started by
// InitializeParametersDeepApp (/√n[l-1]), and runs Train, the loop above.
// Both seed the random state with 1, and both first check their inputs,
// returning an error that names the problem.
//
// A prediction is 1 where AL > 0.5 and 0 elsewhere.
//
//	notebook                                                            Go
//	two_layer_model(X, Y, layers_dims, learning_rate, num_iterations)   TwoLayerModel(X, Y, dims, opts) (Result, error)
//	L_layer_model(X, Y, layers_dims, learning_rate, num_iterations)     LLayerModel(X, Y, layerDims, opts) (Result, error)
//	the loop of L_layer_model                                           Train(X, Y, p, opts) (Result, error)
//	learning_rate=0.0075, num_iterations=2500 (the course's run)        DefaultOptions() Options
//	print_cost=True                                                     Options.OnCost
//	costs                                                               Result.Costs ([]Cost)
//	parameters (returned)                                               Result.Parameters
//	predict(X, y, parameters)                                           Predict(X, parameters), Accuracy(p, Y)
//	probas, caches = L_model_forward(X, parameters)                     step02_forward.LModelForward(X, parameters)
package step06_model
