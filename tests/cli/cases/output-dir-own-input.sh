# An output that would be the input itself (--output-dir . corpus.jsonl) is
# refused, and the input is left as it was.
cp tests/cli/fixtures/corpus.jsonl "$WORK/corpus.jsonl"
cd "$WORK" && $LGX --input-format jsonl --output-dir . corpus.jsonl 2> err
status=$?
sed 's/^/stderr: /' err
cmp corpus.jsonl "$OLDPWD/tests/cli/fixtures/corpus.jsonl" && echo "input unchanged"
exit $status
