package dataset_test

import (
	"fmt"
	"log"
	"os"

	"dnn/internal/dataset"
)

// testdata/tiny holds 3 training and 2 test images of 2×2 pixels, laid out
// like the course's files; Load reads them from a folder where they carry
// the course's names.
func ExampleLoad() {
	dir, err := os.MkdirTemp("", "tiny")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	if err := copyCourse(dir, "tiny"); err != nil {
		log.Fatal(err)
	}

	d, err := dataset.Load(dir)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("train:", d.TrainX.Shape(), d.TrainY.Shape(), "test:", d.TestX.Shape(), d.TestY.Shape())
	fmt.Println("classes:", d.Classes)
	fmt.Println("labels:", d.TrainY)
	fmt.Printf("first pixel of image 1: %.4f (= 84/255)\n", d.TrainX.At(0, 1))

	_, err = dataset.Load("testdata/nowhere")
	fmt.Println(err)
	// Output:
	// train: (12,3) (1,3) test: (12,2) (1,2)
	// classes: [non-cat cat]
	// labels: [[1. 0. 1.]]
	// first pixel of image 1: 0.3294 (= 84/255)
	// dataset: no file testdata/nowhere/train_catvnoncat.h5: the course's files train_catvnoncat.h5 and test_catvnoncat.h5 belong in testdata/nowhere
}
