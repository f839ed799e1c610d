# --output-dir keeps the inputs' directories: 2023/杭州.txt and 2024/杭州.txt
# go to out/2023/杭州.jsonl and out/2024/杭州.jsonl.  "..", "." and a
# leading "/" never lead outside: a ".." takes off the directory before it,
# or nothing at the top.
mkdir -p "$WORK/r/2023" "$WORK/r/2024" "$WORK/r/x"
cp tests/cli/fixtures/hangzhou.txt "$WORK/r/2023/杭州.txt"
cp tests/cli/fixtures/ningbo.txt "$WORK/r/2024/杭州.txt"
cp tests/cli/fixtures/ningbo.txt "$WORK/top.txt"
cd "$WORK/r" && $LGX --output-dir ../out --fields city 2023/杭州.txt ./2024//杭州.txt \
    x/../../top.txt "$WORK/r/2023/杭州.txt" < /dev/null
echo "exit $?"
cd "$WORK" && find out -type f | sed "s|${WORK#/}|WORK|" | sort
cat out/2023/杭州.jsonl
