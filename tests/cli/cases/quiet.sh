# A warning (invalid UTF-8) goes to standard error; -q silences it.
{ cat tests/cli/fixtures/hangzhou.txt; printf '\377\n'; } > "$WORK/bad.txt"
$LGX -e UTF-8 --fields metric "$WORK/bad.txt" 2> "$WORK/err"
echo "exit $?"
sed "s|$WORK|WORK|; s/^/stderr: /" "$WORK/err"
$LGX -q -e UTF-8 --fields metric "$WORK/bad.txt" 2> "$WORK/err"
echo "exit $?"
echo "stderr bytes with -q: $(wc -c < "$WORK/err")"
