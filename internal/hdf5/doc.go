// Package hdf5 reads numeric and string arrays from HDF5 files, such as the
// course's train_catvnoncat.h5, with the standard library only.
//
//	f, err := hdf5.Open("train_catvnoncat.h5")
//	x, err := f.Dataset("train_set_x") // x.Shape is [209 64 64 3], x.DType() "uint8"
//	v, err := x.Float64s()             // 209*64*64*3 values, row-major
//
// The whole file is read into memory. The package reads what h5py 3 writes
// by default, and what it writes when asked for compression:
//
//   - superblock versions 0 to 3 (h5py's default is 0; libver="latest"
//     writes 3), with or without a user block;
//   - version 1 object headers, and version 2 ones ("OHDR", written for
//     track_order=True or libver="latest"), with their checksums;
//   - groups as symbol tables (a version 1 B-tree of symbol table nodes and
//     a local heap: h5py's default) or as link messages (the compact form
//     of newer files), nested to any depth up to 64;
//   - compact, contiguous and chunked datasets; chunks indexed by a version
//     1 B-tree (h5py's default) or, in newer files, as a single chunk, an
//     implicit index or an unpaged fixed array;
//   - the deflate (gzip), shuffle and fletcher32 filters;
//   - integers of 1, 2, 4 and 8 bytes, signed or not, IEEE floats of 2, 4
//     and 8 bytes, either byte order; enums of integers (h5py's bool);
//     fixed-length strings with any padding;
//   - scalar and N-dimensional dataspaces; fill values for storage never
//     written.
//
// Anything else gives an error that matches ErrUnsupported and names the
// feature, for example
//
//	hdf5: data.h5: dataset "x": filter 32000 (lzf) is not supported
//
// Among those: other filters (lzf, szip, scale-offset, n-bit, blosc, ...),
// variable-length strings, compound types (and complex numbers), arrays,
// references, soft and external links, dense link storage (fractal heaps),
// extensible-array and version 2 B-tree chunk indexes, virtual datasets,
// external storage, shared (committed) datatypes.
//
// Every offset and size read from a file is checked against the file's
// length before use; B-trees and groups are walked with a record of the
// nodes seen, and every call has a budget of bytes of structure it may
// parse, and of names it may copy (charged before they are copied), so a
// damaged or hostile file gives an error, never a panic or an endless loop.
// No dataset may declare more than 1100 times the file's size plus 1 MiB of
// data (deflate expands at most about 1032 times), and this is checked
// before anything is allocated. Memory is bounded too (see
// dnn/internal/memlimit): Open refuses a file larger than the memory limit,
// and anything that is not a regular file, before reading it; Dataset
// refuses values it would have to assemble (chunked, or never written)
// beyond the limit, and Float64s, Int64s and Strings their conversions.
// Info describes a dataset without reading its values, so that a caller can
// check the memory that it and its copies will take first. Errors name the
// file and the dataset.
package hdf5
