// Package atomicfile writes a file all at once or not at all: the data goes
// to a temporary file in the same folder, which is renamed over the target
// only when everything was written and synced, and the folder is synced
// after the rename. An interrupted or failed write never leaves a
// half-written file and never destroys an older one.
//
// What WriteFile replaces, and what it refuses:
//
//   - a regular file is replaced, keeping its permission bits, unless it is
//     read-only (no write permission bit set, or not writable by this
//     user): that is refused, so that a file protected with chmod a-w stays
//     as it is;
//   - a symbolic link is written through: its target, which must be a
//     regular file or not exist yet in an existing folder, is replaced
//     (atomically, in the target's folder), and the link is kept; a link
//     whose target's folder does not exist is refused;
//   - a folder, a device (such as /dev/null), a named pipe or a socket is
//     refused by name, and left as it is.
//
// Temporary files are named ".NAME.tmp-PID-RANDOM" after the target NAME
// and the writing process. On SIGINT or SIGTERM during a write, the
// temporary file is removed before the process ends as the signal asks.
// A process killed outright (SIGKILL, a power cut) cannot clean up: the
// next write to the same place removes the temporary files of its name
// whose process is gone, or that are older than StaleAge.
//
// Check tells before the work that produces the data whether WriteFile
// can write a path, so that an hour of training is not lost to a typo.
package atomicfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"dnn/internal/infile"
)

// StaleAge is the age beyond which a temporary file of this package's
// naming is taken as left behind, even if a process of its number runs.
const StaleAge = 10 * time.Minute

// maxName is the longest file name, in bytes, of common file systems.
const maxName = 255

// WriteFile calls write with a temporary file next to path (next to its
// target if path is a symbolic link) and, if write and the sync succeed,
// renames it to the target. On any error the temporary file is removed and
// an existing file is left as it was. See the package doc for what is
// replaced and what is refused.
func WriteFile(path string, write func(w io.Writer) error) (err error) {
	t, err := resolve(path)
	if err != nil {
		return err
	}
	sweep(t.path)
	tmp, err := t.create()
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	g := guard(tmp.Name())
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
		g.release()
	}()
	if err = write(tmp); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	if err = g.rename(t.path); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	if err := syncFolder(filepath.Dir(t.path)); err != nil {
		return fmt.Errorf("wrote %s but could not sync its folder, so a crash may still lose it: %w", path, err)
	}
	return nil
}

// Check returns an error, saying what is wrong, unless WriteFile(path) can
// be expected to succeed: the name is a valid file name, the folder exists
// and a file can be created in it (checked by creating and removing one),
// and path is absent, a regular file that is not read-only, or a symbolic
// link to one (or to an absent file in an existing folder).
func Check(path string) error {
	t, err := resolve(path)
	if err != nil {
		return err
	}
	tmp, err := t.create()
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	tmp.Close()
	return os.Remove(tmp.Name())
}

// CheckFolder returns an error unless dir is an existing folder in which a
// file can be created (checked by creating and removing one).
func CheckFolder(dir string) error {
	st, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("the folder %s does not exist", dir)
	case err != nil:
		return err
	case !st.IsDir():
		return fmt.Errorf("%s is not a folder", dir)
	}
	f, err := os.CreateTemp(dir, ".check.tmp-*")
	if err != nil {
		return fmt.Errorf("cannot write in the folder %s: %w", dir, errors.Unwrap(err))
	}
	f.Close()
	return os.Remove(f.Name())
}

// A target is the file that a write to a path replaces.
type target struct {
	path string      // the file replaced: path, or the target of a symbolic link
	mode fs.FileMode // its permission bits, for the new file
	keep bool        // mode is that of an existing file, to keep as it is
}

// resolve returns the target of a write to path, or an error if the write
// must be refused.
func resolve(path string) (target, error) {
	if err := checkName(path); err != nil {
		return target{}, err
	}
	t := target{path: path, mode: 0o666} // before the umask, as a new file gets
	st, err := os.Lstat(path)
	if err == nil && st.Mode()&fs.ModeSymlink != 0 {
		dest, rerr := filepath.EvalSymlinks(path)
		if rerr != nil {
			// A link to a file not made yet: write the file it names, if
			// its folder exists.
			link, lerr := os.Readlink(path)
			if lerr != nil {
				return target{}, fmt.Errorf("%s is a symbolic link that cannot be followed: %w", path, rerr)
			}
			if !filepath.IsAbs(link) {
				link = filepath.Join(filepath.Dir(path), link)
			}
			if _, derr := os.Lstat(link); !errors.Is(derr, fs.ErrNotExist) || checkName(link) != nil {
				return target{}, fmt.Errorf("%s is a symbolic link that cannot be followed: %w", path, rerr)
			}
			dest = link
		}
		t.path = dest
		st, err = os.Stat(dest)
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if st, derr := os.Stat(filepath.Dir(t.path)); derr != nil || !st.IsDir() {
			return target{}, fmt.Errorf("cannot write %s: the folder %s does not exist", path, filepath.Dir(t.path))
		}
		return t, nil
	case err != nil:
		return target{}, fmt.Errorf("cannot write %s: %w", path, err)
	case st.IsDir():
		return target{}, fmt.Errorf("%s is a folder", path)
	case !st.Mode().IsRegular():
		return target{}, fmt.Errorf("%w: it is not replaced", infile.Check(path, st))
	case st.Mode().Perm()&0o222 == 0 || !writable(t.path):
		return target{}, fmt.Errorf("%s is read-only: it is not replaced (make it writable, or remove it, to write it)", path)
	}
	t.mode, t.keep = st.Mode().Perm(), true
	return t, nil
}

