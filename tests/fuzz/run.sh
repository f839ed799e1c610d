#!/bin/sh
# Build the libFuzzer harnesses and run each for FUZZ_SECONDS.
#
# usage: tests/fuzz/run.sh [pipeline|number|rules]...  (default: all three)
#
#   FUZZ_SECONDS  seconds per harness (default 60); 0 only replays the seed
#                 corpus and the work corpus once (a quick regression check)
#   FUZZ_JOBS     parallel fuzzing processes per harness (default 1)
#   CLANG         the compiler (default: clang, else clang-14)
#
# The harnesses (tests/fuzz/fuzz_*.c) are compiled together with the library
# sources (src/*.c but src/main.c) with -fsanitize=fuzzer,address,undefined.
# New inputs go to build/fuzz/corpus/NAME (the seed corpus under
# tests/fuzz/corpus/NAME is only read); a crash leaves its input as
# build/fuzz/artifacts/NAME-crash-* and makes the script exit 1.
# Minimize one with: build/fuzz/fuzz_NAME -minimize_crash=1 -runs=10000 FILE
set -u
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
cd "$top" || exit 2

seconds=${FUZZ_SECONDS:-60}
jobs=${FUZZ_JOBS:-1}
if [ -n "${CLANG:-}" ]; then
    cc=$CLANG
elif command -v clang >/dev/null 2>&1; then
    cc=clang
else
    cc=clang-14
fi
command -v "$cc" >/dev/null 2>&1 || {
    echo "fuzz: $cc not found (apt-get install clang libclang-rt-dev)" >&2
    exit 2
}
pkg=$(pkg-config --cflags --libs libpcre2-8 libcjson) || {
    echo "fuzz: pkg-config cannot find libpcre2-8 / libcjson" >&2
    exit 2
}
# the script stage converts traditional text with OpenCC where it is installed
if opencc=$(pkg-config --cflags --libs opencc 2>/dev/null); then
    pkg="$pkg -DLG_HAVE_OPENCC $opencc"
fi

out=build/fuzz
mkdir -p "$out/artifacts"
flags="-std=c11 -D_POSIX_C_SOURCE=200809L -g -O1 -fno-omit-frame-pointer \
 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all -Iinclude -Isrc"
# the compiled-in rules are generated: make builds build/gen/rules_data.c
make --no-print-directory build/gen/rules_data.c >&2 || exit 2
lib_srcs="$(ls src/*.c | grep -v '^src/main\.c$') build/gen/rules_data.c"

build() { # name
    bin="$out/fuzz_$1"
    newest=$(ls -t "tests/fuzz/fuzz_$1.c" src/*.c src/*.h include/*.h build/gen/rules_data.c "$bin" 2>/dev/null | head -1)
    [ "$newest" = "$bin" ] && return 0
    echo "fuzz: building $bin" >&2
    # shellcheck disable=SC2086
    "$cc" $flags -o "$bin" "tests/fuzz/fuzz_$1.c" $lib_srcs $pkg -lpthread
}

fuzz() { # name, extra libFuzzer options...
    name=$1
    shift
    mkdir -p "$out/corpus/$name"
    log="$out/fuzz_$name.log"
    set -- -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix="$out/artifacts/$name-" "$@"
    if [ "$seconds" -eq 0 ]; then
        set -- "$@" -runs=0
    else
        set -- "$@" -max_total_time="$seconds"
    fi
    if [ "$jobs" -gt 1 ]; then
        set -- "$@" -fork="$jobs" -ignore_crashes=0
    fi
    echo "fuzz: $name for ${seconds}s" >&2
    "$out/fuzz_$name" "$@" "$out/corpus/$name" "tests/fuzz/corpus/$name" > "$log" 2>&1
    rc=$?
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1)
    if [ $rc -eq 0 ]; then
        echo "fuzz: $name: ok, ${execs:-?} runs, ${rate:-?} exec/s, ${cov:-cov: ?}"
        return 0
    fi
    echo "fuzz: $name: FAILED (exit $rc), see $log" >&2
    grep -E 'ERROR|SUMMARY|check failed|runtime error|Test unit written' "$log" | head -20 >&2
    return 1
}

names=${*:-pipeline number rules}
failed=0
for name in $names; do
    case $name in
    pipeline | number | rules) ;;
    *) echo "fuzz: unknown harness '$name' (pipeline, number, rules)" >&2; exit 2 ;;
    esac
    build "$name" || { failed=1; continue; }
    if [ "$name" = pipeline ]; then
        # long enough for a paragraph to overflow the normalizer (4096 chars)
        fuzz pipeline -dict=tests/fuzz/pipeline.dict -max_len=16384 || failed=1
    elif [ "$name" = rules ]; then
        fuzz rules -dict=tests/fuzz/rules.dict -max_len=4096 || failed=1
    else
        fuzz number -dict=tests/fuzz/number.dict -max_len=256 || failed=1
    fi
done
exit $failed
