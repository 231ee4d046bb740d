// Command learn is the learner's side of the project: it turns the course's
// functions into exercises, grades them, gives hints and watches the files.
//
//	learn exercise list|start STEP|diff STEP|reset STEP [FUNC]
//	learn grade [STEP]
//	learn hint STEP FUNC
//	learn watch
//
// It imports no step, so that it works whatever state the steps are in,
// even when one does not compile: go run ./cmd/learn grade. The dnn
// program has the same commands, from the same code.
package main

import (
	"os"

	"dnn/internal/learn"
)

func main() {
	os.Exit(learn.Main("learn", os.Args[1:], os.Stdout, os.Stderr))
}
