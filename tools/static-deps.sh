#!/bin/sh
# Static archives of the libraries `make static` links in, for systems
# whose -dev packages ship only the shared library (Debian's libcjson-dev).
#
# usage: tools/static-deps.sh OUTDIR PKG...   (pkg-config names: libcjson)
#
# For each PKG, OUTDIR/libNAME.a is made: a copy of the system's own static
# archive when there is one, else built from the Debian source package of
# the very version installed (fetched with apt-get source through a private
# apt configuration, so the system's is left alone; cached in
# ~/.cache/lawgov-extract).  Prints the archives' paths, one a line.
set -eu
out=$1
shift
mkdir -p "$out"
cache=${XDG_CACHE_HOME:-$HOME/.cache}/lawgov-extract/static-deps
libdir_of() { pkg-config --variable=libdir "$1"; }

# The Debian source of the package that installed FILE, unpacked in the
# cache; prints its directory.
debian_source() {
    bin=$(dpkg-query -S "$1" | sed -n '1s/:.*//p')
    src=$(dpkg-query -W -f '${source:Package}' "$bin")
    ver=$(dpkg-query -W -f '${source:Version}' "$bin")
    dir=$cache/$src-$ver
    if [ ! -d "$dir/tree" ]; then
        # the source lines of the archives the system already uses
        mkdir -p "$dir/lists/partial" "$dir/parts"
        for f in /etc/apt/sources.list.d/*.sources; do
            [ -f "$f" ] && sed 's/^Types:.*/Types: deb-src/' "$f" > "$dir/parts/${f##*/}"  || :
        done
        for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
            [ -f "$f" ] && sed -n 's/^deb \(.*\)/deb-src \1/p' "$f" > "$dir/parts/${f##*/}.list" || :
        done
        apt="-o Dir::Etc::SourceList=/dev/null -o Dir::Etc::SourceParts=$dir/parts -o Dir::State::Lists=$dir/lists -o APT::Sandbox::User=root"
        # shellcheck disable=SC2086
        apt-get -qq $apt update >&2
        # shellcheck disable=SC2086
        (cd "$dir" && apt-get -qq $apt source --download-only "$src=$ver" >&2)
        (cd "$dir" && dpkg-source -x --no-check ./*.dsc tree >&2)
    fi
    echo "$dir/tree"
}

for pkg; do
    name=$(pkg-config --libs-only-l "$pkg" | sed 's/^-l//; s/ .*//')
    lib=lib$name.a
    if [ -f "$(libdir_of "$pkg")/$lib" ]; then
        cp "$(libdir_of "$pkg")/$lib" "$out/$lib"
    else
        case $pkg in
        libcjson)
            tree=$(debian_source "$(libdir_of "$pkg")/lib$name.so")
            ${CC:-cc} -O2 -fno-strict-aliasing -c -o "$out/cJSON.o" "$tree/cJSON.c"
            rm -f "$out/$lib"
            ar rcs "$out/$lib" "$out/cJSON.o"
            ;;
        *)
            echo "$0: no static $lib for $pkg, and no recipe to build one" >&2
            exit 1
            ;;
        esac
    fi
    echo "$out/$lib"
done
