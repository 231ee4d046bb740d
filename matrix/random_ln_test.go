package matrix

import (
	"math"
	"math/big"
	"testing"
)

// The wanted values are correctly rounded logarithms from Python's decimal
// module: float(Decimal(x).ln()) with getcontext().prec = 50. The r2 inputs
// are those of Gaussian pairs drawn after np.random.seed(1): for pairs 13, 19
// and 44 math.Log rounds to the other neighbour; for the pairs behind draws
// 2176, 6456 and 12046 glibc 2.36's log does (which is why numpy's randn
// differs there, see TestRandnSeed1Digest).
var lnTests = []struct {
	name string
	x    float64
	want float64
}{
	{"1", 1, 0},
	{"2", 2, 0.6931471805599453},
	{"0.5", 0.5, -0.6931471805599453},
	{"10", 10, 2.302585092994046},
	{"0.1", 0.1, -2.3025850929940455},
	{"smallest subnormal", 5e-324, -744.4400719213812},
	{"smallest normal", 2.2250738585072014e-308, -708.3964185322641},
	{"largest float64", 1.7976931348623157e+308, 709.782712893384},
	{"largest below 1", 0.9999999999999999, -1.1102230246251565e-16},
	{"smallest above 1", 1.0000000000000002, 2.2204460492503128e-16},
	{"r2 of pair 13, seed 1", 0.6405787458828258, -0.445383220810781},
	{"r2 of pair 19, seed 1", 0.19151552527934326, -1.6527864016927947},
	{"r2 of pair 44, seed 1", 0.5245119015628553, -0.6452871601489755},
	{"r2 of draw 2176, seed 1", 0.6914425245281446, -0.3689752484277},
	{"r2 of draw 6456, seed 1", 0.812107696190473, -0.20812231683869836},
	{"r2 of draw 12046, seed 1", 0.6785424959809243, -0.3878081694195633},
	{"+Inf", math.Inf(1), math.Inf(1)},
	{"0", 0, math.Inf(-1)},
	{"-0", math.Copysign(0, -1), math.Inf(-1)},
	{"-1", -1, math.NaN()},
	{"-Inf", math.Inf(-1), math.NaN()},
	{"NaN", math.NaN(), math.NaN()},
}

func TestLn(t *testing.T) {
	for _, tt := range lnTests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ln(tt.x); !sameFloat(got, tt.want) {
				t.Errorf("ln(%v) = %v, want %v (math.Log gives %v)", tt.x, got, tt.want, math.Log(tt.x))
			}
		})
	}
}

// lnInputs returns test inputs for ln: n values uniform in (0, 1) the way r2
// is, n values a few ulps either side of 1, and n values scattered over
// every binade from the subnormals to the largest float64.
func lnInputs(n int) []float64 {
	rs := NewRandomState(20240601)
	var xs []float64
	for range n {
		if x := rs.Float64(); x != 0 {
			xs = append(xs, x)
		}
		k := float64(int(rs.uint32()%64) - 32)
		xs = append(xs, 1+k*0x1p-52)
		e := int(rs.uint32()%2098) - 1074
		xs = append(xs, math.Ldexp(1+rs.Float64(), e))
	}
	return xs
}

func TestLnWithinOneUlpOfMathLog(t *testing.T) {
	for _, x := range lnInputs(20000) {
		if x < 0x1p-1022 {
			// math.Log on amd64 mishandles subnormals (golang/go#56600):
			// math.Log(5e-324) = -709.09, not -744.44.
			continue
		}
		if got, want := ln(x), math.Log(x); ulpDiff(got, want) > 1 {
			t.Errorf("ln(%v) = %v, want math.Log's %v within 1 ulp (%d ulps apart)", x, got, want, ulpDiff(got, want))
		}
	}
}

func TestLnCorrectlyRounded(t *testing.T) {
	xs := lnInputs(1000)
	for _, tt := range lnTests {
		if tt.x > 0 && !math.IsInf(tt.x, 1) {
			xs = append(xs, tt.x)
		}
	}
	for _, x := range xs {
		want, _ := lnBig(x).Float64()
		if got := ln(x); got != want {
			t.Errorf("ln(%v) = %v, want %v (the 256-bit logarithm rounded)", x, got, want)
		}
	}
}

