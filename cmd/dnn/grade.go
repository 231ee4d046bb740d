package main

import (
	"fmt"
	"io"
	"os"

	"dnn/internal/exercise"
)

const gradeSynopsis = `[STEP|all]

Runs the graded tests of every step (or of one) with go test and prints a
scoreboard: one line per function you write, passed or the first failure,
then the score. The exit status is 0 only when everything passes. Slow tests
that grade nothing (training on the course's data set) do not run: run
go test ./step06_model for those.`

func init() {
	register("grade", "run the steps' tests and print a scoreboard, one line per function", runGrade)
}

func runGrade(args []string, stdout io.Writer) error {
	fs := newFlags("grade", gradeSynopsis, stdout)
	if err := parse(fs, args); err != nil {
		return err
	}
	steps := exercise.Steps
	switch fs.NArg() {
	case 0:
	case 1:
		var err error
		if steps, err = exercise.Select(fs.Arg(0)); err != nil {
			return err
		}
	default:
		return fmt.Errorf("grade takes at most one step, got %d arguments", fs.NArg())
	}
	cwd, err := os.Getwd()
	if err != nil {
		return err
	}
	root, err := exercise.FindRoot(cwd)
	if err != nil {
		return err
	}
	board, err := exercise.RunTests(root, steps)
	if err != nil {
		return err
	}
	if err := board.Write(stdout); err != nil {
		return err
	}
	if passed, total := board.Score(); passed < total {
		return fmt.Errorf("%d of %d functions do not pass yet", total-passed, total)
	}
	if len(board.Others) > 0 {
		return fmt.Errorf("every function passes, but %d other tests fail", len(board.Others))
	}
	return nil
}
