//go:build unix

package atomicfile

import (
	"errors"
	"os"
	"syscall"
)

// stopSignals are the signals on which a temporary file is removed.
var stopSignals = []os.Signal{os.Interrupt, syscall.SIGTERM}

// nonblock keeps opening a named pipe from waiting for a reader.
const nonblock = syscall.O_NONBLOCK

// running reports whether a process of number pid runs (as far as can be
// told: a process of another user counts as running).
func running(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
