package gemm

import (
	"fmt"
	"runtime"
	"sync"
	"unsafe"
)

// Product computes C = A·B, where C is (n, p), A is (n, k), B is (k, p), and
//
//	A[i][l] = a[i*ar + l*ac]
//	B[l][j] = b[l*br + j*bc]
//	C[i][j] = c[i*p + j]       (row-major, contiguous)
//
// So a row-major (n, k) matrix is a with strides (k, 1), and its transpose,
// read in place, is a with strides (1, n). The previous contents of
// c[:n*p] are ignored; nothing else of c is touched. With k = 0, C is
// zeros.
//
// Each element is the chain c = fma(A[i][l], B[l][j], c) for l = 0..k-1,
// starting from 0: the result does not depend on the kernel, the blocking
// or the number of goroutines. Product runs on up to GOMAXPROCS goroutines
// when the product is large enough to pay for them.
//
// Product panics, naming itself and the sizes, if a size or stride is
// negative, if a, b or c is too short for the elements the sizes and
// strides reach, or if c shares memory with a or b.
func Product(c []float64, n, k, p int, a []float64, ar, ac int, b []float64, br, bc int) {
	checkProduct(c, n, k, p, a, ar, ac, b, br, bc)
	op := gemmOp{n: n, k: k, p: p, a: a, ar: ar, ac: ac, b: b, br: br, bc: bc, c: c, cr: p, cc: 1, kern: active.Load()}
	switch {
	case n == 0 || p == 0:
	case k == 0:
		clear(c[:n*p])
	default:
		if t := op.transposed(); t.copies() < op.copies() {
			op = t
		}
		op.run(runtime.GOMAXPROCS(0))
	}
}

// checkProduct panics unless Product's arguments describe a product that
// lies within its slices.
func checkProduct(c []float64, n, k, p int, a []float64, ar, ac int, b []float64, br, bc int) {
	if n < 0 || k < 0 || p < 0 || ar < 0 || ac < 0 || br < 0 || bc < 0 {
		panic(fmt.Sprintf("gemm.Product: negative size or stride: (n,k,p) = (%d,%d,%d), strides of a (%d,%d), of b (%d,%d)",
			n, k, p, ar, ac, br, bc))
	}
	na, nb := extent(n, k, ar, ac), extent(k, p, br, bc)
	switch {
	case len(a) < na:
		panic(fmt.Sprintf("gemm.Product: len(a) = %d, but a (%d,%d) with strides (%d,%d) needs %d", len(a), n, k, ar, ac, na))
	case len(b) < nb:
		panic(fmt.Sprintf("gemm.Product: len(b) = %d, but b (%d,%d) with strides (%d,%d) needs %d", len(b), k, p, br, bc, nb))
	case len(c) < n*p:
		panic(fmt.Sprintf("gemm.Product: len(c) = %d, but c (%d,%d) needs %d", len(c), n, p, n*p))
	}
	if overlap(c[:n*p], a[:na]) || overlap(c[:n*p], b[:nb]) {
		panic(fmt.Sprintf("gemm.Product: c (%d,%d) shares memory with a (%d,%d) or b (%d,%d)", n, p, n, k, k, p))
	}
}

// extent is how many elements an (r, c) matrix with strides (rs, cs)
// reaches: one past its last element, 0 if it has none.
func extent(r, c, rs, cs int) int {
	if r == 0 || c == 0 {
		return 0
	}
	return (r-1)*rs + (c-1)*cs + 1
}

// overlap reports whether x and y share an element.
func overlap(x, y []float64) bool {
	if len(x) == 0 || len(y) == 0 {
		return false
	}
	const size = unsafe.Sizeof(float64(0))
	x0, y0 := uintptr(unsafe.Pointer(&x[0])), uintptr(unsafe.Pointer(&y[0]))
	return x0 < y0+uintptr(len(y))*size && y0 < x0+uintptr(len(x))*size
}

