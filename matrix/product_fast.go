package matrix

import (
	"runtime"
	"sync"
)

// The fast path computes C = A·B, C (n, p), A (n, k), B (k, p), for all three
// products at once: Dot, DotTA and DotTB differ only in how A and B lie in
// memory, which strides describe (see gemmOp).
//
// Blocking. The work is cut as in GotoBLAS, so that what each loop reuses
// stays in a cache close to the core:
//
//	for jc in steps of nc          columns of C and B: a kc×nc block of B stays in L2
//	  for pc in steps of kc        depth: the partial sums are carried in C
//	    for ic in steps of mc      rows of C and A: an mc×kc block of A stays in L2
//	      for jr in steps of NR    a kc×NR panel of B, which stays in L1
//	        kernel: for each MR rows of the block, the MR×NR tile of C,
//	                its sums in registers, over the depth kc
//
// MR×NR is the kernel's tile (4×24 for AVX-512: 12 registers of 8 sums).
// The kernel loads NR neighbouring elements of a row of B, and stores NR
// neighbouring elements of a row of C, at once. So it reads A, B and C
// where they lie when the rows of B and of C are contiguous; otherwise each
// kc×nc block of B is first copied into contiguous kc×NR panels, and C goes
// through a one-tile buffer. Tiles at the right and bottom edges are simply
// smaller. While it works on one panel of B, the kernel may prefetch the
// next one (see kernelFunc).
//
// Orientation. C = A·B and Cᵀ = Bᵀ·Aᵀ are the same sums. DotTB (C = A·bᵀ) has
// b's rows as B's columns, which the kernel cannot load at once; it is
// computed as Cᵀ = b·Aᵀ when that needs fewer copies: for dW = dZ·Xᵀ the
// copies are then of dZ and dW, not of the much larger X.
//
// Goroutines. C is cut into as many strips as there are goroutines, along
// its rows or its columns, whichever has more tiles. A goroutine owns its
// strip and runs the loops above over it, for the whole depth k.
//
// Determinism. Each element of C is computed by one kernel call per kc
// block, in order of pc, each continuing the sum left in C by the previous
// one, and every kernel adds the products of an element in order of l with
// one fused multiply-add each (see kernel). So the result is the same
// whatever the orientation, the blocks, the tiles, the strips or the number
// of goroutines.
const (
	// kc is the depth of a block: kcPacked when B is copied into panels,
	// kcInPlace when the kernel reads B where it lies. A kc×NR panel of B
	// must stay in L1 while the kernel walks down A; read in place, its rows
	// are wider than NR (they start at any alignment), so it is shallower.
	kcPacked  = 256
	kcInPlace = 64

	mc = 120  // rows of a block of A (a multiple of every kernel's mr)
	nc = 1920 // columns of a block of B (a multiple of every kernel's nr)

	// minWork is the least work, in multiply-adds, worth handing to
	// another goroutine: a few microseconds of it.
	minWork = 1 << 17
)

// gemmOp is one product C = A·B on the fast path, with
//
//	A[i][l] = a[i*ar + l*ac]
//	B[l][j] = b[l*br + j*bc]
//	C[i][j] = c[i*cr + j*cc]
type gemmOp struct {
	n, k, p int
	a       []float64
	ar, ac  int
	b       []float64
	br, bc  int
	c       []float64
	cr, cc  int
	kern    *kernel
}

// gemm writes A·B into dst (n, p) using the active kernel, with A and B as
// described by gemmOp.
func gemm(dst *Dense, a []float64, ar, ac int, b []float64, br, bc int, n, k, p int) {
	op := gemmOp{n: n, k: k, p: p, a: a, ar: ar, ac: ac, b: b, br: br, bc: bc, c: dst.data, cr: p, cc: 1, kern: active}
	switch {
	case n == 0 || p == 0:
	case k == 0:
		clear(dst.data)
	default:
		if t := op.transposed(); t.copies() < op.copies() {
			op = t
		}
		op.run(runtime.GOMAXPROCS(0))
	}
}

// transposed returns the same product as Cᵀ = Bᵀ·Aᵀ.
func (op gemmOp) transposed() gemmOp {
	t := op
	t.n, t.p = op.p, op.n
	t.a, t.ar, t.ac = op.b, op.bc, op.br
	t.b, t.br, t.bc = op.a, op.ac, op.ar
	t.cr, t.cc = op.cc, op.cr
	return t
}

// copies estimates how many elements op copies besides its arithmetic: B
// once if its rows are not contiguous, C in and out of the tile buffer for
// every kc block if its rows are not.
func (op *gemmOp) copies() float64 {
	var n float64
	if op.bc != 1 {
		n += float64(op.k) * float64(op.p)
	}
	if op.cc != 1 {
		n += 2 * float64(op.n) * float64(op.p) * float64((op.k+op.kc()-1)/op.kc())
	}
	return n
}

// kc returns the depth of a block.
func (op *gemmOp) kc() int {
	if op.bc != 1 {
		return kcPacked
	}
	return kcInPlace
}

