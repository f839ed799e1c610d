# make install honours PREFIX and DESTDIR; lawgov.pc names the PREFIX and
# builds a program against the installed library: the shared one (with its
# soname) with the plain `pkg-config --cflags --libs lawgov`, the static one
# with --static; make uninstall removes every file it installed and the
# directories it made, and leaves a directory that was there before.
make -s --no-print-directory install DESTDIR="$WORK/dest" PREFIX=/opt/lgx > "$WORK/log" 2>&1 || { cat "$WORK/log"; exit 1; }
cd "$WORK/dest" && find . -type f | sort && cd - > /dev/null
pc=$WORK/dest/opt/lgx/lib/pkgconfig
grep -E '^(prefix|Requires.private)' "$pc/lawgov.pc"
cat > "$WORK/version.c" <<'C'
#include <lawgov.h>
#include <stdio.h>
int main(void) { printf("%s %s\n", LG_VERSION, lg_init() == LG_OK ? "ok" : "failed"); lg_cleanup(); return 0; }
C
readelf -d "$WORK/dest/opt/lgx/lib/liblawgov.so" | sed -n 's/.*(SONAME).*\[\(.*\)\]/soname: \1/p'
flags=$(PKG_CONFIG_PATH=$pc pkg-config --cflags --libs lawgov)
cc -o "$WORK/version" "$WORK/version.c" $(echo "$flags" | sed "s|/opt/lgx|$WORK/dest/opt/lgx|g") 2>&1 &&
    LD_LIBRARY_PATH=$WORK/dest/opt/lgx/lib "$WORK/version" &&
    readelf -d "$WORK/version" | sed -n 's/.*(NEEDED).*\[\(liblawgov[^]]*\)\]/linked against \1/p'
flags=$(PKG_CONFIG_PATH=$pc pkg-config --cflags --libs --static lawgov)
cc -static-libgcc -o "$WORK/version-static" "$WORK/version.c" \
    $(echo "$flags" | sed "s|/opt/lgx|$WORK/dest/opt/lgx|g; s|-llawgov|$WORK/dest/opt/lgx/lib/liblawgov.a|") 2>&1 &&
    "$WORK/version-static"
man -l "$WORK/dest/opt/lgx/share/man/man1/lawgov-extract.1" 2>/dev/null | grep -q '^EXIT STATUS' &&
    echo "the man page renders"
make -s --no-print-directory uninstall DESTDIR="$WORK/dest" PREFIX=/opt/lgx > "$WORK/log" 2>&1 || { cat "$WORK/log"; exit 1; }
echo "files left after uninstall: $(find "$WORK/dest" -type f | wc -l)"
echo "directories left: $(cd "$WORK/dest" && find . -mindepth 1 -type d | sort | tr '\n' ' ')"
# into a prefix that has a bin/ of its own already: that one stays
mkdir -p "$WORK/dest2/usr/bin"
make -s --no-print-directory install DESTDIR="$WORK/dest2" PREFIX=/usr > "$WORK/log" 2>&1 || { cat "$WORK/log"; exit 1; }
make -s --no-print-directory uninstall DESTDIR="$WORK/dest2" PREFIX=/usr > "$WORK/log" 2>&1 || { cat "$WORK/log"; exit 1; }
echo "directories left: $(cd "$WORK/dest2" && find . -mindepth 1 | sort | tr '\n' ' ')"
