package hdf5

import (
	"errors"
	"fmt"
)

// ErrUnsupported is matched, with errors.Is, by every error about a valid
// HDF5 feature that this package does not read (a filter such as lzf, a
// compound type, dense link storage, ...). Any other error means the file is
// damaged or is not HDF5.
var ErrUnsupported = errors.New("hdf5: feature not supported")

// unsupportedError names a feature the package does not read: its message is
// "<what> is not supported".
type unsupportedError struct{ what string }

func (e *unsupportedError) Error() string        { return e.what + " is not supported" }
func (e *unsupportedError) Is(target error) bool { return target == ErrUnsupported }

func unsupported(format string, a ...any) error {
	return &unsupportedError{fmt.Sprintf(format, a...)}
}

// wrap prefixes err with the package, the file name (when there is one) and
// the object the error is about, e.g.
//
//	hdf5: train.h5: dataset "x": filter 32000 (lzf) is not supported
func wrap(file, object string, err error) error {
	prefix := "hdf5: "
	if file != "" {
		prefix += file + ": "
	}
	if object != "" {
		prefix += object + ": "
	}
	return &wrapped{prefix, err}
}

type wrapped struct {
	prefix string
	err    error
}

func (e *wrapped) Error() string { return e.prefix + e.err.Error() }
func (e *wrapped) Unwrap() error { return e.err }
