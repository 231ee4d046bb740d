//go:build !unix

package memlimit

// addressSpaceLimit reports no address-space limit where there is no
// RLIMIT_AS.
func addressSpaceLimit() (float64, bool) { return 0, false }
