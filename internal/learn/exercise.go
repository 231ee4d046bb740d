package learn

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"dnn/internal/exercise"
)

const exerciseSynopsis = `list | start STEP|all | diff STEP | reset STEP [FUNC]

"exercise list" shows the steps and the functions you write in each.

"exercise start STEP" (e.g. step02_forward, or all) turns those functions
into stubs, in place: each keeps its signature and doc comment, and its
body becomes a panic saying it is not implemented yet, with a hint. The
reference is kept in git first (under refs/dnn/reference). Start refuses,
naming the file, when the step holds anything that is not committed as it
is: nothing you wrote can be lost.

"exercise diff STEP" compares your files with the reference, even after
you commit. "exercise reset STEP [FUNC]" brings back the stub of one
function, or of the whole step (a copy of each file it overwrites is kept
in git, and it says how to get it back).`

var exerciseCommand = Command{
	Name:    "exercise",
	Summary: "turn a step's functions into stubs for you to write (list, start, diff, reset)",
	Run:     runExercise,
}

func runExercise(env Env, args []string) error {
	fs := flags(env, "exercise", exerciseSynopsis)
	args, err := parse(env, fs, args)
	if err != nil {
		return err
	}
	want := fmt.Errorf(`want "list", "start STEP", "diff STEP" or "reset STEP [FUNC]", got %q (run "%s exercise -h")`, strings.Join(args, " "), env.Prog)
	if len(args) == 0 {
		return want
	}
	switch verb := args[0]; {
	case verb == "list" && len(args) == 1:
		return listExercises(env.Stdout)
	case (verb == "start" || verb == "diff" || verb == "reset") && len(args) == 1:
		return fmt.Errorf("%s which step? e.g. %s exercise %s step02_forward (%s exercise list shows them)", verb, env.Prog, verb, env.Prog)
	case verb == "start" && len(args) == 2:
		return startExercises(env, args[1])
	case verb == "diff" && len(args) == 2:
		return diffExercise(env, args[1])
	case verb == "reset" && (len(args) == 2 || len(args) == 3):
		return resetExercise(env, args[1:])
	}
	return want
}

// listExercises prints the steps and their functions: the notebook's
// name, then the Go name.
func listExercises(w io.Writer) error {
	width := 0
	for _, s := range exercise.Steps {
		for _, f := range s.Funcs {
			width = max(width, utf8.RuneCountInString(f.Notebook))
		}
	}
	for _, s := range exercise.Steps {
		fmt.Fprintf(w, "%s: %s\n", s.Dir, s.Topic)
		for _, f := range s.Funcs {
			fmt.Fprintf(w, "  %-*s  %s\n", width, f.Notebook, f.Name)
		}
	}
	return nil
}

// startExercises stubs the steps arg names.
func startExercises(env Env, arg string) error {
	steps, err := exercise.Select(arg)
	if err != nil {
		return err
	}
	r, err := root()
	if err != nil {
		return err
	}
	if len(steps) > 1 { // all: leave the steps started already as they are
		var rest []exercise.Step
		for _, s := range steps {
			if stubs, err := exercise.Stubs(r, s); err == nil && len(stubs) > 0 {
				fmt.Fprintf(env.Stdout, "%s: an exercise already, left as it is\n", s.Dir)
				continue
			}
			rest = append(rest, s)
		}
		if len(rest) == 0 {
			return errors.New("every step is an exercise already: exercise reset STEP brings back the stubs of one")
		}
		steps = rest
	}
	started, err := exercise.StartSteps(r, steps)
	for _, st := range started {
		var names []string
		for _, f := range st.Step.Funcs {
			names = append(names, f.Name)
		}
		fmt.Fprintf(env.Stdout, "%s: %s now panic \"not implemented yet\" (%s changed)\n", st.Step.Dir, strings.Join(names, ", "), strings.Join(st.Files, ", "))
	}
	if err != nil {
		return err
	}
	s := steps[0]
	pkgs := "./" + s.Dir
	if len(steps) > 1 {
		pkgs = "./step0..."
	}
	fmt.Fprintf(env.Stdout, "\nThe reference is kept in git, under %s.\n", exercise.ReferenceRef)
	fmt.Fprintf(env.Stdout, "Write them, then test:       go test %s, or %s grade\n", pkgs, env.Prog)
	fmt.Fprintf(env.Stdout, "Grade on every save:         %s watch\n", env.Prog)
	fmt.Fprintf(env.Stdout, "A hint, one more each time:  %s hint %s %s\n", env.Prog, s.Dir, s.Funcs[0].Name)
	fmt.Fprintf(env.Stdout, "Compare with the reference:  %s exercise diff %s\n", env.Prog, s.Dir)
	fmt.Fprintf(env.Stdout, "Bring back a stub:           %s exercise reset %s [FUNC]\n", env.Prog, s.Dir)
	return nil
}

func diffExercise(env Env, arg string) error {
	s, err := step(arg)
	if err != nil {
		return err
	}
	r, err := root()
	if err != nil {
		return err
	}
	return exercise.Diff(r, s, env.Stdout)
}

func resetExercise(env Env, args []string) error {
	s, err := step(args[0])
	if err != nil {
		return err
	}
	fn := ""
	if len(args) == 2 {
		f, err := function(s, args[1])
		if err != nil {
			return err
		}
		fn = f.Name
	}
	r, err := root()
	if err != nil {
		return err
	}
	return exercise.Reset(r, s, fn, env.Stdout)
}
