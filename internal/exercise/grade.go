package exercise

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"text/tabwriter"
	"time"
)

// Limits bound the grading of one function, whatever its code does.
type Limits struct {
	Time   time.Duration // how long its tests may run; 0 means DefaultTimeLimit
	Output int           // how many bytes they may print; 0 means DefaultOutputLimit
	Memory int64         // how much memory they may hold; 0 means DefaultMemoryLimit
}

const (
	DefaultTimeLimit   = 10 * time.Second
	DefaultOutputLimit = 1 << 20
	DefaultMemoryLimit = 1 << 30
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

// RunTests grades the functions of steps in the project at root, whatever
// state their code is in. It builds each step's test binary once (go test
// -c), then runs the tests of each function (Func.Tests) on their own,
// within lim: a function whose tests do not finish in time, or print more
// than allowed, fails saying so, and the others are graded all the same. A
// step that does not compile fails every function with the compiler's
// first message; a panic gives the line of the step where it happened.
// When a function fails and an earlier step it builds on fails too, its
// messages start by sending the learner back to that step. An error means
// the tests could not be run at all (no go command, ctx cancelled).
func RunTests(ctx context.Context, root string, steps []Step, lim Limits) (Scoreboard, error) {
	b, err := runTests(ctx, root, steps, lim)
	if err != nil {
		return b, err
	}
	return b, blameEarlierSteps(ctx, root, &b, lim)
}

func runTests(ctx context.Context, root string, steps []Step, lim Limits) (Scoreboard, error) {
	if lim.Time <= 0 {
		lim.Time = DefaultTimeLimit
	}
	if lim.Output <= 0 {
		lim.Output = DefaultOutputLimit
	}
	if lim.Memory <= 0 {
		lim.Memory = DefaultMemoryLimit
	}
	bins, err := os.MkdirTemp("", "dnn-grade-")
	if err != nil {
		return Scoreboard{}, err
	}
	defer os.RemoveAll(bins)
	build, err := buildTests(ctx, root, steps, bins)
	if err != nil {
		return Scoreboard{}, err
	}
	var b Scoreboard
	type job struct {
		i    int
		bin  string
		step Step
	}
	var jobs []job
	for _, s := range steps {
		bin := filepath.Join(bins, s.Dir+".test")
		_, statErr := os.Stat(bin)
		for _, f := range s.Funcs {
			r := Result{Step: s.Dir, Func: f}
			if statErr != nil {
				r.Messages = []string{"does not compile: " + build.message(root, s)}
			} else {
				jobs = append(jobs, job{len(b.Results), bin, s})
			}
			b.Results = append(b.Results, r)
		}
	}
	work := make(chan job)
	var wg sync.WaitGroup
	for range min(runtime.NumCPU(), 4, max(len(jobs), 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range work {
				r := &b.Results[j.i]
				r.Messages = runFunc(ctx, j.bin, root, j.step, r.Func, lim)
			}
		}()
	}
	for _, j := range jobs {
		work <- j
	}
	close(work)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return Scoreboard{}, err
	}
	for i := range b.Results {
		b.Results[i].Passed = len(b.Results[i].Messages) == 0
	}
	return b, nil
}

// buildOutput is what go test -c said about the packages it could not
// build, in order.
type buildOutput struct {
	failed []string            // import paths as go names them, e.g. "dnn/step03_cost [dnn/step03_cost.test]"
	lines  map[string][]string // by import path
	stderr string
}

// buildTests builds the test binaries of steps into dir, as dir/STEP.test;
// a step that does not compile has none. It is an error only when go
// could not be run.
func buildTests(ctx context.Context, root string, steps []Step, dir string) (buildOutput, error) {
	gobin, err := exec.LookPath("go")
	if err != nil {
		return buildOutput{}, errors.New("the go command is not on PATH: grading builds the steps' tests with it")
	}
	args := []string{"test", "-c", "-json", "-o", dir + string(filepath.Separator)}
	for _, s := range steps {
		args = append(args, "./"+s.Dir)
	}
	cmd := exec.CommandContext(ctx, gobin, args...)
	cmd.Dir = root
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	runErr := cmd.Run()
	if err := ctx.Err(); err != nil {
		return buildOutput{}, err
	}
	out := buildOutput{lines: map[string][]string{}, stderr: stderr.String()}
	sc := bufio.NewScanner(&stdout)
	sc.Buffer(make([]byte, 64*1024), 16*1024*1024)
	for sc.Scan() {
		var e struct{ ImportPath, Action, Output string }
		if json.Unmarshal(sc.Bytes(), &e) != nil {
			continue
		}
		switch e.Action {
		case "build-output":
			out.lines[e.ImportPath] = append(out.lines[e.ImportPath], e.Output)
		case "build-fail":
			out.failed = append(out.failed, e.ImportPath)
		}
	}
	var exitErr *exec.ExitError
	if runErr != nil && !errors.As(runErr, &exitErr) {
		return buildOutput{}, fmt.Errorf("go test -c: %v", runErr)
	}
	return out, nil
}

