package main

import (
	"errors"
	"fmt"
	"io"
	"math"
	"strings"

	"dnn/internal/imageio"
	"dnn/step02_forward"
)

const predictSynopsis = `-params PARAMS.npz IMAGE...

Classifies each picture (JPEG, PNG or GIF) with the parameters saved by
"dnn train -save": resizes it to the size the model was trained on (64×64 RGB
for the course's data), and prints the probability of class 1 and the class.`

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
	_, n0 := p.W[1].Dims()
	size := int(math.Round(math.Sqrt(float64(n0) / 3)))
	if size*size*3 != n0 {
		return fmt.Errorf("%s: the model takes %d inputs, which is not the size of a square RGB picture (64×64×3 = 12288 for the course's)", *params, n0)
	}
	for _, path := range fs.Args() {
		img, err := imageio.Load(path)
		if err != nil {
			return err
		}
		x := imageio.Column(img, size)
		AL, _ := step02_forward.LModelForward(x, p)
		prob := AL.At(0, 0)
		class := 0
		if prob > 0.5 {
			class = 1
		}
		fmt.Fprintf(stdout, "%s: %.4f %s\n", path, prob, names[class])
	}
	return nil
}
