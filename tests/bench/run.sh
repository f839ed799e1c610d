#!/bin/sh
# Throughput and memory benchmark (issues #5 and #17): prints one table of
# figures beside their targets.  Slowness never fails it; it exits 1 only
# when the extractor crashes (killed by a signal) or reports an error
# (status 2).
#
# usage: tests/bench/run.sh BINARY          (make bench)
#
# The base: issue #17 asks for twice the UTF-8 throughput of the commit
# before it, measured in the same run on the same machine.  That commit
# (BENCH_BASE, 48d66fb unless set; make bench passes the Makefile's) is
# taken from git with `git archive`, built with its own Makefile in
# $BENCH_DIR/base and rebuilt only when it is missing or the commit
# changes.  Without git, or when the commit is not in the repository, the
# table says the base could not be built and the rest is measured as ever.
#
# The corpus is built once under $BENCH_DIR (default build/bench) from
# seeds/*.txt and rebuilt when the seeds change:
#   corpus-10m.utf8.txt       the seeds repeated to ~10 MB
#   corpus-100m.utf8.txt      the same ten times (~100 MB)
#   corpus-100m.gb18030.txt   that, through iconv -f UTF-8 -t GB18030
#   corpus-100m-line.utf8.txt that with every newline removed: one line
#   corpus-40m.jsonl          each seed a JSON Lines document, to >= 40 MB
#   corpus-small/             2,000 files of a seed's first 2 KB each
# The 1 GiB stream on standard input is generated on the fly, never stored.
#
# Environment: BENCH_DIR, BENCH_RUNS (3; the best run counts),
# BENCH_BUDGET (40: seconds per case after which no further run is made),
# BENCH_STREAM_MB (1024: MiB of the standard-input stream, 0 skips it),
# BENCH_CORE (0: the core taskset pins every run to), BENCH_TIMEOUT (600),
# BENCH_STAGES (a build of tests/bench/stages.c: when set, the time of each
# stage on the 10 MB file is printed under the table), BENCH_BASE (the
# commit to compare with; empty skips it).
# $pin and $in are split into words on purpose (taskset -c N, or nothing)
# shellcheck disable=SC2086
set -u
if [ $# -lt 1 ]; then
    echo "usage: $0 BINARY" >&2
    exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
bin=$1
case $bin in
    /*) ;;
    *) bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin") ;;
esac
if [ ! -x "$bin" ]; then
    echo "bench: $1: not an executable" >&2
    exit 2
fi
cd "$top" || exit 2

dir=${BENCH_DIR:-$top/build/bench}
runs=${BENCH_RUNS:-3}
budget=${BENCH_BUDGET:-40}
stream_mib=${BENCH_STREAM_MB:-1024}
core=${BENCH_CORE:-0}
timeout=${BENCH_TIMEOUT:-600}
mkdir -p "$dir" || exit 2
log=$dir/stderr.log
: > "$log"
say() { printf '%s\n' "$*" >&2; }

# ---------------------------------------------------------------- corpus
stamp=$(cat seeds/*.txt | cksum | awk '{print $1 "-" $2}')
if [ "$(cat "$dir/seeds.stamp" 2>/dev/null)" != "$stamp" ]; then
    rm -f "$dir"/corpus-*
    echo "$stamp" > "$dir/seeds.stamp"
fi
c10=$dir/corpus-10m.utf8.txt
c100=$dir/corpus-100m.utf8.txt
g100=$dir/corpus-100m.gb18030.txt
l100=$dir/corpus-100m-line.utf8.txt
# every file is written under a temporary name and renamed when complete
if [ ! -s "$c10" ]; then
    say "bench: building $c10"
    set1=$dir/seeds-once.tmp
    : > "$set1"
    for f in seeds/*.txt; do
        cat "$f" >> "$set1"
        # seeds without a final newline would run into the next one
        [ "$(tail -c 1 "$f" | od -An -c | tr -d ' ')" = '\n' ] || echo >> "$set1"
    done
    size=$(wc -c < "$set1")
    copies=$(( (10000000 + size - 1) / size ))
    i=0
    while [ $i -lt $copies ]; do cat "$set1"; i=$((i + 1)); done > "$c10.tmp" &&
        mv "$c10.tmp" "$c10"
    rm -f "$set1"
fi
if [ ! -s "$c100" ]; then
    say "bench: building $c100"
    i=0
    while [ $i -lt 10 ]; do cat "$c10"; i=$((i + 1)); done > "$c100.tmp" &&
        mv "$c100.tmp" "$c100"
fi
if [ ! -s "$g100" ]; then
    say "bench: building $g100"
    iconv -f UTF-8 -t GB18030 "$c100" > "$g100.tmp" && mv "$g100.tmp" "$g100"
fi
if [ ! -s "$l100" ]; then
    say "bench: building $l100"
    tr -d '\r\n' < "$c100" > "$l100.tmp" && mv "$l100.tmp" "$l100"
fi
j40=$dir/corpus-40m.jsonl
small=$dir/corpus-small
if [ ! -s "$j40" ]; then
    say "bench: building $j40"
    python3 - "$j40.tmp" seeds/*.txt <<'PY' && mv "$j40.tmp" "$j40"
import json, sys
texts = [open(p, encoding="utf-8", errors="replace").read() for p in sys.argv[2:]]
size, n = 0, 0
with open(sys.argv[1], "w", encoding="utf-8") as f:
    while size < 40_000_000:
        line = json.dumps({"id": n, "text": texts[n % len(texts)]}, ensure_ascii=False) + "\n"
        f.write(line)
        size += len(line.encode("utf-8"))
        n += 1
PY
fi
if [ ! -f "$small/1999.txt" ]; then
    say "bench: building $small"
    rm -rf "$small" && mkdir -p "$small.tmp" &&
        python3 - "$small.tmp" seeds/*.txt <<'PY' && mv "$small.tmp" "$small"
import sys
texts = [open(p, "rb").read()[:2048] for p in sys.argv[2:]]
for i in range(2000):
    open("%s/%d.txt" % (sys.argv[1], i), "wb").write(texts[i % len(texts)])
PY
fi
for f in "$c10" "$c100" "$g100" "$l100" "$j40" "$small/1999.txt"; do
    [ -s "$f" ] || { say "bench: could not build $f"; exit 2; }
done

# ---------------------------------------------------------------- base
# build_base: sets base_bin to the base commit's binary, or leaves it empty
# with base_note saying why.  The tree is unpacked under a temporary name
# and renamed once built, so an interrupted build is never taken for one.
base_ref=${BENCH_BASE-48d66fb}
base_dir=$dir/base
base_bin=""
base_note=""
base_rev=""
build_base() {
    [ -n "$base_ref" ] || { base_note="no base commit given (BENCH_BASE is empty)"; return; }
    if ! command -v git >/dev/null 2>&1 || ! git -C "$top" rev-parse --git-dir >/dev/null 2>&1; then
        base_note="the base $base_ref could not be built: no git repository"
        return
    fi
    commit=$(git -C "$top" rev-parse --verify --quiet "$base_ref^{commit}") || {
        base_note="the base $base_ref could not be built: no such commit in this repository"
        return
    }
    base_rev=$(git -C "$top" rev-parse --short "$commit")
    if [ -x "$base_dir/tree/lawgov-extract" ] && [ "$(cat "$base_dir/commit" 2>/dev/null)" = "$commit" ]; then
        base_bin=$base_dir/tree/lawgov-extract
        return
    fi
    say "bench: building the base $base_rev in $base_dir (once; log in $dir/base-build.log)"
    rm -rf "$base_dir" && mkdir -p "$base_dir/tree.tmp" || return
    # MAKEFLAGS is the running make's; the base's own Makefile decides
    if git -C "$top" archive "$commit" | tar -x -C "$base_dir/tree.tmp" &&
        env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -C "$base_dir/tree.tmp" lawgov-extract \
            > "$dir/base-build.log" 2>&1 &&
        mv "$base_dir/tree.tmp" "$base_dir/tree"; then
        echo "$commit" > "$base_dir/commit"
        base_bin=$base_dir/tree/lawgov-extract
    else
        rm -rf "$base_dir"
        base_note="the base $base_rev could not be built (see $dir/base-build.log)"
    fi
}
build_base
[ -z "$base_note" ] || say "bench: $base_note"

# ---------------------------------------------------------------- machine
pin=""
pin_note="not pinned (no taskset)"
if command -v taskset >/dev/null 2>&1 && taskset -c "$core" true 2>/dev/null; then
    pin="taskset -c $core"
    pin_note="pinned to core $core (taskset)"
fi
cpu=$(sed -n 's/^model name[[:space:]]*:[[:space:]]*//p' /proc/cpuinfo 2>/dev/null | head -n 1)
[ -n "$cpu" ] || cpu=$(uname -m)
ncpu=$(nproc 2>/dev/null || echo '?')
version=$("$bin" --version 2>/dev/null | head -n 1)
rev=$(git -C "$top" rev-parse --short HEAD 2>/dev/null || true)
if [ -n "$rev" ] && [ -n "$(git -C "$top" status --porcelain -- src include Makefile 2>/dev/null)" ]; then
    rev="$rev+dirty"
fi

# ---------------------------------------------------------------- measuring
# measure [--stdin FILE | --stream FILE BYTES] -- COMMAND...
#   prints "BEST_SECONDS PEAK_RSS_KB STATUS RUNS BEST_CPU_SECONDS"
# peakrss.c (compiled here with cc) forks the command itself, so the RSS is
# the command's own; the python3 fallback reports at least python's own RSS
# (Linux charges an exec'd image with the peak of the one it replaced), so
# its floor, the figure for /bin/true, is printed with the table.
tool=$dir/peakrss
if [ ! -x "$tool" ] || [ -n "$(find "$here/peakrss.c" -newer "$tool" 2>/dev/null)" ]; then
    ${CC:-cc} -O2 -o "$tool" "$here/peakrss.c" 2>> "$log" || rm -f "$tool"
fi
stream() { while :; do cat "$1" 2>/dev/null || break; done | head -c "$2"; }
floor=""
if [ -x "$tool" ]; then
    method="wait4 ru_maxrss (tests/bench/peakrss.c)"
    measure() {
        case $1 in
            --stdin) f=$2; shift 3
                "$tool" -n "$runs" -b "$budget" -t "$timeout" -e "$log" -i "$f" -- "$@" ;;
            --stream) f=$2; n=$3; shift 4
                stream "$f" "$n" | "$tool" -n 1 -t "$timeout" -e "$log" -- "$@" ;;
            *) shift
                "$tool" -n "$runs" -b "$budget" -t "$timeout" -e "$log" -- "$@" ;;
        esac
    }
