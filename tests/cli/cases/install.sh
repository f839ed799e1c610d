# make install honours PREFIX and DESTDIR; lawgov.pc names the PREFIX and
# builds a program against the installed library; make uninstall removes
# every file it installed.
make -s --no-print-directory install DESTDIR="$WORK/dest" PREFIX=/opt/lgx > "$WORK/log" 2>&1 || { cat "$WORK/log"; exit 1; }
cd "$WORK/dest" && find . -type f | sort && cd - > /dev/null
pc=$WORK/dest/opt/lgx/lib/pkgconfig
grep -E '^(prefix|Requires.private)' "$pc/lawgov.pc"
cat > "$WORK/version.c" <<'C'
#include <lawgov.h>
#include <stdio.h>
int main(void) { printf("%s %s\n", LG_VERSION, lg_init() == LG_OK ? "ok" : "failed"); lg_cleanup(); return 0; }
C
flags=$(PKG_CONFIG_PATH=$pc pkg-config --cflags --libs --static lawgov)
cc -o "$WORK/version" "$WORK/version.c" $(echo "$flags" | sed "s|/opt/lgx|$WORK/dest/opt/lgx|g") 2>&1 &&
    "$WORK/version"
man -l "$WORK/dest/opt/lgx/share/man/man1/lawgov-extract.1" 2>/dev/null | grep -q '^EXIT STATUS' &&
    echo "the man page renders"
make -s --no-print-directory uninstall DESTDIR="$WORK/dest" PREFIX=/opt/lgx > "$WORK/log" 2>&1 || { cat "$WORK/log"; exit 1; }
echo "files left after uninstall: $(find "$WORK/dest" -type f | wc -l)"
