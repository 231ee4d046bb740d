package exercise_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"dnn/internal/exercise"
)

// TestReferenceKept starts step02_forward in a git copy, writes and
// commits a function as a learner would, and checks that the reference
// kept at start still serves: exercise diff compares with it after the
// commit, reset brings back the stub of one function and then of the whole
// step (keeping a copy of what it overwrites, and the learner's own file),
// and the hints go one tier further on each call, the last being the
// reference's code.
func TestReferenceKept(t *testing.T) {
	dir := committedCopy(t)
	forward := filepath.Join(dir, "step02_forward", "forward.go")
	reference, err := os.ReadFile(forward)
	if err != nil {
		t.Fatal(err)
	}
	if err := exercise.Diff(dir, step02, &strings.Builder{}); err == nil || !strings.Contains(err.Error(), "exercise start step02_forward keeps it") {
		t.Errorf("Diff before start: %v, want an error saying start keeps the reference", err)
	}
	if _, err := exercise.StartSteps(dir, []exercise.Step{step02}); err != nil {
		t.Fatal(err)
	}
	if _, err := exercise.StartSteps(dir, []exercise.Step{step02}); err == nil || !strings.Contains(err.Error(), "is an exercise already") {
		t.Errorf("StartSteps of a started step: %v, want a refusal", err)
	}

	// The learner writes Relu their way, adds a file, and commits.
	setBody(t, forward, "Relu", "{\n\tA := matrix.Apply(Z, func(z float64) float64 { return max(z, 0) })\n\treturn A, ActivationCache{Z: Z}\n}")
	mine := filepath.Join(dir, "step02_forward", "mine.go")
	writeFile(t, mine, "package step02_forward\n\nfunc mine() {}\n")
	git(t, dir, "add", "-A")
	git(t, dir, "commit", "-q", "-m", "my Relu")
	var diff strings.Builder
	if err := exercise.Diff(dir, step02, &diff); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"--- reference/step02_forward/forward.go", "+++ yours/step02_forward/forward.go", "+\tA := matrix.Apply(Z, func(z float64) float64 { return max(z, 0) })", "step02_forward.LinearForward is not implemented yet", "+++ yours/step02_forward/mine.go"} {
		if !strings.Contains(diff.String(), want) {
			t.Errorf("Diff after a commit:\n%s\nwant it to contain %q", diff.String(), want)
		}
	}
	if !regexp.MustCompile(`(?m)^-.*func LinearForward`).MatchString(diff.String()) && !strings.Contains(diff.String(), "-\tZ := ") {
		t.Errorf("Diff after a commit:\n%s\nwant the reference's LinearForward on the - side", diff.String())
	}

	// Reset one function: Relu is a stub again, the rest stays.
	written, _ := os.ReadFile(forward)
	var out strings.Builder
	if err := exercise.Reset(dir, step02, "Relu", &out); err != nil {
		t.Fatal(err)
	}
	if stubs, _ := exercise.Stubs(dir, step02); len(stubs) != 5 {
		t.Errorf("after Reset(Relu): stubs %v, want all 5", stubs)
	}
	m := regexp.MustCompile(`git cat-file blob ([0-9a-f]+) > step02_forward/forward.go`).FindStringSubmatch(out.String())
	if m == nil {
		t.Fatalf("Reset(Relu) printed %q, want how to get the overwritten file back", out.String())
	}
	if kept := git(t, dir, "cat-file", "blob", m[1]); kept != string(written) {
		t.Errorf("the copy Reset kept differs from the file it overwrote")
	}

	// The learner breaks another function; reset of the whole step.
	setBody(t, forward, "Sigmoid", "{\n\treturn Z, ActivationCache{Z: Z}\n}")
	out.Reset()
	if err := exercise.Reset(dir, step02, "", &out); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "Left as they are (yours, not in the reference): mine.go") {
		t.Errorf("Reset(step) printed %q, want mine.go named as left alone", out.String())
	}
	if b, err := os.ReadFile(mine); err != nil || !strings.Contains(string(b), "func mine()") {
		t.Errorf("Reset(step) changed the learner's own file: %q, %v", b, err)
	}
	if stubs, _ := exercise.Stubs(dir, step02); len(stubs) != 5 {
		t.Errorf("after Reset(step): stubs %v, want all 5", stubs)
	}

	// Hints: one tier more on each call, the last being the reference.
	f := step02.Funcs[slices.IndexFunc(step02.Funcs, func(f exercise.Func) bool { return f.Name == "LinearForward" })]
	var tiers []int
	var last string
	for range len(exercise.TierNames) + 1 {
		n, text, err := exercise.NextHint(dir, step02, f)
		if err != nil {
			t.Fatal(err)
		}
		tiers = append(tiers, n)
		last = text
	}
	if want := []int{1, 2, 3, 4, 5, 5}; !slices.Equal(tiers, want) {
		t.Errorf("NextHint gave tiers %v, want %v", tiers, want)
	}
	if !strings.HasPrefix(last, "func LinearForward(") || !strings.Contains(string(reference), last) {
		t.Errorf("the last hint is\n%s\nwant LinearForward as the reference has it", last)
	}
	if err := exercise.ResetHints(dir, step02, f); err != nil {
		t.Fatal(err)
	}
	if n, _, err := exercise.NextHint(dir, step02, f); n != 1 || err != nil {
		t.Errorf("NextHint after ResetHints = %d, %v; want 1", n, err)
	}
	if _, err := os.Stat(filepath.Join(dir, ".git", "dnn-hints")); err != nil {
		t.Errorf("the hints shown are not remembered in .git/dnn-hints: %v", err)
	}
	if out, _ := exec.Command("git", "-C", dir, "status", "--porcelain", "--", "step02_forward").Output(); strings.Contains(string(out), "hints") {
		t.Errorf("the hints' memory shows in the step folder: %s", out)
	}
}

// TestReferenceInASubfolder starts a step of a project that a larger
// repository holds in a subfolder: the reference is kept, and diff names
// the files as the project does.
func TestReferenceInASubfolder(t *testing.T) {
	parent := t.TempDir()
	root := filepath.Join(parent, "proj")
	if err := os.Rename(committedCopy(t), root); err != nil {
		t.Fatal(err)
	}
	if err := os.RemoveAll(filepath.Join(root, ".git")); err != nil {
		t.Fatal(err)
	}
	git(t, parent, "init", "-q")
	git(t, parent, "add", "-A")
	git(t, parent, "commit", "-q", "-m", "outer")
	if _, err := exercise.StartSteps(root, []exercise.Step{step02}); err != nil {
		t.Fatal(err)
	}
	var diff strings.Builder
	if err := exercise.Diff(root, step02, &diff); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(diff.String(), "--- reference/step02_forward/forward.go") {
		t.Errorf("Diff in a subfolder:\n%s\nwant the reference's step02_forward/forward.go", diff.String())
	}
	var out strings.Builder
	if err := exercise.Reset(root, step02, "", &out); err != nil || !strings.Contains(out.String(), "is a stub already") {
		t.Errorf("Reset in a subfolder: %q, %v; want the stubs found already there", out.String(), err)
	}
}
