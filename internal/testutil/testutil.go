// Package testutil holds the helpers that the step tests share: matrix
// comparison with messages in the course's words, the tolerances, and
// finding the course's data set.
package testutil

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"testing"

	"dnn/matrix"
)

// Tolerances for comparing with the course's expected values. The figures in
// cases.json are numpy's float64 results; ours differ only by the order of
// floating-point sums, far below these.
const (
	Atol = 1e-7  // absolute tolerance for every step test
	Rtol = 1e-12 // relative tolerance on top of Atol
)

// CheckMatrix fails t unless got has want's shape and every element is
// within Atol + Rtol*|want|. The message names the quantity, both shapes, the
// first differing element and the largest difference, e.g.
//
//	Z: got shape (1,3), want (1,2)
//	dW: first difference at (0,2): got 0.1, want 0.2 (largest |diff| 0.1)
func CheckMatrix(t testing.TB, name string, got, want *matrix.Dense) {
	t.Helper()
	if msg := DiffMatrix(name, got, want, Rtol, Atol); msg != "" {
		t.Error(msg)
	}
}

// DiffMatrix returns "" when got matches want within rtol and atol, else a
// one-paragraph description of the first mismatch.
func DiffMatrix(name string, got, want *matrix.Dense, rtol, atol float64) string {
	if got == nil {
		return fmt.Sprintf("%s is nil, want a matrix of shape %s", name, want.Shape())
	}
	gr, gc := got.Dims()
	wr, wc := want.Dims()
	if gr != wr || gc != wc {
		return fmt.Sprintf("%s has shape %s, want %s", name, got.Shape(), want.Shape())
	}
	first, largest := "", 0.0
	for i := 0; i < wr; i++ {
		for j := 0; j < wc; j++ {
			g, w := got.At(i, j), want.At(i, j)
			if matrix.Close(g, w, rtol, atol) {
				continue
			}
			d := math.Abs(g - w)
			if math.IsNaN(d) {
				d = math.Inf(1)
			}
			largest = max(largest, d)
			if first == "" {
				first = fmt.Sprintf("at (%d,%d): got %.17g, want %.17g", i, j, g, w)
			}
		}
	}
	if first == "" {
		return ""
	}
	return fmt.Sprintf("%s %s differs from the expected value: first difference %s, largest |got-want| %.3g (tolerance %g)\ngot:\n%v\nwant:\n%v",
		name, got.Shape(), first, largest, atol, got, want)
}

// CheckFloat fails t unless got is within Atol + Rtol*|want|.
func CheckFloat(t testing.TB, name string, got, want float64) {
	t.Helper()
	if !matrix.Close(got, want, Rtol, Atol) {
		t.Errorf("%s = %.17g, want %.17g (|diff| %.3g)", name, got, want, math.Abs(got-want))
	}
}

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
// how to get them, except when the environment variable CI is "true" (or
// "1"): then the test fails, since CI must run every check.
func CourseData(t testing.TB) string {
	t.Helper()
	dir := filepath.Join(RepoRoot(t), "testdata", "datasets")
	for _, f := range []string{"train_catvnoncat.h5", "test_catvnoncat.h5"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			msg := fmt.Sprintf("the course's data set is not in %s (%v). Put train_catvnoncat.h5 and test_catvnoncat.h5 there "+
				"(for example: ln -s /path/to/datasets testdata/datasets); see README.md", dir, err)
			if ci := os.Getenv("CI"); ci == "true" || ci == "1" {
				t.Fatal(msg)
			}
			t.Skip(msg)
		}
	}
	return dir
}
