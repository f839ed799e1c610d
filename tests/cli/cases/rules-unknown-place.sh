# A place alias for a place the gazetteer does not know.
printf '[places]\n+高新区 = 火星市高新区\n' > "$WORK/my.rules"
$LGX --rules "$WORK/my.rules" tests/cli/fixtures/hangzhou.txt 2> "$WORK/err"
status=$?
sed -e "s|$WORK/||" -e 's/^/stderr: /' "$WORK/err"
exit $status
