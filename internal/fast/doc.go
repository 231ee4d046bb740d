// Package fast trains the course's network as step06_model.Train does, with
// the same results, computed fast. It is the engine behind "dnn train -fast"
// and "dnn demo"; step06_model keeps the notebook's loop over the step
// functions, which this package never calls, and the tests hold the two
// together: costs within 1e-9 relative at every recorded iteration and
// identical predictions.
//
// Notation, as in the steps: L layers; n[l] units in layer l, n[0] the
// input size; m examples. X is (n[0], m), Y is (1, m); W[l] is
// (n[l], n[l-1]), b[l] is (n[l], 1); layers 1..L-1 are LINEAR->RELU and
// layer L is LINEAR->SIGMOID with one unit.
//
// What makes it fast, against the plain loop:
//
//   - Every matrix of an iteration lives in a buffer allocated once, before
//     the first iteration: training allocates nothing per iteration, and the
//     garbage collector has nothing to do.
//   - Each element-wise step is one typed loop that fuses what the plain
//     training does in several operations, each with a new matrix and a
//     function call per element: Z + b and relu in one pass; the relu's
//     backward and db in one pass; dZ[L] = AL - Y, which is what
//     the course's dAL times sigmoid'(Z[L]) comes to; W ← W - α·(1/m)·dW in
//     one pass, as b ← b - α·(1/m)·db.
//   - The relu layers' loops run in AVX-512 or AVX2 assembly where the
//     product's kernel does (reluloops.go), over the whole matrix a
//     register at a time rather than a short row of units at a time; the
//     Go loops stay as their reference, and compute the same bits.
//   - dA[0], the gradient with respect to the input, which nothing uses, is
//     not computed: a third of the products of the first layer.
//   - The cost, with its 2·m logarithms, is computed only when it is
//     recorded: with labels 0 and 1 it is finite exactly when no
//     probability is 0, 1 or NaN, which the sigmoid's loop checks.
//   - When there are fewer examples than features, the first layer is
//     computed through the Gram matrix XᵀX (gram.go): for the course's
//     pictures, a hundred times less arithmetic.
//   - The products run matrix's blocked product, which uses several cores
//     only for products large enough to pay for it.
//
// The arithmetic is the course's; only the rounding differs, far below the
// printed digits.
package fast
