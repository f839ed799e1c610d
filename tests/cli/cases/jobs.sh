# -j 2 (and -j 0, one thread per CPU) write to standard output byte for byte
# what -j 1 writes, in every format.
set -- tests/cli/fixtures/hangzhou.txt tests/cli/fixtures/empty-report.txt tests/cli/fixtures/ningbo.txt seeds/*.txt
for f in jsonl json csv tsv; do
    $LGX --format $f -j 1 "$@" > "$WORK/j1"
    for j in 2 0; do
        $LGX --format $f -j $j "$@" | cmp - "$WORK/j1" && echo "$f -j $j: same as -j 1"
    done
done
