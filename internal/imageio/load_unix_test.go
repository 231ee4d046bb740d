//go:build unix

package imageio

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// A named pipe would make Load wait for a writer forever, and /dev/zero
// would feed it without end: both are refused by name before any reading.
func TestLoadNotRegular(t *testing.T) {
	dir := t.TempDir()
	pipe, zero, link := filepath.Join(dir, "pipe.png"), filepath.Join(dir, "zero.png"), filepath.Join(dir, "link.png")
	if err := syscall.Mkfifo(pipe, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("/dev/zero", zero); err != nil {
		t.Fatal(err)
	}
	writeFile(t, dir, "cat.png", encodePNG(t, pattern(20, 20)))
	if err := os.Symlink("cat.png", link); err != nil {
		t.Fatal(err)
	}
	tests := []struct{ path, want string }{
		{pipe, pipe + " is a named pipe (FIFO), not a regular file"},
		{zero, zero + " is a character device, not a regular file"},
	}
	for _, tt := range tests {
		done := make(chan error, 1)
		go func() { _, err := Load(tt.path); done <- err }()
		select {
		case err := <-done:
			if err == nil || err.Error() != tt.want {
				t.Errorf("Load(%q) error %v, want %q", tt.path, err, tt.want)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("Load(%q) still running after 10 s", tt.path)
		}
	}
	if _, err := Load(link); err != nil {
		t.Errorf("Load(a symbolic link to a PNG) = %v, want no error", err)
	}
}
