package testutil

import (
	"dnn/internal/testutil/course"
	"fmt"
	"math"
	"regexp"
	"strings"

	"dnn/matrix"
)

// The diagnosis of a wrong result. A mistake leaves a signature in the
// numbers: a dW exactly m times too large, a cost of the wrong sign, a db
// of shape (1,m), a matrix equal to an argument or to another expected
// output. Each rule below recognises one signature, whatever the function,
// and says in a learner's words what it points at. A rule's phrase starts
// with a verb; its subject is the quantity's name.

// clues is what the diagnosis of one call can compare a wrong result with.
type clues struct {
	fx    course.Fixture
	got   Outputs // the call's results
	in    Outputs // the call's arguments
	names []string
}

// related is a matrix a wrong result may equal: another expected output,
// an argument, or a part of the formula.
type related struct {
	role, name, note string
	m                *matrix.Dense
}

func (c *clues) related(except string) []related {
	var out []related
	for _, name := range c.names {
		out = append(out, related{"argument", name, "", c.in[name]})
	}
	for _, p := range c.fx.Parts {
		out = append(out, related{"part", p.Name, p.Note, p.Matrix()})
	}
	for _, w := range c.fx.Want {
		if w.Name != except {
			out = append(out, related{"want", w.Name, w.Note, w.Matrix()})
		}
	}
	return out
}

// diagnose returns what got, of want's shape but not within tolerance,
// suggests, or "".
func (c *clues) diagnose(w course.Array, got, want *matrix.Dense) string {
	if p := nonFinite(got); p != "" {
		return p
	}
	rel := c.related(w.Name)
	for _, o := range rel {
		if !closeTo(got, o.m) || closeTo(want, o.m) {
			continue
		}
		switch o.role {
		case "want":
			return "holds what " + o.name + " should hold" + mixUp(w.Name, o.name)
		case "argument":
			return "equals the argument " + o.name + ", unchanged"
		default:
			return "equals " + o.name + ": " + o.note
		}
	}
	if k, ok := ratio(got, want); ok {
		if p := c.multiple(w.Name, want, k); p != "" {
			return p
		}
	}
	if closeTo(got, matrix.Sub(matrix.Scalar(1), want)) {
		return "is 1 - the expected value: check the sign inside exp(-z), or whether Y and 1-Y are swapped"
	}
	if transposedValues(got, want) {
		return "holds the expected value transposed"
	}
	for _, o := range rel {
		if o.role == "want" {
			continue
		}
		if p := c.offBy(got, want, o); p != "" {
			return p
		}
		if p := factorOff(got, want, o); p != "" {
			return p
		}
	}
	if p := outOfRange(w.Kind, got, want); p != "" {
		return p
	}
	if i, j, ok := firstNonZero(got); ok && isZero(want) {
		return fmt.Sprintf("is not all zeros (%.6g at (%d,%d)): it starts as zeros", got.At(i, j), i, j)
	}
	if i, j, ok := zeroedEntry(got, want); ok {
		return fmt.Sprintf("matches the expected value except at entries set to 0, e.g. (%d,%d) where want %.6g: "+
			"is a matrix changed in place after it was computed (a ReluBackward writing into dA?)", i, j, want.At(i, j))
	}
	return ""
}

// nonFinite reports the first NaN or infinity in m.
func nonFinite(m *matrix.Dense) string {
	r, k := m.Dims()
	for i := 0; i < r; i++ {
		for j := 0; j < k; j++ {
			v := m.At(i, j)
			if !math.IsNaN(v) && !math.IsInf(v, 0) {
				continue
			}
			at := ""
			if r*k > 1 {
				at = fmt.Sprintf(" at (%d,%d)", i, j)
			}
			if math.IsNaN(v) {
				return "holds NaN" + at + ": 0·log(0), 0/0 or the log of a negative number?"
			}
			return fmt.Sprintf("holds %v%s: the log of 0, or a division by 0?", v, at)
		}
	}
	return ""
}

