// Package npy reads and writes numpy's .npy and .npz files, so that arrays
// move between this project and Python: parameters trained here load with
// np.load, and reference values saved with np.save load here.
//
// # The .npy format
//
// A .npy file is
//
//	"\x93NUMPY"  major  minor  HEADER_LEN  HEADER  DATA
//
// HEADER_LEN is a little-endian uint16 in version 1.0 and a uint32 in
// versions 2.0 and 3.0. HEADER is a Python dict literal (latin-1 text in 1.0
// and 2.0, UTF-8 in 3.0) padded with spaces and a final '\n', e.g.
//
//	{'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), }
//
// descr is the dtype ('<' little-endian, '>' big-endian, '|' not
// applicable; then the kind and the item size in bytes), shape is a tuple of
// n dimensions (n may be 0: a scalar) and DATA holds d0*d1*...*d(n-1) items.
//
// Dimension key: n dimensions d0..d(n-1); Array.Data holds d0*...*d(n-1)
// values in row-major (C) order, element (i0, ..., i(n-1)) at
// ((i0*d1 + i1)*d2 + ...)*d(n-1) + i(n-1).
//
// # What is read
//
// Versions 1.0, 2.0 and 3.0; dtypes float16/32/64, int8/16/32/64,
// uint8/16/32/64 and bool, either byte order, all converted to float64;
// C-ordered and Fortran-ordered arrays, the latter rearranged into
// row-major order. (np.save writes Fortran order for a transposed array
// such as the course's train_x = train_x_orig.reshape(m, -1).T / 255.)
// float16 and float32 values and integers up to 2^53 in magnitude convert
// exactly; int64 and uint64 values beyond 2^53 are rounded to the nearest
// float64 (9007199254740993 reads as 9007199254740992), and bool reads as 0
// or 1.
//
// Refused with an error that wraps ErrUnsupported: another format version,
// object arrays (pickles), structured and subarray dtypes, strings, complex
// numbers, datetimes and float128. Refused with an
// error that wraps ErrFormat: a bad magic string, a header that is not the
// dict above, and data shorter or longer than the shape says.
//
// The reader never trusts the header with memory: the shape's product is
// computed with overflow detection and compared with the bytes the input
// actually holds before anything is allocated for the data, and data of
// unknown length (a stream, an .npz entry) is decoded in chunks as it
// arrives, so a file claiming a huge shape fails with an error after
// allocating no more than its own size allows. The float64 values (twice
// over for a Fortran-ordered array) are charged to a memory budget (see
// dnn/internal/memlimit) before they are allocated; beyond it the error
// wraps ErrTooLarge. Files must be regular files (or symbolic links to
// them): a named pipe or a device is refused before it is read.
//
// # What is written
//
// Write produces exactly the bytes np.save writes for a float64 C-ordered
// array: version 1.0, descr '<f8', the header padded with spaces (including
// numpy's spare room for growing the first axis) so that the data starts at
// a multiple of 64 bytes.
//
// # The .npz format
//
// An .npz file is a zip archive with one NAME.npy entry per array, stored
// (np.savez) or deflated (np.savez_compressed); np.load names each array by
// its entry name without ".npy". ReadNPZ reads both kinds, keeping the
// archive's order; WriteNPZ writes the stored kind, as np.savez does. The
// size each entry declares is checked against the archive's size and the
// entry is read through a limit, so a zip bomb cannot run away.
//
// # Files
//
// WriteFile and WriteNPZ write through dnn/internal/atomicfile: the target
// is replaced only once the whole file has been written.
package npy
