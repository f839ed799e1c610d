# Memory that runs out at start-up (here every block of 1000 bytes or more
# refused, by a malloc preloaded for the test) is reported as such, not as
# a pattern error; exit 2.
cat > "$WORK/shim.c" <<'C'
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stddef.h>
void *malloc(size_t n)
{
    static void *(*real)(size_t);
    if (!real)
        real = (void *(*)(size_t))dlsym(RTLD_NEXT, "malloc");
    return n >= 1000 ? NULL : real(n);
}
C
cc -shared -fPIC -o "$WORK/shim.so" "$WORK/shim.c" -ldl || exit 1
case $(ldd "$LGX" 2>/dev/null) in
*libasan*) export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0" ;;
esac
LD_PRELOAD=$WORK/shim.so $LGX tests/cli/fixtures/hangzhou.txt 2> "$WORK/err"
status=$?
sed 's/^/stderr: /' "$WORK/err"
exit $status
