package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"dnn/internal/exercise"
	"dnn/internal/testutil"
)

// execDNN runs the command line args as main does and returns what it
// printed and its exit status.
func execDNN(args ...string) (stdout, stderr string, status int) {
	var out, errOut bytes.Buffer
	status = run(args, &out, &errOut)
	return out.String(), errOut.String(), status
}

// wantOneLineError fails t unless a command failed with status 1 and one
// line on stderr containing each of phrases.
func wantOneLineError(t *testing.T, args []string, stderr string, status int, phrases ...string) {
	t.Helper()
	if status != 1 || strings.Count(stderr, "\n") != 1 {
		t.Errorf("dnn %s: status %d, stderr %q; want status 1 and one line", strings.Join(args, " "), status, stderr)
	}
	for _, p := range phrases {
		if !strings.Contains(stderr, p) {
			t.Errorf("dnn %s: stderr %q, want it to contain %q", strings.Join(args, " "), stderr, p)
		}
	}
}

// skipInExerciseMode skips a test that needs the reference solution when a
// step of the project has stubs in place.
func skipInExerciseMode(t *testing.T) {
	t.Helper()
	root := testutil.RepoRoot(t)
	for _, s := range exercise.Steps {
		if stubs, err := exercise.Stubs(root, s); err != nil || len(stubs) > 0 {
			t.Skipf("%s is in exercise mode (%v, %v): this test needs the reference solution", s.Dir, stubs, err)
		}
	}
}