// mixUp says what two names suggest when one quantity holds the other's
// value: two activations swapped, or layer numbers off by one.
func mixUp(a, b string) string {
	switch {
	case strings.Contains(a, "relu") && strings.Contains(b, "sigmoid"),
		strings.Contains(a, "sigmoid") && strings.Contains(b, "relu"):
		return ": relu and sigmoid swapped?"
	case digits.ReplaceAllString(a, "") == digits.ReplaceAllString(b, ""):
		return ": are the layer numbers off by one?"
	}
	return ""
}

var digits = regexp.MustCompile(`\d+`)

// multiple describes got = k·want, when k is a factor a mistake gives.
func (c *clues) multiple(name string, want *matrix.Dense, k float64) string {
	desc, ok := c.describe(name, want, k)
	if !ok {
		if count(want, func(v float64) bool { return v != 0 }) > 1 {
			return fmt.Sprintf("is %.6g times the expected value everywhere: a constant factor is wrong", k)
		}
		return ""
	}
	m, _ := c.fx.Factor("m")
	switch desc {
	case "-1":
		return "has the wrong sign"
	case "m":
		return fmt.Sprintf("is exactly m = %g times the expected value: did you forget the 1/m?", m)
	case "1/m":
		return fmt.Sprintf("is exactly 1/m = 1/%g of the expected value: did you divide by m twice?", m)
	case "-m":
		return fmt.Sprintf("is exactly -m = -%g times the expected value: the 1/m is missing and the sign is wrong", m)
	case "-1/m":
		return fmt.Sprintf("is exactly -1/m = -1/%g of the expected value: divided by m twice, and the sign is wrong", m)
	case "100":
		return "is exactly 100 times the expected value: did you forget the ×0.01?"
	case "0.01":
		return "is exactly 0.01 times the expected value: is ×0.01 applied twice?"
	case "0.01·√n[l-1]":
		return "is 0.01·√n[l-1] times the expected value: ×0.01 where this initialisation divides by √n[l-1]"
	case "100/√n[l-1]":
		return "is 100/√n[l-1] times the expected value: ÷√n[l-1] where this initialisation multiplies by 0.01"
	case "√n[l-1]":
		return "is √n[l-1] times the expected value: ×√n[l-1] where ÷√n[l-1] belongs?"
	case "1/√n[l-1]":
		return "is 1/√n[l-1] of the expected value: ÷√n[l-1] applied twice?"
	}
	if strings.HasPrefix(desc, "1/") {
		return "is exactly " + desc + " of the expected value"
	}
	if strings.ContainsAny(desc, "mα√") {
		return fmt.Sprintf("is exactly %s = %.6g times the expected value", desc, k)
	}
	return "is exactly " + desc + " times the expected value"
}

// describe names k as a simple expression of the fixture's factors (m, α),
// of √n[l-1] for a weight matrix, and of the constants a mistake brings in
// (-1, 2, 100, 0.01): "m", "1/m", "-1", "2α", "0.01·√n[l-1]", or as an
// integer or its inverse.
func (c *clues) describe(name string, want *matrix.Dense, k float64) (string, bool) {
	var atoms []course.Factor
	atoms = append(atoms, c.fx.Factors...)
	if isWeight(name) {
		_, n := want.Dims()
		atoms = append(atoms, course.Factor{Name: "√n[l-1]", Value: math.Sqrt(float64(n))})
	}
	atoms = append(atoms, course.Factor{Value: 1})
	consts := []course.Factor{{Value: 1}, {Name: "2", Value: 2}, {Name: "100", Value: 100}, {Name: "0.01", Value: 0.01}}
	best, bestCost := "", 3
	for _, a := range atoms {
		for _, cst := range consts {
			// The simplest expression wins: -1 before -2/m, and the
			// fixture's factors before the constants (m before 2 when m = 2).
			cost := 0
			if cst.Name != "" {
				cost++
			}
			if a.Name != "" {
				cost++
			}
			if cost >= bestCost {
				continue
			}
			for _, sign := range []float64{1, -1} {
				if near(k, sign*cst.Value*a.Value) {
					best, bestCost = signed(sign, product(cst.Name, a.Name)), cost
				} else if a.Name != "" && near(k, sign*cst.Value/a.Value) {
					num := cst.Name
					if num == "" {
						num = "1"
					}
					best, bestCost = signed(sign, num+"/"+a.Name), cost
				}
			}
		}
	}
	if best != "" {
		return best, true
	}
	if r := math.Round(k); r != 0 && math.Abs(r) <= 10000 && near(k, r) {
		return fmt.Sprint(r), true
	}
	if r := math.Round(1 / k); r != 0 && math.Abs(r) <= 10000 && near(1/k, r) {
		return signed(math.Copysign(1, r), fmt.Sprintf("1/%g", math.Abs(r))), true
	}
	return "", false
}

