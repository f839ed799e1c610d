/* decode_run.c - the decoding loops: UTF-8 and, through iconv, every
 * other encoding, with bulk loops for ASCII, 2- and 3-byte UTF-8 and
 * GB18030's two-byte codes that write straight into the batch.
 * Owns: GB18030's two-byte table (filled by iconv itself), the loops, and
 * the switch to GB18030 when ASCII input turns out not to be UTF-8.
 * Reads: the bytes decode.c hands it (decode_int.h) and the decoder's
 * state; detection and the public entry points are decode.c's. */
#include "decode_int.h"

#include <errno.h>
#include <iconv.h>
#include <pthread.h>

#include "text.h"

/* GB18030's two-byte codes: a lead byte 81-FE and a trail byte 40-7E or
 * 80-FE.  The table's rows run over trails 40-FF so that a row is one
 * subtraction away; 7F and FF are never trails and stay 0. */
#define GB_LEAD_FIRST 0x81
#define GB_LEADS 126
#define GB_TRAIL_FIRST 0x40
#define GB_TRAILS 192

/* The decoding loops run as fast as the compiler's placement of them lets
 * them: inlined into their callers they moved with every unrelated change
 * and took up to 30% longer.  Out of line and aligned to a cache line, they
 * stay put. */
#if defined(__GNUC__)
#define HOT_LOOP __attribute__((noinline, aligned(64)))
#else
#define HOT_LOOP
#endif

enum one_result { ONE_OK, ONE_INCOMPLETE, ONE_INVALID };

/* The two bulk loops (UTF-8, GB18030) write characters straight into the
 * batch: one character that is no line break (the runs of multibyte
 * sequences), one character, and the end of a run of them. */
static inline void put_multibyte(lg_char *out, uint32_t cp, long long line, long long offset)
{
    out->cp = cp;
    out->line = line;
    out->offset = offset;
}

static inline lg_char *put_char(lg_char *out, uint32_t cp, long long *line, long long offset)
{
    put_multibyte(out, cp, *line, offset);
    *line += cp == '\n';
    return out + 1;
}

static inline void end_run(lg_decoder *d, lg_char *out, long long line)
{
    d->batch_len = (size_t)(out - d->batch);
    d->line = line;
    if (d->batch_len == BATCH_MAX)
        flush_batch(d);
}

/* ---- GB18030's two-byte codes --------------------------------------- */

/* glibc converts GB18030 in two steps (to its internal UCS-4, then to
 * UTF-32), and its output had to be walked again to find where each
 * character starts: GB18030 took about twice as long a character to decode
 * as UTF-8.  Nearly all of a Chinese text is ASCII and two-byte codes, so
 * those are looked up in a table instead.  The table is filled by iconv
 * itself, so it maps exactly as the iconv in use does, whatever its
 * version. */
static uint16_t gb_two_byte_table[GB_LEADS * GB_TRAILS];
static int gb_table_usable;
static pthread_once_t gb_table_once = PTHREAD_ONCE_INIT;

/* Is in[0..n) exactly one character for cd, and which?  cd is reset first:
 * the previous code may have left it mid-error. */
static int iconv_one_char(iconv_t cd, const unsigned char *in, size_t n, uint32_t *cp)
{
    unsigned char out[8];
    char *ip = (char *)in, *op = (char *)out;
    size_t inleft = n, outleft = sizeof out;
    iconv(cd, NULL, NULL, NULL, NULL);
    if (iconv(cd, &ip, &inleft, &op, &outleft) == (size_t)-1 || inleft != 0 ||
        outleft != sizeof out - 4)
        return 0;
    *cp = (uint32_t)out[0] | (uint32_t)out[1] << 8 | (uint32_t)out[2] << 16 |
          (uint32_t)out[3] << 24;
    return 1;
}

/* The fast path passes bytes 00-7F on as they are: only when iconv does
 * the same. */
static int gb18030_keeps_ascii(iconv_t cd)
{
    for (unsigned b = 0; b < 0x80; b++) {
        unsigned char byte = (unsigned char)b;
        uint32_t cp;
        if (!iconv_one_char(cd, &byte, 1, &cp) || cp != b)
            return 0;
    }
    return 1;
}

/* A code iconv rejects stays 0 and so does one beyond the BMP (glibc reads
 * FE51 as U+20087): the decoder leaves those to iconv, which then replaces
 * or converts them as it always did. */
