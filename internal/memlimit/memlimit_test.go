package memlimit

import (
	"strings"
	"testing"
)

func TestSize(t *testing.T) {
	tests := []struct {
		bytes float64
		want  string
	}{
		{0, "0 bytes"},
		{999, "999 bytes"},
		{1000, "1.0 kB"},
		{1_228_800_000, "1.2 GB"},
		{9_830_400_000, "9.8 GB"},
		{26_388_279_066_624, "26 TB"},
		{850_000_000, "850 MB"},
	}
	for _, tt := range tests {
		if got := Size(tt.bytes); got != tt.want {
			t.Errorf("Size(%v) = %q, want %q", tt.bytes, got, tt.want)
		}
	}
}

func TestBudget(t *testing.T) {
	defer SetLimit(SetLimit(1000))
	b := NewBudget()
	if err := b.Charge(600, "the first array"); err != nil {
		t.Fatalf("Charge(600) of 1000 = %v, want nil", err)
	}
	const want = "the second array; the limit is 1.0 kB (the limit set for this run), of which 600 bytes is already taken"
	if err := b.Charge(500, "the second array"); err == nil || err.Error() != want {
		t.Errorf("Charge(500) after 600 of 1000 = %v, want %s", err, want)
	}
	if err := b.Charge(400, "the third array"); err != nil {
		t.Errorf("Charge(400) after 600 of 1000 = %v, want nil", err)
	}
	for _, bad := range []float64{1e300, 0 / zero()} {
		if err := NewBudget().Charge(bad, "x"); err == nil {
			t.Errorf("Charge(%v) = nil, want an error", bad)
		}
	}
	var none *Budget
	if err := none.Charge(1e300, "x"); err != nil {
		t.Errorf("(*Budget)(nil).Charge(1e300) = %v, want nil", err)
	}
}

func zero() float64 { return 0 }

// The machine's limit is half the least of the figures it gives.
func TestMachineLimit(t *testing.T) {
	limit, why := Limit()
	if !(limit > 0) || !strings.HasPrefix(why, "half the ") {
		t.Errorf("Limit() = %v, %q; want a positive figure, half of something", limit, why)
	}
	t.Logf("Limit() = %s (%s)", Size(limit), why)
}

func TestParsers(t *testing.T) {
	const meminfo = "MemTotal:       24683584 kB\nMemFree:        23952572 kB\nMemAvailable:   24247700 kB\n"
	if v, ok, _ := meminfoAvailable(meminfo); !ok || v != 24247700*1024 {
		t.Errorf("meminfoAvailable = %v, %v, want %v", v, ok, 24247700*1024)
	}
	if _, ok, _ := meminfoAvailable("MemTotal: 1 kB\n"); ok {
		t.Error("meminfoAvailable without the line: ok, want not ok")
	}
	if v, ok := statusVmSize("Name:\tdnn\nVmPeak:\t 1300000 kB\nVmSize:\t 1227188 kB\n"); !ok || v != 1227188*1024 {
		t.Errorf("statusVmSize = %v, %v, want %v", v, ok, 1227188*1024)
	}
	tests := []struct {
		limit, usage string
		want         float64
		ok           bool
	}{
		{"max\n", "5000\n", 0, false},
		{"9223372036854771712\n", "671895552\n", 0, false},
		{"1073741824\n", "73741824\n", 1<<30 - 73741824, true},
		{"", "", 0, false},
	}
	for _, tt := range tests {
		if v, ok, _ := cgroupLeft(tt.limit, tt.usage); ok != tt.ok || v != tt.want {
			t.Errorf("cgroupLeft(%q, %q) = %v, %v, want %v, %v", tt.limit, tt.usage, v, ok, tt.want, tt.ok)
		}
	}
}
