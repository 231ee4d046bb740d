#!/usr/bin/env bash
# Times dnn against the course's algorithm in numpy on the same training:
# the cat pictures ("dnn train", both models, plain and -fast) and the demo
# ("dnn demo": the flower data, layers 2,20,7,5,1, α 0.01, 10,000
# iterations). Whole processes, runs alternating, medians, ratios to numpy,
# peak memory.
#
# Usage: scripts/bench-vs-numpy.sh [-busy] [-demo] [-notebook] [DATADIR] [RUNS]
#   -busy    keep one core busy with a CPU hog during every run, as another
#            program would (a "busy machine")
#   -demo    time the demo only (no data set needed)
#   -notebook  also time numpy in the notebook's form for the cat models
#            (reference_numpy.py --notebook: grads keeps dA[0] until the
#            next iteration, as dnn's step functions do), and print the
#            step functions' time against it
#   DATADIR  folder with train_catvnoncat.h5 and test_catvnoncat.h5
#            (default testdata/datasets); without it only the demo is timed
#   RUNS     runs of each command (default 5)
#
# Needs python3 with numpy, and h5py for the cat pictures (Debian: apt-get
# install python3-numpy python3-h5py; for numpy to use OpenBLAS: apt-get
# install libopenblas0-pthread; python3-threadpoolctl to show which kernel
# it runs) and GNU time (/usr/bin/time). Set PYTHON to choose the
# interpreter (default python3, or /usr/bin/python3 if only it has numpy).
# numpy runs with OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset, so that
# OpenBLAS picks its kernel for this processor itself, unless it does not
# know the processor (see below).
set -euo pipefail
cd "$(dirname "$0")/.."
busy=0 cat=1 notebook=0
while [ $# -gt 0 ]; do
	case $1 in
	-busy) busy=1 ;;
	-demo) cat=0 ;;
	-notebook) notebook=1 ;;
	*) break ;;
	esac
	shift
done
data=${1:-testdata/datasets}
runs=${2:-5}
python=${PYTHON:-python3}
if [ -z "${PYTHON:-}" ] && ! python3 -c 'import numpy' 2>/dev/null && /usr/bin/python3 -c 'import numpy' 2>/dev/null; then
	python=/usr/bin/python3 # the system's Python, with Debian's numpy
fi
numpy=(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "$python")

[ -x /usr/bin/time ] || { echo "bench-vs-numpy: needs GNU time at /usr/bin/time (apt-get install time)" >&2; exit 1; }
"$python" -c 'import numpy' 2>/dev/null || { echo "bench-vs-numpy: $python cannot import numpy" >&2; exit 1; }
if [ $cat = 1 ]; then
	for f in train_catvnoncat.h5 test_catvnoncat.h5; do
		[ -f "$data/$f" ] || { echo "bench-vs-numpy: $data/$f not found (see README: Getting the course's data); timing the demo only" >&2; cat=0; }
	done
fi
if [ $cat = 1 ] && ! "$python" -c 'import h5py' 2>/dev/null; then
	echo "bench-vs-numpy: $python cannot import h5py; timing the demo only" >&2
	cat=0
fi

tmp=$(mktemp -d)
hog=
trap '[ -n "$hog" ] && kill "$hog" 2>/dev/null; rm -rf "$tmp"' EXIT
bin=$tmp/dnn
go build -o "$bin" ./cmd/dnn

# OpenBLAS chooses its kernel for the processor itself, but a version that
# does not know the processor falls back to the generic Prescott kernel,
# three times slower than what the processor runs: then set the kernel its
# instruction set allows, so that numpy is timed at its best.
core=$("${numpy[@]}" - <<'PY' 2>/dev/null || true
import ctypes, numpy
lib = [l.split()[-1] for l in open("/proc/self/maps") if "libopenblas" in l]
if lib:
    f = ctypes.CDLL(lib[0]).openblas_get_corename
    f.restype = ctypes.c_char_p
    print(f().decode())
PY
)
if [ "$core" = Prescott ]; then
	for k in avx512f:SkylakeX avx2:Haswell; do
		if grep -qw "${k%%:*}" /proc/cpuinfo; then
			numpy=(env -u OPENBLAS_L2_SIZE OPENBLAS_CORETYPE="${k#*:}" "$python")
			echo "numpy's OpenBLAS does not know this processor (kernel Prescott): timing it with OPENBLAS_CORETYPE=${k#*:}"
			break
		fi
	done
