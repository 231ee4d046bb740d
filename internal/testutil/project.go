package testutil

import (
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// StepDirs are the folders of the six step packages.
var StepDirs = []string{"step01_init", "step02_forward", "step03_cost", "step04_backward", "step05_update", "step06_model"}

// CopyProject copies go.mod and the named folders of the project (e.g.
// "matrix", "internal/testutil") into a new temporary folder, which it
// returns, so that a test may change or stub them. Symbolic links (such as
// testdata/datasets) are not copied.
func CopyProject(t testing.TB, dirs ...string) string {
	t.Helper()
	root := RepoRoot(t)
	dst := t.TempDir()
	copyFile(t, filepath.Join(root, "go.mod"), filepath.Join(dst, "go.mod"))
	for _, dir := range dirs {
		err := filepath.WalkDir(filepath.Join(root, dir), func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			rel, err := filepath.Rel(root, path)
			if err != nil {
				return err
			}
			switch {
			case d.IsDir():
				return os.MkdirAll(filepath.Join(dst, rel), 0o755)
			case d.Type().IsRegular():
				copyFile(t, path, filepath.Join(dst, rel))
			}
			return nil
		})
		if err != nil {
			t.Fatalf("CopyProject: %v", err)
		}
	}
	return dst
}

func copyFile(t testing.TB, src, dst string) {
	t.Helper()
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatalf("CopyProject: %v", err)
	}
	if err := os.WriteFile(dst, b, 0o644); err != nil {
		t.Fatalf("CopyProject: %v", err)
	}
}

// GitCommitAll makes dir a git repository holding one commit of all its
// files, and skips the test when git is not installed.
func GitCommitAll(t testing.TB, dir string) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	for _, args := range [][]string{
		{"init", "-q"},
		{"add", "-A"},
		{"-c", "user.name=test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false", "commit", "-q", "-m", "reference"},
	} {
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
}

// GoCommand returns the path of the go command, skipping the test when it
// is not on PATH or when tests run with -short (running go is slow).
func GoCommand(t testing.TB) string {
	t.Helper()
	if testing.Short() {
		t.Skip("runs the go command: skipped with -short")
	}
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("the go command is not on PATH")
	}
	return gobin
}
