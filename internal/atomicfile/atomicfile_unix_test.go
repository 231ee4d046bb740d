//go:build unix

package atomicfile

import (
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"syscall"
	"testing"
	"time"
)

// Devices, named pipes and sockets are refused and left as they are. (As
// root, -save /dev/null once replaced the device with a regular file: the
// device here is a copy of /dev/null made in a temporary folder.)
func TestWriteFileRefusesSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	at := func(name string) string { return filepath.Join(dir, name) }
	if err := syscall.Mkfifo(at("pipe.npz"), 0o644); err != nil {
		t.Fatal(err)
	}
	l, err := net.Listen("unix", at("socket.npz"))
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	tests := []struct{ name, want string }{
		{"pipe.npz", at("pipe.npz") + " is a named pipe (FIFO), not a regular file: it is not replaced"},
		{"socket.npz", at("socket.npz") + " is a socket, not a regular file: it is not replaced"},
	}
	if os.Geteuid() == 0 {
		if err := syscall.Mknod(at("null.npz"), syscall.S_IFCHR|0o666, 1<<8|3); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink("null.npz", at("tonull.npz")); err != nil {
			t.Fatal(err)
		}
		tests = append(tests,
			struct{ name, want string }{"null.npz", at("null.npz") + " is a character device, not a regular file: it is not replaced"},
			struct{ name, want string }{"tonull.npz", at("tonull.npz") + " is a character device, not a regular file: it is not replaced"})
	} else {
		t.Log("not root: no device node made")
	}
	for _, tt := range tests {
		before, _ := os.Lstat(at(tt.name))
		for _, f := range []struct {
			name string
			call func(string) error
		}{
			{"WriteFile", func(p string) error { return WriteFile(p, writeString("new")) }},
			{"Check", Check},
		} {
			if err := f.call(at(tt.name)); err == nil || err.Error() != tt.want {
				t.Errorf("%s(%s) = %v, want %s", f.name, tt.name, err, tt.want)
			}
		}
		if after, err := os.Lstat(at(tt.name)); err != nil || after.Mode() != before.Mode() {
			t.Errorf("%s is %v after the refusals (%v), want %v", tt.name, after.Mode(), err, before.Mode())
		}
	}
}

// deadPid returns the number of a process that has ended.
func deadPid(t *testing.T) int {
	t.Helper()
	cmd := exec.Command("true")
	if err := cmd.Run(); err != nil {
		t.Skipf("cannot run true: %v", err)
	}
	return cmd.Process.Pid
}

// The next write to a place removes the temporary files of its name left
// by a process that has gone, or too old; it leaves everything else.
func TestSweep(t *testing.T) {
	dir := t.TempDir()
	at := func(name string) string { return filepath.Join(dir, name) }
	old := time.Now().Add(-2 * StaleAge)
	files := []struct {
		name  string
		old   bool
		swept bool
	}{
		{fmt.Sprintf(".p.npz.tmp-%d-123", deadPid(t)), false, true},
		{fmt.Sprintf(".p.npz.tmp-%d-456", os.Getpid()), false, false}, // a write under way
		{fmt.Sprintf(".p.npz.tmp-%d-789", os.Getpid()), true, true},
		{".p.npz.tmp-2093847561", false, false}, // the older naming: by age only
		{".p.npz.tmp-3344556677", true, true},
		{".p.npz.tmp-notours", true, false},
		{".q.npz.tmp-1-1", true, false},
		{"p.npz.tmp-1-1", true, false},
	}
	for _, f := range files {
		if err := os.WriteFile(at(f.name), []byte("partial"), 0o644); err != nil {
			t.Fatal(err)
		}
		if f.old {
			if err := os.Chtimes(at(f.name), old, old); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := WriteFile(at("p.npz"), writeString("new")); err != nil {
		t.Fatal(err)
	}
	want := []string{"p.npz"}
	for _, f := range files {
		if !f.swept {
			want = append(want, f.name)
		}
	}
	slices.Sort(want)
	if got := names(t, dir); !slices.Equal(got, want) {
		t.Errorf("after WriteFile(p.npz) the folder holds %q, want %q", got, want)
	}
}

// TestHelperWriter is not a test: it is the process that the interruption
// tests start and stop while it writes.
func TestHelperWriter(t *testing.T) {
	path := os.Getenv("ATOMICFILE_HELPER_PATH")
	if path == "" {
		t.Skip("started by the interruption tests only")
	}
	WriteFile(path, func(w io.Writer) error {
		io.WriteString(w, "half of the new")
		os.WriteFile(path+".ready", nil, 0o644)
		select {} // until stopped
	})
}

// A write stopped by SIGINT or SIGTERM removes its temporary file and keeps
// the older file; one killed by SIGKILL cannot, and the next write sweeps
// the temporary file away.
func TestInterrupted(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGKILL} {
		t.Run(sig.String(), func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "p.npz")
			if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command(os.Args[0], "-test.run=^TestHelperWriter$")
			cmd.Env = append(os.Environ(), "ATOMICFILE_HELPER_PATH="+path)
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			for start := time.Now(); ; time.Sleep(10 * time.Millisecond) {
				if _, err := os.Stat(path + ".ready"); err == nil {
					break
				}
				if time.Since(start) > 30*time.Second {
					cmd.Process.Kill()
					t.Fatal("the writer did not start within 30 s")
				}
			}
			os.Remove(path + ".ready")
			if got := names(t, dir); len(got) != 2 {
				t.Fatalf("while writing the folder holds %q, want p.npz and a temporary file", got)
			}
			cmd.Process.Signal(sig)
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			select {
			case err := <-done:
				if err == nil {
					t.Errorf("the writer stopped by %v exited with status 0", sig)
				}
			case <-time.After(30 * time.Second):
				cmd.Process.Kill()
				t.Fatalf("the writer still runs 30 s after %v", sig)
			}
			if b, _ := os.ReadFile(path); string(b) != "old" {
				t.Errorf("after %v p.npz holds %q, want the older %q", sig, b, "old")
			}
			want := []string{"p.npz"}
			if sig == syscall.SIGKILL {
				if got := names(t, dir); len(got) != 2 {
					t.Errorf("after SIGKILL the folder holds %q, want p.npz and the temporary file", got)
				}
				if err := WriteFile(path, writeString("new")); err != nil {
					t.Fatal(err)
				}
			}
			if got := names(t, dir); !slices.Equal(got, want) {
				t.Errorf("after %v (and, for SIGKILL, one more write) the folder holds %q, want %q", sig, got, want)
			}
		})
	}
}
