package exercise

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// FindRoot returns the project's root: the nearest folder, dir or above,
// holding a go.mod that declares module dnn.
func FindRoot(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for d := abs; ; d = filepath.Dir(d) {
		if b, err := os.ReadFile(filepath.Join(d, "go.mod")); err == nil && modulePath(b) == Module {
			return d, nil
		}
		if filepath.Dir(d) == d {
			return "", fmt.Errorf("not inside the %s project: no go.mod declaring module %s in %s or a folder above it", Module, Module, abs)
		}
	}
}

// modulePath returns the path of go.mod's module line.
func modulePath(gomod []byte) string {
	sc := bufio.NewScanner(bytes.NewReader(gomod))
	for sc.Scan() {
		if f := strings.Fields(sc.Text()); len(f) >= 2 && f[0] == "module" {
			return strings.Trim(f[1], `"`)
		}
	}
	return ""
}

// Uncommitted returns what git status --porcelain says about the folder dir
// of the repository at root: "" when it has no uncommitted changes (and no
// untracked files). It is an error when git is missing or root is not in a
// git repository.
func Uncommitted(root, dir string) (string, error) {
	git, err := exec.LookPath("git")
	if err != nil {
		return "", errors.New("git is not installed (or not on PATH): exercise mode needs it to make sure no work is lost")
	}
	cmd := exec.Command(git, "status", "--porcelain", "--", dir)
	cmd.Dir = root
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		msg := strings.TrimSpace(stderr.String())
		if msg == "" {
			msg = err.Error()
		}
		return "", fmt.Errorf("git status in %s failed (exercise mode needs the project in a git repository): %s", root, firstLine(msg))
	}
	return strings.TrimRight(string(out), "\n"), nil
}

// firstLine returns the first line of s.
func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}
