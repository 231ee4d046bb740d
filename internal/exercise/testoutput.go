package exercise

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
)

// testRun is what one run of a test binary with -test.v printed, read by
// parseTestOutput.
type testRun struct {
	tests map[string]*testState
	order []string // the tests in the order they started
	// crash is the first line of a panic or fatal error that stopped the
	// binary ("panic: runtime error: ..."), where is the first frame of its
	// stack trace in a step package, relative to the project's root
	// ("step02_forward/forward.go:97"), and fn that frame's function
	// ("LinearForward"); all "" when it did not crash.
	crash, where, fn string
}

type testState struct {
	failed bool
	output []string // the lines printed while it ran, trimmed
}

var (
	frameLine   = regexp.MustCompile(`^\t(\S+\.go):(\d+)(?: |$)`)
	messageLine = regexp.MustCompile(`^[\w.-]+\.go:\d+: `)
)

// parseTestOutput reads the output of a test binary run with -test.v. root
// is the project's root, to find the frames of a stack trace that are in a
// step package.
func parseTestOutput(out, root string) testRun {
	r := testRun{tests: map[string]*testState{}}
	var current *testState
	var trace []string
	for _, line := range strings.Split(out, "\n") {
		t := strings.TrimSpace(line)
		if trace != nil {
			trace = append(trace, line)
			continue
		}
		switch {
		case strings.HasPrefix(line, "=== RUN ") || strings.HasPrefix(line, "=== CONT ") || strings.HasPrefix(line, "=== NAME "):
			name := strings.TrimSpace(line[len("=== XXXX "):])
			current = r.test(name)
		case strings.HasPrefix(line, "=== "):
			// === PAUSE: nothing to record
		case strings.HasPrefix(t, "--- FAIL: ") || strings.HasPrefix(t, "--- PASS: ") || strings.HasPrefix(t, "--- SKIP: "):
			name, _, _ := strings.Cut(t[len("--- FAIL: "):], " (")
			current = r.test(name)
			if strings.HasPrefix(t, "--- FAIL: ") {
				current.failed = true
			}
		case strings.HasPrefix(line, "panic: ") || strings.HasPrefix(line, "fatal error: ") || strings.HasPrefix(line, "SIGQUIT: "):
			r.crash = cleanPanic(t)
			trace = []string{line}
		case t == "" || t == "PASS" || t == "FAIL" || strings.HasPrefix(t, "exit status ") || strings.HasPrefix(t, "testing: warning: no tests to run"):
		case current != nil:
			current.output = append(current.output, t)
		}
	}
	r.where, r.fn = learnerFrame(trace, root)
	return r
}

// learnerFrame returns where a stack trace (a panic's, or the dump of
// every goroutine that SIGQUIT prints) was in the learner's code: the first
// frame in a step package, as "step02_forward/forward.go:62", and its
// function, "LinearForward", preferring a running goroutine and the steps'
// code to their tests. It returns "" when no frame is in a step.
func learnerFrame(trace []string, root string) (where, fn string) {
	var best, bestFn string
	bestRank := 0
	running := true // the panicking goroutine comes first, with no header before the trace
	fnLine := ""
	for _, line := range trace {
		if strings.HasPrefix(line, "goroutine ") {
			running = strings.Contains(line, "[running]") || strings.Contains(line, "[runnable]")
			continue
		}
		m := frameLine.FindStringSubmatch(line)
		if m == nil {
			fnLine = line
			continue
		}
		where := stepFrame(m[1], m[2], root)
		if where == "" {
			continue
		}
		rank := 1
		if !strings.HasSuffix(m[1], "_test.go") {
			rank += 2
		}
		if running {
			rank += 4
		}
		if rank > bestRank {
			best, bestFn, bestRank = where, funcName(fnLine), rank
		}
	}
	return best, bestFn
}

// funcName returns "F" for a frame's function line such as
// "dnn/step02_forward.F.func1(0x1, ...)", or "".
func funcName(line string) string {
	name, _, _ := strings.Cut(line, "(")
	name = name[strings.LastIndex(name, "/")+1:]
	_, name, ok := strings.Cut(name, ".")
	name, _, _ = strings.Cut(name, ".")
	if !ok || name == "" || strings.HasPrefix(name, "init") {
		return ""
	}
	return name
}