else
    method="python3 wait4 ru_maxrss (no cc)"
    measure() {
        case $1 in
            --stdin) in="--stdin $2"; shift 3 ;;
            --stream) in="--stdin-repeat $2 --stdin-bytes $3"; shift 4 ;;
            *) in=""; shift ;;
        esac
        python3 "$here/measure.py" --runs "$runs" --budget "$budget" \
            --timeout "$timeout" --stderr "$log" $in -- "$@"
    }
    # shellcheck disable=SC2046
    set -- $(measure -- true)
    floor=$2
fi

crashed=""
# run NAME [--stdin FILE | --stream FILE BYTES] -- COMMAND...: sets T (best
# seconds), RSS (KB), ST (status) and CPU (best user + system seconds);
# remembers crashes and errors
run() {
    name=$1; shift
    res=$(measure "$@")
    set -- $res
    if [ $# -lt 3 ]; then
        T=- RSS=- ST=error CPU=-
        crashed="$crashed; $name could not be measured"
        return
    fi
    T=$1 RSS=$2 ST=$3 CPU=${5:--}
    case $ST in
        0|1) ;;
        timeout) say "bench: $name: no result within ${timeout}s" ;;
        -*) crashed="$crashed; $name killed by signal ${ST#-}" ;;
        *) crashed="$crashed; $name exited with status $ST" ;;
    esac
}

