#!/bin/sh
# Hostile-input tests: huge lines, runs of one character, NUL, invalid and
# random bytes, separators that break JSON readers, bad file arguments.
# Each case must finish within 20 s, exit 0 or 1 (2 for the bad-arguments
# case) and write valid JSON Lines; see tests/hostile/hostile.py.
# usage: tests/hostile/run.sh BINARY [CASE...]
set -u
here=$(cd "$(dirname "$0")" && pwd)
[ $# -ge 1 ] || { echo "usage: $0 BINARY [CASE...]" >&2; exit 2; }
command -v python3 >/dev/null 2>&1 || { echo "hostile: python3 is needed" >&2; exit 2; }
command -v timeout >/dev/null 2>&1 || { echo "hostile: timeout (coreutils) is needed" >&2; exit 2; }
exec python3 "$here/hostile.py" "$@"
