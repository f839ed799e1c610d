# make static: a binary with PCRE2 and cJSON linked in.  It needs only the
# C library, and run where nothing else is - a root directory holding the C
# library alone (chroot; unshare -r when not root) - it writes what the
# usual binary writes; the usual binary cannot even start there.
make -s --no-print-directory static > "$WORK/log" 2>&1 || { cat "$WORK/log"; exit 1; }
bin=build/static/lawgov-extract
echo "needs: $(readelf -d $bin | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | tr '\n' ' ')"
root=$WORK/root
mkdir -p "$root/in"
cp $bin "$root/lawgov-extract"
cp lawgov-extract "$root/lawgov-extract-shared"
cp tests/cli/fixtures/hangzhou.txt tests/cli/fixtures/corpus.jsonl "$root/in/"
for lib in $(ldd $bin | sed -n 's/.*=> \(\/[^ ]*\).*/\1/p; s/^[[:space:]]*\(\/[^ ]*\) (.*/\1/p'); do
    mkdir -p "$root$(dirname "$lib")"
    cp "$lib" "$root$lib"
done
if [ "$(id -u)" -eq 0 ]; then run_in_root() { chroot "$root" "$@"; }
else run_in_root() { unshare -r chroot "$root" "$@"; }
fi
run_in_root /lawgov-extract in/hangzhou.txt > "$WORK/static.jsonl"
echo "static, in the bare root: exit $?"
(cd "$root" && "$OLDPWD/lawgov-extract" in/hangzhou.txt) | cmp - "$WORK/static.jsonl" && echo "same records as the usual binary"
run_in_root /lawgov-extract --input-format jsonl --format csv in/corpus.jsonl | wc -l
run_in_root /lawgov-extract-shared --version > /dev/null 2>&1
echo "the usual binary in the bare root: exit $?"
