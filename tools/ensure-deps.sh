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
[ -z "$need" ] && exit 0

cmd="apt-get install -y --no-install-recommends$need"
if [ "$(id -u)" -eq 0 ]; then
    sudo=""
elif have_cmd sudo && sudo -n true 2>/dev/null; then
    sudo="sudo"
else
    echo "missing build dependencies; run:" >&2
    echo "  sudo apt-get update && sudo $cmd" >&2
    exit 1
fi
if ! have_cmd apt-get; then
    echo "missing:$need (install them with your package manager)" >&2
    exit 1
fi
echo "installing:$need" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq >&2 && $sudo $cmd >&2 && exit 0
echo "could not install; run:  sudo apt-get update && sudo $cmd" >&2
exit 1
