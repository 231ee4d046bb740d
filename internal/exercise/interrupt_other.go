//go:build !unix

package exercise

import "os"

// interrupt stops a test binary that ran out of time.
func interrupt(p *os.Process) error { return p.Kill() }

// testEnv returns the environment of a test binary.
func testEnv() []string { return os.Environ() }
