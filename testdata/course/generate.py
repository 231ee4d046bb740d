#!/usr/bin/python3
"""Recomputes every expected figure of the step tests and of their Examples,
from the seeds, with the course's own formulas in numpy.

It checks
  - the course's public test cases, cases.json (kept as the course gave them),
    figure by figure;
  - the application notebook's printed figures (application.json, "printed"),
    against numpy's training on the course's data (application.json, "numpy");
  - the `// Output:` block of every Example in step*/example_test.go;
and writes the expected values of every table test as Go literals into
internal/testutil/course/fixtures.go. The tests read nothing else.

Run from anywhere, with numpy (and h5py for -data):

  python3 testdata/course/generate.py            check everything, change nothing
  python3 testdata/course/generate.py -write     also rewrite internal/testutil/course/fixtures.go
  python3 testdata/course/generate.py -data testdata/datasets [-write]
        also train both models of the application on the course's data
        (about a minute) and check, or with -write rewrite, application.json

It exits with status 1 and says what differs when a check fails.
"""
import argparse
import copy
import json
import os
import re
import subprocess
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

# Figures recomputed here must agree with the course's to this absolute
# tolerance (they differ only by the order of floating-point sums).
TOL = 1e-12


# ---------------------------------------------------------------------------
# The course's functions, as its two notebooks write them. The random state is
# seeded where the notebook seeds it.

def sigmoid(Z):
    return 1 / (1 + np.exp(-Z)), Z


def relu(Z):
    return np.maximum(0, Z), Z


def initialize_parameters(n_x, n_h, n_y, seed=1):
    np.random.seed(seed)
    W1 = np.random.randn(n_h, n_x) * 0.01
    b1 = np.zeros((n_h, 1))
    W2 = np.random.randn(n_y, n_h) * 0.01
    b2 = np.zeros((n_y, 1))
    return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}


def initialize_parameters_deep(layer_dims, seed=3):
    """The step-by-step assignment's version: ×0.01."""
    np.random.seed(seed)
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W" + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1]) * 0.01
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


def initialize_parameters_deep_app(layer_dims, seed=1):
    """The application's version: ÷√n[l-1]."""
    np.random.seed(seed)
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W" + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1]) / np.sqrt(layer_dims[l - 1])
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


def linear_forward(A, W, b):
    Z = np.dot(W, A) + b
    return Z, (A, W, b)


def linear_activation_forward(A_prev, W, b, activation):
    Z, linear_cache = linear_forward(A_prev, W, b)
    if activation == "sigmoid":
        A, activation_cache = sigmoid(Z)
    else:
        A, activation_cache = relu(Z)
    return A, (linear_cache, activation_cache)


def L_model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L):
        A, cache = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)], "relu")
        caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters["W" + str(L)], parameters["b" + str(L)], "sigmoid")
    caches.append(cache)
    return AL, caches


def compute_cost(AL, Y):
    m = Y.shape[1]
    cost = -(1 / m) * np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL))
    return float(np.squeeze(cost))


def relu_backward(dA, Z):
    dZ = np.array(dA, copy=True)
    dZ[Z <= 0] = 0
    return dZ


def sigmoid_backward(dA, Z):
    s = 1 / (1 + np.exp(-Z))
    return dA * s * (1 - s)


def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW = 1 / m * np.dot(dZ, A_prev.T)
    db = 1 / m * np.sum(dZ, axis=1, keepdims=True)
    dA_prev = np.dot(W.T, dZ)
    return dA_prev, dW, db


def linear_activation_backward(dA, cache, activation):
    linear_cache, Z = cache
    dZ = relu_backward(dA, Z) if activation == "relu" else sigmoid_backward(dA, Z)
    return linear_backward(dZ, linear_cache)


def L_model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = \
        linear_activation_backward(dAL, caches[L - 1], "sigmoid")
    for l in reversed(range(L - 1)):
        grads["dA" + str(l)], grads["dW" + str(l + 1)], grads["db" + str(l + 1)] = \
            linear_activation_backward(grads["dA" + str(l + 1)], caches[l], "relu")
    return grads


def update_parameters(parameters, grads, learning_rate):
    parameters = copy.deepcopy(parameters)
    L = len(parameters) // 2
    for l in range(1, L + 1):
        parameters["W" + str(l)] = parameters["W" + str(l)] - learning_rate * grads["dW" + str(l)]
        parameters["b" + str(l)] = parameters["b" + str(l)] - learning_rate * grads["db" + str(l)]
    return parameters


def train(X, Y, parameters, learning_rate, num_iterations):
    """The loop of both models: the cost is kept every 100 iterations and at
    the last one, as the notebooks print it."""
    costs = []
    for i in range(num_iterations):
        AL, caches = L_model_forward(X, parameters)
        cost = compute_cost(AL, Y)
        grads = L_model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
        if i % 100 == 0 or i == num_iterations - 1:
            costs.append((i, cost))
    return parameters, costs


def two_layer_model(X, Y, layers_dims, learning_rate, num_iterations):
    return train(X, Y, initialize_parameters(*layers_dims), learning_rate, num_iterations)


def L_layer_model(X, Y, layers_dims, learning_rate, num_iterations):
    return train(X, Y, initialize_parameters_deep_app(layers_dims), learning_rate, num_iterations)


