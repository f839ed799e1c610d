#!/bin/sh
# Make docs/review-page.png, the README's picture of the review page:
# the page of a seed report in headless Chromium, one mark focused.
# usage: tools/review-screenshot.sh [BINARY] [OUT.png]
set -eu
bin=${1:-./lawgov-extract}
out=${2:-docs/review-page.png}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bin" --format html seeds/003_e7f5bf58e6b205eb.txt > "$tmp/page.html"
python3 tests/html/check.py instrument "$tmp/page.html" tools/review-demo.js "$tmp/demo.html"
sandbox=""
[ "$(id -u)" -eq 0 ] && sandbox=--no-sandbox
chromium --headless $sandbox --disable-gpu --hide-scrollbars --no-first-run \
    --user-data-dir="$tmp/profile" --window-size=1400,900 \
    --screenshot="$tmp/shot.png" "file://$tmp/demo.html" > /dev/null 2>&1
cp "$tmp/shot.png" "$out"
echo "wrote $out"
