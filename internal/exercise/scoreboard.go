package exercise

import (
	"fmt"
	"io"
	"text/tabwriter"
)

// MaxShown is how many failure messages of one function Scoreboard.Write
// shows.
const MaxShown = 4

// Result is how one function fares in its tests.
type Result struct {
	Step     string // the step's folder
	Func     Func
	Passed   bool
	Messages []string // what fails, one line each (every failing quantity); nil when it passed
}

// Message returns the first failure message, or "" when r passed.
func (r Result) Message() string {
	if len(r.Messages) == 0 {
		return ""
	}
	return r.Messages[0]
}

// Scoreboard is the grade of every function of the graded steps, in the
// learner's order.
type Scoreboard struct {
	Results []Result
}

// Score returns how many functions passed, out of how many.
func (b Scoreboard) Score() (passed, total int) {
	for _, r := range b.Results {
		if r.Passed {
			passed++
		}
	}
	return passed, len(b.Results)
}

// AllPassed reports whether every function passed.
func (b Scoreboard) AllPassed() bool {
	passed, total := b.Score()
	return passed == total
}

// StepPassed reports whether every function of the step dir passed (and
// the board grades at least one).
func (b Scoreboard) StepPassed(dir string) bool {
	n := 0
	for _, r := range b.Results {
		if r.Step == dir {
			if !r.Passed {
				return false
			}
			n++
		}
	}
	return n > 0
}

// Write prints the scoreboard: one line per function with the step, the
// notebook's name, the Go name and passed or the first failure; the other
// failures of a function indented under it (at most MaxShown in all); then
// the score, e.g. "Score: 14/19".
func (b Scoreboard) Write(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 8, 2, ' ', 0)
	step := ""
	for _, r := range b.Results {
		label := ""
		if r.Step != step {
			label, step = r.Step, r.Step
		}
		if r.Passed {
			fmt.Fprintf(tw, "%s\t%s\t%s\tpassed\n", label, r.Func.Notebook, r.Func.Name)
			continue
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\tFAILED: %s\n", label, r.Func.Notebook, r.Func.Name, clip(r.Message()))
		more := r.Messages[1:]
		if len(r.Messages) > MaxShown {
			more = r.Messages[1 : MaxShown-1]
		}
		for _, m := range more {
			fmt.Fprintf(tw, "\t\t\t        %s\n", clip(m))
		}
		if len(r.Messages) > MaxShown {
			fmt.Fprintf(tw, "\t\t\t        (and %d more: go test ./%s)\n", len(r.Messages)-len(more)-1, r.Step)
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	passed, total := b.Score()
	_, err := fmt.Fprintf(w, "\nScore: %d/%d\n", passed, total)
	return err
}

// MaxMessage is how many characters of a failure message Scoreboard.Write
// shows.
const MaxMessage = 300

// clip cuts a message to MaxMessage characters.
func clip(m string) string {
	if r := []rune(m); len(r) > MaxMessage {
		return string(r[:MaxMessage]) + "…"
	}
	return m
}
