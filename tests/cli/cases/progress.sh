# The progress line shows on a terminal (script(1) makes one) when a run
# lasts more than a second, redrawn in place with \r and erased at the end;
# nothing of it when standard error is not a terminal, or with -q.
slow_run() {  # a second input that arrives after 1.5 seconds
    rm -f "$WORK/slow"
    mkfifo "$WORK/slow"
    ( sleep 1.5; cat tests/cli/fixtures/ningbo.txt > "$WORK/slow" ) &
    "$@"
    wait
}
slow_run script -qec "$LGX tests/cli/fixtures/hangzhou.txt $WORK/slow > $WORK/out" /dev/null > "$WORK/tty"
echo "exit $?, $(wc -l < "$WORK/out") records"
# (drawn as the second input's records come, and perhaps again when it is
# done: the count of files done is N)
od -c "$WORK/tty" | sed -n 1p
tr '\r' '\n' < "$WORK/tty" | sed 's|[12]/2 files|N/2 files|; s/  *$/ (spaces)/' | uniq
slow_run script -qec "$LGX -q tests/cli/fixtures/hangzhou.txt $WORK/slow > $WORK/out" /dev/null > "$WORK/tty"
echo "with -q: $(wc -c < "$WORK/tty") bytes on the terminal"
slow_run $LGX tests/cli/fixtures/hangzhou.txt "$WORK/slow" > "$WORK/out" 2> "$WORK/err"
echo "not a terminal: $(wc -c < "$WORK/err") bytes on standard error"
# records going to the terminal itself: no progress line to glue onto them
slow_run script -qec "$LGX --fields metric tests/cli/fixtures/hangzhou.txt $WORK/slow" /dev/null > "$WORK/tty"
echo "stdout on the terminal: $(grep -c metric "$WORK/tty") records, progress lines: $(grep -c 'files,' "$WORK/tty")"
# the total size known (a corpus file): the share done and the time left,
# counted in bytes within the corpus (a reader that waits 1.2 s before it
# takes the records holds the run up long enough for the line to show)
i=0; while [ $i -lt 3000 ]; do cat tests/cli/fixtures/corpus.jsonl; i=$((i + 1)); done > "$WORK/corpus.jsonl"
script -qec "$LGX --input-format jsonl $WORK/corpus.jsonl | (sleep 1.2; cat > $WORK/out)" /dev/null > "$WORK/tty"
tr '\r' '\n' < "$WORK/tty" | grep 'files' | head -1 | sed 's/[0-9][0-9]*/N/g; s/  *$//'
