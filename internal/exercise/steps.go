package exercise

import (
	"fmt"
	"strings"
)

// Module is the module path of the project; a step's import path is
// Module + "/" + Step.Dir.
const Module = "dnn"

// NotImplemented is the phrase a stub panics with, as in
// "step02_forward.LinearForward is not implemented yet: Z = W·A + b". The
// step tests recognise it (it is testutil.NotImplemented).
const NotImplemented = " is not implemented yet"

// GradeEnv is the environment variable the grader sets, to 1, for the
// tests it runs: they then print only what failed, even under -test.v (it
// is testutil.GradeEnv).
const GradeEnv = "DNN_GRADE"

// Func is a function the learner writes.
type Func struct {
	Name     string // the Go function, e.g. "LinearForward"
	Notebook string // the course's function, e.g. "linear_forward"
	// Tests are the tests that check it, named as go test -json names them
	// (spaces become underscores): "TestLinearForward/linear_forward",
	// "ExampleSigmoid". A trailing * matches every test with that prefix.
	Tests []string
}

// Step is one step package and its exercises.
type Step struct {
	Dir   string // the folder, also the package name: "step02_forward"
	Topic string // what the step teaches, in a few words
	Funcs []Func // the functions the learner writes, in the notebook's order
}

// ImportPath returns the step's import path, e.g. "dnn/step02_forward".
func (s Step) ImportPath() string { return Module + "/" + s.Dir }

// Steps are the step packages in the learner's order.
var Steps = []Step{
	{
		Dir:   "step01_init",
		Topic: "initialising the parameters",
		Funcs: []Func{
			{Name: "InitializeParameters", Notebook: "initialize_parameters",
				Tests: []string{"TestInitializeParameters/*", "TestInitializeParameters"}},
			{Name: "InitializeParametersDeep", Notebook: "initialize_parameters_deep",
				Tests: []string{"TestInitializeParametersDeep/*", "TestInitializeParametersDeep", "ExampleInitializeParametersDeep"}},
			{Name: "InitializeParametersDeepApp", Notebook: "initialize_parameters_deep (application)",
				Tests: []string{"TestInitializeParametersDeepApp/*", "TestInitializeParametersDeepApp"}},
		},
	},
	{
		Dir:   "step02_forward",
		Topic: "forward propagation",
		Funcs: []Func{
			{Name: "Sigmoid", Notebook: "sigmoid", Tests: []string{"TestSigmoid/*", "TestSigmoid", "ExampleSigmoid"}},
			{Name: "Relu", Notebook: "relu", Tests: []string{"TestRelu/*", "TestRelu", "ExampleRelu"}},
			{Name: "LinearForward", Notebook: "linear_forward",
				Tests: []string{"TestLinearForward/*", "TestLinearForward", "ExampleLinearForward"}},
			{Name: "LinearActivationForward", Notebook: "linear_activation_forward",
				Tests: []string{"TestLinearActivationForward/*", "TestLinearActivationForward", "ExampleLinearActivationForward"}},
			{Name: "LModelForward", Notebook: "L_model_forward",
				Tests: []string{"TestLModelForward/*", "TestLModelForward", "ExampleLModelForward"}},
		},
	},
	{
		Dir:   "step03_cost",
		Topic: "the cross-entropy cost",
		Funcs: []Func{
			{Name: "ComputeCost", Notebook: "compute_cost",
				Tests: []string{"TestComputeCost/*", "TestComputeCost", "ExampleComputeCost"}},
		},
	},
	{
		Dir:   "step04_backward",
		Topic: "backward propagation",
		Funcs: []Func{
			{Name: "ReluBackward", Notebook: "relu_backward", Tests: []string{"TestReluBackward/*", "TestReluBackward", "ExampleReluBackward"}},
			{Name: "SigmoidBackward", Notebook: "sigmoid_backward", Tests: []string{"TestSigmoidBackward/*", "TestSigmoidBackward", "ExampleSigmoidBackward"}},
			{Name: "LinearBackward", Notebook: "linear_backward",
				Tests: []string{"TestLinearBackward/*", "TestLinearBackward", "ExampleLinearBackward"}},
			{Name: "LinearActivationBackward", Notebook: "linear_activation_backward",
				Tests: []string{"TestLinearActivationBackward/*", "TestLinearActivationBackward", "ExampleLinearActivationBackward"}},
			{Name: "LModelBackward", Notebook: "L_model_backward",
				Tests: []string{"TestLModelBackward/*", "TestLModelBackward", "ExampleLModelBackward"}},
		},
	},
	{
		Dir:   "step05_update",
		Topic: "gradient descent",
		Funcs: []Func{
			{Name: "UpdateParameters", Notebook: "update_parameters",
				Tests: []string{"TestUpdateParameters/*", "TestUpdateParameters", "ExampleUpdateParameters"}},
		},
	},
	{
		Dir:   "step06_model",
		Topic: "the models, trained and used",
		Funcs: []Func{
			{Name: "Train", Notebook: "the loop of both models",
				Tests: []string{"TestTrain/*", "TestTrain", "ExampleTrain", "TestTrainDiverges"}},
			{Name: "TwoLayerModel", Notebook: "two_layer_model",
				Tests: []string{"TestTwoLayerModel/*", "TestTwoLayerModel", "TestModelsRejectBadInput/TwoLayerModel"}},
			{Name: "LLayerModel", Notebook: "L_layer_model",
				Tests: []string{"TestLLayerModel/*", "TestLLayerModel", "ExampleLLayerModel", "TestModelsRejectBadInput/LLayerModel"}},
			{Name: "Predict", Notebook: "predict",
				Tests: []string{"TestPredict/*", "TestPredict", "ExamplePredict"}},
		},
	},
}

// Select returns the steps a command-line argument names: "all", or one
// step by its folder ("step02_forward", "./step02_forward/") or a prefix of
// it that names only one ("step02").
func Select(arg string) ([]Step, error) {
	if arg == "all" {
		return Steps, nil
	}
	name := strings.TrimSuffix(strings.TrimPrefix(arg, "./"), "/")
	var found []Step
	for _, s := range Steps {
		if s.Dir == name {
			return []Step{s}, nil
		}
		if name != "" && strings.HasPrefix(s.Dir, name) {
			found = append(found, s)
		}
	}
	if len(found) == 1 {
		return found, nil
	}
	names := make([]string, len(Steps))
	for i, s := range Steps {
		names[i] = s.Dir
	}
	return nil, fmt.Errorf("unknown step %q: want all or one of %s", arg, strings.Join(names, ", "))
}