num() { case $1 in -|''|timeout) return 1 ;; esac; }
mb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1e6 }'; }
rate() { num "$2" || { echo n/a; return; }; awk -v b="$1" -v t="$2" 'BEGIN { if (t > 0) printf "%.1f", b / 1e6 / t; else print "inf" }'; }
secs() { num "$1" || { echo n/a; return; }; awk -v t="$1" 'BEGIN { printf "%.2f s", t }'; }
div() { if ! num "$1" || ! num "$2"; then echo n/a; return; fi; awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.1f", a / b; else print "inf" }'; }
kb() { num "$1" || { echo n/a; return; }; awk -v k="$1" 'BEGIN { printf "%.1f", k * 1024 / 1e6 }'; }
rss() { num "$1" || { echo n/a; return; }; echo "$(kb "$1") MB"; }
status() { # status VALUE OP LIMIT -> ok / MISS
    case $1 in n/a|inf|'') echo "?"; return ;; esac
    awk -v v="$1" -v l="$3" -v op="$2" 'BEGIN {
        ok = (op == ">=") ? v >= l : (op == "<=") ? v <= l : (op == ">") ? v > l : v < l
        print ok ? "ok" : "MISS" }'
}
# rss_status KB: against 8 MB (#17); "?" when within the measuring method's floor
rss_limit=8
rss_status() {
    if [ -n "$floor" ] && num "$1" && [ "$1" -le $((floor + 512)) ]; then echo "? (floor)"; return; fi
    status "$(kb "$1")" '<' $rss_limit
}

