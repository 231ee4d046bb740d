package exercise_test

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/printer"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"dnn/internal/exercise"
	"dnn/internal/testutil"
)

func TestRewriteSteps(t *testing.T) {
	root := testutil.RepoRoot(t)
	for _, s := range exercise.Steps {
		t.Run(s.Dir, func(t *testing.T) {
			skipInExerciseMode(t, root, s)
			src := readDir(t, filepath.Join(root, s.Dir))
			changed, err := exercise.Rewrite(s, src)
			if err != nil {
				t.Fatalf("Rewrite(%s) error: %v", s.Dir, err)
			}
			out := map[string][]byte{}
			for name, b := range src {
				out[name] = b
			}
			for name, b := range changed {
				if strings.HasSuffix(name, "_test.go") {
					t.Errorf("Rewrite(%s) changed the test file %s", s.Dir, name)
				}
				out[name] = b
			}
			before, after := funcDecls(t, src), funcDecls(t, out)
			for _, f := range s.Funcs {
				fd := after[f.Name]
				if fd == nil {
					t.Errorf("Rewrite(%s) lost %s", s.Dir, f.Name)
					continue
				}
				prefix := s.Dir + "." + f.Name + exercise.NotImplemented + ": "
				if msg, ok := stubMessage(fd.decl); !ok || !strings.HasPrefix(msg, prefix) || len(msg) < len(prefix)+10 {
					t.Errorf("Rewrite(%s): %s has body %s, want panic(%q + a hint)", s.Dir, f.Name, fd.body, prefix)
				}
				if got, want := fd.decl.Doc.Text(), before[f.Name].decl.Doc.Text(); got != want {
					t.Errorf("Rewrite(%s): %s's doc comment = %q, want it kept: %q", s.Dir, f.Name, got, want)
				}
				if got, want := fd.signature, before[f.Name].signature; got != want {
					t.Errorf("Rewrite(%s): %s's signature = %s, want it kept: %s", s.Dir, f.Name, got, want)
				}
			}
			for name, fd := range before {
				switch {
				case after[name] == nil && ast.IsExported(name):
					t.Errorf("Rewrite(%s) deleted %s, which is exported", s.Dir, name)
				case after[name] != nil && !isExercise(s, name) && fd.body != after[name].body:
					t.Errorf("Rewrite(%s) changed %s, which is not an exercise", s.Dir, name)
				}
			}
			// What is left of the unexported helpers is used: a helper
			// that only the exercises used would hold part of the answer.
			used := usedNames(t, out)
			for name := range after {
				if !ast.IsExported(name) && name != "init" && !used[name] {
					t.Errorf("Rewrite(%s) kept %s, which nothing uses any more", s.Dir, name)
				}
			}
			again, err := exercise.Rewrite(s, out)
			if err != nil || len(again) != 0 {
				t.Errorf("Rewrite(%s) of its own result = %d changed files, %v; want none, nil", s.Dir, len(again), err)
			}
		})
	}
}

// skipInExerciseMode skips a test of the reference solution when one of
// steps has stubs in place.
func skipInExerciseMode(t *testing.T, root string, steps ...exercise.Step) {
	t.Helper()
	for _, s := range steps {
		stubs, err := exercise.Stubs(root, s)
		if err != nil {
			t.Fatal(err)
		}
		if len(stubs) > 0 {
			t.Skipf("%s is in exercise mode (%s not written yet): this test checks the reference solution", s.Dir, strings.Join(stubs, ", "))
		}
	}
}

func TestStubs(t *testing.T) {
	dir := testutil.CopyProject(t, "step02_forward")
	s := exercise.Steps[1]
	if _, err := exercise.Start(dir, s); err != nil {
		t.Fatal(err)
	}
	got, err := exercise.Stubs(dir, s)
	want := []string{"LModelForward", "LinearActivationForward", "LinearForward", "Relu", "Sigmoid"}
	slices.Sort(got)
	if err != nil || !slices.Equal(got, want) {
		t.Errorf("Stubs(stubbed step02_forward) = %v, %v; want %v", got, err, want)
	}
	path := filepath.Join(dir, "step02_forward", "forward.go")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	written := strings.Replace(string(b), `panic("step02_forward.Relu is not implemented yet`, `return matrix.Maximum(Z, 0), ActivationCache{Z: Z}
	panic("step02_forward.Relu is not implemented yet`, 1)
	if err := os.WriteFile(path, []byte(written), 0o644); err != nil {
		t.Fatal(err)
	}
	if got, err := exercise.Stubs(dir, s); err != nil || slices.Contains(got, "Relu") || len(got) != 4 {
		t.Errorf("Stubs(step02_forward with Relu written) = %v, %v; want the 4 others", got, err)
	}
}

