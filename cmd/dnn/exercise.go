package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"dnn/internal/exercise"
)

const exerciseSynopsis = `list | start STEP|all

"dnn exercise list" shows the steps and the functions you write in each.

"dnn exercise start STEP" (e.g. step02_forward, or all) turns those
functions into stubs, in place: each keeps its signature and doc comment,
and its body becomes a panic saying it is not implemented yet, with a hint.
Then write them and run "go test ./STEP" or "dnn grade".

It refuses to start a step that has uncommitted changes, so that no work is
lost. The reference solution stays in git: "git diff STEP" compares yours
with it, "git checkout -- STEP" brings it back.`

func init() {
	register("exercise", "turn a step's functions into stubs for you to write (list, start STEP|all)", runExercise)
}

func runExercise(args []string, stdout io.Writer) error {
	fs := newFlags("exercise", exerciseSynopsis, stdout)
	if err := parse(fs, args); err != nil {
		return err
	}
	switch {
	case fs.NArg() == 1 && fs.Arg(0) == "list":
		return listExercises(stdout)
	case fs.NArg() == 2 && fs.Arg(0) == "start":
		return startExercises(fs.Arg(1), stdout)
	case fs.NArg() == 1 && fs.Arg(0) == "start":
		return errors.New("start which step? e.g. dnn exercise start step02_forward (or all); dnn exercise list shows them")
	}
	return fmt.Errorf("want \"list\" or \"start STEP\", got %q (run \"dnn exercise -h\")", strings.Join(fs.Args(), " "))
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
		if len(s.Given) > 0 {
			var names []string
			for _, g := range s.Given {
				names = append(names, g.Name)
			}
			fmt.Fprintf(w, "  (given, built on yours: %s)\n", strings.Join(names, ", "))
		}
	}
	return nil
}

// startExercises stubs the steps arg names, after checking that none has
// uncommitted changes.
func startExercises(arg string, w io.Writer) error {
	steps, err := exercise.Select(arg)
	if err != nil {
		return err
	}
	cwd, err := os.Getwd()
	if err != nil {
		return err
	}
	root, err := exercise.FindRoot(cwd)
	if err != nil {
		return err
	}
	for _, s := range steps {
		if st, err := os.Stat(filepath.Join(root, s.Dir)); err != nil || !st.IsDir() {
			return fmt.Errorf("the project at %s has no folder %s", root, s.Dir)
		}
		status, err := exercise.Uncommitted(root, s.Dir)
		if err != nil {
			return err
		}
		if status != "" {
			return fmt.Errorf("%s has uncommitted changes (git status: %s): commit them, or throw them away with git checkout -- %s, then start again; nothing was changed",
				s.Dir, strings.Join(strings.Fields(status), " "), s.Dir)
		}
	}
	for _, s := range steps {
		files, err := exercise.Start(root, s)
		if err != nil {
			return err
		}
		var names []string
		for _, f := range s.Funcs {
			names = append(names, f.Name)
		}
		fmt.Fprintf(w, "%s: %s now panic \"not implemented yet\" (%s changed)\n", s.Dir, strings.Join(names, ", "), strings.Join(files, ", "))
	}
	pkgs, dirs := "./"+steps[0].Dir, steps[0].Dir
	if len(steps) > 1 {
		pkgs, dirs = "./step0...", "step0*"
	}
	fmt.Fprintf(w, "\nWrite them, then test with: go test %s (or dnn grade)\n", pkgs)
	fmt.Fprintf(w, "Compare with the reference:  git diff %s\n", dirs)
	fmt.Fprintf(w, "Bring the reference back:    git checkout -- %s\n", dirs)
	return nil
}
