package main

import (
	"strings"
	"testing"
)

func TestGradcheck(t *testing.T) {
	skipInExerciseMode(t)
	tests := []struct {
		args []string
		want []string
	}{
		{[]string{"gradcheck"}, []string{"seed 1, ε = 1e-07"}},
		{[]string{"gradcheck", "-layers", "3,5,4,2,1", "-m", "4", "-seed", "3"}, []string{"seed 3, ε"}},
		// Most ReLUs dead: the slopes are lost in rounding, and the
		// next seed is checked instead.
		{[]string{"gradcheck", "-layers", "3,5,4,2,1", "-m", "4", "-seed", "47"}, []string{
			"seed 47: the slopes of the cost (norm 0.0006) are too small for finite differences", "drawing again with seed 48\n", "seed 48, ε"}},
		// A ReLU input at its kink.
		{[]string{"gradcheck", "-m", "4", "-seed", "2"}, []string{"seed 2: a ReLU input of layer 2 lies within 1e-05 of its kink", "seed 3, ε"}},
	}
	for _, tt := range tests {
		stdout, stderr, status := execDNN(tt.args...)
		if status != 0 || stderr != "" {
			t.Errorf("dnn %s: status %d, stderr %q; want 0 and nothing", strings.Join(tt.args, " "), status, stderr)
		}
		for _, want := range append(tt.want, "Gradient check of L_model_backward", "dW1", "db2", "< 1e-07: passed") {
			if !strings.Contains(stdout, want) {
				t.Errorf("dnn %s printed\n%s\nwant it to contain %q", strings.Join(tt.args, " "), stdout, want)
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
		{[]string{"gradcheck", "-m", "101"}, "at most 100 examples"},
		{[]string{"gradcheck", "-seed", "4294967296"}, "numpy's seeds go from 0 to 4294967295"},
		{[]string{"gradcheck", "-layers", "1000,1000,1"}, "too many to check"},
		// It ran for 11 minutes without a word.
		{[]string{"gradcheck", "-layers", "99998,1", "-m", "100"}, "99999 parameters on 100 examples is too many to check by finite differences"},
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
