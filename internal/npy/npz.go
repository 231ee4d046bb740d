package npy

import (
	"archive/zip"
	"bufio"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"strings"

	"dnn/internal/atomicfile"
	"dnn/internal/infile"
	"dnn/internal/memlimit"
)

// maxDeflateRatio bounds how many bytes one compressed byte may declare
// to expand to: deflate cannot do better than about 1032 to 1.
const maxDeflateRatio = 1032

// npzDate is the MS-DOS date np.savez gives every entry, 1980-01-01
// (day | month<<5 | (year-1980)<<9), so that the same arrays always make
// the same file. It is set directly because CreateRaw ignores
// FileHeader.Modified.
const npzDate = 1 | 1<<5

// ReadNPZ reads the .npz archive at path as np.load does: one array per
// NAME.npy entry, stored or deflated, named NAME. names lists the arrays in
// the archive's order. Errors name the path and the entry, and wrap
// ErrFormat, ErrUnsupported or ErrTooLarge: an entry that is not .npy, a
// corrupt zip, or any error of Read. Anything but a regular file (or a
// symbolic link to one) is refused before it is read, and the arrays of all
// the entries together must fit the memory limit.
func ReadNPZ(path string) (names []string, arrays map[string]*Array, err error) {
	f, fi, err := infile.Open(path)
	if err != nil {
		return nil, nil, fmt.Errorf("npz: %w", err)
	}
	defer f.Close()
	names, arrays, err = readNPZ(f, fi.Size())
	if err != nil {
		return nil, nil, fmt.Errorf("npz: %s: %w", path, err)
	}
	return names, arrays, nil
}

// ReadNPZFrom reads an .npz archive of size bytes from r, like ReadNPZ.
func ReadNPZFrom(r io.ReaderAt, size int64) (names []string, arrays map[string]*Array, err error) {
	names, arrays, err = readNPZ(r, size)
	if err != nil {
		return nil, nil, fmt.Errorf("npz: %w", err)
	}
	return names, arrays, nil
}

func readNPZ(r io.ReaderAt, size int64) ([]string, map[string]*Array, error) {
	budget := memlimit.NewBudget()
	zr, err := zip.NewReader(r, size)
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) {
		return nil, nil, malformed("not a valid zip archive: %v", err)
	}
	// Entries that overlap could each expand the same bytes: the
	// compressed sizes must add up to no more than the archive holds.
	var total uint64
	for _, f := range zr.File {
		if total += f.CompressedSize64; total > uint64(size) || f.CompressedSize64 > uint64(size) {
			return nil, nil, malformed("the entries declare more compressed bytes than the archive's %d", size)
		}
	}
	names := make([]string, 0, len(zr.File))
	arrays := make(map[string]*Array, len(zr.File))
	for _, f := range zr.File {
		name, ok := strings.CutSuffix(f.Name, ".npy")
		if !ok || f.Mode().IsDir() {
			return nil, nil, malformed("entry %q is not an .npy file", f.Name)
		}
		if _, dup := arrays[name]; dup {
			return nil, nil, malformed("entry %q appears twice", f.Name)
		}
		a, err := readEntry(f, budget)
		if err != nil {
			return nil, nil, fmt.Errorf("entry %q: %w", f.Name, err)
		}
		names = append(names, name)
		arrays[name] = a
	}
	return names, arrays, nil
}

// readEntry reads the .npy file in f after checking that the sizes it
// declares are possible, reading no more than it declares, and charges its
// values to budget before decoding them.
func readEntry(f *zip.File, budget *memlimit.Budget) (*Array, error) {
	packed, unpacked := f.CompressedSize64, f.UncompressedSize64
	switch f.Method {
	case zip.Store:
		if unpacked != packed {
			return nil, malformed("it is stored but declares %d bytes compressed and %d uncompressed", packed, unpacked)
		}
	case zip.Deflate:
		if unpacked/maxDeflateRatio > packed {
			return nil, malformed("it declares %d compressed bytes expanding to %d, more than deflate can", packed, unpacked)
		}
	default:
		return nil, unsupported("compression method %d is not supported (only stored and deflated)", f.Method)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, malformed("%v", err)
	}
	defer rc.Close()
	a, err := read(io.LimitReader(rc, int64(unpacked)+1), int64(unpacked), false, budget)
	var fe *fileError
	if err != nil && !errors.As(err, &fe) {
		return nil, malformed("corrupt zip data: %v", err)
	}
	return a, err
}

// WriteNPZ writes the arrays to the .npz archive at path as np.savez does:
// one stored (uncompressed) NAME.npy entry per name, in the order of names.
// np.load(path)[NAME] then returns arrays[NAME]. It returns an error,
// before creating anything, if a name is empty or repeated, if names and
// the keys of arrays differ, or if an array is invalid (see Write); the
// file is replaced only once all of it has been written.
func WriteNPZ(path string, names []string, arrays map[string]*Array) error {
	if err := checkNPZ(names, arrays); err != nil {
		return fmt.Errorf("npz: WriteNPZ %s: %w", path, err)
	}
	return atomicfile.WriteFile(path, func(w io.Writer) error {
		bw := bufio.NewWriter(w)
		if err := WriteNPZTo(bw, names, arrays); err != nil {
			return err
		}
		return bw.Flush()
	})
}

// WriteNPZTo writes the arrays to w as an .npz archive, like WriteNPZ.
func WriteNPZTo(w io.Writer, names []string, arrays map[string]*Array) error {
	if err := checkNPZ(names, arrays); err != nil {
		return fmt.Errorf("npz: WriteNPZTo: %w", err)
	}
	zw := zip.NewWriter(w)
	for _, name := range names {
		a := arrays[name]
		// The sizes and checksum go before the data, as np.savez writes
		// them, so a first pass computes them.
		sum := &crcCounter{crc: crc32.NewIEEE()}
		if err := Write(sum, a); err != nil {
			return err
		}
		fw, err := zw.CreateRaw(&zip.FileHeader{
			Name:               name + ".npy",
			Method:             zip.Store,
			ModifiedDate:       npzDate,
			CRC32:              sum.crc.Sum32(),
			CompressedSize64:   uint64(sum.n),
			UncompressedSize64: uint64(sum.n),
		})
		if err != nil {
			return err
		}
		if err := Write(fw, a); err != nil {
			return err
		}
	}
	return zw.Close()
}

// checkNPZ returns an error unless names lists each key of arrays once and
// each array is valid.
func checkNPZ(names []string, arrays map[string]*Array) error {
	seen := make(map[string]bool, len(names))
	for _, name := range names {
		if name == "" {
			return fmt.Errorf("an array name is empty")
		}
		if seen[name] {
			return fmt.Errorf("the name %q appears twice", name)
		}
		seen[name] = true
		a, ok := arrays[name]
		if !ok {
			return fmt.Errorf("no array named %q", name)
		}
		if err := a.check(); err != nil {
			return fmt.Errorf("array %q: %w", name, err)
		}
	}
	for name := range arrays {
		if !seen[name] {
			return fmt.Errorf("array %q is not in names", name)
		}
	}
	return nil
}

// crcCounter is a writer that sums and counts what is written to it.
type crcCounter struct {
	crc interface {
		io.Writer
		Sum32() uint32
	}
	n int64
}

func (c *crcCounter) Write(p []byte) (int, error) {
	c.n += int64(len(p))
	return c.crc.Write(p)
}
