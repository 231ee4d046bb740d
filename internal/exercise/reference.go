package exercise

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"dnn/internal/atomicfile"
)

// Started is a step that StartSteps turned into an exercise.
type Started struct {
	Step  Step
	Files []string // the files it rewrote, by base name
}

// StartSteps turns steps into exercises in the project at root, in place.
// First, for every step, it makes sure that no work can be lost
// (CheckUntouched) and that the step is not an exercise already; then it
// keeps the steps as HEAD holds them under ReferenceRef; then it rewrites
// them (Rewrite). On an error nothing was written.
func StartSteps(root string, steps []Step) ([]Started, error) {
	g, err := openRepo(root)
	if err != nil {
		return nil, err
	}
	changes := make([]map[string][]byte, len(steps))
	var record []Step
	for i, s := range steps {
		if stubs, err := Stubs(root, s); err == nil && len(stubs) > 0 {
			return nil, fmt.Errorf("%s is an exercise already (%s: stubs); exercise reset %s brings back the stubs of every function; nothing was changed", s.Dir, strings.Join(stubs, ", "), s.Dir)
		}
		if err := g.checkUntouched(s); err != nil {
			return nil, err
		}
		src, err := readPackage(filepath.Join(root, s.Dir))
		if err != nil {
			return nil, err
		}
		head, _ := g.run(nil, "rev-parse", "HEAD:./"+s.Dir)
		ref, err := g.run(nil, "rev-parse", ReferenceRef+":./"+s.Dir)
		switch {
		case err != nil:
			record = append(record, s)
		case !bytes.Equal(head, ref):
			return nil, fmt.Errorf("%s was started before and has changed since: it holds your work, which start would replace (exercise diff %s shows it; exercise reset %s brings back the stubs); nothing was changed", s.Dir, s.Dir, s.Dir)
		}
		if changes[i], err = Rewrite(s, src); err != nil {
			return nil, err
		}
	}
	if len(record) > 0 {
		if err := g.saveReference(record); err != nil {
			return nil, fmt.Errorf("keeping the reference under %s: %v; nothing was changed", ReferenceRef, err)
		}
	}
	var started []Started
	for i, s := range steps {
		names, err := writeFiles(filepath.Join(root, s.Dir), changes[i])
		if err != nil {
			return started, err
		}
		started = append(started, Started{s, names})
	}
	return started, nil
}

// writeFiles writes files (by base name) into dir and returns their names
// in order.
func writeFiles(dir string, files map[string][]byte) ([]string, error) {
	var names []string
	for name := range files {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		err := atomicfile.WriteFile(filepath.Join(dir, name), func(w io.Writer) error {
			_, err := w.Write(files[name])
			return err
		})
		if err != nil {
			return nil, err
		}
	}
	return names, nil
}

// errNoReference says that a step was never started here.
func errNoReference(s Step) error {
	return fmt.Errorf("no reference is kept for %s: exercise start %s keeps it (until then, git diff %s compares with your last commit)", s.Dir, s.Dir, s.Dir)
}

// Diff writes the differences between the reference of step s, kept at
// exercise start, and the learner's files, as git diff shows them, then
// the files of the step that the reference does not have. It says so when
// there is no difference.
func Diff(root string, s Step, w io.Writer) error {
	g, err := openRepo(root)
	if err != nil {
		return err
	}
	if _, err := g.run(nil, "rev-parse", "--verify", "-q", ReferenceRef+":./"+s.Dir); err != nil {
		return errNoReference(s)
	}
	out, err := g.run(nil, "diff", "--no-ext-diff", "--no-color", "--relative", "--src-prefix=reference/", "--dst-prefix=yours/", ReferenceRef, "--", s.Dir+"/")
	if err != nil {
		return err
	}
	extra, err := g.run(nil, "ls-files", "-z", "--others", "--exclude-standard", "--", s.Dir+"/")
	if err != nil {
		return err
	}
	if _, err := w.Write(out); err != nil {
		return err
	}
	var names []string
	for _, p := range strings.Split(string(extra), "\x00") {
		if p != "" {
			names = append(names, p)
		}
	}
	if len(names) > 0 {
		fmt.Fprintf(w, "Files the reference does not have (not committed): %s\n", strings.Join(names, ", "))
	}
	if len(out) == 0 && len(names) == 0 {
		fmt.Fprintf(w, "%s is the same as the reference\n", s.Dir)
	}
	return nil
}

