//go:build !amd64 || purego

package fast

// simdLoops returns no loops: this build has no assembly.
func simdLoops() []*simd { return nil }