def predict(X, parameters):
    AL, _ = L_model_forward(X, parameters)
    return (AL > 0.5).astype(float)


# ---------------------------------------------------------------------------
# Inputs, drawn as the course's cases describe them: "seed 1" seeds numpy's
# legacy generator, "A_prev 3x2" draws A_prev = np.random.randn(3, 2).

def draw(draws):
    out = {}
    for d in draws:
        name, what = d.split(" ")
        if name == "seed":
            np.random.seed(int(what))
            continue
        r, c = (int(x) for x in what.split("x"))
        out[name] = np.random.randn(r, c)
    return out


# ---------------------------------------------------------------------------
# Fixtures: one per table-test case. Each has a name (the course's case name
# for the course's cases), how its inputs are drawn, the values given as they
# are, the expected outputs in order, parts of the formula a mistake may give
# alone, and the numbers a wrong result may be a multiple of.

class Fixture:
    def __init__(self, name, doc, course=False, draws=(), factors=()):
        self.name, self.doc, self.course = name, doc, course
        self.draws = list(draws)
        self.given, self.want, self.parts = [], [], []
        self.factors = list(factors)
        self.inputs = draw(self.draws)

    def give(self, name, value):
        value = np.atleast_2d(np.asarray(value, dtype=float))
        self.inputs[name] = value
        self.given.append((name, value, "", ""))
        return value

    def expect(self, name, value, kind="", note=""):
        self.want.append((name, np.atleast_2d(np.asarray(value, dtype=float)), kind, note))

    def part(self, name, value, note):
        self.parts.append((name, np.atleast_2d(np.asarray(value, dtype=float)), "", note))

    def wanted(self, name):
        for n, v, _, _ in self.want:
            if n == name:
                return v
        raise KeyError(name)


def course_case(name):
    return COURSE[name]


def check_course(fx, pairs):
    """Checks fx's expected values against cases.json: pairs maps an output
    name to the path of its figure in the course's case."""
    case = COURSE[fx.name]
    for want_name, path in pairs.items():
        ref = case
        for key in path.split("."):
            ref = ref[key]
        compare("cases.json %s.%s" % (fx.name, path), fx.wanted(want_name), np.array(ref, dtype=float))


def compare(what, got, ref, tol=TOL):
    got, ref = np.atleast_2d(got), np.atleast_2d(ref)
    if got.shape != ref.shape:
        fail("%s: numpy gives shape %s, the reference %s" % (what, got.shape, ref.shape))
        return
    diff = float(np.max(np.abs(got - ref))) if got.size else 0.0
    if not diff <= tol:
        fail("%s: numpy differs from the reference by %.3g (tolerance %g)" % (what, diff, tol))
    CHECKED.append((what, diff))


FAILURES = []
CHECKED = []


def fail(msg):
    FAILURES.append(msg)
    print("FAIL " + msg)


def params_from(inputs, L, prefix=""):
    return {k: inputs[prefix + k] for l in range(1, L + 1) for k in ("W%d" % l, "b%d" % l)}


def step01():
    out = []
    c = course_case("initialize_parameters")
    fx = Fixture("initialize_parameters", "The course's case: n_x = 3, n_h = 2, n_y = 1, seed 1.", course=True)
    fx.give("seed", c["seed"])
    fx.give("layer_dims", [c["n_x"], c["n_h"], c["n_y"]])
    p = initialize_parameters(c["n_x"], c["n_h"], c["n_y"], seed=c["seed"])
    for k in ("W1", "b1", "W2", "b2"):
        fx.expect(k, p[k])
    check_course(fx, {"W1": "W1", "W2": "W2"})
    out.append(fx)

    c = course_case("initialize_parameters_deep")
    fx = Fixture("initialize_parameters_deep", "The course's case: layer_dims = [5, 4, 3], seed 3.", course=True)
    fx.give("seed", c["seed"])
    fx.give("layer_dims", c["layer_dims"])
    p = initialize_parameters_deep(c["layer_dims"], seed=c["seed"])
    for k in ("W1", "b1", "W2", "b2"):
        fx.expect(k, p[k])
    check_course(fx, {"W1": "W1", "W2": "W2"})
    out.append(fx)

    fx = Fixture("initialize_parameters_deep, 4 layers",
                 "Four layers, layer_dims = [6, 4, 3, 2, 1], seed 3: the loop must run for every layer.")
    fx.give("seed", 3)
    fx.give("layer_dims", [6, 4, 3, 2, 1])
    p = initialize_parameters_deep([6, 4, 3, 2, 1], seed=3)
    for l in range(1, 5):
        fx.expect("W%d" % l, p["W%d" % l])
        fx.expect("b%d" % l, p["b%d" % l])
    out.append(fx)

    fx = Fixture("initialize_parameters_deep (application)",
                 "The application's initialisation (÷√n[l-1], seed 1) on the course's layer_dims = [5, 4, 3].")
    fx.give("seed", 1)
    fx.give("layer_dims", [5, 4, 3])
    p = initialize_parameters_deep_app([5, 4, 3], seed=1)
    for k in ("W1", "b1", "W2", "b2"):
        fx.expect(k, p[k])
    out.append(fx)
    return out


