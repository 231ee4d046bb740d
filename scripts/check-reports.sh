#!/bin/sh
# Usage: scripts/check-reports.sh [OUT]
#
# Writes every kind of report into OUT (default report/check) and checks
# each in headless Chromium at a desktop width (1280 px) and a phone width
# (400 px) with scripts/screenshot-report.sh: nothing may be wider than the
# window. Leaves the screenshots beside each report, to look at:
#
#   demo      dnn demo                      the flower data: boundary, heat maps
#   train     dnn train -fast               the course's pictures: weights, top pictures
#   train-npy dnn train -x -y -test-x -test-y, the same pictures as .npy arrays
#   sweep     dnn sweep                     the default grid on the course's data
#   sweep-demo dnn sweep -demo              the default grid on the flower data
#
# Needs the course's data in testdata/datasets, and python3 with numpy and
# h5py to write the .npy arrays (Debian: apt-get install python3-numpy
# python3-h5py; set PYTHON to choose the interpreter). Run from anywhere in
# the project; the sweeps take a few minutes.
set -eu
python=${PYTHON:-python3}

root=$(cd "$(dirname "$0")/.." && pwd -P)
out=${1:-$root/report/check}
mkdir -p "$out"
out=$(cd "$out" && pwd -P)
data=$root/testdata/datasets
for f in train_catvnoncat.h5 test_catvnoncat.h5; do
	[ -f "$data/$f" ] || { echo "$0: $data/$f not found (see README: Getting the course's data)" >&2; exit 1; }
done
"$python" -c 'import numpy, h5py' 2>/dev/null || { echo "$0: $python cannot import numpy and h5py" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
(cd "$root" && go build -o "$tmp/dnn" ./cmd/dnn)
dnn=$tmp/dnn

"$python" - "$data" "$tmp" <<'PY'
import sys, h5py, numpy as np
data, tmp = sys.argv[1], sys.argv[2]
for part in ("train", "test"):
    with h5py.File(f"{data}/{part}_catvnoncat.h5", "r") as f:
        x = np.array(f[f"{part}_set_x"])
        y = np.array(f[f"{part}_set_y"])
    # As the course flattens them: one picture per column, values in [0, 1].
    np.save(f"{tmp}/{part}_x.npy", np.ascontiguousarray(x.reshape(x.shape[0], -1).T / 255.0))
    np.save(f"{tmp}/{part}_y.npy", y.reshape(1, -1).astype(np.float64))
PY

cd "$tmp"
echo "writing the reports into $out"
"$dnn" demo -report "$out/demo" >/dev/null
"$dnn" train -fast -data "$data" -report "$out/train" >/dev/null
"$dnn" train -fast -x train_x.npy -y train_y.npy -test-x test_x.npy -test-y test_y.npy -report "$out/train-npy" >/dev/null
"$dnn" sweep -data "$data" -report "$out/sweep" >/dev/null
"$dnn" sweep -demo -report "$out/sweep-demo" >/dev/null

status=0
for kind in demo train train-npy sweep sweep-demo; do
	for width in 1280 400; do
		"$root/scripts/screenshot-report.sh" "$out/$kind" "$width" || status=1
	done
done
exit $status
