package main

import (
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"strings"

	"dnn/internal/imageio"
	"dnn/internal/memlimit"
	"dnn/step01_init"
	"dnn/step02_forward"
)

const predictSynopsis = `-params PARAMS.npz IMAGE...

Classifies each picture (JPEG, PNG or GIF) with the parameters saved by
"dnn train -save": resizes it to the size the model was trained on (64×64 RGB
for the course's data), and prints the probability of class 1 and the class.
A picture that cannot be read is reported on standard error, and the others
are still classified; the exit status is then 1.`

func init() {
	register("predict", "classify your own pictures with parameters saved by train -save", runPredict)
}

func runPredict(args []string, stdout io.Writer) error {
	fs := newFlags("predict", predictSynopsis, stdout)
	params := fs.String("params", "", "parameters saved by dnn train -save (.npz)")
	classes := fs.String("classes", "non-cat,cat", "names of class 0 and class 1")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *params == "" {
		return errors.New("-params is required: the .npz file written by dnn train -save")
	}
	if fs.NArg() == 0 {
		return errors.New("name at least one picture to classify, e.g. dnn predict -params params.npz my_cat.jpg")
	}
	names := strings.Split(*classes, ",")
	if len(names) != 2 {
		return fmt.Errorf("-classes %q: want two names separated by a comma", *classes)
	}
	p, err := loadParameters(*params)
	if err != nil {
		return err
	}
	side, err := pictureSide(*params, p)
	if err != nil {
		return err
	}
	// A picture that fails is reported when the next one fails, or by run
	// as the command's error at the end: one line each, in order.
	var failed error
	for _, path := range fs.Args() {
		prob, err := classify(path, p, side)
		if err != nil {
			if failed != nil {
				fmt.Fprintf(os.Stderr, "dnn predict: %s\n", oneLine(failed.Error()))
			}
			failed = err
			continue
		}
		class := 0
		if prob > 0.5 {
			class = 1
		}
		fmt.Fprintf(stdout, "%s: %.4f %s\n", path, prob, names[class])
	}
	return failed
}

// pictureSide returns the side of the square RGB pictures that the model p,
// read from the file path, takes: n[0] = side×side×3.
func pictureSide(path string, p step01_init.Parameters) (int, error) {
	_, n0 := p.W[1].Dims()
	side := int(math.Round(math.Sqrt(float64(n0) / 3)))
	if side*side*3 != n0 {
		return 0, fmt.Errorf("%s: the model takes %d inputs, which is not the size of a square RGB picture (64×64×3 = 12288 for the course's)", path, n0)
	}
	// Resizing makes the picture's values and its column: 2 float64 each.
	need := 2 * 8 * float64(n0)
	if err := memlimit.NewBudget().Charge(need, fmt.Sprintf("%s: the model takes pictures of %d×%d pixels, which take %s as float64",
		path, side, side, memlimit.Size(need))); err != nil {
		return 0, err
	}
	return side, nil
}

// classify returns the probability that the picture at path is of class 1
// for the model p, which takes pictures of side×side pixels.
func classify(path string, p step01_init.Parameters, side int) (float64, error) {
	img, err := imageio.Load(path)
	if err != nil {
		return 0, err
	}
	AL, _ := step02_forward.LModelForward(imageio.Column(img, side), p)
	return AL.At(0, 0), nil
}
