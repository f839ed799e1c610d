/* text.h - small UTF-8 helpers shared by the stages: a growable byte
 * buffer and code point encoding/decoding.
 * Owns nothing of the pipeline; every function is pure or works on the
 * buffer it is given. */
#ifndef LG_TEXT_H
#define LG_TEXT_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

typedef struct text_buf {
    char *data; /* NUL-terminated when len > 0 or after text_reset */
    size_t len, cap;
    int failed; /* an append ran out of memory since the last reset */
} text_buf;

/* Make room for extra more bytes (plus a NUL).  Returns 0, -1 on no memory. */
int text_reserve(text_buf *t, size_t extra);
int text_append(text_buf *t, const char *s, size_t n);
int text_append_cp(text_buf *t, uint32_t cp);
static inline void text_reset(text_buf *t)
{
    t->len = 0;
    t->failed = 0;
    if (t->data)
        t->data[0] = '\0';
}
/* A NUL-terminated copy of s[0..n), or NULL on no memory. */
char *text_dup(const char *s, size_t n);
/* The same with the code points of its chars characters after it, in the
 * one allocation (*cps points at them; NULL with the copy on no memory). */
char *text_dup_cps(const char *s, size_t n, size_t chars, uint32_t **cps);
/* The array items (*cap items of size bytes, len in use) with room for one
 * more: itself, or grown to twice its size (first: the size of its first
 * allocation).  Returns NULL on no memory, items and *cap then unchanged. */
void *grow_for_one(void *items, size_t *cap, size_t len, size_t size, size_t first);
void text_free(text_buf *t);

/* Encode cp as UTF-8 into out (4 bytes room); returns the length.  Lone
 * surrogates and code points above U+10FFFF become U+FFFD.  Inline: every
 * character of every sentence goes through it. */
static inline size_t utf8_encode(uint32_t cp, char *out)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
        cp = 0xFFFD;
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}
/* Write the three bytes of cp (U+0800..U+FFFF, no surrogate) at out,
 * which has room for four: on a little-endian machine one store of four
 * bytes, the fourth left for what comes next (loops over ideographs). */
static inline void utf8_put3(char *out, uint32_t cp)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    uint32_t w = 0x008080E0u | cp >> 12 | (cp >> 6 & 0x3F) << 8 | (cp & 0x3F) << 16;
    memcpy(out, &w, 4);
#else
    out[0] = (char)(0xE0 | cp >> 12);
    out[1] = (char)(0x80 | (cp >> 6 & 0x3F));
    out[2] = (char)(0x80 | (cp & 0x3F));
#endif
}

/* Decode the UTF-8 character at s (assumed valid); returns its length.
 * (Inline: the namer calls it some fifty times a value.) */
static inline size_t utf8_decode_one(const char *str, uint32_t *cp)
{
    const unsigned char *s = (const unsigned char *)str;
    if (s[0] < 0x80) {
        *cp = s[0];
        return 1;
    }
    if ((s[0] & 0xE0) == 0xC0) {
        *cp = (uint32_t)(s[0] & 0x1F) << 6 | (s[1] & 0x3F);
        return 2;
    }
    if ((s[0] & 0xF0) == 0xE0) {
        *cp = (uint32_t)(s[0] & 0x0F) << 12 | (uint32_t)(s[1] & 0x3F) << 6 | (s[2] & 0x3F);
        return 3;
    }
    *cp = (uint32_t)(s[0] & 0x07) << 18 | (uint32_t)(s[1] & 0x3F) << 12 |
          (uint32_t)(s[2] & 0x3F) << 6 | (s[3] & 0x3F);
    return 4;
}

/* Characters in a length-bounded valid UTF-8 string. */
static inline size_t utf8_chars_n(const char *s, size_t n)
{
    size_t count = 0;
    for (size_t i = 0; i < n; i++)
        count += ((unsigned char)s[i] & 0xC0) != 0x80;
    return count;
}

/* Decode one UTF-8 sequence at p[0..n).  Returns its length, 0 when the bytes so
 * far are a valid but incomplete start, -1 when invalid (skip one byte).
 * Strict: no overlongs, no surrogates, nothing above U+10FFFF. */
static inline int utf8_decode_strict(const unsigned char *p, size_t n, uint32_t *cp)
{
    unsigned char b = p[0];
    if (b < 0x80) {
        *cp = b;
        return 1;
    }
    int len;
    uint32_t min, c;
    if (b >= 0xC2 && b <= 0xDF) {
        len = 2; c = b & 0x1F; min = 0x80;
    } else if (b >= 0xE0 && b <= 0xEF) {
        len = 3; c = b & 0x0F; min = 0x800;
    } else if (b >= 0xF0 && b <= 0xF4) {
        len = 4; c = b & 0x07; min = 0x10000;
    } else {
        return -1;
    }
    for (int i = 1; i < len; i++) {
        if ((size_t)i >= n)
            return 0;
        if ((p[i] & 0xC0) != 0x80)
            return -1;
        c = (c << 6) | (p[i] & 0x3F);
        /* reject overlongs and surrogates as early as the second byte lets us */
        if (i == 1) {
            if (len == 3 && b == 0xE0 && p[1] < 0xA0) return -1;
            if (len == 3 && b == 0xED && p[1] >= 0xA0) return -1;
            if (len == 4 && b == 0xF0 && p[1] < 0x90) return -1;
            if (len == 4 && b == 0xF4 && p[1] >= 0x90) return -1;
        }
    }
    if (c < min)
        return -1;
    *cp = c;
    return len;
}

/* Is the NUL-terminated s valid UTF-8 (no overlongs, no surrogates)? */
int utf8_valid(const char *s);
/* Is s[0, n) valid UTF-8 (the same test, length-bounded)? */
int utf8_valid_n(const char *s, size_t n);

#endif
