#!/bin/sh
# Tests of the review page (--format html), most in a real browser:
# headless Chromium loads each page, runs its script under its own
# Content-Security-Policy, and dumps the DOM, which tests/html/check.py
# reads: a mark per record with the record's text, nothing from a hostile
# report or file name turned into an element, the policy exact.  Without
# a browser the page is still checked as written, and the browser part is
# skipped with a message saying how to install one.  Firefox, when there
# is one, runs the interaction test too (verdict.js shows its result).
# usage: tests/html/run.sh BINARY [--big|--quick]
#   --big    also open the page of a 10 MB report in Chromium (slow: run by
#            make bench, not make check)
#   --quick  the pages as written alone: no browser, no memory figure (for
#            the sanitizer build)
set -u
[ $# -ge 1 ] || { echo "usage: $0 BINARY [--big|--quick]" >&2; exit 2; }
bin=$1
big=${2:-}
quick=0
[ "$big" = --quick ] && quick=1
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
trap 'exit 2' INT TERM
cd "$top" || exit 2
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: html: $*" >&2; }
check() { # what, args...: check.py's verdict
    if out=$(python3 "$here/check.py" "$@" 2>&1); then ok; else bad "$out"; fi
}

browser=""
for b in chromium chromium-browser google-chrome; do
    if command -v "$b" >/dev/null 2>&1; then browser=$b; break; fi
done
sandbox=""
[ "$(id -u)" -eq 0 ] && sandbox=--no-sandbox
# Load a page and write the DOM after its script ran.  Chromium's own
# messages (D-Bus, GPU) go to a log, shown only when it fails.
dump() { # page, dom
    timeout "${HTML_TIMEOUT:-60}" "$browser" --headless $sandbox --disable-gpu \
        --no-first-run --user-data-dir="$tmp/profile" --dump-dom "file://$1" \
        > "$2" 2> "$tmp/browser.log"
    st=$?
    if [ $st -ne 0 ] || [ ! -s "$2" ]; then
        bad "$browser exited $st on $1: $(grep -v 'dbus\|DBus' "$tmp/browser.log" | tail -3)"
        return 1
    fi
}

# ---- the pages ------------------------------------------------------------
# all seeds on one page (standard output), and the same with -j 2
"$bin" --format html seeds/*.txt > "$tmp/seeds.html" || bad "html of the seeds exited $?"
"$bin" seeds/*.txt > "$tmp/seeds.jsonl"
"$bin" --format html -j 2 seeds/*.txt > "$tmp/seeds-j2.html"
cmp -s "$tmp/seeds.html" "$tmp/seeds-j2.html" && ok || bad "-j 2 writes another page than -j 1"

# --output-dir: one page per input, DIR/PATH/NAME.html
"$bin" --format html --output-dir "$tmp/dir" seeds/000_ff2240b2925a8c89.txt seeds/003_e7f5bf58e6b205eb.txt
for n in 000_ff2240b2925a8c89 003_e7f5bf58e6b205eb; do
    if [ -s "$tmp/dir/seeds/$n.html" ]; then
        "$bin" "seeds/$n.txt" > "$tmp/$n.jsonl"
        check static "$tmp/dir/seeds/$n.html" "$tmp/$n.jsonl"
    else
        bad "--output-dir wrote no $n.html"
    fi
done

# a hostile report under a hostile file name, and a corpus with a hostile id
host="$tmp/hostile<img src=x onerror=document.body.setAttribute('data-pwned',1)> $(printf '\342\200\250').txt"
{
    printf '2023年包头市<script>document.body.setAttribute("data-pwned",2)</script>受理案件12件。\n\n'
    printf '</textarea><img src=x onerror=document.body.setAttribute("data-pwned",3)>办结率达98%%。\n\n'
    printf '"><img src=y onerror=alert(4)>javascript:alert(5)调解纠纷5件，培训<b>3</b>场次。\n\n'
    printf '<style>body{display:none}</style><iframe src="http://example.com/">律师7人\342\200\250。\n\n'
    printf '&lt;script&gt;&#60;b&#62;<!--注释-->]]><![CDATA[x]]>公证12件。\n'
} > "$host"
"$bin" --format html -- "$host" > "$tmp/hostile.html"
"$bin" -- "$host" > "$tmp/hostile.jsonl"
printf '%s\n' '{"id":"<script>document.body.setAttribute(\"data-pwned\",6)</script>","text":"2023年包头市受理<b>案件</b>12件。"}' \
    '{"id":7,"text":"</p></section><script>alert(7)</script>调解纠纷5件。"}' > "$tmp/corpus.jsonl"
"$bin" --format html --input-format jsonl "$tmp/corpus.jsonl" > "$tmp/corpus.html"
"$bin" --input-format jsonl "$tmp/corpus.jsonl" > "$tmp/corpus-records.jsonl"

# inputs that break readers: random bytes, NULs and controls, one huge line
head -c 300000 /dev/urandom > "$tmp/random.txt"
{ printf '2023年杭州市\000受理\001案件12件\033[31m。\r\n'; head -c 2000 /dev/zero; printf '调解5件。\n'; } > "$tmp/controls.txt"
awk 'BEGIN { for (i = 0; i < 4000; i++) printf "全年受理案件%d件，", i; print "" }' > "$tmp/oneline.txt"
for f in random controls oneline; do
    "$bin" -q --format html "$tmp/$f.txt" > "$tmp/$f.html"
    st=$?
    if [ $st -gt 1 ] || [ "$(tail -c 8 "$tmp/$f.html")" != "</html>" ]; then
        bad "$f input: exit $st, or the page is not whole"
    else
        "$bin" -q "$tmp/$f.txt" > "$tmp/$f.jsonl"
        check static "$tmp/$f.html" "$tmp/$f.jsonl"
    fi
done

check csp "$tmp/seeds.html"
check static "$tmp/seeds.html" "$tmp/seeds.jsonl"
check static "$tmp/hostile.html" "$tmp/hostile.jsonl"
check static "$tmp/corpus.html" "$tmp/corpus-records.jsonl"

# ---- memory: a 10 MB report streams ---------------------------------------
i=0
: > "$tmp/big.txt"
for f in seeds/*.txt; do cat "$f"; done > "$tmp/set"
while [ $i -lt 200 ]; do cat "$tmp/set" >> "$tmp/big.txt"; i=$((i + 1)); done
if [ $quick = 0 ] && ${CC:-cc} -O2 -o "$tmp/peakrss" tests/bench/peakrss.c 2> /dev/null; then
    set -- $("$tmp/peakrss" -n 1 -- "$bin" --format html "$tmp/big.txt")
    # the text is written as it is read: a few MB whatever the input's size
    if [ "${3:-x}" = 0 ] && [ "$2" -lt 32768 ]; then
        ok
        echo "html: 10 MB report: peak RSS ${2} kB"
    else
        bad "10 MB report: status ${3:-?}, peak RSS ${2:-?} kB (limit 32768)"
    fi
fi

# ---- in the browser ---------------------------------------------------------
if [ $quick = 1 ]; then
    :
elif [ -z "$browser" ]; then
    echo "html: SKIPPED the browser tests: no chromium (Debian: apt-get install chromium fonts-wqy-microhei, or tools/ensure-deps.sh check)"
else
    # the seeds' page, worked by interact.js (in its first document) too
    python3 "$here/check.py" instrument "$tmp/seeds.html" "$here/interact.js" "$tmp/interact.html"
    if dump "$tmp/interact.html" "$tmp/interact.dom"; then
        check marks "$tmp/interact.dom" "$tmp/seeds.jsonl"
        check interact "$tmp/interact.dom"
    fi
    # a long table shows its first 2000 rows at first
    awk 'BEGIN { print "杭州市2023年法治政府建设情况报告"; for (i = 1; i <= 2100; i++) printf "受理案件%d件。\n\n", i }' > "$tmp/long.txt"
    "$bin" --format html "$tmp/long.txt" > "$tmp/long.html"
    "$bin" "$tmp/long.txt" > "$tmp/long.jsonl"
    if dump "$tmp/long.html" "$tmp/long.dom"; then
        check marks "$tmp/long.dom" "$tmp/long.jsonl"
        check limit "$tmp/long.dom" 2000
    fi
    if dump "$tmp/hostile.html" "$tmp/hostile.dom"; then
        check marks "$tmp/hostile.dom" "$tmp/hostile.jsonl"
        check hostile "$tmp/hostile.dom" '<script>document.body' '</textarea><img' \
            '"><img' 'javascript:alert(5)' '<style>body{display:none}</style><iframe' \
            '<!--注释-->' '&lt;script&gt;' "onerror=document.body.setAttribute('data-pwned',1)> $(printf '\342\200\250').txt"
    fi
    if dump "$tmp/corpus.html" "$tmp/corpus.dom"; then
        check marks "$tmp/corpus.dom" "$tmp/corpus-records.jsonl"
        check hostile "$tmp/corpus.dom" '<script>document.body' '</p></section><script>alert(7)</script>'
    fi
    # Firefox, when there is one: it dumps no DOM, so verdict.js paints the
    # window green when interact.js found no fault, and a screenshot tells
    firefox=""
    for b in firefox-esr firefox; do
        if command -v "$b" >/dev/null 2>&1; then firefox=$b; break; fi
    done
    if [ -n "$firefox" ]; then
        python3 "$here/check.py" instrument "$tmp/interact.html" "$here/verdict.js" "$tmp/verdict.html"
        mkdir -p "$tmp/ffhome"
        if HOME="$tmp/ffhome" timeout "${HTML_TIMEOUT:-60}" "$firefox" --headless --window-size=400,300 \
                --screenshot "$tmp/firefox.png" "file://$tmp/verdict.html" > "$tmp/firefox.log" 2>&1 &&
                [ -s "$tmp/firefox.png" ]; then
            check green "$tmp/firefox.png"
        else
            bad "$firefox made no screenshot: $(tail -3 "$tmp/firefox.log")"
        fi
    else
        echo "html: SKIPPED the Firefox test: no firefox (Debian: apt-get install firefox-esr)"
    fi
    if [ "$big" = --big ]; then
        "$bin" --format html "$tmp/big.txt" > "$tmp/big.html"
        "$bin" "$tmp/big.txt" > "$tmp/big.jsonl"
        start=$(date +%s)
        if HTML_TIMEOUT=600 dump "$tmp/big.html" "$tmp/big.dom"; then
            echo "html: the 10 MB report's page ($(($(wc -c < "$tmp/big.html") / 1048576)) MB) opened in $(($(date +%s) - start)) s"
            check marks "$tmp/big.dom" "$tmp/big.jsonl"
        fi
    fi
fi

echo "html: $pass passed, $fail failed"
[ $fail -eq 0 ]
