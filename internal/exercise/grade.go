package exercise

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
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
