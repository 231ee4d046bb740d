package exercise_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dnn/internal/exercise"
	"dnn/internal/testutil"
)

func TestFindRoot(t *testing.T) {
	dir := t.TempDir()
	write := func(path, text string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	project := filepath.Join(dir, "project")
	write(filepath.Join(project, "go.mod"), "// comment\nmodule dnn\n\ngo 1.26\n")
	write(filepath.Join(project, "step02_forward", "nested", "go.mod"), "module other\n")
	write(filepath.Join(dir, "elsewhere", "go.mod"), "module elsewhere\n")
	tests := []struct {
		dir, want string // want "" for an error
	}{
		{project, project},
		{filepath.Join(project, "step02_forward"), project},
		{filepath.Join(project, "step02_forward", "nested"), project},
		{filepath.Join(dir, "elsewhere"), ""},
		{dir, ""},
	}
	for _, tt := range tests {
		got, err := exercise.FindRoot(tt.dir)
		switch {
		case tt.want == "" && (err == nil || !strings.Contains(err.Error(), "not inside the dnn project")):
			t.Errorf("FindRoot(%s) = %q, %v; want an error saying it is not inside the project", tt.dir, got, err)
		case tt.want != "" && (err != nil || got != tt.want):
			t.Errorf("FindRoot(%s) = %q, %v; want %q", tt.dir, got, err, tt.want)
		}
	}
	if got, err := exercise.FindRoot(testutil.RepoRoot(t)); err != nil || got != testutil.RepoRoot(t) {
		t.Errorf("FindRoot(the repository) = %q, %v; want the repository", got, err)
	}
}

func TestSelect(t *testing.T) {
	tests := []struct {
		arg  string
		want []string // nil for an error
	}{
		{"all", []string{"step01_init", "step02_forward", "step03_cost", "step04_backward", "step05_update", "step06_model"}},
		{"step02_forward", []string{"step02_forward"}},
		{"./step04_backward/", []string{"step04_backward"}},
		{"step05", []string{"step05_update"}},
		{"step0", nil},
		{"", nil},
		{"step07", nil},
	}
	for _, tt := range tests {
		steps, err := exercise.Select(tt.arg)
		var got []string
		for _, s := range steps {
			got = append(got, s.Dir)
		}
		if tt.want == nil {
			if err == nil || !strings.Contains(err.Error(), "step01_init") {
				t.Errorf("Select(%q) = %v, %v; want an error listing the steps", tt.arg, got, err)
			}
			continue
		}
		if err != nil || strings.Join(got, " ") != strings.Join(tt.want, " ") {
			t.Errorf("Select(%q) = %v, %v; want %v", tt.arg, got, err, tt.want)
		}
	}
}
