//go:build !unix

package infile

// nonblock is 0 where opening cannot be made non-blocking; Open still
// checks what it opened before reading.
const nonblock = 0
