/* extract.h - the extractor: normalized sentences to records.
 *
 * Owns: finding values (numerals with their units, 万/亿, qualifiers) with
 * PCRE2 patterns run only where a numeral stands; rejecting what only
 * looks like a value (dates, ordinals, labels, slogans); and giving each
 * value its metric name, kind, year, period, city and district.  The
 * report's own city and year are settled from its opening, and records
 * that depend on them are held back until they are known.  Each stage is
 * a file of its own (see extract_int.h); every word list is read from the
 * lexicon (lexicon.h), built from the rules files and users' rules files.
 * Does not own: decoding, repairing text (normalize.c), the place table
 * (place.c) or output formats (the CLI). */
#ifndef LG_EXTRACT_H
#define LG_EXTRACT_H

#include <stddef.h>

#include "decode.h"
#include "lawgov.h"

typedef struct lg_extractor lg_extractor;

/* Build the shared default lexicon and its patterns (thread-safe; again
 * after lg_patterns_free). */
lg_status lg_patterns_init(void);
void lg_patterns_free(void);

lg_status lg_extractor_new(lg_extractor **out, const lg_config *config,
                           const char *file, const char *doc);

/* Take one normalized sentence (an lg_sentence_sink).  Returns non-zero
 * when the record callback asked to stop or memory ran out. */
int lg_extractor_sentence(void *extractor, const lg_char *chars, size_t n,
                          unsigned flags);

/* Take the input's characters as decoded (an lg_char_sink), before the
 * normalizer sees them: the table reader reads their lines.  Returns
 * non-zero to stop. */
int lg_extractor_chars(void *extractor, const lg_char *chars, size_t n);
/* The input has ended: read its last line (before the normalizer's end). */
int lg_extractor_chars_end(lg_extractor *ex);

/* End of the document: settle the report's city and year and pass on every
 * record still held back. */
lg_status lg_extractor_finish(lg_extractor *ex);

/* LG_OK, or why the extractor stopped. */
lg_status lg_extractor_status(const lg_extractor *ex);

void lg_extractor_free(lg_extractor *ex);

#endif