func (r *testRun) test(name string) *testState {
	t := r.tests[name]
	if t == nil {
		t = &testState{}
		r.tests[name] = t
		r.order = append(r.order, name)
	}
	return t
}

// stepFrame returns file:line relative to root if file is a Go file of a
// step package under root, else "".
func stepFrame(file, line, root string) string {
	rel, err := filepath.Rel(root, file)
	if err != nil || strings.HasPrefix(rel, "..") {
		return ""
	}
	dir, _, ok := strings.Cut(filepath.ToSlash(rel), "/")
	if !ok || !isStepDir(dir) {
		return ""
	}
	return filepath.ToSlash(rel) + ":" + line
}

// isStepDir reports whether dir is the folder of a step package.
func isStepDir(dir string) bool {
	for _, s := range Steps {
		if s.Dir == dir {
			return true
		}
	}
	return false
}

// failures returns the failure messages of the tests of r that match
// pattern (a pattern of Func.Tests), in order and without repeats: one for
// each line a failing test printed with t.Error or t.Fatal (without its
// file:line), or, for an Example, the first line it printed wrong. A failing
// test that printed none of those gives "NAME failed". ran reports whether
// any test matched.
func (r testRun) failures(pattern string) (msgs []string, ran bool) {
	seen := map[string]bool{}
	add := func(m string) {
		if !seen[m] {
			seen[m] = true
			msgs = append(msgs, m)
		}
	}
	for _, name := range r.order {
		if !match(pattern, name) && !strings.HasPrefix(name, strings.TrimSuffix(pattern, "*")+"/") {
			continue
		}
		ran = true
		t := r.tests[name]
		if !t.failed || r.failingSubtest(name) {
			continue
		}
		found := testMessages(t.output, strings.HasPrefix(name, "Example"))
		if len(found) == 0 && r.crash == "" {
			found = []string{name + " failed"}
		}
		for _, m := range found {
			add(m)
		}
	}
	return msgs, ran
}

func (r testRun) failingSubtest(name string) bool {
	for _, sub := range r.order {
		if r.tests[sub].failed && strings.HasPrefix(sub, name+"/") {
			return true
		}
	}
	return false
}

// testMessages returns the messages in a failing test's output: the lines
// of t.Error and t.Fatal without their file:line (the lines that continue a
// message are left out), or, for an example, its first wrong line.
func testMessages(output []string, example bool) []string {
	var msgs, got, want []string
	var dst *[]string
	for _, t := range output {
		switch {
		case example && t == "got:":
			dst = &got
		case example && t == "want:":
			dst = &want
		case dst != nil:
			*dst = append(*dst, t)
		case messageLine.MatchString(t):
			msgs = append(msgs, messageLine.ReplaceAllString(t, ""))
		}
	}
	if got != nil || want != nil {
		msgs = append(msgs, exampleMessage(got, want))
	}
	return msgs
}

// exampleMessage describes the first line an Example printed wrong.
func exampleMessage(got, want []string) string {
	for _, g := range got {
		if strings.Contains(g, NotImplemented) || strings.Contains(g, "panicked") {
			return g
		}
	}
	for i := 0; i < max(len(got), len(want)); i++ {
		g, w := "(nothing)", "(nothing)"
		if i < len(got) {
			g = got[i]
		}
		if i < len(want) {
			w = want[i]
		}
		if g != w {
			return fmt.Sprintf("the example printed %q on line %d, want %q", g, i+1, w)
		}
	}
	return "the example printed something else than its Output comment"
}

// crashMessage is the one-line message for a run that crashed: where, in
// the learner's code, and what.
func (r testRun) crashMessage() string {
	msg := strings.TrimPrefix(r.crash, "panic: ")
	switch {
	case r.where != "" && r.fn != "":
		return r.fn + " panicked at " + r.where + ": " + msg
	case r.where != "":
		return "panicked at " + r.where + ": " + msg
	}
	return msg
}

// cleanPanic removes the "[recovered]" notes of a panic line.
func cleanPanic(line string) string {
	if i := strings.Index(line, " [recovered"); i >= 0 {
		line = line[:i]
	}
	return line
}
