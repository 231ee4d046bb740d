package testutil

import (
	"dnn/internal/testutil/course"
	"fmt"
	"math"
	"strings"

	"dnn/matrix"
)

// Tolerances for comparing with the expected values. These are numpy's
// float64 results; a correct implementation differs from them only by the
// order of floating-point operations, around 1e-16, far below these.
const (
	Atol = 1e-9 // absolute tolerance for every step test
	Rtol = 1e-9 // relative tolerance on top of Atol
)

// check compares the results of one call, got, with the fixture's expected
// outputs, and the arguments in with their copies made before the call.
func check(call string, fx course.Fixture, got Outputs, names []string, in, before Outputs) Result {
	var r Result
	c := &clues{fx: fx, got: got, in: in, names: names}
	if msg := c.costs(); msg != "" {
		r.Failures = append(r.Failures, call+": "+msg)
	}
	for _, w := range fx.Want {
		msg, largest := c.judge(w, got[w.Name])
		if msg != "" {
			r.Failures = append(r.Failures, call+": "+msg)
		} else {
			r.Matched = append(r.Matched, fmt.Sprintf("%s OK, max diff %.2g", w.Name, largest))
		}
	}
	var unchanged []string
	for _, name := range names {
		if d := firstChange(before[name], in[name]); d != "" {
			r.Failures = append(r.Failures, fmt.Sprintf("%s changed its argument %s (%s): "+
				"leave the arguments as they were and return new matrices", call, name, d))
		} else {
			unchanged = append(unchanged, name)
		}
	}
	if len(unchanged) > 0 {
		r.Matched = append(r.Matched, "arguments unchanged: "+strings.Join(unchanged, ", "))
	}
	return r
}

// judge returns "" and the largest difference when got matches the expected
// output w, and otherwise the message for a learner: what is wrong, what the
// numbers suggest, and for a matrix the first difference and both values.
func (c *clues) judge(w course.Array, got *matrix.Dense) (msg string, largest float64) {
	want := w.Matrix()
	note := ""
	if w.Note != "" {
		note = " (" + w.Note + ")"
	}
	if got == nil {
		return fmt.Sprintf("no %s in the result%s%s", w.Name, missingLayer(w.Name), note), 0
	}
	if !sameShape(got, want) {
		hint := c.shapeHint(w.Name, got, want)
		return fmt.Sprintf("%s has shape %s, want %s%s%s", w.Name, got.Shape(), want.Shape(), hint, note), 0
	}
	d := compare(got, want, Rtol, Atol)
	if d.first == "" {
		return "", d.largest
	}
	phrase := c.diagnose(w, got, want)
	if r, k := got.Dims(); r == 1 && k == 1 {
		msg = fmt.Sprintf("%s = %.17g, want %.17g", w.Name, got.At(0, 0), want.At(0, 0))
		if phrase != "" {
			msg += ": " + w.Name + " " + phrase
		}
		return msg + note, d.largest
	}
	if phrase == "" {
		phrase = "differs from the expected value"
	}
	msg = fmt.Sprintf("%s %s%s\n%s %s: first difference %s; largest |got-want| %.3g (tolerance %g)",
		w.Name, phrase, note, w.Name, want.Shape(), d.first, d.largest, Atol)
	if r, k := want.Dims(); r*k <= 25 {
		msg += "\ngot  " + indent(got.String(), "     ") + "\nwant " + indent(want.String(), "     ")
	}
	return msg, d.largest
}

// difference describes how got differs from want: the first element out of
// tolerance ("" if none) and the largest |got-want| (+Inf for a NaN).
type difference struct {
	first   string
	largest float64
}

func compare(got, want *matrix.Dense, rtol, atol float64) difference {
	var d difference
	r, k := want.Dims()
	for i := 0; i < r; i++ {
		for j := 0; j < k; j++ {
			g, w := got.At(i, j), want.At(i, j)
			diff := math.Abs(g - w)
			if math.IsNaN(diff) {
				diff = math.Inf(1)
				if math.IsNaN(g) && math.IsNaN(w) {
					diff = 0
				}
			}
			d.largest = max(d.largest, diff)
			if d.first == "" && !matrix.Close(g, w, rtol, atol) {
				d.first = fmt.Sprintf("at (%d,%d): got %.17g, want %.17g", i, j, g, w)
			}
		}
	}
	return d
}

// DiffMatrix returns "" when got matches want within rtol and atol, else a
// description of the mismatch: the shapes, the first differing element and
// the largest difference.
func DiffMatrix(name string, got, want *matrix.Dense, rtol, atol float64) string {
	if got == nil {
		return fmt.Sprintf("%s is nil, want a matrix of shape %s", name, want.Shape())
	}
	if !sameShape(got, want) {
		return fmt.Sprintf("%s has shape %s, want %s", name, got.Shape(), want.Shape())
	}
	d := compare(got, want, rtol, atol)
	if d.first == "" {
		return ""
	}
	return fmt.Sprintf("%s %s differs from the expected value: first difference %s, largest |got-want| %.3g (tolerance %g)",
		name, got.Shape(), d.first, d.largest, atol)
}

// firstChange returns "" if after holds exactly what before held, else
// where it changed.
func firstChange(before, after *matrix.Dense) string {
	if !sameShape(before, after) {
		return fmt.Sprintf("its shape went from %s to %s", before.Shape(), after.Shape())
	}
	r, k := before.Dims()
	for i := 0; i < r; i++ {
		for j := 0; j < k; j++ {
			b, a := before.At(i, j), after.At(i, j)
			if b != a && !(math.IsNaN(a) && math.IsNaN(b)) {
				return fmt.Sprintf("at (%d,%d) it was %.8g, now %.8g", i, j, b, a)
			}
		}
	}
	return ""
}

func sameShape(a, b *matrix.Dense) bool {
	ar, ac := a.Dims()
	br, bc := b.Dims()
	return ar == br && ac == bc
}

// indent indents every line of s after the first by prefix.
func indent(s, prefix string) string {
	return strings.ReplaceAll(s, "\n", "\n"+prefix)
}
