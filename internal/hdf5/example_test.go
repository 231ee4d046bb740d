package hdf5_test

import (
	"fmt"
	"log"

	"dnn/internal/hdf5"
)

// A miniature of the course's train_catvnoncat.h5 (see
// testdata/make_fixtures.py).
func Example() {
	f, err := hdf5.Open("testdata/course_like.hdf5")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(f.Names())

	x, err := f.Dataset("train_set_x")
	if err != nil {
		log.Fatal(err)
	}
	pixels, err := x.Float64s()
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(x.Shape, x.DType(), pixels[:4])

	c, err := f.Dataset("list_classes")
	if err != nil {
		log.Fatal(err)
	}
	classes, err := c.Strings()
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%s %q\n", c.DType(), classes)

	_, err = f.Dataset("no_such_thing")
	fmt.Println(err)
	// Output:
	// [list_classes train_set_x train_set_y]
	// [2 3 4 3] uint8 [0 7 14 21]
	// S7 ["non-cat" "cat"]
	// hdf5: testdata/course_like.hdf5: no dataset "no_such_thing" (datasets: list_classes, train_set_x, train_set_y)
}