// How Product works. One product C = A·B, with A and B lying in memory as
// their strides say (see gemmOp), whatever their orientation.
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
// through a small buffer. Tiles at the right and bottom edges are simply
// smaller. While it works on one panel of B, the kernel may prefetch the
// next one (see kernelFunc).
//
// Orientation. C = A·B and Cᵀ = Bᵀ·Aᵀ are the same sums. When B is a
// transpose read in place (C = A·bᵀ), b's rows are B's columns, which the
// kernel cannot load at once; it is computed as Cᵀ = b·Aᵀ when that needs
// fewer copies: for dW = dZ·Xᵀ the copies are then of dZ and dW, not of the
// much larger X.
//
// Goroutines. The tiles of C, numbered row by row, are cut into as many
// equal runs as there are goroutines, up to GOMAXPROCS when each has enough
// work. A goroutine owns its run (whole rows of tiles, and part of one at
// either end) and runs the loops above over it, for the whole depth k.
//
// Determinism. Each element of C is computed by one kernel call per kc
// block, in order of pc, each continuing the sum left in C by the previous
// one, and every kernel adds the products of an element in order of l with
// one fused multiply-add each (see kernel). So the result is the same
// whatever the orientation, the blocks, the tiles, the runs or the number
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
	// another goroutine: about 50 µs of it for one core. Waking an idle
	// core can take longer than that on a virtual machine.
	minWork = 1 << 21
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
// included, each with at least minWork multiply-adds to do.
func (op *gemmOp) run(maxWorkers int) {
	work := float64(op.n) * float64(op.k) * float64(op.p)
	workers := int(min(float64(maxWorkers), work/minWork))
	if workers <= 1 {
		op.tiles(0, op.rowTiles()*op.panels())
		return
	}
	split(*op, workers)
}

// split shares the product op among workers goroutines (at least one, at
// most one per tile). It numbers the tiles of C row by row and gives each
// goroutine an equal run of them: whole rows of tiles, and at either end
// part of one. (It takes op by value, so that only a product shared among
// goroutines puts a copy of it on the heap.)
func split(op gemmOp, workers int) {
	tiles := op.rowTiles() * op.panels()
	workers = max(1, min(workers, tiles))
	var wg sync.WaitGroup
	for w := 1; w < workers; w++ {
		wg.Go(func() { op.tiles(w*tiles/workers, (w+1)*tiles/workers) })
	}
	op.tiles(0, tiles/workers)
	wg.Wait()
}

// rowTiles and panels count the tiles of C down and across: tile t covers
// rows [MR*(t/panels), MR*(t/panels+1)) and columns [NR*(t%panels),
// NR*(t%panels+1)), clipped to C.
func (op *gemmOp) rowTiles() int { return (op.n + op.kern.mr - 1) / op.kern.mr }
func (op *gemmOp) panels() int   { return (op.p + op.kern.nr - 1) / op.kern.nr }

// tiles computes tiles [t0, t1) of C, t0 < t1.
func (op *gemmOp) tiles(t0, t1 int) {
	if op.streams() {
		op.stream(t0, t1)
		return
	}
	op.inPlace(t0, t1)
}

// streamMin is the least number of elements of C, 8 MB, for which stream
// pays: a C that large is not in any cache when the product starts.
const streamMin = 1 << 20

// streams reports whether op is a product for stream: a large C with
// contiguous rows, B read in place, and a depth of one block, so that each
// element of C is written once, by one kernel call.
func (op *gemmOp) streams() bool {
	return op.cc == 1 && op.bc == 1 && op.k <= kcInPlace && op.n*op.p >= streamMin
}

// stream computes tiles [t0, t1) of C for a product that streams (see
// streams), such as the course's dA[0] = W[1]ᵀ·dZ[1], (12288, 209) from a
// depth of 20. Such a product is bound by the writing of C to memory
// rather than by its arithmetic, and the kernel writes C a narrow panel at
// a time, down mc rows, then the next panel: lines of memory far apart,
// which the processor fetches one by one before it writes them. So stream
// computes mc whole rows of C at a time into a buffer that stays in L2,
// then copies them out in one go, in order, which the processor does at
// the speed of its memory, and with non-temporal stores (copyOut), which
// do not first read each line of C into the cache: 20% less time for
// dA[0]. The row tiles at either end of the run that it does not cover
// whole go to inPlace. The kernel calls are the same, so the results are
// too.
func (op *gemmOp) stream(t0, t1 int) {
	kern, P := op.kern, op.panels()
	MR, NR, mcT := kern.mr, kern.nr, mc/kern.mr
	first, end := (t0+P-1)/P, t1/P // the whole row tiles of the run
	if first >= end {
		op.inPlace(t0, t1)
		return
	}
	if t0 < first*P {
		op.inPlace(t0, first*P)
	}
	if end*P < t1 {
		op.inPlace(end*P, t1)
	}
	buf := getScratch(mc * op.p)
	defer scratch.Put(buf)
	for rt := first; rt < end; rt += mcT {
		i0, i1 := rt*MR, min((rt+mcT)*MR, end*MR, op.n)
		rows := (*buf)[:(i1-i0)*op.p]
		for q := 0; q < P; q++ {
			j := q * NR
			next := NR
			if q+1 == P {
				next = 0
			}
			kern.fn(op.k, op.a[i0*op.ar:], op.ar, op.ac, op.b[j:], op.br, rows[j:], op.p, i1-i0, min(NR, op.p-j), next, false)
		}
		copyOut(op.c[i0*op.cr:i1*op.cr], rows)
	}
}

