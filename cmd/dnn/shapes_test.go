package main

import (
	"strings"
	"testing"
)

func TestShapes(t *testing.T) {
	want := `X = A0 is (12288,209): 12288 features for each of the 209 examples.

layer        W              b          Z            A            dW              db          params
1 (ReLU)     W1 (20,12288)  b1 (20,1)  Z1 (20,209)  A1 (20,209)  dW1 (20,12288)  db1 (20,1)  245780
2 (ReLU)     W2 (7,20)      b2 (7,1)   Z2 (7,209)   A2 (7,209)   dW2 (7,20)      db2 (7,1)   147
3 (ReLU)     W3 (5,7)       b3 (5,1)   Z3 (5,209)   A3 (5,209)   dW3 (5,7)       db3 (5,1)   40
4 (sigmoid)  W4 (1,5)       b4 (1,1)   Z4 (1,209)   A4 (1,209)   dW4 (1,5)       db4 (1,1)   6
total                                                                                        245973

AL = A4 is (1,209); dZ[l] and dA[l] have the shapes of Z[l] and A[l].
`
	for _, args := range [][]string{
		{"shapes", "12288,20,7,5,1", "-m", "209"},
		{"shapes", "-m", "209", "12288,20,7,5,1"},
		{"shapes", "-m=209", "12288, 20, 7, 5, 1"},
	} {
		stdout, stderr, status := execDNN(args...)
		if status != 0 || stderr != "" || stdout != want {
			t.Errorf("dnn %s: status %d, stderr %q, stdout\n%s\nwant status 0 and\n%s", strings.Join(args, " "), status, stderr, stdout, want)
		}
	}
	stdout, _, status := execDNN("shapes", "12288,7,1")
	for _, want := range []string{"X = A0 is (12288,m)", "1 (ReLU)     W1 (7,12288)", "Z1 (7,m)", "2 (sigmoid)", "total", "86023"} {
		if status != 0 || !strings.Contains(stdout, want) {
			t.Errorf("dnn shapes 12288,7,1 (no -m): status %d, stdout\n%s\nwant it to contain %q", status, stdout, want)
		}
	}
}

func TestShapesErrors(t *testing.T) {
	tests := []struct {
		args   []string
		phrase string
	}{
		{[]string{"shapes"}, "give the layer sizes"},
		{[]string{"shapes", "-m", "209"}, "give the layer sizes"},
		{[]string{"shapes", "12288,x,1"}, "each layer size must be a whole number above 0"},
		{[]string{"shapes", "12288,0,1"}, "each layer size must be a whole number above 0"},
		{[]string{"shapes", "12288"}, "need at least the input size and the output size"},
		{[]string{"shapes", "12288,7,1", "5"}, `unexpected argument "5"`},
		{[]string{"shapes", "12288,7,1", "-m", "-3"}, "-m -3: the number of examples cannot be negative"},
		{[]string{"shapes", "12288,7,1", "-m", "many"}, `invalid value "many" for flag -m`},
		{[]string{"shapes", "-n", "3", "12288,7,1"}, "flag provided but not defined: -n"},
		{[]string{"shapes", "4000000000,4000000000,4000000000,1"}, "too many parameters to count"},
	}
	for _, tt := range tests {
		stdout, stderr, status := execDNN(tt.args...)
		wantOneLineError(t, tt.args, stderr, status, "dnn shapes: ", tt.phrase)
		if stdout != "" {
			t.Errorf("dnn %s printed %q, want nothing on stdout", strings.Join(tt.args, " "), stdout)
		}
	}
}
