// Package dataset loads the course's cat / non-cat images: load_data of the
// application notebook.
//
// Dimension key: m images of h×w pixels with 3 channels; n[0] = h*w*3
// (12288 for the course's 64×64 images).
//
// The course's two files, train_catvnoncat.h5 (209 images) and
// test_catvnoncat.h5 (50 images), each hold images (m, h, w, 3) of uint8
// and labels (m,) of 0 (non-cat) or 1 (cat). The notebook flattens each
// image into a column and scales it to [0, 1]:
//
//	train_x = train_x_orig.reshape(train_x_orig.shape[0], -1).T / 255.
//
// Load does the same: column j of X is image j, its pixels in (row, column,
// channel) order, each divided by 255.
//
// Notebook name → Go name:
//
//	load_data()                  Load(dir)
//	train_x, train_y             CatData.TrainX, CatData.TrainY
//	test_x, test_y               CatData.TestX, CatData.TestY
//	classes                      CatData.Classes
package dataset
