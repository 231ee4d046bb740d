"""Writes small.json: expected parameters and costs for step06_model's table
test, computed with the course's algorithm in numpy (the same code as the
course's notebooks, written out below). Run: python3 make_small.py

Inputs: np.random.seed(2); X = np.random.randn(10, 10);
Y = (np.random.rand(1, 10) > 0.5) as 0/1 floats.
"""
import json
import numpy as np


def init_two(nx, nh, ny):
    np.random.seed(1)
    return {"W1": np.random.randn(nh, nx) * 0.01, "b1": np.zeros((nh, 1)),
            "W2": np.random.randn(ny, nh) * 0.01, "b2": np.zeros((ny, 1))}


def init_deep(dims):
    np.random.seed(1)
    p = {}
    for l in range(1, len(dims)):
        p["W%d" % l] = np.random.randn(dims[l], dims[l - 1]) / np.sqrt(dims[l - 1])
        p["b%d" % l] = np.zeros((dims[l], 1))
    return p


def forward(X, p):
    L = len(p) // 2
    A = X
    caches = []
    for l in range(1, L + 1):
        W, b = p["W%d" % l], p["b%d" % l]
        Z = W.dot(A) + b
        caches.append((A, W, Z))
        A = 1 / (1 + np.exp(-Z)) if l == L else np.maximum(0, Z)
    return A, caches


def cost(AL, Y):
    m = Y.shape[1]
    return float(np.squeeze((1. / m) * (-np.dot(Y, np.log(AL).T) - np.dot(1 - Y, np.log(1 - AL).T))))


def backward(AL, Y, caches):
    g = {}
    L = len(caches)
    m = AL.shape[1]
    dA = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    for l in range(L, 0, -1):
        A_prev, W, Z = caches[l - 1]
        if l == L:
            s = 1 / (1 + np.exp(-Z))
            dZ = dA * s * (1 - s)
        else:
            dZ = np.array(dA, copy=True)
            dZ[Z <= 0] = 0
        g["dW%d" % l] = 1. / m * np.dot(dZ, A_prev.T)
        g["db%d" % l] = 1. / m * np.sum(dZ, axis=1, keepdims=True)
        dA = np.dot(W.T, dZ)
    return g


def train(X, Y, p, iters, lr):
    costs = []
    L = len(p) // 2
    for i in range(iters):
        AL, c = forward(X, p)
        costs.append(cost(AL, Y))
        g = backward(AL, Y, c)
        for l in range(1, L + 1):
            p["W%d" % l] = p["W%d" % l] - lr * g["dW%d" % l]
            p["b%d" % l] = p["b%d" % l] - lr * g["db%d" % l]
    return p, costs


np.random.seed(2)
X = np.random.randn(10, 10)
Y = (np.random.rand(1, 10) > 0.5).astype(float)
cases = []
for name, model, dims, iters, lr in [
    ("L_layer_model 10,5,6,1, 2 iterations", "l-layer", [10, 5, 6, 1], 2, 0.0075),
    ("L_layer_model 10,5,6,1, 3 iterations", "l-layer", [10, 5, 6, 1], 3, 0.0075),
    ("L_layer_model 10,5,6,1, 3 iterations, learning rate 0.5", "l-layer", [10, 5, 6, 1], 3, 0.5),
    ("two_layer_model 10,5,1, 3 iterations, learning rate 0.5", "two-layer", [10, 5, 1], 3, 0.5),
]:
    p0 = init_two(*dims) if model == "two-layer" else init_deep(dims)
    p, costs = train(X, Y, p0, iters, lr)
    cases.append({"name": name, "model": model, "dims": dims, "iterations": iters, "learning_rate": lr,
                  "costs": costs, "parameters": {k: v.tolist() for k, v in p.items()}})
json.dump({"numpy": np.__version__, "X": X.tolist(), "Y": Y.tolist(), "cases": cases},
          open("small.json", "w"), indent=1)
