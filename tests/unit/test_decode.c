/* test_decode.c - the decoding stage: detection (BOM > valid UTF-8 >
 * GB18030), forced encodings, sequences split across feeds, U+FFFD for
 * invalid and truncated bytes with their count and first offset, and the
 * line and byte offset of every character. */
#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "decode.h"
#include "test.h"
#include "text.h"

/* ---- collecting what the decoder passes on --------------------------- */

typedef struct sink_buf {
    lg_char *v;
    size_t n, cap;
    size_t calls;
    size_t stop_after; /* stop once this many chars arrived; 0 = never */
} sink_buf;

static int collect(void *user, const lg_char *chars, size_t n)
{
    sink_buf *b = user;
    b->calls++;
    if (b->n + n > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->n + n)
            cap *= 2;
        lg_char *p = realloc(b->v, cap * sizeof *p);
        if (!p)
            abort();
        b->v = p;
        b->cap = cap;
    }
    memcpy(b->v + b->n, chars, n * sizeof *chars);
    b->n += n;
    return b->stop_after && b->n >= b->stop_after;
}

/* The result of decoding one input. */
typedef struct decoded {
    sink_buf out;
    lg_status new_status, feed_status, finish_status;
    size_t invalid;
    long long first_invalid;
    char encoding[64];        /* after finish */
    char encoding_before[64]; /* after the first feed, "(null)" when NULL */
    char note[400];           /* lg_decoder_note(), "" when none */
} decoded;

/* Decode bytes[0..len) with the encoding forced (or NULL), fed chunk bytes
 * at a time (0 = all at once). */
static void decode(decoded *r, const void *bytes, size_t len, const char *encoding,
                   size_t chunk)
{
    memset(r, 0, sizeof *r);
    lg_decoder *d = NULL;
    r->new_status = lg_decoder_new(&d, encoding, collect, &r->out);
    if (r->new_status != LG_OK) {
        snprintf(r->encoding, sizeof r->encoding, "(none)");
        return;
    }
    if (!chunk)
        chunk = len ? len : 1;
    const unsigned char *p = bytes;
    int first = 1;
    for (size_t at = 0; at < len; at += chunk) {
        size_t n = len - at < chunk ? len - at : chunk;
        lg_status st = lg_decoder_feed(d, p + at, n);
        if (first) {
            const char *e = lg_decoder_encoding(d);
            snprintf(r->encoding_before, sizeof r->encoding_before, "%s", e ? e : "(null)");
            first = 0;
        }
        if (st != LG_OK) {
            r->feed_status = st;
            break;
        }
    }
    r->finish_status = lg_decoder_finish(d);
    r->invalid = lg_decoder_invalid_count(d);
    r->first_invalid = lg_decoder_first_invalid(d);
    const char *e = lg_decoder_encoding(d);
    snprintf(r->encoding, sizeof r->encoding, "%s", e ? e : "(null)");
    snprintf(r->note, sizeof r->note, "%s", lg_decoder_note(d) ? lg_decoder_note(d) : "");
    lg_decoder_free(d);
}

static void decoded_free(decoded *r)
{
    free(r->out.v);
    r->out.v = NULL;
}

/* ---- building expectations ------------------------------------------ */

/* the library's own encoder (text.h) builds expected strings */
#define put_utf8(cp, o) utf8_encode((cp), (o))

/* The decoded text as UTF-8 (U+FFFD shows as \xEF\xBF\xBD). */
static char *text_of(const sink_buf *b)
{
    static char *s;
    free(s);
    s = malloc(4 * b->n + 1);
    if (!s)
        abort();
    size_t o = 0;
    for (size_t i = 0; i < b->n; i++)
        o += put_utf8(b->v[i].cp, s + o);
    s[o] = '\0';
    return s;
}

/* the library's own decoder (text.h) reads the test strings */
static uint32_t get_utf8(const unsigned char *s, size_t *len)
{
    uint32_t cp;
    *len = utf8_decode_one((const char *)s, &cp);
    return cp;
}

/* An expected character stream: code points with line and offset. */
typedef struct expect {
    lg_char *v;
    size_t n, cap;
    long long line; /* line of the next char */
} expect;

static void expect_add(expect *e, uint32_t cp, long long offset)
{
    if (e->n == e->cap) {
        e->cap = e->cap ? 2 * e->cap : 256;
        e->v = realloc(e->v, e->cap * sizeof *e->v);
        if (!e->v)
            abort();
    }
    if (!e->line)
        e->line = 1;
    e->v[e->n].cp = cp;
    e->v[e->n].line = e->line;
    e->v[e->n].offset = offset;
    e->n++;
    if (cp == '\n')
        e->line++;
}

/* Expectations for valid UTF-8 text whose first byte stands at offset base. */
static void expect_utf8(expect *e, const char *utf8, long long base)
{
    const unsigned char *s = (const unsigned char *)utf8;
    size_t i = 0, n = strlen(utf8), len;
    while (i < n) {
        uint32_t cp = get_utf8(s + i, &len);
        expect_add(e, cp, base + (long long)i);
        i += len;
    }
}

/* Expectations for bytes that may hold invalid UTF-8, read with the
 * library's strict decoder (text.h) as the reference: U+FFFD for each
 * invalid byte, and for a sequence cut off at the end.  Returns the number
 * of U+FFFD added for invalid input. */
static size_t expect_utf8_lossy(expect *e, const unsigned char *p, size_t n, long long base)
{
    size_t i = 0, bad = 0;
    uint32_t cp;
    while (i < n) {
        int k = utf8_decode_strict(p + i, n - i, &cp);
        if (k > 0) {
            expect_add(e, cp, base + (long long)i);
            i += (size_t)k;
            continue;
        }
        expect_add(e, 0xFFFD, base + (long long)i);
        bad++;
        if (k == 0)
            break;
        i++;
    }
    return bad;
}

/* Expectations for any bytes read as GB18030, with iconv(3) asked for one
 * character at a time as the reference: each character iconv reads, U+FFFD
 * and one byte on for what it rejects, U+FFFD for a sequence cut off at the
 * end.  p must not start with a BOM.  Returns the number of U+FFFD added
 * for invalid input. */
static size_t expect_gb18030_lossy(expect *e, const unsigned char *p, size_t n)
{
    iconv_t cd = iconv_open("UTF-32LE", "GB18030");
    if (cd == (iconv_t)-1)
        abort();
    size_t i = 0, bad = 0;
    while (i < n) {
        unsigned char out[4];
        char *in = (char *)p + i, *o = (char *)out;
        size_t inleft = n - i, outleft = sizeof out;
        int err = iconv(cd, &in, &inleft, &o, &outleft) == (size_t)-1 ? errno : 0;
        if (outleft == 0) {
            expect_add(e, (uint32_t)out[0] | (uint32_t)out[1] << 8 | (uint32_t)out[2] << 16 |
                              (uint32_t)out[3] << 24, (long long)i);
            i = n - inleft;
            continue;
        }
        expect_add(e, 0xFFFD, (long long)i);
        bad++;
        if (err == EINVAL)
            break;
        i++;
    }
    iconv_close(cd);
    return bad;
}

/* Encode the UTF-8 text into GB18030 with iconv(3), one character at a
 * time so that the expected offsets are known.  Returns the byte length. */
static size_t gb18030_of(const char *utf8, unsigned char *out, size_t cap, expect *e,
                         long long base)
{
    iconv_t cd = iconv_open("GB18030", "UTF-8");
    if (cd == (iconv_t)-1)
        abort();
    const unsigned char *s = (const unsigned char *)utf8;
    size_t i = 0, n = strlen(utf8), o = 0, len;
    while (i < n) {
        uint32_t cp = get_utf8(s + i, &len);
        char *in = (char *)s + i, *op = (char *)out + o;
        size_t inleft = len, outleft = cap - o;
        if (iconv(cd, &in, &inleft, &op, &outleft) == (size_t)-1 || inleft)
            abort();
        if (e)
            expect_add(e, cp, base + (long long)o);
        o = (size_t)(op - (char *)out);
        i += len;
    }
    iconv_close(cd);
    return o;
}

/* Does the decoded stream equal the expected one?  Prints the first
 * difference. */