s10=$(wc -c < "$c10" | tr -d ' ')
s100=$(wc -c < "$c100" | tr -d ' ')
sg=$(wc -c < "$g100" | tr -d ' ')
sl=$(wc -c < "$l100" | tr -d ' ')
stream_bytes=$((stream_mib * 1048576))

say "bench: UTF-8, $(mb "$s100") MB ..."
# This build and the base take turns, one run each, so that a busy spell
# on a shared machine falls on both; the best run of each counts.
least() { if ! num "$1"; then echo "$2"; elif ! num "$2"; then echo "$1"; else awk -v a="$1" -v b="$2" 'BEGIN { print (b < a) ? b : a }'; fi; }
most() { if ! num "$1"; then echo "$2"; elif ! num "$2"; then echo "$1"; else awk -v a="$1" -v b="$2" 'BEGIN { print (b > a) ? b : a }'; fi; }
u_t=- u_rss=- u_cpu=- b_t=- b_cpu=-
saved_runs=$runs; runs=1
turn=0
while [ $turn -lt "$saved_runs" ]; do
    turn=$((turn + 1))
    run "UTF-8 100 MB" -- $pin "$bin" -q "$c100"
    u_t=$(least "$u_t" "$T") u_rss=$(most "$u_rss" "$RSS") u_cpu=$(least "$u_cpu" "$CPU")
    if [ -n "$base_bin" ]; then
        [ $turn -gt 1 ] || say "bench: the base $base_rev, UTF-8, $(mb "$s100") MB, in turn ..."
        saved=$crashed
        run "base UTF-8 100 MB" -- $pin "$base_bin" -q "$c100"
        crashed=$saved # the base's troubles are not this build's
        case $ST in
            0|1) b_t=$(least "$b_t" "$T") b_cpu=$(least "$b_cpu" "$CPU") ;;
            *) say "bench: the base exited with status $ST"; base_bin="" base_note="the base $base_rev failed (status $ST)" ;;
        esac
    fi
    # as peakrss's budget: no further turn once a run has taken that long
    num "$T" && awk -v t="$T" -v b="$budget" 'BEGIN { exit !(t >= b) }' && break
done
runs=$saved_runs
say "bench: GB18030, $(mb "$sg") MB ..."
run "GB18030 100 MB" -- $pin "$bin" -q "$g100"; g_t=$T g_rss=$RSS g_cpu=$CPU
say "bench: iconv -f GB18030 -t UTF-8 ..."
saved=$crashed
run "iconv" -- $pin iconv -f GB18030 -t UTF-8 "$g100"; i_t=$T
crashed=$saved # iconv's troubles are not the extractor's
[ "$ST" = 0 ] || say "bench: iconv exited with status $ST"
say "bench: UTF-8, $(mb "$s10") MB ..."
run "UTF-8 10 MB" -- $pin "$bin" -q "$c10"; t10=$T cpu10=$CPU
saved_runs=$runs; runs=1
say "bench: one line of $(mb "$sl") MB ..."
run "100 MB line" -- $pin "$bin" -q "$l100"; l_t=$T l_rss=$RSS
if [ "$stream_mib" -gt 0 ]; then
    say "bench: $stream_mib MiB on standard input ..."
    run "stdin stream" --stream "$c10" "$stream_bytes" -- $pin "$bin" -q -; s_t=$T s_rss=$RSS
