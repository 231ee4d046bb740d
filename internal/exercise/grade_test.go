package exercise_test

import (
	"encoding/json"
	"strings"
	"testing"

	"dnn/internal/exercise"
)

var gradeStep = exercise.Step{Dir: "stepx", Funcs: []exercise.Func{
	{Name: "F", Notebook: "f", Tests: []string{"TestX/f", "ExampleF"}},
	{Name: "G", Notebook: "g", Tests: []string{"TestX/g*"}},
}}

// events renders go test -json lines for package dnn/stepx: each entry is
// action, test, output.
func events(t *testing.T, lines ...[3]string) string {
	t.Helper()
	var sb strings.Builder
	for _, l := range lines {
		e := map[string]string{"Action": l[0], "Package": "dnn/stepx"}
		if l[1] != "" {
			e["Test"] = l[1]
		}
		if l[2] != "" {
			e["Output"] = l[2]
		}
		b, err := json.Marshal(e)
		if err != nil {
			t.Fatal(err)
		}
		sb.Write(b)
		sb.WriteByte('\n')
	}
	return sb.String()
}

func TestGrade(t *testing.T) {
	pass := func(test string) [][3]string {
		return [][3]string{{"run", test, ""}, {"pass", test, ""}}
	}
	fail := func(test string, output ...string) [][3]string {
		l := [][3]string{{"run", test, ""}, {"output", test, "=== RUN   " + test + "\n"}}
		for _, o := range output {
			l = append(l, [3]string{"output", test, o})
		}
		return append(l, [3]string{"output", test, "--- FAIL: " + test + " (0.00s)\n"}, [3]string{"fail", test, ""})
	}
	join := func(parts ...[][3]string) [][3]string {
		var out [][3]string
		for _, p := range parts {
			out = append(out, p...)
		}
		return out
	}
	tests := []struct {
		name   string
		json   string
		want   []string // per function: "" for passed, else a phrase of the message
		others []string // phrases of the other failures' messages
	}{
		{
			name: "all pass",
			json: events(t, join(pass("TestX/f"), pass("TestX/g_1"), pass("TestX/g_2"), pass("TestX"), pass("ExampleF"), pass("TestOther"))...),
			want: []string{"", ""},
		},
		{
			name: "a stub, and a subtest's failure in the words of t.Fatal",
			json: events(t, join(
				fail("TestX/f", "    cases.go:40: stepx.F is not implemented yet: a hint\n"),
				pass("TestX/g_1"),
				fail("TestX/g_2", "    cases.go:52: dW (3,4) differs from the expected value: first difference at (0,0)\n", "        got:\n"),
				fail("TestX"), pass("ExampleF"))...),
			want: []string{"stepx.F is not implemented yet: a hint", "dW (3,4) differs from the expected value"},
		},
		{
			name: "an example prints a stub's message or a wrong line",
			json: events(t, join(pass("TestX/f"), pass("TestX/g"),
				fail("ExampleF", "got:\n", "A = [[1.]]\n", "B = 3\n", "want:\n", "A = [[1.]]\n", "B = 2\n"))...),
			want: []string{`the example printed "B = 3" on line 2, want "B = 2"`, ""},
		},
		{
			name: "a crash stops the tests",
			json: events(t, join(pass("TestX/f"),
				fail("TestOther", "panic: runtime error: index out of range [3] with length 3 [recovered, repanicked]\n", "\n", "goroutine 7 [running]:\n"))...),
			want:   []string{"ExampleF did not run: the tests stopped at panic: runtime error: index out of range [3] with length 3", "TestX/g did not run"},
			others: []string{"panic: runtime error: index out of range"},
		},
		{
			name: "a build failure fails every function",
			json: `{"ImportPath":"dnn/stepx [dnn/stepx.test]","Action":"build-output","Output":"# dnn/stepx\n"}
{"ImportPath":"dnn/stepx [dnn/stepx.test]","Action":"build-output","Output":"stepx/x.go:12:2: declared and not used: z\n"}
{"ImportPath":"dnn/stepx [dnn/stepx.test]","Action":"build-fail"}
{"Action":"start","Package":"dnn/stepx"}
{"Action":"output","Package":"dnn/stepx","Output":"FAIL\tdnn/stepx [build failed]\n"}
{"Action":"fail","Package":"dnn/stepx","FailedBuild":"dnn/stepx [dnn/stepx.test]"}
`,
			want: []string{"does not compile: stepx/x.go:12:2: declared and not used: z", "does not compile: stepx/x.go:12:2"},
		},
		{
			name: "no results for the package",
			json: "not json\n",
			want: []string{"go test did not run dnn/stepx", "go test did not run dnn/stepx"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := exercise.Grade([]exercise.Step{gradeStep}, strings.NewReader(tt.json))
			if len(b.Results) != len(tt.want) {
				t.Fatalf("Grade gave %d results, want %d", len(b.Results), len(tt.want))
			}
			for i, r := range b.Results {
				want := tt.want[i]
				if r.Passed != (want == "") || !strings.Contains(r.Message, want) {
					t.Errorf("Grade: %s passed=%v, message %q; want passed=%v, message containing %q", r.Func.Name, r.Passed, r.Message, want == "", want)
				}
			}
			if len(b.Others) != len(tt.others) {
				t.Fatalf("Grade: other failures %+v, want %d", b.Others, len(tt.others))
			}
			for i, o := range b.Others {
				if !strings.Contains(o.Message, tt.others[i]) {
					t.Errorf("Grade: other failure %q, want one containing %q", o.Message, tt.others[i])
				}
			}
		})
	}
}

func TestScoreboardWrite(t *testing.T) {
	b := exercise.Scoreboard{
		Results: []exercise.Result{
			{Step: "stepx", Func: gradeStep.Funcs[0], Passed: true},
			{Step: "stepx", Func: gradeStep.Funcs[1], Message: "stepx.G is not implemented yet: a hint"},
		},
		Others: []exercise.Failure{{Step: "stepx", Test: "TestOther", Message: "boom"}},
	}
	var sb strings.Builder
	if err := b.Write(&sb); err != nil {
		t.Fatal(err)
	}
	want := `stepx  f  F  passed
       g  G  FAILED: stepx.G is not implemented yet: a hint

Other tests that fail:
  stepx TestOther: boom

Score: 1/2
`
	if sb.String() != want {
		t.Errorf("Scoreboard.Write =\n%s\nwant\n%s", sb.String(), want)
	}
	if b.AllPassed() {
		t.Errorf("AllPassed() = true, want false")
	}
}
