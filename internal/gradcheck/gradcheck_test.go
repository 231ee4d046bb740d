package gradcheck

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"dnn/internal/testutil"
	"dnn/matrix"
	"dnn/step02_forward"
	"dnn/step04_backward"
)

// TestDraw checks LModelBackward on networks of several depths, for seeds
// 1 to 120 and m = 4 and 20 examples: every check must pass, the unfit
// networks being drawn again, with a difference below Threshold/2. (A
// wider run, seeds 1 to 500 and m from 1 to 100 on nine layer shapes,
// passed as well, its largest difference 5.7e-8.)
func TestDraw(t *testing.T) {
	defer testutil.Guard(t, "gradcheck")
	for _, dims := range [][]int{{4, 3, 1}, {5, 4, 3, 1}, {3, 5, 4, 2, 1}, {6, 5, 4, 3, 2, 1}} {
		for _, m := range []int{4, 20} {
			redraws, worst := 0, 0.0
			for seed := uint32(1); seed <= 120; seed++ {
				res, err := Draw(dims, m, seed, func(*UnfitError) { redraws++ })
				if err != nil {
					t.Fatalf("Draw(%v, %d, %d) error: %v", dims, m, seed, err)
				}
				if !res.Passed() || res.Difference > Threshold/2 {
					t.Errorf("Draw(%v, %d, %d) difference = %.3g (seed %d), want below %g; per parameter: %+v",
						dims, m, seed, res.Difference, res.Seed, Threshold/2, res.Params)
				}
				if want := 2 * (len(dims) - 1); len(res.Params) != want {
					t.Errorf("Draw(%v, %d, %d) gave %d parameters, want %d", dims, m, seed, len(res.Params), want)
				}
				worst = max(worst, res.Difference)
			}
			t.Logf("%v, m = %d: 120 seeds, %d redrawn, largest difference %.2g", dims, m, redraws, worst)
		}
	}
}

// TestUnfit checks the networks on which a correct backward propagation
// used to fail: seeds 47 and 97 of layers 3,5,4,2,1 with m = 4 (most ReLUs
// dead, slopes of 1e-3 or less) are refused, and Draw moves on to the next
// seed, which passes.
func TestUnfit(t *testing.T) {
	defer testutil.Guard(t, "gradcheck")
	for _, seed := range []uint32{47, 97} {
		nw, err := Random([]int{3, 5, 4, 2, 1}, 4, seed)
		if err != nil {
			t.Fatal(err)
		}
		var unfit *UnfitError
		if _, err := Check(nw); !errors.As(err, &unfit) || unfit.Seed != seed || !strings.Contains(err.Error(), "too small for finite differences") {
			t.Errorf("Check(3,5,4,2,1, m=4, seed %d) = %v, want an *UnfitError saying the slopes are too small", seed, err)
		}
		var seen []uint32
		res, err := Draw([]int{3, 5, 4, 2, 1}, 4, seed, func(u *UnfitError) { seen = append(seen, u.Seed) })
		if err != nil || !res.Passed() || res.Seed != seed+1 || !slices.Equal(seen, []uint32{seed}) {
			t.Errorf("Draw(3,5,4,2,1, m=4, seed %d) = seed %d, difference %.3g, error %v, redrawn %v; want seed %d redrawn and seed %d passing",
				seed, res.Seed, res.Difference, err, seen, seed, seed+1)
		}
	}
}

// TestCompareCatchesMistakes checks that the usual mistakes of backward
// propagation are far above the threshold.
func TestCompareCatchesMistakes(t *testing.T) {
	defer testutil.Guard(t, "gradcheck")
	nw, err := Random([]int{5, 4, 3, 1}, 5, 1)
	if err != nil {
		t.Fatal(err)
	}
	AL, caches := step02_forward.LModelForward(nw.X, nw.P)
	tests := []struct {
		name    string
		mistake func(g step04_backward.Grads)
	}{
		{"db1 without 1/m", func(g step04_backward.Grads) { g.DB[1] = matrix.Scale(5, g.DB[1]) }},
		{"dW3 with the wrong sign", func(g step04_backward.Grads) { g.DW[3] = matrix.Scale(-1, g.DW[3]) }},
		{"dW2 off by 0.1%", func(g step04_backward.Grads) { g.DW[2] = matrix.Scale(1.001, g.DW[2]) }},
		{"dW1 transposed rows", func(g step04_backward.Grads) {
			r, c := g.DW[1].Dims()
			g.DW[1] = matrix.New(r, c, append(append([]float64(nil), g.DW[1].RawData()[c:]...), g.DW[1].RawData()[:c]...))
		}},
	}
	for _, tt := range tests {
		g := step04_backward.LModelBackward(AL, nw.Y, caches)
		tt.mistake(g)
		res, err := Compare(nw, g)
		if err != nil {
			t.Fatalf("Compare with %s: error %v", tt.name, err)
		}
		if res.Passed() || res.Difference < 1e-4 {
			t.Errorf("Compare with %s: difference %.3g, want above 1e-4 (a failed check)", tt.name, res.Difference)
		}
	}
}