// Reset brings back stubs in step s: of the function fn only (its body
// becomes the stub's again, the rest of the file is left as it is), or,
// when fn is "", of the whole step (every file the reference has becomes
// its exercise version; files the learner added are left alone and named).
// Before it overwrites a file, it keeps a copy in git's object store and
// says how to get it back. It writes what it did to w.
func Reset(root string, s Step, fn string, w io.Writer) error {
	g, err := openRepo(root)
	if err != nil {
		return err
	}
	dir := filepath.Join(root, s.Dir)
	if st, err := os.Lstat(dir); err != nil || !st.IsDir() {
		return fmt.Errorf("%s is not a folder of the project at %s (a symbolic link is not reset)", s.Dir, root)
	}
	ref, err := g.refFiles(ReferenceRef, s.Dir)
	if err != nil {
		return err
	}
	if len(ref) == 0 {
		return errNoReference(s)
	}
	cur, err := readPackage(dir)
	if err != nil && fn != "" {
		return err
	}
	want := map[string][]byte{}
	if fn == "" {
		changed, err := Rewrite(s, ref)
		if err != nil {
			return err
		}
		for name, b := range ref {
			want[name] = b
			if c, ok := changed[name]; ok {
				want[name] = c
			}
		}
	} else {
		name, b, err := stubOne(s, fn, cur)
		if err != nil {
			return err
		}
		want[name] = b
	}
	for name, b := range want {
		old, err := os.ReadFile(filepath.Join(dir, name))
		switch {
		case err == nil && bytes.Equal(old, b):
			delete(want, name)
		case err == nil:
			hash, err := g.keep(old)
			if err != nil {
				return fmt.Errorf("keeping a copy of %s/%s before overwriting it: %v; nothing was changed", s.Dir, name, err)
			}
			fmt.Fprintf(w, "Your %s/%s is kept: git cat-file blob %s > %s/%s brings it back\n", s.Dir, name, hash[:12], s.Dir, name)
		}
	}
	names, err := writeFiles(dir, want)
	if err != nil {
		return err
	}
	what := "every function"
	if fn != "" {
		what = fn
	}
	if len(names) == 0 {
		fmt.Fprintf(w, "%s: %s is a stub already; nothing was changed\n", s.Dir, what)
	} else {
		fmt.Fprintf(w, "%s: %s is a stub again (%s rewritten)\n", s.Dir, what, strings.Join(names, ", "))
	}
	if fn == "" {
		var mine []string
		for name := range cur {
			if _, ok := ref[name]; !ok {
				mine = append(mine, name)
			}
		}
		slices.Sort(mine)
		if len(mine) > 0 {
			fmt.Fprintf(w, "Left as they are (yours, not in the reference): %s\n", strings.Join(mine, ", "))
		}
	}
	return nil
}

// stubOne returns the file of src that holds function fn of step s, with
// fn's body replaced by its stub and the imports left unused removed.
func stubOne(s Step, fn string, src map[string][]byte) (string, []byte, error) {
	if !slices.ContainsFunc(s.Funcs, func(f Func) bool { return f.Name == fn }) {
		var names []string
		for _, f := range s.Funcs {
			names = append(names, f.Name)
		}
		return "", nil, fmt.Errorf("%s has no exercise %q: want one of %s", s.Dir, fn, strings.Join(names, ", "))
	}
	return withBody(s, fn, src, func(fd *ast.FuncDecl) string { return stubBody(s, fd) })
}

// withBody returns the file of src that holds function fn of step s, with
// fn's body replaced by body(fn's declaration) and the imports left unused
// removed.
func withBody(s Step, fn string, src map[string][]byte, body func(*ast.FuncDecl) string) (string, []byte, error) {
	found := findFunc(src, fn)
	if found == nil {
		return "", nil, fmt.Errorf("%s: no function %s in the package", s.Dir, fn)
	}
	file, fd := found.file, found.decl
	b := apply(file.src, []edit{file.span(fd.Body.Pos(), fd.Body.End(), body(fd))})
	b, err := pruneImports(file.name, b)
	if err != nil {
		return "", nil, err
	}
	if b, err = format.Source(b); err != nil {
		return "", nil, fmt.Errorf("%s: %v", file.name, err)
	}
	return file.name, b, nil
}
