package main

import (
	"flag"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"dnn/internal/npy"
)

func TestSplitArgs(t *testing.T) {
	fs := flag.NewFlagSet("test", flag.ContinueOnError)
	fs.String("params", "", "")
	fs.Int("m", 0, "")
	fs.Bool("fast", false, "")
	tests := []struct {
		args              []string
		flags, positional []string
	}{
		{[]string{"pic.png", "-params", "p.npz"}, []string{"-params", "p.npz"}, []string{"pic.png"}},
		{[]string{"a", "-m", "-3", "b", "--params=p", "c"}, []string{"-m", "-3", "--params=p"}, []string{"a", "b", "c"}},
		{[]string{"-fast", "a", "-fast=false"}, []string{"-fast", "-fast=false"}, []string{"a"}},
		{[]string{"a", "--", "-m", "3", "b"}, nil, []string{"a", "-m", "3", "b"}},
		{[]string{"-m", "--", "a"}, []string{"-m", "--"}, []string{"a"}}, // "--" as -m's value, as the flag package reads it
		{[]string{"-", "-unknown", "x"}, []string{"-unknown"}, []string{"-", "x"}},
		{[]string{"-params"}, []string{"-params"}, nil},
	}
	for _, tt := range tests {
		flags, positional := splitArgs(fs, tt.args)
		if !slices.Equal(flags, tt.flags) || !slices.Equal(positional, tt.positional) {
			t.Errorf("splitArgs(%q) = %q, %q; want %q, %q", tt.args, flags, positional, tt.flags, tt.positional)
		}
	}
}

// TestFlagsAnywhere runs commands with their flags after and between their
// other arguments, and after "--".
func TestFlagsAnywhere(t *testing.T) {
	skipInExerciseMode(t)
	dir := t.TempDir()
	t.Chdir(dir)
	X, Y := learnableXY(picInputs, 12)
	files := map[string][]byte{
		"x.npy": npyBytes(t, npy.FromMatrix(X)), "y.npy": npyBytes(t, npy.FromMatrix(Y)),
		"a.png": pngBytes(t, gradientPicture(picSide, picSide)), "-b.png": pngBytes(t, gradientPicture(2*picSide, picSide)),
	}
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, tt := range []struct {
		args []string
		want []string
	}{
		{[]string{"train", "-x", "x.npy", "-y", "y.npy", "-lr", "0.01", "-iterations", "10", "-layers", "768,4,1", "-save", "p.npz"}, []string{"Cost after iteration 9", "Saved the parameters to p.npz"}},
		{[]string{"predict", "a.png", "-params", "p.npz"}, []string{"a.png: 0."}},
		{[]string{"predict", "a.png", "-classes", "no,yes", "-params=p.npz", "--", "-b.png"}, []string{"a.png: 0.", "-b.png: 0."}},
		{[]string{"shapes", "4,3,1", "-m", "2"}, []string{"Z1 (3,2)"}},
	} {
		stdout, stderr, status := execDNN(tt.args...)
		if status != 0 || stderr != "" {
			t.Errorf("dnn %s: status %d, stderr %q; want 0 and nothing", strings.Join(tt.args, " "), status, stderr)
		}
		for _, want := range tt.want {
			if !strings.Contains(stdout, want) {
				t.Errorf("dnn %s printed\n%s\nwant it to contain %q", strings.Join(tt.args, " "), stdout, want)
			}
		}
	}
	args := []string{"train", "-x", "x.npy", "-y", "y.npy", "-layers", "768,4,1", "-iterations", "1000001"}
	_, stderr, status := execDNN(args...)
	wantOneLineError(t, args, stderr, status, "-iterations 1000001: at most 1000000")
}

// TestHelp checks that "dnn help COMMAND" prints what "dnn COMMAND -h"
// does, for every command, and that the general help and the package doc
// name every command.
func TestHelp(t *testing.T) {
	general, _, status := execDNN("help")
	if status != 0 {
		t.Fatalf("dnn help: status %d", status)
	}
	doc := packageDoc(t)
	for name := range commands {
		h, stderr, status := execDNN(name, "-h")
		if status != 0 || stderr != "" || !strings.HasPrefix(h, "Usage: dnn "+name+" ") {
			t.Errorf("dnn %s -h: status %d, stderr %q, stdout %q; want 0 and the usage", name, status, stderr, h)
		}
		if got, _, status := execDNN("help", name); got != h || status != 0 {
			t.Errorf("dnn help %s: status %d, printed\n%s\nwant what dnn %s -h prints:\n%s", name, status, got, name, h)
		}
		if !strings.Contains(general, "  "+name+" ") {
			t.Errorf("dnn help does not list %s:\n%s", name, general)
		}
		if !strings.Contains(doc, "dnn "+name+" ") {
			t.Errorf("the package doc of cmd/dnn does not list \"dnn %s\":\n%s", name, doc)
		}
	}
	if _, stderr, status := execDNN("help", "trian"); status != 1 || !strings.Contains(stderr, `unknown command "trian"`) {
		t.Errorf("dnn help trian: status %d, stderr %q; want 1 and unknown command", status, stderr)
	}
}

// packageDoc returns the doc comment of package main.
func packageDoc(t *testing.T) string {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), "main.go", nil, parser.ParseComments|parser.PackageClauseOnly)
	if err != nil || f.Doc == nil {
		t.Fatalf("reading the package doc in main.go: %v", err)
	}
	return f.Doc.Text()
}

// TestDataDir checks that the default -data is the project's
// testdata/datasets from any folder inside the project, and the working
// folder's outside it.
func TestDataDir(t *testing.T) {
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	want := filepath.Join(root, "testdata", "datasets")
	for _, sub := range []string{"step02_forward", "cmd/dnn", "."} {
		t.Chdir(filepath.Join(root, sub))
		if got := dataDir(defaultDataDir, false); got != want {
			t.Errorf("in %s: dataDir(default) = %s, want %s", sub, got, want)
		}
		if got, want := dataDir("mine", true), "mine"; got != want {
			t.Errorf("in %s: dataDir(\"mine\", set) = %s, want %s", sub, got, want)
		}
	}
	outside := t.TempDir()
	t.Chdir(outside)
	args := []string{"train", "-iterations", "1"}
	_, stderr, status := execDNN(args...)
	wantOneLineError(t, args, stderr, status, filepath.Join(outside, "testdata", "datasets"), "point -data at the folder")
}