# Z of the sigmoid, relu and backward cases: negative, zero, positive, and a
# value just above zero, where relu' switches.
Z_SMALL = [[-2, 0, 2], [-4, 0.5, 4]]
DA_SMALL = [[1, 2, 3], [4, 5, 6]]
Z_BACKWARD = [[-0.5, 0, 0.5], [4, -4, 1e-9]]


def step02():
    out = []
    for name, g in (("sigmoid", sigmoid), ("relu", relu)):
        fx = Fixture(name, "Z with negative, zero and positive values.")
        Z = fx.give("Z", Z_SMALL)
        fx.expect("A", g(Z)[0], name)
        fx.expect("cache.Z", Z, note="the activation cache holds Z")
        out.append(fx)

    c = course_case("linear_forward")
    fx = Fixture("linear_forward", "The course's case.", course=True, draws=["seed %d" % c["seed"]] + c["draws"])
    i = fx.inputs
    Z, (A, W, b) = linear_forward(i["A_prev"], i["W"], i["b"])
    fx.expect("Z", Z)
    linear_cache(fx, "cache.", A, W, b)
    check_course(fx, {"Z": "Z"})
    out.append(fx)

    fx = Fixture("linear_forward, b of shape (3,1)",
                 "Three units, so that b (3,1) is a column that must be added to every column of W·A: "
                 "the course's case, with b of shape (1,1), cannot tell a column from a row.",
                 draws=["seed 3", "A_prev 4x2", "W 3x4", "b 3x1"])
    i = fx.inputs
    Z, (A, W, b) = linear_forward(i["A_prev"], i["W"], i["b"])
    fx.expect("Z", Z)
    linear_cache(fx, "cache.", A, W, b)
    out.append(fx)

    c = course_case("linear_activation_forward")
    fx = Fixture("linear_activation_forward", "The course's case, run with each activation.", course=True,
                 draws=["seed %d" % c["seed"]] + c["draws"])
    i = fx.inputs
    for activation in ("sigmoid", "relu"):
        A, ((A_prev, W, b), Z) = linear_activation_forward(i["A_prev"], i["W"], i["b"], activation)
        fx.expect(activation + ": A", A, activation)
        linear_cache(fx, activation + ": cache.Linear.", A_prev, W, b)
        fx.expect(activation + ": cache.Activation.Z", Z, note="the activation cache holds Z")
    check_course(fx, {"sigmoid: A": "A_sigmoid", "relu: A": "A_relu",
                      "sigmoid: cache.Activation.Z": "Z", "relu: cache.Activation.Z": "Z"})
    out.append(fx)

    c = course_case("L_model_forward")
    fx = Fixture("L_model_forward", "The course's case: three layers, four examples.", course=True,
                 draws=["seed %d" % c["seed"]] + c["draws"])
    AL, caches = L_model_forward(fx.inputs["X"], params_from(fx.inputs, 3))
    fx.expect("AL", AL, "sigmoid", "the last layer uses sigmoid")
    fx.expect("len(caches)", len(caches), note="L_model_forward keeps one cache per layer")
    for l, ((A_prev, W, b), Z) in enumerate(caches, start=1):
        kind = "relu" if l > 1 else ""
        p = "caches[%d]." % (l - 1)
        fx.expect(p + "Linear.APrev", A_prev, kind, "the linear cache of layer %d holds A[%d], the input of the layer" % (l, l - 1))
        fx.expect(p + "Linear.W", W, note="the linear cache of layer %d holds W%d" % (l, l))
        fx.expect(p + "Linear.B", b, note="the linear cache of layer %d holds b%d" % (l, l))
        fx.expect(p + "Activation.Z", Z, note="the activation cache of layer %d holds Z%d" % (l, l))
    check_course(fx, {"AL": "AL", "len(caches)": "caches", "caches[0].Activation.Z": "Z1",
                      "caches[1].Activation.Z": "Z2", "caches[2].Activation.Z": "Z3"})
    out.append(fx)
    return out


def linear_cache(fx, prefix, A, W, b):
    note = "the linear cache holds the arguments A_prev, W and b"
    fx.expect(prefix + "APrev", A, note=note)
    fx.expect(prefix + "W", W, note=note)
    fx.expect(prefix + "B", b, note=note)


def step03():
    c = course_case("compute_cost")
    fx = Fixture("compute_cost", "The course's case: three examples, the first two of class 1.", course=True)
    Y = fx.give("Y", c["Y"])
    AL = fx.give("AL", c["AL"])
    m = Y.shape[1]
    fx.factors = [("m", m)]
    fx.expect("cost", compute_cost(AL, Y))
    fx.part("-(1/m)·Σ Y·log(AL)", -np.sum(Y * np.log(AL)) / m, "the (1-Y)·log(1-AL) term is missing")
    fx.part("-(1/m)·Σ (1-Y)·log(1-AL)", -np.sum((1 - Y) * np.log(1 - AL)) / m, "the Y·log(AL) term is missing")
    check_course(fx, {"cost": "cost"})
    return [fx]


