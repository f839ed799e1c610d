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
od -c "$WORK/tty" | sed -n 1,2p
tr '\r' '\n' < "$WORK/tty" | sed 's/  *$/ (spaces)/'
slow_run script -qec "$LGX -q tests/cli/fixtures/hangzhou.txt $WORK/slow > $WORK/out" /dev/null > "$WORK/tty"
echo "with -q: $(wc -c < "$WORK/tty") bytes on the terminal"
slow_run $LGX tests/cli/fixtures/hangzhou.txt "$WORK/slow" > "$WORK/out" 2> "$WORK/err"
echo "not a terminal: $(wc -c < "$WORK/err") bytes on standard error"
