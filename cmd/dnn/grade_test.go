package main

import (
	"strings"
	"testing"

	"dnn/internal/testutil"
)

// TestGradeRepository grades the project itself: the reference solution
// passes every function.
func TestGradeRepository(t *testing.T) {
	testutil.GoCommand(t)
	skipInExerciseMode(t)
	stdout, stderr, status := execDNN("grade")
	if status != 0 || stderr != "" {
		t.Errorf("dnn grade: status %d, stderr %q; want 0 and nothing. Stdout:\n%s", status, stderr, stdout)
	}
	if !strings.Contains(stdout, "Score: 19/19") || strings.Count(stdout, " passed\n") != 19 {
		t.Errorf("dnn grade printed\n%s\nwant 19 functions passed and Score: 19/19", stdout)
	}
}

// TestGradeStub starts step 3 in a copy of the project and grades it.
func TestGradeStub(t *testing.T) {
	testutil.GoCommand(t)
	dir := testutil.CopyProject(t, "matrix", "internal/testutil", "step03_cost")
	testutil.GitCommitAll(t, dir)
	t.Chdir(dir)
	if _, stderr, status := execDNN("exercise", "start", "step03_cost"); status != 0 {
		t.Fatalf("dnn exercise start step03_cost: status %d, %s", status, stderr)
	}
	stdout, stderr, status := execDNN("grade", "step03")
	wantOneLineError(t, []string{"grade", "step03"}, stderr, status, "dnn grade: 1 of 1 functions do not pass yet")
	for _, want := range []string{"step03_cost  compute_cost  ComputeCost  FAILED: step03_cost.ComputeCost is not implemented yet: ", "Score: 0/1"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("dnn grade step03 printed\n%s\nwant it to contain %q", stdout, want)
		}
	}
	_, stderr, status = execDNN("grade", "step03", "step04")
	wantOneLineError(t, []string{"grade", "step03", "step04"}, stderr, status, "at most one step")
}
