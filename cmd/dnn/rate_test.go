package main

import (
	"testing"
	"time"
)

func TestRate(t *testing.T) {
	tests := []struct {
		iterations int
		elapsed    time.Duration
		want       string
	}{
		{10000, 6750 * time.Millisecond, "1481 iterations/s"},
		{2500, 133 * time.Second, "18.8 iterations/s"},
		{3, time.Second, "3.00 iterations/s"},
		{1, time.Second, "1.00 iterations/s"},
		{2, 5 * time.Second, "2.50 s per iteration"},
		{1, 2126 * time.Millisecond, "2.13 s per iteration"},
		{1, 1500 * time.Second, "1500 s per iteration"},
	}
	for _, tt := range tests {
		if got := rate(tt.iterations, tt.elapsed); got != tt.want {
			t.Errorf("rate(%d, %v) = %q, want %q", tt.iterations, tt.elapsed, got, tt.want)
		}
	}
}