fi
runs=$saved_runs
# threads: not pinned, so that -j 2 has two cores when the machine does
sj=$(wc -c < "$j40" | tr -d ' ')
say "bench: JSON Lines corpus, $(mb "$sj") MB, -j 1 and -j 2 ..."
run "jsonl -j 1" -- "$bin" -q --input-format jsonl -j 1 "$j40"; j1_t=$T j1_rss=$RSS
run "jsonl -j 2" -- "$bin" -q --input-format jsonl -j 2 "$j40"; j2_t=$T j2_rss=$RSS
say "bench: 2,000 small files, -j 1 and -j 2 ..."
run "small -j 1" -- sh -c 'exec "$0" -q -j 1 "$1"/*.txt' "$bin" "$small"; k1_t=$T
run "small -j 2" -- sh -c 'exec "$0" -q -j 2 "$1"/*.txt' "$bin" "$small"; k2_t=$T

u_rate=$(rate "$s100" "$u_t")
ratio=$(div "$g_t" "$i_t")
growth=$(div "$u_t" "$t10")
size_ratio=$(div "$s100" "$s10")
# linear when the time ratio is within 20% of the size ratio
linear=$(awk -v g="$growth" -v s="$size_ratio" 'BEGIN {
    if (g == "n/a" || g == "inf") print "?"; else print (g >= 0.8 * s && g <= 1.25 * s) ? "ok" : "MISS" }')
# what GB18030 costs beyond UTF-8 on the same text, in units of iconv's time
extra=n/a
if num "$g_t" && num "$u_t" && num "$i_t"; then
    extra=$(awk -v g="$g_t" -v u="$u_t" -v i="$i_t" 'BEGIN {
        printf "%+.2f s = %+.1fx iconv", g - u, (i > 0) ? (g - u) / i : 0 }')
fi

echo "lawgov-extract benchmark: ${version:-$bin}${rev:+ (git $rev)}"
echo "machine: $cpu, nproc $ncpu, $pin_note; best of $runs runs (one for the long line and the stream); output to /dev/null; peak RSS by $method"
[ -n "$floor" ] && echo "(peak RSS figures are at least $(rss "$floor"), what this method reports for /bin/true)"
echo
echo "| measure | figure | target | |"
echo "|---|---|---|---|"
echo "| UTF-8 throughput ($(mb "$s100") MB file) | $u_rate MB/s ($(secs "$u_t")) | >= 100 MB/s | $(status "$u_rate" '>=' 100) |"
if [ -n "$base_bin" ]; then
    b_rate=$(rate "$s100" "$b_t")
    b_speedup=$(div "$b_t" "$u_t")
    # CPU time varies less than wall time on a machine others share
    b_cpu_speedup=$(div "$b_cpu" "$u_cpu")
    echo "| UTF-8 throughput of the base $base_rev, same file, runs in turn | $b_rate MB/s ($(secs "$b_t")) | | |"
    echo "| UTF-8 speed-up over the base $base_rev (wall; CPU time) | ${b_speedup}x; ${b_cpu_speedup}x ($(secs "$b_cpu") / $(secs "$u_cpu")) | >= 2x | $(status "$b_speedup" '>=' 2) |"
else
    echo "| UTF-8 speed-up over the base ${base_ref:-(none)} | n/a ($base_note) | >= 2x | ? |"
fi
echo "| GB18030 throughput ($(mb "$sg") MB file, same text) | $(rate "$sg" "$g_t") MB/s ($(secs "$g_t")) | | |"
echo "| iconv -f GB18030 -t UTF-8, same file | $(rate "$sg" "$i_t") MB/s ($(secs "$i_t")) | | |"
echo "| GB18030: extractor / iconv | ${ratio}x | <= 3x | $(status "$ratio" '<=' 3) |"
echo "| GB18030 beyond UTF-8 (t_gb18030 - t_utf8) | $extra | | |"
echo "| peak RSS, UTF-8 file | $(rss "$u_rss") | < $rss_limit MB | $(rss_status "$u_rss") |"
echo "| peak RSS, GB18030 file | $(rss "$g_rss") | < $rss_limit MB | $(rss_status "$g_rss") |"
if [ "$stream_mib" -gt 0 ]; then
    echo "| peak RSS, $stream_mib MiB stream on stdin | $(rss "$s_rss") ($(rate "$stream_bytes" "$s_t") MB/s) | < $rss_limit MB | $(rss_status "$s_rss") |"
