package report

import (
	"math"
	"strings"
	"testing"
)

func TestNiceStep(t *testing.T) {
	tests := []struct {
		span float64
		n    int
		want float64
	}{
		{2500, 6, 500},
		{0.72, 8, 0.1},
		{1, 5, 0.2},
		{9.8, 6, 2},
		{3, 6, 0.5},
		{100, 10, 10},
	}
	for _, tt := range tests {
		if got := niceStep(tt.span, tt.n); got != tt.want {
			t.Errorf("niceStep(%v, %d) = %v, want %v", tt.span, tt.n, got, tt.want)
		}
	}
}

func TestTicks(t *testing.T) {
	tests := []struct {
		name string
		s    scale
		step float64
		want string // the tick labels
	}{
		{"iterations", scale{0, 2499, 0, 100}, 500, "0 500 1000 1500 2000"},
		{"cost", scale{0, 0.8, 0, 100}, 0.1, "0.0 0.1 0.2 0.3 0.4 0.5 0.6 0.7 0.8"},
		{"around zero", scale{-4.9, 4.9, 0, 100}, 2, "-4 -2 0 2 4"},
		{"small step", scale{0.02, 0.1, 0, 100}, 0.02, "0.02 0.04 0.06 0.08 0.10"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, tk := range tt.s.ticks(tt.step) {
				got = append(got, tk.Text)
			}
			if strings.Join(got, " ") != tt.want {
				t.Errorf("scale%v.ticks(%v) = %q, want %q", tt.s, tt.step, strings.Join(got, " "), tt.want)
			}
		})
	}
}

func TestWiden(t *testing.T) {
	tests := []struct {
		lo, hi             float64
		wantLo, wantHi, st float64
	}{
		{0.048, 0.771, 0, 0.8, 0.1},
		{0.69, 0.69, 0, 1.2, 0.2}, // one value: padded by 0.5 each side
	}
	for _, tt := range tests {
		lo, hi, st := widen(tt.lo, tt.hi, 8)
		if math.Abs(lo-tt.wantLo) > 1e-12 || math.Abs(hi-tt.wantHi) > 1e-12 || st != tt.st {
			t.Errorf("widen(%v, %v, 8) = %v, %v, %v, want %v, %v, %v", tt.lo, tt.hi, lo, hi, st, tt.wantLo, tt.wantHi, tt.st)
		}
	}
}
