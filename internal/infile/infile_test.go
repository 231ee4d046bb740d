//go:build unix

package infile

import (
	"errors"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"dnn/internal/memlimit"
)

func TestOpen(t *testing.T) {
	dir := t.TempDir()
	at := func(name string) string { return filepath.Join(dir, name) }
	if err := os.WriteFile(at("data.h5"), []byte("12345"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, err := range []error{
		os.Symlink("data.h5", at("link.h5")),
		os.Symlink("/dev/zero", at("zero.h5")),
		os.Symlink("nowhere", at("dangling.h5")),
		os.Mkdir(at("folder.h5"), 0o755),
		syscall.Mkfifo(at("pipe.h5"), 0o644),
	} {
		if err != nil {
			t.Fatal(err)
		}
	}
	l, err := net.Listen("unix", at("socket.h5"))
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()

	tests := []struct {
		name string
		want string // the error; "" for none
	}{
		{"data.h5", ""},
		{"link.h5", ""},
		{"zero.h5", at("zero.h5") + " is a character device, not a regular file"},
		{"folder.h5", at("folder.h5") + " is a folder, not a file"},
		{"pipe.h5", at("pipe.h5") + " is a named pipe (FIFO), not a regular file"},
		{"socket.h5", at("socket.h5") + " is a socket, not a regular file"},
		{"dangling.h5", "open " + at("dangling.h5") + ": no such file or directory"},
	}
	for _, tt := range tests {
		done := make(chan error, 1)
		go func() {
			f, st, err := Open(at(tt.name))
			if err == nil {
				if st.Size() != 5 {
					t.Errorf("Open(%s) size %d, want 5", tt.name, st.Size())
				}
				f.Close()
			}
			done <- err
		}()
		select {
		case err := <-done:
			got := ""
			if err != nil {
				got = err.Error()
			}
			if got != tt.want {
				t.Errorf("Open(%s) error %q, want %q", tt.name, got, tt.want)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("Open(%s) still running after 10 s", tt.name)
		}
	}
	if _, _, err := Open(at("dangling.h5")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Open(dangling link) error %v, want one matching fs.ErrNotExist", err)
	}
}

func TestReadFile(t *testing.T) {
	p := filepath.Join(t.TempDir(), "data.h5")
	if err := os.WriteFile(p, []byte("0123456789"), 0o644); err != nil {
		t.Fatal(err)
	}
	if b, err := ReadFile(p, nil); err != nil || string(b) != "0123456789" {
		t.Errorf("ReadFile(data.h5, nil) = %q, %v, want 0123456789", b, err)
	}
	defer memlimit.SetLimit(memlimit.SetLimit(9))
	want := p + " has 10 bytes; the limit is 9 bytes (the limit set for this run)"
	if _, err := ReadFile(p, memlimit.NewBudget()); err == nil || err.Error() != want {
		t.Errorf("ReadFile(10-byte file) under a limit of 9 bytes: error %v, want %s", err, want)
	}
}
