package main

import (
	"fmt"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
)

// A step function's code is the learner's own. When it panics, the user
// needs to know which step to finish, or where in their code it went
// wrong; a panic anywhere else is a bug of the program.

// notImplemented matches an exercise stub's panic,
// "<step>.<Func> is not implemented yet: <hint>".
var notImplemented = regexp.MustCompile(`\b(step\d\d_[a-z]+)\.(\w+) is not implemented yet`)

// stepFunction matches the name of a function of a step package, as
// runtime.Frame gives it ("dnn/step02_forward.LinearForward").
var stepFunction = regexp.MustCompile(`^dnn/(step\d\d_[a-z]+)\.`)

// explainPanic turns a recovered panic value r and the frames of the
// panicking stack (innermost first) into one message and an exit status:
//
//   - a stub not written yet (status 1): the step to finish;
//   - a panic with a step function on the stack (status 1): the file and
//     line of the innermost one, e.g. step02_forward/forward.go:97, and the
//     panic's message;
//   - anything else (status 2): an internal error.
func explainPanic(r any, frames []runtime.Frame) (msg string, status int) {
	s := fmt.Sprint(r)
	if m := notImplemented.FindStringSubmatch(s); m != nil {
		step := m[1]
		return fmt.Sprintf("%s.%s is not implemented yet: finish %s first (go test ./%s, or go run ./cmd/learn grade)",
			step, m[2], step, step), 1
	}
	for _, f := range frames {
		if m := stepFunction.FindStringSubmatch(f.Function); m != nil {
			file := filepath.Base(filepath.Dir(f.File)) + "/" + filepath.Base(f.File)
			fn := strings.TrimPrefix(f.Function, "dnn/"+m[1]+".")
			return fmt.Sprintf("%s:%d: the step code panicked in %s.%s: %s (test it with go test ./%s)",
				file, f.Line, m[1], fn, s, m[1]), 1
		}
	}
	return "internal error: " + s, 2
}

// panicFrames returns the frames of the panicking goroutine's stack,
// innermost first, leaving out the runtime's own. Called from a deferred
// function while the panic unwinds, it sees the frames that panicked.
func panicFrames() []runtime.Frame {
	pcs := make([]uintptr, 64)
	pcs = pcs[:runtime.Callers(2, pcs)]
	var frames []runtime.Frame
	it := runtime.CallersFrames(pcs)
	for {
		f, more := it.Next()
		if !strings.HasPrefix(f.Function, "runtime.") {
			frames = append(frames, f)
		}
		if !more {
			return frames
		}
	}
}
