//go:build unix

package main

import (
	"fmt"
	"os"
	"syscall"
)

// makeSpecial makes at path a file of the given kind: "fifo" (a named
// pipe), "socket", "null" (a character device like /dev/null: only root
// may make one) or "zero" (a symbolic link to /dev/zero).
func makeSpecial(path, kind string) error {
	switch kind {
	case "fifo":
		return syscall.Mkfifo(path, 0o644)
	case "socket":
		return syscall.Mknod(path, syscall.S_IFSOCK|0o644, 0)
	case "null":
		return syscall.Mknod(path, syscall.S_IFCHR|0o666, 1<<8|3)
	case "zero":
		return os.Symlink("/dev/zero", path)
	}
	return fmt.Errorf("makeSpecial(%s): no kind %q", path, kind)
}