def step04():
    out = []
    fx = Fixture("relu_backward", "Z with negative values, 0 (where relu' is 0) and a tiny positive value.")
    dA = fx.give("dA", DA_SMALL)
    Z = fx.give("Z", Z_BACKWARD)
    fx.expect("dZ", relu_backward(dA, Z), note="dZ = dA where Z > 0, and 0 where Z <= 0")
    out.append(fx)

    fx = Fixture("sigmoid_backward", "The same dA and Z as relu_backward.")
    dA = fx.give("dA", DA_SMALL)
    Z = fx.give("Z", Z_BACKWARD)
    fx.expect("dZ", sigmoid_backward(dA, Z))
    s = 1 / (1 + np.exp(-Z))
    fx.part("s", s, "sigmoid'(z) = s·(1-s)")
    fx.part("(1-s)", 1 - s, "sigmoid'(z) = s·(1-s)")
    out.append(fx)

    c = course_case("linear_backward")
    fx = Fixture("linear_backward", "The course's case.", course=True, draws=["seed %d" % c["seed"]] + c["draws"])
    i = fx.inputs
    fx.factors = [("m", i["A_prev"].shape[1])]
    dA_prev, dW, db = linear_backward(i["dZ"], (i["A_prev"], i["W"], i["b"]))
    fx.expect("dA_prev", dA_prev)
    fx.expect("dW", dW)
    fx.expect("db", db)
    check_course(fx, {"dA_prev": "dA_prev", "dW": "dW", "db": "db"})
    out.append(fx)

    c = course_case("linear_activation_backward")
    fx = Fixture("linear_activation_backward", "The course's case, run with each activation.", course=True,
                 draws=["seed %d" % c["seed"]] + c["draws"])
    i = fx.inputs
    fx.factors = [("m", i["A_prev"].shape[1])]
    pairs = {}
    for activation in ("sigmoid", "relu"):
        grads = linear_activation_backward(i["dA"], ((i["A_prev"], i["W"], i["b"]), i["Z"]), activation)
        for name, g in zip(("dA_prev", "dW", "db"), grads):
            fx.expect(activation + ": " + name, g)
            pairs[activation + ": " + name] = activation + "." + name
    check_course(fx, pairs)
    out.append(fx)

    c = course_case("L_model_backward")
    fx = Fixture("L_model_backward", "The course's case: AL and the caches of two layers are drawn, not computed.",
                 course=True, draws=["seed %d" % c["seed"]] + c["draws"])
    i = fx.inputs
    Y = fx.give("Y", c["Y"])
    fx.factors = [("m", Y.shape[1])]
    caches = [((i["A1"], i["W1"], i["b1"]), i["Z1"]), ((i["A2"], i["W2"], i["b2"]), i["Z2"])]
    grads = L_model_backward(i["AL"], Y, caches)
    for name in ("dA1", "dW2", "db2", "dA0", "dW1", "db1"):
        fx.expect(name, grads[name])
    check_course(fx, {n: n for n in ("dA1", "dW2", "db2", "dA0", "dW1", "db1")})
    out.append(fx)
    return out


def step05():
    c = course_case("update_parameters")
    draws = ["seed %d" % c["params_seed"]] + c["params_draws"] + ["seed %d" % c["grads_seed"]] + c["grads_draws"]
    fx = Fixture("update_parameters", "The course's case.", course=True, draws=draws)
    i = fx.inputs
    lr = fx.give("learning_rate", c["learning_rate"])[0, 0]
    fx.factors = [("α", lr)]
    p = params_from(i, 2)
    grads = {k: i[k] for k in ("dW1", "db1", "dW2", "db2")}
    new = update_parameters(p, grads, lr)
    for k in ("W1", "b1", "W2", "b2"):
        fx.expect(k, new[k])
    for k in ("W1", "b1", "W2", "b2"):
        fx.expect("p after the call: " + k, p[k],
                  note="UpdateParameters must leave the caller's p as it was: put the new matrices in new slices")
    check_course(fx, {k: k for k in ("W1", "b1", "W2", "b2")})
    return [fx]


# The inputs of the train case (and of ExampleTrain): six examples of three
# features, a network of 2 ReLU units and one sigmoid unit.
TRAIN_DRAWS = ["seed 2", "X 3x6", "W1 2x3", "W2 1x2"]
TRAIN_Y = [[1, 0, 1, 0, 1, 0]]

# The small problem of the model cases: np.random.seed(2); X = randn(10, 10);
# Y = (np.random.rand(1, 10) > 0.5), drawn right after X.
np.random.seed(2)
SMALL_X = np.random.randn(10, 10)
SMALL_Y = (np.random.rand(1, 10) > 0.5).astype(float)

COST_NOTE = "Train keeps the cost every 100 iterations and at the last one"


def expect_costs(fx, costs):
    for i, cost in costs:
        fx.expect("cost after iteration %d" % i, cost, "cost", COST_NOTE)


