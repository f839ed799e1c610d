# JSON Lines (the default): every field of docs/record-format.md, in its order.
$LGX tests/cli/fixtures/hangzhou.txt
