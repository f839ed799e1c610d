/* script.c - traditional script to simplified, sentence by sentence (see
 * script.h for what this stage owns). */
#include "script.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

#ifdef LG_HAVE_OPENCC
#include <dlfcn.h>
#include <opencc/opencc.h>
#ifndef LG_OPENCC_SONAME
#define LG_OPENCC_SONAME "libopencc.so"
#endif
#endif

struct lg_script {
    lg_sentence_sink next;
    void *next_user;
    lg_script_warn_fn warn;
    void *warn_user;
    text_buf utf8;    /* the sentence as UTF-8, for OpenCC */
    lg_char *out;     /* the converted sentence */
    size_t out_cap;
    size_t converted;
    size_t simplified_seen; /* ideographs seen in sentences without traditional ones */
    int warned, failed;
};

/* One converter per process, opened the first time a traditional sentence
 * arrives (loading the dictionaries takes milliseconds, which simplified
 * text never pays).  OpenCC's converter is not documented as thread-safe,
 * so calls are serialized; traditional reports are rare. */
#ifdef LG_HAVE_OPENCC
static pthread_mutex_t converter_lock = PTHREAD_MUTEX_INITIALIZER;
static opencc_t converter = (opencc_t)-1;
static int converter_tried;

/* OpenCC itself is loaded then too (dlopen): it brings the C++ runtime,
 * 1.8 MB of every process's memory that simplified text never needs. */
static struct {
    void *lib;
    opencc_t (*open)(const char *config);
    char *(*convert)(opencc_t, const char *, size_t);
    void (*release)(char *);
    int (*close)(opencc_t);
} cc;

static void unload_opencc(void)
{
    if (cc.lib)
        dlclose(cc.lib);
    memset(&cc, 0, sizeof cc);
}

/* Load the library and its four functions; 0, or -1 (nothing loaded). */
static int load_opencc(void)
{
    cc.lib = dlopen(LG_OPENCC_SONAME, RTLD_NOW | RTLD_LOCAL);
    if (!cc.lib)
        return -1;
    /* (POSIX's way of taking a function from dlsym) */
    *(void **)&cc.open = dlsym(cc.lib, "opencc_open");
    *(void **)&cc.convert = dlsym(cc.lib, "opencc_convert_utf8");
    *(void **)&cc.release = dlsym(cc.lib, "opencc_convert_utf8_free");
    *(void **)&cc.close = dlsym(cc.lib, "opencc_close");
    if (!cc.open || !cc.convert || !cc.release || !cc.close) {
        unload_opencc();
        return -1;
    }
    return 0;
}
#endif

lg_status lg_script_new(lg_script **out, lg_sentence_sink next, void *next_user,
                        lg_script_warn_fn warn, void *warn_user)
{
    lg_script *s = calloc(1, sizeof *s);
    if (!s)
        return LG_ERR_NOMEM;
    s->next = next;
    s->next_user = next_user;
    s->warn = warn;
    s->warn_user = warn_user;
    *out = s;
    return LG_OK;
}

void lg_script_free(lg_script *s)
{
    if (!s)
        return;
    text_free(&s->utf8);
    free(s->out);
    free(s);
}

size_t lg_script_converted(const lg_script *s) { return s->converted; }
int lg_script_failed(const lg_script *s) { return s->failed; }

void lg_script_cleanup(void)
{
#ifdef LG_HAVE_OPENCC
    pthread_mutex_lock(&converter_lock);
    if (converter_tried && converter != (opencc_t)-1)
        cc.close(converter);
    converter = (opencc_t)-1;
    converter_tried = 0;
    unload_opencc();
    pthread_mutex_unlock(&converter_lock);
#endif
}

/* Does the sentence hold a traditional-only character?  Counts the
 * ideographs seen, so that a report can stop being checked once it has
 * shown enough simplified text (see watching). */
static int has_traditional(lg_script *s, const lg_char *c, size_t n)
{
    size_t ideographs = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t k = c[i].cp - LG_TRAD_LO;
        if (k < LG_TRAD_HI - LG_TRAD_LO) {
            if ((lg_trad_bits[k >> 6] >> (k & 63)) & 1u)
                return 1;
            ideographs++;
        }
    }
    s->simplified_seen += ideographs;
    return 0;
}

/* A report is written in one script: traditional text shows its common
 * forms (這 會 為 個 國 發 業…) within a few lines.  So once a report has
 * given SIMPLIFIED_ENOUGH ideographs and not one traditional-only form, its
 * remaining sentences are not checked, and a long simplified report pays
 * for its first pages only.  A report that showed traditional text is
 * checked to its end. */
#define SIMPLIFIED_ENOUGH 4000

static int watching(const lg_script *s)
{
    return s->converted > 0 || s->simplified_seen < SIMPLIFIED_ENOUGH;
}

