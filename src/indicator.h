/* indicator.h - the canonical indicator a record measures.
 *
 * Owns: the taxonomy of standard indicators (rules/indicators.rules:
 * 行政复议案件收案数, 行政机关负责人出庭应诉率 ...), read from its text, and
 * the matcher that names a record's indicator from its metric, unit, kind
 * and sentence, or none.  Reads nothing of the pipeline: it is given the
 * strings. */
#ifndef LG_INDICATOR_H
#define LG_INDICATOR_H

#include <stddef.h>

#include "lawgov.h"

typedef struct lg_indicators lg_indicators;

lg_indicators *lg_indicators_new(void);
void lg_indicators_free(lg_indicators *set);

/* Apply the [indicators] section of a rules text: each entry adds a rule
 * for its indicator (a name may have several, tried in order), a '-NAME'
 * entry removes every rule of that name.
 * Other sections are left to their readers.  On a malformed entry returns
 * LG_ERR_ARG with "LINE: why" in err (which may be NULL). */
lg_status lg_indicators_load(lg_indicators *set, const char *text, size_t len,
                             char *err, size_t err_size);

/* The rules in the order they are tried (a name once per rule). */
size_t lg_indicators_count(const lg_indicators *set);
const char *lg_indicators_name(const lg_indicators *set, size_t i);

/* The name of the first indicator whose rule the record meets, or NULL.
 * metric, unit and kind are the record's; context its sentence (may be
 * NULL). */
const char *lg_indicator_match(const lg_indicators *set, const char *metric,
                               const char *unit, const char *kind, const char *context);

/* The taxonomy built into the library (rules/indicators.rules), parsed
 * once; NULL if that failed (no memory). */
const lg_indicators *lg_indicators_default(void);

#endif
