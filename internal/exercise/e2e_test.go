package exercise_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"dnn/internal/exercise"
	"dnn/internal/testutil"
)

// stepDirs returns the folders of the step packages and of the project's
// packages that they and their tests import, relative to the root.
func stepDirs(t *testing.T, gobin string) []string {
	t.Helper()
	root := testutil.RepoRoot(t)
	cmd := exec.Command(gobin, "list", "-deps", "-test", "-f", "{{if not .Standard}}{{.Dir}}{{end}}", "./step0...")
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
	// The packages of files written (atomicfile and what it uses), and
	// those that the copied readers' tests build hostile files with.
	return append(dirs, "internal/atomicfile", "internal/infile", "internal/memlimit", "internal/hostile")
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

// learnerBodies are solutions as a learner may write them, for the
// exercises whose reference version is built on a function of Step.Given
// (the reference LinearBackward calls LinearBackwardParams).
var learnerBodies = map[string][]exercise.Given{
	"step04_backward": {{Name: "LinearBackward", Body: `{
	_, m := cache.APrev.Dims()
	dW = matrix.Scale(1/float64(m), matrix.DotTB(dZ, cache.APrev))
	db = matrix.Scale(1/float64(m), matrix.SumAxis(dZ, 1))
	return matrix.DotTA(cache.W, dZ), dW, db
}`}},
}

// TestGivenBodies checks that the functions rebuilt on the exercises
// (Step.Given) pass the tests once the exercises are done: with only them
// rewritten, and the exercises they call written as a learner may, every
// test passes.
func TestGivenBodies(t *testing.T) {
	gobin := testutil.GoCommand(t)
	skipInExerciseMode(t, testutil.RepoRoot(t), exercise.Steps...)
	dir := testutil.CopyProject(t, stepDirs(t, gobin)...)
	var pkgs []string
	for _, s := range exercise.Steps {
		if len(s.Given) == 0 {
			continue
		}
		given := append(learnerBodies[s.Dir], s.Given...)
		if _, err := exercise.Start(dir, exercise.Step{Dir: s.Dir, Given: given}); err != nil {
			t.Fatal(err)
		}
		pkgs = append(pkgs, "./"+s.Dir)
	}
	pkgs = append(pkgs, "./step06_model")
	// The copy has no course data: leave out the test that trains on it
	// (it would fail under CI); TestTrainGram covers TrainGram.
	if out, ok := goRun(t, gobin, dir, append([]string{"test", "-skip", "TestCourseModels"}, pkgs...)...); !ok {
		t.Errorf("go test %v with the given bodies failed:\n%s", pkgs, out)
	}
}

// TestStubbedProject stubs every step in a copy of the project and checks
// what a learner meets: the packages compile and pass go vet; go test fails
// with "not implemented yet" for every step and never with a stack trace;
// the grade is 0 with one message per function; and a compile error in
// step 1 shows as every function failing with the compiler's message.
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

	board, err := exercise.RunTests(dir, exercise.Steps)
	if err != nil {
		t.Fatal(err)
	}
	if passed, total := board.Score(); passed != 0 || total != 19 {
		t.Errorf("RunTests on the stubbed project: score %d/%d, want 0/19", passed, total)
	}
	for _, r := range board.Results {
		if !strings.Contains(r.Message, exercise.NotImplemented) {
			t.Errorf("RunTests on the stubbed project: %s: %q, want a not-implemented message", r.Func.Name, r.Message)
		}
	}
	if len(board.Others) > 0 {
		t.Errorf("RunTests on the stubbed project: other failures %+v, want none", board.Others)
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
	board, err = exercise.RunTests(dir, exercise.Steps)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range board.Results {
		if r.Step == "step03_cost" {
			if !strings.Contains(r.Message, exercise.NotImplemented) {
				t.Errorf("RunTests with step01 broken: %s: %q, want still a not-implemented message (step 3 does not import step 1)", r.Func.Name, r.Message)
			}
			continue
		}
		if !strings.Contains(r.Message, "does not compile") || !strings.Contains(r.Message, "undefinedName") {
			t.Errorf("RunTests with step01 broken: %s: %q, want the compiler's message about undefinedName", r.Func.Name, r.Message)
		}
	}
}
