package step02_forward

import (
	"strconv"
	"testing"

	"dnn/internal/testutil"
	"dnn/matrix"
	"dnn/step01_init"
)

// Expected values: the course's public test cases (cases.json, recomputed
// with numpy 1.24 and checked against the notebook's printed values). Each
// case draws its inputs with np.random.seed(seed) then np.random.randn, in
// the order written.
var tests = []testutil.Case{
	{
		Name: "linear_forward",
		Run: func() testutil.Outputs {
			rs := matrix.NewRandomState(1)
			A, W, b := rs.Randn(3, 2), rs.Randn(1, 3), rs.Randn(1, 1)
			Z, _ := LinearForward(A, W, b)
			return testutil.Outputs{"Z": Z}
		},
		Want: testutil.Outputs{
			"Z": matrix.FromRows([][]float64{
				{3.262953374654174, -1.2342998686128757},
			}),
		},
	},
	{
		Name: "linear_activation_forward",
		Run: func() testutil.Outputs {
			rs := matrix.NewRandomState(2)
			APrev, W, b := rs.Randn(3, 2), rs.Randn(1, 3), rs.Randn(1, 1)
			ASigmoid, sigmoidCache := LinearActivationForward(APrev, W, b, SigmoidActivation)
			ARelu, reluCache := LinearActivationForward(APrev, W, b, ReluActivation)
			return testutil.Outputs{
				"A with sigmoid": ASigmoid, "Z in the sigmoid cache": sigmoidCache.Activation.Z,
				"A with relu": ARelu, "Z in the relu cache": reluCache.Activation.Z,
			}
		},
		Want: testutil.Outputs{
			"A with sigmoid": matrix.FromRows([][]float64{
				{0.968900232783661, 0.11013289483978989},
			}),
			"A with relu": matrix.FromRows([][]float64{
				{3.4389613134945427, 0.0},
			}),
			"Z in the sigmoid cache": matrix.FromRows([][]float64{
				{3.4389613134945427, -2.089384360040248},
			}),
			"Z in the relu cache": matrix.FromRows([][]float64{
				{3.4389613134945427, -2.089384360040248},
			}),
		},
	},
	{
		Name: "L_model_forward",
		Run: func() testutil.Outputs {
			rs := matrix.NewRandomState(6)
			X := rs.Randn(5, 4)
			p := step01_init.Parameters{W: make([]*matrix.Dense, 4), B: make([]*matrix.Dense, 4)}
			p.W[1], p.B[1] = rs.Randn(4, 5), rs.Randn(4, 1)
			p.W[2], p.B[2] = rs.Randn(3, 4), rs.Randn(3, 1)
			p.W[3], p.B[3] = rs.Randn(1, 3), rs.Randn(1, 1)
			AL, caches := LModelForward(X, p)
			out := testutil.Outputs{"AL": AL, "len(caches)": matrix.Scalar(float64(len(caches)))}
			for l, c := range caches {
				out["Z"+strconv.Itoa(l+1)] = c.Activation.Z
			}
			return out
		},
		Want: testutil.Outputs{
			"AL": matrix.FromRows([][]float64{
				{0.039216679222503596, 0.7049892075012225, 0.19734387234713996, 0.04728177161977345},
			}),
			"Z1": matrix.FromRows([][]float64{
				{-5.238257135875045, 3.180401364509997, 0.4074500965197685, -1.886127206379437},
				{-2.773582344254996, -0.5617731559132766, 3.181416230473628, -0.9920943194670946},
				{4.185009161253401, -1.7800690896818316, -0.1450261916667035, 2.7214163842966395},
				{5.058508017467773, -1.2567408231817776, -3.5456665432308934, 3.8232185195608572},
			}),
			"Z2": matrix.FromRows([][]float64{
				{2.264460296660472, 1.0997129815401192, -2.9029802676760155, 1.5403633455542232},
				{6.337225694336404, -2.3811624605742376, -4.112288064237939, 4.4858238290495045},
				{10.375083420400893, -0.665914681465932, 1.6363518504560581, 8.178701694818594},
			}),
			"Z3": matrix.FromRows([][]float64{
				{-3.1986467642203724, 0.8711705537739547, -1.4029786357194685, -3.0031943487160246},
			}),
			"len(caches)": matrix.Scalar(3),
		},
	},
}

func TestStep02Forward(t *testing.T) { testutil.RunCases(t, "step02_forward", tests) }