// checkName returns an error unless path is a valid name for a file.
func checkName(path string) error {
	base := filepath.Base(path)
	switch {
	case path == "":
		return errors.New("no file name given")
	case strings.ContainsRune(path, 0):
		return fmt.Errorf("%q is not a valid file name: it holds a NUL byte", path)
	case strings.HasSuffix(path, "/") || strings.HasSuffix(path, string(filepath.Separator)) || base == "." || base == "..":
		return fmt.Errorf("%s names a folder, not a file", path)
	case len(base) > maxName:
		return fmt.Errorf("%s...: the file name is %d bytes long; the limit is %d", path[:40], len(base), maxName)
	}
	return nil
}

// writable reports whether this user may open the file at path for
// writing. Opening without O_TRUNC changes nothing.
func writable(path string) bool {
	f, err := os.OpenFile(path, os.O_WRONLY|nonblock, 0)
	if err != nil {
		return !errors.Is(err, fs.ErrPermission)
	}
	f.Close()
	return true
}

// tempPrefix returns the start of the names of the temporary files for the
// file at path: "." + its name (cut to leave room) + ".tmp-".
func tempPrefix(path string) string {
	base := filepath.Base(path)
	if len(base) > maxName-40 {
		base = base[:maxName-40]
	}
	return filepath.Join(filepath.Dir(path), "."+base+".tmp-")
}

// create makes a new temporary file for t, with t's permission bits.
func (t target) create() (*os.File, error) {
	prefix := tempPrefix(t.path) + strconv.Itoa(os.Getpid()) + "-"
	for range 100 {
		f, err := os.OpenFile(prefix+strconv.FormatUint(rand.Uint64N(1e12), 10), os.O_WRONLY|os.O_CREATE|os.O_EXCL, t.mode)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			var pe *fs.PathError
			if errors.As(err, &pe) {
				err = pe.Err
			}
			return nil, err
		}
		// The umask applies to a new file, not to the permission bits of
		// the file replaced.
		if t.keep {
			if err := f.Chmod(t.mode); err != nil {
				f.Close()
				os.Remove(f.Name())
				return nil, err
			}
		}
		return f, nil
	}
	return nil, errors.New("cannot find a free name for a temporary file")
}

// sweep removes the temporary files of the file at path that were left
// behind: those whose process no longer runs, or older than StaleAge.
// Temporary files of the older naming ".NAME.tmp-RANDOM" count only by age.
func sweep(path string) {
	prefix := tempPrefix(path)
	entries, err := os.ReadDir(filepath.Dir(prefix))
	if err != nil {
		return
	}
	base := filepath.Base(prefix)
	for _, e := range entries {
		rest, ok := strings.CutPrefix(e.Name(), base)
		if !ok || !e.Type().IsRegular() {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue
		}
		pid, random, withPid := strings.Cut(rest, "-")
		if !digits(random) && withPid || !digits(pid) {
			continue // not a name this package makes
		}
		n, _ := strconv.Atoi(pid)
		old := time.Since(info.ModTime()) > StaleAge
		if old || withPid && n != os.Getpid() && !running(n) {
			os.Remove(filepath.Join(filepath.Dir(prefix), e.Name()))
		}
	}
}

func digits(s string) bool {
	return s != "" && strings.Trim(s, "0123456789") == ""
}

// syncFolder flushes the folder dir, so that a rename in it survives a
// crash. File systems that cannot sync a folder are not an error.
func syncFolder(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.Sync(); err != nil && !errors.Is(err, syscall.EINVAL) && !errors.Is(err, errors.ErrUnsupported) {
		return err
	}
	return nil
}

// A signalGuard removes a temporary file if the process is told to stop
// (SIGINT, SIGTERM) while the file is being written, then lets the signal
// end the process.
type signalGuard struct {
	mu      sync.Mutex
	tmp     string
	renamed bool
	signals chan os.Signal
	done    chan struct{}
}

// guard starts watching for the signals while tmp is written.
func guard(tmp string) *signalGuard {
	g := &signalGuard{tmp: tmp, signals: make(chan os.Signal, 1), done: make(chan struct{})}
	signal.Notify(g.signals, stopSignals...)
	go func() {
		select {
		case sig := <-g.signals:
			g.mu.Lock() // wait for a rename under way; hold on to the end
			if !g.renamed {
				os.Remove(g.tmp)
			}
			signal.Reset(sig)
			if p, err := os.FindProcess(os.Getpid()); err == nil {
				p.Signal(sig)
			}
			time.Sleep(time.Second) // the signal ends the process meanwhile
			os.Exit(1)
		case <-g.done:
		}
	}()
	return g
}

// rename renames the temporary file to path, unless a signal came first.
func (g *signalGuard) rename(path string) error {
	g.mu.Lock()
	defer g.mu.Unlock()
	if err := os.Rename(g.tmp, path); err != nil {
		return err
	}
	g.renamed = true
	return nil
}

// release stops watching for the signals.
func (g *signalGuard) release() {
	signal.Stop(g.signals)
	close(g.done)
}
