package exercise

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"regexp"
	"strings"
	"text/tabwriter"
)

// Result is how one function fares in the steps' tests.
type Result struct {
	Step    string // the step's folder
	Func    Func
	Passed  bool
	Message string // the first failure, on one line; "" when it passed
}

// Failure is a failing test that checks none of the graded functions.
type Failure struct {
	Step, Test string
	Message    string
}

// Scoreboard is the grade of every function of the graded steps, in the
// learner's order.
type Scoreboard struct {
	Results []Result
	Others  []Failure
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

// AllPassed reports whether every function passed and no other test failed.
func (b Scoreboard) AllPassed() bool {
	passed, total := b.Score()
	return passed == total && len(b.Others) == 0
}

// Write prints the scoreboard: one line per function with the step, the
// notebook's name, the Go name and passed or the first failure, then the
// other failing tests, then the score, e.g. "Score: 14/19".
func (b Scoreboard) Write(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 8, 2, ' ', 0)
	step := ""
	for _, r := range b.Results {
		label := ""
		if r.Step != step {
			label, step = r.Step, r.Step
		}
		result := "passed"
		if !r.Passed {
			result = "FAILED: " + r.Message
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", label, r.Func.Notebook, r.Func.Name, result)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(b.Others) > 0 {
		fmt.Fprintln(w, "\nOther tests that fail:")
		for _, f := range b.Others {
			fmt.Fprintf(w, "  %s %s: %s\n", f.Step, f.Test, f.Message)
		}
	}
	passed, total := b.Score()
	_, err := fmt.Fprintf(w, "\nScore: %d/%d\n", passed, total)
	return err
}

// RunTests runs the graded tests (those of Func.Tests) of steps with
// go test -json, in the project at root, and grades them. Other tests,
// such as slow ones on the course's data set, do not run. A step that does
// not compile is graded (its functions fail with the compiler's first
// message); an error means the tests could not be run at all.
func RunTests(root string, steps []Step) (Scoreboard, error) {
	gobin, err := exec.LookPath("go")
	if err != nil {
		return Scoreboard{}, errors.New("the go command is not on PATH: grading runs go test")
	}
	args := []string{"test", "-json", "-run", runPattern(steps)}
	for _, s := range steps {
		args = append(args, "./"+s.Dir+"/...")
	}
	cmd := exec.Command(gobin, args...)
	cmd.Dir = root
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	runErr := cmd.Run()
	board, events := grade(steps, &stdout)
	if events == 0 {
		msg := strings.TrimSpace(stderr.String())
		if msg == "" && runErr != nil {
			msg = runErr.Error()
		}
		return Scoreboard{}, fmt.Errorf("go test %s gave no results: %s", strings.Join(args[4:], " "), firstLine(msg))
	}
	return board, nil
}

// runPattern returns the -run pattern that selects the top-level tests
// holding the graded tests of steps.
func runPattern(steps []Step) string {
	var names []string
	seen := map[string]bool{}
	for _, s := range steps {
		for _, f := range s.Funcs {
			for _, pat := range f.Tests {
				re := ""
				if top, _, sub := strings.Cut(pat, "/"); sub {
					re = regexp.QuoteMeta(top)
				} else if prefix, ok := strings.CutSuffix(pat, "*"); ok {
					re = regexp.QuoteMeta(prefix) + ".*"
				} else {
					re = regexp.QuoteMeta(pat)
				}
				if !seen[re] {
					seen[re] = true
					names = append(names, re)
				}
			}
		}
	}
	return "^(" + strings.Join(names, "|") + ")$"
}

// Grade reads the output of go test -json for the steps' packages and
// grades every function of steps by its tests (Func.Tests): it passed if
// every test matching each of its patterns ran and passed.
func Grade(steps []Step, r io.Reader) Scoreboard {
	b, _ := grade(steps, r)
	return b
}

// testEvent is one line of go test -json (see go doc test2json), build
// output included.
type testEvent struct {
	ImportPath  string // of a build-output line
	Action      string
	Package     string
	Test        string
	Output      string
	FailedBuild string
}

type testState struct {
	ran, failed bool
	output      []string
}

type pkgState struct {
	tests       map[string]*testState
	order       []string
	output      []string // outside any test
	failed      bool
	failedBuild string
}

// grade is Grade, also returning the number of events read.
func grade(steps []Step, r io.Reader) (Scoreboard, int) {
	pkgs := map[string]*pkgState{}
	build := map[string][]string{}
	events := 0
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 16*1024*1024)
	for sc.Scan() {
		var e testEvent
		if json.Unmarshal(sc.Bytes(), &e) != nil {
			continue
		}
		events++
		if e.Action == "build-output" {
			build[e.ImportPath] = append(build[e.ImportPath], e.Output)
			continue
		}
		if e.Package == "" {
			continue
		}
		p := pkgs[e.Package]
		if p == nil {
			p = &pkgState{tests: map[string]*testState{}}
			pkgs[e.Package] = p
		}
		if e.Test == "" {
			switch e.Action {
			case "output":
				p.output = append(p.output, e.Output)
			case "fail":
				p.failed, p.failedBuild = true, e.FailedBuild
			}
			continue
		}
		t := p.tests[e.Test]
		if t == nil {
			t = &testState{}
			p.tests[e.Test] = t
			p.order = append(p.order, e.Test)
		}
		switch e.Action {
		case "run":
			t.ran = true
		case "output":
			t.output = append(t.output, e.Output)
		case "fail":
			t.ran, t.failed = true, true
		case "pass", "skip":
			t.ran = true
		}
	}
	var b Scoreboard
	for _, s := range steps {
		p := pkgs[s.ImportPath()]
		for _, f := range s.Funcs {
			res := Result{Step: s.Dir, Func: f}
			switch {
			case p == nil:
				res.Message = "go test did not run " + s.ImportPath()
			case p.failedBuild != "":
				res.Message = "does not compile: " + compilerMessage(build[p.failedBuild], p.output)
			default:
				res.Message = p.check(f.Tests)
			}
			res.Passed = res.Message == ""
			b.Results = append(b.Results, res)
		}
		if p != nil && p.failedBuild == "" {
			b.Others = append(b.Others, p.others(s)...)
		}
	}
	return b, events
}

