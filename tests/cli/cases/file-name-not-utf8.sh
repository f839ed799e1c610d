# A file name that is not UTF-8 is written with U+FFFD for its bad bytes,
# so the output stays valid UTF-8 JSON.
name="$WORK/a$(printf '\377')b.txt"
cp tests/cli/fixtures/hangzhou.txt "$name"
$LGX --fields file,value "$name" | sed "s|$WORK/||" | python3 -c '
import json, sys
for line in sys.stdin.buffer:
    print(json.dumps(json.loads(line.decode("utf-8")), ensure_ascii=False))
'
