// Package imageio moves pictures in and out of the course's column layout.
//
// Load reads a JPEG, PNG or GIF file (recognised by its first bytes, not its
// name) and refuses files that are not regular files (a named pipe, a
// device), are not images, are cut short, are too small to classify (under
// 16×16 pixels), or claim absurd dimensions: over 50 megapixels, one side
// over 100 times the other, or more memory than the limit (see
// dnn/internal/memlimit), all checked from the header before any pixel is
// decoded.
//
// Column turns a picture into one column of the course's X matrix: the
// picture is resized to size×size, and its RGB values are flattened in
// (row, column, channel) order and divided by 255, so that for size = 64
// the column has 64·64·3 = 12288 rows, exactly like train_set_x after
// reshape(m, -1).T / 255. FromColumn is the inverse, for showing an example
// of X. The element for pixel (r, c), channel k (0 red, 1 green, 2 blue) is
// at row (r*size+c)*3 + k.
//
// Upscale and PNGDataURI prepare pictures for the HTML report.
package imageio
