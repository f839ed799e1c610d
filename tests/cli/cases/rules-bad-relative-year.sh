# A relative year whose field is none of now N, report, half 1, half 2.
printf '[relative-years]\n+明年 now 1\n+后年 next\n' > "$WORK/my.rules"
$LGX --rules "$WORK/my.rules" tests/cli/fixtures/hangzhou.txt 2> "$WORK/err"
status=$?
sed -e "s|$WORK/||" -e 's/^/stderr: /' "$WORK/err"
exit $status
