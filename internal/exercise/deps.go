package exercise

import (
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
)

// stepDeps returns the earlier steps that step s builds on, directly or
// through another step, by folder: the step packages that its files (tests
// included) import. A file that does not parse is skipped.
func stepDeps(root string, s Step) map[string]bool {
	deps := map[string]bool{}
	var visit func(dir string)
	visit = func(dir string) {
		for _, d := range stepImports(root, dir) {
			if d != s.Dir && !deps[d] {
				deps[d] = true
				visit(d)
			}
		}
	}
	visit(s.Dir)
	return deps
}

// stepImports returns the step folders that the Go files of root/dir import.
func stepImports(root, dir string) []string {
	paths, _ := filepath.Glob(filepath.Join(root, dir, "*.go"))
	var out []string
	for _, p := range paths {
		f, err := parser.ParseFile(token.NewFileSet(), p, nil, parser.ImportsOnly)
		if err != nil {
			continue
		}
		for _, is := range f.Imports {
			path, err := strconv.Unquote(is.Path.Value)
			if err != nil {
				continue
			}
			if d, ok := strings.CutPrefix(path, Module+"/"); ok && isStepDir(d) {
				out = append(out, d)
			}
		}
	}
	return out
}