static void fill_gb18030_table(void)
{
    iconv_t cd = iconv_open("UTF-32LE", "GB18030");
    if (cd == (iconv_t)-1)
        return;
    if (gb18030_keeps_ascii(cd)) {
        for (unsigned row = 0; row < GB_LEADS; row++) {
            for (unsigned col = 0; col < GB_TRAILS; col++) {
                unsigned char code[2] = {(unsigned char)(GB_LEAD_FIRST + row),
                                         (unsigned char)(GB_TRAIL_FIRST + col)};
                uint32_t cp;
                if (iconv_one_char(cd, code, 2, &cp) && cp <= 0xFFFF)
                    gb_two_byte_table[row * GB_TRAILS + col] = (uint16_t)cp;
            }
        }
        gb_table_usable = 1;
    }
    iconv_close(cd);
}

/* The two-byte table, filled on first use by whichever thread gets here
 * first; NULL when it could not be filled (GB18030 then goes through iconv
 * alone: slower, same result). */
const uint16_t *gb18030_table(void)
{
    pthread_once(&gb_table_once, fill_gb18030_table);
    return gb_table_usable ? gb_two_byte_table : NULL;
}

/* The code point of the two-byte code lead trail, or 0 when it is not one
 * or the table leaves it to iconv. */
static inline uint32_t gb18030_pair(const uint16_t *table, unsigned lead, unsigned trail)
{
    unsigned row = lead - GB_LEAD_FIRST, col = trail - GB_TRAIL_FIRST;
    return row < GB_LEADS && col < GB_TRAILS ? table[row * GB_TRAILS + col] : 0;
}

/* ---- the decoding loops -------------------------------------------- */

/* Called when bytes that are not UTF-8 turn up in input that so far was
 * plain ASCII: such input is GB18030 (ASCII is a subset of it). */
static int switch_to_gb18030(lg_decoder *d)
{
    if (d->forced || d->utf8_multibyte || d->mode != MODE_UTF8)
        return 0;
    return open_iconv(d, "GB18030") == LG_OK;
}

/* The well-formed 2- or 3-byte sequence at p[0..avail), or 0 (with *cp
 * unset) for anything utf8_decode_strict should judge: 4-byte, invalid,
 * overlong, surrogate, or cut off by avail. */
static inline size_t utf8_short_seq(const unsigned char *p, size_t avail, uint32_t *cp)
{
    unsigned b = p[0];
    if ((b & 0xF0) == 0xE0) {
        if (avail < 3)
            return 0;
        /* both trail bytes 80-BF: each, its top bit flipped, below 0x40 */
        unsigned t1 = p[1] ^ 0x80u, t2 = p[2] ^ 0x80u;
        if ((t1 | t2) > 0x3F)
            return 0;
        uint32_t c = (uint32_t)(b & 0x0F) << 12 | t1 << 6 | t2;
        if (c < 0x800 || (c & 0xF800) == 0xD800) /* overlong, surrogate */
            return 0;
        *cp = c;
        return 3;
    }
    if (b >= 0xC2 && b <= 0xDF && avail >= 2 && (p[1] & 0xC0) == 0x80) {
        *cp = (uint32_t)(b & 0x1F) << 6 | (p[1] & 0x3F);
        return 2;
    }
    return 0;
}

/* What a run loop reads: the bytes p[0..n), of which the characters that
 * start before limit are decoded; the line of the run's characters and
 * the input offset of p[0]. */
typedef struct run_in {
    const unsigned char *p;
    size_t n, limit;
    long long line, base;
} run_in;

/* A run of well-formed 3-byte sequences from p[i] on (most of a Chinese
 * text), written to *out: the count the batch, limit and n allow is worked
 * out once, so that each character costs its tests alone.  Returns where
 * the run stopped (at the first byte that is something else). */
static inline size_t three_byte_run(lg_char **out, const lg_char *end, const run_in *in, size_t i)
{
    const unsigned char *p = in->p;
    size_t n = in->n, limit = in->limit;
    long long line = in->line, base = in->base;
    size_t room = (size_t)(end - *out), whole = (n - i) / 3, starts = (limit - i + 2) / 3;
    size_t k = room < whole ? room : whole;
    if (starts < k)
        k = starts;
    lg_char *o = *out;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    /* while four bytes are left, the sequence is one load of four (the
     * fourth byte unused): first byte lowest */
    size_t k4 = n - i >= 4 ? (n - i - 1) / 3 : 0;
    if (k4 > k)
        k4 = k;
    k -= k4;
    for (; k4 > 0; k4--) {
        uint32_t w;
        memcpy(&w, p + i, 4);
        if ((w & 0xC0C0F0) != 0x8080E0) {
            k = 0;
            break;
        }
        uint32_t c = (w & 0x0F) << 12 | (w >> 2 & 0x0FC0) | (w >> 16 & 0x3F);
        if (c < 0x800 || (c & 0xF800) == 0xD800) { /* overlong, surrogate */
            k = 0;
            break;
        }
        put_multibyte(o++, c, line, base + (long long)i);
        i += 3;
    }
#endif
    for (; k > 0; k--) {
        /* the three bytes as one number: 1110xxxx 10xxxxxx 10xxxxxx */
        uint32_t w = (uint32_t)p[i] << 16 | (uint32_t)p[i + 1] << 8 | p[i + 2];
        if ((w & 0xF0C0C0) != 0xE08080)
            break;
        uint32_t c = (w >> 4 & 0xF000) | (w >> 2 & 0x0FC0) | (w & 0x3F);
        if (c < 0x800 || (c & 0xF800) == 0xD800) /* overlong, surrogate */
            break;
        put_multibyte(o++, c, line, base + (long long)i);
        i += 3;
    }
    *out = o;
    return i;
}

