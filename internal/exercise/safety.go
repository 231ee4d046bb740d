package exercise

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// CheckUntouched returns an error naming the first file of step s that
// exercise start could lose: anything in the step's folder that is not
// committed exactly as HEAD holds it. It looks at the files themselves,
// not at what git status shows, so that it also refuses
//
//   - files git ignores (.gitignore, .git/info/exclude), or does not show
//     (status.showUntrackedFiles=no);
//   - a project copied without its .git into a repository that ignores it;
//   - a step folder, or a file in it, that is a symbolic link (the stubs
//     would be written outside the project);
//   - files marked skip-worktree or assume-unchanged, whose changes git
//     hides;
//   - changes staged but not committed, and files deleted but not committed.
//
// Every message ends with "nothing was changed".
func CheckUntouched(root string, s Step) error {
	g, err := openRepo(root)
	if err != nil {
		return err
	}
	return g.checkUntouched(s)
}

func (g gitRepo) checkUntouched(s Step) error {
	refuse := func(format string, args ...any) error {
		return fmt.Errorf(format+"; nothing was changed", args...)
	}
	dir := filepath.Join(g.root, s.Dir)
	st, err := os.Lstat(dir)
	switch {
	case err != nil:
		return fmt.Errorf("the project at %s has no folder %s", g.root, s.Dir)
	case st.Mode()&fs.ModeSymlink != 0:
		target, _ := os.Readlink(dir)
		return refuse("%s is a symbolic link (to %s): exercise start writes only inside the project, replace the link by the folder itself first", s.Dir, target)
	case !st.IsDir():
		return fmt.Errorf("%s in %s is not a folder", s.Dir, g.root)
	}
	if !g.exists("HEAD") {
		return refuse("the git repository of %s has no commit yet: commit the project first (git add -A && git commit)", g.root)
	}
	head := g.files("HEAD", s.Dir)
	if len(head) == 0 {
		top, _ := g.run(nil, "rev-parse", "--show-toplevel")
		return refuse("%s is not committed in the git repository at %s (it may be ignored there), so exercise start could lose its files (%s): make the project a repository of its own (git init && git add -A && git commit), then start again",
			s.Dir, strings.TrimSpace(string(top)), strings.Join(fileNames(dir, 8), ", "))
	}

	// Files whose changes git is told to hide.
	out, err := g.run(nil, "ls-files", "-v", "-z", "--", s.Dir+"/")
	if err != nil {
		return err
	}
	for _, rec := range strings.Split(string(out), "\x00") {
		tag, path, ok := strings.Cut(rec, " ")
		switch {
		case !ok:
		case tag == "S":
			return refuse("git is told to skip %s (skip-worktree), so it hides your changes to it: undo that with git update-index --no-skip-worktree %s, then start again", path, path)
		case tag != strings.ToUpper(tag):
			return refuse("git is told to assume %s unchanged (assume-unchanged), so it hides your changes to it: undo that with git update-index --no-assume-unchanged %s, then start again", path, path)
		}
	}
	// Changes staged but not committed.
	out, err = g.run(nil, "ls-files", "-s", "-z", "--", s.Dir+"/")
	if err != nil {
		return err
	}
	for _, rec := range strings.Split(string(out), "\x00") {
		meta, path, ok := strings.Cut(rec, "\t")
		if f := strings.Fields(meta); ok && len(f) == 3 && head[filepath.ToSlash(path)].hash != f[1] {
			return refuse("%s has changes staged but not committed: commit them (git commit), then start again", path)
		}
	}

	// Every file in the folder, as the file system has it.
	var paths []string
	err = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(g.root, path)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		switch {
		case d.IsDir():
			return nil
		case d.Type()&fs.ModeSymlink != 0:
			return refuse("%s is a symbolic link: exercise start writes only plain files inside the project, move it out of %s first", rel, s.Dir)
		case !d.Type().IsRegular():
			return refuse("%s is not a regular file: move it out of %s first", rel, s.Dir)
		}
		if _, ok := head[rel]; !ok {
			why := "git does not track it"
			if _, err := g.run(nil, "check-ignore", "-q", "--no-index", "--", rel); err == nil {
				why = "git ignores it, through .gitignore or .git/info/exclude"
			}
			return refuse("%s is not committed (%s), and exercise start could lose it: move it out of %s, or commit it (git add -f %s && git commit), then start again", rel, why, s.Dir, rel)
		}
		paths = append(paths, rel)
		return nil
	})
	if err != nil {
		return err
	}
	if len(paths) > 0 {
		abs := make([]string, len(paths))
		for i, p := range paths {
			abs[i] = filepath.Join(g.root, p) // git reads relative paths from the top of the work tree
		}
		out, err = g.run([]byte(strings.Join(abs, "\n")+"\n"), "hash-object", "--stdin-paths")
		if err != nil {
			return err
		}
		for i, hash := range strings.Fields(string(out)) {
			if i < len(paths) && head[paths[i]].hash != hash {
				return refuse("%s has changes that are not committed: commit them (git commit), or throw them away (git checkout -- %s), then start again", paths[i], paths[i])
			}
		}
	}
	onDisk := map[string]bool{}
	for _, p := range paths {
		onDisk[p] = true
	}
	for path := range head {
		if !onDisk[path] {
			return refuse("%s is deleted, and the deletion is not committed: commit it, or bring the file back (git checkout -- %s), then start again", path, path)
		}
	}
	return nil
}

// fileNames returns the names of the first n files in dir, then "...".
func fileNames(dir string, n int) []string {
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		if len(names) == n {
			return append(names, "...")
		}
		names = append(names, e.Name())
	}
	return names
}