fi

echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores, $(go version | cut -d' ' -f3), numpy $("$python" -c 'import numpy; print(numpy.__version__)')"
"${numpy[@]}" - <<'PY' 2>/dev/null || true
import numpy
try:
    from threadpoolctl import threadpool_info
    for i in threadpool_info():
        print("numpy BLAS: %s %s (%s), %s threads" % (i.get("internal_api"), i.get("version"), i.get("architecture"), i.get("num_threads")))
except ImportError:
    print("numpy BLAS: see numpy.show_config() (threadpoolctl not installed)")
PY
if [ $busy = 1 ]; then
	# One core kept busy for the whole measurement, as by another program.
	bash -c 'while :; do :; done' &
	hog=$!
	echo "busy machine: a CPU hog (pid $hog) keeps one core busy during every run"
fi

# One timed run: label, then the command. Appends "label seconds maxrss_kb".
timed() {
	local label=$1
	shift
	/usr/bin/time -f "%e %M" -o "$tmp/t" "$@" >"$tmp/stdout"
	echo "$label $(cat "$tmp/t")" >>"$tmp/times"
}

for ((r = 1; r <= runs; r++)); do
	timed "demo/dnn" "$bin" demo -report ""
	timed "demo/dnn-1" env GOMAXPROCS=1 "$bin" demo -report ""
	timed "demo/dnn-plain" "$bin" demo -report "" -fast=false
	timed "demo/numpy" "${numpy[@]}" scripts/reference_numpy.py demo
	if [ $cat = 1 ]; then
		for model in l-layer two-layer; do
			timed "$model/dnn-plain" "$bin" train -data "$data" -model "$model"
			timed "$model/dnn" "$bin" train -data "$data" -model "$model" -fast
			timed "$model/numpy" "${numpy[@]}" scripts/reference_numpy.py "$data" "$model"
			if [ $notebook = 1 ]; then
				timed "$model/numpy-notebook" "${numpy[@]}" scripts/reference_numpy.py --notebook "$data" "$model"
			fi
		done
	fi
	echo "run $r of $runs done" >&2
done

median() { sort -n | awk '{v[NR]=$1} END {print (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }
col() { awk -v l="$1" -v c="$2" '$1==l {print $c}' "$tmp/times"; }
row() { # workload, label, command shown
	local s rss np
	s=$(col "$1/$2" 2 | median)
	rss=$(col "$1/$2" 3 | median)
	np=$(col "$1/numpy" 2 | median)
	printf '| %s | `%s` | %.2f | %.3f | %.0f |\n' "$1" "$3" "$s" "$(echo "$s $np" | awk '{print $1/$2}')" "$(echo "$rss" | awk '{print $1/1024}')"
}

printf '\n| workload | command | median seconds | ×numpy | peak RSS MiB |\n|---|---|---|---|---|\n'
row demo dnn 'dnn demo'
row demo dnn-1 'GOMAXPROCS=1 dnn demo'
row demo dnn-plain 'dnn demo -fast=false'
row demo numpy 'reference_numpy.py demo'
if [ $cat = 1 ]; then
	for model in l-layer two-layer; do
		row "$model" dnn-plain "dnn train -model $model"
		row "$model" dnn "dnn train -model $model -fast"
		row "$model" numpy "reference_numpy.py DATADIR $model"
		if [ $notebook = 1 ]; then
			row "$model" numpy-notebook "reference_numpy.py --notebook DATADIR $model"
		fi
	done
fi
d=$(col demo/dnn 2 | median)
d1=$(col demo/dnn-1 2 | median)
echo
echo "demo, default settings / GOMAXPROCS=1: $(echo "$d $d1" | awk '{printf "%.2f", $1/$2}')"
if [ $cat = 1 ] && [ $notebook = 1 ]; then
	for model in l-layer two-layer; do
		p=$(col "$model/dnn-plain" 2 | median)
		n=$(col "$model/numpy-notebook" 2 | median)
		echo "$model, dnn train (the step functions) / numpy in the notebook's form: $(echo "$p $n" | awk '{printf "%.2f", $1/$2}')"
	done
fi
