# --fields chooses and orders the fields, in every format.
for f in jsonl json csv tsv; do
    $LGX --format $f --fields value,unit,metric,year tests/cli/fixtures/ningbo.txt
done