def step06():
    out = []
    fx = Fixture("train", "Gradient descent from given parameters: 3 features, 2 ReLU units, one sigmoid unit, "
                          "6 examples, α = 0.1, 250 iterations (so the last, 249, is not a multiple of 100).",
                 draws=TRAIN_DRAWS)
    i = fx.inputs
    Y = fx.give("Y", TRAIN_Y)
    fx.give("b1", np.zeros((2, 1)))
    fx.give("b2", np.zeros((1, 1)))
    lr = fx.give("learning_rate", 0.1)[0, 0]
    iterations = int(fx.give("iterations", 250)[0, 0])
    fx.factors = [("α", lr), ("m", Y.shape[1])]
    p = params_from(i, 2)
    trained, costs = train(i["X"], Y, p, lr, iterations)
    expect_costs(fx, costs)
    fx.expect("recorded iterations", [[c[0] for c in costs]], note=COST_NOTE)
    fx.expect("OnCost calls (iteration, cost)", [[c[0], c[1]] for c in costs],
              note="Train calls opts.OnCost with each cost it keeps")
    for k in ("W1", "b1", "W2", "b2"):
        fx.expect(k, trained[k])
    for k in ("W1", "b1", "W2", "b2"):
        fx.expect("p after the call: " + k, p[k], note="Train must leave the caller's p as it was")
    out.append(fx)

    for name, model, dims, iterations, lr in [
        ("two_layer_model 10,5,1, 3 iterations, learning rate 0.5", "two-layer", [10, 5, 1], 3, 0.5),
        ("L_layer_model 10,5,6,1, 2 iterations", "L-layer", [10, 5, 6, 1], 2, 0.0075),
        ("L_layer_model 10,5,6,1, 3 iterations", "L-layer", [10, 5, 6, 1], 3, 0.0075),
        ("L_layer_model 10,5,6,1, 3 iterations, learning rate 0.5", "L-layer", [10, 5, 6, 1], 3, 0.5),
    ]:
        fx = Fixture(name, "A small problem: X = randn(10, 10) after np.random.seed(2), "
                           "Y = (np.random.rand(1, 10) > 0.5) drawn next.", draws=["seed 2", "X 10x10"])
        X = fx.inputs["X"]
        compare("the small problem's X", X, SMALL_X, 0)
        Y = fx.give("Y", SMALL_Y)
        fx.give("layer_dims", dims)
        fx.give("learning_rate", lr)
        fx.give("iterations", iterations)
        fx.factors = [("α", lr), ("m", Y.shape[1])]
        run = two_layer_model if model == "two-layer" else L_layer_model
        trained, costs = run(X, Y, dims, lr, iterations)
        expect_costs(fx, costs)
        for l in range(1, len(dims)):
            fx.expect("W%d" % l, trained["W%d" % l])
            fx.expect("b%d" % l, trained["b%d" % l])
        out.append(fx)

    fx = Fixture("predict, probabilities around 0.5",
                 "One sigmoid unit with Z = x0 - x1: probabilities 0.73, 0.27, exactly 0.5, 0.73, "
                 "0.5 + 2^-42 and 0.5 - 2^-42.")
    W = fx.give("W1", [[1, -1]])
    b = fx.give("b1", [[0]])
    eps = 2.0 ** -40
    X = fx.give("X", [[2, 0, 1, -3, 1 + eps, 1], [1, 1, 1, -4, 1, 1 + eps]])
    AL, _ = L_model_forward(X, {"W1": W, "b1": b})
    assert AL[0, 2] == 0.5 and AL[0, 4] > 0.5 and AL[0, 5] < 0.5
    fx.expect("predictions", predict(X, {"W1": W, "b1": b}), "labels",
              "the probabilities are 0.73, 0.27, exactly 0.5, 0.73, just above 0.5, just below: "
              "the prediction is 1 only above 0.5")
    out.append(fx)

    fx = Fixture("predict, two layers", "The train case's network before training, on its 6 examples.",
                 draws=TRAIN_DRAWS)
    fx.give("b1", np.zeros((2, 1)))
    fx.give("b2", np.zeros((1, 1)))
    fx.expect("predictions", predict(fx.inputs["X"], params_from(fx.inputs, 2)), "labels")
    out.append(fx)

    for name in ("two_layer_model", "L_layer_model"):
        a = APPLICATION[name]
        if "numpy" not in a:
            fail("application.json %s: no numpy figures: run generate.py -data DIR -write" % name)
            continue
        fx = Fixture(name + " (course data)", "The application notebook's model trained on the course's data "
                                              "(application.json: numpy's figures, checked against the notebook's).")
        fx.give("layer_dims", a["layers_dims"])
        fx.give("learning_rate", a["learning_rate"])
        fx.give("iterations", a["num_iterations"])
        for it, cost in a["numpy"]["costs"]:
            fx.expect("cost after iteration %d" % it, cost, "cost", COST_NOTE)
        for s in ("train", "test"):
            p = np.array([a["numpy"][s + " predictions"]], dtype=float)
            fx.expect(s + " predictions", p, "labels")
            fx.expect(s + " correct", a["numpy"][s + " correct"])
        out.append(fx)
    return out


STEPS = [
    ("step01_init", step01),
    ("step02_forward", step02),
    ("step03_cost", step03),
    ("step04_backward", step04),
    ("step05_update", step05),
    ("step06_model", step06),
]


# ---------------------------------------------------------------------------
# Go output.

def go_float(x):
    x = float(x)
    if x == int(x) and abs(x) < 1e15:
        return "%d" % int(x)
    return repr(x)


