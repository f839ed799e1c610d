/* decode.c - bytes to code points with positions; see decode.h.
 * Owns: detection (which encoding the first 64 KiB read as, BOMs, the
 * resniff after plain ASCII), the decoder's life (lg_decoder_new, _free),
 * the pipeline that feeds bytes to the loops with the carry of a
 * character cut between two calls, and the public entry points.
 * Reads: the bytes it is fed; the decoding loops themselves are
 * decode_run.c's (shared state in decode_int.h). */
#include "decode.h"
#include "decode_int.h"

#include <iconv.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "text.h"

/* How much input we look at before deciding "valid UTF-8" vs "GB18030".
 * Independent of the read chunk size, so records never depend on it. */
#define SNIFF_MAX (64 * 1024)

/* ---- detection: which reading fits the first 64 KiB --------------------- */

/* Bytes of p[0..n) that are not UTF-8.  A sequence cut at the end of the
 * window is not counted: the next bytes may complete it. */
/* Bytes from p[i] on taken by 3-byte sequences of lead E1-EC or EE-EF,
 * each read with one load of four bytes (so while four are left; 0 on a
 * big-endian machine, where the caller's byte tests do the work). */
static size_t three_byte_run_len(const unsigned char *p, size_t n, size_t i)
{
    size_t from = i;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    while (n - i >= 4) {
        uint32_t w;
        memcpy(&w, p + i, 4);
        unsigned lead = w & 0xFF;
        if ((w & 0xC0C000) != 0x808000 || lead - 0xE1 > 0xEF - 0xE1 || lead == 0xED)
            break;
        i += 3;
    }
#else
    (void)p;
    (void)n;
#endif
    return i - from;
}

static size_t utf8_invalid_bytes(const unsigned char *p, size_t n, int *multibyte)
{
    size_t i = 0, bad = 0;
    uint32_t cp;
    while (i < n) {
        if (p[i] < 0x80) {
            i++;
            continue;
        }
        /* most of Chinese text: a 3-byte sequence no test below can fail
         * (lead E1-EC or EE-EF: neither overlong nor a surrogate); while
         * four bytes are left, a run of them is read a load of four at a
         * time */
        size_t run = three_byte_run_len(p, n, i);
        if (run) {
            *multibyte = 1;
            i += run;
            continue;
        }
        if (p[i] >= 0xE1 && p[i] <= 0xEF && p[i] != 0xED && n - i > 2 &&
            (p[i + 1] & 0xC0) == 0x80 && (p[i + 2] & 0xC0) == 0x80) {
            *multibyte = 1;
            i += 3;
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

/* ---- the decoder's life ---------------------------------------------- */

lg_status open_iconv(lg_decoder *d, const char *name)
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
    /* all but the batch (24 KB, read only below batch_len) zeroed: a
     * decoder is made for every input */
    lg_decoder *d = malloc(sizeof *d);
    if (!d)
        return LG_ERR_NOMEM;
    size_t after_batch = offsetof(lg_decoder, batch) + sizeof d->batch;
    memset(d, 0, offsetof(lg_decoder, batch));
    memset((char *)d + after_batch, 0, sizeof *d - after_batch);
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

/* ---- feeding the loops: a character cut between calls, the resniff --- */

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
        chunk held = {tmp, c + extra, c, d->carry_offset, final && extra == n};
        size_t j = decode_run(d, &held, &need_more);
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
    chunk rest = {p, n, n, base, final};
    size_t i = decode_run(d, &rest, &need_more);
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
