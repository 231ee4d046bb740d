package exercise_test

import (
	"strings"
	"testing"

	"dnn/internal/exercise"
)

var gradeStep = exercise.Step{Dir: "stepx", Funcs: []exercise.Func{
	{Name: "F", Notebook: "f", Tests: []string{"TestX/f", "ExampleF"}},
	{Name: "G", Notebook: "g", Tests: []string{"TestX/g*"}},
}}

func TestScoreboardWrite(t *testing.T) {
	b := exercise.Scoreboard{
		Results: []exercise.Result{
			{Step: "stepx", Func: gradeStep.Funcs[0], Passed: true},
			{Step: "stepx", Func: gradeStep.Funcs[1], Messages: []string{"stepx.G is not implemented yet: a hint"}},
			{Step: "stepy", Func: exercise.Func{Name: "H", Notebook: "h"}, Messages: []string{"dW is wrong", "db is wrong"}},
			{Step: "stepy", Func: exercise.Func{Name: "K", Notebook: "k"}, Messages: []string{"1", "2", "3", "4", "5", "6"}},
		},
	}
	var sb strings.Builder
	if err := b.Write(&sb); err != nil {
		t.Fatal(err)
	}
	want := `stepx  f  F  passed
       g  G  FAILED: stepx.G is not implemented yet: a hint
stepy  h  H  FAILED: dW is wrong
                     db is wrong
       k  K  FAILED: 1
                     2
                     3
                     (and 3 more: go test ./stepy)

Score: 1/4
`
	if sb.String() != want {
		t.Errorf("Scoreboard.Write =\n%s\nwant\n%s", sb.String(), want)
	}
	if b.AllPassed() {
		t.Errorf("AllPassed() = true, want false")
	}
}
