# --output-dir with --format html: a whole page per input, NAME.html.
$LGX --output-dir "$WORK/out" --format html tests/cli/fixtures/ningbo.txt - < tests/cli/fixtures/hangzhou.txt
echo "exit $?"
cd "$WORK/out" && for f in $(find . -type f | sort); do echo "== $f"; head -c 15 "$f"; echo; grep -c '<article class="doc">' "$f"; tail -c 8 "$f"; done
