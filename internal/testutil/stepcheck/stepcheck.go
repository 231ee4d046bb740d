// Package stepcheck lets the tests of the packages built on the steps
// (the program, the report) tell whether the learner's steps are finished,
// so that with exercise stubs in place they skip in one line instead of
// failing with the stubs' panics.
package stepcheck

import (
	"flag"
	"fmt"
	"testing"

	"dnn/internal/exercise"
	"dnn/matrix"
	"dnn/step01_init"
	"dnn/step06_model"
)

// Unfinished returns "" when the steps' functions run, else what the first
// exercise stub met says, e.g. "step04_backward.LModelBackward is not
// written yet: finish step04_backward first (go test ./step04_backward)".
// It trains both of the course's models for one iteration on three
// examples, predicts, and draws the step-by-step initialisation, which
// between them call every graded function. A panic that is not a stub's is
// not its business: it returns "" and the tests show it.
func Unfinished() (msg string) {
	defer func() {
		if r := recover(); r != nil {
			msg, _ = exercise.FinishFirst(r)
		}
	}()
	X := matrix.FromRows([][]float64{{1, -2, 0.5}, {0.3, 0.8, -1}})
	Y := matrix.FromRows([][]float64{{1, 0, 1}})
	opts := step06_model.Options{LearningRate: 0.1, Iterations: 1, Seed: 1}
	res, _ := step06_model.LLayerModel(X, Y, []int{2, 3, 1}, opts)
	step06_model.TwoLayerModel(X, Y, [3]int{2, 3, 1}, opts)
	if res.Parameters.W != nil {
		step06_model.Predict(X, res.Parameters)
	}
	step01_init.InitializeParametersDeep(matrix.NewRandomState(3), []int{2, 3, 1})
	return ""
}

// Run runs a package's tests from its TestMain and returns the exit code.
// With the steps unfinished it runs none, after one line saying why: go
// test then reports the package as ok with no tests run.
func Run(m *testing.M) int {
	if msg := Unfinished(); msg != "" {
		fmt.Printf("these tests need the steps, and %s\n", msg)
		if err := flag.Set("test.skip", "."); err != nil {
			panic(err)
		}
	}
	return m.Run()
}
