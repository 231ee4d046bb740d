// Package course holds the cases of the steps' table tests: for each, how
// its inputs are drawn and the expected outputs. The figures are in
// fixtures.go, which testdata/course/generate.py writes: it recomputes every
// one with numpy, by the course's formulas, from the seeds, and checks them
// against the course's public test cases (testdata/course/cases.json) and
// the figures its application notebook prints
// (testdata/course/application.json).
package course

import (
	"fmt"
	"strconv"
	"strings"

	"dnn/matrix"
)

// Fixture is one case of a step's table test.
type Fixture struct {
	Name   string // the case, e.g. "linear_forward"
	Course bool   // one of the course's public cases (testdata/course/cases.json)
	// Draws says how the inputs are drawn, in the course's words: "seed 1"
	// seeds numpy's generator, then "A_prev 3x2" is A_prev = np.random.randn(3, 2).
	Draws   []string
	Given   []Array  // inputs and settings written out, e.g. Y or the learning rate
	Want    []Array  // the expected outputs, in the course's order
	Parts   []Array  // parts of the formula, which a mistake may return alone
	Factors []Factor // numbers a wrong result may be a multiple of, such as m
}

// Array is a named matrix of a fixture.
type Array struct {
	Name string
	Kind Kind   // what the values are, for the diagnosis of a wrong result
	Note string // for Want, what to remember when it is wrong; for Parts, what it means to get it
	Rows [][]float64
}

// Matrix returns the array as a new matrix.
func (a Array) Matrix() *matrix.Dense { return matrix.FromRows(a.Rows) }

// Kind says what an expected output holds, so that a wrong result can be
// recognised by its range.
type Kind string

// The kinds of expected outputs.
const (
	Sigmoid Kind = "sigmoid" // a sigmoid's output: strictly between 0 and 1
	ReLU    Kind = "relu"    // a ReLU's output: never negative
	Labels  Kind = "labels"  // predictions: 0 or 1
	Cost    Kind = "cost"    // a cost kept during training, named "cost after iteration N"
)

// Factor is a named number, such as the number of examples m or the
// learning rate α.
type Factor struct {
	Name  string
	Value float64
}

// Find returns the fixture of the step (its folder, "step02_forward") named
// name.
func Find(step, name string) (Fixture, bool) {
	for _, f := range fixtures[step] {
		if f.Name == name {
			return f, true
		}
	}
	return Fixture{}, false
}

// Inputs returns the fixture's inputs by name, the drawn ones first, and
// their names in order.
func (f Fixture) Inputs() (map[string]*matrix.Dense, []string, error) {
	in := map[string]*matrix.Dense{}
	var names []string
	var rs *matrix.RandomState
	for _, d := range f.Draws {
		name, size, ok := strings.Cut(d, " ")
		if !ok {
			return nil, nil, fmt.Errorf("fixture %s: draw %q is not \"NAME RxC\" or \"seed N\"", f.Name, d)
		}
		if name == "seed" {
			seed, err := strconv.ParseUint(size, 10, 32)
			if err != nil {
				return nil, nil, fmt.Errorf("fixture %s: %q: %v", f.Name, d, err)
			}
			rs = matrix.NewRandomState(uint32(seed))
			continue
		}
		rows, cols, ok := strings.Cut(size, "x")
		r, err1 := strconv.Atoi(rows)
		c, err2 := strconv.Atoi(cols)
		if !ok || err1 != nil || err2 != nil || rs == nil {
			return nil, nil, fmt.Errorf("fixture %s: cannot draw %q", f.Name, d)
		}
		in[name] = rs.Randn(r, c)
		names = append(names, name)
	}
	for _, a := range f.Given {
		in[a.Name] = a.Matrix()
		names = append(names, a.Name)
	}
	return in, names, nil
}

// Factor returns the value of the factor named name.
func (f Fixture) Factor(name string) (float64, bool) {
	for _, x := range f.Factors {
		if x.Name == name {
			return x.Value, true
		}
	}
	return 0, false
}
