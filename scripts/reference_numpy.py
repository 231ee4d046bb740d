#!/usr/bin/env python3
"""The course's training in numpy, for timing dnn against it side by side.

Usage: python3 scripts/reference_numpy.py [--notebook] DATADIR [l-layer|two-layer] [ITERATIONS]
       python3 scripts/reference_numpy.py [--notebook] demo [ITERATIONS]

With DATADIR, the folder holding the course's train_catvnoncat.h5 and
test_catvnoncat.h5, it trains as the course's application notebook does
(learning rate 0.0075, 2500 iterations, seed 1); needs numpy and h5py.

With demo, it trains as "dnn demo" does: the course's planar "flower" data
set (load_planar_dataset of week 3, regenerated from its formula with
np.random.seed(1)), layers 2,20,7,5,1 initialised as the application's
L_layer_model does, learning rate 0.01, 10,000 iterations; needs numpy only.

Either way it prints the costs in the same form as "dnn train", so the two
outputs can be compared line by line.

backward computes every dA[l-1] = W[l]^T dZ[l], dA[0] included, as the
course does, but keeps only the one the next layer needs: dA[0] is freed as
soon as backward returns, and numpy reuses its memory in the next
iteration. With --notebook it keeps them in grads as the notebook's
L_model_backward does (grads["dA0"], ...), until the next iteration's grads
replace them, as dnn's step functions do: same arithmetic, but two dA[0]
live at once, and the new one written to memory no cache holds.
"""
import sys
import time

import numpy as np


def load(folder):
    import h5py

    def read(name, prefix):
        with h5py.File("%s/%s_catvnoncat.h5" % (folder, name), "r") as f:
            x = np.array(f[prefix + "_set_x"][:])
            y = np.array(f[prefix + "_set_y"][:]).reshape(1, -1)
        return x.reshape(x.shape[0], -1).T / 255., y
    return read("train", "train") + read("test", "test")


def flower():
    """load_planar_dataset of the course's planar_utils.py."""
    np.random.seed(1)
    m, N, D, a = 400, 200, 2, 4
    X = np.zeros((m, D))
    Y = np.zeros((m, 1), dtype='uint8')
    for j in range(2):
        ix = range(N * j, N * (j + 1))
        t = np.linspace(j * 3.12, (j + 1) * 3.12, N) + np.random.randn(N) * 0.2
        r = a * np.sin(4 * t) + np.random.randn(N) * 0.2
        X[ix] = np.c_[r * np.sin(t), r * np.cos(t)]
        Y[ix] = j
    return X.T, Y.T


def initial_parameters(dims, two_layer):
    np.random.seed(1)
    params = []
    for l in range(1, len(dims)):
        W = np.random.randn(dims[l], dims[l - 1])
        W = W * 0.01 if two_layer else W / np.sqrt(dims[l - 1])
        params.append([W, np.zeros((dims[l], 1))])
    return params


def forward(X, params):
    A, caches = X, []
    for l, (W, b) in enumerate(params, start=1):
        Z = np.dot(W, A) + b
        caches.append((A, W, Z))
        A = 1 / (1 + np.exp(-Z)) if l == len(params) else np.maximum(0, Z)
    return A, caches


def backward(AL, Y, caches, keep_dA=False):
    m = Y.shape[1]
    grads = [None] * len(caches)
    dA = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    for l in reversed(range(len(caches))):
        A_prev, W, Z = caches[l]
        if l == len(caches) - 1:
            s = 1 / (1 + np.exp(-Z))
            dZ = dA * s * (1 - s)
        else:
            dZ = np.where(Z > 0, dA, 0.0)
        grads[l] = (1. / m * np.dot(dZ, A_prev.T), 1. / m * np.sum(dZ, axis=1, keepdims=True))
        dA = np.dot(W.T, dZ)  # the course computes dA0 too
        if keep_dA:
            grads[l] += (dA,)
    return grads


def main():
    keep_dA = "--notebook" in sys.argv
    if keep_dA:
        sys.argv.remove("--notebook")
    if sys.argv[1] == "demo":
        X, Y = flower()
        sets = (("Train", (X, Y)),)
        dims, two_layer, lr = [2, 20, 7, 5, 1], False, 0.01
        iterations = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
    else:
        model = sys.argv[2] if len(sys.argv) > 2 else "l-layer"
        X, Y, test_X, test_Y = load(sys.argv[1])
        sets = (("Train", (X, Y)), ("Test", (test_X, test_Y)))
        two_layer, lr = model == "two-layer", 0.0075
        dims = [12288, 7, 1] if two_layer else [12288, 20, 7, 5, 1]
        iterations = int(sys.argv[3]) if len(sys.argv) > 3 else 2500
    start = time.time()
    params = initial_parameters(dims, two_layer)
    for i in range(iterations):
        AL, caches = forward(X, params)
        m = Y.shape[1]
        cost = float(np.squeeze(-1. / m * (np.dot(Y, np.log(AL).T) + np.dot(1 - Y, np.log(1 - AL).T))))
        grads = backward(AL, Y, caches, keep_dA)
        params = [[W - lr * dW, b - lr * db] for (W, b), (dW, db, *_) in zip(params, grads)]
        if i % 100 == 0 or i == iterations - 1:
            print("Cost after iteration %d: %r" % (i, cost))
    elapsed = time.time() - start
    for name, (x, y) in sets:
        print("%s accuracy: %r" % (name, float(np.mean((forward(x, params)[0] > 0.5) == y))))
    print("Trained %d iterations in %.2fs" % (iterations, elapsed))


if __name__ == "__main__":
    main()