func product(cst, atom string) string {
	switch {
	case cst == "" && atom == "":
		return "1"
	case cst == "":
		return atom
	case atom == "":
		return cst
	case strings.Contains(cst, ".") || strings.HasPrefix(atom, "√"):
		return cst + "·" + atom
	}
	return cst + atom
}

func signed(sign float64, s string) string {
	if sign < 0 {
		return "-" + s
	}
	return s
}

func near(a, b float64) bool { return math.Abs(a-b) <= 1e-9*math.Abs(b) }

var weightName = regexp.MustCompile(`(^|[ .:])d?W\d*$`)
var biasName = regexp.MustCompile(`(^|[ .:])d?[bB]\d*$`)

func isWeight(name string) bool { return weightName.MatchString(name) }

// offBy describes got - want = k·o (o broadcast over columns like b), for
// k a factor a mistake gives: a missing + b, W + α·dW instead of W - α·dW.
func (c *clues) offBy(got, want *matrix.Dense, o related) string {
	wide := broadcast(o.m, got)
	if wide == nil || isZero(wide) {
		return ""
	}
	k, ok := ratio(matrix.Sub(got, want), wide)
	if !ok {
		return ""
	}
	desc, ok := c.describe("", want, k)
	switch {
	case !ok:
		return ""
	case desc == "-1":
		return fmt.Sprintf("is off by exactly -%s: did you forget + %s?", o.name, o.name)
	case desc == "1":
		return fmt.Sprintf("is off by exactly +%s: is %s added twice?", o.name, o.name)
	case desc == "2α" && strings.HasPrefix(o.name, "d"):
		return fmt.Sprintf("is off by exactly 2α·%s: did you add α·%s instead of subtracting it?", o.name, o.name)
	}
	return fmt.Sprintf("is off by exactly %s·%s", desc, o.name)
}

// factorOff describes got = want·o or got = want/o element by element: a
// factor of the formula missing or extra, such as the (1-s) of sigmoid'.
func factorOff(got, want *matrix.Dense, o related) string {
	if !sameShape(o.m, got) || isConstant(o.m) {
		return ""
	}
	note := ""
	if o.note != "" {
		note = " (" + o.note + ")"
	}
	if closeTo(got, matrix.Mul(want, o.m)) {
		return "is the expected value × " + o.name + ": an extra factor " + o.name + note
	}
	if closeTo(got, matrix.Div(want, o.m)) {
		return "is the expected value ÷ " + o.name + ": the factor " + o.name + " is missing" + note
	}
	return ""
}

