/* decode.c - bytes to code points with positions; see decode.h. */
#include "decode.h"

#include <errno.h>
#include <iconv.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "text.h"

/* How much input we look at before deciding "valid UTF-8" vs "GB18030".
 * Independent of the read chunk size, so records never depend on it. */
#define SNIFF_MAX (64 * 1024)
#define BATCH_MAX 1024
#define CARRY_MAX 8

/* GB18030's two-byte codes: a lead byte 81-FE and a trail byte 40-7E or
 * 80-FE.  The table's rows run over trails 40-FF so that a row is one
 * subtraction away; 7F and FF are never trails and stay 0. */
#define GB_LEAD_FIRST 0x81
#define GB_LEADS 126
#define GB_TRAIL_FIRST 0x40
#define GB_TRAILS 192
/* The longest GB18030 character, in bytes. */
#define GB18030_MAX_LEN 4

/* The decoding loops run as fast as the compiler's placement of them lets
 * them: inlined into their callers they moved with every unrelated change
 * and took up to 30% longer.  Out of line and aligned to a cache line, they
 * stay put. */
#if defined(__GNUC__)
#define HOT_LOOP __attribute__((noinline, aligned(64)))
#else
#define HOT_LOOP
#endif

enum mode { MODE_SNIFF, MODE_UTF8, MODE_ICONV };
enum one_result { ONE_OK, ONE_INCOMPLETE, ONE_INVALID };

struct lg_decoder {
    enum mode mode;
    int forced;            /* --encoding given: never switch */
    int bom_family;        /* --encoding UTF-16 or UTF-32: the BOM says which end */
    int unit;              /* code unit size: an invalid UTF-16 unit is 2 bytes */
    int resniffed;         /* ASCII so far, then a non-ASCII byte: sniff again */
    int want_resniff;
    long long sniff_base;  /* input offset of sniff[0] */
    int utf8_multibyte;    /* a multibyte UTF-8 character was seen */
    const uint16_t *gb_two_byte; /* GB18030: gb18030_table(), or NULL */
    size_t char_max;       /* longest character in bytes; 0: not known */
    iconv_t cd;
    char encoding[64];

    unsigned char *sniff;
    size_t sniff_len;

    unsigned char carry[CARRY_MAX];
    size_t carry_len;
    long long carry_offset;

    long long fed;         /* bytes fed so far = offset of the next byte */
    long long line;
    int first_char_done;   /* a leading U+FEFF is dropped */

    lg_char batch[BATCH_MAX];
    size_t batch_len;

    size_t invalid;
    long long first_invalid;
    char note[320];        /* a warning about the detection, or "" */

    lg_char_sink sink;
    void *user;
    int stopped;
};

static int flush_batch(lg_decoder *d)
{
    if (d->batch_len && !d->stopped) {
        if (d->sink(d->user, d->batch, d->batch_len))
            d->stopped = 1;
    }
    d->batch_len = 0;
    return d->stopped;
}

/* The two bulk loops (UTF-8, GB18030) write characters straight into the
 * batch: one character, and the end of a run of them. */
