package exercise

import (
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// Start rewrites step s, in the folder root/s.Dir, into its exercise
// version (see Rewrite) and returns the names of the files it changed. It
// does not look at git and keeps no reference: StartSteps does, for the
// learner; Start is for a copy of the project.
func Start(root string, s Step) ([]string, error) {
	dir := filepath.Join(root, s.Dir)
	src, err := readPackage(dir)
	if err != nil {
		return nil, err
	}
	changed, err := Rewrite(s, src)
	if err != nil {
		return nil, err
	}
	return writeFiles(dir, changed)
}

// Stubs returns the functions of step s, in the folder root/s.Dir, that
// are still stubs: their body is a single panic whose message says
// "is not implemented yet".
func Stubs(root string, s Step) ([]string, error) {
	src, err := readPackage(filepath.Join(root, s.Dir))
	if err != nil {
		return nil, err
	}
	return stubsIn(s, src)
}

// stubsIn returns the functions of step s that are stubs in its files src.
func stubsIn(s Step, src map[string][]byte) ([]string, error) {
	pkg, err := parsePackage(src)
	if err != nil {
		return nil, err
	}
	graded := map[string]bool{}
	for _, f := range s.Funcs {
		graded[f.Name] = true
	}
	var stubs []string
	for _, file := range pkg.files {
		if file.test {
			continue
		}
		for _, decl := range file.ast.Decls {
			if fd, ok := decl.(*ast.FuncDecl); ok && fd.Recv == nil && graded[fd.Name.Name] && isStub(fd.Body) {
				stubs = append(stubs, fd.Name.Name)
			}
		}
	}
	return stubs, nil
}

// isStub reports whether body is a single panic of a string literal saying
// "is not implemented yet".
func isStub(body *ast.BlockStmt) bool {
	if body == nil || len(body.List) != 1 {
		return false
	}
	es, ok := body.List[0].(*ast.ExprStmt)
	if !ok {
		return false
	}
	call, ok := es.X.(*ast.CallExpr)
	if !ok || len(call.Args) != 1 {
		return false
	}
	if id, ok := call.Fun.(*ast.Ident); !ok || id.Name != "panic" {
		return false
	}
	lit, ok := call.Args[0].(*ast.BasicLit)
	return ok && lit.Kind == token.STRING && strings.Contains(lit.Value, NotImplemented)
}

// readPackage returns the contents of the .go files in dir by base name.
func readPackage(dir string) (map[string][]byte, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		return nil, err
	}
	if len(paths) == 0 {
		return nil, fmt.Errorf("no Go files in %s", dir)
	}
	src := map[string][]byte{}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		src[filepath.Base(p)] = b
	}
	return src, nil
}

// Rewrite returns the exercise version of step s's package. src holds the
// package's files by name, tests included: tests are read (a helper they
// use is kept) but never changed. In the other files
//
//   - every function of s.Funcs keeps its signature and doc comment and
//     gets the body panic("<pkg>.<Func> is not implemented yet: <hint>"),
//     the hint being the doc comment's "Hint:" paragraph, else the first
//     tier of its hints (see Hints);
//   - unexported functions that nothing else uses any more are deleted
//     (with their doc comments): their work is part of the exercises;
//   - imports that became unused are removed.
//
// It returns the changed files only, gofmt-formatted. It is an error if a
// function of s is missing from the package.
func Rewrite(s Step, src map[string][]byte) (map[string][]byte, error) {
	pkg, err := parsePackage(src)
	if err != nil {
		return nil, err
	}
	want := map[string]bool{}
	for _, f := range s.Funcs {
		want[f.Name] = true
	}
	found := map[string]bool{}
	edits := map[string][]edit{}
	for _, file := range pkg.files {
		if file.test {
			continue
		}
		for _, decl := range file.ast.Decls {
			fd, ok := decl.(*ast.FuncDecl)
			if !ok || fd.Recv != nil || fd.Body == nil {
				continue
			}
			if !want[fd.Name.Name] {
				continue
			}
			found[fd.Name.Name] = true
			edits[file.name] = append(edits[file.name], file.span(fd.Body.Pos(), fd.Body.End(), stubBody(s, fd)))
		}
	}
	for name := range want {
		if !found[name] {
			return nil, fmt.Errorf("%s: no function %s in the package (the exercise list in internal/exercise is out of date)", s.Dir, name)
		}
	}
	out := map[string][]byte{}
	for name, b := range src {
		out[name] = apply(b, edits[name])
	}
	if out, err = deleteUnused(out); err != nil {
		return nil, err
	}
	changed := map[string][]byte{}
	for name, b := range out {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		b, err := pruneImports(name, b)
		if err != nil {
			return nil, err
		}
		if b, err = format.Source(b); err != nil {
			return nil, fmt.Errorf("%s: the rewritten file does not format: %v", name, err)
		}
		if string(b) != string(src[name]) {
			changed[name] = b
		}
	}
	return changed, nil
}

// stubBody returns the body of fd's stub.
func stubBody(s Step, fd *ast.FuncDecl) string {
	hint := Hint(fd.Doc)
	if hint == "" {
		hint = Hints[s.Dir+"."+fd.Name.Name].Idea
	}
	if hint == "" {
		hint = "see its doc comment"
	}
	msg := s.Dir + "." + fd.Name.Name + NotImplemented + ": " + hint
	return "{\n\tpanic(" + strconv.Quote(msg) + ")\n}"
}

// Hint returns the "Hint:" paragraph of a doc comment, without the word
// "Hint:" and joined into one line, or "" if there is none.
func Hint(doc *ast.CommentGroup) string {
	if doc == nil {
		return ""
	}
	var lines []string
	for _, line := range strings.Split(doc.Text(), "\n") {
		line = strings.TrimSpace(line)
		switch {
		case lines == nil && strings.HasPrefix(line, "Hint:"):
			lines = append(lines, strings.TrimSpace(strings.TrimPrefix(line, "Hint:")))
		case lines != nil && line == "":
			return strings.Join(lines, " ")
		case lines != nil:
			lines = append(lines, line)
		}
	}
	return strings.Join(lines, " ")
}

// parsed is one parsed file of a package.
type parsed struct {
	name string
	src  []byte
	ast  *ast.File
	fset *token.FileSet
	test bool
}

// span returns the edit replacing the source from pos to end by text.
func (f parsed) span(pos, end token.Pos, text string) edit {
	return edit{f.fset.Position(pos).Offset, f.fset.Position(end).Offset, text}
}

type pkgFiles struct{ files []parsed }

// parsePackage parses every file of src, in name order.
func parsePackage(src map[string][]byte) (pkgFiles, error) {
	names := make([]string, 0, len(src))
	for name := range src {
		names = append(names, name)
	}
	slices.Sort(names)
	var p pkgFiles
	for _, name := range names {
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, name, src[name], parser.ParseComments)
		if err != nil {
			return pkgFiles{}, fmt.Errorf("cannot parse %v", err)
		}
		p.files = append(p.files, parsed{name, src[name], f, fset, strings.HasSuffix(name, "_test.go")})
	}
	return p, nil
}

// edit replaces src[start:end] by text.
type edit struct {
	start, end int
	text       string
}

// apply returns src with the edits made; they must not overlap.
func apply(src []byte, edits []edit) []byte {
	slices.SortFunc(edits, func(a, b edit) int { return a.start - b.start })
	var out []byte
	at := 0
	for _, e := range edits {
		out = append(out, src[at:e.start]...)
		out = append(out, e.text...)
		at = e.end
	}
	return append(out, src[at:]...)
}
