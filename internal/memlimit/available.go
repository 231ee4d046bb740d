package memlimit

import (
	"bufio"
	"os"
	"strconv"
	"strings"
)

// available returns the bytes this process may still allocate, the least
// of the figures the package doc lists, and the words that end "half the
// N GB ...".
func available() (float64, string) {
	best, why := 0.0, ""
	consider := func(v float64, ok bool, source string) {
		if ok && v >= 0 && (why == "" || v < best) {
			best, why = v, source
		}
	}
	consider(meminfoAvailable(readFile("/proc/meminfo")))
	if limit, ok := addressSpaceLimit(); ok {
		size, sizeOK := statusVmSize(readFile("/proc/self/status"))
		consider(limit-size, sizeOK, "of address space left under ulimit -v")
	}
	consider(cgroupLeft(readFile("/sys/fs/cgroup/memory.max"), readFile("/sys/fs/cgroup/memory.current")))
	consider(cgroupLeft(readFile("/sys/fs/cgroup/memory/memory.limit_in_bytes"), readFile("/sys/fs/cgroup/memory/memory.usage_in_bytes")))
	if why == "" {
		return Fallback, "assumed when the machine does not say how much memory it has"
	}
	return best, why
}

func readFile(path string) string {
	b, err := os.ReadFile(path)
	if err != nil {
		return ""
	}
	return string(b)
}

// meminfoAvailable returns MemAvailable from the text of /proc/meminfo
// ("MemAvailable:   24247700 kB").
func meminfoAvailable(meminfo string) (float64, bool, string) {
	v, ok := field(meminfo, "MemAvailable:")
	return v, ok, "this machine has available"
}

// statusVmSize returns VmSize, the address space the process uses, from
// the text of /proc/self/status.
func statusVmSize(status string) (float64, bool) {
	return field(status, "VmSize:")
}

// field returns the value in bytes of the line "name  N kB" of text.
func field(text, name string) (float64, bool) {
	sc := bufio.NewScanner(strings.NewReader(text))
	for sc.Scan() {
		rest, ok := strings.CutPrefix(sc.Text(), name)
		if !ok {
			continue
		}
		f := strings.Fields(rest)
		if len(f) != 2 || f[1] != "kB" {
			return 0, false
		}
		n, err := strconv.ParseUint(f[0], 10, 64)
		return float64(n) * 1024, err == nil
	}
	return 0, false
}

// cgroupLeft returns the memory left under a control group's limit, from
// the texts of its limit file ("max" for none) and its usage file.
func cgroupLeft(limit, usage string) (float64, bool, string) {
	const source = "left under the control group's memory limit"
	l, err := strconv.ParseUint(strings.TrimSpace(limit), 10, 64)
	if err != nil || l >= 1<<62 { // "max", absent, or cgroup v1's "no limit" (near 2^63)
		return 0, false, source
	}
	u, err := strconv.ParseUint(strings.TrimSpace(usage), 10, 64)
	if err != nil {
		return 0, false, source
	}
	return float64(l) - float64(u), true, source
}
