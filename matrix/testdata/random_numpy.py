"""Regenerates the numpy figures that matrix/random_test.go checks against.

Run from the repository root with numpy installed:

    python3 matrix/testdata/random_numpy.py

It writes matrix/testdata/random_seed1_sample.txt and prints the SHA-256
digests and the list of draws where numpy's randn differs from the same
algorithm computed with a correctly rounded logarithm; random_test.go holds
those printed figures as literals.
"""
import hashlib
import math
import platform
import sys
from decimal import Decimal, getcontext

import numpy as np

N = 100_000  # draws covered by the digests
STRIDE = 500  # the sample keeps every STRIDE-th draw
getcontext().prec = 50


def sha256(values):
    return hashlib.sha256(np.asarray(values, dtype="<f8").tobytes()).hexdigest()


def correctly_rounded_ln(x):
    # Decimal's ln is correctly rounded to 50 digits; float() then rounds to
    # the nearest double.
    return float(Decimal(x).ln())


def randn_with(ln, seed, n):
    """numpy's legacy polar Box-Muller written out, with a chosen log."""
    rs = np.random.RandomState(seed)
    out = []
    while len(out) < n:
        while True:
            x1 = 2.0 * rs.random_sample() - 1.0
            x2 = 2.0 * rs.random_sample() - 1.0
            r2 = x1 * x1 + x2 * x2
            if 0.0 < r2 < 1.0:
                break
        f = math.sqrt(-2.0 * ln(r2) / r2)
        out += [f * x2, f * x1]
    return out[:n]


def main():
    np.random.seed(1)
    randn = np.random.randn(N)
    np.random.seed(1)
    rand = np.random.rand(N)

    # The loop above with the C library's log must reproduce numpy exactly,
    # otherwise the comparison below would mean nothing.
    if sha256(randn_with(math.log, 1, N)) != sha256(randn):
        sys.exit("the Python rewrite of numpy's randn does not match numpy")
    exact = randn_with(correctly_rounded_ln, 1, N)

    print("numpy", np.__version__, "on", platform.platform(), platform.libc_ver())
    print("randn seed 1, %d draws, numpy:                  %s" % (N, sha256(randn)))
    print("randn seed 1, %d draws, correctly rounded log:  %s" % (N, sha256(exact)))
    print("rand  seed 1, %d draws, numpy:                  %s" % (N, sha256(rand)))
    print("draws where numpy differs from the correctly rounded log (index, numpy, correctly rounded):")
    for i in range(N):
        if exact[i] != randn[i]:
            print("\t{%d, %r, %r}," % (i, randn[i], exact[i]))

    with open("matrix/testdata/random_seed1_sample.txt", "w") as f:
        f.write("# np.random.seed(1); np.random.randn(%d) and, after seeding again,\n" % N)
        f.write("# np.random.rand(%d): every %dth draw, as index, randn, rand.\n" % (N, STRIDE))
        sampled = range(0, N, STRIDE)
        same = all(exact[i] == randn[i] for i in sampled)
        f.write("# randn is computed with a correctly rounded log (see random_numpy.py)%s;\n"
                % (", equal to numpy's here" if same else ""))
        f.write("# numpy %s, written by matrix/testdata/random_numpy.py.\n" % np.__version__)
        for i in sampled:
            f.write("%d %r %r\n" % (i, exact[i], rand[i]))


main()
