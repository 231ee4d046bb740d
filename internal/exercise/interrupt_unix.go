//go:build unix

package exercise

import (
	"os"
	"sync"
	"syscall"
)

// interrupt stops a test binary that ran out of time with SIGQUIT, which
// makes it print where each goroutine was before it exits.
func interrupt(p *os.Process) error { return p.Signal(syscall.SIGQUIT) }

var crashEnv = sync.OnceValue(func() []string {
	// GOTRACEBACK=crash makes every thread print the goroutine it runs
	// when SIGQUIT comes, so that a loop running on another thread than
	// the one the signal reaches shows too. Such a crash ends with SIGABRT,
	// which must not leave a core file in the step's folder: the test
	// binaries inherit a core size limit of 0.
	var lim syscall.Rlimit
	if syscall.Getrlimit(syscall.RLIMIT_CORE, &lim) != nil {
		return nil
	}
	lim.Cur = 0
	if syscall.Setrlimit(syscall.RLIMIT_CORE, &lim) != nil {
		return nil
	}
	return []string{"GOTRACEBACK=crash"}
})

// testEnv returns the environment of a test binary.
func testEnv() []string { return append(os.Environ(), crashEnv()...) }
