// Package testutil holds what the step tests share: running a table of
// cases on the fixtures that testdata/course/generate.py writes (RunCases),
// comparing with the expected values within the tolerances, messages in a
// learner's words that name the likely mistake (diagnose.go), panics turned
// into one line that points at the learner's code, and finding the course's
// data set.
package testutil

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// RepoRoot returns the folder holding go.mod, found by walking up from the
// current directory (go test runs in the package's folder).
func RepoRoot(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("testutil: no go.mod above the test's folder")
		}
		dir = parent
	}
}

// CourseData returns the folder testdata/datasets holding the course's two
// .h5 files. When they are missing the test is skipped with a message saying
// how to get them, except when the environment variable CI is set: then the
// test fails, since CI must run every check.
func CourseData(t testing.TB) string {
	t.Helper()
	dir := filepath.Join(RepoRoot(t), "testdata", "datasets")
	for _, f := range []string{"train_catvnoncat.h5", "test_catvnoncat.h5"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			msg := fmt.Sprintf("the course's data set is not in %s (%v). Put train_catvnoncat.h5 and test_catvnoncat.h5 there "+
				"(for example: ln -s /path/to/datasets testdata/datasets); see README.md", dir, err)
			if os.Getenv("CI") != "" {
				t.Fatal(msg)
			}
			t.Skip(msg)
		}
	}
	return dir
}
