"""Writes the small HDF5 files the dataset package's tests read: a tiny
data set laid out like the course's, and files that are wrong in one way
each.

The data-set folders hold train.hdf5 and test.hdf5; the tests copy them into a
temporary folder under the course's names (train_catvnoncat.h5,
test_catvnoncat.h5), which dataset.Load reads.

Run from this folder with h5py 3.x (h5py 3.7 wrote the committed files):

    /usr/bin/python3 make_fixtures.py
"""
import os

import h5py
import numpy as np

CLASSES = np.array([b"non-cat", b"cat"], dtype="S7")


def images(m, h=2, w=2):
    # Pixel k of the whole array is k*7 mod 256.
    return (np.arange(m * h * w * 3) * 7 % 256).astype(np.uint8).reshape(m, h, w, 3)


def write(path, **datasets):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with h5py.File(path, "w") as f:
        for name, value in datasets.items():
            f[name] = value


def main():
    os.makedirs("huge", exist_ok=True)
    # tiny: 3 training images and 2 test images of 2x2 pixels.
    write("tiny/train.hdf5", train_set_x=images(3),
          train_set_y=np.array([1, 0, 1], dtype=np.int64), list_classes=CLASSES)
    write("tiny/test.hdf5", test_set_x=images(2)[::-1],
          test_set_y=np.array([0, 1], dtype=np.int64), list_classes=CLASSES)

    # wrong_names: the training file holds other datasets.
    write("wrong_names/train.hdf5", x=images(3), y=np.array([1, 0, 1]))
    write("wrong_names/test.hdf5", test_set_x=images(2),
          test_set_y=np.array([0, 1]), list_classes=CLASSES)

    # sizes: test images of 3x3 pixels, training images of 2x2.
    write("sizes/train.hdf5", train_set_x=images(3),
          train_set_y=np.array([1, 0, 1]), list_classes=CLASSES)
    write("sizes/test.hdf5", test_set_x=images(2, 3, 3),
          test_set_y=np.array([0, 1]), list_classes=CLASSES)

    # bad: one file per mistake, read with LoadFile.
    write("bad/float_images.hdf5", train_set_x=images(2).astype(np.float64), train_set_y=np.array([0, 1]))
    write("bad/gray_images.hdf5", train_set_x=images(2)[..., 0], train_set_y=np.array([0, 1]))
    write("bad/label_2.hdf5", train_set_x=images(2), train_set_y=np.array([0, 2]))
    write("bad/count_mismatch.hdf5", train_set_x=images(3), train_set_y=np.array([0, 1]))
    write("bad/string_labels.hdf5", train_set_x=images(2), train_set_y=np.array([b"0", b"1"]))
    write("bad/no_images.hdf5", train_set_x=images(0), train_set_y=np.zeros(0, dtype=np.int64))

    # one_class: list_classes holds a single name.
    write("one_class/train.hdf5", train_set_x=images(3),
          train_set_y=np.array([1, 0, 1], dtype=np.int64), list_classes=CLASSES[:1])
    write("one_class/test.hdf5", test_set_x=images(2),
          test_set_y=np.array([0, 1], dtype=np.int64), list_classes=CLASSES[:1])

    # huge: files of a few kB that declare 100000 images of 64x64x3 (1.2 GB
    # of uint8, 9.8 GB as float64). The tests pad them with zeros to more
    # than a thousandth of that, which a file holding the data compressed
    # would need, so that only the memory limit stands in the way.
    m = 100000
    # Never written: every image is the fill value.
    with h5py.File("huge/fill.hdf5", "w") as f:
        f.create_dataset("train_set_x", shape=(m, 64, 64, 3), dtype=np.uint8, fillvalue=7)
        f.create_dataset("train_set_y", shape=(m,), dtype=np.int64)
        f["list_classes"] = CLASSES
    # Gzip'd chunks of 1000 images, of which only the first is written.
    with h5py.File("huge/gzip.hdf5", "w") as f:
        x = f.create_dataset("train_set_x", shape=(m, 64, 64, 3), dtype=np.uint8,
                             chunks=(1000, 64, 64, 3), compression="gzip")
        x[:1000] = 0
        f.create_dataset("train_set_y", shape=(m,), dtype=np.int64, chunks=(10000,), compression="gzip")
        f["list_classes"] = CLASSES


if __name__ == "__main__":
    main()
