# A place alias of one character.
printf '[places]\n+区 = 包头市\n' > "$WORK/my.rules"
$LGX --rules "$WORK/my.rules" tests/cli/fixtures/hangzhou.txt 2> "$WORK/err"
status=$?
sed -e "s|$WORK/||" -e 's/^/stderr: /' "$WORK/err"
exit $status
