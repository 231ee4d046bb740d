package learn

import (
	"fmt"

	"dnn/internal/exercise"
)

const hintSynopsis = `[-reset] [-tier N] STEP FUNC

Shows the next hint for the function FUNC of STEP (by its Go name or the
notebook's): 1 the idea, 2 the formula with the shapes, 3 the matrix
functions beside numpy's, 4 a skeleton that compiles, and last the
reference's Go code. It remembers how far each function got (in
.git/dnn-hints); -reset starts again from the first, -tier N shows one
tier without moving on.`

var hintCommand = Command{
	Name:    "hint",
	Summary: "a hint for a function, one tier more on each call, the Go code last",
	Run:     runHint,
}

func runHint(env Env, args []string) error {
	fs := flags(env, "hint", hintSynopsis)
	reset := fs.Bool("reset", false, "forget the hints shown for FUNC: the next is the first")
	tier := fs.Int("tier", 0, "show this tier (1 to 5), without moving on")
	args, err := parse(env, fs, args)
	if err != nil {
		return err
	}
	if len(args) != 2 {
		return fmt.Errorf("want STEP FUNC, e.g. %s hint step02_forward LinearForward, got %d arguments", env.Prog, len(args))
	}
	s, err := step(args[0])
	if err != nil {
		return err
	}
	f, err := function(s, args[1])
	if err != nil {
		return err
	}
	r, err := root()
	if err != nil {
		return err
	}
	last := len(exercise.TierNames)
	if *reset {
		if err := exercise.ResetHints(r, s, f); err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "%s.%s: the next hint is the first again\n", s.Dir, f.Name)
		return nil
	}
	n, text := *tier, ""
	if n != 0 {
		text, err = exercise.HintTier(r, s, f, n)
	} else {
		n, text, err = exercise.NextHint(r, s, f)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "%s.%s, hint %d of %d: %s\n\n%s\n", s.Dir, f.Name, n, last, exercise.TierNames[n-1], text)
	if n < last {
		fmt.Fprintf(env.Stdout, "\nNext (%s): %s hint %s %s\n", exercise.TierNames[n], env.Prog, s.Dir, f.Name)
	}
	return nil
}
