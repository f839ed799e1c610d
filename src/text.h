/* text.h - small UTF-8 helpers shared by the stages: a growable byte
 * buffer and code point encoding/decoding.
 * Owns nothing of the pipeline; every function is pure or works on the
 * buffer it is given. */
#ifndef LG_TEXT_H
#define LG_TEXT_H

#include <stddef.h>
#include <stdint.h>

typedef struct text_buf {
    char *data; /* NUL-terminated when len > 0 or after text_reset */
    size_t len, cap;
} text_buf;

/* Make room for extra more bytes (plus a NUL).  Returns 0, -1 on no memory. */
int text_reserve(text_buf *t, size_t extra);
int text_append(text_buf *t, const char *s, size_t n);
int text_append_cp(text_buf *t, uint32_t cp);
void text_reset(text_buf *t);
void text_free(text_buf *t);

/* Encode cp as UTF-8 into out (4 bytes room); returns the length. */
size_t utf8_encode(uint32_t cp, char *out);
/* Decode the UTF-8 character at s (assumed valid); returns its length. */
size_t utf8_decode_one(const char *s, uint32_t *cp);
/* Characters in a NUL-terminated / length-bounded valid UTF-8 string. */
size_t utf8_chars(const char *s);
size_t utf8_chars_n(const char *s, size_t n);
/* Is the NUL-terminated s valid UTF-8 (no overlongs, no surrogates)? */
int utf8_valid(const char *s);

#endif
