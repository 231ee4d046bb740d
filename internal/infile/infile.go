// Package infile opens the files a user names as input, and refuses
// anything that is not a regular file before reading from it: a named pipe
// would make the program wait forever, a device such as /dev/zero would
// feed it without end, and a folder is a mistake. A symbolic link to a
// regular file is followed.
package infile

import (
	"fmt"
	"io"
	"io/fs"
	"os"

	"dnn/internal/memlimit"
)

// Open opens path for reading if it is a regular file. The file is opened
// in a way that cannot block (O_NONBLOCK where there is one), then checked,
// so that a named pipe is refused at once. Anything that is not a regular
// file gives an error naming path and what it is, for example
//
//	data.h5 is a named pipe (FIFO), not a regular file
//
// Errors from opening are *fs.PathError, as os.Open gives them.
func Open(path string) (*os.File, fs.FileInfo, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|nonblock, 0)
	if err != nil {
		// A socket cannot be opened at all: say what it is.
		if st, serr := os.Stat(path); serr == nil && !st.Mode().IsRegular() {
			return nil, nil, Check(path, st)
		}
		return nil, nil, err
	}
	st, err := f.Stat()
	if err == nil {
		err = Check(path, st)
	}
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return f, st, nil
}

// Check returns an error naming path and what it is unless st, the file
// information of path, is that of a regular file.
func Check(path string, st fs.FileInfo) error {
	m := st.Mode()
	if m.IsRegular() {
		return nil
	}
	var what string
	switch {
	case m.IsDir():
		return fmt.Errorf("%s is a folder, not a file", path)
	case m&fs.ModeNamedPipe != 0:
		what = "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		what = "a socket"
	case m&fs.ModeCharDevice != 0:
		what = "a character device"
	case m&fs.ModeDevice != 0:
		what = "a block device"
	case m&fs.ModeSymlink != 0:
		what = "a symbolic link"
	default:
		what = "a special file"
	}
	return fmt.Errorf("%s is %s, not a regular file", path, what)
}

// ReadFile reads the whole regular file at path, after charging its size
// to budget (which may be nil).
func ReadFile(path string, budget *memlimit.Budget) ([]byte, error) {
	f, st, err := Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if err := budget.Charge(float64(st.Size()), fmt.Sprintf("%s has %s", path, memlimit.Size(float64(st.Size())))); err != nil {
		return nil, err
	}
	// The size may change while the file is read; read no more than it
	// said, and check that it had no more.
	b := make([]byte, st.Size())
	if _, err := io.ReadFull(f, b); err != nil {
		return nil, fmt.Errorf("reading %s: %w (it changed while it was read)", path, err)
	}
	if n, _ := f.Read(make([]byte, 1)); n > 0 {
		return nil, fmt.Errorf("reading %s: it grew while it was read", path)
	}
	return b, nil
}
