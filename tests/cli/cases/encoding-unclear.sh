# Detection when the text is damaged or unmarked, with a warning each time:
# UTF-8 with a bad sequence every few characters stays UTF-8 (both counts
# are given); UTF-16 without a BOM is found by its NULs; a UTF-8 BOM before
# GB18030 text is read as UTF-8, as the BOM says, and --encoding suggested.
python3 - "$WORK" <<'PY'
import sys
work = sys.argv[1]
text = open("tests/cli/fixtures/hangzhou.txt", encoding="utf-8").read() * 5
damaged, n = bytearray(), 0
for ch in text:
    e = ch.encode("utf-8")
    if len(e) > 1:
        n += 1
        if n % 4 == 0:
            e = e[:-1]
    damaged += e
open(work + "/damaged.txt", "wb").write(bytes(damaged))
open(work + "/utf16.txt", "wb").write(text.encode("utf-16-le"))
open(work + "/bom-gb.txt", "wb").write(b"\xef\xbb\xbf" + text.encode("gb18030"))
PY
cd "$WORK"
for f in damaged utf16 bom-gb; do
    echo "== $f: $($LGX $f.txt 2> err | wc -l) records"
    sed 's/^/stderr: /' err
done
echo "a clean file: $($LGX "$OLDPWD/tests/cli/fixtures/hangzhou.txt" 2>&1 >/dev/null | wc -c) bytes of warnings"
