// Package report writes the results of training as one self-contained HTML
// page, index.html.
//
// Write writes the report of one training run: the model and its settings,
// the accuracies, the cost curve (the notebook's plot), the mislabelled
// pictures with their predicted and true classes, and, for two-dimensional
// data such as the flower data set, the decision boundary with the points
// on top. Given the trained network, it adds what each layer learned and
// the block structure of forward and backward propagation:
//
//   - on pictures (inputs of side×side×3): each row of W[1] drawn as a
//     picture (and the change training made to it), and for every unit of
//     every hidden layer the training pictures that excite it most;
//   - on 2-D inputs: every unit's activation over the plane, layer by layer;
//   - for any network: a block per layer, forward and backward, with the
//     shapes of W, b, Z and A and the caches handed from one to the other.
//
// WriteSweep writes the report of a grid of runs (a Sweep): the table of
// runs, their cost curves overlaid, and their accuracies and times side by
// side; Sweep.WriteTable prints the same table as text.
//
// The page loads nothing else: styles are inline, pictures are data: URIs,
// plots are SVG scaled to the page's width, so it can be mailed, archived
// or opened offline, on a phone as on a desktop. All text goes through
// html/template.
//
// Dimension key: L layers, n[l] units in layer l, m examples; a Boundary's
// X is (2, m) and Y is (1, m); W[l] is (n[l], n[l-1]).
package report