// TestHints checks that every stub gets a hint of its own: the "Hint:"
// sentence of the doc comment, else the first tier of Hints.
func TestHints(t *testing.T) {
	root := testutil.RepoRoot(t)
	for _, s := range exercise.Steps {
		decls := funcDecls(t, readDir(t, filepath.Join(root, s.Dir)))
		for _, f := range s.Funcs {
			hint := exercise.Hint(decls[f.Name].decl.Doc)
			if hint == "" {
				hint = exercise.Hints[s.Dir+"."+f.Name].Idea
			}
			if len(hint) < 10 {
				t.Errorf("%s.%s: hint %q, want a hint of its own", s.Dir, f.Name, hint)
			}
		}
	}
}

func TestHint(t *testing.T) {
	tests := []struct {
		doc, want string
	}{
		{"// F does it.\n", ""},
		{"// F does it.\n//\n// Hint: Z = W·A + b; 2 lines.\n", "Z = W·A + b; 2 lines."},
		{"// F does it.\n//\n// Hint: first,\n// second.\n//\n// More.\n", "first, second."},
		{"// Hint:  spaced out  \n", "spaced out"},
	}
	for _, tt := range tests {
		f, err := parser.ParseFile(token.NewFileSet(), "a.go", "package p\n\n"+tt.doc+"func F() {}\n", parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		if got := exercise.Hint(f.Decls[0].(*ast.FuncDecl).Doc); got != tt.want {
			t.Errorf("Hint(%q) = %q, want %q", tt.doc, got, tt.want)
		}
	}
}

func TestRewrite(t *testing.T) {
	step := exercise.Step{Dir: "p", Funcs: []exercise.Func{{Name: "F"}}}
	tests := []struct {
		name string
		step exercise.Step
		src  map[string]string
		want map[string]string // the changed files
	}{
		{
			name: "helper and import used only by the exercise go",
			step: step,
			src: map[string]string{"a.go": `package p

import (
	"fmt"
	"strings"
)

// F does it.
//
// Hint: call g; 1 line.
func F() string {
	// the answer
	return g()
}

// g helps F.
func g() string { return fmt.Sprint(strings.ToUpper("x")) }

// H stays.
func H() string { return strings.ToLower("X") }
`},
			want: map[string]string{"a.go": `package p

import (
	"strings"
)

// F does it.
//
// Hint: call g; 1 line.
func F() string {
	panic("p.F is not implemented yet: call g; 1 line.")
}

// H stays.
func H() string { return strings.ToLower("X") }
`},
		},
		{
			name: "a helper that a test or a kept function uses stays",
			step: step,
			src: map[string]string{
				"a.go": `package p

import "fmt"

func F() string { return g() + h() }

func g() string { return fmt.Sprint(1) }

func h() string { return "h" }

func init() { _ = h() }
`,
				"a_test.go": `package p

func helperUse() string { return g() }
`},
			want: map[string]string{"a.go": `package p

import "fmt"

func F() string {
	panic("p.F is not implemented yet: see its doc comment")
}

func g() string { return fmt.Sprint(1) }

func h() string { return "h" }

func init() { _ = h() }
`},
		},
		{
			name: "dead helpers that call each other go, and a lone import",
			step: exercise.Step{Dir: "p", Funcs: []exercise.Func{{Name: "F"}}},
			src: map[string]string{"a.go": `package p

import "math"

// F is even.
func F(n int) bool { return even(n) }

func even(n int) bool { return n == 0 || odd(n-1) }

func odd(n int) bool { return n != 0 && even(int(math.Abs(float64(n-1)))) }
`},
			want: map[string]string{"a.go": `package p

// F is even.
func F(n int) bool {
	panic("p.F is not implemented yet: see its doc comment")
}
`},
		},
		{
			name: "a name in an external test package keeps nothing",
			step: step,
			src: map[string]string{
				"a.go": `package p

func F() int { return g() }

func g() int { return 1 }
`,
				"b_test.go": `package p_test

func g() int { return 2 }

var _ = g()
`},
			want: map[string]string{"a.go": `package p

func F() int {
	panic("p.F is not implemented yet: see its doc comment")
}
`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := map[string][]byte{}
			for name, s := range tt.src {
				src[name] = []byte(s)
			}
			got, err := exercise.Rewrite(tt.step, src)
			if err != nil {
				t.Fatalf("Rewrite error: %v", err)
			}
			if len(got) != len(tt.want) {
				t.Errorf("Rewrite changed %d files, want %d", len(got), len(tt.want))
			}
			for name, want := range tt.want {
				if string(got[name]) != want {
					t.Errorf("Rewrite: %s =\n%s\nwant\n%s", name, got[name], want)
				}
			}
		})
	}
}

func TestRewriteMissing(t *testing.T) {
	s := exercise.Step{Dir: "p", Funcs: []exercise.Func{{Name: "Gone"}}}
	_, err := exercise.Rewrite(s, map[string][]byte{"a.go": []byte("package p\n\nfunc F() {}\n")})
	if err == nil || !strings.Contains(err.Error(), "no function Gone") {
		t.Errorf("Rewrite of a package without Gone = %v, want an error naming Gone", err)
	}
}

// decl is a parsed top-level function, printed.
type decl struct {
	decl            *ast.FuncDecl
	signature, body string
}

// funcDecls returns the plain functions (no methods) of the non-test files.
func funcDecls(t *testing.T, src map[string][]byte) map[string]*decl {
	t.Helper()
	out := map[string]*decl{}
	for name, b := range src {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, name, b, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv == nil {
				out[fd.Name.Name] = &decl{fd, printNode(t, fset, fd.Type), string(b[fset.Position(fd.Body.Pos()).Offset:fset.Position(fd.Body.End()).Offset])}
			}
		}
	}
	return out
}

