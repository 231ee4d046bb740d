// Package step06_model is the course's "Deep Neural Network - Application":
// the whole network put together from steps 1 to 5 and trained by
// full-batch gradient descent, then used to predict.
//
// Notation: L layers; n[l] units in layer l, n[0] the input size (12288 =
// 64·64·3 for the course's images); m examples. X is (n[0], m), one example
// per column; Y is (1, m) of 0/1 labels.
//
// Training repeats, for every iteration:
//
//	AL, caches = LModelForward(X, parameters)            step 2
//	cost       = ComputeCost(AL, Y)                      step 3
//	grads      = LModelBackward(AL, Y, caches)           step 4
//	parameters = UpdateParameters(parameters, grads, α)  step 5
//
// The two models differ only in depth and initialisation: TwoLayerModel is
// LINEAR->RELU->LINEAR->SIGMOID started by InitializeParameters (×0.01);
// LLayerModel is [LINEAR->RELU]×(L-1)->LINEAR->SIGMOID started by
// InitializeParametersDeepApp (÷√n[l-1]). Both seed the random state with 1.
//
//	notebook                                                        Go
//	two_layer_model(X, Y, layers_dims, learning_rate, num_iterations)   TwoLayerModel(X, Y, dims, opts)
//	L_layer_model(X, Y, layers_dims, learning_rate, num_iterations)     LLayerModel(X, Y, dims, opts)
//	print_cost=True                                                 Options.OnCost
//	costs (every 100 iterations)                                    Result.Costs
//	predict(X, y, parameters)                                       Predict(X, parameters), Accuracy(p, Y)
package step06_model
