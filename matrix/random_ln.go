package matrix

import "math"

// ln returns the natural logarithm of x, correctly rounded: the float64
// nearest the exact ln x. Special cases are those of math.Log: ln(+Inf) =
// +Inf, ln(0) = -Inf, ln(x < 0) = NaN, ln(NaN) = NaN.
//
// It exists for NormFloat64. numpy computes its Gaussians with the C
// library's log, which rounds correctly for practically every input;
// math.Log is within one ulp but now and then rounds to the other
// neighbour, and the Gaussian would then differ from numpy's in its last bit.
//
// Method: write x = 2ᵏ·m with m in [√½, √2), so that
//
//	ln x = k·ln 2 + ln m,   ln m = 2·atanh(s) = 2(s + s³/3 + s⁵/5 + …),   s = (m-1)/(m+1).
//
// With |s| ≤ 0.1716 the series needs 21 terms to reach 2⁻¹⁰⁶. Everything is
// computed in double-double arithmetic (see dd) and rounded to float64 once,
// at the end. The error before that rounding is far below 2⁻¹⁰⁰ relative, so
// the result can only be wrong if ln x lies that close to a midpoint between
// two float64s.
func ln(x float64) float64 {
	switch {
	case math.IsNaN(x) || x < 0:
		return math.NaN()
	case x == 0:
		return math.Inf(-1)
	case math.IsInf(x, 1):
		return x
	}
	m, k := math.Frexp(x) // x = m·2ᵏ, m in [½, 1)
	if m < math.Sqrt2/2 {
		m, k = 2*m, k-1
	}
	// m-1 is exact for m in [½, 2]; m+1 is kept exactly as a double-double.
	s := ddDiv(dd{m - 1, 0}, twoSum(m, 1))
	z := ddMul(s, s)
	p := atanhCoef[len(atanhCoef)-1]
	for i := len(atanhCoef) - 2; i >= 0; i-- {
		p = ddAdd(ddMul(p, z), atanhCoef[i])
	}
	lnm := ddMul(s, p)
	lnm = dd{2 * lnm.hi, 2 * lnm.lo}
	r := ddAdd(ddMulFloat(ln2, float64(k)), lnm)
	return r.hi + r.lo
}

// atanhCoef holds 1/(2i+1) for i = 0..20, the coefficients of
// atanh(s)/s = 1 + z/3 + z²/5 + … in z = s²: z ≤ 0.0295, so z²¹/43 < 2⁻¹⁰⁶.
var atanhCoef = func() (c [21]dd) {
	for i := range c {
		c[i] = ddDiv(dd{1, 0}, dd{float64(2*i + 1), 0})
	}
	return c
}()

// ln2 is ln 2 to about 107 bits: hi is ln 2 rounded to float64, lo is the
// rest rounded to float64.
var ln2 = dd{
	math.Float64frombits(0x3fe62e42fefa39ef), // 0.6931471805599453
	math.Float64frombits(0x3c7abc9e3b39803f), // 2.3190468138462996e-17
}

// dd is a double-double: the unevaluated sum hi + lo of two float64s with
// |lo| ≤ ½ ulp(hi), which carries about 106 bits. The operations below are the
// classical error-free transformations (Knuth's TwoSum, Dekker's product via
// FMA) and the double-double sum, product and quotient built from them; each
// has a relative error of a few units of 2⁻¹⁰⁶.
type dd struct{ hi, lo float64 }

// twoSum returns a + b exactly as a normalised double-double.
func twoSum(a, b float64) dd {
	s := a + b
	bb := s - a
	return dd{s, (a - (s - bb)) + (b - bb)}
}

// fastTwoSum returns a + b exactly; it requires |a| >= |b| (or a == 0).
func fastTwoSum(a, b float64) dd {
	s := a + b
	return dd{s, b - (s - a)}
}

// twoProd returns a·b exactly: the rounded product and its rounding error,
// which an FMA computes exactly.
func twoProd(a, b float64) dd {
	p := a * b
	return dd{p, math.FMA(a, b, -p)}
}

// ddAdd returns x + y.
func ddAdd(x, y dd) dd {
	s := twoSum(x.hi, y.hi)
	t := twoSum(x.lo, y.lo)
	s = fastTwoSum(s.hi, s.lo+t.hi)
	return fastTwoSum(s.hi, s.lo+t.lo)
}

// ddMul returns x·y.
func ddMul(x, y dd) dd {
	p := twoProd(x.hi, y.hi)
	return fastTwoSum(p.hi, p.lo+(x.hi*y.lo+x.lo*y.hi))
}

// ddMulFloat returns x·f.
func ddMulFloat(x dd, f float64) dd {
	p := twoProd(x.hi, f)
	return fastTwoSum(p.hi, p.lo+x.lo*f)
}

// ddDiv returns x/y: a first quotient q1 = x.hi/y.hi, then the remainder
// x - q1·y divided again for a correction q2, and once more for q3.
func ddDiv(x, y dd) dd {
	q1 := x.hi / y.hi
	r := ddAdd(x, ddMulFloat(dd{-y.hi, -y.lo}, q1))
	q2 := r.hi / y.hi
	r = ddAdd(r, ddMulFloat(dd{-y.hi, -y.lo}, q2))
	q3 := r.hi / y.hi
	q := fastTwoSum(q1, q2)
	return ddAdd(q, dd{q3, 0})
}
