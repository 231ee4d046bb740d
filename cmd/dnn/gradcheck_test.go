package main

import (
	"strings"
	"testing"
)

func TestGradcheck(t *testing.T) {
	skipInExerciseMode(t)
	for _, args := range [][]string{
		{"gradcheck"},
		{"gradcheck", "-layers", "3,5,4,2,1", "-m", "4", "-seed", "3"},
	} {
		stdout, stderr, status := execDNN(args...)
		if status != 0 || stderr != "" {
			t.Errorf("dnn %s: status %d, stderr %q; want 0 and nothing", strings.Join(args, " "), status, stderr)
		}
		for _, want := range []string{"Gradient check of L_model_backward", "dW1", "db2", "< 1e-07: passed"} {
			if !strings.Contains(stdout, want) {
				t.Errorf("dnn %s printed\n%s\nwant it to contain %q", strings.Join(args, " "), stdout, want)
			}
		}
	}
}

func TestGradcheckErrors(t *testing.T) {
	tests := []struct {
		args   []string
		phrase string
	}{
		{[]string{"gradcheck", "-layers", "4,3,2"}, "the last layer size must be 1"},
		{[]string{"gradcheck", "-layers", "4,-3,1"}, "each layer size must be a whole number above 0"},
		{[]string{"gradcheck", "-m", "0"}, "the number of examples m must be at least 1"},
		{[]string{"gradcheck", "-seed", "4294967296"}, "numpy's seeds go from 0 to 4294967295"},
		{[]string{"gradcheck", "-layers", "1000,1000,1"}, "too many to check"},
		{[]string{"gradcheck", "-layers", "5,4,3,1", "-m", "4", "-seed", "2"}, "try another seed"},
		{[]string{"gradcheck", "now"}, `unexpected argument "now"`},
	}
	for _, tt := range tests {
		stdout, stderr, status := execDNN(tt.args...)
		wantOneLineError(t, tt.args, stderr, status, "dnn gradcheck: ", tt.phrase)
		if stdout != "" {
			t.Errorf("dnn %s printed %q, want nothing on stdout", strings.Join(tt.args, " "), stdout)
		}
	}
}
