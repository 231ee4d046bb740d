package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"dnn/internal/gradcheck"
)

const gradcheckSynopsis = `[-layers 5,4,3,1] [-m 5] [-seed 1]

Checks backward propagation (step 4's L_model_backward) on a small random
network, as the course's gradient checking does: the slope of the cost along
every parameter, measured by centred finite differences with ε = 1e-7, must
agree with the gradient, the relative difference
‖grad - approx‖ / (‖grad‖ + ‖approx‖) over all the parameters staying below
1e-7.

A network on which finite differences cannot measure the slopes is not
checked: one where a ReLU input lies at its kink, or where the slopes are so
small (most ReLUs dead) that rounding alone would come near 1e-7. The check
then says so and draws again with the next seed. It refuses networks and
numbers of examples that would take more than a few seconds.`

// maxGradcheckExamples bounds -m. More examples shrink the slopes while
// the rounding error of the finite differences stays: at 100 examples,
// networks of three or more layers are often unfit to check (up to twelve
// redraws on average; with seven layers of 8 units, every draw).
const maxGradcheckExamples = 100

func init() {
	register("gradcheck", "check backward propagation against finite differences of the cost", runGradcheck)
}

func runGradcheck(args []string, stdout io.Writer) error {
	fs := newFlags("gradcheck", gradcheckSynopsis, stdout)
	layers := fs.String("layers", "5,4,3,1", "layer sizes n[0],n[1],...,n[L], with n[L] = 1")
	m := fs.Int("m", 5, "number of random examples")
	seed := fs.Uint("seed", 1, "seed of numpy's random generator for the network and the examples")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q (run \"dnn gradcheck -h\" for the flags)", fs.Arg(0))
	}
	dims, err := parseLayers("-layers", *layers)
	if err != nil {
		return err
	}
	if *seed > 1<<32-1 {
		return fmt.Errorf("-seed %d: numpy's seeds go from 0 to 4294967295", *seed)
	}
	if *m > maxGradcheckExamples {
		return fmt.Errorf("-m %d: at most %d examples: with more, rounding in the finite differences hides the gradients", *m, maxGradcheckExamples)
	}
	res, err := gradcheck.Draw(dims, *m, uint32(*seed), func(unfit *gradcheck.UnfitError) {
		fmt.Fprintf(stdout, "%v: drawing again with seed %d\n", unfit, unfit.Seed+1)
	})
	if err != nil {
		return err
	}
	sizes := make([]string, len(dims))
	for i, n := range dims {
		sizes[i] = strconv.Itoa(n)
	}
	fmt.Fprintf(stdout, "Gradient check of L_model_backward: layers %s, m = %d, seed %d, ε = %g\n\n", strings.Join(sizes, ","), *m, res.Seed, gradcheck.Epsilon)
	tw := tabwriter.NewWriter(stdout, 0, 8, 2, ' ', 0)
	fmt.Fprintln(tw, "param\tshape\t‖grad‖\t‖approx‖\tdifference")
	for _, d := range res.Params {
		fmt.Fprintf(tw, "d%s\t%s\t%.6e\t%.6e\t%.2e\n", d.Name, d.Shape, d.Grad, d.Approx, d.Difference)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(stdout, "\nPass or fail goes by the overall difference: a parameter whose gradient is tiny")
	fmt.Fprintln(stdout, "may show a larger relative difference from rounding alone.")
	if !res.Passed() {
		fmt.Fprintf(stdout, "Overall difference %.2e is not below %g: FAILED\n", res.Difference, gradcheck.Threshold)
		return fmt.Errorf("the gradients of L_model_backward do not match the slopes of the cost (difference %.2e, want below %g): check step04_backward", res.Difference, gradcheck.Threshold)
	}
	fmt.Fprintf(stdout, "Overall difference %.2e < %g: passed\n", res.Difference, gradcheck.Threshold)
	return nil
}
