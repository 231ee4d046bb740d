"""Writes the small HDF5 files the hdf5 package's tests read.

Run from this folder with h5py 3.x (h5py 3.7 on HDF5 1.10.8 wrote the committed
files):

    /usr/bin/python3 make_fixtures.py

Every value is a simple formula so the Go tests can state it as a literal.
Some files record creation times (those written with the low-level API or
with version 2 object headers), so a rerun changes their bytes but not
what they hold.
"""
import h5py
import numpy as np


def course_like():
    # The layout of the course's train_catvnoncat.h5, in miniature: h5py's
    # default (superblock 0, symbol-table group, contiguous storage).
    with h5py.File("course_like.hdf5", "w") as f:
        f["train_set_x"] = (np.arange(2 * 3 * 4 * 3) * 7 % 256).astype(np.uint8).reshape(2, 3, 4, 3)
        f["train_set_y"] = np.array([1, 0], dtype=np.int64)
        f["list_classes"] = np.array([b"non-cat", b"cat"], dtype="S7")


def default_types():
    # h5py's defaults for the numeric types, an empty dataset, datasets whose
    # storage was never written (read back as the fill value).
    with h5py.File("default.hdf5", "w") as f:
        f["f8"] = np.arange(6, dtype=np.float64).reshape(2, 3) / 4 - 0.5
        f["f4"] = np.array([1.5, -2.25, 3e38], dtype=np.float32)
        f["f2"] = np.array([0.5, -1, 65504], dtype=np.float16)
        f["i1"] = np.array([-128, -1, 0, 127], dtype=np.int8)
        f["i2"] = np.array([-32768, 32767], dtype=np.int16)
        f["i4"] = np.array([-2147483648, 2147483647], dtype=np.int32)
        f["u2"] = np.array([0, 65535], dtype=np.uint16)
        f["u4"] = np.array([4294967295], dtype=np.uint32)
        f["u8"] = np.array([1, 18446744073709551615], dtype=np.uint64)
        f["i8"] = np.array([-9223372036854775808, 9223372036854775807], dtype=np.int64)
        f["bool"] = np.array([True, False, True])
        f["empty"] = np.zeros((0, 3))
        f.create_dataset("unwritten", shape=(2, 2), dtype=np.int32)
        f.create_dataset("unwritten_fill", shape=(3,), dtype=np.float64, fillvalue=7.5)


def chunked():
    # Chunked storage with partial edge chunks, with and without filters.
    x = np.arange(5 * 7, dtype=np.float64).reshape(5, 7) / 8
    with h5py.File("gzip.hdf5", "w") as f:
        f.create_dataset("plain", data=x, chunks=(2, 3))
        f.create_dataset("gzip", data=x, chunks=(2, 3), compression="gzip", compression_opts=9)
        # Only chunk (2, 3) is written: the others are the fill value.
        d = f.create_dataset("sparse", shape=(4, 6), chunks=(2, 3), dtype=np.int16, fillvalue=-1)
        d[2:4, 3:6] = np.arange(6, dtype=np.int16).reshape(2, 3)
        # 150 one-byte chunks need a B-tree with more than one level.
        f.create_dataset("many_chunks", data=np.arange(150, dtype=np.int8) - 75, chunks=(1,))
    i = (np.arange(4 * 5 * 3, dtype=np.int32) - 30) * 1000003
    with h5py.File("gzip_shuffle.hdf5", "w") as f:
        f.create_dataset("i4", data=i.reshape(4, 5, 3), chunks=(3, 2, 3), compression="gzip", shuffle=True)
        f.create_dataset("u2", data=np.arange(100, dtype=np.uint16) * 601, chunks=(32,), shuffle=True)
        f.create_dataset("fletcher", data=np.arange(10, dtype=np.float32) - 4.5, chunks=(4,), fletcher32=True)
        f.create_dataset("all", data=np.arange(9, dtype=np.int64).reshape(3, 3) - 4, chunks=(2, 2),
                         compression="gzip", shuffle=True, fletcher32=True)


def big_endian():
    with h5py.File("bigendian.hdf5", "w") as f:
        f["f8"] = np.array([1.0, -0.1, 1e300], dtype=">f8")
        f["f4"] = np.array([0.25, -3], dtype=">f4")
        f["i4"] = np.array([-5, 65536], dtype=">i4")
        f["u2"] = np.array([1, 258], dtype=">u2")
        f["i8"] = np.array([-2, 1 << 40], dtype=">i8")
        f.create_dataset("gzip_shuffle", data=np.arange(12).reshape(3, 4) - 6, dtype=">i2", chunks=(2, 2),
                         compression="gzip", shuffle=True)


