package gradcheck

import (
	"strings"
	"testing"

	"dnn/internal/testutil"
	"dnn/matrix"
	"dnn/step02_forward"
	"dnn/step04_backward"
)

// TestCheck checks LModelBackward on networks of several depths, each for
// m = 3..6 examples. The overall differences measured are between 1e-9 and
// 3e-8 for these seeds, well below the course's 1e-7.
func TestCheck(t *testing.T) {
	tests := []struct {
		dims []int
		seed uint32
	}{
		{[]int{4, 3, 1}, 1},
		{[]int{5, 4, 3, 1}, 1},
		{[]int{3, 5, 4, 2, 1}, 1},
		{[]int{3, 5, 4, 2, 1}, 3},
	}
	for _, tt := range tests {
		for m := 3; m <= 6; m++ {
			nw, err := Random(tt.dims, m, tt.seed)
			if err != nil {
				t.Fatalf("Random(%v, %d, %d) error: %v", tt.dims, m, tt.seed, err)
			}
			res, err := Check(nw)
			if err != nil {
				t.Fatalf("Check(%v, m=%d, seed %d) error: %v", tt.dims, m, tt.seed, err)
			}
			if !res.Passed() {
				t.Errorf("Check(%v, m=%d, seed %d) difference = %.3g, want below %g; per parameter: %+v", tt.dims, m, tt.seed, res.Difference, Threshold, res.Params)
			}
			if want := 2 * (len(tt.dims) - 1); len(res.Params) != want {
				t.Errorf("Check(%v, m=%d) gave %d parameters, want %d", tt.dims, m, len(res.Params), want)
			}
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
		{[]int{3074457345618258603, 3, 1}, 3, 1, "too many"}, // the count would overflow an int
		{[]int{5, 4, 3, 1}, 4, 2, "within 1e-05 of its kink"},
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
		{"W1 row 0", matrix.New(1, 4, nw.P.W[1].Row(0)), matrix.FromRows([][]float64{{0.81217268, -0.30587821, -0.26408588, -0.53648431}})},
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