static inline lg_char *put_char(lg_char *out, uint32_t cp, long long *line, long long offset)
{
    out->cp = cp;
    out->line = *line;
    out->offset = offset;
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

static void emit(lg_decoder *d, uint32_t cp, long long offset)
{
    if (!d->first_char_done) {
        d->first_char_done = 1;
        if (cp == 0xFEFF)
            return;
    }
    lg_char *c = &d->batch[d->batch_len++];
    c->cp = cp;
    c->line = d->line;
    c->offset = offset;
    if (cp == '\n')
        d->line++;
    if (d->batch_len == BATCH_MAX)
        flush_batch(d);
}

static void emit_invalid(lg_decoder *d, long long offset)
{
    if (d->invalid++ == 0)
        d->first_invalid = offset;
    emit(d, 0xFFFD, offset);
}


/* ---- detection: which reading fits the first 64 KiB --------------------- */

/* Bytes of p[0..n) that are not UTF-8.  A sequence cut at the end of the
 * window is not counted: the next bytes may complete it. */
static size_t utf8_invalid_bytes(const unsigned char *p, size_t n, int *multibyte)
{
    size_t i = 0, bad = 0;
    uint32_t cp;
    while (i < n) {
        if (p[i] < 0x80) {
            i++;
            continue;
        }
        int k = utf8_decode_strict(p + i, n - i, &cp);
        if (k == 0)
            break;
        if (k < 0) {
            bad++;
            i++;
            continue;
        }
        *multibyte = 1;
        i += (size_t)k;
    }
    return bad;
}

/* GB18030 read into p[0..n): *invalid bytes fit none of its forms, and
 * *unusual bytes are two-byte codes outside GB2312 (lead and trail A1-FE,
 * lead up to F7): rare characters and private-use codes.  Chinese text in
 * GB18030 has few of them; UTF-8 read as GB18030 is nearly all of them,
 * and only about 3% invalid - GB18030 takes almost any byte pair - so the
 * invalid bytes alone would take damaged UTF-8 for GB18030. */
static void gb18030_counts(const unsigned char *p, size_t n, size_t *invalid, size_t *unusual)
{
    size_t i = 0;
    *invalid = *unusual = 0;
    while (i < n) {
        unsigned b = p[i];
        if (b < 0x80) {
            i++;
        } else if (b >= 0x81 && b <= 0xFE && i + 1 < n && p[i + 1] >= 0x40 && p[i + 1] != 0x7F &&
                   p[i + 1] != 0xFF) {
            if (!(b >= 0xA1 && b <= 0xF7 && p[i + 1] >= 0xA1))
                *unusual += 2;
            i += 2;
        } else if (b >= 0x81 && b <= 0xFE && i + 3 < n && p[i + 1] >= 0x30 && p[i + 1] <= 0x39 &&
                   p[i + 2] >= 0x81 && p[i + 2] <= 0xFE && p[i + 3] >= 0x30 && p[i + 3] <= 0x39) {
            i += 4;
        } else if (i + 4 > n && b >= 0x81) {
            break;  /* may be completed by the next bytes */
        } else {
            ++*invalid;
            i++;
        }
    }
}

/* UTF-16 without a BOM: many NULs in one byte of each pair and hardly any
 * in the other (ASCII characters: digits, line breaks), the rest of that
 * byte what Chinese text has there.  Returns 16 for UTF-16LE, -16 for
 * UTF-16BE, 0 for neither.  Text in UTF-8 or GB18030 holds no NULs. */
static int utf16_without_bom(const unsigned char *p, size_t n)
{
    size_t units = n / 2, zeros[2] = {0, 0}, textlike[2] = {0, 0};
    if (units < 4 || !memchr(p, 0, n))
        return 0;  /* nearly every input: no NUL at all */
    for (size_t i = 0; i < 2 * units; i++) {
        unsigned b = p[i];
        zeros[i & 1] += b == 0;
        /* a high byte of text: ASCII, punctuation, CJK, full-width */
        textlike[i & 1] += b == 0 || b == 0x20 || b == 0x30 || (b >= 0x4E && b <= 0x9F) || b == 0xFF;
    }
    for (int hi = 0; hi < 2; hi++) {
        size_t z = zeros[hi], other = zeros[!hi];
        if (z >= 2 && z * 20 >= units && other * 10 <= z && textlike[hi] * 10 >= units * 9)
            return hi ? 16 : -16;  /* high byte second: little-endian */
    }
    return 0;
}

/* The decision between UTF-8 and GB18030 and why, for the warning. */
typedef struct reading {
    int utf8;                   /* read as UTF-8 */
    size_t utf8_bad, gb_bad, gb_unusual;
} reading;

/* Valid UTF-8 is UTF-8; else valid GB18030 (ASCII is both) is GB18030;
 * else the reading with fewer doubtful bytes wins: invalid ones, and for
 * GB18030 the unusual codes too. */
static reading choose_reading(const unsigned char *p, size_t n, int *multibyte)
{
    reading r = {1, utf8_invalid_bytes(p, n, multibyte), 0, 0};
    if (r.utf8_bad == 0)
        return r;  /* the common case: no second scan */
    gb18030_counts(p, n, &r.gb_bad, &r.gb_unusual);
    r.utf8 = r.utf8_bad == 0 || (r.gb_bad > 0 && r.utf8_bad <= r.gb_bad + r.gb_unusual);
    return r;
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
static const uint16_t *gb18030_table(void)
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

static lg_status open_iconv(lg_decoder *d, const char *name)
{
    d->cd = iconv_open("UTF-32LE", name);
    if (d->cd == (iconv_t)-1)
        return LG_ERR_ENCODING;
    snprintf(d->encoding, sizeof d->encoding, "%s", name);
    int gb18030 = strcasecmp(name, "GB18030") == 0;
    d->gb_two_byte = gb18030 ? gb18030_table() : NULL;
    d->unit = strncasecmp(name, "UTF-16", 6) == 0 || strncasecmp(name, "UCS-2", 5) == 0 ? 2
            : strncasecmp(name, "UTF-32", 6) == 0 || strncasecmp(name, "UCS-4", 5) == 0 ? 4 : 1;
    /* a UTF-16 character is one or two units, a UTF-32 one one: 4 bytes */
    d->char_max = gb18030 ? GB18030_MAX_LEN : d->unit > 1 ? 4 : 0;
    d->mode = MODE_ICONV;
    return LG_OK;
}

/* Hold input back until 64 KiB (or the end) shows what encoding it is. */
static lg_status start_sniffing(lg_decoder *d)
{
    d->sniff = malloc(SNIFF_MAX);
    if (!d->sniff)
        return LG_ERR_NOMEM;
    d->mode = MODE_SNIFF;
    d->sniff_len = 0;
    return LG_OK;
}

lg_status lg_decoder_new(lg_decoder **out, const char *encoding,
                         lg_char_sink sink, void *user)
{
    *out = NULL;
    lg_decoder *d = calloc(1, sizeof *d);
    if (!d)
        return LG_ERR_NOMEM;
    d->cd = (iconv_t)-1;
    d->line = 1;
    d->first_invalid = -1;
    d->sink = sink;
    d->user = user;
    if (encoding && *encoding) {
        d->forced = 1;
        if (strcasecmp(encoding, "UTF-16") == 0 || strcasecmp(encoding, "UTF-32") == 0) {
            /* iconv would read the BOM and the first character in one
             * step; reading the BOM ourselves keeps offsets exact */
            d->bom_family = encoding[4] == '1' ? 16 : 32;
            if (start_sniffing(d) != LG_OK) {
                free(d);
                return LG_ERR_NOMEM;
            }
        } else if (strcasecmp(encoding, "UTF-8") == 0 || strcasecmp(encoding, "UTF8") == 0) {
            d->mode = MODE_UTF8;
            strcpy(d->encoding, "UTF-8");
        } else {
            lg_status st = open_iconv(d, encoding);
            if (st != LG_OK) {
                lg_decoder_free(d);
                return st;
            }
        }
    } else {
        if (start_sniffing(d) != LG_OK) {
            free(d);
            return LG_ERR_NOMEM;
        }
    }
    *out = d;
    return LG_OK;
}

void lg_decoder_free(lg_decoder *d)
{
    if (!d)
        return;
    if (d->cd != (iconv_t)-1)
        iconv_close(d->cd);
    free(d->sniff);
    free(d);
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
    if (b >= 0xE0 && b <= 0xEF) {
        if (avail < 3 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80)
            return 0;
        uint32_t c = (uint32_t)(b & 0x0F) << 12 | (uint32_t)(p[1] & 0x3F) << 6 | (p[2] & 0x3F);
        if (c < 0x800 || (c >= 0xD800 && c <= 0xDFFF))
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
            size_t len = 1;
            if (cp >= 0x80) {
                len = multibyte ? utf8_short_seq(p + i, n - i, &cp) : 0;
                if (!len) {
                    stop = i;
                    break;
                }
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

/* Each run_* decodes the characters that start in p[i..limit) (their later
 * bytes may lie up to p[n-1]) and returns where it stopped: at limit, at a
 * sequence that needs more bytes (*need_more), or where the mode changed. */
static size_t run_utf8(lg_decoder *d, const unsigned char *p, size_t n,
                       size_t i, size_t limit, long long base, int final,
                       int *need_more)
{
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

static size_t run_iconv(lg_decoder *d, const unsigned char *p, size_t n,
                        size_t i, size_t limit, long long base, int final,
                        int *need_more)
{
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

static size_t run(lg_decoder *d, const unsigned char *p, size_t n,
                  size_t limit, long long base, int final, int *need_more)
{
    size_t i = 0;
    *need_more = 0;
    while (i < limit && !d->stopped && !*need_more && !d->want_resniff) {
        if (d->mode == MODE_UTF8)
            i = run_utf8(d, p, n, i, limit, base, final, need_more);
        else
            i = run_iconv(d, p, n, i, limit, base, final, need_more);
    }
    return i;
}

static void keep_carry(lg_decoder *d, const unsigned char *p, size_t n,
                       long long offset)
{
    memcpy(d->carry, p, n);
    d->carry_len = n;
    d->carry_offset = offset;
}

static lg_status decide(lg_decoder *d, int final);
static lg_status feed_decided(lg_decoder *d, const unsigned char *p, size_t n,
                              long long base, int final);

/* Go back to sniffing at p (input offset base): collect up to 64 KiB and
 * decide again, as at the start. */
static lg_status restart_sniff(lg_decoder *d, const unsigned char *p, size_t n,
                               long long base, int final)
{
    d->want_resniff = 0;
    d->resniffed = 1;
    if (start_sniffing(d) != LG_OK)
        return LG_ERR_NOMEM;
    d->sniff_base = base;
    size_t take = n < SNIFF_MAX ? n : SNIFF_MAX;
    memcpy(d->sniff, p, take);
    d->sniff_len = take;
    if (d->sniff_len < SNIFF_MAX && !final)
        return LG_OK;
    lg_status st = decide(d, final && take == n);
    if (st == LG_OK && take < n)
        st = feed_decided(d, p + take, n - take, base + (long long)take, final);
    return st;
}

/* Decode p[0..n), whose first byte is at input offset base, after the bytes
 * held back from the previous call (they end exactly where p begins). */
static lg_status feed_decided(lg_decoder *d, const unsigned char *p, size_t n,
                              long long base, int final)
{
    int need_more;
    if (d->carry_len) {
        unsigned char tmp[2 * CARRY_MAX];
        size_t c = d->carry_len, extra = n < CARRY_MAX ? n : CARRY_MAX;
        memcpy(tmp, d->carry, c);
        memcpy(tmp + c, p, extra);
        d->carry_len = 0;
        size_t j = run(d, tmp, c + extra, c, d->carry_offset,
                       final && extra == n, &need_more);
        if (need_more) {
            keep_carry(d, tmp + j, c + extra - j, d->carry_offset + (long long)j);
            return LG_OK;
        }
        if (j > c + extra)
            j = c + extra;
        p += j - c;
        n -= j - c;
        base += (long long)(j - c);
    }
    size_t i = run(d, p, n, n, base, final, &need_more);
    if (d->want_resniff)
        return restart_sniff(d, p + i, n - i, base + (long long)i, final);
    if (need_more)
        keep_carry(d, p + i, n - i, base + (long long)i);
    return LG_OK;
}

/* ---- detection and the public entry points -------------------------- */


/* Decide between UTF-8 and GB18030 on the window p[0..n); when neither
 * reads cleanly, note both counts for the warning. */
static lg_status choose_utf8_or_gb18030(lg_decoder *d, const unsigned char *p, size_t n,
                                        int name_it)
{
    reading r = choose_reading(p, n, &d->utf8_multibyte);
    lg_status st = LG_OK;
    if (r.utf8) {
        d->mode = MODE_UTF8;
        if (name_it)
            strcpy(d->encoding, "UTF-8");
    } else {
        st = open_iconv(d, "GB18030");
    }
    if (st == LG_OK && r.utf8_bad && r.gb_bad)
        snprintf(d->note, sizeof d->note,
                 "neither UTF-8 nor GB18030 reads cleanly: %zu invalid byte%s as UTF-8, %zu as "
                 "GB18030 (and %zu in rare codes) in the %zu bytes from %lld; read as %s "
                 "(use --encoding to choose)", r.utf8_bad, r.utf8_bad == 1 ? "" : "s", r.gb_bad,
                 r.gb_unusual, n, d->sniff_base, r.utf8 ? "UTF-8" : "GB18030");
    return st;
}

/* A UTF-8 BOM says UTF-8, and UTF-8 it is; but when the text after it
 * reads as GB18030 (an editor put the BOM before converting, or a tool
 * prepended it) say so. */
static void note_bom_mismatch(lg_decoder *d, const unsigned char *p, size_t n)
{
    int multibyte = 0;
    reading r = choose_reading(p, n, &multibyte);
    if (!r.utf8)
        snprintf(d->note, sizeof d->note,
                 "a UTF-8 byte order mark, but the text after it reads as GB18030 (%zu invalid "
                 "bytes as UTF-8, %zu as GB18030): read as UTF-8; try --encoding GB18030",
                 r.utf8_bad, r.gb_bad);
}

static lg_status decide(lg_decoder *d, int final)
{
    const unsigned char *p = d->sniff;
    size_t n = d->sniff_len, skip = 0;
    lg_status st = LG_OK;
    int at_start = d->sniff_base == 0;

    if (d->bom_family) {
        int le = n >= 2 && p[0] == 0xFF && p[1] == 0xFE;
        int be = n >= 2 && p[0] == 0xFE && p[1] == 0xFF;
        if (d->bom_family == 32) {
            le = n >= 4 && p[0] == 0xFF && p[1] == 0xFE && p[2] == 0 && p[3] == 0;
            be = n >= 4 && p[0] == 0 && p[1] == 0 && p[2] == 0xFE && p[3] == 0xFF;
        }
        st = open_iconv(d, d->bom_family == 16 ? (le ? "UTF-16LE" : "UTF-16BE")
                                               : (le ? "UTF-32LE" : "UTF-32BE"));
        skip = le || be ? (size_t)d->bom_family / 8 : 0;
    } else if (!at_start) {
        st = choose_utf8_or_gb18030(d, p, n, 0);
    } else if (n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) {
        d->mode = MODE_UTF8;
        d->forced = 1;
        strcpy(d->encoding, "UTF-8");
        skip = 3;
        note_bom_mismatch(d, p + 3, n - 3);
    } else if (n >= 4 && p[0] == 0xFF && p[1] == 0xFE && p[2] == 0 && p[3] == 0) {
        /* before UTF-16LE's BOM, which it starts with: no text opens with U+0000 */
        st = open_iconv(d, "UTF-32LE");
        skip = 4;
    } else if (n >= 4 && p[0] == 0 && p[1] == 0 && p[2] == 0xFE && p[3] == 0xFF) {
        st = open_iconv(d, "UTF-32BE");
        skip = 4;
    } else if (n >= 2 && p[0] == 0xFF && p[1] == 0xFE) {
        st = open_iconv(d, "UTF-16LE");
        skip = 2;
    } else if (n >= 2 && p[0] == 0xFE && p[1] == 0xFF) {
        st = open_iconv(d, "UTF-16BE");
        skip = 2;
    } else if (utf16_without_bom(p, n)) {
        st = open_iconv(d, utf16_without_bom(p, n) > 0 ? "UTF-16LE" : "UTF-16BE");
        if (st == LG_OK)
            snprintf(d->note, sizeof d->note, "no byte order mark, but NULs in every other byte: "
                     "read as %s (use --encoding to choose)", d->encoding);
    } else {
        st = choose_utf8_or_gb18030(d, p, n, 1);
    }
    if (st != LG_OK)
        return st;
    if (skip)
        d->first_char_done = 1; /* the BOM is not text */
    d->sniff = NULL;
    st = feed_decided(d, p + skip, n - skip, d->sniff_base + (long long)skip, final);
    free((void *)p);
    return st;
}

lg_status lg_decoder_feed(lg_decoder *d, const unsigned char *bytes, size_t n)
{
    lg_status st = LG_OK;
    long long base = d->fed;
    d->fed += (long long)n;
    /* A loop, not an if: deciding can start a second window (an ASCII
     * window, then a multibyte start at its very end), which the rest of
     * these bytes must fill before anything is decoded. */
    while (st == LG_OK && n && d->mode == MODE_SNIFF) {
        size_t take = SNIFF_MAX - d->sniff_len < n ? SNIFF_MAX - d->sniff_len : n;
        memcpy(d->sniff + d->sniff_len, bytes, take);
        d->sniff_len += take;
        bytes += take;
        n -= take;
        base += (long long)take;
        if (d->sniff_len == SNIFF_MAX)
            st = decide(d, 0);
    }
    if (st == LG_OK && n)
        st = feed_decided(d, bytes, n, base, 0);
    flush_batch(d);
    if (st == LG_OK && d->stopped)
        st = LG_ERR_STOPPED;
    return st;
}

lg_status lg_decoder_finish(lg_decoder *d)
{
    lg_status st = LG_OK;
    if (d->mode == MODE_SNIFF) {
        st = decide(d, 1);
    } else if (d->carry_len) {
        st = feed_decided(d, (const unsigned char *)"", 0, d->fed, 1);
    }
    flush_batch(d);
    if (st == LG_OK && d->stopped)
        st = LG_ERR_STOPPED;
    return st;
}

size_t lg_decoder_invalid_count(const lg_decoder *d) { return d->invalid; }
long long lg_decoder_first_invalid(const lg_decoder *d) { return d->first_invalid; }

const char *lg_decoder_note(const lg_decoder *d)
{
    return d->note[0] ? d->note : NULL;
}

const char *lg_decoder_encoding(const lg_decoder *d)
{
    return d->encoding[0] ? d->encoding : NULL;
}
