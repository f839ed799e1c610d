# Fields where the section takes a word alone.
printf '[not-records]\n+十大 labels\n' > "$WORK/my.rules"
$LGX --rules "$WORK/my.rules" tests/cli/fixtures/hangzhou.txt 2> "$WORK/err"
status=$?
sed -e "s|$WORK/||" -e 's/^/stderr: /' "$WORK/err"
exit $status
