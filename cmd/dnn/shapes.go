package main

import (
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"text/tabwriter"
)

const shapesSynopsis = `n[0],n[1],...,n[L] [-m M]

Prints, for a network of the given layer sizes ([LINEAR->RELU]×(L-1) ->
LINEAR->SIGMOID), the shape of every layer's W, b, Z and A and of the
gradients dW and db, and how many parameters it has: the course's notation,
computed. Z, A, dZ and dA have one column per example.`

func init() {
	register("shapes", "print the shapes of W, b, Z, A, dW, db per layer and the parameter count", runShapes)
}

func runShapes(args []string, stdout io.Writer) error {
	fs := newFlags("shapes", shapesSynopsis, stdout)
	m := fs.Int("m", 0, "number of examples m (0 writes the letter m)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return errors.New("give the layer sizes, e.g. dnn shapes 12288,20,7,5,1 -m 209")
	}
	if fs.NArg() > 1 {
		return fmt.Errorf("unexpected argument %q: give the layer sizes as one list, e.g. 12288,20,7,5,1", fs.Arg(1))
	}
	dims, err := parseLayers("layer sizes", fs.Arg(0))
	if err != nil {
		return err
	}
	if *m < 0 {
		return fmt.Errorf("-m %d: the number of examples cannot be negative", *m)
	}
	return printShapes(stdout, dims, *m)
}

// printShapes writes the table of shapes for layer sizes dims and m
// examples (m = 0: the letter m).
func printShapes(w io.Writer, dims []int, m int) error {
	L := len(dims) - 1
	params := make([]int, L+1)
	total := 0
	for l := 1; l <= L; l++ {
		n, nPrev := dims[l], dims[l-1]
		if nPrev == math.MaxInt || n > (math.MaxInt-total)/(nPrev+1) {
			return fmt.Errorf("%v: too many parameters to count", dims)
		}
		params[l] = n * (nPrev + 1)
		total += params[l]
	}
	cols := "m"
	if m > 0 {
		cols = strconv.Itoa(m)
	}
	shape := func(name string, l, r int, c string) string { return fmt.Sprintf("%s%d (%d,%s)", name, l, r, c) }
	fmt.Fprintf(w, "X = A0 is (%d,%s): %d features for each of the %s examples.\n\n", dims[0], cols, dims[0], cols)
	tw := tabwriter.NewWriter(w, 0, 8, 2, ' ', 0)
	fmt.Fprintln(tw, "layer\tW\tb\tZ\tA\tdW\tdb\tparams")
	for l := 1; l <= L; l++ {
		n, nPrev := dims[l], strconv.Itoa(dims[l-1])
		g := "ReLU"
		if l == L {
			g = "sigmoid"
		}
		fmt.Fprintf(tw, "%d (%s)\t%s\t%s\t%s\t%s\t%s\t%s\t%d\n", l, g,
			shape("W", l, n, nPrev), shape("b", l, n, "1"), shape("Z", l, n, cols), shape("A", l, n, cols),
			shape("dW", l, n, nPrev), shape("db", l, n, "1"), params[l])
	}
	fmt.Fprintf(tw, "total\t\t\t\t\t\t\t%d\n", total)
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "\nAL = A%d is (%d,%s); dZ[l] and dA[l] have the shapes of Z[l] and A[l].\n", L, dims[L], cols)
	return err
}
