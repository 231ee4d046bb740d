//go:build unix

package exercise

import (
	"os"
	"syscall"
)

// interrupt stops a test binary that ran out of time with SIGQUIT, which
// makes it print where each goroutine was before it exits.
func interrupt(p *os.Process) error { return p.Signal(syscall.SIGQUIT) }
