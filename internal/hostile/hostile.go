// Package hostile builds the hostile files that the tests of the readers
// and of the dnn command feed them: small files that declare huge arrays or
// repeat one large structure many times. Each is made at run time, so that
// the project keeps none of their megabytes.
package hostile

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"compress/zlib"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"io"
)

// HDF5NameBomb returns h5 (an HDF5 file whose only group is the root, with
// superblock version 0 and 8-byte addresses and lengths, as h5py writes by
// default) changed so that its root group has 65535 members, all named by
// the same string of 1 MiB: a file of 3.7 MB whose names add up to 64 GiB.
//
// A local heap ("HEAP") holding the name and a symbol table node ("SNOD")
// of 65535 entries are appended to the file; the root's local heap is made
// to point to the new data, and the first node of its B-tree ("TREE") to
// the new symbol table node. Each entry points to the object header of the
// first member of the original group.
func HDF5NameBomb(h5 []byte) ([]byte, error) {
	const (
		nameLen = 1 << 20
		entries = 65535
	)
	heapAt, treeAt, snodAt := bytes.Index(h5, []byte("HEAP")), bytes.Index(h5, []byte("TREE")), bytes.Index(h5, []byte("SNOD"))
	if heapAt < 0 || treeAt < 0 || snodAt < 0 || len(h5) < 48 || h5[8] != 0 || h5[13] != 8 || h5[14] != 8 {
		return nil, fmt.Errorf("hostile: HDF5NameBomb: not a version 0 HDF5 file with a root symbol table")
	}
	le := binary.LittleEndian
	b := bytes.Clone(h5)
	member := le.Uint64(b[snodAt+16:]) // object header of the node's first entry

	// The heap's data: an empty name at offset 0 (as the library keeps),
	// the long name at offset 8.
	data := uint64(len(b))
	b = append(b, make([]byte, 8)...)
	b = append(b, bytes.Repeat([]byte("n"), nameLen)...)
	b = append(b, make([]byte, 8)...) // the NUL, and padding to 8 bytes
	le.PutUint64(b[heapAt+8:], uint64(len(b))-data)
	le.PutUint64(b[heapAt+16:], ^uint64(0)) // no free block
	le.PutUint64(b[heapAt+24:], data)

	snod := uint64(len(b))
	b = append(b, 'S', 'N', 'O', 'D', 1, 0, 0, 0)
	le.PutUint16(b[len(b)-2:], entries)
	entry := make([]byte, 40) // name offset, object header, cache type, reserved, scratch pad
	le.PutUint64(entry[0:], 8)
	le.PutUint64(entry[8:], member)
	for range entries {
		b = append(b, entry...)
	}

	// The B-tree: one child, the new node; its key is the last name's offset.
	le.PutUint16(b[treeAt+6:], 1)
	le.PutUint64(b[treeAt+32:], snod)
	le.PutUint64(b[treeAt+40:], 8)
	le.PutUint64(b[40:], uint64(len(b))) // the superblock's end-of-file address
	return b, nil
}

// NPYHeader returns the start of a version 1.0 .npy file of the dtype
// descr and the shape (a Python tuple such as "(1, 1073741824)"), up to
// the data.
func NPYHeader(descr, shape string) []byte {
	dict := fmt.Sprintf("{'descr': '%s', 'fortran_order': False, 'shape': %s, }", descr, shape)
	n := len(dict) + 1
	n += (64 - (10+n)%64) % 64
	h := make([]byte, 0, 10+n)
	h = append(h, "\x93NUMPY\x01\x00"...)
	h = binary.LittleEndian.AppendUint16(h, uint16(n))
	h = append(h, dict...)
	h = append(h, bytes.Repeat([]byte(" "), n-len(dict)-1)...)
	return append(h, '\n')
}

// NPZBomb returns an .npz archive whose one entry, name+".npy", holds a
// (1, n) array of uint8 zeros, deflated: for n = 1 GiB, a file of 1.3 MB.
func NPZBomb(name string, n int) ([]byte, error) {
	header := NPYHeader("|u1", fmt.Sprintf("(1, %d)", n))
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) { return flate.NewWriter(w, flate.BestSpeed) })
	w, err := zw.CreateHeader(&zip.FileHeader{Name: name + ".npy", Method: zip.Deflate})
	if err != nil {
		return nil, err
	}
	if _, err := w.Write(header); err != nil {
		return nil, err
	}
	zeros := make([]byte, 1<<20)
	for left := n; left > 0; left -= len(zeros) {
		if _, err := w.Write(zeros[:min(left, len(zeros))]); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// BlackPNG returns a w×h PNG of black 8-bit grey pixels. It is written a
// row at a time, so that a picture of 16 × 3125000 pixels (52 kB) costs no
// more than its file.
func BlackPNG(w, h int) ([]byte, error) {
	var out bytes.Buffer
	out.WriteString("\x89PNG\r\n\x1a\n")
	chunk := func(typ string, data []byte) {
		var n [4]byte
		binary.BigEndian.PutUint32(n[:], uint32(len(data)))
		out.Write(n[:])
		crc := crc32.NewIEEE()
		io.WriteString(crc, typ)
		crc.Write(data)
		out.WriteString(typ)
		out.Write(data)
		binary.BigEndian.PutUint32(n[:], crc.Sum32())
		out.Write(n[:])
	}
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], uint32(w))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(h))
	ihdr[8] = 8 // bit depth; colour type 0 (grey), compression, filter, interlace 0
	chunk("IHDR", ihdr)
	var idat bytes.Buffer
	zw, err := zlib.NewWriterLevel(&idat, zlib.BestCompression)
	if err != nil {
		return nil, err
	}
	row := make([]byte, 1+w) // filter type 0, then the pixels
	for range h {
		if _, err := zw.Write(row); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	chunk("IDAT", idat.Bytes())
	chunk("IEND", nil)
	return out.Bytes(), nil
}
