package hdf5

import (
	"bytes"
	"fmt"
	"sort"
	"strings"

	"dnn/internal/infile"
	"dnn/internal/memlimit"
)

// Limits that keep a damaged or hostile file from costing more than its
// size: no structure may claim more memory than the file could decode to.
const (
	maxRank  = 32 // dimensions of a dataspace, as in the HDF5 library
	maxDepth = 64 // nesting of groups

	// Deflate expands its input at most about 1032 times, so no dataset of
	// a file of n bytes holds more than maxExpansion*n + maxSlack bytes.
	// (Only a dataset never written, read back as its fill value, could; it
	// is refused too.)
	maxExpansion = 1100
	maxSlack     = 1 << 20
)

var signature = []byte("\x89HDF\r\n\x1a\n")

// A File is an HDF5 file read into memory. Its methods may be called from
// several goroutines at once.
type File struct {
	name   string // the path given to Open, for error messages
	data   []byte // the whole file
	base   uint64 // position of the superblock: addresses count from here
	so, sl int    // sizes of offsets and lengths

	datasets map[string]uint64 // dataset path -> object header address
	skipped  map[string]error  // path of a link or group that cannot be followed -> why
	names    []string          // the keys of datasets, sorted
}

// Open reads the HDF5 file at path into memory and lists its datasets.
// Anything but a regular file (or a symbolic link to one) is refused before
// it is read, and so is a file larger than the memory limit (see
// dnn/internal/memlimit).
func Open(path string) (*File, error) {
	data, err := infile.ReadFile(path, memlimit.NewBudget())
	if err != nil {
		return nil, fmt.Errorf("hdf5: %w", err)
	}
	return parse(path, data)
}

// Parse lists the datasets of an HDF5 file held in data. The File keeps
// data (without copying it): the caller must not change it afterwards.
func Parse(data []byte) (*File, error) { return parse("", data) }

func parse(name string, data []byte) (*File, error) {
	f := &File{name: name, data: data, datasets: map[string]uint64{}, skipped: map[string]error{}}
	root, err := f.readSuperblock()
	if err != nil {
		return nil, wrap(name, "", err)
	}
	r := f.newReader()
	msgs, err := r.objectHeader(root)
	if err != nil {
		return nil, wrap(name, "root group", err)
	}
	if err := r.walkGroup(msgs, "", 0, map[uint64]bool{root: true}); err != nil {
		return nil, wrap(name, "root group", err)
	}
	for p := range f.datasets {
		f.names = append(f.names, p)
	}
	sort.Strings(f.names)
	return f, nil
}

// readSuperblock finds the signature (at 0, 512, 1024, 2048, ...: a user
// block may come first), reads the superblock, and returns the address of
// the root group's object header.
func (f *File) readSuperblock() (root uint64, err error) {
	at := -1
	for p := 0; p+len(signature) <= len(f.data); p = max(512, 2*p) {
		if bytes.Equal(f.data[p:p+len(signature)], signature) {
			at = p
			break
		}
	}
	if at < 0 {
		return 0, fmt.Errorf("not an HDF5 file (no HDF5 signature in its %d bytes)", len(f.data))
	}
	d := &decoder{b: f.data[at:], what: "superblock"}
	d.skip(len(signature))
	version := d.u8()
	var eof uint64
	switch version {
	case 0, 1:
		d.skip(4) // versions of the free space, root entry and shared header formats, reserved
		f.so, f.sl = int(d.u8()), int(d.u8())
		d.skip(1 + 4 + 4) // reserved, group K values, consistency flags
		if version == 1 {
			d.skip(4) // indexed storage K, reserved
		}
		if err := f.checkSizes(); err != nil {
			return 0, err
		}
		d.so, d.sl = f.so, f.sl
		f.base = d.addr()
		d.addr() // free-space info
		eof = d.addr()
		if driver := d.addr(); driver != undef && d.err == nil {
			return 0, unsupported("a file driver information block (files split by the family or multi driver)")
		}
		// The root group's symbol table entry: link name offset, then the
		// object header address.
		d.addr()
		root = d.addr()
	case 2, 3:
		f.so, f.sl = int(d.u8()), int(d.u8())
		d.skip(1) // consistency flags
		if err := f.checkSizes(); err != nil {
			return 0, err
		}
		d.so, d.sl = f.so, f.sl
		f.base = d.addr()
		d.addr() // superblock extension
		eof = d.addr()
		root = d.addr()
		end := d.pos
		sum := d.u32()
		if d.err == nil && lookup3(d.b[:end]) != sum {
			return 0, fmt.Errorf("superblock checksum mismatch: the file is damaged")
		}
	default:
		return 0, unsupported("superblock version %d", version)
	}
	if d.err != nil {
		return 0, d.err
	}
	if f.base != uint64(at) && f.base != 0 {
		return 0, fmt.Errorf("superblock at byte %d gives base address %d", at, f.base)
	}
	f.base = uint64(at)
	// The end-of-file address counts the user block, like the file size.
	if eof != undef && eof > uint64(len(f.data)) {
		return 0, fmt.Errorf("the file is truncated: the superblock says it has %d bytes, it has %d", eof, len(f.data))
	}
	return root, nil
}

