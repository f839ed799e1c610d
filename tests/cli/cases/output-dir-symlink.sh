# Outputs are never written through a symbolic link: a dangling link at an
# output's name is replaced by the output (the file it pointed to is not
# made), and a link to a directory below --output-dir is refused (nothing
# is written outside it).
mkdir -p "$WORK/out/elsewhere" "$WORK/in/sub" "$WORK/victim"
cp tests/cli/fixtures/hangzhou.txt "$WORK/in/report.txt"
cp tests/cli/fixtures/ningbo.txt "$WORK/in/sub/other.txt"
ln -s "$WORK/victim/target.jsonl" "$WORK/out/in/report.jsonl" 2>/dev/null ||
    { mkdir -p "$WORK/out/in"; ln -s "$WORK/victim/target.jsonl" "$WORK/out/in/report.jsonl"; }
ln -s "$WORK/victim" "$WORK/out/in/sub"
cd "$WORK" && $LGX --output-dir out --fields city in/report.txt in/sub/other.txt 2> err
echo "exit $?"
sed "s|$WORK|WORK|g; s/^/stderr: /" err
[ -L out/in/report.jsonl ] && echo "report.jsonl: still a link" || echo "report.jsonl: a file of $(wc -l < out/in/report.jsonl) records"
echo "victim directory: $(ls victim | wc -l) files"
