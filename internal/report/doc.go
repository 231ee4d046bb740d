// Package report writes a training run's results as one self-contained HTML
// page, index.html: the model and its settings, the accuracies, the cost
// curve (the notebook's plot, as inline SVG), the mislabelled pictures with
// their predicted and true classes, and, for two-dimensional data such as
// the flower data set, the decision boundary with the points on top.
//
// The page loads nothing else: styles are inline, pictures are data: URIs,
// plots are SVG, so it can be mailed, archived or opened offline. All text
// goes through html/template.
//
// Dimension key: m examples; a Boundary's X is (2, m) and Y is (1, m).
package report
