# A unit without its kind.
printf '[units]\n+羽\n' > "$WORK/my.rules"
$LGX --rules "$WORK/my.rules" tests/cli/fixtures/hangzhou.txt 2> "$WORK/err"
status=$?
sed -e "s|$WORK/||" -e 's/^/stderr: /' "$WORK/err"
exit $status
