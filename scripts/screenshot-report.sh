#!/bin/sh
# Usage: scripts/screenshot-report.sh DIR [WIDTH] [OUT.png]
#
# Opens the report DIR/index.html in headless Chromium in a window WIDTH
# CSS pixels wide (default 1280; 400 is a phone), and
#   1. measures the page: if it is wider than the window (something is cut
#      off, or needs scrolling sideways), says so and exits with status 1;
#   2. takes a screenshot of the whole page to OUT.png (default
#      DIR/screenshot-WIDTH.png), to look at.
# Headless Chromium's windows are at least 500 pixels wide, so the page is
# shown in a frame WIDTH wide inside a page of its own; the frame's width is
# what the report's layout sees, exactly as a phone's screen. Below 500 the
# screenshot has a grey band on the right, outside the frame.
#
# Installs Debian's chromium package with apt-get if /usr/bin/chromium is
# missing.
set -eu

if [ $# -lt 1 ] || [ $# -gt 3 ]; then
	echo "usage: $0 DIR [WIDTH] [OUT.png]" >&2
	exit 2
fi
dir=$1
width=${2:-1280}
case $width in
'' | *[!0-9]*)
	echo "$0: WIDTH must be a number of pixels, got $width" >&2
	exit 2
	;;
esac
page=$dir/index.html
if [ ! -f "$page" ]; then
	echo "$0: no report at $page" >&2
	exit 1
fi
out=${3:-$dir/screenshot-$width.png}

chromium=/usr/bin/chromium
if [ ! -x "$chromium" ]; then
	echo "$0: $chromium is missing; installing it with apt-get install -y chromium" >&2
	apt-get install -y chromium >&2
fi

abs() { (cd "$(dirname "$1")" && printf '%s/%s\n' "$(pwd -P)" "$(basename "$1")"); }
page=$(abs "$page")
out=$(abs "$out")

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
window=$((width > 500 ? width : 500))

# frame HEIGHT: writes the page that shows the report in a frame WIDTH×HEIGHT
# and, once it is loaded, writes the report's laid-out size into its title.
frame() {
	cat >"$tmp/frame.html" <<HTML
<!DOCTYPE html><html><head><meta charset="utf-8"><title>loading</title>
<style>body { margin: 0; background: #999; } iframe { display: block; border: 0; background: #fff; }</style></head>
<body><iframe id="f" src="file://$page" style="width: ${width}px; height: ${1}px"></iframe>
<script>
var f = document.getElementById("f");
f.onload = function () {
	var e = f.contentDocument.documentElement;
	document.title = "size " + e.scrollWidth + " " + e.scrollHeight;
};
</script></body></html>
HTML
}

# run HEIGHT ARGS...: headless Chromium on the frame page, window×HEIGHT.
run() {
	height=$1
	shift
	timeout 120 "$chromium" --headless --no-sandbox --disable-gpu --disable-quic \
		--no-first-run --disable-background-networking --disable-component-update \
		--disable-sync --hide-scrollbars --allow-file-access-from-files \
		--user-data-dir="$tmp/profile" --virtual-time-budget=10000 \
		--window-size="$window,$height" "$@" "file://$tmp/frame.html" 2>>"$tmp/log"
}

# 1. The report's size as laid out in the frame.
frame 900
size=$(run 900 --dump-dom | sed -n 's|.*<title>size \([0-9]*\) \([0-9]*\)</title>.*|\1 \2|p')
if [ -z "$size" ]; then
	echo "$0: chromium did not lay out $page; its last messages:" >&2
	tail -n 20 "$tmp/log" >&2
	exit 1
fi
set -- $size
scrollw=$1
scrollh=$2

# 2. The whole report in one picture (Chromium caps a window's height).
height=$((scrollh < 16000 ? scrollh : 16000))
frame "$height"
rm -f "$out"
run "$height" --screenshot="$out" >/dev/null || true
if [ ! -s "$out" ]; then
	echo "$0: chromium wrote no screenshot to $out; its last messages:" >&2
	tail -n 20 "$tmp/log" >&2
	exit 1
fi

if [ "$scrollw" -gt "$width" ]; then
	echo "$0: $page is $scrollw px wide in a $width px window: something is cut off (screenshot: $out)" >&2
	exit 1
fi
echo "$out: ${width}×$scrollh px, nothing wider than the window"
