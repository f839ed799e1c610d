# - and no file at all both read standard input, named "-" in records.
$LGX --fields file,metric,value - < tests/cli/fixtures/hangzhou.txt
$LGX --fields file,metric,value < tests/cli/fixtures/ningbo.txt
cat tests/cli/fixtures/hangzhou.txt | $LGX --fields file,value tests/cli/fixtures/ningbo.txt -
