package exercise

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path"
	"strconv"
	"strings"
)

// deleteUnused deletes, from the non-test files of a package, the
// unexported functions (methods excepted) that nothing uses: not used by an
// exported function, a method, a type, variable or constant declaration, a
// test file of the package, or another function that is itself used. Uses are found by
// name, which may keep a function whose name is also a local name: never
// deletes one that is used.
func deleteUnused(src map[string][]byte) (map[string][]byte, error) {
	pkg, err := parsePackage(src)
	if err != nil {
		return nil, err
	}
	candidate := map[string]bool{}
	for _, f := range pkg.files {
		for _, decl := range f.ast.Decls {
			if fd, ok := decl.(*ast.FuncDecl); ok && !f.test && isHelper(fd) {
				candidate[fd.Name.Name] = true
			}
		}
	}
	uses := map[string][]string{} // owner -> names it uses; owner "" is every non-candidate
	for _, f := range pkg.files {
		if strings.HasSuffix(f.ast.Name.Name, "_test") {
			continue // an external test package sees no unexported name
		}
		for _, decl := range f.ast.Decls {
			owner := ""
			var self *ast.Ident
			if fd, ok := decl.(*ast.FuncDecl); ok && !f.test && isHelper(fd) {
				owner, self = fd.Name.Name, fd.Name
			}
			ast.Inspect(decl, func(n ast.Node) bool {
				if id, ok := n.(*ast.Ident); ok && id != self && candidate[id.Name] {
					uses[owner] = append(uses[owner], id.Name)
				}
				return true
			})
		}
	}
	live := map[string]bool{}
	queue := append([]string(nil), uses[""]...)
	for len(queue) > 0 {
		name := queue[0]
		queue = queue[1:]
		if !live[name] {
			live[name] = true
			queue = append(queue, uses[name]...)
		}
	}
	out := map[string][]byte{}
	for _, f := range pkg.files {
		var edits []edit
		for _, decl := range f.ast.Decls {
			if fd, ok := decl.(*ast.FuncDecl); ok && !f.test && isHelper(fd) && !live[fd.Name.Name] {
				edits = append(edits, f.lines(declStart(fd.Doc, fd.Pos()), fd.End()))
			}
		}
		out[f.name] = apply(f.src, edits)
	}
	return out, nil
}

// isHelper reports whether fd is an unexported function that only calls
// can reach (init runs by itself).
func isHelper(fd *ast.FuncDecl) bool {
	name := fd.Name.Name
	return fd.Recv == nil && !ast.IsExported(name) && name != "init" && name != "main" && name != "_"
}

// pruneImports removes the imports of a file that no selector uses.
func pruneImports(name string, src []byte) ([]byte, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, name, src, parser.ParseComments)
	if err != nil {
		return nil, fmt.Errorf("cannot parse the rewritten %v", err)
	}
	file := parsed{name: name, src: src, ast: f, fset: fset}
	used := qualifiers(f)
	var edits []edit
	for _, decl := range f.Decls {
		gd, ok := decl.(*ast.GenDecl)
		if !ok || gd.Tok != token.IMPORT {
			continue
		}
		var unused []edit
		for _, spec := range gd.Specs {
			is := spec.(*ast.ImportSpec)
			if n := importName(is); n != "_" && n != "." && !used[n] {
				end := is.End()
				if is.Comment != nil {
					end = is.Comment.End()
				}
				unused = append(unused, file.lines(declStart(is.Doc, is.Pos()), end))
			}
		}
		if len(unused) == len(gd.Specs) && len(unused) > 0 {
			edits = append(edits, file.lines(declStart(gd.Doc, gd.Pos()), gd.End()))
		} else {
			edits = append(edits, unused...)
		}
	}
	return apply(src, edits), nil
}

// qualifiers returns the names that selectors of f start with: the X of
// every X.Sel, which includes the packages f uses.
func qualifiers(f *ast.File) map[string]bool {
	used := map[string]bool{}
	for _, decl := range f.Decls {
		if gd, ok := decl.(*ast.GenDecl); ok && gd.Tok == token.IMPORT {
			continue
		}
		ast.Inspect(decl, func(n ast.Node) bool {
			if sel, ok := n.(*ast.SelectorExpr); ok {
				if id, ok := sel.X.(*ast.Ident); ok {
					used[id.Name] = true
				}
			}
			return true
		})
	}
	return used
}

// importName returns the name an import is used by: its explicit name, or
// the last element of its path (true of every package this project uses).
func importName(is *ast.ImportSpec) string {
	if is.Name != nil {
		return is.Name.Name
	}
	p, err := strconv.Unquote(is.Path.Value)
	if err != nil {
		return ""
	}
	return path.Base(p)
}

// declStart returns where a declaration starts, its doc comment included.
func declStart(doc *ast.CommentGroup, pos token.Pos) token.Pos {
	if doc != nil {
		return doc.Pos()
	}
	return pos
}

// lines returns the edit deleting the source from pos to end together with
// the indentation before it and the rest of its last line, when those are
// blank, so that no empty line is left behind.
func (f parsed) lines(pos, end token.Pos) edit {
	e := f.span(pos, end, "")
	for e.start > 0 && (f.src[e.start-1] == ' ' || f.src[e.start-1] == '\t') {
		e.start--
	}
	for e.end < len(f.src) && (f.src[e.end] == ' ' || f.src[e.end] == '\t') {
		e.end++
	}
	if e.end < len(f.src) && f.src[e.end] == '\n' {
		e.end++
	}
	return e
}