static int same_stream(const char *what, const sink_buf *got, const expect *want)
{
    size_t n = got->n < want->n ? got->n : want->n;
    for (size_t i = 0; i < n; i++) {
        const lg_char *g = &got->v[i], *w = &want->v[i];
        if (g->cp != w->cp || g->line != w->line || g->offset != w->offset) {
            fprintf(stderr, "  %s: char %zu: got U+%04X line %lld offset %lld, "
                            "want U+%04X line %lld offset %lld\n",
                    what, i, (unsigned)g->cp, g->line, g->offset, (unsigned)w->cp, w->line,
                    w->offset);
            return 0;
        }
    }
    if (got->n != want->n) {
        fprintf(stderr, "  %s: got %zu chars, want %zu\n", what, got->n, want->n);
        return 0;
    }
    return 1;
}

static int is_at(const sink_buf *b, size_t i, uint32_t cp, long long line, long long offset)
{
    if (i >= b->n) {
        fprintf(stderr, "  char %zu: missing (only %zu)\n", i, b->n);
        return 0;
    }
    const lg_char *c = &b->v[i];
    if (c->cp != cp || c->line != line || c->offset != offset) {
        fprintf(stderr, "  char %zu: got U+%04X line %lld offset %lld, want U+%04X line %lld offset %lld\n",
                i, (unsigned)c->cp, c->line, c->offset, (unsigned)cp, line, offset);
        return 0;
    }
    return 1;
}

#define FFFD "\xEF\xBF\xBD"

/* Chunk sizes every stream test is fed with (0 = all at once). */
static const size_t CHUNKS[] = {0, 1, 2, 3, 5, 7, 16, 17, 1000, 4096};
#define NCHUNKS (sizeof CHUNKS / sizeof CHUNKS[0])

/* s (UTF-8) converted to encoding by iconv, times copies; *len bytes. */
static unsigned char *encoded(const char *s, const char *encoding, int times, size_t *len)
{
    size_t n = strlen(s), cap = 4 * n * (size_t)times + 16;
    unsigned char *out = malloc(cap);
    iconv_t cd = iconv_open(encoding, "UTF-8");
    if (!out || cd == (iconv_t)-1)
        abort();
    char *o = (char *)out;
    size_t left = cap;
    for (int t = 0; t < times; t++) {
        char *in = (char *)s;
        size_t inleft = n;
        if (iconv(cd, &in, &inleft, &o, &left) == (size_t)-1)
            abort();
    }
    iconv_close(cd);
    *len = cap - left;
    return out;
}