func (f *File) checkSizes() error {
	for _, s := range []int{f.so, f.sl} {
		if s != 2 && s != 4 && s != 8 {
			return unsupported("%d-byte addresses or lengths", s)
		}
	}
	return nil
}

// Names returns the paths of the datasets in the file, sorted, e.g.
// ["group/dset", "list_classes", "train_set_x"]. A dataset reachable by
// several hard links is listed under each path. Soft and external links,
// and groups this package cannot read, are left out; Dataset says why.
func (f *File) Names() []string {
	return append([]string(nil), f.names...)
}

// Dataset reads the dataset at path name ("group/dset"; a leading "/" is
// allowed) and returns it with its values. Values that must be assembled
// (chunked or never written) are refused, before they are allocated, when
// they exceed the memory limit.
func (f *File) Dataset(name string) (*Dataset, error) {
	var ds *Dataset
	err := f.withDataset(name, func(r *reader, name string, msgs []message) (err error) {
		ds, err = r.readDataset(name, msgs)
		return err
	})
	return ds, err
}

// Info describes the dataset at path name, like Dataset, without reading
// its values.
func (f *File) Info(name string) (Info, error) {
	var info Info
	err := f.withDataset(name, func(r *reader, name string, msgs []message) error {
		d, err := r.describe(name, msgs)
		if err == nil {
			info = d.Info
		}
		return err
	})
	return info, err
}

// withDataset calls fn with a new reader and the header messages of the
// dataset at path name, and names the dataset in any error.
func (f *File) withDataset(name string, fn func(r *reader, name string, msgs []message) error) error {
	name = strings.TrimPrefix(name, "/")
	addr, ok := f.datasets[name]
	if !ok {
		return f.missing(name)
	}
	r := f.newReader()
	msgs, err := r.objectHeader(addr)
	if err == nil {
		err = fn(r, name, msgs)
	}
	if err != nil {
		return wrap(f.name, fmt.Sprintf("dataset %q", name), err)
	}
	return nil
}

// missing explains why name is not a dataset of the file.
func (f *File) missing(name string) error {
	for p := name; ; {
		if err, ok := f.skipped[p]; ok {
			return wrap(f.name, fmt.Sprintf("dataset %q", name), err)
		}
		i := strings.LastIndexByte(p, '/')
		if i < 0 {
			break
		}
		p = p[:i]
	}
	have := strings.Join(f.names, ", ")
	if len(f.names) > 10 {
		have = strings.Join(f.names[:10], ", ") + fmt.Sprintf(", ... (%d in all)", len(f.names))
	}
	if have == "" {
		have = "none"
	}
	return wrap(f.name, "", fmt.Errorf("no dataset %q (datasets: %s)", name, have))
}

// reader reads structures of f within a budget; each public call makes its
// own.
type reader struct {
	f *File
	budget
	names   int64           // bytes of dataset paths still allowed
	objects map[uint64]bool // object headers already known to be datasets
}

func (f *File) newReader() *reader {
	n := 2*int64(len(f.data)) + 4096
	return &reader{f: f, budget: budget{left: n}, names: 8 * n, objects: map[uint64]bool{}}
}

// spendName accounts for a path of n bytes: paths are made of names in the
// file, but a name can be reached many times.
func (r *reader) spendName(n int) error {
	r.names -= int64(n)
	if r.names < 0 {
		return fmt.Errorf("the paths of the file's objects add up to far more than the file")
	}
	return nil
}

// maxData is the most bytes of data a dataset of this file may declare.
func (f *File) maxData() uint64 {
	return maxExpansion*uint64(len(f.data)) + maxSlack
}

// at returns a decoder over the file from address addr to its end.
func (f *File) at(addr uint64, what string) (*decoder, error) {
	if addr == undef || addr > uint64(len(f.data))-f.base {
		return nil, fmt.Errorf("%s: address %#x is outside the file (%d bytes)", what, addr, len(f.data))
	}
	return &decoder{b: f.data[f.base+addr:], so: f.so, sl: f.sl, what: what}, nil
}

// span returns the n bytes at address addr.
func (f *File) span(addr, n uint64, what string) ([]byte, error) {
	d, err := f.at(addr, what)
	if err != nil {
		return nil, err
	}
	if n > uint64(len(d.b)) {
		return nil, fmt.Errorf("%s: %d bytes at address %#x run past the end of the file (%d bytes)", what, n, addr, len(f.data))
	}
	return d.b[:n], nil
}
