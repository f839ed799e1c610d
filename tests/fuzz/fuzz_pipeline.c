/* fuzz_pipeline.c - libFuzzer harness for the whole pipeline: arbitrary bytes
 * through lg_extract_buffer (decoder -> normalizer -> extractor).
 *
 * Every record must keep the contract of include/lawgov.h:
 *   - every string is valid UTF-8 (strict: no overlongs, no surrogates);
 *   - value_str is a canonical decimal and value == strtod(value_str);
 *   - kind and qualifier come from their documented sets;
 *   - line >= 1, 0 <= offset < size, offsets never go backwards;
 *   - for UTF-8 and GB18030 input, line is 1 + the '\n' bytes before offset;
 *   - for valid UTF-8 input, the character at offset is the first character
 *     of text (after width folding), so the position map is exact, and
 *     there is no warning about invalid bytes.
 * Bit 0x20 of the first byte sets a default city and year.
 * The input is extracted twice, in 64 KiB chunks and in tiny chunks whose
 * size comes from the first input byte, and both runs must give the same
 * records and the same warning: records never depend on the chunk size.
 *
 * Build and run: tests/fuzz/run.sh */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lawgov.h"
#include "normalize.h" /* lg_fold_width */
#include "fuzz_common.h"

#define CHECK(cond, ...)                                                    \
    do {                                                                    \
        if (!(cond)) {                                                      \
            fprintf(stderr, "fuzz_pipeline: check failed: %s: ", #cond);    \
            fprintf(stderr, __VA_ARGS__);                                   \
            fputc('\n', stderr);                                            \
            abort();                                                        \
        }                                                                   \
    } while (0)

/* Strict UTF-8 (the decoder's rules).  Returns the length of the sequence
 * at p, or 0 when invalid or cut off. */
static size_t utf8_seq(const unsigned char *p, size_t n, uint32_t *cp)
{
    unsigned char b = p[0];
    if (b < 0x80) {
        *cp = b;
        return 1;
    }
    size_t len;
    uint32_t c, min;
    if (b >= 0xC2 && b <= 0xDF) { len = 2; c = b & 0x1F; min = 0x80; }
    else if (b >= 0xE0 && b <= 0xEF) { len = 3; c = b & 0x0F; min = 0x800; }
    else if (b >= 0xF0 && b <= 0xF4) { len = 4; c = b & 0x07; min = 0x10000; }
    else return 0;
    if (n < len)
        return 0;
    for (size_t i = 1; i < len; i++) {
        if ((p[i] & 0xC0) != 0x80)
            return 0;
        c = c << 6 | (p[i] & 0x3F);
    }
    if (c < min || (c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF)
        return 0;
    *cp = c;
    return len;
}

static int valid_utf8(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t n = strlen(s);
    uint32_t cp;
    for (size_t i = 0; i < n;) {
        size_t k = utf8_seq(p + i, n - i, &cp);
        if (!k)
            return 0;
        i += k;
    }
    return 1;
}

static int valid_utf8_n(const unsigned char *p, size_t n)
{
    uint32_t cp;
    for (size_t i = 0; i < n;) {
        size_t k = utf8_seq(p + i, n - i, &cp);
        if (!k)
            return 0;
        i += k;
    }
    return 1;
}


static int in_set(const char *s, const char *const *set)
{
    for (; *set; set++)
        if (!strcmp(s, *set))
            return 1;
    return 0;
}

/* A growable log of everything a run produced, to compare two runs. */
typedef struct logbuf {
    char *data;
    size_t len, cap;
} logbuf;

static void log_add(logbuf *l, const char *s)
{
    size_t n = strlen(s) + 1;
    if (l->len + n > l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 4096;
        while (cap < l->len + n)
            cap *= 2;
        l->data = realloc(l->data, cap);
        CHECK(l->data != NULL, "out of memory");
        l->cap = cap;
    }
    memcpy(l->data + l->len, s, n); /* keep the NUL as a separator */
    l->len += n;
}

static void log_str(logbuf *l, const char *s)
{
    log_add(l, s ? s : "(null)");
}

static void log_num(logbuf *l, long long v)
{
    char tmp[32];
    snprintf(tmp, sizeof tmp, "%lld", v);
    log_add(l, tmp);
}

typedef struct run {
    const unsigned char *data;
    size_t size;
    int ascii_lines;  /* '\n' bytes count lines (UTF-8 / GB18030 input) */
    int utf8;         /* the input is valid UTF-8: offsets can be decoded */
    long long last_offset;
    long long counted, lines; /* '\n' bytes in data[0..counted) + 1 */
    size_t records, warnings;
    logbuf log;
} run;

static const char *const KINDS[] = {"count", "money", "percent", "change", "multiple",
                                    "rank", "duration", "measure", NULL};
static const char *const QUALIFIERS[] = {"over", "approx", "nearly", "under", NULL};

static int on_record(const lg_record *r, void *user)
{
    run *u = user;
    const char *strs[] = {r->file, r->doc, r->city, r->district, r->adcode, r->period,
                          r->metric, r->value_str, r->unit, r->qualifier, r->kind,
                          r->text, r->context};
    static const char *const names[] = {"file", "doc", "city", "district", "adcode",
                                        "period", "metric", "value_str", "unit",
                                        "qualifier", "kind", "text", "context"};
    for (size_t i = 0; i < sizeof strs / sizeof strs[0]; i++)
        CHECK(!strs[i] || valid_utf8(strs[i]), "%s is not valid UTF-8", names[i]);
    CHECK(r->file && !strcmp(r->file, "fuzz"), "file");
    CHECK(r->doc == NULL, "doc");
    CHECK(r->metric && r->value_str && r->unit && r->kind && r->text && r->context,
          "a required string is NULL");
    CHECK(canonical_decimal(r->value_str), "value_str '%s' is not a canonical decimal",
          r->value_str);
    char *end;
    double v = strtod(r->value_str, &end);
    CHECK(*end == '\0' && v == r->value, "value %.17g != value_str '%s'", r->value,
          r->value_str);
    CHECK(in_set(r->kind, KINDS), "kind '%s'", r->kind);
    CHECK(!r->qualifier || in_set(r->qualifier, QUALIFIERS), "qualifier '%s'", r->qualifier);
    CHECK(!r->adcode || (strlen(r->adcode) == 6 && strspn(r->adcode, "0123456789") == 6),
          "adcode '%s'", r->adcode);
    CHECK(r->year == 0 || (r->year >= 1000 && r->year <= 9999), "year %d", r->year);
    CHECK(r->text[0] != '\0', "empty text");
    CHECK(r->line >= 1, "line %lld", r->line);
    CHECK(r->offset >= 0 && (size_t)r->offset < u->size, "offset %lld of %zu", r->offset,
          u->size);
    CHECK(r->offset >= u->last_offset, "offset %lld after %lld: not in input order",
          r->offset, u->last_offset);
    u->last_offset = r->offset;
    if (u->ascii_lines) {
        /* offsets only grow: count the '\n' bytes from where we were */
        for (; u->counted < r->offset; u->counted++)
            u->lines += u->data[u->counted] == '\n';
        CHECK(u->lines == r->line, "line %lld, but %lld by counting", r->line, u->lines);
    }
    if (u->utf8) {
        uint32_t in, out;
        size_t k = utf8_seq(u->data + r->offset, u->size - (size_t)r->offset, &in);
        CHECK(k > 0, "offset %lld is not at a character", r->offset);
        utf8_seq((const unsigned char *)r->text, strlen(r->text), &out);
        CHECK(lg_fold_width(in) == out, "offset %lld holds U+%04X, text starts U+%04X",
              r->offset, (unsigned)in, (unsigned)out);
    }
    u->records++;
    logbuf *l = &u->log;
    log_num(l, r->line);
    log_num(l, r->offset);
    log_str(l, r->city);
    log_str(l, r->district);
    log_str(l, r->adcode);
    log_num(l, r->year);
    log_str(l, r->period);
    log_str(l, r->metric);
    log_str(l, r->value_str);
    log_str(l, r->unit);
    log_str(l, r->qualifier);
    log_str(l, r->kind);
    log_str(l, r->text);
    log_str(l, r->context);
    return 0;
}

static void on_warning(const char *file, long long offset, const char *message, void *user)
{
    run *u = user;
    CHECK(file && !strcmp(file, "fuzz"), "warning file");
    CHECK(message && valid_utf8(message), "warning message");
    CHECK(offset >= -1 && offset < (long long)u->size, "warning offset %lld of %zu", offset,
          u->size);
    /* valid UTF-8 warns only of a numeral run too long to be a quantity */
    CHECK(!u->utf8 || !strncmp(message, "a numeral of ", 13), "a warning about valid UTF-8 input: %s",
          message);
    u->warnings++;
    log_str(&u->log, "warning");
    log_num(&u->log, offset);
    log_str(&u->log, message);
}

static void extract(run *u, const uint8_t *data, size_t size, size_t buffer_size)
{
    memset(u, 0, sizeof *u);
    u->data = data;
    u->size = size;
    int bom16 = size >= 2 && ((data[0] == 0xFF && data[1] == 0xFE) ||
                              (data[0] == 0xFE && data[1] == 0xFF));
    u->ascii_lines = !bom16;
    u->lines = 1;
    u->utf8 = !bom16 && valid_utf8_n(data, size);
    lg_config cfg;
    memset(&cfg, 0, sizeof cfg);
    cfg.buffer_size = buffer_size;
    if (size && (data[0] & 0x20)) { /* a report that names no city or year */
        cfg.default_city = "包头市";
        cfg.default_year = 2023;
    }
    cfg.on_record = on_record;
    cfg.on_warning = on_warning;
    cfg.user = u;
    lg_status st = lg_extract_buffer(&cfg, (const char *)data, size, "fuzz", NULL);
    CHECK(st == LG_OK, "status %s", lg_status_str(st));
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    if (lg_init() != LG_OK)
        abort();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    run a, b;
    extract(&a, data, size, 0);
    /* 1..16 bytes, or a size that ends chunks inside a 4-byte sequence */
    size_t small = size ? (size_t)(data[0] % 16) + 1 : 1;
    if (size && data[0] >= 0xF0)
        small = 4093;
    extract(&b, data, size, small);
    CHECK(a.records == b.records, "%zu records in 64 KiB chunks, %zu in %zu-byte chunks",
          a.records, b.records, small);
    CHECK(a.warnings == b.warnings, "warnings differ with %zu-byte chunks", small);
    CHECK(a.log.len == b.log.len && (a.log.len == 0 || !memcmp(a.log.data, b.log.data, a.log.len)),
          "records differ with %zu-byte chunks", small);
    free(a.log.data);
    free(b.log.data);
    return 0;
}
