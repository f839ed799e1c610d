/* script.h - the script stage: sentences in traditional script to
 * simplified, between the normalizer and the extractor.
 *
 * Owns: telling whether a sentence holds traditional-only characters (one
 * bitmap lookup per ideograph, from src/trad_data.c), converting such a
 * sentence with OpenCC's t2s (phrase-aware) and giving every converted
 * character the input position of the character it came from.  Sentences
 * without traditional characters pass through untouched and unconverted,
 * so simplified text pays one lookup per ideograph and nothing more.
 * Reads: normalized sentences (normalize.h).  Does not own: normalizing or
 * extracting.  Built without OpenCC (no pkg-config opencc), or when its data
 * cannot be loaded, sentences pass through and a warning says so once. */
#ifndef LG_SCRIPT_H
#define LG_SCRIPT_H

#include <stddef.h>
#include <stdint.h>

#include "normalize.h"

/* One bit per code point of U+3400..U+FAFF, set for traditional-only forms
 * (those t2s changes): a 6 KB table that stays in the first-level cache. */
#define LG_TRAD_LO 0x3400u
#define LG_TRAD_HI 0xFB00u
#define LG_TRAD_WORDS ((LG_TRAD_HI - LG_TRAD_LO + 63) / 64)
extern const uint64_t lg_trad_bits[LG_TRAD_WORDS];

/* Is cp a traditional-only form (one that t2s changes)? */
static inline int lg_is_traditional(uint32_t cp)
{
    uint32_t k = cp - LG_TRAD_LO;
    return k < LG_TRAD_HI - LG_TRAD_LO && ((lg_trad_bits[k >> 6] >> (k & 63)) & 1u);
}

/* Called once, the first time a file holds traditional text that cannot be
 * converted; message in English. */
typedef void (*lg_script_warn_fn)(void *user, long long offset, const char *message);

typedef struct lg_script lg_script;

lg_status lg_script_new(lg_script **out, lg_sentence_sink next, void *next_user,
                        lg_script_warn_fn warn, void *warn_user);

/* An lg_sentence_sink: converts when needed and passes the sentence on. */
int lg_script_sentence(void *script, const lg_char *chars, size_t n, unsigned flags);

/* Convert the NUL-terminated UTF-8 string s (cap bytes of room) to
 * simplified script in place when it holds traditional-only characters:
 * for text the script stage does not see (the table reader's cells).
 * Returns 1 when converted, 0 when nothing needed it, -1 when it could not
 * be (no converter, no memory, no room): s is then unchanged. */
int lg_script_simplify(char *s, size_t cap);

/* Sentences converted so far (for tests). */
size_t lg_script_converted(const lg_script *s);

/* Has a conversion failed for want of memory?  (The sentence was passed on
 * unconverted; the pipeline reports LG_ERR_NOMEM.) */
int lg_script_failed(const lg_script *s);

void lg_script_free(lg_script *s);

/* Release the process-wide OpenCC converter (lg_cleanup). */
void lg_script_cleanup(void);

#endif
