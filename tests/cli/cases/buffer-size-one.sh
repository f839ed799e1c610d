# -b 1 reads a byte at a time and finds the same records.
$LGX -b 1 tests/cli/fixtures/hangzhou.txt > "$WORK/one"
$LGX tests/cli/fixtures/hangzhou.txt | cmp - "$WORK/one" && echo "same records" && wc -l < "$WORK/one"