// message returns the first compiler message explaining why step s has no
// test binary: its own, else that of a package it builds on.
func (o buildOutput) message(root string, s Step) string {
	deps := stepDeps(root, s)
	var own, dep, other string
	for _, path := range o.failed {
		msg := compilerMessage(o.lines[path])
		pkg, _, _ := strings.Cut(path, " ")
		pkg = strings.TrimSuffix(pkg, "_test")
		switch {
		case pkg == s.ImportPath() && own == "":
			own = msg
		case deps[strings.TrimPrefix(pkg, Module+"/")] && dep == "":
			dep = msg
		case other == "":
			other = msg
		}
	}
	for _, m := range []string{own, dep, other} {
		if m != "" {
			return m
		}
	}
	if msg := firstLine(strings.TrimSpace(o.stderr)); msg != "" {
		return msg
	}
	return "the build failed"
}

// compilerMessage returns the first message of the compiler in a failed
// build's output.
func compilerMessage(lines []string) string {
	for _, l := range lines {
		if t := strings.TrimSpace(l); t != "" && !strings.HasPrefix(t, "#") {
			return t
		}
	}
	return "the build failed"
}

// runFunc runs the tests of f, one pattern at a time, with the test binary
// bin of step s, and returns its failure messages (nil if it passed). The
// time limit is on the processor time the tests use, where the system
// tells it (so that a busy machine does not make a slow function look like
// an endless loop), and at most three times the limit on the clock.
func runFunc(ctx context.Context, bin, root string, s Step, f Func, lim Limits) []string {
	start := time.Now()
	var used time.Duration // by the patterns run before
	var msgs []string
	seen := map[string]bool{}
	add := func(ms ...string) {
		for _, m := range ms {
			if !seen[m] {
				seen[m] = true
				msgs = append(msgs, m)
			}
		}
	}
	for _, pat := range f.Tests {
		if top, _, sub := strings.Cut(pat, "/"); sub && slices.Contains(f.Tests, top) {
			continue // the run of top runs it too
		}
		if strings.HasPrefix(pat, "Example") && len(msgs) > 0 {
			continue // the tests said what is wrong; the example would print it again
		}
		out := &cappedBuffer{limit: lim.Output}
		ectx, stop := context.WithCancel(ctx)
		out.exceeded = stop
		cmd := exec.CommandContext(ectx, bin, "-test.run", runRegexp(pat), "-test.v", "-test.paniconexit0")
		cmd.Dir = filepath.Join(root, s.Dir)
		// GradeEnv keeps the tests to what failed: the grade shows a
		// function's failures, not what matched.
		cmd.Env = append(testEnv(), GradeEnv+"=1")
		cmd.Stdout, cmd.Stderr = out, out
		cmd.Cancel = func() error { return interrupt(cmd.Process) }
		cmd.WaitDelay = 2 * time.Second
		var runErr error
		var timedOut, tooBig atomic.Bool
		if runErr = cmd.Start(); runErr == nil {
			done := make(chan struct{})
			before := used
			go func() {
				tick := time.NewTicker(100 * time.Millisecond)
				defer tick.Stop()
				for {
					select {
					case <-done:
						return
					case <-tick.C:
					}
					spent, ok := cpuTime(cmd.Process.Pid)
					if !ok { // the clock, then
						spent, before = time.Since(start), 0
					}
					if before+spent >= lim.Time || time.Since(start) >= 3*lim.Time {
						timedOut.Store(true)
						stop()
						return
					}
					if mem, ok := memUsed(cmd.Process.Pid); ok && mem > lim.Memory {
						tooBig.Store(true)
						stop()
						return
					}
				}
			}()
			runErr = cmd.Wait()
			close(done)
			if ps := cmd.ProcessState; ps != nil {
				used += ps.UserTime() + ps.SystemTime()
			}
		}
		stop()
		if ctx.Err() != nil {
			return []string{ctx.Err().Error()}
		}
		run := parseTestOutput(out.String(), root)
		switch {
		case out.over:
			return []string{fmt.Sprintf("%s printed more than %s without end: a Print in a loop?", f.Name, byteSize(lim.Output))}
		case tooBig.Load():
			return []string{fmt.Sprintf("%s used more than %s of memory: a loop that prints or allocates without end?", f.Name, byteSize(int(lim.Memory)))}
		case timedOut.Load():
			msg := fmt.Sprintf("%s did not finish within %v: an endless loop?", f.Name, lim.Time)
			switch {
			case run.where != "" && run.fn != "":
				msg += fmt.Sprintf(" It was in %s, at %s", run.fn, run.where)
			case run.where != "":
				msg += " It was at " + run.where
			}
			return []string{msg}
		}
		found, ran := run.failures(pat)
		if run.crash != "" {
			add(run.crashMessage())
		}
		add(found...)
		switch {
		case !ran && run.crash == "":
			add(strings.TrimSuffix(pat, "*") + " did not run")
		case runErr != nil && len(found) == 0 && run.crash == "":
			add(fmt.Sprintf("its tests failed (%v) without a message", runErr))
		}
	}
	return msgs
}