def go_array(name, value, kind, note, indent):
    t = "\t" * indent
    fields = ["Name: %s" % go_string(name)]
    if kind:
        fields.append("Kind: %s" % go_string(kind))
    if note:
        fields.append("Note: %s" % go_string(note))
    if len(value) == 1:
        return "%s{%s, Rows: [][]float64{{%s}}},\n" % (t, ", ".join(fields), ", ".join(go_float(x) for x in value[0]))
    rows = "".join("%s\t{%s},\n" % (t, ", ".join(go_float(x) for x in row)) for row in value)
    return "%s{%s, Rows: [][]float64{\n%s%s}},\n" % (t, ", ".join(fields), rows, t)


def go_string(s):
    return json.dumps(s, ensure_ascii=False)


HEADER = "// Code generated by testdata/course/generate.py; DO NOT EDIT.\n\n"
FIXTURES_GO = os.path.join("internal", "testutil", "course", "fixtures.go")


def go_fixtures(steps):
    b = [HEADER, "package course\n\n",
         "// fixtures are the cases of the steps' table tests, by step. Those marked\n",
         "// Course are the course's public test cases (testdata/course/cases.json);\n",
         "// every figure was recomputed with numpy by testdata/course/generate.py.\n",
         "var fixtures = map[string][]Fixture{\n"]
    for pkg, fixtures in steps:
        b.append("\t%s: %s,\n" % (go_string(pkg), go_fixture_list(fixtures, "")))
    b.append("}\n")
    return gofmt("".join(b))


def go_fixture_list(fixtures, q):
    b = ["[]%sFixture{\n" % q]
    for fx in fixtures:
        b.append("\t// %s\n" % fx.doc)
        b.append("\t{\n\t\tName: %s,\n" % go_string(fx.name))
        if fx.course:
            b.append("\t\tCourse: true,\n")
        if fx.draws:
            b.append("\t\tDraws: []string{%s},\n" % ", ".join(go_string(d) for d in fx.draws))
        for field, arrays in (("Given", fx.given), ("Want", fx.want), ("Parts", fx.parts)):
            if arrays:
                b.append("\t\t%s: []%sArray{\n" % (field, q))
                for a in arrays:
                    b.append(go_array(*a, indent=3))
                b.append("\t\t},\n")
        if fx.factors:
            b.append("\t\tFactors: []%sFactor{%s},\n" % (q,
                     ", ".join("{Name: %s, Value: %s}" % (go_string(n), go_float(v)) for n, v in fx.factors)))
        b.append("\t},\n")
    b.append("}")
    return "".join(b)


def gofmt(src):
    try:
        r = subprocess.run(["gofmt"], input=src.encode(), capture_output=True, check=True)
        return r.stdout.decode()
    except (OSError, subprocess.CalledProcessError) as e:
        sys.exit("gofmt failed (is Go on PATH?): %s" % e)


# ---------------------------------------------------------------------------
# The Examples: what each prints, computed here, against its // Output: block.

