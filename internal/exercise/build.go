package exercise

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
)

// buildOutput is what go test -c said about the packages it could not
// build, in order.
type buildOutput struct {
	failed []string            // import paths as go names them, e.g. "dnn/step03_cost [dnn/step03_cost.test]"
	lines  map[string][]string // by import path
	stderr string
}

// buildTests builds the test binaries of steps into dir, as dir/STEP.test;
// a step that does not compile has none. It is an error only when go
// could not be run.
func buildTests(ctx context.Context, root string, steps []Step, dir string) (buildOutput, error) {
	gobin, err := exec.LookPath("go")
	if err != nil {
		return buildOutput{}, errors.New("the go command is not on PATH: grading builds the steps' tests with it")
	}
	args := []string{"test", "-c", "-json", "-o", dir + string(filepath.Separator)}
	for _, s := range steps {
		args = append(args, "./"+s.Dir)
	}
	cmd := exec.CommandContext(ctx, gobin, args...)
	cmd.Dir = root
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	runErr := cmd.Run()
	if err := ctx.Err(); err != nil {
		return buildOutput{}, err
	}
	out := buildOutput{lines: map[string][]string{}, stderr: stderr.String()}
	sc := bufio.NewScanner(&stdout)
	sc.Buffer(make([]byte, 64*1024), 16*1024*1024)
	for sc.Scan() {
		var e struct{ ImportPath, Action, Output string }
		if json.Unmarshal(sc.Bytes(), &e) != nil {
			continue
		}
		switch e.Action {
		case "build-output":
			out.lines[e.ImportPath] = append(out.lines[e.ImportPath], e.Output)
		case "build-fail":
			out.failed = append(out.failed, e.ImportPath)
		}
	}
	var exitErr *exec.ExitError
	if runErr != nil && !errors.As(runErr, &exitErr) {
		return buildOutput{}, fmt.Errorf("go test -c: %v", runErr)
	}
	return out, nil
}

// message returns the first compiler message explaining why step s has no
// test binary: its own, else that of a package it builds on.
func (o buildOutput) message(root string, s Step) string {
	deps := stepDeps(root, s)
	var own, dep, other string
	for _, path := range o.failed {
		msg := compilerMessage(o.lines[path])
		pkg, _, _ := strings.Cut(path, " ")
		pkg = strings.TrimSuffix(pkg, "_test")
		switch {
		case pkg == s.ImportPath() && own == "":
			own = msg
		case deps[strings.TrimPrefix(pkg, Module+"/")] && dep == "":
			dep = msg
		case other == "":
			other = msg
		}
	}
	for _, m := range []string{own, dep, other} {
		if m != "" {
			return m
		}
	}
	if msg := firstLine(strings.TrimSpace(o.stderr)); msg != "" {
		return msg
	}
	return "the build failed"
}

// compilerMessage returns the first message of the compiler in a failed
// build's output.
func compilerMessage(lines []string) string {
	for _, l := range lines {
		if t := strings.TrimSpace(l); t != "" && !strings.HasPrefix(t, "#") {
			return t
		}
	}
	return "the build failed"
}
