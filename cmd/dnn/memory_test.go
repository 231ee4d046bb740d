package main

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"dnn/matrix"
)

func TestTrainingBytes(t *testing.T) {
	tests := []struct {
		dims     []int
		m, mTest int
		want     float64
	}{
		// X, dA0 2·2·10; Z1, A1, dA1 3·3·10; Z2, A2 2·10; dZ1 and its
		// copy 2·3·10; 4 × 13 parameters: 262 alive, twice, and X again.
		{[]int{2, 3, 1}, 10, 0, 8*(2*262+20) + baseBytes},
		{[]int{2, 3, 1}, 10, 5, 8*(2*(262+10)+20) + baseBytes},
		// The course's L-layer model: 118 MB measured.
		{[]int{12288, 20, 7, 5, 1}, 209, 50, 148_761_824},
	}
	for _, tt := range tests {
		if got := trainingBytes(tt.dims, tt.m, tt.mTest); got != tt.want {
			t.Errorf("trainingBytes(%v, %d, %d) = %.0f, want %.0f", tt.dims, tt.m, tt.mTest, got, tt.want)
		}
	}
}

func TestRefuseMemory(t *testing.T) {
	dims := []int{2000, 100, 1}
	tests := []struct {
		need, avail float64
		known       bool
		want        string // "" for no error
	}{
		{1.8e9, 24e9, true, ""},
		{1.8e9, 0, false, ""},
		{1.8e9, 1.2e9, true, "layer sizes 2000,100,1 on 20000 examples would need about 1.8 GB of memory to train; this machine has 1.2 GB available: use smaller layers or fewer examples"},
		{9e9, 24e9, true, "would need about 9 GB of memory to train; the limit is 8 GB"},
		{9e9, 0, false, "the limit is 8 GB"},
	}
	for _, tt := range tests {
		err := refuseMemory(dims, 20000, tt.need, tt.avail, tt.known)
		if tt.want == "" && err != nil || tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)) {
			t.Errorf("refuseMemory(need %g, available %g, %v) = %v, want %q", tt.need, tt.avail, tt.known, err, tt.want)
		}
	}
}

func TestProcField(t *testing.T) {
	path := filepath.Join(t.TempDir(), "meminfo")
	text := "MemTotal:       24683912 kB\nMemFree:        22049064 kB\nMemAvailable:   23920024 kB\n"
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if got, ok := procField(path, "MemAvailable:"); !ok || got != 23920024*1024 {
		t.Errorf("procField(MemAvailable:) = %v, %v; want %v, true", got, ok, 23920024*1024)
	}
	if _, ok := procField(path, "VmRSS:"); ok {
		t.Error("procField(VmRSS:) found a field the file does not have")
	}
	if _, ok := procField(filepath.Join(t.TempDir(), "none"), "MemAvailable:"); ok {
		t.Error("procField of a missing file = ok")
	}
}

// TestMatrixCollectMin holds matrixCollectMin to matrix's own threshold,
// which the matrix package keeps unexported: a second result of
// matrixCollectMin elements makes matrix run the collector, and results of
// one element fewer never do.
func TestMatrixCollectMin(t *testing.T) {
	forced := func(n int) uint32 {
		a := matrix.Zeros(1, n)
		var st runtime.MemStats
		runtime.ReadMemStats(&st)
		before := st.NumForcedGC
		for range 3 {
			matrix.Scale(2, a)
		}
		runtime.ReadMemStats(&st)
		return st.NumForcedGC - before
	}
	if got := forced(matrixCollectMin - 1); got != 0 {
		t.Errorf("3 results of %d elements ran the collector %d times, want 0: matrix collects from a smaller size than matrixCollectMin", matrixCollectMin-1, got)
	}
	if got := forced(matrixCollectMin); got == 0 {
		t.Errorf("3 results of %d elements never ran the collector: matrix collects from a larger size than matrixCollectMin", matrixCollectMin)
	}
}