def examples():
    ex = {}
    p = initialize_parameters_deep([5, 4, 3], seed=3)
    ex["step01_init", "ExampleInitializeParametersDeep"] = [
        "W1 = %s" % p["W1"], "b1 = %s" % p["b1"], "W2 = %s" % p["W2"], "b2 = %s" % p["b2"]]

    Z = np.array(Z_SMALL, dtype=float)
    ex["step02_forward", "ExampleSigmoid"] = ["A = %s" % sigmoid(Z)[0], "cache.Z is Z: true"]
    ex["step02_forward", "ExampleRelu"] = ["A = %s" % relu(Z)[0], "cache.Z is Z: true"]
    i = draw(["seed 1", "A_prev 3x2", "W 1x3", "b 1x1"])
    ex["step02_forward", "ExampleLinearForward"] = ["Z = %s" % linear_forward(i["A_prev"], i["W"], i["b"])[0]]
    i = draw(["seed 2", "A_prev 3x2", "W 1x3", "b 1x1"])
    ex["step02_forward", "ExampleLinearActivationForward"] = [
        "With sigmoid: A = %s" % linear_activation_forward(i["A_prev"], i["W"], i["b"], "sigmoid")[0],
        "With ReLU: A = %s" % linear_activation_forward(i["A_prev"], i["W"], i["b"], "relu")[0]]
    i = draw(["seed 6", "X 5x4", "W1 4x5", "b1 4x1", "W2 3x4", "b2 3x1", "W3 1x3", "b3 1x1"])
    AL, caches = L_model_forward(i["X"], params_from(i, 3))
    ex["step02_forward", "ExampleLModelForward"] = [
        "AL = %s" % AL, "Length of caches list = %d" % len(caches), "Z3 = %s" % caches[2][1]]

    c = COURSE["compute_cost"]
    ex["step03_cost", "ExampleComputeCost"] = [
        "cost = %.8f" % compute_cost(np.array(c["AL"], dtype=float), np.array(c["Y"], dtype=float))]

    dA, Zb = np.array(DA_SMALL, dtype=float), np.array(Z_BACKWARD, dtype=float)
    ex["step04_backward", "ExampleReluBackward"] = ["dZ = %s" % relu_backward(dA, Zb)]
    ex["step04_backward", "ExampleSigmoidBackward"] = ["dZ = %s" % sigmoid_backward(dA, Zb)]
    i = draw(["seed 1", "dZ 3x4", "A_prev 5x4", "W 3x5", "b 3x1"])
    dA_prev, dW, db = linear_backward(i["dZ"], (i["A_prev"], i["W"], i["b"]))
    ex["step04_backward", "ExampleLinearBackward"] = ["dA_prev = %s" % dA_prev, "dW = %s" % dW, "db = %s" % db]
    i = draw(["seed 2", "dA 1x2", "A_prev 3x2", "W 1x3", "b 1x1", "Z 1x2"])
    lines = []
    for activation in ("sigmoid", "relu"):
        dA_prev, dW, db = linear_activation_backward(i["dA"], ((i["A_prev"], i["W"], i["b"]), i["Z"]), activation)
        lines += ["%s:" % activation, "dA_prev = %s" % dA_prev, "dW = %s" % dW, "db = %s" % db]
    ex["step04_backward", "ExampleLinearActivationBackward"] = lines
    i = draw(["seed 3", "AL 1x2", "A1 4x2", "W1 3x4", "b1 3x1", "Z1 3x2", "A2 3x2", "W2 1x3", "b2 1x1", "Z2 1x2"])
    caches = [((i["A1"], i["W1"], i["b1"]), i["Z1"]), ((i["A2"], i["W2"], i["b2"]), i["Z2"])]
    g = L_model_backward(i["AL"], np.array([[1, 0]], dtype=float), caches)
    ex["step04_backward", "ExampleLModelBackward"] = ["dW1 = %s" % g["dW1"], "db1 = %s" % g["db1"], "dA1 = %s" % g["dA1"]]

    i = draw(["seed 2", "W1 3x4", "b1 3x1", "W2 1x3", "b2 1x1", "seed 3", "dW1 3x4", "db1 3x1", "dW2 1x3", "db2 1x1"])
    new = update_parameters(params_from(i, 2), {k: i[k] for k in ("dW1", "db1", "dW2", "db2")}, 0.1)
    ex["step05_update", "ExampleUpdateParameters"] = ["%s = %s" % (k, new[k]) for k in ("W1", "b1", "W2", "b2")]

    i = draw(TRAIN_DRAWS)
    p = params_from(dict(i, b1=np.zeros((2, 1)), b2=np.zeros((1, 1))), 2)
    trained, costs = train(i["X"], np.array(TRAIN_Y, dtype=float), p, 0.1, 250)
    ex["step06_model", "ExampleTrain"] = ["Cost after iteration %d: %.6f" % c for c in costs] + \
                                         ["W1 = %s" % trained["W1"]]
    np.random.seed(0)
    X = np.random.randn(2, 12)
    Y = (X[0:1] + X[1:2] > 0).astype(float)
    _, costs = L_layer_model(X, Y, [2, 4, 1], 0.5, 300)
    ex["step06_model", "ExampleLLayerModel"] = ["Cost after iteration %d: %.6f" % c for c in costs]
    W, b = np.array([[1., -1.]]), np.zeros((1, 1))
    X = np.array([[2., 0, 1, -3], [1, 1, 1, -4]])
    AL, _ = L_model_forward(X, {"W1": W, "b1": b})
    pred = predict(X, {"W1": W, "b1": b})
    Y = np.array([[1., 0, 1, 1]])
    ex["step06_model", "ExamplePredict"] = [
        "probabilities = %s" % AL, "predictions = %s" % pred,
        "accuracy = %s" % go_g(np.sum(pred == Y) / Y.shape[1])]
    return ex


def go_g(x):
    """x as Go's fmt prints a float64 with %v."""
    return repr(float(x)).removesuffix(".0")


def example_outputs(path):
    """The // Output: block of every Example in a Go file, as lines."""
    src = open(path).read()
    out = {}
    for m in re.finditer(r"^func (Example\w*)\(\) \{\n(.*?)^\}", src, re.S | re.M):
        body = m.group(2)
        k = body.find("\t// Output:\n")
        if k < 0:
            continue
        lines = []
        for line in body[k:].split("\n")[1:]:
            line = line.strip()
            if not line.startswith("//"):
                break
            lines.append(line[3:] if line.startswith("// ") else line[2:])
        out[m.group(1)] = lines
    return out


def check_examples():
    want = examples()
    seen = set()
    for pkg, _ in STEPS:
        path = os.path.join(ROOT, pkg, "example_test.go")
        for name, lines in example_outputs(path).items():
            key = (pkg, name)
            seen.add(key)
            if key not in want:
                fail("%s %s: no figures for this Example here: add them to examples()" % (pkg, name))
                continue
            w = "\n".join(want[key]).split("\n")
            if lines != w:
                first = next((j for j in range(max(len(lines), len(w)))
                              if j >= len(lines) or j >= len(w) or lines[j] != w[j]), 0)
                fail("%s %s: Output line %d is %r, numpy prints %r" % (
                    pkg, name, first + 1, lines[first] if first < len(lines) else None,
                    w[first] if first < len(w) else None))
            else:
                CHECKED.append(("%s %s" % (pkg, name), 0.0))
    for key in want:
        if key not in seen:
            fail("%s %s: the Example is missing or has no // Output: block" % key)