// usedNames returns the names that the files of src use, besides those
// they declare as functions.
func usedNames(t *testing.T, src map[string][]byte) map[string]bool {
	t.Helper()
	used := map[string]bool{}
	for name, b := range src {
		f, err := parser.ParseFile(token.NewFileSet(), name, b, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if fd, ok := n.(*ast.FuncDecl); ok && fd.Body != nil {
				ast.Inspect(fd.Body, func(n ast.Node) bool {
					if id, ok := n.(*ast.Ident); ok {
						used[id.Name] = true
					}
					return true
				})
				return false
			}
			if id, ok := n.(*ast.Ident); ok {
				used[id.Name] = true
			}
			return true
		})
	}
	return used
}

func printNode(t *testing.T, fset *token.FileSet, n ast.Node) string {
	var buf bytes.Buffer
	if err := printer.Fprint(&buf, fset, n); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// stubMessage returns the message of a body that is exactly one panic of a
// string literal.
func stubMessage(fd *ast.FuncDecl) (string, bool) {
	if len(fd.Body.List) != 1 {
		return "", false
	}
	es, ok := fd.Body.List[0].(*ast.ExprStmt)
	if !ok {
		return "", false
	}
	call, ok := es.X.(*ast.CallExpr)
	if !ok || len(call.Args) != 1 {
		return "", false
	}
	if id, ok := call.Fun.(*ast.Ident); !ok || id.Name != "panic" {
		return "", false
	}
	lit, ok := call.Args[0].(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return "", false
	}
	s, err := strconv.Unquote(lit.Value)
	return s, err == nil
}

func isExercise(s exercise.Step, name string) bool {
	for _, f := range s.Funcs {
		if f.Name == name {
			return true
		}
	}
	return false
}

func readDir(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no Go files in %s (%v)", dir, err)
	}
	src := map[string][]byte{}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		src[filepath.Base(p)] = b
	}
	return src
}