int main(void)
{
    decoded r;

    /* ---- ASCII and UTF-8 -------------------------------------------- */
    {
        decode(&r, "ab\ncd\n", 6, NULL, 0);
        TEST_COND("ASCII: new/feed/finish ok",
                  r.new_status == LG_OK && r.feed_status == LG_OK && r.finish_status == LG_OK);
        TEST_COND("ASCII: 6 chars", r.out.n == 6);
        TEST_COND("ASCII: a at line 1 offset 0", is_at(&r.out, 0, 'a', 1, 0));
        TEST_COND("ASCII: the LF belongs to line 1", is_at(&r.out, 2, '\n', 1, 2));
        TEST_COND("ASCII: c at line 2 offset 3", is_at(&r.out, 3, 'c', 2, 3));
        TEST_COND("ASCII: final LF on line 2", is_at(&r.out, 5, '\n', 2, 5));
        TEST_STREQ("ASCII: detected as UTF-8", r.encoding, "UTF-8");
        TEST_COND("ASCII: nothing invalid", r.invalid == 0 && r.first_invalid == -1);
        decoded_free(&r);
    }
    {
        const char *s = "法治\n政府建设\n2023年";
        decode(&r, s, strlen(s), NULL, 0);
        TEST_STREQ("UTF-8 Chinese: text", text_of(&r.out), s);
        TEST_COND("UTF-8: 法 at 1:0", is_at(&r.out, 0, 0x6CD5, 1, 0));
        TEST_COND("UTF-8: 治 at 1:3", is_at(&r.out, 1, 0x6CBB, 1, 3));
        TEST_COND("UTF-8: LF at 1:6", is_at(&r.out, 2, '\n', 1, 6));
        TEST_COND("UTF-8: 政 at 2:7", is_at(&r.out, 3, 0x653F, 2, 7));
        TEST_COND("UTF-8: 设 at 2:16", is_at(&r.out, 6, 0x8BBE, 2, 16));
        TEST_COND("UTF-8: 2 at 3:20", is_at(&r.out, 8, '2', 3, 20));
        TEST_COND("UTF-8: 年 at 3:24", is_at(&r.out, 12, 0x5E74, 3, 24));
        TEST_STREQ("UTF-8: detected", r.encoding, "UTF-8");
        TEST_COND("UTF-8: nothing invalid", r.invalid == 0 && r.first_invalid == -1);
        decoded_free(&r);
    }
    {
        /* every chunk size, detected and forced, gives the same stream */
        const char *s = "杭州市\n2023年办理案件12.6万件，€5，😀\n𠀀末行";
        expect e = {0};
        expect_utf8(&e, s, 0);
        int ok_detect = 1, ok_forced = 1;
        for (size_t k = 0; k < NCHUNKS; k++) {
            decode(&r, s, strlen(s), NULL, CHUNKS[k]);
            ok_detect &= same_stream("UTF-8 detected", &r.out, &e) && r.invalid == 0 &&
                         !strcmp(r.encoding, "UTF-8");
            decoded_free(&r);
            decode(&r, s, strlen(s), "UTF-8", CHUNKS[k]);
            ok_forced &= same_stream("UTF-8 forced", &r.out, &e) && r.invalid == 0;
            decoded_free(&r);
        }
        TEST_COND("UTF-8 (incl. 4-byte) detected: same stream whatever the chunk size", ok_detect);
        TEST_COND("UTF-8 forced: same stream whatever the chunk size (carry)", ok_forced);
        free(e.v);
    }
    {
        /* forced UTF-8: 法 split 1 + 2 bytes across two feeds */
        lg_decoder *d;
        sink_buf b = {0};
        TEST_COND("forced UTF-8: new", lg_decoder_new(&d, "UTF-8", collect, &b) == LG_OK);
        TEST_STREQ("forced UTF-8: encoding known at once", lg_decoder_encoding(d), "UTF-8");
        const unsigned char in[] = {'a', 0xE6, 0xB3, 0x95, 'b'}; /* a法b */
        lg_status s1 = lg_decoder_feed(d, in, 2);
        TEST_COND("forced UTF-8 split: only a after the first feed", s1 == LG_OK && b.n == 1);
        lg_status s2 = lg_decoder_feed(d, in + 2, 3);
        TEST_COND("forced UTF-8 split: finish", s2 == LG_OK && lg_decoder_finish(d) == LG_OK);
        TEST_COND("forced UTF-8 split: 法 whole at offset 1", is_at(&b, 1, 0x6CD5, 1, 1));
        TEST_COND("forced UTF-8 split: b at offset 4", is_at(&b, 2, 'b', 1, 4) && b.n == 3);
        TEST_COND("forced UTF-8 split: nothing invalid", lg_decoder_invalid_count(d) == 0);
        lg_decoder_free(d);
        free(b.v);
    }
    {
        /* detected UTF-8 past the 64 KiB sniff window: a character split
         * across two feeds right at the window's end, and one byte at a time */
        size_t pad = 65536 - 3 - 1; /* 法 + pad 'x' + first byte of 治 = 65536 */
        size_t len = 3 + pad + 6 + 1;
        char *s = malloc(len + 1);
        memcpy(s, "法", 3);
        memset(s + 3, 'x', pad);
        memcpy(s + 3 + pad, "治理\n", 7);
        s[len] = '\0';
        expect e = {0};
        expect_utf8(&e, s, 0);
        decode(&r, s, len, NULL, 65536);
        TEST_COND("UTF-8 split at the 64 KiB feed boundary", same_stream("64k split", &r.out, &e));
        TEST_COND("UTF-8 split at 64 KiB: 治 at offset 65535",
                  is_at(&r.out, 1 + pad, 0x6CBB, 1, 65535));
        TEST_COND("UTF-8 split at 64 KiB: nothing invalid", r.invalid == 0);
        decoded_free(&r);
        decode(&r, s, len, NULL, 1);
        TEST_COND("UTF-8 past 64 KiB fed 1 byte at a time", same_stream("64k bytewise", &r.out, &e));
        decoded_free(&r);
        decode(&r, s, len, NULL, 65535);
        TEST_COND("UTF-8 past 64 KiB in 65535-byte feeds", same_stream("64k-1", &r.out, &e));
        decoded_free(&r);
        free(e.v);
        free(s);
    }

    /* ---- GB18030 ---------------------------------------------------- */
    {
        /* 包头 = B0 FC CD B7 */
        const unsigned char gb[] = {0xB0, 0xFC, 0xCD, 0xB7, '\n', 0xCA, 0xD0};
        decode(&r, gb, sizeof gb, NULL, 0);
        TEST_STREQ("GB18030 包头\\n市: detected", r.encoding, "GB18030");
        TEST_STREQ("GB18030: text", text_of(&r.out), "包头\n市");
        TEST_COND("GB18030: 包 at 1:0", is_at(&r.out, 0, 0x5305, 1, 0));
        TEST_COND("GB18030: 头 at 1:2", is_at(&r.out, 1, 0x5934, 1, 2));
        TEST_COND("GB18030: LF at 1:4", is_at(&r.out, 2, '\n', 1, 4));
        TEST_COND("GB18030: 市 at 2:5", is_at(&r.out, 3, 0x5E02, 2, 5));
        TEST_COND("GB18030: nothing invalid", r.invalid == 0 && r.first_invalid == -1);
        decoded_free(&r);
    }
    {
        /* 4-byte sequences: Ä = 81 30 87 32, 😀 = 94 39 FC 36, 𠀀 = 95 32 82 36 */
        const unsigned char gb[] = {0xB0, 0xFC, 0x81, 0x30, 0x87, 0x32, 0x94, 0x39, 0xFC, 0x36,
                                    'a', 0x95, 0x32, 0x82, 0x36, 0xCD, 0xB7};
        int ok = 1;
        for (size_t k = 0; k < NCHUNKS; k++) {
            for (int forced = 0; forced < 2; forced++) {
                decode(&r, gb, sizeof gb, forced ? "GB18030" : NULL, CHUNKS[k]);
                int good = !strcmp(text_of(&r.out), "包Ä😀a𠀀头") && r.invalid == 0 &&
                           is_at(&r.out, 1, 0xC4, 1, 2) && is_at(&r.out, 2, 0x1F600, 1, 6) &&
                           is_at(&r.out, 3, 'a', 1, 10) && is_at(&r.out, 4, 0x20000, 1, 11) &&
                           is_at(&r.out, 5, 0x5934, 1, 15) && !strcmp(r.encoding, "GB18030");
                if (!good)
                    fprintf(stderr, "  GB18030 4-byte, chunk %zu, forced %d: %s\n", CHUNKS[k],
                            forced, text_of(&r.out));
                ok &= good;
                decoded_free(&r);
            }
        }
        TEST_COND("GB18030 4-byte sequences split across feeds, every chunk size", ok);
    }
    {
        /* forced GB18030: 4-byte Ä split 1 + 3 and 3 + 1 across feeds */
        const unsigned char gb[] = {0x81, 0x30, 0x87, 0x32, 0x81, 0x30, 0x87, 0x32};
        lg_decoder *d;
        sink_buf b = {0};
        lg_decoder_new(&d, "GB18030", collect, &b);
        TEST_STREQ("forced GB18030: encoding known at once", lg_decoder_encoding(d), "GB18030");
        lg_decoder_feed(d, gb, 1);
        TEST_COND("GB18030 1 of 4 bytes: nothing yet", b.n == 0);
        lg_decoder_feed(d, gb + 1, 6);
        TEST_COND("GB18030 split 1+3: first Ä out", b.n == 1 && is_at(&b, 0, 0xC4, 1, 0));
        lg_decoder_feed(d, gb + 7, 1);
        lg_decoder_finish(d);
        TEST_COND("GB18030 split 3+1: second Ä at offset 4", b.n == 2 && is_at(&b, 1, 0xC4, 1, 4));
        TEST_COND("GB18030 split: nothing invalid", lg_decoder_invalid_count(d) == 0);
        lg_decoder_free(d);
        free(b.v);
    }
    {
        /* lower-case name accepted */
        const unsigned char gb[] = {0xB0, 0xFC, 0xCD, 0xB7};
        decode(&r, gb, sizeof gb, "gb18030", 1);
        TEST_STREQ("forced gb18030 (lower case): text", text_of(&r.out), "包头");
        decoded_free(&r);
    }
    {
        /* a long GB18030 text (the two-byte table's path) with 2- and 4-byte
         * characters, line breaks and ASCII, in every chunk size */
        const char *piece = "杭州市西湖区2023年办理法律援助案件2320件，Ä😀𠀀€\n成都市锡林郭勒盟\n";
        size_t cap = 300000;
        unsigned char *gb = malloc(cap);
        expect e = {0};
        size_t len = 0;
        while (len < 200000)
            len += gb18030_of(piece, gb + len, cap - len, &e, (long long)len);
        int ok = 1;
        static const size_t big[] = {0, 1, 3, 16, 17, 4095, 16384, 16385, 65536, 100000};
        for (size_t k = 0; k < sizeof big / sizeof big[0]; k++) {
            decode(&r, gb, len, NULL, big[k]);
            int good = same_stream("GB18030 long", &r.out, &e) && r.invalid == 0 &&
                       !strcmp(r.encoding, "GB18030");
            if (!good)
                fprintf(stderr, "  GB18030 long: chunk %zu\n", big[k]);
            ok &= good;
            decoded_free(&r);
        }
        TEST_COND("GB18030 200 KB: every char, line and offset, every chunk size", ok);
        decode(&r, gb, len, "GB18030", 4096);
        TEST_COND("GB18030 200 KB forced", same_stream("GB18030 long forced", &r.out, &e));
        decoded_free(&r);
        free(e.v);
        free(gb);
    }

    /* ---- the fast path for ASCII, 2- and 3-byte sequences ------------- */
    {
        /* 1-, 2-, 3- and 4-byte characters and line breaks mixed, long
         * enough for many batches: whatever the chunk size, every split of
         * a sequence at a chunk end and every batch end gives the stream
         * the strict decoder reads */
        const char *piece = "法治\n政府a建设\u00b7b£2023年€😀\n\n𠀀末行×";
        size_t plen = strlen(piece), len = 0, cap = 50 * plen;
        char *s = malloc(cap + 1);
        while (len + plen <= cap) {
            memcpy(s + len, piece, plen);
            len += plen;
        }
        expect e = {0};
        expect_utf8_lossy(&e, (const unsigned char *)s, len, 0);
        int ok_detect = 1, ok_forced = 1;
        for (size_t k = 0; k < NCHUNKS; k++) {
            decode(&r, s, len, NULL, CHUNKS[k]);
            ok_detect &= same_stream("mixed lengths detected", &r.out, &e) && r.invalid == 0;
            decoded_free(&r);
            decode(&r, s, len, "UTF-8", CHUNKS[k]);
            ok_forced &= same_stream("mixed lengths forced", &r.out, &e) && r.invalid == 0;
            decoded_free(&r);
        }
        TEST_COND("1- to 4-byte chars across chunk and batch ends: detected", ok_detect);
        TEST_COND("1- to 4-byte chars across chunk and batch ends: forced", ok_forced);
        free(e.v);
        free(s);
    }
    {
        /* invalid sequences amid multibyte text, which the fast path must
         * leave to the strict decoder: overlong 3-byte (E0 80 80), surrogate
         * (ED A0 80), overlong 2-byte (C0 AF, C1 BF), a lone continuation,
         * a 3-byte start cut by ASCII, F5-FF, and a sequence cut at the end */
        const char *bad[] = {"\xE0\x80\x80", "\xED\xA0\x80", "\xC0\xAF", "\xC1\xBF", "\x80",
                             "\xE6\xB3" "a", "\xE6" "\xE6\xB3\x95", "\xF5\x80", "\xFF",
                             "\xED\x9F\xBF", "\xEF\xBF\xBF", "\xC2\x80", "\xE0\xA0\x80"};
        size_t nbad = sizeof bad / sizeof bad[0];
        char *s = malloc(4096);
        size_t len = 0;
        for (int rep = 0; rep < 6; rep++) {
            for (size_t k = 0; k < nbad; k++) {
                len += (size_t)sprintf(s + len, "法治%s政府\n", bad[k]);
            }
        }
        memcpy(s + len, "\xE6\xB3", 2); /* cut off at the end */
        len += 2;
        expect e = {0};
        size_t want_bad = expect_utf8_lossy(&e, (const unsigned char *)s, len, 0);
        int ok = 1;
        for (size_t k = 0; k < NCHUNKS; k++) {
            decode(&r, s, len, "UTF-8", CHUNKS[k]);
            int good = same_stream("invalid amid multibyte", &r.out, &e) && r.invalid == want_bad &&
                       r.first_invalid == 6;
            if (!good)
                fprintf(stderr, "  invalid amid multibyte: chunk %zu, %zu invalid\n", CHUNKS[k],
                        r.invalid);
            ok &= good;
            decoded_free(&r);
        }
        TEST_COND("invalid sequences amid multibyte text, every chunk size: as the strict decoder", ok);
        free(e.v);
        free(s);
    }

    {
        /* GB18030 with its BOM (U+FEFF = 84 31 95 33) before a text for
         * the two-byte table's path: the BOM is dropped, nothing else */
        unsigned char gb[256];
        memcpy(gb, "\x84\x31\x95\x33", 4);
        expect e = {0};
        size_t len = 4 + gb18030_of("包头市2023年办理案件\n法治\uFEFF政府", gb + 4, sizeof gb - 4, &e, 4);
        int ok = 1;
        for (size_t k = 0; k < NCHUNKS; k++) {
            decode(&r, gb, len, "GB18030", CHUNKS[k]);
            ok &= same_stream("GB18030 BOM", &r.out, &e) && r.invalid == 0;
            decoded_free(&r);
        }
        TEST_COND("GB18030 BOM dropped, a later U+FEFF kept, every chunk size", ok);
        free(e.v);
    }

    /* ---- invalid bytes ---------------------------------------------- */
    {
        /* forced UTF-8: 法 FF 治 C0 80 理 */
        const char *s = "法\xFF治\xC0\x80理";
        decode(&r, s, strlen(s), "UTF-8", 0);
        TEST_STREQ("UTF-8 invalid bytes: U+FFFD each, text after decoded", text_of(&r.out),
                   "法" FFFD "治" FFFD FFFD "理");
        TEST_COND("UTF-8 invalid: count 3", r.invalid == 3);
        TEST_COND("UTF-8 invalid: first at 3", r.first_invalid == 3);
        TEST_COND("UTF-8 invalid: FFFD at offset 3", is_at(&r.out, 1, 0xFFFD, 1, 3));
        TEST_COND("UTF-8 invalid: 治 at offset 4", is_at(&r.out, 2, 0x6CBB, 1, 4));
        TEST_COND("UTF-8 invalid: overlong C0 80 at 7 and 8",
                  is_at(&r.out, 3, 0xFFFD, 1, 7) && is_at(&r.out, 4, 0xFFFD, 1, 8));
        TEST_COND("UTF-8 invalid: 理 at offset 9", is_at(&r.out, 5, 0x7406, 1, 9));
        TEST_STREQ("UTF-8 invalid: forced encoding stays", r.encoding, "UTF-8");
        decoded_free(&r);
    }
    {
        /* surrogates and code points above U+10FFFF are invalid UTF-8 */
        const char *s = "a\xED\xA0\x80" "b\xF4\x90\x80\x80" "c";
        decode(&r, s, strlen(s), "UTF-8", 1);
        TEST_STREQ("UTF-8 surrogate / above 10FFFF: U+FFFD", text_of(&r.out),
                   "a" FFFD FFFD FFFD "b" FFFD FFFD FFFD FFFD "c");
        TEST_COND("UTF-8 surrogate: first invalid at 1", r.first_invalid == 1 && r.invalid == 7);
        TEST_COND("UTF-8 surrogate: c at offset 9", is_at(&r.out, r.out.n - 1, 'c', 1, 9));
        decoded_free(&r);
    }
    {
        /* detected UTF-8 (multibyte seen in the sniff window), invalid bytes
         * after 64 KiB: U+FFFD, no switch to GB18030 */
        size_t pad = 70000, len = 3 + pad + 2 + 3 + 1;
        char *s = malloc(len + 1);
        memcpy(s, "法", 3);
        memset(s + 3, 'x', pad);
        memcpy(s + 3 + pad, "\xFF\xFE治\n", 6);
        s[len] = '\0';
        int ok = 1;
        static const size_t chunks[] = {0, 1, 4096, 65536};
        for (size_t k = 0; k < 4; k++) {
            decode(&r, s, len, NULL, chunks[k]);
            int good = r.out.n == 1 + pad + 4 && is_at(&r.out, 1 + pad, 0xFFFD, 1, 3 + 70000) &&
                       is_at(&r.out, 2 + pad, 0xFFFD, 1, 3 + 70001) &&
                       is_at(&r.out, 3 + pad, 0x6CBB, 1, 3 + 70002) && r.invalid == 2 &&
                       r.first_invalid == 70003 && !strcmp(r.encoding, "UTF-8");
            if (!good)
                fprintf(stderr, "  UTF-8 invalid past 64 KiB: chunk %zu\n", chunks[k]);
            ok &= good;
            decoded_free(&r);
        }
        TEST_COND("detected UTF-8, invalid bytes past 64 KiB: U+FFFD, count, offset", ok);
        free(s);
    }
    {
        /* detected: UTF-8 Chinese with one stray byte inside the sniff window
         * is still UTF-8 (a clear majority of valid multibyte sequences) */
        const char *s = "杭州市法治政府建设年度报告\xFF成都市办理案件";
        decode(&r, s, strlen(s), NULL, 0);
        TEST_STREQ("UTF-8 with a stray byte: detected as UTF-8", r.encoding, "UTF-8");
        TEST_STREQ("UTF-8 with a stray byte: U+FFFD, text after it decoded", text_of(&r.out),
                   "杭州市法治政府建设年度报告" FFFD "成都市办理案件");
        TEST_COND("UTF-8 with a stray byte: count 1, first at 39",
                  r.invalid == 1 && r.first_invalid == 39);
        TEST_COND("UTF-8 with a stray byte: 成 at 40", is_at(&r.out, 14, 0x6210, 1, 40));
        decoded_free(&r);
    }
    {
        /* GB18030: an invalid byte FF between 包 and 头, short input */
        const unsigned char gb[] = {0xB0, 0xFC, 0xFF, 0xCD, 0xB7};
        for (int forced = 0; forced < 2; forced++) {
            decode(&r, gb, sizeof gb, forced ? "GB18030" : NULL, 0);
            TEST_STREQ(forced ? "GB18030 forced, FF: text" : "GB18030 detected, FF: text",
                       text_of(&r.out), "包" FFFD "头");
            TEST_COND("GB18030 FF: count 1, first at 2", r.invalid == 1 && r.first_invalid == 2);
            TEST_COND("GB18030 FF: FFFD at 2, 头 at 3",
                      is_at(&r.out, 1, 0xFFFD, 1, 2) && is_at(&r.out, 2, 0x5934, 1, 3));
            decoded_free(&r);
        }
    }
    {
        /* GB18030: a lead byte followed by ASCII (81 20) and a lone 80: the
         * ASCII byte survives */
        const unsigned char gb[] = {0xB0, 0xFC, 0x81, ' ', 'x', 0x80, 0xCD, 0xB7};
        decode(&r, gb, sizeof gb, "GB18030", 1);
        TEST_STREQ("GB18030 81 20 and 80: text", text_of(&r.out), "包" FFFD " x" FFFD "头");
        TEST_COND("GB18030 81 20 and 80: count 2, first at 2", r.invalid == 2 && r.first_invalid == 2);
        TEST_COND("GB18030 80: FFFD at 5, 头 at 6",
                  is_at(&r.out, 4, 0xFFFD, 1, 5) && is_at(&r.out, 5, 0x5934, 1, 6));
        decoded_free(&r);
    }
    {
        /* GB18030 long enough for the bulk path, invalid byte in the middle */
        unsigned char gb[256];
        expect e = {0};
        size_t len = gb18030_of("杭州市西湖区法治政府\n", gb, sizeof gb, &e, 0);
        gb[len] = 0xFF;
        expect_add(&e, 0xFFFD, (long long)len);
        long long bad = (long long)len;
        len++;
        len += gb18030_of("成都市2023年Ä测试", gb + len, sizeof gb - len, &e, (long long)len);
        int ok = 1;
        for (size_t k = 0; k < NCHUNKS; k++) {
            decode(&r, gb, len, NULL, CHUNKS[k]);
            int good = same_stream("GB18030 bulk invalid", &r.out, &e) && r.invalid == 1 &&
                       r.first_invalid == bad;
            if (!good)
                fprintf(stderr, "  GB18030 bulk invalid: chunk %zu\n", CHUNKS[k]);
            ok &= good;
            decoded_free(&r);
        }
        TEST_COND("GB18030 invalid byte amid a long text: positions stay exact", ok);
        free(e.v);
    }

    /* ---- sequences cut off at the end -------------------------------- */
    {
        const char *s = "ab\xE6\xB3"; /* 法 without its last byte */
        decode(&r, s, strlen(s), NULL, 0);
        TEST_STREQ("UTF-8 truncated at EOF: U+FFFD", text_of(&r.out), "ab" FFFD);
        TEST_COND("UTF-8 truncated: counted, at offset 2", r.invalid == 1 && r.first_invalid == 2);
        TEST_COND("UTF-8 truncated: FFFD at offset 2", is_at(&r.out, 2, 0xFFFD, 1, 2));
        decoded_free(&r);
        decode(&r, s, strlen(s), "UTF-8", 1);
        TEST_STREQ("forced UTF-8 truncated, bytewise: U+FFFD", text_of(&r.out), "ab" FFFD);
        TEST_COND("forced UTF-8 truncated: counted once", r.invalid == 1 && r.first_invalid == 2);
        decoded_free(&r);
    }
    {
        /* truncated after the 64 KiB window (carried, then flushed by finish) */
        size_t pad = 70000, len = pad + 2;
        char *s = malloc(len);
        memset(s, 'y', pad);
        memcpy(s + pad, "\xE6\xB3", 2);
        decode(&r, s, len, NULL, 4096);
        TEST_COND("UTF-8 truncated past 64 KiB: U+FFFD at 70000",
                  r.out.n == pad + 1 && is_at(&r.out, pad, 0xFFFD, 1, 70000) && r.invalid == 1 &&
                      r.first_invalid == 70000);
        decoded_free(&r);
        free(s);
    }
    {
        const unsigned char gb2[] = {0xB0, 0xFC, 0xCD};
        decode(&r, gb2, sizeof gb2, "GB18030", 1);
        TEST_STREQ("GB18030 2-byte truncated at EOF", text_of(&r.out), "包" FFFD);
        TEST_COND("GB18030 truncated: counted, at 2", r.invalid == 1 && r.first_invalid == 2);
        decoded_free(&r);
        const unsigned char gb4[] = {0xB0, 0xFC, 0x81, 0x30, 0x87};
        decode(&r, gb4, sizeof gb4, NULL, 0);
        TEST_STREQ("GB18030 4-byte truncated at EOF (detected)", text_of(&r.out), "包" FFFD);
        TEST_COND("GB18030 4-byte truncated: counted once, at 2",
                  r.invalid == 1 && r.first_invalid == 2);
        decoded_free(&r);
        decode(&r, gb4, sizeof gb4, "GB18030", 1);
        TEST_STREQ("GB18030 4-byte truncated, bytewise", text_of(&r.out), "包" FFFD);
        TEST_COND("GB18030 4-byte truncated bytewise: counted once", r.invalid == 1);
        decoded_free(&r);
    }
    {
        /* the GB18030 decoder's own reading of lead bytes with bad trails,
         * stray 80 and FF, and a lead byte cut off at the end: U+FFFD and
         * one byte on, so what follows the bad byte is read again */
        static const struct {
            const char *what;
            const char *bytes;
            const char *text;
            size_t invalid;
            long long first;
        } cases[] = {
            {"lead + space", "\xB0\x20" "a", FFFD " a", 1, 0},
            {"lead + DEL", "a\xB0\x7F", "a" FFFD "\x7F", 1, 1},
            {"lead + FF", "\xB0\xFF" "b", FFFD FFFD "b", 2, 0},
            {"lead + LF", "a\xB0\nb", "a" FFFD "\nb", 1, 1},
            {"lead + digit, not four bytes", "\xB0\x31" "ab", FFFD "1ab", 1, 0},
            {"80 and FF", "\x80" "a\xFF", FFFD "a" FFFD, 2, 0},
            {"lead at the end", "ab\xB0", "ab" FFFD, 1, 2},
            {"4-byte with a bad third byte", "\x81\x30\x20\x30", FFFD "0 0", 1, 0},
            {"4-byte with a bad fourth byte", "\x81\x30\x81\x20" "c", FFFD "0" FFFD " c", 2, 0},
            {"4-byte beyond U+10FFFF", "\xE3\x32\x9A\x36" "zz", FFFD "2" FFFD "6zz", 2, 0},
        };
        int ok = 1;
        for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
            for (size_t chunk = 0; chunk <= 3; chunk++) {
                decode(&r, cases[c].bytes, strlen(cases[c].bytes), "GB18030", chunk);
                int good = !strcmp(text_of(&r.out), cases[c].text) &&
                           r.invalid == cases[c].invalid && r.first_invalid == cases[c].first;
                if (!good)
                    fprintf(stderr, "  GB18030 %s, chunk %zu: got \"%s\", %zu invalid from %lld\n",
                            cases[c].what, chunk, text_of(&r.out), r.invalid, r.first_invalid);
                ok &= good;
                decoded_free(&r);
            }
        }
        TEST_COND("GB18030 bad trails, stray bytes, cut-off lead: U+FFFD and one byte on", ok);
    }
    {
        /* Every pair of a byte 80-FF and any byte (each valid two-byte code,
         * the codes iconv rejects or reads beyond the BMP, and every bad
         * trail), then four-byte codes good and bad, a U+FEFF that is text,
         * and a lead cut off at the end.  The table path must give what iconv
         * gives one character at a time, fed whole and in chunks of 1 to 7
         * bytes (a code split at every place), detected and forced. */
        static const unsigned char four[] = {
            0x81, 0x30, 0x81, 0x30, /* U+0080 */
            0x84, 0x31, 0x95, 0x33, /* U+FEFF, not at the start: text */
            0x84, 0x31, 0xA4, 0x39, /* U+FFFF */
            0x90, 0x30, 0x81, 0x30, /* U+10000 */
            0x95, 0x32, 0x82, 0x36, /* U+20000 */
            0x94, 0x39, 0xFC, 0x36, /* U+1F600 */
            0xE3, 0x32, 0x9A, 0x35, /* U+10FFFF */
            0x84, 0x31, 0xA5, 0x30, /* past the BMP's four-byte range */
            0xFE, 0x39, 0xFE, 0x39, /* past U+10FFFF */
            0x81, 0x30, 0xFF, 0x30, 0x81, 0x30, 'x', 0x81, 0x30, 0x81, 'y', '\n'};
        size_t cap = 3 + 128 * (256 * 2 + 1) + sizeof four + 1, len = 0;
        unsigned char *s = malloc(cap);
        memcpy(s, "ab\n", 3);
        len = 3;
        for (unsigned lead = 0x80; lead <= 0xFF; lead++) {
            for (unsigned trail = 0; trail <= 0xFF; trail++) {
                s[len++] = (unsigned char)lead;
                s[len++] = (unsigned char)trail;
            }
            s[len++] = '\n';
        }
        memcpy(s + len, four, sizeof four);
        len += sizeof four;
        s[len++] = 0xB0;
        expect e = {0};
        size_t want_bad = expect_gb18030_lossy(&e, s, len);
        int ok_whole = 1, ok_chunks = 1;
        for (size_t chunk = 0; chunk <= 7; chunk++) {
            for (int forced = 0; forced < 2; forced++) {
                decode(&r, s, len, forced ? "GB18030" : NULL, chunk);
                int good = same_stream("every two-byte code", &r.out, &e) &&
                           r.invalid == want_bad && r.first_invalid == 3 &&
                           !strcmp(r.encoding, "GB18030");
                if (!good)
                    fprintf(stderr, "  every two-byte code: chunk %zu, forced %d\n", chunk, forced);
                if (chunk == 0)
                    ok_whole &= good;
                else
                    ok_chunks &= good;
                decoded_free(&r);
            }
        }
        TEST_COND("GB18030 every two-byte code and four-byte codes, one feed: as iconv", ok_whole);
        TEST_COND("GB18030 every two-byte code and four-byte codes, chunks of 1-7: as iconv",
                  ok_chunks);
        free(e.v);
        free(s);
    }
    {
        /* GB18030 report text with random bytes put in, and random bytes
         * alone, across feeds and batches: as iconv reads them */
        const char *piece = "杭州市西湖区2023年办理法律援助案件2320件，Ä😀€·ㄅ\n成都市\n";
        size_t cap = 120000, len = 0;
        unsigned char *s = malloc(cap);
        uint32_t seed = 12345;
        while (len + 256 < cap / 2) {
            len += gb18030_of(piece, s + len, cap - len, NULL, 0);
            seed = seed * 1103515245u + 12345u;
            s[len++] = (unsigned char)(seed >> 16);
        }
        while (len < cap) {
            seed = seed * 1103515245u + 12345u;
            s[len++] = (unsigned char)(seed >> 16);
        }
        expect e = {0};
        size_t want_bad = expect_gb18030_lossy(&e, s, len);
        static const size_t chunks[] = {0, 1, 2, 3, 5, 7, 4096, 65537};
        int ok = 1;
        for (size_t k = 0; k < sizeof chunks / sizeof chunks[0]; k++) {
            decode(&r, s, len, "GB18030", chunks[k]);
            int good = same_stream("GB18030 with random bytes", &r.out, &e) && r.invalid == want_bad;
            if (!good)
                fprintf(stderr, "  GB18030 with random bytes: chunk %zu\n", chunks[k]);
            ok &= good;
            decoded_free(&r);
        }
        TEST_COND("GB18030 text with random bytes, then random bytes: as iconv, every chunk size",
                  ok && want_bad > 1000);
        free(e.v);
        free(s);
    }
    {
        const unsigned char u16[] = {'a', 0, 'b'};
        decode(&r, u16, sizeof u16, "UTF-16LE", 1);
        TEST_STREQ("UTF-16LE odd byte at EOF", text_of(&r.out), "a" FFFD);
        TEST_COND("UTF-16LE truncated: counted, at 2", r.invalid == 1 && r.first_invalid == 2);
        decoded_free(&r);
    }

    /* ---- byte order marks ------------------------------------------ */
    {
        const char *s = "\xEF\xBB\xBF" "a法\nb";
        for (size_t k = 0; k < 3; k++) {
            decode(&r, s, strlen(s), NULL, k);
            TEST_STREQ("UTF-8 BOM: not emitted", text_of(&r.out), "a法\nb");
            TEST_STREQ("UTF-8 BOM: encoding", r.encoding, "UTF-8");
            TEST_COND("UTF-8 BOM: a at offset 3", is_at(&r.out, 0, 'a', 1, 3));
            TEST_COND("UTF-8 BOM: 法 at 4, LF at 7, b at 2:8",
                      is_at(&r.out, 1, 0x6CD5, 1, 4) && is_at(&r.out, 2, '\n', 1, 7) &&
                          is_at(&r.out, 3, 'b', 2, 8));
            decoded_free(&r);
        }
    }
    {
        /* a法\nb😀c in UTF-16LE after FF FE */
        const unsigned char s[] = {0xFF, 0xFE, 'a', 0, 0xD5, 0x6C, '\n', 0, 'b', 0,
                                   0x3D, 0xD8, 0x00, 0xDE, 'c', 0};
        for (size_t k = 0; k < 3; k++) {
            decode(&r, s, sizeof s, NULL, k);
            TEST_STREQ("UTF-16LE BOM: text, BOM not emitted", text_of(&r.out), "a法\nb😀c");
            TEST_STREQ("UTF-16LE BOM: encoding", r.encoding, "UTF-16LE");
            TEST_COND("UTF-16LE: a at 2, 法 at 4, LF at 6",
                      is_at(&r.out, 0, 'a', 1, 2) && is_at(&r.out, 1, 0x6CD5, 1, 4) &&
                          is_at(&r.out, 2, '\n', 1, 6));
            TEST_COND("UTF-16LE: b at 2:8, surrogate pair one char at 10, c at 14",
                      is_at(&r.out, 3, 'b', 2, 8) && is_at(&r.out, 4, 0x1F600, 2, 10) &&
                          is_at(&r.out, 5, 'c', 2, 14));
            TEST_COND("UTF-16LE: nothing invalid", r.invalid == 0);
            decoded_free(&r);
        }
    }
    {
        const unsigned char s[] = {0xFE, 0xFF, 0, 'a', 0x6C, 0xD5, 0, '\n', 0, 'b'};
        for (size_t k = 0; k < 3; k++) {
            decode(&r, s, sizeof s, NULL, k);
            TEST_STREQ("UTF-16BE BOM: text, BOM not emitted", text_of(&r.out), "a法\nb");
            TEST_STREQ("UTF-16BE BOM: encoding", r.encoding, "UTF-16BE");
            TEST_COND("UTF-16BE: a at 2, 法 at 4, LF at 6, b at 2:8",
                      is_at(&r.out, 0, 'a', 1, 2) && is_at(&r.out, 1, 0x6CD5, 1, 4) &&
                          is_at(&r.out, 2, '\n', 1, 6) && is_at(&r.out, 3, 'b', 2, 8));
            decoded_free(&r);
        }
    }
    {
        const unsigned char le[] = {0xFF, 0xFE, 0, 0, 'a', 0, 0, 0, 0xD5, 0x6C, 0, 0, 0x00, 0xF6, 0x01, 0};
        const unsigned char be[] = {0, 0, 0xFE, 0xFF, 0, 0, 0, 'a', 0, 0, 0x6C, 0xD5, 0, 0x01, 0xF6, 0x00};
        for (size_t k = 0; k < 3; k++) {
            decode(&r, le, sizeof le, NULL, k);
            TEST_STREQ("UTF-32LE BOM: text, BOM not emitted", text_of(&r.out), "a法😀");
            TEST_STREQ("UTF-32LE BOM: encoding", r.encoding, "UTF-32LE");
            TEST_COND("UTF-32LE: a at 4, 法 at 8, 😀 at 12",
                      is_at(&r.out, 0, 'a', 1, 4) && is_at(&r.out, 1, 0x6CD5, 1, 8) &&
                          is_at(&r.out, 2, 0x1F600, 1, 12));
            decoded_free(&r);
            decode(&r, be, sizeof be, NULL, k);
            TEST_STREQ("UTF-32BE BOM: text, BOM not emitted", text_of(&r.out), "a法😀");
            TEST_STREQ("UTF-32BE BOM: encoding", r.encoding, "UTF-32BE");
            decoded_free(&r);
        }
    }
    {
        /* forced UTF-16LE: a leading BOM is still not text */
        const unsigned char s[] = {0xFF, 0xFE, 0xD5, 0x6C, 'x', 0};
        decode(&r, s, sizeof s, "UTF-16LE", 1);
        TEST_STREQ("forced UTF-16LE with BOM: BOM dropped", text_of(&r.out), "法x");
        TEST_COND("forced UTF-16LE with BOM: 法 at offset 2", is_at(&r.out, 0, 0x6CD5, 1, 2));
        TEST_STREQ("forced UTF-16LE: encoding", r.encoding, "UTF-16LE");
        decoded_free(&r);
        const unsigned char t[] = {'a', 0, '\n', 0, 0xD5, 0x6C};
        decode(&r, t, sizeof t, "UTF-16LE", 0);
        TEST_STREQ("forced UTF-16LE without BOM", text_of(&r.out), "a\n法");
        TEST_COND("forced UTF-16LE: 法 at 2:4", is_at(&r.out, 2, 0x6CD5, 2, 4));
        decoded_free(&r);
    }

    /* ---- CRLF --------------------------------------------------------- */
    {
        const char *s = "a\r\n法\r\n\r\nc\rd";
        decode(&r, s, strlen(s), NULL, 0);
        TEST_STREQ("CRLF: CR kept as a char", text_of(&r.out), s);
        TEST_COND("CRLF: CR and LF on line 1",
                  is_at(&r.out, 1, '\r', 1, 1) && is_at(&r.out, 2, '\n', 1, 2));
        TEST_COND("CRLF: 法 on line 2 at 3", is_at(&r.out, 3, 0x6CD5, 2, 3));
        TEST_COND("CRLF: blank line 3", is_at(&r.out, 6, '\r', 3, 8));
        TEST_COND("CRLF: c on line 4 at 10", is_at(&r.out, 8, 'c', 4, 10));
        TEST_COND("CRLF: a lone CR is no line break", is_at(&r.out, 10, 'd', 4, 12));
        decoded_free(&r);
    }

    /* ---- the window ends on the first byte of a multibyte character ---- */
    {
        /* was a bug (a hang): 65535 ASCII bytes, then a character whose
         * first byte is the window's last.  The ASCII window is decided,
         * sniffing starts again at that byte, and the rest of the same
         * feed was then decoded with no encoding chosen: U+FFFD forever
         * without moving on.  Only feeds that run past the window's end
         * showed it (a pipe that delivers 65537 bytes, say). */
        size_t pad = 65535;
        unsigned char *s = malloc(pad + 256);
        expect eu = {0}, eg = {0};
        for (size_t i = 0; i < pad; i++) {
            s[i] = (i % 100 == 99) ? '\n' : (unsigned char)('a' + i % 26);
            expect_add(&eu, s[i], (long long)i);
            expect_add(&eg, s[i], (long long)i);
        }
        static const size_t chunks[] = {0, 3, 7, 65537, 100000};
        int ok_utf8 = 1, ok_gb = 1;
        /* UTF-8: 法 = E6 B3 95, its E6 the window's last byte */
        const char *tail = "法治\n市区";
        memcpy(s + pad, tail, strlen(tail));
        expect_utf8(&eu, tail, (long long)pad);
        for (size_t k = 0; k < 5; k++) {
            decode(&r, s, pad + strlen(tail), NULL, chunks[k]);
            ok_utf8 &= same_stream("window ends on a UTF-8 lead", &r.out, &eu) &&
                       r.invalid == 0 && !strcmp(r.encoding, "UTF-8");
            decoded_free(&r);
        }
        /* GB18030: 市 = CA D0, and CA is also a UTF-8 lead byte */
        size_t len = pad + gb18030_of("市包头\n法治", s + pad, 256, &eg, (long long)pad);
        for (size_t k = 0; k < 5; k++) {
            decode(&r, s, len, NULL, chunks[k]);
            ok_gb &= same_stream("window ends on a GB18030 lead", &r.out, &eg) &&
                     r.invalid == 0 && !strcmp(r.encoding, "GB18030");
            decoded_free(&r);
        }
        TEST_COND("window ends on a UTF-8 lead byte, feeds past it: exact", ok_utf8);
        TEST_COND("window ends on a GB18030 lead byte, feeds past it: exact", ok_gb);
        free(eu.v);
        free(eg.v);
        free(s);
    }

    /* ---- ASCII for more than 64 KiB, then GB18030 --------------------- */
    {
        /* the prefix ends right before, at, and right after the window's end */
        static const size_t prefixes[] = {65534, 65535, 65536, 65537, 70001};
        for (size_t pi = 0; pi < 5; pi++) {
            size_t pad = prefixes[pi];
            unsigned char *s = malloc(pad + 256);
            expect e = {0};
            for (size_t i = 0; i < pad; i++) {
                s[i] = (i % 100 == 99) ? '\n' : (unsigned char)('a' + i % 26);
                expect_add(&e, s[i], (long long)i);
            }
            size_t len = pad + gb18030_of("包头市Ä达茂旗\n法治", s + pad, 256, &e, (long long)pad);
            static const size_t chunks[] = {0, 1, 3, 4096, 65536};
            int ok = 1;
            for (size_t k = 0; k < 5; k++) {
                decode(&r, s, len, NULL, chunks[k]);
                int good = same_stream("ASCII then GB18030", &r.out, &e) && r.invalid == 0 &&
                           !strcmp(r.encoding, "GB18030");
                if (!good)
                    fprintf(stderr, "  ASCII %zu bytes then GB18030, chunk %zu: encoding %s, "
                                    "%zu invalid\n", pad, chunks[k], r.encoding, r.invalid);
                ok &= good;
                decoded_free(&r);
            }
            char desc[96];
            snprintf(desc, sizeof desc, "ASCII prefix of %zu bytes then GB18030: switch, exact", pad);
            TEST_COND(desc, ok);
            free(e.v);
            free(s);
        }
    }
    {
        /* after the switch the 4-byte lead 81 comes first */
        size_t pad = 66000;
        unsigned char *s = malloc(pad + 64);
        memset(s, ' ', pad);
        size_t len = pad + gb18030_of("Ä包", s + pad, 64, NULL, 0);
        decode(&r, s, len, NULL, 1);
        TEST_COND("ASCII then a 4-byte GB18030 char: Ä at 66000, 包 at 66004",
                  r.out.n == pad + 2 && is_at(&r.out, pad, 0xC4, 1, 66000) &&
                      is_at(&r.out, pad + 1, 0x5305, 1, 66004));
        TEST_STREQ("ASCII then 4-byte GB18030: encoding switched", r.encoding, "GB18030");
        TEST_STREQ("before the window is full the encoding is unknown", r.encoding_before, "(null)");
        decoded_free(&r);
        free(s);
    }

    /* ---- forced and unknown encodings, the reported name -------------- */
    {
        lg_decoder *d = (lg_decoder *)1;
        sink_buf b = {0};
        TEST_COND("unknown encoding: LG_ERR_ENCODING",
                  lg_decoder_new(&d, "NO-SUCH-ENCODING-42", collect, &b) == LG_ERR_ENCODING);
        TEST_COND("unknown encoding: no decoder", d == NULL);
        TEST_COND("NULL encoding: detection",
                  lg_decoder_new(&d, NULL, collect, &b) == LG_OK && d != NULL);
        TEST_COND("detection: encoding unknown before any input", lg_decoder_encoding(d) == NULL);
        lg_decoder_feed(d, (const unsigned char *)"abc", 3);
        TEST_COND("detection: still unknown after a short feed", lg_decoder_encoding(d) == NULL);
        lg_decoder_finish(d);
        TEST_STREQ("detection: known after finish", lg_decoder_encoding(d), "UTF-8");
        lg_decoder_free(d);
        b.n = 0;
        TEST_COND("empty encoding name: detection",
                  lg_decoder_new(&d, "", collect, &b) == LG_OK && lg_decoder_encoding(d) == NULL);
        TEST_COND("empty input: finish ok, nothing out", lg_decoder_finish(d) == LG_OK && b.n == 0);
        lg_decoder_free(d);
        free(b.v);
        lg_decoder_free(NULL);
    }
    {
        /* forced GB18030 on bytes that are valid UTF-8 too: no detection */
        const unsigned char s[] = {0xD2, 0xBB, 0xA1, 0xA2}; /* 一、 in GB18030 */
        decode(&r, s, sizeof s, "GB18030", 0);
        TEST_STREQ("forced GB18030: D2 BB is 一, not U+04BB", text_of(&r.out), "一、");
        TEST_STREQ("forced GB18030: name", r.encoding, "GB18030");
        decoded_free(&r);
    }

    /* ---- the sink asks to stop ---------------------------------------- */
    {
        lg_decoder *d;
        sink_buf b = {0};
        b.stop_after = 1;
        lg_decoder_new(&d, "UTF-8", collect, &b);
        lg_status st = lg_decoder_feed(d, (const unsigned char *)"abc", 3);
        TEST_COND("sink stop: feed returns LG_ERR_STOPPED", st == LG_ERR_STOPPED);
        size_t calls = b.calls;
        st = lg_decoder_feed(d, (const unsigned char *)"def", 3);
        TEST_COND("sink stop: later feeds stay stopped, sink not called again",
                  st == LG_ERR_STOPPED && b.calls == calls);
        lg_decoder_free(d);
        free(b.v);
    }
    {
        /* batches: a long input reaches the sink in more than one call, in order */
        size_t len = 5000;
        char *s = malloc(len);
        memset(s, 'z', len);
        decode(&r, s, len, "UTF-8", 0);
        TEST_COND("5000 chars: all delivered, several batches",
                  r.out.n == len && r.out.calls > 1 && is_at(&r.out, len - 1, 'z', 1, 4999));
        decoded_free(&r);
        free(s);
    }

    /* ---- known problems --------------------------------------------- */
    {
        /* was a bug: after an ASCII-only sniff window the first non-ASCII bytes
         * decide for good.  GB18030 一 is D2 BB, which is also valid UTF-8
         * (U+04BB), so the decoder marks the input as multibyte UTF-8 and
         * never switches: the GB18030 text after it turns into Cyrillic
         * letters and U+FFFD.  The same happens for every GB18030 character
         * whose lead byte is C2-DF and trail byte A1-BF (一 D2BB, 小 D0A1,
         * 全 C8AB...) when it is the first non-ASCII character after the
         * window, e.g. a report with a long ASCII run before 一、... */
        size_t pad = 70000;
        unsigned char *s = malloc(pad + 64);
        memset(s, '-', pad);
        expect e = {0};
        for (size_t i = 0; i < pad; i++)
            expect_add(&e, '-', (long long)i);
        size_t len = pad + gb18030_of("一、包头市", s + pad, 64, &e, (long long)pad);
        decode(&r, s, len, NULL, 4096);
        TEST_COND("ASCII > 64 KiB then GB18030 一、包头市 decodes right",
                  same_stream("ASCII then GB18030 一", &r.out, &e) && r.invalid == 0);
        TEST_STREQ("ASCII > 64 KiB then GB18030 一: encoding", r.encoding, "GB18030");
        decoded_free(&r);
        free(e.v);
        free(s);
    }
    {
        /* was a bug: an unpaired surrogate in UTF-16 (here a high surrogate D83D
         * followed by "b") is replaced by U+FFFD but only ONE byte is
         * skipped (run_iconv: emit_invalid, i++), so the decoder falls out
         * of 2-byte alignment and everything after it is garbage: a FFFD
         * U+62D8 U+6300 U+D500 FFFD instead of a FFFD b c 法.  An invalid
         * UTF-16 unit should skip 2 bytes. */
        const unsigned char s[] = {'a', 0, 0x3D, 0xD8, 'b', 0, 'c', 0, 0xD5, 0x6C};
        decode(&r, s, sizeof s, "UTF-16LE", 0);
        TEST_STREQ("UTF-16LE lone surrogate: the text after it survives", text_of(&r.out),
                   "a" FFFD "bc法");
        TEST_COND("UTF-16LE lone surrogate: one invalid, b at offset 4",
                  r.invalid == 1 && r.first_invalid == 2 && is_at(&r.out, 2, 'b', 1, 4));
        decoded_free(&r);
        const unsigned char be[] = {0xFE, 0xFF, 0, 'a', 0xDE, 0x00, 0, 'b', 0x6C, 0xD5};
        decode(&r, be, sizeof be, NULL, 0);
        TEST_STREQ("UTF-16BE lone low surrogate: the text after it survives",
                   text_of(&r.out), "a" FFFD "b法");
        decoded_free(&r);
    }
    {
        /* was a bug: forced "UTF-16" (byte order from the BOM): in one feed,
         * convert_one lets iconv swallow the BOM together with the first
         * character, which is then reported at the BOM's offset 0; fed one
         * byte at a time it is at 2.  Offsets must not depend on chunking. */
        const unsigned char s[] = {0xFF, 0xFE, 'a', 0, 'b', 0};
        decode(&r, s, sizeof s, "UTF-16", 0);
        TEST_STREQ("forced UTF-16 with BOM: text", text_of(&r.out), "ab");
        TEST_COND("forced UTF-16, one feed: a at offset 2 (after the BOM)",
                  is_at(&r.out, 0, 'a', 1, 2));
        decoded_free(&r);
        decode(&r, s, sizeof s, "UTF-16", 1);
        TEST_COND("forced UTF-16, bytewise: a at offset 2", is_at(&r.out, 0, 'a', 1, 2));
        decoded_free(&r);
    }

    /* ---- detection when the text is damaged or unmarked ---------------- */
    {
        /* UTF-8 with a bad sequence every few characters (the last byte of
         * every third multibyte character cut off): GB18030 would read it
         * with fewer invalid bytes, but as rare codes nearly throughout */
        const char *text = "2023年，杭州市办理法律援助案件2320件，调解成功率达98.9%。\n";
        size_t n;
        unsigned char *u = encoded(text, "UTF-8", 40, &n), *o = malloc(n);
        size_t w = 0, chars = 0;
        for (size_t i = 0; i < n;) {
            size_t len = u[i] < 0x80 ? 1 : u[i] < 0xE0 ? 2 : u[i] < 0xF0 ? 3 : 4;
            memcpy(o + w, u + i, len);
            w += len - (len > 1 && ++chars % 3 == 0);
            i += len;
        }
        decode(&r, o, w, NULL, 0);
        TEST_STREQ("damaged UTF-8: read as UTF-8", r.encoding, "UTF-8");
        TEST_COND("damaged UTF-8: a warning with both counts",
                  strstr(r.note, "neither UTF-8 nor GB18030") && strstr(r.note, "invalid bytes as UTF-8") &&
                  strstr(r.note, "as GB18030"));
        TEST_COND("damaged UTF-8: the characters left whole are read", strstr(text_of(&r.out), "杭州") ||
                  strstr(text_of(&r.out), "州市") || strstr(text_of(&r.out), "案件"));
        decoded_free(&r);
        free(u);
        free(o);
    }
    {
        /* the same text in GB18030, with a few bytes damaged: GB18030 */
        size_t n;
        unsigned char *g = encoded("2023年，杭州市办理法律援助案件2320件，调解成功率达98.9%。\n", "GB18030", 40, &n);
        for (size_t i = 100; i < n; i += 400)
            g[i] = 0xFF;
        decode(&r, g, n, NULL, 0);
        TEST_STREQ("damaged GB18030: read as GB18030", r.encoding, "GB18030");
        TEST_COND("damaged GB18030: the warning says why", strstr(r.note, "read as GB18030") != NULL);
        decoded_free(&r);
        free(g);
        /* clean GB18030 and clean UTF-8: no note */
        g = encoded("杭州市办理法律援助案件2320件，朱镕基。", "GB18030", 1, &n);
        decode(&r, g, n, NULL, 0);
        TEST_COND("clean GB18030 with a rare character: GB18030, no note",
                  strcmp(r.encoding, "GB18030") == 0 && r.note[0] == '\0' && r.invalid == 0);
        decoded_free(&r);
        free(g);
        decode(&r, "杭州市办理案件23件。", strlen("杭州市办理案件23件。"), NULL, 0);
        TEST_COND("clean UTF-8: no note", strcmp(r.encoding, "UTF-8") == 0 && r.note[0] == '\0');
        decoded_free(&r);
    }
    {
        /* UTF-16 without a BOM: NULs in every other byte */
        const char *text = "2023年，杭州市办理法律援助案件2320件。\n全市调解成功率达98.9%。\n";
        const char *names[] = {"UTF-16LE", "UTF-16BE"};
        for (int e = 0; e < 2; e++) {
            size_t n;
            unsigned char *b = encoded(text, names[e], 3, &n);
            for (size_t chunk = 0; chunk < 8; chunk += 7) {
                decode(&r, b, n, NULL, chunk);
                TEST_STREQ("UTF-16 without a BOM: detected", r.encoding, names[e]);
                TEST_COND("UTF-16 without a BOM: the text", strncmp(text_of(&r.out), text, strlen(text)) == 0 &&
                          r.invalid == 0);
                TEST_COND("UTF-16 without a BOM: a note says so", strstr(r.note, "no byte order mark") != NULL);
                decoded_free(&r);
            }
            free(b);
        }
        /* a few NULs in UTF-8 text are debris, not UTF-16 */
        const char s[] = "杭州市\0办理案件\0 23件。abc";
        decode(&r, s, sizeof s - 1, NULL, 0);
        TEST_STREQ("NULs in UTF-8 text: still UTF-8", r.encoding, "UTF-8");
        decoded_free(&r);
    }
    {
        /* a UTF-8 BOM, then GB18030 text: read as UTF-8 as the BOM says, with
         * a warning that suggests --encoding */
        size_t n;
        unsigned char *g = encoded("杭州市办理法律援助案件2320件。", "GB18030", 1, &n);
        unsigned char *b = malloc(n + 3);
        memcpy(b, "\xEF\xBB\xBF", 3);
        memcpy(b + 3, g, n);
        decode(&r, b, n + 3, NULL, 0);
        TEST_STREQ("UTF-8 BOM before GB18030: UTF-8", r.encoding, "UTF-8");
        TEST_COND("UTF-8 BOM before GB18030: the warning suggests --encoding",
                  strstr(r.note, "byte order mark") && strstr(r.note, "--encoding GB18030"));
        decoded_free(&r);
        free(b);
        free(g);
    }

    return TEST_REPORT();
}
