#!/bin/sh
# Usage: scripts/screenshot-report.sh DIR [OUT.png]
#
# Takes a screenshot of the report DIR/index.html with headless Chromium
# (window 1200×1600) and writes it to OUT.png (default DIR/screenshot.png),
# to check by eye how the page looks. Installs Debian's chromium package
# with apt-get if /usr/bin/chromium is missing.
set -eu

if [ $# -lt 1 ] || [ $# -gt 2 ]; then
	echo "usage: $0 DIR [OUT.png]" >&2
	exit 2
fi
dir=$1
page=$dir/index.html
if [ ! -f "$page" ]; then
	echo "$0: no report at $page" >&2
	exit 1
fi
out=${2:-$dir/screenshot.png}

chromium=/usr/bin/chromium
if [ ! -x "$chromium" ]; then
	echo "$0: $chromium is missing; installing it with apt-get install -y chromium" >&2
	apt-get install -y chromium >&2
fi

abs() { (cd "$(dirname "$1")" && printf '%s/%s\n' "$(pwd -P)" "$(basename "$1")"); }
page=$(abs "$page")
out=$(abs "$out")

profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT INT TERM

rm -f "$out"
timeout 120 "$chromium" --headless --no-sandbox --disable-gpu --disable-quic \
	--no-first-run --disable-background-networking --disable-component-update \
	--disable-sync --hide-scrollbars --user-data-dir="$profile" \
	--window-size=1200,1600 --screenshot="$out" "file://$page" >"$profile/log" 2>&1 || true
if [ ! -s "$out" ]; then
	echo "$0: chromium wrote no screenshot to $out; its last messages:" >&2
	tail -n 20 "$profile/log" >&2
	exit 1
fi
echo "$out"