def strings():
    with h5py.File("strings.hdf5", "w") as f:
        f["nullpad"] = np.array([b"non-cat", b"cat"], dtype="S7")
        f["scalar"] = np.array(b"hello", dtype="S5")
        f["utf8"] = np.array(["é".encode(), b"ab"], dtype=h5py.string_dtype("utf-8", 4))
        for name, pad in (("nullterm", h5py.h5t.STR_NULLTERM), ("spacepad", h5py.h5t.STR_SPACEPAD)):
            t = h5py.h5t.C_S1.copy()
            t.set_size(4)
            t.set_strpad(pad)
            space = h5py.h5s.create_simple((2,))
            d = h5py.h5d.create(f.id, name.encode(), t, space)
            # Written through numpy's NUL-padded type, HDF5 converts to the
            # file's padding: "ab  " in spacepad. NUL termination would cut
            # "wxyz", so that dataset gets the bytes as they are.
            mtype = t if pad == h5py.h5t.STR_NULLTERM else None
            d.write(h5py.h5s.ALL, h5py.h5s.ALL, np.array([b"ab", b"wxyz"], dtype="S4"), mtype=mtype)


def nested():
    with h5py.File("nested.hdf5", "w") as f:
        f["top"] = np.array([1, 2, 3], dtype=np.int64)
        g = f.create_group("group")
        g["dset"] = np.array([[1, 2], [3, 4]], dtype=np.uint8)
        g.create_group("sub")["deep"] = np.array([0.5])
        g["sub"]["up"] = g  # a hard link back to an ancestor: a loop
        f["alias"] = g["dset"]  # a second hard link to the same dataset
        f["soft"] = h5py.SoftLink("/top")
        f["ext"] = h5py.ExternalLink("other.h5", "/x")


def wide():
    # 300 hard links to one dataset: more symbol table nodes than one B-tree
    # node can point to, so the group's B-tree has two levels.
    with h5py.File("wide.hdf5", "w") as f:
        f["d"] = np.array([42], dtype=np.uint8)
        for i in range(299):
            f["l%03d" % i] = f["d"]


def scalar():
    with h5py.File("scalar.hdf5", "w") as f:
        f["f8"] = np.float64(2.5)
        f["i4"] = np.int32(-7)


def unsupported():
    with h5py.File("unsupported.hdf5", "w") as f:
        f["ok"] = np.array([1.0, 2.0])
        f.create_dataset("lzf", data=np.arange(10, dtype=np.int32), chunks=(5,), compression="lzf")
        f.create_dataset("scaleoffset", data=np.arange(10, dtype=np.int32), chunks=(5,), scaleoffset=0)
        f["vlen_str"] = np.array(["a", "bc"], dtype=h5py.string_dtype())
        f["compound"] = np.array([(1, 2.0)], dtype=[("a", "i4"), ("b", "f8")])
        f["complex"] = np.array([1 + 2j])
        f["null"] = h5py.Empty("f8")


def new_formats():
    # Creation-order tracking stores the root group's links as link messages
    # in a version 2 object header; libver="latest" also uses superblock 3.
    with h5py.File("track_order.hdf5", "w", track_order=True) as f:
        f["b"] = np.array([1, 2], dtype=np.int16)
        f["a"] = np.array([3.5])
        f.create_group("g", track_order=True)["c"] = np.array([4], dtype=np.uint8)
    with h5py.File("latest.hdf5", "w", libver="latest") as f:
        f["contiguous"] = np.arange(6, dtype=np.float64).reshape(2, 3)
        f.create_dataset("single_chunk", data=np.arange(10, dtype=np.int32), chunks=(10,), compression="gzip")
        f.create_dataset("fixed_array", data=np.arange(10, dtype=np.int32), chunks=(4,), compression="gzip")
        f.create_dataset("implicit", data=np.arange(10, dtype=np.int32), chunks=(4,))
        f.create_dataset("extensible", data=np.arange(10, dtype=np.int32), chunks=(4,), maxshape=(None,))
        f.create_dataset("btree2", data=np.arange(4, dtype=np.int32).reshape(2, 2), chunks=(1, 1), maxshape=(None, None))
        f.create_group("g")["x"] = np.array([1, 2], dtype=np.uint8)
    with h5py.File("dense.hdf5", "w", track_order=True) as f:
        for i in range(10):
            f["d%d" % i] = np.array([i], dtype=np.int64)
    with h5py.File("userblock.hdf5", "w", userblock_size=512) as f:
        f["x"] = np.array([1, 2, 3], dtype=np.int32)
    with h5py.File("compact.hdf5", "w") as f:
        dcpl = h5py.h5p.create(h5py.h5p.DATASET_CREATE)
        dcpl.set_layout(h5py.h5d.COMPACT)
        space = h5py.h5s.create_simple((2, 2))
        d = h5py.h5d.create(f.id, b"x", h5py.h5t.STD_I32LE, space, dcpl=dcpl)
        d.write(h5py.h5s.ALL, h5py.h5s.ALL, np.array([[1, 2], [3, 4]], dtype=np.int32))


if __name__ == "__main__":
    course_like()
    default_types()
    chunked()
    big_endian()
    strings()
    nested()
    wide()
    scalar()
    unsupported()
    new_formats()
