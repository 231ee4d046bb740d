package exercise_test

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

// git runs git in dir, failing t if it fails.
func git(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-c", "user.name=test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false"}, args...)...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
	return string(out)
}

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// step02 is the step the tests below start.
var step02 = exercise.Steps[1]

// TestStartKeepsWhatGitDoesNotShow starts step02_forward where it holds a
// learner's file that git does not show as changed, in each of the ways
// that can happen. Start must refuse, naming the file, and leave every
// file of the step byte-identical.
func TestStartKeepsWhatGitDoesNotShow(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	const mine = "package step02_forward\n\n// helper is the learner's own.\nfunc helper() int { return 42 }\n"
	tests := []struct {
		name string
		// setup makes the situation in a copy of the project (a git
		// repository unless noted) and returns the project's root and
		// the learner's file.
		setup  func(t *testing.T) (root, file string)
		phrase string // in the refusal, besides the file's name
	}{
		{
			name: "listed in .git/info/exclude",
			setup: func(t *testing.T) (string, string) {
				dir := committedCopy(t)
				writeFile(t, filepath.Join(dir, ".git", "info", "exclude"), "step02_forward/helper.go\n")
				file := filepath.Join(dir, "step02_forward", "helper.go")
				writeFile(t, file, mine)
				return dir, file
			},
			phrase: "git ignores it",
		},
		{
			name: "untracked with status.showUntrackedFiles=no",
			setup: func(t *testing.T) (string, string) {
				dir := committedCopy(t)
				git(t, dir, "config", "status.showUntrackedFiles", "no")
				file := filepath.Join(dir, "step02_forward", "helper.go")
				writeFile(t, file, mine)
				if out := git(t, dir, "status", "--porcelain"); out != "" {
					t.Fatalf("git status shows %q, want nothing", out)
				}
				return dir, file
			},
			phrase: "is not committed",
		},
		{
			name: "a copy without .git inside a repository that ignores it",
			setup: func(t *testing.T) (string, string) {
				parent := t.TempDir()
				writeFile(t, filepath.Join(parent, ".gitignore"), "project/\n")
				git(t, parent, "init", "-q")
				git(t, parent, "add", "-A")
				git(t, parent, "commit", "-q", "-m", "parent")
				root := filepath.Join(parent, "project")
				if err := os.Rename(testutil.CopyProject(t, "step02_forward"), root); err != nil {
					t.Fatal(err)
				}
				file := filepath.Join(root, "step02_forward", "helper.go")
				writeFile(t, file, mine)
				return root, file
			},
			phrase: "is not committed in the git repository at",
		},
		{
			name: "the step folder is a committed symbolic link",
			setup: func(t *testing.T) (string, string) {
				outside := testutil.CopyProject(t, "step02_forward")
				dir := testutil.CopyProject(t)
				if err := os.Symlink(filepath.Join(outside, "step02_forward"), filepath.Join(dir, "step02_forward")); err != nil {
					t.Skipf("cannot make a symbolic link: %v", err)
				}
				testutil.GitCommitAll(t, dir)
				return dir, filepath.Join(outside, "step02_forward", "forward.go")
			},
			phrase: "is a symbolic link",
		},
		{
			name: "marked skip-worktree",
			setup: func(t *testing.T) (string, string) {
				dir := committedCopy(t)
				git(t, dir, "update-index", "--skip-worktree", "step02_forward/forward.go")
				file := filepath.Join(dir, "step02_forward", "forward.go")
				writeFile(t, file, mine)
				if out := git(t, dir, "status", "--porcelain"); out != "" {
					t.Fatalf("git status shows %q, want nothing", out)
				}
				return dir, file
			},
			phrase: "skip-worktree",
		},
		{
			name: "marked assume-unchanged",
			setup: func(t *testing.T) (string, string) {
				dir := committedCopy(t)
				git(t, dir, "update-index", "--assume-unchanged", "step02_forward/forward.go")
				file := filepath.Join(dir, "step02_forward", "forward.go")
				writeFile(t, file, mine)
				return dir, file
			},
			phrase: "assume-unchanged",
		},
		{
			name: "changed and staged, then changed back",
			setup: func(t *testing.T) (string, string) {
				dir := committedCopy(t)
				file := filepath.Join(dir, "step02_forward", "forward.go")
				ref, _ := os.ReadFile(file)
				writeFile(t, file, mine)
				git(t, dir, "add", "step02_forward/forward.go")
				writeFile(t, file, string(ref))
				return dir, file
			},
			phrase: "staged but not committed",
		},
		{
			name: "untracked, as git status shows it",
			setup: func(t *testing.T) (string, string) {
				dir := committedCopy(t)
				file := filepath.Join(dir, "step02_forward", "notes.txt")
				writeFile(t, file, "my notes\n")
				return dir, file
			},
			phrase: "move it out of step02_forward, or commit it",
		},
		{
			name: "changed, as git status shows it",
			setup: func(t *testing.T) (string, string) {
				dir := committedCopy(t)
				file := filepath.Join(dir, "step02_forward", "forward.go")
				writeFile(t, file, mine)
				return dir, file
			},
			phrase: "git checkout -- step02_forward/forward.go",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root, file := tt.setup(t)
			before := readTree(t, filepath.Dir(file))
			_, err := exercise.StartSteps(root, []exercise.Step{step02})
			if err == nil {
				t.Fatalf("StartSteps succeeded, want a refusal")
			}
			msg := err.Error()
			name := filepath.Base(file)
			if tt.name == "the step folder is a committed symbolic link" {
				name = "step02_forward"
			}
			for _, want := range []string{name, tt.phrase, "nothing was changed"} {
				if !strings.Contains(msg, want) {
					t.Errorf("StartSteps: %q, want it to contain %q", msg, want)
				}
			}
			if strings.Contains(msg, "\n") {
				t.Errorf("StartSteps: %q, want one line", msg)
			}
			if after := readTree(t, filepath.Dir(file)); !sameTree(before, after) {
				t.Errorf("StartSteps changed the files of %s", filepath.Dir(file))
			}
		})
	}
}

// committedCopy returns a copy of the project's step02_forward in a git
// repository of its own, everything committed.
func committedCopy(t *testing.T) string {
	t.Helper()
	dir := testutil.CopyProject(t, "step02_forward")
	testutil.GitCommitAll(t, dir)
	return dir
}

// readTree returns the contents of every file in dir, by name.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	for _, e := range entries {
		if b, err := os.ReadFile(filepath.Join(dir, e.Name())); err == nil {
			files[e.Name()] = b
		}
	}
	return files
}

func sameTree(a, b map[string][]byte) bool {
	if len(a) != len(b) {
		return false
	}
	for name, x := range a {
		if y, ok := b[name]; !ok || !bytes.Equal(x, y) {
			return false
		}
	}
	return true
}
