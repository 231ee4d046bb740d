#!/usr/bin/env bash
# Times "dnn train" against the course's algorithm in numpy on the same data,
# runs alternating, and prints medians, ratios and peak memory.
#
# Usage: scripts/bench-vs-numpy.sh [DATADIR] [RUNS]
#   DATADIR  folder with train_catvnoncat.h5 and test_catvnoncat.h5
#            (default testdata/datasets)
#   RUNS     runs of each command (default 5)
#
# Needs python3 with numpy and h5py (Debian: apt-get install python3-numpy
# python3-h5py; for numpy to use OpenBLAS: apt-get install libopenblas0-pthread)
# and GNU time (/usr/bin/time). Set PYTHON to choose the interpreter.
set -euo pipefail
cd "$(dirname "$0")/.."
data=${1:-testdata/datasets}
runs=${2:-5}
python=${PYTHON:-python3}

for f in train_catvnoncat.h5 test_catvnoncat.h5; do
	[ -f "$data/$f" ] || { echo "bench-vs-numpy: $data/$f not found (see README: Getting the course's data)" >&2; exit 1; }
done
[ -x /usr/bin/time ] || { echo "bench-vs-numpy: needs GNU time at /usr/bin/time (apt-get install time)" >&2; exit 1; }
"$python" -c 'import numpy, h5py' 2>/dev/null || { echo "bench-vs-numpy: $python cannot import numpy and h5py" >&2; exit 1; }

bin=$(mktemp -d)/dnn
go build -o "$bin" ./cmd/dnn
out=$(mktemp -d)
trap 'rm -rf "$out" "$(dirname "$bin")"' EXIT

echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores, $(go version | cut -d' ' -f3), numpy $("$python" -c 'import numpy; print(numpy.__version__)')"
"$python" - <<'PY' 2>/dev/null || true
import numpy
try:
    from threadpoolctl import threadpool_info
    for i in threadpool_info():
        print("numpy BLAS: %s %s (%s), %s threads" % (i.get("internal_api"), i.get("version"), i.get("architecture"), i.get("num_threads")))
except ImportError:
    print("numpy BLAS: see numpy.show_config() (threadpoolctl not installed)")
PY

# One timed run: label, then the command. Appends "label seconds maxrss_kb".
timed() {
	local label=$1
	shift
	/usr/bin/time -f "%e %M" -o "$out/t" "$@" >"$out/stdout"
	echo "$label $(cat "$out/t")" >>"$out/times"
}

for ((r = 1; r <= runs; r++)); do
	for model in l-layer two-layer; do
		timed "dnn/$model" "$bin" train -data "$data" -model "$model"
		timed "dnn-fast/$model" "$bin" train -data "$data" -model "$model" -fast
		timed "numpy/$model" "$python" scripts/reference_numpy.py "$data" "$model"
	done
	echo "run $r of $runs done" >&2
done

median() { sort -n | awk '{v[NR]=$1} END {print (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }
col() { awk -v l="$1" -v c="$2" '$1==l {print $c}' "$out/times"; }

printf '\n| model | command | median seconds | Go/numpy | peak RSS MiB |\n|---|---|---|---|---|\n'
for model in l-layer two-layer; do
	np=$(col "numpy/$model" 2 | median)
	for cmd in dnn dnn-fast numpy; do
		s=$(col "$cmd/$model" 2 | median)
		rss=$(col "$cmd/$model" 3 | median)
		args="train -model $model"
		[ "$cmd" = dnn-fast ] && args="$args -fast"
		[ "$cmd" = numpy ] && args="reference_numpy.py"
		name=$([ "$cmd" = numpy ] && echo "numpy $args" || echo "dnn $args")
		printf '| %s | `%s` | %.2f | %.3f | %.0f |\n' "$model" "$name" "$s" "$(echo "$s $np" | awk '{print $1/$2}')" "$(echo "$rss" | awk '{print $1/1024}')"
	done
done
