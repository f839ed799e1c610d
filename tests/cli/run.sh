#!/bin/sh
# Golden tests of the lawgov-extract command line.
#
# usage: tests/cli/run.sh BINARY [--regen] [CASE...]
#
# Each case is tests/cli/cases/NAME.sh: a few shell lines run with sh from
# the top of the repository, with $LGX the binary under test and $WORK an
# empty scratch directory of its own.  Beside it:
#   NAME.out   its standard output, exactly
#   NAME.exit  its exit status
# A case that wants to check standard error prints what matters of it to
# standard output (sed 's/^/stderr: /' "$WORK/err"), so it is golden too.
# --regen runs the cases and rewrites NAME.out and NAME.exit from what they
# do now: review the diff before committing it.
set -u
if [ $# -lt 1 ]; then
    echo "usage: $0 BINARY [--regen] [CASE...]" >&2
    exit 2
fi
bin=$1
shift
regen=0
if [ "${1:-}" = --regen ]; then
    regen=1
    shift
fi
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
case $bin in
/*) LGX=$bin ;;
*) LGX=$(pwd)/$bin ;;
esac
if [ ! -x "$LGX" ]; then
    echo "$0: $bin: not an executable" >&2
    exit 2
fi
export LGX
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
trap 'exit 2' INT TERM
# Messages and sorting must not depend on the caller's locale.
LC_ALL=C.UTF-8
export LC_ALL

pass=0
fail=0
failed=""

# Run one case; its output lands in $tmp/NAME/{stdout,stderr,exit}.
run_case() {
    name=$1
    WORK=$tmp/$name/work
    mkdir -p "$WORK"
    export WORK
    (cd "$top" && sh "$here/cases/$name.sh") > "$tmp/$name/stdout" 2> "$tmp/$name/stderr"
    echo $? > "$tmp/$name/exit"
}

check_case() {
    name=$1
    d=$tmp/$name
    if cmp -s "$d/stdout" "$here/cases/$name.out" 2>/dev/null &&
       cmp -s "$d/exit" "$here/cases/$name.exit" 2>/dev/null; then
        pass=$((pass + 1))
        return
    fi
    fail=$((fail + 1))
    failed="$failed $name"
    echo "FAIL: $name (exit $(cat "$d/exit"), expected $(cat "$here/cases/$name.exit" 2>/dev/null))"
    diff -u "$here/cases/$name.out" "$d/stdout" 2>&1 | head -20 | sed 's/^/    /'
    if [ -s "$d/stderr" ]; then
        echo "    stderr:"
        head -5 "$d/stderr" | sed 's/^/    /'
    fi
}

if [ $# -eq 0 ]; then
    set -- $(cd "$here/cases" && ls *.sh | sed 's/\.sh$//')
fi
for name; do
    name=${name%.sh}
    if [ ! -f "$here/cases/$name.sh" ]; then
        echo "$0: no case $name" >&2
        exit 2
    fi
    run_case "$name"
    if [ $regen -eq 1 ]; then
        cp "$tmp/$name/stdout" "$here/cases/$name.out"
        cp "$tmp/$name/exit" "$here/cases/$name.exit"
        pass=$((pass + 1))
    else
        check_case "$name"
    fi
done

[ $regen -eq 1 ] && echo "cli: $pass cases regenerated"
echo "cli: $pass passed, $fail failed"
[ $fail -eq 0 ]
