package exercise_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"dnn/internal/exercise"
	"dnn/internal/testutil"
)

// stepDirs returns the folders of the step packages and of the project's
// packages that they and their tests import, relative to the root, and
// those of the learner's program (cmd/learn and what it imports).
func stepDirs(t *testing.T, gobin string) []string {
	t.Helper()
	root := testutil.RepoRoot(t)
	cmd := exec.Command(gobin, "list", "-deps", "-test", "-f", "{{if not .Standard}}{{.Dir}}{{end}}", "./step0...", "./cmd/learn")
	cmd.Dir = root
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list the steps' packages: %v", err)
	}
	seen := map[string]bool{}
	var dirs []string
	for _, dir := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		rel, err := filepath.Rel(root, dir)
		if err != nil || strings.HasPrefix(rel, "..") || seen[rel] {
			continue
		}
		seen[rel] = true
		dirs = append(dirs, rel)
	}
	return dirs
}

// goRun runs the go command in dir and returns its combined output and
// whether it succeeded.
func goRun(t *testing.T, gobin, dir string, args ...string) (string, bool) {
	t.Helper()
	cmd := exec.Command(gobin, args...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	return string(out), err == nil
}

// setBody replaces the body of function fn in the file path (of a copy of
// the project) by body, braces included, adding those of imports (quoted
// paths) that the file lacks.
func setBody(t *testing.T, path, fn, body string, imports ...string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	src := string(b)
	i := strings.Index(src, "\nfunc "+fn+"(")
	if i < 0 {
		t.Fatalf("no func %s in %s", fn, path)
	}
	open := i + strings.Index(src[i:], " {\n") + 1
	end := open + strings.Index(src[open:], "\n}\n") + 2
	src = src[:open] + body + src[end:]
	for _, imp := range imports {
		if !strings.Contains(src, "\t"+imp+"\n") {
			src = strings.Replace(src, "import (", "import (\n\t"+imp, 1)
		}
	}
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestStubbedProject stubs every step in a copy of the project and checks
// what a learner meets: the packages compile and pass go vet; go test fails
// with "not implemented yet" for every step and never with a stack trace;
// the grade is 0 with one message per function; and a compile error in
// step 1 shows as every function that builds on it failing with the
// compiler's message, the others graded as before.
func TestStubbedProject(t *testing.T) {
	gobin := testutil.GoCommand(t)
	dir := testutil.CopyProject(t, stepDirs(t, gobin)...)
	for _, s := range exercise.Steps {
		if _, err := exercise.Start(dir, s); err != nil {
			t.Fatal(err)
		}
	}
	if out, ok := goRun(t, gobin, dir, "vet", "./..."); !ok {
		t.Fatalf("go vet ./... on the stubbed project failed:\n%s", out)
	}
	var pkgs []string
	for _, s := range exercise.Steps {
		pkgs = append(pkgs, "./"+s.Dir)
	}
	out, ok := goRun(t, gobin, dir, append([]string{"test"}, pkgs...)...)
	if ok {
		t.Fatalf("go test on the stubbed steps passed, want failures:\n%s", out)
	}
	for _, bad := range []string{"panic: ", "goroutine ", "[recovered"} {
		if strings.Contains(out, bad) {
			t.Errorf("go test on the stubbed steps printed %q (a stack trace):\n%s", bad, out)
		}
	}
	for _, s := range exercise.Steps {
		for _, f := range s.Funcs {
			if want := s.Dir + "." + f.Name + exercise.NotImplemented; !strings.Contains(out, want) {
				t.Errorf("go test on the stubbed steps does not say %q:\n%s", want, out)
			}
		}
	}

	board, err := exercise.RunTests(context.Background(), dir, exercise.Steps, exercise.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if passed, total := board.Score(); passed != 0 || total != 19 {
		t.Errorf("RunTests on the stubbed project: score %d/%d, want 0/19", passed, total)
	}
	for _, r := range board.Results {
		if !strings.Contains(r.Message(), exercise.NotImplemented) {
			t.Errorf("RunTests on the stubbed project: %s: %q, want a not-implemented message", r.Func.Name, r.Messages)
		}
	}

	// A compile error in step 1 fails every step that imports it.
	path := filepath.Join(dir, "step01_init", "init.go")
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, append(src, "\nfunc broken() int { return undefinedName }\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	board, err = exercise.RunTests(context.Background(), dir, exercise.Steps, exercise.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range board.Results {
		if r.Step == "step03_cost" {
			if !strings.Contains(r.Message(), exercise.NotImplemented) {
				t.Errorf("RunTests with step01 broken: %s: %q, want still a not-implemented message (step 3 does not import step 1)", r.Func.Name, r.Messages)
			}
			continue
		}
		if want := "does not compile: step01_init/init.go:"; !strings.HasPrefix(r.Message(), want) || !strings.Contains(r.Message(), "undefinedName") {
			t.Errorf("RunTests with step01 broken: %s: %q, want %q and the compiler's message about undefinedName", r.Func.Name, r.Messages, want)
		}
	}
}

// TestGradeAnything grades code that no test could grade before: a
// function that loops forever, one that prints without end, one whose
// goroutine panics past every recover of the tests, and a wrong earlier
// step under a later one. Each fails on its own, saying what happened and
// where, and grading ends (within a few times the time limit).
func TestGradeAnything(t *testing.T) {
	gobin := testutil.GoCommand(t)
	dir := testutil.CopyProject(t, stepDirs(t, gobin)...)
	forward := filepath.Join(dir, "step02_forward", "forward.go")
	setBody(t, forward, "LinearForward", "{\n\tfor {\n\t}\n}")
	setBody(t, forward, "LinearActivationForward", "{\n\tfor {\n\t\tfmt.Println(\"A =\", APrev)\n\t}\n}", `"fmt"`)
	setBody(t, forward, "LModelForward", "{\n\tdone := make(chan bool)\n\tgo func() {\n\t\tvar layers []int\n\t\t_ = layers[p.L()]\n\t\tdone <- true\n\t}()\n\t<-done\n\treturn nil, nil\n}")
	limit := 2 * time.Second
	board, err := exercise.RunTests(context.Background(), dir, exercise.Steps[1:2], exercise.Limits{Time: limit})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{
		"Sigmoid":                 nil,
		"Relu":                    nil,
		"LinearForward":           {"LinearForward did not finish within 2s: an endless loop? It was in LinearForward, at step02_forward/forward.go:"},
		"LinearActivationForward": {"LinearActivationForward printed more than 1 MiB without end"},
		"LModelForward":           {"LModelForward panicked at step02_forward/forward.go:", ": runtime error: index out of range"},
	}
	for _, r := range board.Results {
		phrases := want[r.Func.Name]
		if r.Passed != (phrases == nil) {
			t.Errorf("%s: passed = %v (%q), want %v", r.Func.Name, r.Passed, r.Messages, phrases == nil)
		}
		for _, p := range phrases {
			if !strings.Contains(r.Message(), p) {
				t.Errorf("%s: message %q, want it to contain %q", r.Func.Name, r.Message(), p)
			}
		}
		if len(r.Messages) > 1 {
			t.Errorf("%s: messages %q, want one", r.Func.Name, r.Messages)
		}
	}

	// A wrong (not stubbed) Sigmoid fails SigmoidBackward in step 4, which
	// then sends the learner back to step 2 first.
	setBody(t, forward, "Sigmoid", "{\n\treturn matrix.Apply(Z, math.Abs), ActivationCache{Z: Z}\n}", `"math"`)
	board, err = exercise.RunTests(context.Background(), dir, exercise.Steps[3:4], exercise.Limits{Time: limit})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range board.Results {
		if r.Func.Name == "SigmoidBackward" && r.Message() != "step02_forward does not pass yet: fix it first (go test ./step02_forward)" {
			t.Errorf("SigmoidBackward with a wrong Sigmoid: %q, want step02_forward named first", r.Messages)
		}
	}
}

// TestLearnGradesASlip runs the README's own lines in a copy of the
// project: go run ./cmd/learn exercise start, then a slip in step03_cost
// (a variable declared and not used), then go run ./cmd/learn grade, which
// still prints the whole scoreboard.
func TestLearnGradesASlip(t *testing.T) {
	gobin := testutil.GoCommand(t)
	dir := testutil.CopyProject(t, stepDirs(t, gobin)...)
	testutil.GitCommitAll(t, dir)
	if out, ok := goRun(t, gobin, dir, "run", "./cmd/learn", "exercise", "start", "step02_forward"); !ok {
		t.Fatalf("go run ./cmd/learn exercise start step02_forward failed:\n%s", out)
	}
	cost := filepath.Join(dir, "step03_cost", "cost.go")
	b, err := os.ReadFile(cost)
	if err != nil {
		t.Fatal(err)
	}
	slipped := regexp.MustCompile(`(?m)^func ComputeCost\(.*\{\n`).ReplaceAllString(string(b), "${0}\tx := 1\n")
	if slipped == string(b) {
		t.Fatal("cost.go has no func ComputeCost to slip in")
	}
	if err := os.WriteFile(cost, []byte(slipped), 0o644); err != nil {
		t.Fatal(err)
	}
	out, ok := goRun(t, gobin, dir, "run", "./cmd/learn", "grade")
	if ok {
		t.Fatalf("go run ./cmd/learn grade passed with a slip:\n%s", out)
	}
	for _, want := range []string{
		"step01_init      initialize_parameters ",
		"FAILED: step02_forward.LinearForward is not implemented yet: ",
		"ComputeCost                  FAILED: does not compile: step03_cost/cost.go:",
		"declared and not used: x",
		"\nScore: ",
		"/19\nlearn grade: ",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("go run ./cmd/learn grade printed\n%s\nwant it to contain %q", out, want)
		}
	}
	if n := strings.Count(out, "does not compile: step03_cost/cost.go:"); n != 5 {
		t.Errorf("go run ./cmd/learn grade: %d functions fail with step 3's compiler message, want 5 (ComputeCost and step 6's four):\n%s", n, out)
	}
}
