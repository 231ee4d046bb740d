package learn

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"time"

	"dnn/internal/exercise"
)

const gradeSynopsis = `[-time D] [STEP|all]

Builds the tests of every step (or of one) and runs those of each function
you write on their own, then prints a scoreboard: one line per function,
passed or what fails (every failing quantity, indented under the first),
then the score. It works whatever state the steps are in: a step that does
not compile shows the compiler's message for its functions, a panic shows
the line of yours where it happened, and a function that loops forever or
prints without end is stopped and says so. The exit status is 0 only when
everything passes. Slow tests that grade nothing (training on the course's
data set) do not run: go test ./step06_model runs those.`

var gradeCommand = Command{
	Name:    "grade",
	Summary: "grade the functions you wrote: one line per function, then the score",
	Run:     runGrade,
}

func runGrade(env Env, args []string) error {
	args, lim, err := parseLimited(env, "grade", gradeSynopsis, args)
	if err != nil {
		return err
	}
	steps := exercise.Steps
	switch len(args) {
	case 0:
	case 1:
		if steps, err = exercise.Select(args[0]); err != nil {
			return err
		}
	default:
		return fmt.Errorf("grade takes at most one step, got %d arguments", len(args))
	}
	r, err := root()
	if err != nil {
		return err
	}
	ctx, stop := interruptible()
	defer stop()
	board, err := exercise.RunTests(ctx, r, steps, lim)
	if err != nil {
		if ctx.Err() != nil {
			return fmt.Errorf("interrupted")
		}
		return err
	}
	if err := board.Write(env.Stdout); err != nil {
		return err
	}
	if passed, total := board.Score(); passed < total {
		return fmt.Errorf("%d of %d functions do not pass yet", total-passed, total)
	}
	return nil
}

// interruptible returns a context that Ctrl-C (or SIGTERM) cancels.
func interruptible() (context.Context, context.CancelFunc) {
	return signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
}

// pollInterval is how often watch looks at the files.
const pollInterval = 500 * time.Millisecond
