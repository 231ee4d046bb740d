package learn

import (
	"fmt"
	"os"

	"dnn/internal/exercise"
)

const watchSynopsis = `[-time D]

Grades the first step that does not pass yet, then grades it again each
time you save one of its files, with a progress bar of its functions that
pass; when it passes, moves on to the next step. Ctrl-C stops.`

var watchCommand = Command{
	Name:    "watch",
	Summary: "grade the step you are writing on every save, with a progress bar",
	Run:     runWatch,
}

func runWatch(env Env, args []string) error {
	args, lim, err := parseLimited(env, "watch", watchSynopsis, args)
	if err != nil {
		return err
	}
	if len(args) > 0 {
		return fmt.Errorf("watch takes no arguments, got %q", args)
	}
	r, err := root()
	if err != nil {
		return err
	}
	opts := exercise.WatchOptions{Interval: pollInterval, Limits: lim}
	if f, ok := env.Stdout.(*os.File); ok {
		if st, err := f.Stat(); err == nil && st.Mode()&os.ModeCharDevice != 0 {
			opts.Clear = "\033[H\033[2J"
		}
	}
	ctx, stop := interruptible()
	defer stop()
	return exercise.Watch(ctx, r, env.Stdout, opts)
}