// TestLnOracle checks lnBig, the reference of TestLnCorrectlyRounded, against
// the decimal module's values in lnTests.
func TestLnOracle(t *testing.T) {
	for _, tt := range lnTests {
		if tt.x <= 0 || math.IsInf(tt.x, 1) || math.IsNaN(tt.x) {
			continue
		}
		if got, _ := lnBig(tt.x).Float64(); got != tt.want {
			t.Errorf("lnBig(%v) = %v, want %v", tt.x, got, tt.want)
		}
	}
}

func TestLn2Constant(t *testing.T) {
	exact := lnBig(2)
	hi, _ := exact.Float64()
	lo, _ := new(big.Float).SetPrec(lnBigPrec).Sub(exact, big.NewFloat(hi)).Float64()
	if ln2.hi != hi || ln2.lo != lo {
		t.Errorf("ln2 = {%v, %v}, want {%v, %v}", ln2.hi, ln2.lo, hi, lo)
	}
}

// lnBigPrec is the precision, in bits, of lnBig's arithmetic.
const lnBigPrec = 256

// lnBig returns ln x for a finite x > 0 to about lnBigPrec bits, by the
// identity ln uses (x = 2ᵏ·m, ln m = 2·atanh((m-1)/(m+1))) but in math/big
// arithmetic, summing the series until its terms stop mattering.
func lnBig(x float64) *big.Float {
	m, k := math.Frexp(x)
	if m < math.Sqrt2/2 {
		m, k = 2*m, k-1
	}
	num := newBig(m - 1)
	s := newBig(0).Quo(num, newBig(0).Add(newBig(m), newBig(1)))
	r := newBig(0).Mul(atanhBig(s), newBig(2))
	return r.Add(r, newBig(0).Mul(ln2Big, newBig(float64(k))))
}

// ln2Big is ln 2 = 2·atanh(1/3) to lnBigPrec bits.
var ln2Big = newBig(0).Mul(atanhBig(newBig(0).Quo(newBig(1), newBig(3))), newBig(2))

// atanhBig returns s + s³/3 + s⁵/5 + … for |s| < 1/2.
func atanhBig(s *big.Float) *big.Float {
	sum := newBig(0).Set(s)
	z := newBig(0).Mul(s, s)
	pow := newBig(0).Set(s)
	for i := 1; ; i++ {
		pow.Mul(pow, z)
		term := newBig(0).Quo(pow, newBig(float64(2*i+1)))
		if term.Sign() == 0 || term.MantExp(nil)-sum.MantExp(nil) < -lnBigPrec-8 {
			return sum
		}
		sum.Add(sum, term)
	}
}

func newBig(x float64) *big.Float { return new(big.Float).SetPrec(lnBigPrec).SetFloat64(x) }

// ulpDiff returns how many float64s apart a and b are, counting across zero;
// infinities count as the next step beyond the largest float64, and any NaN
// is infinitely far.
func ulpDiff(a, b float64) uint64 {
	if math.IsNaN(a) || math.IsNaN(b) {
		return math.MaxUint64
	}
	ia, ib := orderedBits(a), orderedBits(b)
	if ia > ib {
		return uint64(ia - ib)
	}
	return uint64(ib - ia)
}

// orderedBits maps float64s to integers in the same order, consecutive
// floats to consecutive integers, -0 and +0 both to 0.
func orderedBits(x float64) int64 {
	b := int64(math.Float64bits(x) &^ (1 << 63))
	if math.Signbit(x) {
		return -b
	}
	return b
}

// sameFloat reports whether a and b have the same bits, or are both NaN.
func sameFloat(a, b float64) bool {
	if math.IsNaN(a) || math.IsNaN(b) {
		return math.IsNaN(a) && math.IsNaN(b)
	}
	return math.Float64bits(a) == math.Float64bits(b)
}