/* The common case of run_utf8 - ASCII, and 2- and 3-byte sequences once the
 * input is known to hold multibyte UTF-8 - written straight into the batch,
 * with no per-character call and the line count kept in a register.  Stops
 * at limit, or before the first character that needs run_utf8's care (an
 * undecided non-ASCII byte, a 4-byte, invalid or cut-off sequence) and
 * returns where it stopped.  The caller drops a leading U+FEFF first. */
HOT_LOOP static size_t utf8_fast(lg_decoder *d, const unsigned char *p, size_t n,
                                 size_t i, size_t limit, long long base)
{
    int multibyte = d->utf8_multibyte;
    while (i < limit && !d->stopped) {
        lg_char *out = d->batch + d->batch_len, *end = d->batch + BATCH_MAX;
        long long line = d->line;
        size_t stop = limit;
        while (out < end && i < limit) {
            uint32_t cp = p[i];
            if (cp < 0x80) {
                out = put_char(out, cp, &line, base + (long long)i);
                i++;
                continue;
            }
            if (!multibyte) {
                stop = i;
                break;
            }
            if ((cp & 0xF0) == 0xE0) {
                lg_char *from = out;
                i = three_byte_run(&out, end, &(run_in){p, n, limit, line, base}, i);
                if (out != from)
                    continue;
            }
            /* no line break here: the line is left as it is */
            size_t len = utf8_short_seq(p + i, n - i, &cp);
            if (!len) {
                stop = i;
                break;
            }
            out->cp = cp;
            out->line = line;
            out->offset = base + (long long)i;
            out++;
            i += len;
        }
        end_run(d, out, line);
        if (stop < limit)
            break;
    }
    return i;
}

/* Each run_* decodes the characters of in that start in p[i..limit)
 * (their later bytes may lie up to p[n-1]) and returns where it stopped:
 * at limit, at a sequence that needs more bytes (*need_more), or where the
 * mode changed. */
static size_t run_utf8(lg_decoder *d, const chunk *in, size_t i, int *need_more)
{
    const unsigned char *p = in->p;
    size_t n = in->n, limit = in->limit;
    long long base = in->base;
    int final = in->final;
    uint32_t cp;
    while (i < limit && !d->stopped) {
        if (d->first_char_done) {
            i = utf8_fast(d, p, n, i, limit, base);
            if (i >= limit || d->stopped)
                break;
        }
        if (p[i] < 0x80) {
            emit(d, p[i], base + (long long)i);
            i++;
            continue;
        }
        if (!d->forced && !d->utf8_multibyte && !d->resniffed && d->carry_len == 0) {
            /* the first 64 KiB were plain ASCII: judge the encoding again
             * on what follows (GB18030 一 is also valid UTF-8 by itself) */
            d->want_resniff = 1;
            return i;
        }
        int k = utf8_decode_strict(p + i, n - i, &cp);
        if (k > 0) {
            d->utf8_multibyte = 1;
            emit(d, cp, base + (long long)i);
            i += (size_t)k;
        } else if (k == 0 && !final) {
            *need_more = 1;
            return i;
        } else if (k == 0) {
            emit_invalid(d, base + (long long)i); /* cut off at the end */
            return n;
        } else if (switch_to_gb18030(d)) {
            return i;
        } else {
            emit_invalid(d, base + (long long)i);
            i++;
        }
    }
    return i;
}

/* Convert exactly one character from p[0..n). */
static enum one_result convert_one(lg_decoder *d, const unsigned char *p,
                                   size_t n, uint32_t *cp, size_t *used)
{
    unsigned char out[4];
    char *in = (char *)p, *o = (char *)out;
    size_t inleft = n, outleft = sizeof out;
    size_t r = iconv(d->cd, &in, &inleft, &o, &outleft);
    int err = r == (size_t)-1 ? errno : 0;
    *used = n - inleft;
    if (outleft == 0) {
        *cp = (uint32_t)out[0] | (uint32_t)out[1] << 8 | (uint32_t)out[2] << 16 |
              (uint32_t)out[3] << 24;
        return ONE_OK;
    }
    if (*used > 0) { /* a shift sequence with no character: skip it */
        *cp = 0xFFFFFFFF;
        return ONE_OK;
    }
    if (err == EINVAL)
        return ONE_INCOMPLETE;
    return ONE_INVALID;
}

