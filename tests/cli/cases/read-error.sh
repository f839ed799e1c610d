# A read that fails half-way (here: address 0 of our own memory) is an
# error with the system's reason.
$LGX /proc/self/mem 2> "$WORK/err"
status=$?
sed 's/^/stderr: /' "$WORK/err"
exit $status
