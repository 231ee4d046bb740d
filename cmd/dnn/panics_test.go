package main

import (
	"strings"
	"testing"

	"dnn/matrix"
	"dnn/step02_forward"
)

// explained runs f and returns what run would print of its panic.
func explained(f func()) (msg string, status int) {
	defer func() {
		if r := recover(); r != nil {
			msg, status = explainPanic(r, panicFrames())
		}
	}()
	f()
	return "no panic", 0
}

func TestExplainPanic(t *testing.T) {
	tests := []struct {
		name   string
		f      func()
		status int
		want   []string
	}{
		{"a stub", func() {
			panic("step04_backward.LModelBackward is not implemented yet: dAL = -(Y/AL - (1-Y)/(1-AL))")
		}, 1, []string{"step04_backward.LModelBackward is not implemented yet: finish step04_backward first (go test ./step04_backward, or go run ./cmd/learn grade)"}},
		{"a panic in a step's code", func() {
			step02_forward.LinearForward(matrix.Zeros(3, 2), matrix.Zeros(4, 5), matrix.Zeros(4, 1))
		}, 1, []string{"step02_forward/forward.go:", ": the step code panicked in step02_forward.LinearForward: matrix: Dot: shapes (4,5) and (3,2)", "go test ./step02_forward"}},
		{"a bug elsewhere", func() {
			var m map[string]int
			m["x"] = 1
		}, 2, []string{"internal error: assignment to entry in nil map"}},
	}
	for _, tt := range tests {
		msg, status := explained(tt.f)
		if status != tt.status {
			t.Errorf("%s: status %d, want %d (message %q)", tt.name, status, tt.status, msg)
		}
		for _, want := range tt.want {
			if !strings.Contains(msg, want) {
				t.Errorf("%s: message %q, want it to contain %q", tt.name, msg, want)
			}
		}
	}
}
