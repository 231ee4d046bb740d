package exercise

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"fmt"
	"go/ast"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// TierNames names the hint tiers, from 1.
var TierNames = []string{"the idea", "the formula, with the shapes", "the matrix functions, beside numpy's", "a skeleton that compiles", "the reference's Go code"}

// HintTier returns tier n (1 to len(TierNames)) of the hints of function f
// of step s, in the project at root. The last tier is the function as the
// reference kept at exercise start has it (or, before any start, as the
// last commit has it).
func HintTier(root string, s Step, f Func, n int) (string, error) {
	t := Hints[s.Dir+"."+f.Name]
	var fd *foundFunc
	if src, err := readPackage(filepath.Join(root, s.Dir)); err == nil {
		fd = findFunc(src, f.Name)
	}
	switch n {
	case 1:
		if fd != nil && Hint(fd.decl.Doc) != "" {
			return Hint(fd.decl.Doc), nil
		}
		return t.Idea, nil
	case 2:
		return t.Formula, nil
	case 3:
		return t.Functions, nil
	case 4:
		if fd != nil {
			return fd.source(fd.decl.Type.Pos(), fd.decl.Body.Lbrace) + t.Skeleton, nil
		}
		return "func " + f.Name + "(...) " + t.Skeleton, nil
	case 5:
		return referenceFunc(root, s, f)
	}
	return "", fmt.Errorf("no hint %d: the hints go from 1 to %d", n, len(TierNames))
}

// foundFunc is a function declaration and the file that holds it.
type foundFunc struct {
	file parsed
	decl *ast.FuncDecl
}

// source returns the source of the file from pos to end.
func (f foundFunc) source(pos, end token.Pos) string {
	p := f.file.fset.Position
	return string(f.file.src[p(pos).Offset:p(end).Offset])
}

// findFunc returns the declaration of function name in the non-test files
// src, or nil.
func findFunc(src map[string][]byte, name string) *foundFunc {
	pkg, err := parsePackage(src)
	if err != nil {
		return nil
	}
	for _, file := range pkg.files {
		if file.test {
			continue
		}
		for _, decl := range file.ast.Decls {
			if fd, ok := decl.(*ast.FuncDecl); ok && fd.Recv == nil && fd.Body != nil && fd.Name.Name == name {
				return &foundFunc{file, fd}
			}
		}
	}
	return nil
}

// referenceFunc returns the source of function f, from its func keyword to
// its closing brace, in the reference of step s.
func referenceFunc(root string, s Step, f Func) (string, error) {
	g, err := openRepo(root)
	if err != nil {
		return "", err
	}
	for _, rev := range []string{ReferenceRef, "HEAD"} {
		src, err := g.refFiles(rev, s.Dir)
		if err != nil || len(src) == 0 {
			continue
		}
		fd := findFunc(src, f.Name)
		if fd == nil || isStub(fd.decl.Body) {
			continue
		}
		return fd.source(fd.decl.Type.Pos(), fd.decl.End()), nil
	}
	return "", fmt.Errorf("the reference of %s.%s is not kept here: exercise start keeps it", s.Dir, f.Name)
}

// NextHint returns the next tier of hints of function f of step s, and its
// number: 1 the first time, one more on each call, then the last again. It
// remembers how far each function got in a file of the git repository's
// folder (.git/dnn-hints), or of the user's cache folder outside git.
func NextHint(root string, s Step, f Func) (int, string, error) {
	path, err := hintFile(root)
	if err != nil {
		return 0, "", err
	}
	state := readHintState(path)
	key := s.Dir + "." + f.Name
	n := min(state[key]+1, len(TierNames))
	text, err := HintTier(root, s, f, n)
	if err != nil {
		return 0, "", err
	}
	state[key] = n
	return n, text, writeHintState(path, state)
}

// ResetHints forgets how far the hints of f went: the next is the first.
func ResetHints(root string, s Step, f Func) error {
	path, err := hintFile(root)
	if err != nil {
		return err
	}
	state := readHintState(path)
	delete(state, s.Dir+"."+f.Name)
	return writeHintState(path, state)
}

// hintFile returns the file that remembers the hints shown.
func hintFile(root string) (string, error) {
	if g, err := openRepo(root); err == nil {
		if dir, err := g.run(nil, "rev-parse", "--absolute-git-dir"); err == nil {
			return filepath.Join(strings.TrimSpace(string(dir)), "dnn-hints"), nil
		}
	}
	cache, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("no place to remember the hints shown: %v", err)
	}
	sum := sha256.Sum256([]byte(root))
	return filepath.Join(cache, "dnn", fmt.Sprintf("hints-%x", sum[:8])), nil
}

// readHintState reads lines "step.Func N"; a missing or damaged file is
// an empty state.
func readHintState(path string) map[string]int {
	state := map[string]int{}
	b, err := os.ReadFile(path)
	if err != nil {
		return state
	}
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		if f := strings.Fields(sc.Text()); len(f) == 2 {
			if n, err := strconv.Atoi(f[1]); err == nil {
				state[f[0]] = n
			}
		}
	}
	return state
}

func writeHintState(path string, state map[string]int) error {
	var b strings.Builder
	for _, s := range Steps {
		for _, f := range s.Funcs {
			if n, ok := state[s.Dir+"."+f.Name]; ok {
				fmt.Fprintf(&b, "%s.%s %d\n", s.Dir, f.Name, n)
			}
		}
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}
