#!/bin/sh
# Make sure the build and test dependencies are installed (Debian/Ubuntu).
# Installs what is missing with apt-get (through sudo when not root), or
# stops with the exact command to run.  Usage: tools/ensure-deps.sh [check]
set -u
need=""
have_cmd() { command -v "$1" >/dev/null 2>&1; }
have_cmd cc || need="$need gcc libc6-dev"
have_cmd make || need="$need make"
have_cmd pkg-config || need="$need pkg-config"
if have_cmd pkg-config; then
    pkg-config --exists libpcre2-8 || need="$need libpcre2-dev"
    pkg-config --exists libcjson || need="$need libcjson-dev"
    pkg-config --exists opencc || need="$need libopencc-dev"
else
    need="$need libpcre2-dev libcjson-dev libopencc-dev"
fi
have_cmd python3 || need="$need python3"
if [ "${1:-}" = check ]; then
    have_cmd iconv || need="$need libc-bin"
    have_cmd parallel || need="$need parallel"
    have_cmd opencc || need="$need opencc"
fi
# Wanted, not needed: the review page's browser tests (tests/html) run in
# headless Chromium and Firefox with a CJK font, and are skipped, saying
# so, without.
want=""
if [ "${1:-}" = check ]; then
    have_cmd chromium || have_cmd chromium-browser || want="$want chromium"
    have_cmd firefox-esr || have_cmd firefox || want="$want firefox-esr"
    { have_cmd fc-list && fc-list | grep -qi 'WenQuanYi Micro Hei'; } ||
        [ -f /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || want="$want fonts-wqy-microhei"
fi
[ -z "$need$want" ] && exit 0

# install PACKAGES: 0 when installed, else 1 after saying what to run
install() {
    cmd="apt-get install -y --no-install-recommends$1"
    if [ "$(id -u)" -eq 0 ]; then
        sudo=""
    elif have_cmd sudo && sudo -n true 2>/dev/null; then
        sudo="sudo"
    else
        echo "missing:$1; run:" >&2
        echo "  sudo apt-get update && sudo $cmd" >&2
        return 1
    fi
    if ! have_cmd apt-get; then
        echo "missing:$1 (install them with your package manager)" >&2
        return 1
    fi
    echo "installing:$1" >&2
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -qq >&2 && $sudo $cmd >&2 && return 0
    echo "could not install; run:  sudo apt-get update && sudo $cmd" >&2
    return 1
}
if [ -n "$need" ]; then
    install "$need" || exit 1
fi
if [ -n "$want" ]; then
    install "$want" || echo "(the browser tests of the review page will be skipped)" >&2
fi
exit 0
