package testutil

import (
	"os"
	"path/filepath"
	"testing"
)

// verdict records whether a test helper skipped or failed, and stops the
// helper (as testing does) without stopping the test that runs it.
type verdict struct {
	testing.TB
	skipped, failed bool
}

func (v *verdict) Skip(args ...any)  { v.skipped = true; panic(v) }
func (v *verdict) Fatal(args ...any) { v.failed = true; panic(v) }

// run runs f with v, stopping where v stops it.
func (v *verdict) run(f func(testing.TB)) {
	defer func() {
		if r := recover(); r != nil && r != v {
			panic(r)
		}
	}()
	f(v)
}

// TestCourseDataCI checks that a missing data set skips the test, except
// when CI is "true" or "1": CI=false is as good as unset.
func TestCourseDataCI(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module dnn\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	for _, tt := range []struct {
		ci   string
		fail bool
	}{{"", false}, {"false", false}, {"0", false}, {"true", true}, {"1", true}} {
		t.Setenv("CI", tt.ci)
		v := &verdict{TB: t}
		v.run(func(tb testing.TB) { CourseData(tb) })
		if v.failed != tt.fail || v.skipped == tt.fail {
			t.Errorf("CourseData without the data, CI=%q: failed %v, skipped %v; want failed %v", tt.ci, v.failed, v.skipped, tt.fail)
		}
	}
}
