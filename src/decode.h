/* decode.h - the reader's decoding stage: bytes in any supported encoding
 * to Unicode code points, each with the input line and byte offset of its
 * first byte.
 *
 * Owns: encoding detection (BOM > UTF-16 by its NULs > valid UTF-8 > valid
 * GB18030 > whichever reads with fewer doubtful bytes), conversion with
 * iconv (GB18030's two-byte codes through a table that iconv fills once per
 * process, thread-safely), carrying incomplete sequences across chunk ends,
 * replacing invalid bytes with U+FFFD (counted, first offset kept), and line
 * counting.
 * Does not own: reading files (extract.c's driver) or any text repair. */
#ifndef LG_DECODE_H
#define LG_DECODE_H

#include <stddef.h>
#include <stdint.h>

#include "lawgov.h"

/* A decoded character and where its first byte stands in the input. */
typedef struct lg_char {
    uint32_t cp;
    long long line;   /* 1-based */
    long long offset; /* byte offset in the input as read */
} lg_char;

/* Receives decoded characters in batches, in input order.  Returns 0 to go
 * on, non-zero to stop (the decoder then returns LG_ERR_STOPPED). */
typedef int (*lg_char_sink)(void *user, const lg_char *chars, size_t n);

typedef struct lg_decoder lg_decoder;

/* Create a decoder.  encoding is an iconv name, or NULL to detect.
 * Returns LG_ERR_ENCODING when iconv does not know the name. */
lg_status lg_decoder_new(lg_decoder **out, const char *encoding,
                         lg_char_sink sink, void *user);

/* Decode the next n bytes of the input. */
lg_status lg_decoder_feed(lg_decoder *d, const unsigned char *bytes, size_t n);

/* The input has ended: flush what is held back.  A sequence cut off at the
 * end becomes U+FFFD and counts as invalid. */
lg_status lg_decoder_finish(lg_decoder *d);

/* Invalid byte sequences replaced so far, and the offset of the first. */
size_t lg_decoder_invalid_count(const lg_decoder *d);
long long lg_decoder_first_invalid(const lg_decoder *d);

/* A warning about how the encoding was chosen (neither UTF-8 nor GB18030
 * read cleanly, UTF-16 without a BOM, a UTF-8 BOM before GB18030 text),
 * or NULL. */
const char *lg_decoder_note(const lg_decoder *d);

/* The encoding in use ("UTF-8", "GB18030", "UTF-16LE"...), or NULL before
 * it is known. */
const char *lg_decoder_encoding(const lg_decoder *d);

void lg_decoder_free(lg_decoder *d);

#endif
