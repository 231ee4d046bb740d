package matrix

import (
	"fmt"
	"math"
)

// RandomState reproduces numpy's legacy random numbers (np.random.seed,
// np.random.rand, np.random.randn) draw for draw, so that weights drawn here
// equal the ones the course draws in Python.
//
// Underneath is the Mersenne Twister MT19937: 624 32-bit words of state,
// regenerated all at once every 624 draws, each word scrambled ("tempered")
// on its way out. Rand builds a double from two 32-bit draws; Randn turns
// pairs of uniform doubles into two Gaussians and keeps the second one for
// its next call.
//
// The zero RandomState is not ready for use; call NewRandomState.
type RandomState struct {
	mt       [mtN]uint32 // the generator's state
	pos      int         // index of the next word of mt to hand out; mtN: regenerate first
	hasGauss bool        // gauss holds the second Gaussian of the last pair
	gauss    float64
}

// MT19937's parameters.
const (
	mtN       = 624        // words of state
	mtM       = 397        // the middle word mixed into each new word
	mtMatrixA = 0x9908b0df // the twist's constant
	mtUpper   = 0x80000000 // the top bit of a word
	mtLower   = 0x7fffffff // the other 31 bits
)

// NewRandomState returns a generator seeded like np.random.seed(seed): the
// first word of state is seed and each next word is
//
//	mt[i] = 1812433253 * (mt[i-1] XOR (mt[i-1] >> 30)) + i   (mod 2³²)
//
// for i = 1..623; the first draw regenerates the whole state, and no
// Gaussian is cached.
func NewRandomState(seed uint32) *RandomState {
	rs := &RandomState{pos: mtN}
	rs.mt[0] = seed
	for i := 1; i < mtN; i++ {
		prev := rs.mt[i-1]
		rs.mt[i] = 1812433253*(prev^(prev>>30)) + uint32(i)
	}
	return rs
}

// uint32 returns the next 32-bit draw of MT19937.
func (rs *RandomState) uint32() uint32 {
	if rs.pos == mtN {
		rs.twist()
	}
	y := rs.mt[rs.pos]
	rs.pos++
	y ^= y >> 11
	y ^= (y << 7) & 0x9d2c5680
	y ^= (y << 15) & 0xefc60000
	y ^= y >> 18
	return y
}

// twist regenerates all 624 words of state: each new word joins the top bit
// of word i with the low 31 bits of word i+1, shifts that right by one, adds
// (XOR) the constant when the bit shifted out was 1, and XORs in word i+397.
// Words past the end wrap around to the already regenerated start.
func (rs *RandomState) twist() {
	for i := 0; i < mtN; i++ {
		y := rs.mt[i]&mtUpper | rs.mt[(i+1)%mtN]&mtLower
		v := rs.mt[(i+mtM)%mtN] ^ y>>1
		if y&1 != 0 {
			v ^= mtMatrixA
		}
		rs.mt[i] = v
	}
	rs.pos = 0
}

// Float64 returns one uniform double in [0, 1), the value np.random.rand()
// would return. It takes two 32-bit draws a and b and joins their top 27 and
// 26 bits into a 53-bit integer, which it divides by 2⁵³:
//
//	(a>>5 · 2²⁶ + b>>6) / 2⁵³
//
// Every step is exact, so the result equals numpy's bit for bit.
func (rs *RandomState) Float64() float64 {
	a := rs.uint32() >> 5
	b := rs.uint32() >> 6
	return (float64(a)*67108864 + float64(b)) / 9007199254740992
}

// NormFloat64 returns one standard normal draw, the value np.random.randn()
// would return. It uses the polar Box–Muller method: pick a point (x1, x2)
// uniformly in the square [-1, 1)², retry until it falls strictly inside the
// unit circle (and is not the centre), and with r2 = x1² + x2² and
// f = sqrt(-2 ln(r2) / r2) both f·x1 and f·x2 are independent Gaussians.
// It returns f·x2 and keeps f·x1 for its next call.
func (rs *RandomState) NormFloat64() float64 {
	if rs.hasGauss {
		rs.hasGauss = false
		g := rs.gauss
		rs.gauss = 0
		return g
	}
	var x1, x2, r2 float64
	for {
		x1 = 2*rs.Float64() - 1
		x2 = 2*rs.Float64() - 1
		// The conversions keep each square rounded on its own, as numpy's C
		// code does, rather than letting the compiler fuse them into an FMA.
		r2 = float64(x1*x1) + float64(x2*x2)
		if r2 < 1 && r2 != 0 {
			break
		}
	}
	// ln, not math.Log: numpy's log rounds correctly, math.Log sometimes to
	// the other neighbour, which would change the draw's last bit.
	f := math.Sqrt(-2 * ln(r2) / r2)
	rs.gauss = f * x1
	rs.hasGauss = true
	return f * x2
}

// Rand returns a (rows, cols) matrix of uniform draws in [0, 1), filled in
// row-major order: np.random.rand(rows, cols). (np.random.rand(n) gives the
// values of Rand(1, n).) Rand neither uses nor clears the cached Gaussian.
// It panics if rows or cols is negative.
func (rs *RandomState) Rand(rows, cols int) *Dense {
	m := randomZeros("Rand", rows, cols)
	for i := range m.data {
		m.data[i] = rs.Float64()
	}
	return m
}

// Randn returns a (rows, cols) matrix of standard normal draws, filled in
// row-major order: np.random.randn(rows, cols). (np.random.randn(n) gives
// the values of Randn(1, n).) Gaussians come in pairs, so after an odd
// number of draws one is left cached for the next Randn or NormFloat64.
// It panics if rows or cols is negative.
func (rs *RandomState) Randn(rows, cols int) *Dense {
	m := randomZeros("Randn", rows, cols)
	for i := range m.data {
		m.data[i] = rs.NormFloat64()
	}
	return m
}

func randomZeros(op string, rows, cols int) *Dense {
	if rows < 0 || cols < 0 {
		panic(fmt.Sprintf("matrix: %s: negative dimension (%d,%d)", op, rows, cols))
	}
	return Zeros(rows, cols)
}