// check returns "" if every test matching the patterns ran and passed,
// else the first failure.
func (p *pkgState) check(patterns []string) string {
	for _, pat := range patterns {
		matched := false
		for _, name := range p.order {
			if !match(pat, name) {
				continue
			}
			matched = true
			if t := p.tests[name]; t.failed {
				return message(t.output)
			}
		}
		if !matched {
			msg := strings.TrimSuffix(pat, "*") + " did not run"
			if c := p.crash(); c != "" {
				msg += ": the tests stopped at " + c
			}
			return msg
		}
	}
	return ""
}

// others returns the failing tests of p that check no function of s. A
// test failing only because a subtest failed is left out.
func (p *pkgState) others(s Step) []Failure {
	var out []Failure
	for _, name := range p.order {
		t := p.tests[name]
		if !t.failed || p.failingSubtest(name) || checksFunc(s, name) {
			continue
		}
		out = append(out, Failure{Step: s.Dir, Test: name, Message: message(t.output)})
	}
	if len(out) == 0 && p.failed && !p.anyFailed() {
		out = append(out, Failure{Step: s.Dir, Test: "(package)", Message: message(p.output)})
	}
	return out
}

func (p *pkgState) failingSubtest(name string) bool {
	for sub, t := range p.tests {
		if t.failed && strings.HasPrefix(sub, name+"/") {
			return true
		}
	}
	return false
}

func (p *pkgState) anyFailed() bool {
	for _, t := range p.tests {
		if t.failed {
			return true
		}
	}
	return false
}

// crash returns the line of a panic that stopped the test binary, or "".
func (p *pkgState) crash() string {
	lines := p.output
	for _, name := range p.order {
		lines = append(lines, p.tests[name].output...)
	}
	for _, l := range lines {
		if strings.HasPrefix(l, "panic: ") {
			return cleanPanic(strings.TrimSpace(l))
		}
	}
	return ""
}

func checksFunc(s Step, test string) bool {
	for _, f := range s.Funcs {
		for _, pat := range f.Tests {
			if match(pat, test) || strings.HasPrefix(strings.TrimSuffix(pat, "*"), test+"/") {
				return true
			}
		}
	}
	return false
}

// match reports whether a test name matches a pattern of Func.Tests.
func match(pattern, name string) bool {
	if prefix, ok := strings.CutSuffix(pattern, "*"); ok {
		return strings.HasPrefix(name, prefix)
	}
	return pattern == name
}

var fileLine = regexp.MustCompile(`^[\w.-]+\.go:\d+: `)

// message returns the first failure message of a test's output, on one
// line: what t.Error or t.Fatal said (without the file:line), a panic, or,
// for an Example, the first line it printed wrong.
func message(output []string) string {
	var got, want []string
	var dst *[]string
	for _, l := range output {
		t := strings.TrimSpace(l)
		switch {
		case t == "" || strings.HasPrefix(t, "=== ") || strings.HasPrefix(t, "--- "):
			continue
		case t == "got:":
			dst = &got
			continue
		case t == "want:":
			dst = &want
			continue
		case dst != nil:
			*dst = append(*dst, t)
			continue
		case strings.HasPrefix(t, "panic: "):
			return cleanPanic(t)
		case t == "FAIL" || strings.HasPrefix(t, "FAIL\t") || strings.HasPrefix(t, "ok "):
			continue
		}
		return fileLine.ReplaceAllString(t, "")
	}
	if got != nil || want != nil {
		return exampleMessage(got, want)
	}
	return "failed (no message)"
}

// exampleMessage describes the first line an Example printed wrong.
func exampleMessage(got, want []string) string {
	if len(got) > 0 && strings.Contains(got[0], NotImplemented) {
		return got[0]
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

func cleanPanic(line string) string {
	if i := strings.Index(line, " [recovered"); i >= 0 {
		line = line[:i]
	}
	return line
}

// compilerMessage returns the first message of the compiler (or of vet) in
// a failed build's output, else the package's first output line.
func compilerMessage(build, pkgOutput []string) string {
	for _, l := range append(build, pkgOutput...) {
		if t := strings.TrimSpace(l); t != "" && !strings.HasPrefix(t, "#") {
			return t
		}
	}
	return "the build failed"
}
