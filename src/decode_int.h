/* decode_int.h - what the decoder's two files share (private): the
 * decoder's state, the batch every decoded character goes through, and
 * the calls between detection (decode.c) and the decoding loops
 * (decode_run.c). */
#ifndef LG_DECODE_INT_H
#define LG_DECODE_INT_H

#include <iconv.h>
#include <stddef.h>
#include <stdint.h>

#include "decode.h"

/* Characters handed to the sink at once; bytes of a cut character held
 * back between calls. */
#define BATCH_MAX 1024
#define CARRY_MAX 8
/* The longest GB18030 character, in bytes. */
#define GB18030_MAX_LEN 4

enum mode { MODE_SNIFF, MODE_UTF8, MODE_ICONV };

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

static inline int flush_batch(lg_decoder *d)
{
    if (d->batch_len && !d->stopped) {
        if (d->sink(d->user, d->batch, d->batch_len))
            d->stopped = 1;
    }
    d->batch_len = 0;
    return d->stopped;
}


static inline void emit(lg_decoder *d, uint32_t cp, long long offset)
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

static inline void emit_invalid(lg_decoder *d, long long offset)
{
    if (d->invalid++ == 0)
        d->first_invalid = offset;
    emit(d, 0xFFFD, offset);
}

/* The bytes a decoding loop is given: p[0..n), whose first byte is at
 * input offset base; it decodes the characters that start before limit
 * (their later bytes may lie up to p[n-1]).  final: no input follows. */
typedef struct chunk {
    const unsigned char *p;
    size_t n, limit;
    long long base;
    int final;
} chunk;

/* decode.c: convert through iconv from name (GB18030 also through the
 * two-byte table). */
lg_status open_iconv(lg_decoder *d, const char *name);

/* decode_run.c: GB18030's two-byte table, or NULL when iconv alone must do. */
const uint16_t *gb18030_table(void);
/* decode_run.c: decode the characters of in that start before in->limit;
 * returns where it stopped.  *need_more: a character is cut off at in->n
 * (and more input may follow). */
size_t decode_run(lg_decoder *d, const chunk *in, int *need_more);

#endif
