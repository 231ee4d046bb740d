package atomicfile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func writeString(s string) func(io.Writer) error {
	return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
}

// names returns the names in dir, sorted.
func names(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var n []string
	for _, e := range entries {
		n = append(n, e.Name())
	}
	return n
}

func TestWriteFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "params.npz")
	if err := WriteFile(path, writeString("old")); err != nil {
		t.Fatalf("WriteFile(first) = %v, want nil", err)
	}
	boom := errors.New("interrupted")
	err := WriteFile(path, func(w io.Writer) error {
		io.WriteString(w, "half")
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("WriteFile(failing) = %v, want %v", err, boom)
	}
	if b, _ := os.ReadFile(path); string(b) != "old" {
		t.Errorf("after a failed write the file holds %q, want the older %q", b, "old")
	}
	if got := names(t, dir); !slices.Equal(got, []string{"params.npz"}) {
		t.Errorf("after a failed write the folder holds %q, want only params.npz (no temporary file left)", got)
	}
	if err := WriteFile(path, writeString("new")); err != nil {
		t.Fatalf("WriteFile(second) = %v, want nil", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "new" {
		t.Errorf("file holds %q, want %q", b, "new")
	}
	if err := WriteFile(filepath.Join(dir, "missing", "x"), writeString("")); err == nil {
		t.Error("WriteFile into a missing folder = nil, want an error")
	}
}

// Replacing a file keeps its permission bits.
func TestWriteFileKeepsMode(t *testing.T) {
	path := filepath.Join(t.TempDir(), "secret.npz")
	if err := os.WriteFile(path, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(path, writeString("new")); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Stat(path); err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("after WriteFile over a 0600 file: %v, %v; want mode 0600", st.Mode(), err)
	}
}

// Symbolic links are written through: the target is replaced, the link
// stays.
func TestWriteFileSymlink(t *testing.T) {
	dir := t.TempDir()
	at := func(name string) string { return filepath.Join(dir, name) }
	if err := os.Mkdir(at("runs"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(at("runs/run1.npz"), []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, l := range [][2]string{{"runs/run1.npz", "latest.npz"}, {"runs/run2.npz", "next.npz"}} {
		if err := os.Symlink(l[0], at(l[1])); err != nil {
			t.Fatal(err)
		}
	}
	for _, tt := range []struct{ link, target string }{{"latest.npz", "runs/run1.npz"}, {"next.npz", "runs/run2.npz"}} {
		if err := WriteFile(at(tt.link), writeString("new")); err != nil {
			t.Fatalf("WriteFile(%s) = %v", tt.link, err)
		}
		if st, err := os.Lstat(at(tt.link)); err != nil || st.Mode()&os.ModeSymlink == 0 {
			t.Errorf("after WriteFile(%s), it is %v, %v; want the symbolic link kept", tt.link, st.Mode(), err)
		}
		if b, err := os.ReadFile(at(tt.target)); err != nil || string(b) != "new" {
			t.Errorf("after WriteFile(%s), %s holds %q, %v; want %q", tt.link, tt.target, b, err, "new")
		}
	}
	if got, want := names(t, at("runs")), []string{"run1.npz", "run2.npz"}; !slices.Equal(got, want) {
		t.Errorf("runs holds %q, want %q", got, want)
	}
}

func TestWriteFileRefuses(t *testing.T) {
	dir := t.TempDir()
	at := func(name string) string { return filepath.Join(dir, name) }
	if err := os.WriteFile(at("locked.npz"), []byte("keep me"), 0o444); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(at("folder.npz"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("nowhere/p.npz", at("lost.npz")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("locked.npz", at("tolocked.npz")); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		path string
		want string
	}{
		{at("locked.npz"), at("locked.npz") + " is read-only: it is not replaced (make it writable, or remove it, to write it)"},
		{at("tolocked.npz"), at("tolocked.npz") + " is read-only: it is not replaced (make it writable, or remove it, to write it)"},
		{at("folder.npz"), at("folder.npz") + " is a folder"},
		{at("lost.npz"), "cannot write " + at("lost.npz") + ": the folder " + at("nowhere") + " does not exist"},
		{at("missing/p.npz"), "cannot write " + at("missing/p.npz") + ": the folder " + at("missing") + " does not exist"},
		{dir + "/", dir + "/ names a folder, not a file"},
		{dir + "/..", dir + "/.. names a folder, not a file"},
		{"", "no file name given"},
		{at("a\x00b"), `"` + at("a") + `\x00b" is not a valid file name: it holds a NUL byte`},
		{at(strings.Repeat("n", 256)), at(strings.Repeat("n", 40))[:40] + "...: the file name is 256 bytes long; the limit is 255"},
	}
	before := names(t, dir)
	for _, tt := range tests {
		for _, f := range []struct {
			name string
			call func(string) error
		}{
			{"WriteFile", func(p string) error { return WriteFile(p, writeString("new")) }},
			{"Check", Check},
		} {
			if err := f.call(tt.path); err == nil || err.Error() != tt.want {
				t.Errorf("%s(%q) = %v, want %s", f.name, tt.path, err, tt.want)
			}
		}
	}
	if b, err := os.ReadFile(at("locked.npz")); err != nil || string(b) != "keep me" {
		t.Errorf("locked.npz holds %q, %v after the refusals, want %q", b, err, "keep me")
	}
	if after := names(t, dir); !slices.Equal(after, before) {
		t.Errorf("the folder holds %q after the refusals, want %q", after, before)
	}
}

func TestCheck(t *testing.T) {
	dir := t.TempDir()
	for _, p := range []string{filepath.Join(dir, "new.npz"), filepath.Join(dir, "old.npz")} {
		if err := Check(p); err != nil {
			t.Errorf("Check(%s) = %v, want nil", p, err)
		}
		os.WriteFile(filepath.Join(dir, "old.npz"), []byte("old"), 0o644)
	}
	if got := names(t, dir); !slices.Equal(got, []string{"old.npz"}) {
		t.Errorf("Check left %q in the folder, want only old.npz", got)
	}
	if err := CheckFolder(dir); err != nil {
		t.Errorf("CheckFolder(%s) = %v, want nil", dir, err)
	}
	if err := CheckFolder(filepath.Join(dir, "old.npz")); err == nil || !strings.HasSuffix(err.Error(), "old.npz is not a folder") {
		t.Errorf("CheckFolder(a file) = %v, want one saying it is not a folder", err)
	}
	if err := CheckFolder(filepath.Join(dir, "none")); err == nil || !strings.HasSuffix(err.Error(), "none does not exist") {
		t.Errorf("CheckFolder(a missing folder) = %v, want one saying it does not exist", err)
	}
	if os.Geteuid() == 0 {
		t.Log("running as root: a folder without write permission is still writable; not checked")
		return
	}
	locked := filepath.Join(dir, "locked")
	if err := os.Mkdir(locked, 0o555); err != nil {
		t.Fatal(err)
	}
	if err := Check(filepath.Join(locked, "p.npz")); err == nil || !strings.Contains(err.Error(), "permission denied") {
		t.Errorf("Check(p.npz in a read-only folder) = %v, want permission denied", err)
	}
}