// runRegexp returns the -test.run pattern selecting the tests a pattern of
// Func.Tests names: "TestX/a_b" runs subtest a_b of TestX, "TestX/a*" its
// subtests starting with a, "ExampleF" that example.
func runRegexp(pat string) string {
	parts := strings.Split(pat, "/")
	for i, p := range parts {
		if prefix, ok := strings.CutSuffix(p, "*"); ok && i == len(parts)-1 {
			parts[i] = "^" + regexp.QuoteMeta(prefix)
		} else {
			parts[i] = "^" + regexp.QuoteMeta(p) + "$"
		}
	}
	return strings.Join(parts, "/")
}

// match reports whether a test name matches a pattern of Func.Tests.
func match(pattern, name string) bool {
	if prefix, ok := strings.CutSuffix(pattern, "*"); ok {
		return strings.HasPrefix(name, prefix)
	}
	return pattern == name
}

// cappedBuffer keeps what is written to it up to limit bytes; past that it
// drops the rest and calls exceeded once.
type cappedBuffer struct {
	mu       sync.Mutex
	buf      bytes.Buffer
	limit    int
	over     bool
	exceeded func()
}

func (c *cappedBuffer) Write(p []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.over {
		return len(p), nil
	}
	if c.buf.Len()+len(p) > c.limit {
		c.over = true
		c.exceeded()
		return len(p), nil
	}
	return c.buf.Write(p)
}

func (c *cappedBuffer) String() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.buf.String()
}

// byteSize writes n bytes as "1 MiB", "64 KiB" or "100 bytes".
func byteSize(n int) string {
	switch {
	case n >= 1<<30 && n%(1<<30) == 0:
		return fmt.Sprintf("%d GiB", n>>30)
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// blameEarlierSteps adds, to every failing function of a step that builds
// on an earlier step which does not pass, a first message sending the
// learner back to that step. Earlier steps that b does not grade are
// graded for this.
func blameEarlierSteps(ctx context.Context, root string, b *Scoreboard, lim Limits) error {
	failing := map[string]bool{}
	graded := map[string]bool{}
	needed := map[string]bool{}
	for _, r := range b.Results {
		graded[r.Step] = true
		if !r.Passed {
			failing[r.Step] = true
		}
	}
	deps := map[string]map[string]bool{}
	for _, s := range Steps {
		if failing[s.Dir] {
			deps[s.Dir] = stepDeps(root, s)
			for d := range deps[s.Dir] {
				if !graded[d] {
					needed[d] = true
				}
			}
		}
	}
	if len(needed) > 0 {
		var extra []Step
		for _, s := range Steps {
			if needed[s.Dir] {
				extra = append(extra, s)
			}
		}
		eb, err := runTests(ctx, root, extra, lim)
		if err != nil {
			return err
		}
		for _, r := range eb.Results {
			if !r.Passed {
				failing[r.Step] = true
			}
		}
	}
	for i := range b.Results {
		r := &b.Results[i]
		if r.Passed || explained(r.Messages) {
			continue
		}
		var bad []string
		for _, s := range Steps {
			if deps[r.Step][s.Dir] && failing[s.Dir] {
				bad = append(bad, s.Dir)
			}
		}
		switch len(bad) {
		case 0:
		case 1:
			r.Messages = slices.Insert(r.Messages, 0, fmt.Sprintf("%s does not pass yet: fix it first (go test ./%s)", bad[0], bad[0]))
		default:
			r.Messages = slices.Insert(r.Messages, 0, fmt.Sprintf("%s do not pass yet: fix them first, from %s on (go test ./%s)", strings.Join(bad, ", "), bad[0], bad[0]))
		}
	}
	return nil
}

// explained reports whether failure messages already name their cause: a
// build failure, or a stub (the function's own or one it calls).
func explained(msgs []string) bool {
	for _, m := range msgs {
		if strings.HasPrefix(m, "does not compile: ") || strings.Contains(m, NotImplemented) {
			return true
		}
	}
	return false
}
