package learn

import (
	"bytes"
	"strings"
	"testing"
)

// run runs the command line args as cmd/learn does.
func run(args ...string) (stdout, stderr string, status int) {
	var out, errOut bytes.Buffer
	status = Main("learn", args, &out, &errOut)
	return out.String(), errOut.String(), status
}

func TestMain(t *testing.T) {
	tests := []struct {
		args   []string
		status int
		stdout []string // phrases
		stderr string   // the one line, "" for none
	}{
		{args: nil, stdout: []string{"Usage: learn COMMAND", "exercise", "grade", "hint", "watch"}},
		{args: []string{"help"}, stdout: []string{"Usage: learn COMMAND"}},
		{args: []string{"train"}, status: 1, stderr: `learn: unknown command "train" (run "learn help" for the list)`},
		{args: []string{"grade", "-h"}, stdout: []string{"Usage: learn grade [-time D] [STEP|all]", "-time"}},
		{args: []string{"exercise", "-h"}, stdout: []string{"Usage: learn exercise list | start STEP|all | diff STEP | reset STEP [FUNC]"}},
		{args: []string{"hint", "-h"}, stdout: []string{"Usage: learn hint [-reset] [-tier N] STEP FUNC", "-reset"}},
		{args: []string{"watch", "-h"}, stdout: []string{"Usage: learn watch [-time D]"}},
		{args: []string{"grade", "-bogus"}, status: 1, stderr: `learn grade: flag provided but not defined: -bogus (run "learn grade -h")`},
		{args: []string{"exercise", "list"}, stdout: []string{"step02_forward: forward propagation", "linear_forward", "LinearForward"}},
		{args: []string{"hint", "step02", "linear_forward", "-tier", "2"}, stdout: []string{"step02_forward.LinearForward, hint 2 of 5: the formula, with the shapes", "Z = W·A + b", "Next (the matrix functions, beside numpy's): learn hint step02_forward LinearForward"}},
		{args: []string{"hint", "step03", "ComputeCost", "-tier", "4"}, stdout: []string{"hint 4 of 5: a skeleton that compiles", "func ComputeCost(AL, Y *matrix.Dense) float64 {", "return -sum / float64(m)"}},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			stdout, stderr, status := run(tt.args...)
			if status != tt.status {
				t.Errorf("status %d, want %d (stderr %q)", status, tt.status, stderr)
			}
			if want := tt.stderr; want != "" && stderr != want+"\n" || want == "" && stderr != "" {
				t.Errorf("stderr %q, want %q", stderr, tt.stderr)
			}
			for _, p := range tt.stdout {
				if !strings.Contains(stdout, p) {
					t.Errorf("stdout\n%s\nwant it to contain %q", stdout, p)
				}
			}
		})
	}
}
