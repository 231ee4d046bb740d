package step04_backward

import (
	"testing"

	"dnn/internal/testutil"
	"dnn/matrix"
	"dnn/step02_forward"
)

// lModelBackwardCase draws the inputs of the course's L_model_backward test
// case: np.random.seed(3), then AL, and for each of the two layers A_prev,
// W, b, Z, with Y = [[1, 0]]. AL is drawn, not computed.
func lModelBackwardCase() (AL, Y *matrix.Dense, caches []step02_forward.Cache) {
	rs := matrix.NewRandomState(3)
	AL = rs.Randn(1, 2)
	Y = matrix.FromRows([][]float64{{1, 0}})
	layer := func(n, nPrev int) step02_forward.Cache {
		A, W, b := rs.Randn(nPrev, 2), rs.Randn(n, nPrev), rs.Randn(n, 1)
		Z := rs.Randn(n, 2)
		return step02_forward.Cache{
			Linear:     step02_forward.LinearCache{APrev: A, W: W, B: b},
			Activation: step02_forward.ActivationCache{Z: Z},
		}
	}
	caches = append(caches, layer(3, 4))
	caches = append(caches, layer(1, 3))
	return AL, Y, caches
}

// lModelBackwardWant is the course's expected output of L_model_backward
// (cases.json, recomputed with numpy 1.24 and checked against the
// notebook's printed values).
var lModelBackwardWant = testutil.Outputs{
	"dA0": matrix.FromRows([][]float64{
		{0.0, 0.522579012261749},
		{0.0, -0.32692060097785447},
		{0.0, -0.3207040360847321},
		{0.0, -0.7407918718384887},
	}),
	"dA1": matrix.FromRows([][]float64{
		{0.1291316175545915, -0.4401412678058249},
		{-0.1417565465329586, 0.48317296176062136},
		{0.016637075426056504, -0.05670697548189487},
	}),
	"dW1": matrix.FromRows([][]float64{
		{0.4101000205028755, 0.07807203345047609, 0.13798443640617922, 0.10502167445111507},
		{0.0, 0.0, 0.0, 0.0},
		{0.052836517520190085, 0.01005865436969424, 0.0177776560038907, 0.01353079557355724},
	}),
	"db1": matrix.FromRows([][]float64{
		{-0.22007063390291245},
		{0.0},
		{-0.028353487740947435},
	}),
	"dW2": matrix.FromRows([][]float64{
		{-0.392024321654423, -0.1332585501664456, -0.04601088924542733},
	}),
	"db2": matrix.FromRows([][]float64{
		{0.15187860780843926},
	}),
}

// Expected values: the course's public test cases (cases.json, recomputed
// with numpy 1.24 and checked against the notebook's printed values). Each
// case draws its inputs with np.random.seed(seed) then np.random.randn, in
// the order written.
var tests = []testutil.Case{
	{
		Name: "linear_backward",
		Run: func() testutil.Outputs {
			rs := matrix.NewRandomState(1)
			dZ, APrev, W, b := rs.Randn(3, 4), rs.Randn(5, 4), rs.Randn(3, 5), rs.Randn(3, 1)
			dAPrev, dW, db := LinearBackward(dZ, step02_forward.LinearCache{APrev: APrev, W: W, B: b})
			return testutil.Outputs{"dA_prev": dAPrev, "dW": dW, "db": db}
		},
		Want: testutil.Outputs{
			"dA_prev": matrix.FromRows([][]float64{
				{-1.151713362800674, 0.06718465115487993, -0.3204695951240231, 2.0981271157690573},
				{0.6034587881597019, -3.725087007081199, 5.817007414837717, -3.8432683612931164},
				{-0.4319552024857888, -1.309874173571225, 1.7235470475890922, 0.050705776358989506},
				{-0.38981414839982087, 0.6081124403750794, -1.259384235864949, 1.4719159268171638},
				{-2.5221492584556406, 2.678825515032264, -0.6794746486966324, 1.4811954761548511},
			}),
			"dW": matrix.FromRows([][]float64{
				{0.07313866218612716, -0.09767149686597656, -0.8758582845472835, 0.7376336184595694, 0.00785715946106047},
				{0.855088183651413, 0.3753041280392743, -0.5991265527518606, 0.7127818943133358, -0.5893180778933307},
				{0.9791330403844923, -0.2437649374859614, -0.08839670601518547, 0.5515119182005701, -0.10290907379316316},
			}),
			"db": matrix.FromRows([][]float64{
				{-0.14713785610161495},
				{-0.11313155105855677},
				{-0.13209101296824788},
			}),
		},
	},
	{
		Name: "linear_activation_backward",
		Run: func() testutil.Outputs {
			rs := matrix.NewRandomState(2)
			dA, APrev, W, b, Z := rs.Randn(1, 2), rs.Randn(3, 2), rs.Randn(1, 3), rs.Randn(1, 1), rs.Randn(1, 2)
			cache := step02_forward.Cache{
				Linear:     step02_forward.LinearCache{APrev: APrev, W: W, B: b},
				Activation: step02_forward.ActivationCache{Z: Z},
			}
			out := testutil.Outputs{}
			out["sigmoid: dA_prev"], out["sigmoid: dW"], out["sigmoid: db"] = LinearActivationBackward(dA, cache, step02_forward.SigmoidActivation)
			out["relu: dA_prev"], out["relu: dW"], out["relu: db"] = LinearActivationBackward(dA, cache, step02_forward.ReluActivation)
			return out
		},
		Want: testutil.Outputs{
			"sigmoid: dA_prev": matrix.FromRows([][]float64{
				{0.11017993605984744, 0.011053394707826071},
				{0.09466817036241483, 0.009497234167163682},
				{-0.057430922006483635, -0.005761544906208916},
			}),
			"sigmoid: dW": matrix.FromRows([][]float64{
				{0.10266786376828207, 0.09778550500304704, -0.019680842338378784},
			}),
			"sigmoid: db": matrix.FromRows([][]float64{
				{-0.057296222176291135},
			}),
			"relu: dA_prev": matrix.FromRows([][]float64{
				{0.4409098893909097, 0.0},
				{0.37883605687209465, 0.0},
				{-0.2298228005482083, 0.0},
			}),
			"relu: dW": matrix.FromRows([][]float64{
				{0.44513824323337786, 0.37371417697309084, -0.1047898884574992},
			}),
			"relu: db": matrix.FromRows([][]float64{
				{-0.2083789237027353},
			}),
		},
	},
	{
		Name: "L_model_backward",
		Run: func() testutil.Outputs {
			g := LModelBackward(lModelBackwardCase())
			return testutil.Outputs{
				"dA0": g.DA[0], "dA1": g.DA[1],
				"dW1": g.DW[1], "db1": g.DB[1],
				"dW2": g.DW[2], "db2": g.DB[2],
			}
		},
		Want: lModelBackwardWant,
	},
}

func TestStep04Backward(t *testing.T) { testutil.RunCases(t, "step04_backward", tests) }
