//go:build unix

package memlimit

import "syscall"

// addressSpaceLimit returns the soft RLIMIT_AS (ulimit -v) in bytes, if
// there is one (RLIM_INFINITY is all bits set).
func addressSpaceLimit() (float64, bool) {
	var r syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_AS, &r); err != nil || r.Cur >= 1<<62 {
		return 0, false
	}
	return float64(r.Cur), true
}