// inPlace computes tiles [t0, t1) of C, t0 < t1, with the blocking
// described above, C written where it lies.
func (op *gemmOp) inPlace(t0, t1 int) {
	kern, k, kc := op.kern, op.k, op.kc()
	MR, NR, P := kern.mr, kern.nr, op.panels()
	// The run covers row tiles [r0, r1): all of their panels but those
	// before q0 in the first and from q1 on in the last. span returns the
	// row tiles it covers in panel q.
	r0, q0 := t0/P, t0%P
	r1, q1 := (t1-1)/P+1, (t1-1)%P+1
	span := func(q int) (lo, hi int) {
		lo, hi = r0, r1
		if q < q0 {
			lo++
		}
		if q >= q1 {
			hi--
		}
		return lo, hi
	}
	qFirst, qEnd := 0, P // panels the run touches
	if r1-r0 == 1 {
		qFirst, qEnd = q0, q1
	}
	ncP, mcT := nc/NR, mc/MR // nc and mc in panels and row tiles

	var packed, tile []float64
	if op.bc != 1 || op.cc != 1 {
		buf := getScratch(min(kc, k)*min(ncP, qEnd-qFirst)*NR + 2*MR*NR)
		defer scratch.Put(buf)
		if op.bc != 1 {
			packed = (*buf)[:min(kc, k)*min(ncP, qEnd-qFirst)*NR]
		}
		if op.cc != 1 {
			tile = (*buf)[len(*buf)-2*MR*NR:]
		}
	}
	for qc := qFirst; qc < qEnd; qc += ncP {
		qcEnd := min(qc+ncP, qEnd)
		for pc := 0; pc < k; pc += kc {
			kb := min(kc, k-pc)
			acc := pc > 0
			if packed != nil {
				op.pack(packed, pc, kb, qc*NR, min(qcEnd*NR, op.p))
			}
			for rc := r0; rc < r1; rc += mcT {
				for q := qc; q < qcEnd; q++ {
					lo, hi := span(q)
					lo, hi = max(lo, rc), min(hi, rc+mcT)
					if lo >= hi {
						continue
					}
					i, j := lo*MR, q*NR
					m, nr := min(hi*MR, op.n)-i, min(NR, op.p-j)
					a := op.a[i*op.ar+pc*op.ac:]
					b, ldb := op.b[pc*op.br+j*op.bc:], op.br
					// next: how far on in b the panel of B after this one starts.
					next := 0
					switch {
					case packed != nil:
						b, ldb = packed[(q-qc)*NR*kb:], NR
					case q+1 < qcEnd:
						next = NR
					case rc+mcT < r1:
						next = (qc - q) * NR
					case pc+kb < k:
						next = kb*op.br + (qc-q)*NR
					}
					c := op.c[i*op.cr+j*op.cc:]
					if tile == nil {
						kern.fn(kb, a, op.ar, op.ac, b, ldb, c, op.cr, m, nr, next, acc)
						continue
					}
					// C's rows are not contiguous: go through the buffer two
					// tiles at a time, so that it stays small, in L1 with B,
					// yet lets the AVX-512 kernel take 8 rows of a narrow panel
					// at once.
					for ir := 0; ir < m; ir += 2 * MR {
						mr := min(2*MR, m-ir)
						ci := c[ir*op.cr:]
						if acc {
							copyPanel(tile, NR, 1, ci, op.cr, op.cc, mr, nr)
						}
						kern.fn(kb, a[ir*op.ar:], op.ar, op.ac, b, ldb, tile, NR, mr, nr, next, acc)
						copyPanel(ci, op.cr, op.cc, tile, NR, 1, mr, nr)
					}
				}
			}
		}
	}
}

// scratch keeps the buffers of tiles, B's panels and C's tile buffer, for
// the next product: a large product's panels take megabytes. The
// collector may empty it. A buffer's old contents are never read: pack
// writes every element of B that a kernel reads, and C's tile buffer is
// filled before the kernel reads it.
var scratch = sync.Pool{New: func() any { return new([]float64) }}

// getScratch returns a buffer of n elements from scratch.
func getScratch(n int) *[]float64 {
	buf := scratch.Get().(*[]float64)
	if cap(*buf) < n {
		*buf = make([]float64, n)
	}
	*buf = (*buf)[:n]
	return buf
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
