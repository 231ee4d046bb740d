// Package learn holds the learner's commands, exercise, grade, hint and
// watch, shared by the programs cmd/learn, which imports no step and so
// works whatever state the steps are in, and cmd/dnn.
package learn

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"dnn/internal/exercise"
)

// Env is what a command needs from the program running it.
type Env struct {
	// Prog is how the learner runs the program, for the advice a command
	// prints: "dnn", "learn", or "go run ./cmd/learn".
	Prog   string
	Stdout io.Writer
}

// Command is one of the learner's commands.
type Command struct {
	Name    string
	Summary string // one line, for the program's usage
	Run     func(env Env, args []string) error
}

// Commands are the learner's commands, in the order of a usage text.
var Commands = []Command{exerciseCommand, gradeCommand, hintCommand, watchCommand}

// Lookup returns the command called name.
func Lookup(name string) (Command, bool) {
	for _, c := range Commands {
		if c.Name == name {
			return c, true
		}
	}
	return Command{}, false
}

// ProgName returns how the learner ran the program called name: "go run
// ./cmd/NAME" when the go command built it for the run, else name.
func ProgName(name string) string {
	exe, err := os.Executable()
	if err == nil && strings.Contains(filepath.ToSlash(exe), "/go-build") && strings.TrimSuffix(filepath.Base(exe), ".exe") == name {
		return "go run ./cmd/" + name
	}
	return name
}

// Main runs the command line args of the program prog (cmd/learn) and
// returns its exit status: 0 on success, 1 for a mistake or a failure
// (reported as one line on stderr), 2 for a bug (also one line).
func Main(prog string, args []string, stdout, stderr io.Writer) (status int) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(stderr, "%s: internal error: %v\n", prog, r)
			status = 2
		}
	}()
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "-help" || args[0] == "--help" {
		usage(prog, stdout)
		return 0
	}
	cmd, ok := Lookup(args[0])
	if !ok {
		fmt.Fprintf(stderr, "%s: unknown command %q (run \"%s help\" for the list)\n", prog, args[0], prog)
		return 1
	}
	err := cmd.Run(Env{Prog: ProgName(prog), Stdout: stdout}, args[1:])
	switch {
	case errors.Is(err, flag.ErrHelp):
		return 0
	case err != nil:
		fmt.Fprintf(stderr, "%s %s: %s\n", prog, args[0], strings.Join(strings.Fields(err.Error()), " "))
		return 1
	}
	return 0
}

func usage(prog string, w io.Writer) {
	fmt.Fprintf(w, "%s: write the course's functions yourself, and have them graded.\n\n", prog)
	fmt.Fprintf(w, "Usage: %s COMMAND [arguments]\n\n", prog)
	for _, c := range Commands {
		fmt.Fprintf(w, "  %-9s %s\n", c.Name, c.Summary)
	}
	fmt.Fprintf(w, "\nRun \"%s COMMAND -h\" for more about a command.\n", prog)
}

// flags returns the flag set of command name, whose -h prints synopsis.
func flags(env Env, name, synopsis string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {
		fmt.Fprintf(env.Stdout, "Usage: %s %s %s\n", env.Prog, name, synopsis)
		fs.SetOutput(env.Stdout)
		if hasFlags(fs) {
			fmt.Fprintln(env.Stdout)
			fs.PrintDefaults()
		}
		fs.SetOutput(io.Discard)
	}
	return fs
}

func hasFlags(fs *flag.FlagSet) bool {
	n := 0
	fs.VisitAll(func(*flag.Flag) { n++ })
	return n > 0
}

// parseLimited parses the args of command name, which has the -time flag
// of the grading's limits, and returns its arguments and the limits.
func parseLimited(env Env, name, synopsis string, args []string) ([]string, exercise.Limits, error) {
	fs := flags(env, name, synopsis)
	d := fs.Duration("time", exercise.DefaultTimeLimit, "the time each function's tests may take")
	args, err := parse(env, fs, args)
	switch {
	case err != nil:
		return nil, exercise.Limits{}, err
	case *d <= 0:
		return nil, exercise.Limits{}, fmt.Errorf("-time %v: want a positive duration, e.g. 10s", *d)
	}
	return args, exercise.Limits{Time: *d}, nil
}

// parse parses args, flags and arguments in any order, and returns the
// arguments.
func parse(env Env, fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				fs.Usage()
				return nil, err
			}
			return nil, fmt.Errorf("%v (run \"%s %s -h\")", err, env.Prog, fs.Name())
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// root returns the project's root, from the working folder.
func root() (string, error) {
	cwd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	return exercise.FindRoot(cwd)
}

// step returns the one step arg names.
func step(arg string) (exercise.Step, error) {
	if arg == "all" {
		return exercise.Step{}, errors.New(`name one step here, not "all"`)
	}
	steps, err := exercise.Select(arg)
	if err != nil {
		return exercise.Step{}, err
	}
	return steps[0], nil
}

// function returns the function of step s that arg names, by its Go name
// or the notebook's, in any case.
func function(s exercise.Step, arg string) (exercise.Func, error) {
	var names []string
	for _, f := range s.Funcs {
		if strings.EqualFold(f.Name, arg) || strings.EqualFold(f.Notebook, arg) {
			return f, nil
		}
		names = append(names, f.Name)
	}
	return exercise.Func{}, fmt.Errorf("%s has no function %q to write: want one of %s", s.Dir, arg, strings.Join(names, ", "))
}
