package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"dnn/internal/exercise"
	"dnn/internal/npy"
	"dnn/internal/testutil"
)

// TestUnfinishedStep builds dnn in a copy of the project whose
// step04_backward is stubbed, as "dnn exercise start" leaves it, and whose
// LinearForward panics with an index out of range when m is 7. Each
// command that meets the stub must name the step to finish, and the
// panic's file and line, in one line with exit status 1 and no goroutine
// dump.
func TestUnfinishedStep(t *testing.T) {
	gobin := testutil.GoCommand(t)
	root := testutil.RepoRoot(t)
	list := exec.Command(gobin, "list", "-deps", "-f", "{{if not .Standard}}{{.Dir}}{{end}}", "./cmd/dnn")
	list.Dir = root
	out, err := list.Output()
	if err != nil {
		t.Fatalf("go list -deps ./cmd/dnn: %v", err)
	}
	var dirs []string
	for _, d := range strings.Fields(string(out)) {
		if rel, err := filepath.Rel(root, d); err == nil {
			dirs = append(dirs, rel)
		}
	}
	dir := testutil.CopyProject(t, dirs...)
	steps, err := exercise.Select("step04_backward")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := exercise.Start(dir, steps[0]); err != nil {
		t.Fatal(err)
	}
	forward := filepath.Join(dir, "step02_forward", "forward.go")
	src, err := os.ReadFile(forward)
	if err != nil {
		t.Fatal(err)
	}
	head, body, ok := strings.Cut(string(src), "\nfunc LinearForward(")
	sig, rest, ok2 := strings.Cut(body, "{\n")
	if !ok || !ok2 {
		t.Fatal("no func LinearForward in step02_forward/forward.go")
	}
	slip := "\tif _, m := A.Dims(); m == 7 {\n\t\t_ = []int{}[m]\n\t}\n"
	if err := os.WriteFile(forward, []byte(head+"\nfunc LinearForward("+sig+"{\n"+slip+rest), 0o644); err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(dir, "dnn")
	build := exec.Command(gobin, "build", "-o", bin, "./cmd/dnn")
	build.Dir = dir
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build ./cmd/dnn in the copy: %v\n%s", err, out)
	}
	X, Y := learnableXY(fixN, fixM)
	for name, b := range map[string][]byte{"x.npy": npyBytes(t, npy.FromMatrix(X)), "y.npy": npyBytes(t, npy.FromMatrix(Y))} {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	stub := "step04_backward.LModelBackward is not implemented yet: finish step04_backward first (go test ./step04_backward, or go run ./cmd/learn grade)"
	slipped := "the step code panicked in step02_forward.LinearForward: runtime error: index out of range [7] with length 0 (test it with go test ./step02_forward)"
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"gradcheck"}, "dnn gradcheck: " + stub},
		{[]string{"train", "-x", "x.npy", "-y", "y.npy", "-layers", "20,3,1", "-iterations", "5"}, "dnn train: " + stub},
		{[]string{"demo", "-fast=false", "-iterations", "5", "-report", ""}, "dnn demo: " + stub},
		{[]string{"gradcheck", "-m", "7"}, "dnn gradcheck: step02_forward/forward.go:"},
		{[]string{"gradcheck", "-m", "7"}, slipped},
	} {
		cmd := exec.Command(bin, tt.args...)
		cmd.Dir = dir
		var stderr strings.Builder
		cmd.Stderr = &stderr
		err := cmd.Run()
		status := 0
		if exit, ok := err.(*exec.ExitError); ok {
			status = exit.ExitCode()
		}
		wantOneLineError(t, tt.args, stderr.String(), status, tt.want)
		if strings.Contains(stderr.String(), "goroutine") {
			t.Errorf("dnn %s printed a goroutine dump:\n%s", strings.Join(tt.args, " "), stderr.String())
		}
	}
}
