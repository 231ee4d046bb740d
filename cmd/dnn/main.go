// Command dnn trains the course's deep neural networks and uses them.
//
//	dnn demo                     train on the built-in flower data set, write a report
//	dnn train [flags]            train on the course's cat pictures (or .npy arrays)
//	dnn sweep [flags]            train a grid of learning rates and networks, compare them
//	dnn predict -params P.npz IMAGE...   classify your own pictures
//
// Run "dnn help" or "dnn COMMAND -h" for the flags of each command. Every
// mistake is answered with one line on standard error and a non-zero exit
// status.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
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
// 1 for a mistake or a failure (reported as one line on stderr), 2 for a bug
// (a panic, also reported as one line).
func run(args []string, stdout, stderr io.Writer) (status int) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(stderr, "dnn: internal error: %v\n", r)
			status = 2
		}
	}()
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "-help" || args[0] == "--help" {
		usage(stdout)
		return 0
	}
	cmd, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "dnn: unknown command %q (run \"dnn help\" for the list)\n", args[0])
		return 1
	}
	err := cmd.run(args[1:], stdout)
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	if err != nil {
		fmt.Fprintf(stderr, "dnn %s: %s\n", args[0], oneLine(err.Error()))
		return 1
	}
	return 0
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "dnn: the course's deep neural network, step by step, in Go.")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Usage: dnn COMMAND [flags]")
	fmt.Fprintln(w)
	for _, name := range sortedCommands() {
		fmt.Fprintf(w, "  %-10s %s\n", name, commands[name].summary)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Run \"dnn COMMAND -h\" for a command's flags.")
}

func sortedCommands() []string {
	order := []string{"demo", "train", "sweep", "predict", "shapes", "gradcheck", "exercise", "grade"}
	var names []string
	for _, n := range order {
		if _, ok := commands[n]; ok {
			names = append(names, n)
		}
	}
	return names
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

// parse parses args, turning flag's errors into one line that names the
// command's -h.
func parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			help[fs]()
			return err
		}
		return fmt.Errorf("%v (run \"dnn %s -h\" for the flags)", err, fs.Name())
	}
	return nil
}
