# --dedupe drops a record that repeats an earlier one of its document in
# city, district, year, period, indicator (or metric), value, unit, kind
# and role; a figure repeated in a headline and a paragraph is kept once.
$LGX --fields line,metric,indicator,value,unit,role tests/cli/fixtures/repeats.txt
echo "with --dedupe:"
for f in jsonl json csv tsv; do
    $LGX --dedupe --format $f --fields line,indicator,value,unit,kind,role tests/cli/fixtures/repeats.txt
done
# repeats count within one document: b keeps its figure although a had it
$LGX --dedupe --input-format jsonl --fields doc,metric,value tests/cli/fixtures/corpus-repeats.jsonl
# and with -j the same as one thread
$LGX --dedupe -j 2 --fields file,line,value tests/cli/fixtures/repeats.txt tests/cli/fixtures/hangzhou.txt > "$WORK/j2"
$LGX --dedupe --fields file,line,value tests/cli/fixtures/repeats.txt tests/cli/fixtures/hangzhou.txt > "$WORK/j1"
cmp "$WORK/j1" "$WORK/j2" && echo "-j 2: same output"
