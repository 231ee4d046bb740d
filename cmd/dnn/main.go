// Command dnn trains the course's deep neural networks and uses them.
//
//	dnn demo                      train on the built-in flower data set, write a report
//	dnn train [flags]             train on the course's cat pictures (or .npy arrays)
//	dnn predict -params P.npz IMAGE...   classify your own pictures
//	dnn sweep [flags]             train a grid of learning rates and layer sizes, compare them
//	dnn shapes n0,n1,...,nL [-m M]       print the shapes of W, b, Z, A, dW, db per layer
//	dnn gradcheck [flags]         check backward propagation against finite differences
//	dnn exercise list|start STEP  turn a step's functions into stubs for you to write
//	dnn grade [STEP]              run the steps' tests and print a scoreboard
//	dnn hint STEP FUNC            a hint for one function, more on each call
//	dnn watch                     re-grade the step you are editing on every save
//
// "dnn help" lists the commands; "dnn help COMMAND" and "dnn COMMAND -h"
// print a command's flags. Flags may come before, between or after a
// command's other arguments ("dnn predict pic.png -params p.npz"); "--" ends
// the flags.
//
// Every mistake is answered with one line on standard error and exit status
// 1. So is a step function that is not written yet or that panics: the
// line names the step to finish, or the file and line of the step's code
// where the panic happened. Exit status 2 is kept for a bug in the program
// itself.
package main

import (
	"dnn/matrix"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
)

// command is one subcommand: its one-line summary and what it runs.
type command struct {
	summary string
	run     func(args []string, stdout io.Writer) error
}

// commands holds the subcommands; each file registers its own in an init
// function.
var commands = map[string]command{}

func register(name, summary string, run func(args []string, stdout io.Writer) error) {
	commands[name] = command{summary, run}
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run runs the command line args and returns the exit status: 0 on success,
// 1 for a mistake, a failure or a panic of a step's code (reported as one
// line on stderr), 2 for a bug of the program (a panic elsewhere, also
// reported as one line).
func run(args []string, stdout, stderr io.Writer) (status int) {
	name := "dnn"
	defer func() {
		if r := recover(); r != nil {
			msg, code := explainPanic(r, panicFrames())
			fmt.Fprintf(stderr, "%s: %s\n", name, oneLine(msg))
			status = code
		}
	}()
	if len(args) > 0 && args[0] == "help" && len(args) > 1 && args[1] != "help" {
		// "dnn help COMMAND" is "dnn COMMAND -h".
		args = []string{args[1], "-h"}
	}
	if len(args) == 0 || slices.Contains([]string{"help", "-h", "-help", "--help"}, args[0]) {
		usage(stdout)
		return 0
	}
	cmd, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "dnn: unknown command %q (run \"dnn help\" for the list)\n", args[0])
		return 1
	}
	name = "dnn " + args[0]
	if err := matrix.ConfigError(); err != nil {
		fmt.Fprintf(stderr, "%s: %s\n", name, oneLine(err.Error()))
		return 1
	}
	err := cmd.run(args[1:], stdout)
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	if err != nil {
		fmt.Fprintf(stderr, "%s: %s\n", name, oneLine(err.Error()))
		return 1
	}
	return 0
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "dnn: the course's deep neural network, step by step, in Go.")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Usage: dnn COMMAND [flags] [arguments]")
	fmt.Fprintln(w)
	for _, name := range sortedCommands() {
		fmt.Fprintf(w, "  %-10s %s\n", name, commands[name].summary)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Run \"dnn help COMMAND\" (or \"dnn COMMAND -h\") for a command's flags.")
	fmt.Fprintln(w, "Flags may come before or after the arguments; \"--\" ends the flags.")
}

// sortedCommands returns the registered commands in the order a newcomer
// meets them, then any others alphabetically.
func sortedCommands() []string {
	order := []string{"demo", "train", "predict", "sweep", "shapes", "gradcheck", "exercise", "grade", "hint", "watch"}
	var names, others []string
	for _, n := range order {
		if _, ok := commands[n]; ok {
			names = append(names, n)
		}
	}
	for n := range commands {
		if !slices.Contains(order, n) {
			others = append(others, n)
		}
	}
	slices.Sort(others)
	return append(names, others...)
}

// oneLine folds a message onto one line.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// newFlags returns a flag set for a subcommand that reports a parse error
// as an error (printed by run as one line), and prints -h to stdout.
func newFlags(name, synopsis string, stdout io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {} // parse prints the help for -h only
	help[fs] = func() {
		fmt.Fprintf(stdout, "Usage: dnn %s %s\n\n", name, synopsis)
		fs.SetOutput(stdout)
		fs.PrintDefaults()
		fs.SetOutput(io.Discard)
	}
	return fs
}

// help holds each flag set's -h text printer.
var help = map[*flag.FlagSet]func(){}

// parse parses args, whose flags may come before, between or after the
// positional arguments: unlike Go's flag package, which stops at the first
// argument that is not a flag, it goes on to the end, and only "--" ends
// the flags. fs.Args() then holds the positional arguments in their order.
// Flag errors become one line that names the command's -h.
func parse(fs *flag.FlagSet, args []string) error {
	flags, positional := splitArgs(fs, args)
	err := fs.Parse(flags)
	if err == nil {
		// flags holds flags and their values only, so nothing is left;
		// a second Parse sets fs.Args().
		err = fs.Parse(append([]string{"--"}, positional...))
	}
	if errors.Is(err, flag.ErrHelp) {
		help[fs]()
		return err
	}
	if err != nil {
		return fmt.Errorf("%v (run \"dnn %s -h\" for the flags)", err, fs.Name())
	}
	return nil
}

// splitArgs separates args into the flags of fs with their values, and the
// positional arguments. It reads them as the flag package does: "-name" or
// "--name", with "=value" or, for a flag that is not boolean, the value in
// the next argument (even if it starts with "-", as in "-m -3"); "-" alone
// is positional and "--" makes every argument after it positional. Flags fs
// does not define are kept with the flags, for Parse to report.
func splitArgs(fs *flag.FlagSet, args []string) (flags, positional []string) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			return flags, append(positional, args[i+1:]...)
		case len(a) < 2 || a[0] != '-':
			positional = append(positional, a)
		default:
			flags = append(flags, a)
			name := strings.TrimPrefix(a[1:], "-")
			if !strings.Contains(name, "=") && takesValue(fs, name) && i+1 < len(args) {
				i++
				flags = append(flags, args[i])
			}
		}
	}
	return flags, positional
}

// takesValue reports whether fs defines the flag name and it needs a
// value (it is not boolean).
func takesValue(fs *flag.FlagSet, name string) bool {
	f := fs.Lookup(name)
	if f == nil {
		return false
	}
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return !ok || !b.IsBoolFlag()
}

// isSet reports whether the command line set the flag name of fs.
func isSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}
