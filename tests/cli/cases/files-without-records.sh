# --files-without-records names each input that gave no record (as
# grep -L): reports the tool cannot read.  Exit 0 when it named one, 1 when
# none, 2 on an error.
$LGX --files-without-records tests/cli/fixtures/hangzhou.txt tests/cli/fixtures/empty-report.txt tests/cli/fixtures/no-city.txt
echo "exit $?"
$LGX --files-without-records -j 2 tests/cli/fixtures/empty-report.txt tests/cli/fixtures/hangzhou.txt tests/cli/fixtures/empty-report.txt
echo "-j 2 exit $?"
$LGX --files-without-records tests/cli/fixtures/hangzhou.txt
echo "exit $?"
$LGX --files-without-records --output-dir "$WORK/out" tests/cli/fixtures/hangzhou.txt 2>&1
echo "exit $?"
