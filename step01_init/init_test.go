package step01_init

import (
	"strconv"
	"testing"

	"dnn/internal/testutil"
	"dnn/matrix"
)

// Expected values: the course's public test cases (cases.json, recomputed
// with numpy 1.24 and checked against the notebook's printed values); the
// application's variant computed with numpy 1.24:
// np.random.seed(1); np.random.randn(4,5)/np.sqrt(5); np.random.randn(3,4)/np.sqrt(4).
var tests = []testutil.Case{
	{
		Name: "initialize_parameters",
		Run: func() testutil.Outputs {
			return outputs(InitializeParameters(matrix.NewRandomState(1), 3, 2, 1))
		},
		Want: testutil.Outputs{
			"W1": matrix.FromRows([][]float64{
				{0.01624345363663242, -0.006117564136500754, -0.005281717522634557},
				{-0.010729686221561705, 0.008654076293246785, -0.02301538696880283},
			}),
			"W2": matrix.FromRows([][]float64{
				{0.0174481176421648, -0.007612069008951028},
			}),
			"b1": matrix.Zeros(2, 1),
			"b2": matrix.Zeros(1, 1),
		},
	},
	{
		Name: "initialize_parameters_deep",
		Run: func() testutil.Outputs {
			return outputs(InitializeParametersDeep(matrix.NewRandomState(3), []int{5, 4, 3}))
		},
		Want: testutil.Outputs{
			"W1": matrix.FromRows([][]float64{
				{0.017886284734303187, 0.004365098505119894, 0.0009649746807200863, -0.01863492703364491, -0.0027738820251439907},
				{-0.0035475897926898676, -0.0008274148148245977, -0.0062700067682384735, -0.0004381816897592824, -0.004772180303595027},
				{-0.013138647533626821, 0.008846223804995846, 0.008813180422075299, 0.017095730636529485, 0.0005003364217686021},
				{-0.0040467741460089085, -0.0054535994761953045, -0.015464773155829684, 0.009823674342581601, -0.011010676301114757},
			}),
			"W2": matrix.FromRows([][]float64{
				{-0.011850465270201728, -0.0020564989942254107, 0.014861483550745902, 0.0023671626722691235},
				{-0.010237851399264681, -0.007129932001120494, 0.006252449661628293, -0.0016051336318692391},
				{-0.0076883635031923005, -0.0023003072227793906, 0.007450562664053709, 0.019761107831263027},
			}),
			"b1": matrix.Zeros(4, 1),
			"b2": matrix.Zeros(3, 1),
		},
	},
	{
		Name: "initialize_parameters_deep (application: seed 1, divided by sqrt(n[l-1]))",
		Run: func() testutil.Outputs {
			return outputs(InitializeParametersDeepApp(matrix.NewRandomState(1), []int{5, 4, 3}))
		},
		Want: testutil.Outputs{
			"W1": matrix.FromRows([][]float64{
				{0.726429330417525, -0.2735857853186097, -0.23620558837125305, -0.4798461553730968, 0.3870220574833843},
				{-1.029279395814119, 0.7803035425458769, -0.34042207506867905, 0.1426786212527515, -0.1115218222284271},
				{0.653874547534909, -0.9213229339302802, -0.14418935705792416, -0.17175432881867822, 0.5070371087748131},
				{-0.49188632831451307, -0.07711223866424337, -0.39259021941852135, 0.01887856144820481, 0.2606428872379293},
			}),
			"W2": matrix.FromRows([][]float64{
				{-0.5503095886064606, 0.5723618549198071, 0.4507953602963978, 0.2512471694509341},
				{0.4504279746322059, -0.34186392958716655, -0.061445112759324086, -0.4678847171295344},
				{-0.13394403981300795, 0.265177733369093, -0.3458303758626545, -0.19837676342798868},
			}),
			"b1": matrix.Zeros(4, 1),
			"b2": matrix.Zeros(3, 1),
		},
	},
}

// outputs names p's matrices as the notebook's dictionary does: W1, b1, ...
func outputs(p Parameters) testutil.Outputs {
	out := testutil.Outputs{}
	for l := 1; l <= p.L(); l++ {
		out["W"+strconv.Itoa(l)], out["b"+strconv.Itoa(l)] = p.W[l], p.B[l]
	}
	return out
}

func TestStep01Init(t *testing.T) { testutil.RunCases(t, "step01_init", tests) }