/* The simplified form of s[0..n) (OpenCC's t2s), to be released with
 * release_converted; NULL when there is no converter (*no_converter set)
 * or no memory. */
static char *to_simplified(const char *s, size_t n, int *no_converter)
{
    *no_converter = 1;
#ifdef LG_HAVE_OPENCC
    char *done = NULL;
    pthread_mutex_lock(&converter_lock);
    if (!converter_tried) {
        converter_tried = 1;
        if (load_opencc() == 0)
            converter = cc.open(OPENCC_DEFAULT_CONFIG_TRAD_TO_SIMP);
    }
    if (converter != (opencc_t)-1) {
        *no_converter = 0;
        done = cc.convert(converter, s, n);
    }
    pthread_mutex_unlock(&converter_lock);
    return done;
#else
    (void)s, (void)n;
    return NULL;
#endif
}

static void release_converted(char *done)
{
#ifdef LG_HAVE_OPENCC
    cc.release(done);
#else
    (void)done;
#endif
}

/* Convert s->utf8 in place; 0 on success, -1 when no converter, -2 on no
 * memory. */
static int convert_utf8(lg_script *s)
{
    int no_converter;
    char *done = to_simplified(s->utf8.data, s->utf8.len, &no_converter);
    if (!done)
        return no_converter ? -1 : -2;
    text_reset(&s->utf8);
    int rc = text_append(&s->utf8, done, strlen(done)) == 0 && !s->utf8.failed ? 0 : -2;
    release_converted(done);
    return rc;
}

int lg_script_simplify(char *s, size_t cap)
{
    /* every table cell comes here: only three-byte characters can be
     * traditional forms (U+3400..U+FAFF), decoded in place */
    const unsigned char *u = (const unsigned char *)s;
    size_t n = strlen(s), i = 0;
    while (i < n) {
        unsigned char b = u[i];
        if ((b & 0xF0) != 0xE0) {
            i += b < 0x80 ? 1 : b >= 0xF0 ? 4 : 2;
            continue;
        }
        if (i + 2 < n &&
            lg_is_traditional((uint32_t)(b & 0x0F) << 12 | (uint32_t)(u[i + 1] & 0x3F) << 6 | (u[i + 2] & 0x3F)))
            break;
        i += 3;
    }
    if (i >= n)
        return 0;
    int no_converter;
    char *done = to_simplified(s, n, &no_converter);
    if (!done)
        return -1;
    size_t len = strlen(done);
    int rc = len < cap ? 1 : -1;
    if (rc == 1)
        memcpy(s, done, len + 1);
    release_converted(done);
    return rc;
}

/* Decode the converted text into s->out, giving each character the input
 * position of the character at the same index (t2s maps one character to
 * one in all but rare phrases; when counts differ, characters past the
 * original's end take its last position).  Returns the count, or
 * (size_t)-1 on no memory. */
static size_t place_converted(lg_script *s, const lg_char *orig, size_t n)
{
    size_t need = utf8_chars_n(s->utf8.data, s->utf8.len);
    if (need > s->out_cap) {
        lg_char *grown = realloc(s->out, need * sizeof *grown);
        if (!grown)
            return (size_t)-1;
        s->out = grown;
        s->out_cap = need;
    }
    size_t k = 0;
    for (size_t at = 0; at < s->utf8.len && k < need; k++) {
        uint32_t cp;
        at += utf8_decode_one(s->utf8.data + at, &cp);
        const lg_char *from = &orig[k < n ? k : n - 1];
        s->out[k] = (lg_char){cp, from->line, from->offset};
    }
    return k;
}

static void warn_once(lg_script *s, long long offset)
{
    if (s->warned || !s->warn)
        return;
    s->warned = 1;
    s->warn(s->warn_user, offset,
            "traditional script passed on unconverted: OpenCC (t2s.json) is not available");
}

int lg_script_sentence(void *script, const lg_char *chars, size_t n, unsigned flags)
{
    lg_script *s = script;
    if (n == 0 || !watching(s) || !has_traditional(s, chars, n))
        return s->next(s->next_user, chars, n, flags);
    text_reset(&s->utf8);
    for (size_t i = 0; i < n; i++)
        text_append_cp(&s->utf8, chars[i].cp);
    int rc = s->utf8.failed ? -2 : convert_utf8(s);
    size_t got = rc == 0 ? place_converted(s, chars, n) : 0;
    if (rc == -1)
        warn_once(s, chars[0].offset);
    if (rc == -2 || got == (size_t)-1) {
        s->failed = 1;
        return 1;
    }
    if (rc != 0)
        return s->next(s->next_user, chars, n, flags);
    s->converted++;
    return s->next(s->next_user, s->out, got, flags);
}
