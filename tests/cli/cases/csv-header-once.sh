# CSV and TSV have their header once per output, whatever the number of
# inputs and of threads; --no-header leaves it out, to append a batch to a
# table (needs csv or tsv).
set -- tests/cli/fixtures/hangzhou.txt tests/cli/fixtures/empty-report.txt tests/cli/fixtures/ningbo.txt
for j in 1 2; do
    echo "csv -j $j: $($LGX --format csv -j $j "$@" | grep -c '^file,')" header line
    echo "tsv -j $j: $($LGX --format tsv -j $j "$@" | grep -c '^file	')" header line
done
$LGX --format csv --fields city,metric,value tests/cli/fixtures/hangzhou.txt > "$WORK/table.csv"
$LGX --format csv --fields city,metric,value --no-header tests/cli/fixtures/ningbo.txt >> "$WORK/table.csv"
cat "$WORK/table.csv"
$LGX --no-header tests/cli/fixtures/ningbo.txt 2>&1
