package npy

import (
	"errors"
	"fmt"
)

// Errors that reading wraps, so that callers can tell them apart with
// errors.Is.
var (
	// ErrFormat means the input is not a well-formed .npy or .npz file:
	// a bad magic string, a malformed header, truncated or excess data,
	// a corrupt zip archive.
	ErrFormat = errors.New("malformed file")

	// ErrUnsupported means the file is well formed but holds something
	// this package does not read: an object, structured, string, complex
	// or datetime dtype, an unknown version.
	ErrUnsupported = errors.New("unsupported contents")

	// ErrTooLarge means the file is well formed but its values, as
	// float64, would take more memory than the limit (see
	// dnn/internal/memlimit).
	ErrTooLarge = errors.New("too large for the memory")
)

// fileError is an error with a message of its own that wraps one of the
// sentinel errors above without repeating its text.
type fileError struct {
	kind error // ErrFormat, ErrUnsupported or ErrTooLarge
	msg  string
}

func (e *fileError) Error() string { return e.msg }
func (e *fileError) Unwrap() error { return e.kind }

// malformed returns an error wrapping ErrFormat.
func malformed(format string, args ...any) error {
	return &fileError{kind: ErrFormat, msg: fmt.Sprintf(format, args...)}
}

// unsupported returns an error wrapping ErrUnsupported.
func unsupported(format string, args ...any) error {
	return &fileError{kind: ErrUnsupported, msg: fmt.Sprintf(format, args...)}
}