// outOfRange checks got against the range of its kind of values.
func outOfRange(kind course.Kind, got, want *matrix.Dense) string {
	switch kind {
	case course.Sigmoid:
		if i, j, ok := find(got, func(v float64) bool { return !(v > 0 && v < 1) }); ok {
			return fmt.Sprintf("has values outside (0, 1), e.g. %.6g at (%d,%d): a sigmoid's output lies strictly between 0 and 1", got.At(i, j), i, j)
		}
	case course.ReLU:
		if i, j, ok := find(got, func(v float64) bool { return v < 0 }); ok {
			return fmt.Sprintf("has negative values, e.g. %.6g at (%d,%d): ReLU's output is never negative", got.At(i, j), i, j)
		}
		_, _, outside := find(got, func(v float64) bool { return !(v > 0 && v < 1) })
		_, _, wantOutside := find(want, func(v float64) bool { return !(v > 0 && v < 1) })
		if !outside && wantOutside {
			return "lies entirely within (0, 1), like a sigmoid's output: ReLU is expected here"
		}
	case course.Labels:
		if i, j, ok := find(got, func(v float64) bool { return v != 0 && v != 1 }); ok {
			return fmt.Sprintf("holds %.6g at (%d,%d), but a prediction is 0 or 1: did you return the probabilities?", got.At(i, j), i, j)
		}
	}
	return ""
}

// shapeHint says what a wrong shape suggests: ": transposed", a sum over
// the wrong axis, the shape of an argument or of another output.
func (c *clues) shapeHint(name string, got, want *matrix.Dense) string {
	gr, gc := got.Dims()
	wr, wc := want.Dims()
	m, hasM := c.fx.Factor("m")
	switch {
	case wc == 1 && gr == 1 && hasM && gc == int(m) && gc != wr:
		return ": you summed over axis 0; the course sums each row (axis=1, keepdims=True)"
	case gr == wc && gc == wr && isWeight(name):
		return ": transposed; W[l] is (n[l], n[l-1])"
	case gr == wc && gc == wr && biasName.MatchString(name):
		return ": transposed; b[l] is a column (n[l], 1)"
	case gr == wc && gc == wr:
		return ": transposed?"
	}
	// Another output's shape first (layers mixed up), then an argument's.
	for _, role := range []string{"want", "argument"} {
		for _, o := range c.related(name) {
			if o.role != role || !sameShape(got, o.m) || sameShape(want, o.m) {
				continue
			}
			if role == "argument" {
				return ": the shape of the argument " + o.name
			}
			return ": the shape of " + o.name + mixUp(name, o.name)
		}
	}
	return ""
}

var layerQuantity = regexp.MustCompile(`^d?[A-Za-z]+\d+$`)

// missingLayer says what a missing W3 or db2 suggests.
func missingLayer(name string) string {
	if layerQuantity.MatchString(name) {
		return ": is a layer missing? (l runs from 1 to L)"
	}
	return ""
}

// costs looks at the costs kept during training (the wants of Kind Cost,
// named "cost after iteration N"), together: a cost of ln 2 at the start,
// a cost that never moves, a cost that rises.
func (c *clues) costs() string {
	var its []int
	var got, want []float64
	for _, w := range c.fx.Want {
		g := c.got[w.Name]
		var it int
		if w.Kind != course.Cost || g == nil || !sameShape(g, matrix.Scalar(0)) {
			continue
		}
		if _, err := fmt.Sscanf(w.Name, "cost after iteration %d", &it); err != nil {
			continue
		}
		its, got, want = append(its, it), append(got, g.At(0, 0)), append(want, w.Rows[0][0])
	}
	if len(got) == 0 || its[0] != 0 {
		return ""
	}
	if math.Abs(got[0]-math.Ln2) < 1e-3 && math.Abs(want[0]-math.Ln2) > 1e-3 {
		return fmt.Sprintf("the cost at iteration 0 is %.6f ≈ ln 2, want %.6f: every probability starts near 0.5, "+
			"as tiny initial weights give: is the right initialisation used? "+
			"(the L-layer model divides by √n[l-1], it does not multiply by 0.01)", got[0], want[0])
	}
	last := len(got) - 1
	if last == 0 || want[last] >= want[0] {
		return ""
	}
	if count(matrix.FromRows([][]float64{got}), func(v float64) bool { return v != got[0] }) == 0 {
		return fmt.Sprintf("the cost stays at %.6f from iteration 0 to %d (want %.6f at %d): "+
			"are the updated parameters used in the next iteration?", got[0], its[last], want[last], its[last])
	}
	rate := ""
	if a, ok := c.fx.Factor("α"); ok {
		rate = fmt.Sprintf(" at α = %g", a)
	}
	for i := 1; i <= last; i++ {
		if got[i] > got[0] {
			return fmt.Sprintf("the cost rose from %.6f at iteration 0 to %.6f at iteration %d%s, where gradient descent lowers it: "+
				"check steps 3-5 first (go test ./step03_cost ./step04_backward ./step05_update)", got[0], got[i], its[i], rate)
		}
	}
	return ""
}

