/* normalize.h - the normalizer: decoded characters to clean sentences.
 *
 * Owns: seeing through extraction damage - spaces between characters, line
 * breaks inside sentences and numbers, blank lines where a column ends,
 * full-width digits and signs, text printed twice by bold fonts - and
 * cutting the text into sentences (on 。！？； and at paragraph ends).
 * Every character it passes on keeps the input line and byte offset it came
 * from, so the position map survives every repair.
 * Does not own: decoding (decode.c) or finding values (extract.c).
 * Reads: the lexicon's [numerals] (list headings, where a piece may be cut). */
#ifndef LG_NORMALIZE_H
#define LG_NORMALIZE_H

#include <stddef.h>

#include "decode.h"
#include "lexicon.h"

/* flags passed with each sentence */
#define LG_SENT_PARA_START 1u /* the first sentence of a paragraph */
#define LG_SENT_TABLE_ROW 2u  /* the paragraph is a table row: | a | b | */

/* Receives each normalized sentence.  Returns non-zero to stop. */
typedef int (*lg_sentence_sink)(void *user, const lg_char *chars, size_t n,
                                unsigned flags);

typedef struct lg_normalizer lg_normalizer;

/* lx gives the Chinese numerals of list headings (一、 十二、 (三)): its
 * [numerals]; NULL: the defaults'. */
lg_status lg_normalizer_new(lg_normalizer **out, const lg_lexicon *lx, lg_sentence_sink sink,
                            void *user);

/* Take the next decoded characters (the shape of an lg_char_sink, so the
 * decoder can feed the normalizer directly).  Returns non-zero once the
 * sentence sink asked to stop. */
int lg_normalizer_push(void *normalizer, const lg_char *chars, size_t n);

/* End of input: pass on what is held back.  Returns non-zero if stopped. */
int lg_normalizer_finish(lg_normalizer *nz);

void lg_normalizer_free(lg_normalizer *nz);

/* Collapse text printed twice by bold fonts in c[0..n) in place
 * (挽回经济损失失 818818..11 万元万元；； -> 挽回经济损失818.1万元；) while
 * leaving ordinary reduplication (事事, 层层) alone.  Returns the new length.
 * Exposed for tests. */
size_t lg_collapse_doubling(lg_char *c, size_t n);

/* Fold full-width digits, letters, ．％＋ to ASCII; other code points are
 * returned unchanged.  Exposed for tests. */
uint32_t lg_fold_width(uint32_t cp);

#endif
