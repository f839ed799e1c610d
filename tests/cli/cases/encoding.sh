# GB18030 is detected, and can be named with -e; both give the UTF-8 records.
iconv -f UTF-8 -t GB18030 tests/cli/fixtures/hangzhou.txt > "$WORK/hangzhou.gb"
$LGX --fields metric,value,unit "$WORK/hangzhou.gb"
$LGX -e GB18030 --fields metric,value,unit "$WORK/hangzhou.gb"
