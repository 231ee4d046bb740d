package exercise

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// ReferenceRef is the git ref under which exercise mode keeps the reference
// solution: a commit holding the step folders as they were when they were
// started, so that Diff and Reset work even after the learner commits.
const ReferenceRef = "refs/dnn/reference"

// gitRepo runs git in the project's root.
type gitRepo struct {
	root string
	env  []string // added to the environment
}

// openRepo returns the git repository holding the project at root, or an
// error saying why exercise mode cannot work without one.
func openRepo(root string) (gitRepo, error) {
	if _, err := exec.LookPath("git"); err != nil {
		return gitRepo{}, errors.New("git is not installed (or not on PATH): exercise mode needs it to keep the reference and to make sure no work is lost")
	}
	g := gitRepo{root: root}
	if _, err := g.run(nil, "rev-parse", "--show-toplevel"); err != nil {
		return gitRepo{}, fmt.Errorf("the project at %s is not in a git repository (exercise mode needs one to keep the reference and to make sure no work is lost): %v", root, err)
	}
	return g, nil
}

// run runs git with args and stdin and returns its standard output. The
// error holds the first line git wrote on standard error.
func (g gitRepo) run(stdin []byte, args ...string) ([]byte, error) {
	cmd := exec.Command("git", args...)
	cmd.Dir = g.root
	cmd.Env = append(os.Environ(), g.env...)
	if stdin != nil {
		cmd.Stdin = bytes.NewReader(stdin)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		msg := firstLine(strings.TrimSpace(stderr.String()))
		if msg == "" {
			msg = err.Error()
		}
		return out, fmt.Errorf("git %s: %s", args[0], msg)
	}
	return out, nil
}

// treeEntry is one file of a git tree.
type treeEntry struct{ mode, hash string }

// files returns the files of the tree of rev under the folder dir (relative
// to the root), by path relative to the root. A missing rev or folder
// gives no files.
func (g gitRepo) files(rev, dir string) map[string]treeEntry {
	out, err := g.run(nil, "ls-tree", "-r", "-z", rev, "--", dir+"/")
	files := map[string]treeEntry{}
	if err != nil {
		return files
	}
	for _, rec := range strings.Split(string(out), "\x00") {
		meta, path, ok := strings.Cut(rec, "\t")
		if f := strings.Fields(meta); ok && len(f) == 3 {
			files[filepath.ToSlash(path)] = treeEntry{mode: f[0], hash: f[2]}
		}
	}
	return files
}

// exists reports whether rev names a commit.
func (g gitRepo) exists(rev string) bool {
	_, err := g.run(nil, "rev-parse", "--verify", "-q", rev+"^{commit}")
	return err == nil
}

// blob returns the contents of a git object.
func (g gitRepo) blob(hash string) ([]byte, error) {
	return g.run(nil, "cat-file", "blob", hash)
}

// keep writes data into git's object store and returns its hash: a copy
// that a command which overwrites a file leaves the learner.
func (g gitRepo) keep(data []byte) (string, error) {
	out, err := g.run(data, "hash-object", "-w", "--stdin")
	return strings.TrimSpace(string(out)), err
}

// refFiles returns the .go and other files of step dir in rev, by base
// name (files in subfolders are left out).
func (g gitRepo) refFiles(rev, dir string) (map[string][]byte, error) {
	out := map[string][]byte{}
	for path, e := range g.files(rev, dir) {
		if filepath.ToSlash(filepath.Dir(path)) != dir {
			continue
		}
		b, err := g.blob(e.hash)
		if err != nil {
			return nil, err
		}
		out[filepath.Base(path)] = b
	}
	return out, nil
}

// saveReference records the step folders of HEAD, for steps, in the commit
// ReferenceRef points at, keeping the other steps it holds.
func (g gitRepo) saveReference(steps []Step) error {
	tmp, err := os.MkdirTemp("", "dnn-index-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	prefix, err := g.run(nil, "rev-parse", "--show-prefix")
	if err != nil {
		return err
	}
	ig := g
	ig.env = []string{
		"GIT_INDEX_FILE=" + filepath.Join(tmp, "index"),
		"GIT_AUTHOR_NAME=dnn exercise", "GIT_AUTHOR_EMAIL=exercise@dnn.invalid",
		"GIT_COMMITTER_NAME=dnn exercise", "GIT_COMMITTER_EMAIL=exercise@dnn.invalid",
	}
	parent := g.exists(ReferenceRef)
	if parent {
		_, err = ig.run(nil, "read-tree", ReferenceRef)
	} else {
		_, err = ig.run(nil, "read-tree", "--empty")
	}
	if err != nil {
		return err
	}
	var names []string
	for _, s := range steps {
		names = append(names, s.Dir)
		if _, err := ig.run(nil, "rm", "--cached", "-r", "-q", "--ignore-unmatch", "--", s.Dir); err != nil {
			return err
		}
		if _, err := ig.run(nil, "read-tree", "--prefix="+strings.TrimSpace(string(prefix))+s.Dir+"/", "HEAD:./"+s.Dir); err != nil {
			return err
		}
	}
	tree, err := ig.run(nil, "write-tree")
	if err != nil {
		return err
	}
	args := []string{"commit-tree", strings.TrimSpace(string(tree)), "-m", "exercise reference: " + strings.Join(names, ", ")}
	if parent {
		args = append(args, "-p", ReferenceRef)
	}
	commit, err := ig.run(nil, args...)
	if err != nil {
		return err
	}
	_, err = g.run(nil, "update-ref", ReferenceRef, strings.TrimSpace(string(commit)))
	return err
}