func TestCompareShapes(t *testing.T) {
	defer testutil.Guard(t, "gradcheck")
	nw, err := Random([]int{4, 3, 1}, 3, 1)
	if err != nil {
		t.Fatal(err)
	}
	AL, caches := step02_forward.LModelForward(nw.X, nw.P)
	g := step04_backward.LModelBackward(AL, nw.Y, caches)
	g.DW[2] = g.DW[2].T()
	if _, err := Compare(nw, g); err == nil || !strings.Contains(err.Error(), "dW2 is of shape (3,1), want a matrix of shape (1,3)") {
		t.Errorf("Compare with dW2 transposed = %v, want an error naming dW2 and both shapes", err)
	}
	g.DB = g.DB[:2]
	if _, err := Compare(nw, g); err == nil || !strings.Contains(err.Error(), "1 db for 2 layers") {
		t.Errorf("Compare with a db missing = %v, want an error counting them", err)
	}
}

func TestRandomErrors(t *testing.T) {
	tests := []struct {
		dims []int
		m    int
		seed uint32
		want string
	}{
		{[]int{4}, 3, 1, "need at least the input size and the output size"},
		{[]int{4, 0, 1}, 3, 1, "n[1] = 0"},
		{[]int{4, 3, 2}, 3, 1, "last layer size must be 1"},
		{[]int{4, 3, 1}, 0, 1, "m must be at least 1"},
		{[]int{1000, 1000, 1}, 3, 1, "too many"},
		{[]int{99998, 1}, 100, 1, "99999 parameters on 100 examples is too many to check"}, // 11 minutes before the limit
		{[]int{3074457345618258603, 3, 1}, 3, 1, "too many"},                               // the count would overflow an int
		{[]int{5, 4, 3, 1}, 4, 2, "seed 2: a ReLU input of layer 2 lies within 1e-05 of its kink"},
	}
	for _, tt := range tests {
		if _, err := Random(tt.dims, tt.m, tt.seed); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Random(%v, %d, %d) = %v, want an error containing %q", tt.dims, tt.m, tt.seed, err, tt.want)
		}
	}
}

// TestRandomDraws checks the draw order of Random against numpy 1.24:
// np.random.seed(1); W1 = randn(3, 4) / 2; b1 = randn(3, 1) / 10;
// W2 = randn(1, 3) / sqrt(3); b2 = randn(1, 1) / 10; X = randn(4, 2);
// Y = rand(1, 2) > 0.5, printed to 8 decimals.
func TestRandomDraws(t *testing.T) {
	nw, err := Random([]int{4, 3, 1}, 2, 1)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name      string
		got, want *matrix.Dense
	}{
		{"W1 row 0", matrix.New(1, 4, nw.P.W[1].RawData()[:4]), matrix.FromRows([][]float64{{0.81217268, -0.30587821, -0.26408588, -0.53648431}})},
		{"b2", nw.P.B[2], matrix.FromRows([][]float64{{0.00422137}})},
		{"X", nw.X, matrix.FromRows([][]float64{{0.58281521, -1.10061918}, {1.14472371, 0.90159072}, {0.50249434, 0.90085595}, {-0.68372786, -0.12289023}})},
		{"Y", nw.Y, matrix.FromRows([][]float64{{1, 0}})},
	}
	for _, tt := range tests {
		if !matrix.AllClose(tt.got, tt.want, 0, 5e-9) {
			t.Errorf("Random([4 3 1], 2, 1): %s = %v, want %v", tt.name, tt.got, tt.want)
		}
	}
}
