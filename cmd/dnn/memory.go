package main

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
)

// maxTrainingBytes bounds the memory a training run may need even on a
// machine with more available: beyond it, a mistyped layer size would take
// the whole machine.
const maxTrainingBytes = 8e9

// baseBytes is the memory of the program itself, before any matrix.
const baseBytes = 20e6

// trainingBytes estimates the peak memory, in bytes, of training layers
// dims the plain way (the step functions) on m examples, with mTest test
// examples held beside. It counts, in float64s, every matrix alive when
// memory peaks, as backward propagation computes dA[0]:
//
//	X and dA[0]                      2·n[0]·m
//	Z[l] and A[l], l = 1..L          2·n[l]·m each
//	dA[l], l = 1..L-1                n[l]·m each
//	dZ[1] and its copy scaled by 1/m 2·n[1]·m
//	W, b; dW, db; the updated W, b and a temporary   4 × the parameters
//	the test set                     n[0]·mTest
//
// Go's collector lets the heap grow to twice what is alive before it runs
// again, so the estimate is twice that count, plus one more copy of X (the
// reader's, and the fragmentation of matrices that large) and baseBytes.
// Against the peak resident memory of eight runs from 22 MB to 4.2 GB
// (measured with /usr/bin/time), it was 0.94 to 1.44 times the real
// figure. Where dA[0] is 16 MB or more, the collector now runs before each
// one (see paceForStepFunctions), and the peak is lower than the estimate
// says: 74 and 64 MB for the course's L-layer and two-layer models, against
// 149 and 138 MB, and 542 MB against 936 MB for layers 12288,1000,1. The
// estimate keeps the bound that holds without those runs. It is a float64
// so that no layer size overflows it.
func trainingBytes(dims []int, m, mTest int) float64 {
	n0, M := float64(dims[0]), float64(m)
	alive := 2*n0*M + 2*float64(dims[1])*M + n0*float64(mTest)
	var params float64
	for l := 1; l < len(dims); l++ {
		n := float64(dims[l])
		alive += 2 * n * M
		if l < len(dims)-1 {
			alive += n * M
		}
		params += n * (float64(dims[l-1]) + 1)
	}
	alive += 4 * params
	return 8*(2*alive+n0*M) + baseBytes
}

// checkMemory returns an error when training layers dims on d would need
// more memory than maxTrainingBytes or than the machine has available.
func checkMemory(dims []int, d *data) error {
	mTest := 0
	if d.TestX != nil {
		mTest = cols(d.TestX)
	}
	avail, known := availableBytes()
	return refuseMemory(dims, cols(d.TrainX), trainingBytes(dims, cols(d.TrainX), mTest), avail, known)
}

// refuseMemory returns the error for a training of layers dims on m
// examples that needs more than maxTrainingBytes, or more than avail when
// known, and nil if it fits.
func refuseMemory(dims []int, m int, need, avail float64, known bool) error {
	limit, which := float64(maxTrainingBytes), fmt.Sprintf("the limit is %.0f GB", maxTrainingBytes/1e9)
	if known && avail < limit {
		limit, which = avail, fmt.Sprintf("this machine has %.3g GB available", avail/1e9)
	}
	if need <= limit {
		return nil
	}
	sizes := make([]string, len(dims))
	for i, n := range dims {
		sizes[i] = strconv.Itoa(n)
	}
	return fmt.Errorf("layer sizes %s on %d examples would need about %.3g GB of memory to train; %s: use smaller layers or fewer examples",
		strings.Join(sizes, ","), m, need/1e9, which)
}

// paceForStepFunctions sets the collector's pacing (GOGC) for a training
// by the step functions whose dA[0] has n elements, and returns the
// function that puts it back. It leaves GOGC alone if the environment sets
// it, or if dA[0] is smaller than matrix's collectMin.
//
// Before a result as large as the course's dA[0], the matrix package runs
// the collector, so that the last iteration's dA[0], dead by then, is
// freed and its memory holds the new one (see collect in
// matrix/alloc.go). The collector's next run is then due when the heap
// has grown by GOGC percent of what is alive, X and the parameters. But an
// iteration makes about that much: for the L-layer model, dA[0] and W[1]'s
// gradient, scaled gradient and update, 29 MB, against 28 MB alive. At
// Go's default of 100, the collector then runs again in the middle of some
// iterations, with a dA[0] alive, and the runtime, which returns to the
// system what lies beyond the heap's next goal, gives back and faults in
// again megabytes every iteration: with 40 units in layer 1, 312,000 page
// faults in 300 iterations, against 19,000 at 200, and 6.4 s against
// 5.5 s. At 200 only the runs before dA[0] happen. Without them, 200
// would let the heap grow to three times what is alive, so smaller
// trainings keep the default.
func paceForStepFunctions(n int) (restore func()) {
	if os.Getenv("GOGC") != "" || n < matrixCollectMin {
		return func() {}
	}
	old := debug.SetGCPercent(stepFunctionsGCPercent)
	return func() { debug.SetGCPercent(old) }
}

// stepFunctionsGCPercent is GOGC while the step functions train (see
// paceForStepFunctions).
const stepFunctionsGCPercent = 200

// matrixCollectMin is collectMin of matrix/alloc.go: the number of elements
// (16 MB) from which matrix runs the collector before making a result.
// matrix keeps it unexported; TestMatrixCollectMin holds the two together.
const matrixCollectMin = 1 << 21

// availableBytes returns the memory this process can count on: what the
// system still has available (MemAvailable in /proc/meminfo) plus what the
// process holds already (VmRSS in /proc/self/status, which includes the
// data it has loaded). ok is false where the system does not say (outside
// Linux).
func availableBytes() (float64, bool) {
	avail, ok1 := procField("/proc/meminfo", "MemAvailable:")
	rss, ok2 := procField("/proc/self/status", "VmRSS:")
	return avail + rss, ok1 && ok2
}

// procField reads a "Name:   1234 kB" line of a /proc file, in bytes.
func procField(path, name string) (float64, bool) {
	b, err := os.ReadFile(path)
	if err != nil {
		return 0, false
	}
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) == 3 && f[0] == name && f[2] == "kB" {
			kb, err := strconv.ParseFloat(f[1], 64)
			return kb * 1024, err == nil
		}
	}
	return 0, false
}
