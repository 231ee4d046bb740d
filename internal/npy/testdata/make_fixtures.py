"""Writes the .npy and .npz fixtures that the npy package's tests read.

Run from anywhere with numpy installed (the committed files were written by
numpy 1.24.2):

    python3 internal/npy/testdata/make_fixtures.py

The expected values in read_test.go are the same literals as below; keep the
two in step. np_save_*.npy are byte-for-byte what np.save writes, the
reference for Write.
"""
import os
import zipfile

import numpy as np

here = os.path.dirname(os.path.abspath(__file__))


def path(name):
    return os.path.join(here, name)


def save(name, arr, version=None, allow_pickle=False):
    with open(path(name), "wb") as f:
        np.lib.format.write_array(f, arr, version=version, allow_pickle=allow_pickle)


# Floating point, 2-d and big-endian.
f8 = np.array([[1.0, -2.5, 0.1], [1e-300, np.inf, 12288.0]])
save("f8_2d.npy", f8)
save("f8_big.npy", f8.astype(">f8"))
save("f4.npy", np.array([0.1, -1.5, 3.4028235e38], dtype="<f4"))
save("f4_big.npy", np.array([0.1, -1.5, 3.4028235e38], dtype=">f4"))
save("f2.npy", np.array([0.5, -2.0, 65504.0, 0.0999755859375], dtype="<f2"))

# Integers of every size, both byte orders, with their extremes.
save("i1.npy", np.array([-128, 0, 127], dtype="i1"))
save("i2.npy", np.array([-32768, 1, 32767], dtype="<i2"))
save("i2_big.npy", np.array([-32768, 1, 32767], dtype=">i2"))
save("i4.npy", np.array([-2147483648, 2, 2147483647], dtype="<i4"))
save("i8.npy", np.array([-9223372036854775808, -3, 9007199254740993], dtype="<i8"))
save("i8_big.npy", np.array([-9223372036854775808, -3, 9007199254740993], dtype=">i8"))
save("u1.npy", np.array([[0, 1], [128, 255]], dtype="u1"))
save("u2.npy", np.array([0, 65535], dtype="<u2"))
save("u4.npy", np.array([0, 4294967295], dtype="<u4"))
save("u4_big.npy", np.array([0, 4294967295], dtype=">u4"))
save("u8.npy", np.array([0, 18446744073709551615], dtype="<u8"))
save("bool.npy", np.array([True, False, True]))

# Shapes: 1-d, 0-d, 3-d, empty.
save("f8_1d.npy", np.array([1.0, 2.0, 3.0]))
save("f8_0d.npy", np.array(7.25))
save("f8_3d.npy", np.arange(24, dtype="f8").reshape(2, 3, 4))
save("f8_empty.npy", np.zeros((0, 3)))

# Header versions 2.0 and 3.0.
save("f8_v2.npy", np.array([[1.0, 2.0], [3.0, 4.0]]), version=(2, 0))
save("f8_v3.npy", np.array([[1.0, 2.0], [3.0, 4.0]]), version=(3, 0))

# Fortran order, which the reader rearranges into row-major order: 2-d and
# 3-d, and the course's own train_x, which np.save writes Fortran-ordered
# because .T makes a column-major view (5 pictures of 4x4 pixels here).
save("fortran.npy", np.asfortranarray(np.arange(6, dtype="f8").reshape(2, 3)))
save("fortran_3d_u1.npy", np.asfortranarray(np.arange(24, dtype="u1").reshape(2, 3, 4)))
train_x_orig = ((np.arange(5 * 4 * 4 * 3) * 7) % 256).astype("u1").reshape(5, 4, 4, 3)
train_x = train_x_orig.reshape(train_x_orig.shape[0], -1).T / 255.
assert train_x.flags.f_contiguous and not train_x.flags.c_contiguous
np.save(path("course_train_x.npy"), train_x)

# Files that must be refused.
save("object.npy", np.array([1, "a", None], dtype=object), allow_pickle=True)
save("structured.npy", np.zeros(2, dtype=[("x", "<f8"), ("y", "<i4")]))
save("unicode.npy", np.array(["ab", "c"]))
save("bytes.npy", np.array([b"ab", b"c"]))
save("complex.npy", np.array([1 + 2j]))
save("datetime.npy", np.array(["2020-01-01"], dtype="datetime64[D]"))

# np.save's own output for arrays Write can produce: Write must match it
# byte for byte.
np.save(path("np_save_3x4.npy"), np.arange(12, dtype="f8").reshape(3, 4) / 4)
np.save(path("np_save_5.npy"), np.array([0.1, 0.2, 0.3, 0.4, 0.5]))
np.save(path("np_save_0d.npy"), np.array(-1.5))
np.save(path("np_save_2x3x2.npy"), np.arange(12, dtype="f8").reshape(2, 3, 2))
np.save(path("np_save_100x1.npy"), np.arange(100, dtype="f8").reshape(100, 1))

# Archives as np.savez and np.savez_compressed write them.
W1 = np.array([[0.5, -1.0], [2.0, 0.25]])
b1 = np.array([[0.0], [1.0]])
np.savez(path("stored.npz"), W1=W1, b1=b1)
np.savez_compressed(path("compressed.npz"), W1=W1, b1=b1)
with zipfile.ZipFile(path("not_npy.npz"), "w") as z:
    with z.open("W1.npy", "w") as f:
        np.lib.format.write_array(f, W1)
    z.writestr("README.txt", "not an array\n")
