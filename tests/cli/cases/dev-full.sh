# A failed write (a full disk) is an error, said once: exit 2.
$LGX tests/cli/fixtures/hangzhou.txt > /dev/full 2> "$WORK/err"
echo "exit $?"
sed 's/^/stderr: /' "$WORK/err"
$LGX -j 2 --format csv seeds/*.txt > /dev/full 2> "$WORK/err"
echo "exit $?"
sed 's/^/stderr: /' "$WORK/err"