fi
echo "| peak RSS, one $(mb "$sl") MB line | $(rss "$l_rss") ($(rate "$sl" "$l_t") MB/s) | < $rss_limit MB | $(rss_status "$l_rss") |"
echo "| time, UTF-8 $(mb "$s10") MB / $(mb "$s100") MB | $(secs "$t10") / $(secs "$u_t") | | |"
echo "| growth: time100 / time10 (sizes x$size_ratio) | $growth | ~$size_ratio (linear) | $linear |"
speedup=$(div "$j1_t" "$j2_t")
echo "| -j 2 speed-up, one $(mb "$sj") MB JSON Lines corpus | ${speedup}x ($(secs "$j1_t") / $(secs "$j2_t")) | >= 1.7x ($ncpu CPUs) | $(status "$speedup" '>=' 1.7) |"
# -j 2 holds two extractions and the units between them (cli/batch.h), so
# the target is -j 1's; -j 2's figure is for the record
echo "| peak RSS, that corpus with -j 1 / -j 2 | $(rss "$j1_rss") / $(rss "$j2_rss") | < $rss_limit MB (-j 1) | $(rss_status "$j1_rss") |"
small_ratio=$(div "$k2_t" "$k1_t")
echo "| -j 2 / -j 1, 2,000 small files | ${small_ratio} ($(secs "$k2_t") / $(secs "$k1_t")) | <= 1 | $(status "$small_ratio" '<=' 1) |"

# where the time goes, stage by stage (CPU time of the library's stages on
# the file held in memory; "tables and the rest" is the whole library's
# time, lg_extract_buffer(), beyond the three stages; output is the CLI's
# time beyond the whole library's)
if [ -n "${BENCH_STAGES:-}" ] && [ -x "$BENCH_STAGES" ]; then
    say "bench: stages, $(mb "$s10") MB ..."
    # shellcheck disable=SC2046
    set -- $($pin "$BENCH_STAGES" "$c10" "$runs" 2>> "$log")
    # the CLI's CPU time, not its wall time, beside the library's
    num "$cpu10" || cpu10=$t10
    if [ "$1" = decode ] && [ "${9:-}" = library ] && num "$cpu10"; then
        rest_ms=$(awk -v l="${10}" -v d="$2" -v n="$4" -v e="$6" 'BEGIN { printf "%.0f", l - d - n - e }')
        out_ms=$(awk -v t="$cpu10" -v l="${10}" 'BEGIN { printf "%.0f", t * 1000 - l }')
        echo
        echo "stages on the $(mb "$s10") MB UTF-8 file (CPU ms): decode $(printf %.0f "$2"), normalize $(printf %.0f "$4"), extract $(printf %.0f "$6"), tables and the rest of the library $rest_ms (library $(printf %.0f "${10}") ms, $8 records), output (the CLI's time beyond the library's) ~$out_ms"
    fi
    # the same for GB18030, beside iconv's time: what the 3x target leaves
    say "bench: stages, $(mb "$sg") MB GB18030 ..."
    # shellcheck disable=SC2046
    set -- $($pin "$BENCH_STAGES" "$g100" "$runs" 2>> "$log")
    num "$g_cpu" || g_cpu=$g_t
    if [ "$1" = decode ] && [ "${9:-}" = library ] && num "$g_cpu" && num "$i_t"; then
        awk -v t="$g_cpu" -v i="$i_t" -v d="$2" -v n="$4" -v e="$6" -v l="${10}" -v mb="$(mb "$sg")" 'BEGIN {
            o = t * 1000 - l
            printf "stages on the %s MB GB18030 file (CPU ms): decode %.0f, normalize %.0f, extract %.0f, tables and the rest of the library %.0f, output ~%.0f;", mb, d, n, e, l - d - n - e, o
            printf " iconv alone %.0f, so 3x iconv is %.0f (decode + output alone: %.0f)\n", i * 1000, 3 * i * 1000, d + o }'
    fi
fi

if [ -n "$crashed" ]; then
    echo
    echo "bench: FAILED: ${crashed#; }" >&2
    tail -n 20 "$log" >&2
    exit 1
fi
exit 0
