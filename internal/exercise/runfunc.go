package exercise

import (
	"bytes"
	"context"
	"fmt"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

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