// ratio returns k if a = k·b within the tolerance (a = 0 where b = 0, and
// b not all zeros).
func ratio(a, b *matrix.Dense) (float64, bool) {
	k, found := 0.0, false
	r, c := b.Dims()
	for i := 0; i < r; i++ {
		for j := 0; j < c; j++ {
			x, y := a.At(i, j), b.At(i, j)
			if y == 0 {
				if math.Abs(x) > Atol {
					return 0, false
				}
				continue
			}
			if !found {
				k, found = x/y, true
				continue
			}
			if !matrix.Close(x, k*y, 1e-9, Atol) {
				return 0, false
			}
		}
	}
	return k, found
}

// broadcast returns m widened to like's shape as numpy's broadcasting
// would, or nil if it cannot be.
func broadcast(m, like *matrix.Dense) *matrix.Dense {
	mr, mc := m.Dims()
	r, c := like.Dims()
	if (mr != r && mr != 1) || (mc != c && mc != 1) {
		return nil
	}
	return matrix.Add(m, matrix.Zeros(r, c))
}

func closeTo(a, b *matrix.Dense) bool {
	return sameShape(a, b) && compare(a, b, Rtol, Atol).first == ""
}

func transposedValues(got, want *matrix.Dense) bool {
	r, c := want.Dims()
	if r != c || r < 2 {
		return false
	}
	for i := 0; i < r; i++ {
		for j := 0; j < c; j++ {
			if !matrix.Close(got.At(i, j), want.At(j, i), Rtol, Atol) {
				return false
			}
		}
	}
	return true
}

// zeroedEntry finds an entry where got is 0 and want is not, when got
// matches want everywhere else.
func zeroedEntry(got, want *matrix.Dense) (int, int, bool) {
	zi, zj, found := 0, 0, false
	r, c := want.Dims()
	for i := 0; i < r; i++ {
		for j := 0; j < c; j++ {
			g, w := got.At(i, j), want.At(i, j)
			switch {
			case matrix.Close(g, w, Rtol, Atol):
			case g == 0:
				if !found {
					zi, zj, found = i, j, true
				}
			default:
				return 0, 0, false
			}
		}
	}
	return zi, zj, found
}

func find(m *matrix.Dense, f func(float64) bool) (int, int, bool) {
	r, c := m.Dims()
	for i := 0; i < r; i++ {
		for j := 0; j < c; j++ {
			if f(m.At(i, j)) {
				return i, j, true
			}
		}
	}
	return 0, 0, false
}

func count(m *matrix.Dense, f func(float64) bool) int {
	n := 0
	r, c := m.Dims()
	for i := 0; i < r; i++ {
		for j := 0; j < c; j++ {
			if f(m.At(i, j)) {
				n++
			}
		}
	}
	return n
}

func firstNonZero(m *matrix.Dense) (int, int, bool) {
	return find(m, func(v float64) bool { return v != 0 })
}

func isZero(m *matrix.Dense) bool { _, _, ok := firstNonZero(m); return !ok }

func isConstant(m *matrix.Dense) bool {
	first := m.At(0, 0)
	return count(m, func(v float64) bool { return v != first }) == 0
}
