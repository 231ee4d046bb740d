#!/usr/bin/env python3
"""The course's training in numpy, for timing dnn against it side by side.

Usage: python3 scripts/reference_numpy.py DATADIR [l-layer|two-layer] [ITERATIONS]

DATADIR holds the course's train_catvnoncat.h5 and test_catvnoncat.h5. It
trains as the course's application notebook does (learning rate 0.0075,
seed 1) and prints the costs in the same form as "dnn train", so the two
outputs can be compared line by line. Needs numpy and h5py.
"""
import sys
import time

import h5py
import numpy as np


def load(folder):
    def read(name, prefix):
        with h5py.File("%s/%s_catvnoncat.h5" % (folder, name), "r") as f:
            x = np.array(f[prefix + "_set_x"][:])
            y = np.array(f[prefix + "_set_y"][:]).reshape(1, -1)
        return x.reshape(x.shape[0], -1).T / 255., y
    return read("train", "train") + read("test", "test")


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


def backward(AL, Y, caches):
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
    return grads


def main():
    folder = sys.argv[1]
    model = sys.argv[2] if len(sys.argv) > 2 else "l-layer"
    iterations = int(sys.argv[3]) if len(sys.argv) > 3 else 2500
    X, Y, test_X, test_Y = load(folder)
    dims = [12288, 7, 1] if model == "two-layer" else [12288, 20, 7, 5, 1]
    start = time.time()
    params = initial_parameters(dims, model == "two-layer")
    for i in range(iterations):
        AL, caches = forward(X, params)
        m = Y.shape[1]
        cost = float(np.squeeze(-1. / m * (np.dot(Y, np.log(AL).T) + np.dot(1 - Y, np.log(1 - AL).T))))
        grads = backward(AL, Y, caches)
        params = [[W - 0.0075 * dW, b - 0.0075 * db] for (W, b), (dW, db) in zip(params, grads)]
        if i % 100 == 0 or i == iterations - 1:
            print("Cost after iteration %d: %r" % (i, cost))
    elapsed = time.time() - start
    for name, (x, y) in (("Train", (X, Y)), ("Test", (test_X, test_Y))):
        print("%s accuracy: %r" % (name, float(np.mean((forward(x, params)[0] > 0.5) == y))))
    print("Trained %d iterations in %.2fs" % (iterations, elapsed))


if __name__ == "__main__":
    main()
