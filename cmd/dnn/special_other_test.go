//go:build !unix

package main

import (
	"errors"
	"fmt"
)

// makeSpecial cannot make named pipes, sockets or devices here.
func makeSpecial(path, kind string) error {
	return fmt.Errorf("makeSpecial(%s, %s): %w", path, kind, errors.ErrUnsupported)
}