/* A run of the two-byte codes the table answers for from p[i] on, written
 * to *out as three_byte_run does.  Returns where the run stopped. */
static inline size_t two_byte_run(lg_char **out, const lg_char *end, const uint16_t *table,
                                  const run_in *in, size_t i)
{
    const unsigned char *p = in->p;
    size_t n = in->n, limit = in->limit;
    long long line = in->line, base = in->base;
    size_t room = (size_t)(end - *out), whole = (n - i) / 2, starts = (limit - i + 1) / 2;
    size_t k = room < whole ? room : whole;
    if (starts < k)
        k = starts;
    lg_char *o = *out;
    for (; k > 0; k--) {
        uint32_t c = gb18030_pair(table, p[i], p[i + 1]);
        if (!c)
            break;
        put_multibyte(o++, c, line, base + (long long)i);
        i += 2;
    }
    *out = o;
    return i;
}

/* The common case of run_iconv for GB18030 - ASCII and the two-byte codes
 * the table has - written straight into the batch, as utf8_fast does.
 * Stops at limit, or before the first character the table does not
 * answer for (a four-byte or invalid sequence, a code cut off at p[n], a
 * code left to iconv) and returns where it stopped.  The caller drops a
 * leading U+FEFF first. */
HOT_LOOP static size_t gb18030_fast(lg_decoder *d, const unsigned char *p, size_t n,
                                    size_t i, size_t limit, long long base)
{
    const uint16_t *table = d->gb_two_byte;
    while (i < limit && !d->stopped) {
        lg_char *out = d->batch + d->batch_len, *end = d->batch + BATCH_MAX;
        long long line = d->line;
        size_t stop = limit;
        while (out < end && i < limit) {
            uint32_t cp = p[i];
            size_t len = 1;
            if (cp >= 0x80) {
                lg_char *from = out;
                i = two_byte_run(&out, end, table, &(run_in){p, n, limit, line, base}, i);
                if (out != from)
                    continue;
                cp = i + 1 < n ? gb18030_pair(table, p[i], p[i + 1]) : 0;
                if (!cp) {
                    stop = i;
                    break;
                }
                len = 2;
            }
            out = put_char(out, cp, &line, base + (long long)i);
            i += len;
        }
        end_run(d, out, line);
        if (stop < limit)
            break;
    }
    return i;
}

/* How many of the avail bytes convert_one is shown.  glibc's first step
 * converts as much input as the buffer between its two steps takes before
 * the second finds the 4-byte output full, so a call shown all the input
 * cost thousands of characters' work (a text of four-byte GB18030
 * characters, read one by one, decoded 500 times slower).  A character is
 * never longer than char_max bytes, so char_max bytes decide as all would. */
static size_t one_char_window(const lg_decoder *d, size_t avail)
{
    return d->char_max && avail > d->char_max ? d->char_max : avail;
}

static size_t run_iconv(lg_decoder *d, const chunk *in, size_t i, int *need_more)
{
    const unsigned char *p = in->p;
    size_t n = in->n, limit = in->limit;
    long long base = in->base;
    int final = in->final;
    uint32_t cp;
    size_t used;
    while (i < limit && !d->stopped) {
        /* the first character goes one by one: a leading U+FEFF is dropped */
        if (d->gb_two_byte && d->first_char_done) {
            i = gb18030_fast(d, p, n, i, limit, base);
            if (i >= limit || d->stopped)
                break;
        }
        enum one_result r = convert_one(d, p + i, one_char_window(d, n - i), &cp, &used);
        if (r == ONE_OK) {
            if (cp != 0xFFFFFFFF)
                emit(d, cp, base + (long long)i);
            i += used;
        } else if (r == ONE_INCOMPLETE && !final && n - i < CARRY_MAX) {
            *need_more = 1;
            return i;
        } else if (r == ONE_INCOMPLETE && final) {
            emit_invalid(d, base + (long long)i); /* cut off at the end */
            return n;
        } else {
            emit_invalid(d, base + (long long)i);
            i += (size_t)d->unit <= n - i ? (size_t)d->unit : 1;
        }
    }
    return i;
}

size_t decode_run(lg_decoder *d, const chunk *in, int *need_more)
{
    size_t i = 0;
    *need_more = 0;
    while (i < in->limit && !d->stopped && !*need_more && !d->want_resniff) {
        if (d->mode == MODE_UTF8)
            i = run_utf8(d, in, i, need_more);
        else
            i = run_iconv(d, in, i, need_more);
    }
    return i;
}
