package main

import (
	"strings"
	"testing"
)

func TestWarnRising(t *testing.T) {
	type point struct {
		i    int
		cost float64
	}
	tests := []struct {
		name  string
		costs []point
		lr    float64
		want  string // the warning; "" for none
	}{
		{"falling", []point{{0, 0.77}, {100, 0.67}, {200, 0.65}, {299, 0.6}}, 0.0075, ""},
		{"rising", []point{{0, 0.7}, {100, 0.64}, {200, 0.71}, {300, 0.9}, {400, 2}}, 0.5,
			"Warning: the cost rose from 0.64 to 0.71 between iterations 100 and 200: the learning rate α = 0.5 may be too large (harmless if the cost falls again)\n"},
		{"close costs", []point{{0, 0.6441}, {100, 0.6443}}, 0.1, "the cost rose from 0.6441 to 0.6443 between"},
		// A rise by rounding alone is a stall (the L-layer model on the course's data at -lr 0.05).
		{"stalled", []point{{0, 0.77}, {100, 0.6439737380528067}, {200, 0.643973738052807}, {300, 0.6439737380528067}}, 0.5,
			"Warning: the cost stopped changing at 0.644 between iterations 100 and 200: the ReLUs may all have died after too large a step; the learning rate α = 0.5 may be too large\n"},
		{"converged", []point{{0, 0.5}, {100, 1e-9}, {200, 1e-9}}, 1, ""},
		{"one iteration apart", []point{{0, 0.5}, {2400, 0.0929}, {2401, 0.0929 * (1 - 1e-11)}}, 0.0075, ""},
	}
	for _, tt := range tests {
		var out strings.Builder
		var seen []point
		onCost := warnRising(&out, tt.lr, func(i int, cost float64) { seen = append(seen, point{i, cost}) })
		for _, p := range tt.costs {
			onCost(p.i, p.cost)
		}
		if len(seen) != len(tt.costs) {
			t.Errorf("%s: the wrapped callback saw %d costs, want %d", tt.name, len(seen), len(tt.costs))
		}
		switch got := out.String(); {
		case tt.want == "" && got != "":
			t.Errorf("%s: warned %q, want nothing", tt.name, got)
		case tt.want != "" && (!strings.Contains(got, tt.want) || strings.Count(got, "\n") != 1):
			t.Errorf("%s: warned %q, want one line containing %q", tt.name, got, tt.want)
		}
	}
	if f := warnRising(&strings.Builder{}, 1, nil); f == nil {
		t.Error("warnRising(nil next) = nil")
	} else {
		f(0, 1) // a nil next is not called
	}
}

// TestTrainingWarns checks that training prints the warning: the demo at
// α = 0.1 has its cost rise between iterations 800 and 900.
func TestTrainingWarns(t *testing.T) {
	skipInExerciseMode(t)
	args := []string{"demo", "-lr", "0.1", "-iterations", "1000", "-report", ""}
	stdout, stderr, status := execDNN(args...)
	want := "Warning: the cost rose from 0.252 to 0.254 between iterations 800 and 900: the learning rate α = 0.1 may be too large"
	if status != 0 || stderr != "" || strings.Count(stdout, want) != 1 || strings.Count(stdout, "Warning") != 1 {
		t.Errorf("dnn %s: status %d, stderr %q, stdout\n%s\nwant status 0 and one warning %q", strings.Join(args, " "), status, stderr, stdout, want)
	}
}
