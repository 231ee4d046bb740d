package matrix

import (
	"math"
	"testing"
)

// The wanted strings are what numpy 1.24's print(np.array(...)) shows.
func TestString(t *testing.T) {
	tests := []struct {
		rows [][]float64
		want string
	}{
		{[][]float64{{3.4389613134945427, 0}}, "[[3.43896131 0.        ]]"},
		{[][]float64{{0.01624345363663242, -0.006117564136500754, -0.005281717522634557}, {-0.010729686221561705, 0.008654076293246785, -0.02301538696880283}},
			"[[ 0.01624345 -0.00611756 -0.00528172]\n [-0.01072969  0.00865408 -0.02301539]]"},
		{[][]float64{{1, 2}, {3, 4}}, "[[1. 2.]\n [3. 4.]]"},
		{[][]float64{{1.5, -2.25}}, "[[ 1.5  -2.25]]"},
		{[][]float64{{1e-5, 1.5}}, "[[1.0e-05 1.5e+00]]"},
		{[][]float64{{0}, {0}}, "[[0.]\n [0.]]"},
		{[][]float64{{math.NaN(), 1}}, "[[nan  1.]]"},
	}
	for _, tt := range tests {
		if got := FromRows(tt.rows).String(); got != tt.want {
			t.Errorf("FromRows(%v).String() =\n%s\nwant\n%s", tt.rows, got, tt.want)
		}
	}
}