// run shares the product among at most maxWorkers goroutines, the caller's
// included.
func (op *gemmOp) run(maxWorkers int) {
	rowUnits := (op.n + op.kern.mr - 1) / op.kern.mr
	colUnits := (op.p + op.kern.lanes - 1) / op.kern.lanes
	units := max(rowUnits, colUnits)
	work := float64(op.n) * float64(op.k) * float64(op.p)
	workers := int(min(float64(maxWorkers), float64(units), work/minWork))
	if workers <= 1 {
		op.strip(0, op.n, 0, op.p)
		return
	}
	// bounds returns the w-th of workers near-equal strips of units units
	// of size step, clipped to size.
	bounds := func(w, step, size int) (lo, hi int) {
		return min(w*units/workers*step, size), min((w+1)*units/workers*step, size)
	}
	var wg sync.WaitGroup
	for w := workers - 1; w >= 0; w-- {
		i0, i1, j0, j1 := 0, op.n, 0, op.p
		if rowUnits >= colUnits {
			i0, i1 = bounds(w, op.kern.mr, op.n)
		} else {
			j0, j1 = bounds(w, op.kern.lanes, op.p)
		}
		if w == 0 {
			op.strip(i0, i1, j0, j1)
			break
		}
		wg.Go(func() { op.strip(i0, i1, j0, j1) })
	}
	wg.Wait()
}

// strip computes rows [i0, i1) and columns [j0, j1) of C.
func (op *gemmOp) strip(i0, i1, j0, j1 int) {
	kern, k, kc := op.kern, op.k, op.kc()
	NR := kern.nr
	var packed, tile []float64
	if op.bc != 1 {
		cols := (min(nc, j1-j0) + NR - 1) / NR * NR
		packed = make([]float64, min(kc, k)*cols)
	}
	if op.cc != 1 {
		tile = make([]float64, kern.mr*NR)
	}
	for jc := j0; jc < j1; jc += nc {
		jcEnd := min(jc+nc, j1)
		for pc := 0; pc < k; pc += kc {
			kb := min(kc, k-pc)
			acc := pc > 0
			if packed != nil {
				op.pack(packed, pc, kb, jc, jcEnd)
			}
			for ic := i0; ic < i1; ic += mc {
				m := min(mc, i1-ic)
				a := op.a[ic*op.ar+pc*op.ac:]
				for jr := jc; jr < jcEnd; jr += NR {
					nr := min(NR, jcEnd-jr)
					b, ldb := op.b[pc*op.br+jr*op.bc:], op.br
					// next: how far on in b the panel of B after this one starts.
					next := 0
					switch {
					case packed != nil:
						b, ldb = packed[(jr-jc)*kb:], NR
					case jr+NR < jcEnd:
						next = NR
					case ic+mc < i1:
						next = jc - jr
					case pc+kb < k:
						next = kb*op.br + jc - jr
					}
					c := op.c[ic*op.cr+jr*op.cc:]
					if tile == nil {
						kern.fn(kb, a, op.ar, op.ac, b, ldb, c, op.cr, m, nr, next, acc)
						continue
					}
					// C's rows are not contiguous: go through the buffer one
					// tile at a time, so that it stays small, in L1 with B.
					for ir := 0; ir < m; ir += kern.mr {
						mr := min(kern.mr, m-ir)
						cr := c[ir*op.cr:]
						if acc {
							copyPanel(tile, NR, 1, cr, op.cr, op.cc, mr, nr)
						}
						kern.fn(kb, a[ir*op.ar:], op.ar, op.ac, b, ldb, tile, NR, mr, nr, next, acc)
						copyPanel(cr, op.cr, op.cc, tile, NR, 1, mr, nr)
					}
				}
			}
		}
	}
}

// pack copies B[pc:pc+kb][jc:jcEnd] into packed as panels of NR columns,
// panel q at packed[q*kb*NR:] holding B[pc+l][jc+q*NR+j] at l*NR+j, for a
// kernel to read with ldb = NR. The last panel may be narrower.
func (op *gemmOp) pack(packed []float64, pc, kb, jc, jcEnd int) {
	NR := op.kern.nr
	for j := jc; j < jcEnd; j++ {
		q, jj := (j-jc)/NR, (j-jc)%NR
		dst := packed[q*kb*NR+jj:]
		src := op.b[pc*op.br+j*op.bc:]
		for l := 0; l < kb; l++ {
			dst[l*NR] = src[l*op.br]
		}
	}
}

// copyPanel copies the (m, nr) panel src[r*srs + j*scs] to dst[r*drs + j*dcs],
// walking dst with stride 1 in the inner loop when it can.
func copyPanel(dst []float64, drs, dcs int, src []float64, srs, scs int, m, nr int) {
	if drs == 1 {
		for j := 0; j < nr; j++ {
			d, s := dst[j*dcs:][:m], src[j*scs:]
			for r := range d {
				d[r] = s[r*srs]
			}
		}
		return
	}
	for r := 0; r < m; r++ {
		for j := 0; j < nr; j++ {
			dst[r*drs+j*dcs] = src[r*srs+j*scs]
		}
	}
}
