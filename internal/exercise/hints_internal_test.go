package exercise

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"dnn/internal/testutil"
)

func TestHintsComplete(t *testing.T) {
	want := map[string]bool{}
	for _, s := range Steps {
		for _, f := range s.Funcs {
			key := s.Dir + "." + f.Name
			want[key] = true
			h, ok := Hints[key]
			switch {
			case !ok:
				t.Errorf("Hints has no tiers for %s", key)
			case h.Idea == "" || h.Formula == "" || h.Functions == "" || h.Skeleton == "":
				t.Errorf("Hints[%s] = %+v, want every tier written", key, h)
			case !strings.HasPrefix(h.Skeleton, "{\n") || !strings.HasSuffix(h.Skeleton, "\n}"):
				t.Errorf("Hints[%s].Skeleton = %q, want a body in braces", key, h.Skeleton)
			}
		}
	}
	for key := range Hints {
		if !want[key] {
			t.Errorf("Hints[%s] is for no function of Steps", key)
		}
	}
}

// answerLines returns the statements of the reference body of fn that do
// the work: the expressions with a call, after := , = or return, without
// spaces.
func answerLines(body string) []string {
	var out []string
	for _, line := range strings.Split(body, "\n") {
		line = strings.TrimSpace(line)
		for _, sep := range []string{":=", " = ", "return "} {
			if _, rhs, ok := strings.Cut(line, sep); ok {
				line = rhs
			}
		}
		line = squeeze(line)
		switch {
		case !strings.Contains(line, "(") || len(line) < 18:
		case strings.HasSuffix(line, "(") || strings.HasSuffix(line, ","): // part of a call on several lines
		case strings.HasPrefix(line, "panic(") || strings.HasPrefix(line, "append(") || strings.Contains(line, "make("): // structure, not the answer
		default:
			out = append(out, line)
		}
	}
	return out
}

var spaces = regexp.MustCompile(`\s+`)

func squeeze(s string) string { return spaces.ReplaceAllString(s, "") }

// TestHintsGiveNothingAway checks that no tier before the last holds a
// working line of the reference: the expression of an assignment or a
// return that calls something.
func TestHintsGiveNothingAway(t *testing.T) {
	root := testutil.RepoRoot(t)
	for _, s := range Steps {
		src, err := readPackage(filepath.Join(root, s.Dir))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range s.Funcs {
			fd := findFunc(src, f.Name)
			if fd == nil || isStub(fd.decl.Body) {
				t.Skipf("%s.%s is not the reference here", s.Dir, f.Name)
			}
			answers := answerLines(fd.source(fd.decl.Body.Lbrace+1, fd.decl.Body.Rbrace))
			h := Hints[s.Dir+"."+f.Name]
			idea := Hint(fd.decl.Doc)
			for i, tier := range []string{idea, h.Formula, h.Functions, h.Skeleton} {
				for _, a := range answers {
					if strings.Contains(squeeze(tier), a) {
						t.Errorf("%s.%s: hint %d holds the reference's %q", s.Dir, f.Name, i+1, a)
					}
				}
			}
		}
	}
}

// packageNames are the packages a hint's code may use, by the name it
// uses them by.
var packageNames = map[string]string{
	"matrix": "dnn/matrix", "step01_init": "dnn/step01_init", "step02_forward": "dnn/step02_forward",
	"math": "math", "fmt": "fmt", "slices": "slices",
}

// addImports adds to a file the imports of packageNames it uses without
// importing them.
func addImports(t *testing.T, name string, src []byte) []byte {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), name, src, 0)
	if err != nil {
		t.Fatal(err)
	}
	have := map[string]bool{}
	for _, is := range f.Imports {
		p, _ := strconv.Unquote(is.Path.Value)
		have[p] = true
	}
	used := qualifiers(f)
	var add []string
	for pkg, path := range packageNames {
		if !have[path] && used[pkg] {
			add = append(add, strconv.Quote(path))
		}
	}
	if len(add) == 0 {
		return src
	}
	s := string(src)
	decl := "import (\n\t" + strings.Join(add, "\n\t") + "\n)\n"
	i := strings.Index(s, "\n") + 1 // after the package clause
	return []byte(s[:i] + "\n" + decl + s[i:])
}

// TestSkeletonsCompile puts every skeleton in place of its function's body,
// in a copy of the project, and vets the steps.
func TestSkeletonsCompile(t *testing.T) {
	gobin := testutil.GoCommand(t)
	root := testutil.RepoRoot(t)
	list := exec.Command(gobin, "list", "-deps", "-test", "-f", "{{if not .Standard}}{{.Dir}}{{end}}", "./step0...")
	list.Dir = root
	out, err := list.Output()
	if err != nil {
		t.Fatalf("go list the steps' packages: %v", err)
	}
	var dirs []string
	for _, d := range strings.Fields(string(out)) {
		if rel, err := filepath.Rel(root, d); err == nil && !strings.HasPrefix(rel, "..") && !slices.Contains(dirs, rel) {
			dirs = append(dirs, rel)
		}
	}
	dir := testutil.CopyProject(t, dirs...)
	for _, s := range Steps {
		path := filepath.Join(dir, s.Dir)
		src, err := readPackage(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range s.Funcs {
			name, b, err := withBody(s, f.Name, src, func(*ast.FuncDecl) string { return Hints[s.Dir+"."+f.Name].Skeleton })
			if err != nil {
				t.Fatal(err)
			}
			src[name] = addImports(t, name, b)
		}
		for name, b := range src {
			if err := os.WriteFile(filepath.Join(path, name), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	cmd := exec.Command(gobin, "vet", "./step0...")
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("the skeletons do not compile (go vet ./step0...):\n%s", out)
	}
}