func TestExerciseRefusesUncommittedChanges(t *testing.T) {
	dir := testutil.CopyProject(t, testutil.StepDirs...)
	testutil.GitCommitAll(t, dir)
	forward := filepath.Join(dir, "step02_forward", "forward.go")
	mine := []byte("package step02_forward\n\n// my work in progress\n")
	if err := os.WriteFile(forward, mine, 0o644); err != nil {
		t.Fatal(err)
	}
	cost := filepath.Join(dir, "step03_cost", "cost.go")
	costBefore, err := os.ReadFile(cost)
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(filepath.Join(dir, "step03_cost"))

	for _, args := range [][]string{
		{"exercise", "start", "step02_forward"},
		{"exercise", "start", "all"},
	} {
		stdout, stderr, status := execDNN(args...)
		wantOneLineError(t, args, stderr, status, "step02_forward/forward.go has changes that are not committed", "git checkout -- step02_forward/forward.go", "nothing was changed")
		if stdout != "" {
			t.Errorf("dnn %s printed %q, want nothing", strings.Join(args, " "), stdout)
		}
		if b, _ := os.ReadFile(forward); !bytes.Equal(b, mine) {
			t.Errorf("dnn %s changed the uncommitted forward.go", strings.Join(args, " "))
		}
		if b, _ := os.ReadFile(cost); !bytes.Equal(b, costBefore) {
			t.Errorf("dnn %s changed step03_cost although it refused", strings.Join(args, " "))
		}
	}

	notes := filepath.Join(dir, "step03_cost", "notes.txt")
	if err := os.WriteFile(notes, []byte("untracked\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	args := []string{"exercise", "start", "step03_cost"}
	_, stderr, status := execDNN(args...)
	wantOneLineError(t, args, stderr, status, "step03_cost/notes.txt is not committed", "move it out of step03_cost", "nothing was changed")
	if err := os.Remove(notes); err != nil {
		t.Fatal(err)
	}

	stdout, stderr, status := execDNN(args...)
	if status != 0 || stderr != "" {
		t.Fatalf("dnn %s on a clean step: status %d, stderr %q; want 0 and nothing", strings.Join(args, " "), status, stderr)
	}
	for _, want := range []string{"step03_cost: ComputeCost", "go test ./step03_cost", "dnn exercise diff step03_cost", "dnn exercise reset step03_cost", "dnn hint step03_cost ComputeCost"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("dnn %s printed\n%s\nwant it to contain %q", strings.Join(args, " "), stdout, want)
		}
	}
	if b, _ := os.ReadFile(cost); !strings.Contains(string(b), `panic("step03_cost.ComputeCost is not implemented yet: `) {
		t.Errorf("after dnn %s, cost.go is\n%s\nwant ComputeCost stubbed", strings.Join(args, " "), b)
	}

	// All the others, once forward.go is back as committed: step03_cost,
	// an exercise already, is left as it is.
	restore := exec.Command("git", "checkout", "--", "step02_forward/forward.go")
	restore.Dir = dir
	if out, err := restore.CombinedOutput(); err != nil {
		t.Fatalf("git checkout: %v\n%s", err, out)
	}
	stdout, stderr, status = execDNN("exercise", "start", "all")
	if status != 0 || !strings.Contains(stdout, "step03_cost: an exercise already, left as it is") || !strings.Contains(stdout, "step02_forward: Sigmoid") {
		t.Errorf("dnn exercise start all: status %d, stderr %q, stdout\n%s\nwant step03_cost left and the others started", status, stderr, stdout)
	}
}

func TestExerciseErrors(t *testing.T) {
	outside := t.TempDir()
	// A copy of the project that is not a git repository: nothing in this
	// test may reach the real one.
	copied := testutil.CopyProject(t, "step02_forward")
	tests := []struct {
		args    []string
		dir     string // where to run; "" for here
		path    string // PATH, if set
		phrases []string
	}{
		{args: []string{"exercise"}, phrases: []string{`want "list", "start STEP", "diff STEP" or "reset STEP [FUNC]"`}},
		{args: []string{"exercise", "begin", "step02_forward"}, phrases: []string{`got "begin step02_forward"`}},
		{args: []string{"exercise", "reset", "step02_forward", "Nothing"}, phrases: []string{`step02_forward has no function "Nothing" to write`, "LinearForward"}},
		{args: []string{"exercise", "diff", "all"}, phrases: []string{`name one step here, not "all"`}},
		{args: []string{"exercise", "start"}, phrases: []string{"start which step?"}},
		{args: []string{"exercise", "start", "step09"}, phrases: []string{`unknown step "step09"`, "step01_init"}},
		{args: []string{"exercise", "start", "step02_forward"}, dir: outside, phrases: []string{"not inside the dnn project"}},
		{args: []string{"exercise", "start", "step02_forward"}, dir: copied, path: outside, phrases: []string{"git is not installed"}},
		{args: []string{"exercise", "start", "step02_forward"}, dir: copied, phrases: []string{"is not in a git repository", "make sure no work is lost"}},
		{args: []string{"hint", "step02_forward"}, phrases: []string{"want STEP FUNC"}},
		{args: []string{"hint", "step02_forward", "Nothing"}, phrases: []string{`step02_forward has no function "Nothing" to write`}},
		{args: []string{"hint", "-tier", "9", "step02_forward", "Relu"}, phrases: []string{"no hint 9: the hints go from 1 to 5"}},
		{args: []string{"watch", "step02_forward"}, phrases: []string{"watch takes no arguments"}},
		{args: []string{"grade", "-time", "0s"}, phrases: []string{"-time 0s: want a positive duration"}},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			if tt.dir != "" {
				t.Chdir(tt.dir)
			}
			if tt.path != "" {
				t.Setenv("PATH", tt.path)
			}
			_, stderr, status := execDNN(tt.args...)
			wantOneLineError(t, tt.args, stderr, status, tt.phrases...)
		})
	}
}

func TestExerciseList(t *testing.T) {
	stdout, stderr, status := execDNN("exercise", "list")
	if status != 0 || stderr != "" {
		t.Fatalf("dnn exercise list: status %d, stderr %q", status, stderr)
	}
	for _, s := range exercise.Steps {
		for _, f := range s.Funcs {
			if !strings.Contains(stdout, f.Notebook) || !strings.Contains(stdout, f.Name) {
				t.Errorf("dnn exercise list does not show %s (%s):\n%s", f.Name, f.Notebook, stdout)
			}
		}
	}
}