# ---------------------------------------------------------------------------
# The application notebook, on the course's data.

def train_application(data_dir):
    import h5py
    with h5py.File(os.path.join(data_dir, "train_catvnoncat.h5"), "r") as f:
        train_x = np.array(f["train_set_x"][:])
        train_y = np.array(f["train_set_y"][:])
    with h5py.File(os.path.join(data_dir, "test_catvnoncat.h5"), "r") as f:
        test_x = np.array(f["test_set_x"][:])
        test_y = np.array(f["test_set_y"][:])
    train_X = train_x.reshape(train_x.shape[0], -1).T / 255.
    test_X = test_x.reshape(test_x.shape[0], -1).T / 255.
    train_Y, test_Y = train_y.reshape(1, -1), test_y.reshape(1, -1)
    out = {}
    for name, run in (("two_layer_model", two_layer_model), ("L_layer_model", L_layer_model)):
        a = APPLICATION[name]
        print("training %s on the course's data (%d iterations)..." % (name, a["num_iterations"]), flush=True)
        params, costs = run(train_X, train_Y, a["layers_dims"], a["learning_rate"], a["num_iterations"])
        res = {"costs": [[i, c] for i, c in costs]}
        for s, X, Y in (("train", train_X, train_Y), ("test", test_X, test_Y)):
            p = predict(X, params)
            res[s + " predictions"] = [int(v) for v in p[0]]
            res[s + " correct"] = int(np.sum(p == Y))
        out[name] = res
    return out


def check_application():
    """numpy's figures against the notebook's printed ones."""
    for name, a in APPLICATION.items():
        if not isinstance(a, dict) or "numpy" not in a:
            continue
        costs = dict((i, c) for i, c in a["numpy"]["costs"])
        for key, printed in a["printed"].items():
            if key.startswith("cost after iteration "):
                got = costs[int(key.rsplit(" ", 1)[1])]
            else:
                s = key.split(" ")[0]
                got = a["numpy"][s + " correct"] / len(a["numpy"][s + " predictions"])
            digits = len(printed.split(".")[1]) if "." in printed else 0
            what = "application.json %s: %s" % (name, key)
            if digits >= 15:
                compare(what, got, float(printed))
            elif round(got, digits) != float(printed):
                fail("%s: numpy gives %.17g, the notebook prints %s" % (what, got, printed))
            else:
                CHECKED.append((what, 0.0))  # equal to the digits printed


def dump_json(v):
    """v as indented JSON, with each list of numbers on one line."""
    s = json.dumps(v, indent=1)
    s = re.sub(r"\[\s*([-0-9.e,\s]*?)\s*\]", lambda m: "[" + re.sub(r",\s*", ", ", m.group(1)) + "]", s)
    return s + "\n"


# ---------------------------------------------------------------------------

COURSE = json.load(open(os.path.join(HERE, "cases.json")))
APPLICATION_PATH = os.path.join(HERE, "application.json")
APPLICATION = json.load(open(APPLICATION_PATH))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-write", action="store_true", help="rewrite the generated files")
    ap.add_argument("-data", metavar="DIR", help="the folder of the course's .h5 files: also train the application's models")
    args = ap.parse_args()

    if args.data:
        before = len(FAILURES)
        fresh = train_application(args.data)
        for name, res in fresh.items():
            old = APPLICATION[name].get("numpy")
            if old is None:
                if args.write:
                    APPLICATION[name]["numpy"] = res
                else:
                    fail("application.json %s: no numpy figures yet: run with -write" % name)
                continue
            compare("application.json %s costs" % name, np.array([c for _, c in res["costs"]]),
                    np.array([c for _, c in old["costs"]]))
            for s in ("train", "test"):
                if res[s + " predictions"] != old[s + " predictions"]:
                    fail("application.json %s: numpy's %s predictions differ from the file's" % (name, s))
            if args.write:
                APPLICATION[name]["numpy"] = res
        APPLICATION["numpy version"] = np.__version__
        check_application()
        if args.write and len(FAILURES) == before:
            with open(APPLICATION_PATH, "w") as f:
                f.write(dump_json(APPLICATION))
            print("wrote " + os.path.relpath(APPLICATION_PATH, ROOT))
    else:
        check_application()

    steps = [(pkg, build()) for pkg, build in STEPS]
    src = go_fixtures(steps)
    path = os.path.join(ROOT, FIXTURES_GO)
    old = open(path).read() if os.path.exists(path) else ""
    if src != old:
        if args.write:
            open(path, "w").write(src)
            print("wrote " + FIXTURES_GO)
        else:
            fail("%s is not what generate.py writes: run it with -write" % FIXTURES_GO)
    check_examples()

    for kind in ("cases.json", "application.json", "Example"):
        diffs = [d for what, d in CHECKED if what.startswith(kind) or (kind == "Example" and " Example" in what)]
        print("%3d checks against %s, largest difference %.3g" % (len(diffs), kind, max(diffs, default=0.0)))
    print("numpy %s" % np.__version__)
    if FAILURES:
        print("%d checks FAILED" % len(FAILURES))
        sys.exit(1)


if __name__ == "__main__":
    main()
