package main

import (
	"fmt"
	"io"
	"path/filepath"

	"dnn/internal/planar"
	"dnn/internal/report"
	"dnn/matrix"
	"dnn/step02_forward"
	"dnn/step06_model"
)

const demoSynopsis = `[flags]

Trains the L-layer model on the course's planar "flower" data set (400 points
in 2-D, two classes as interleaved petals), regenerated from its formula: no
files needed. Prints the cost every 1000 iterations and the accuracy, and
writes a report with the cost curve and the decision boundary. It trains
with the fast engine; -fast=false trains with the step functions instead.`

func init() {
	register("demo", "train on the built-in flower data set (no files needed) and write a report", runDemo)
}

func runDemo(args []string, stdout io.Writer) error {
	fs := newFlags("demo", demoSynopsis, stdout)
	f := trainFlags{printEvery: 1000}
	f.register(fs, 0.01, 10000, "(default 2,20,7,5,1)", true)
	fs.StringVar(&f.report, "report", filepath.Join("report", "demo"), "folder for the HTML report (empty for none)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q (run \"dnn demo -h\" for the flags)", fs.Arg(0))
	}
	dims, err := f.check(map[string]string{"l-layer": "2,20,7,5,1", "two-layer": "2,20,1"})
	if err != nil {
		return err
	}
	X, Y := planar.Flower(1)
	d := &data{TrainX: X, TrainY: Y, Classes: []string{"red", "blue"}, Name: "the planar flower data"}
	return train(d, f, dims, stdout, func(r *report.Report, res step06_model.Result) {
		r.Boundary = &report.Boundary{X: X, Y: Y, Predict: func(X *matrix.Dense) *matrix.Dense {
			AL, _ := step02_forward.LModelForward(X, res.Parameters)
			return AL
		}}
	})
}
