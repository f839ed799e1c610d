/* indicator.h - the canonical indicator a record measures.
 *
 * Owns: the taxonomy of standard indicators (rules/indicators.rules:
 * 行政复议案件收案数, 行政机关负责人出庭应诉率 ...), compiled from the
 * lexicon's [indicators] entries, and
 * the matcher that names a record's indicator from its metric, unit, kind
 * and sentence, or none.  Reads nothing of the pipeline: it is given the
 * strings. */
#ifndef LG_INDICATOR_H
#define LG_INDICATOR_H

#include <stddef.h>

#include "lawgov.h"
#include "lexicon.h"

typedef struct lg_indicators lg_indicators;

/* NULL when the fields of an [indicators] entry (the text after its name:
 * "kind=count unit=件 need=复议 not=率") are well formed, else why not. */
const char *lg_indicator_check(const char *fields);

/* The rules of n [indicators] entries (lexicon entries, checked), in
 * order; NULL when memory ran out. */
lg_indicators *lg_indicators_build(const lx_entry *rules, size_t n);
void lg_indicators_free(lg_indicators *set);

/* The rules in the order they are tried (a name once per rule). */
size_t lg_indicators_count(const lg_indicators *set);
const char *lg_indicators_name(const lg_indicators *set, size_t i);

/* The name of the first indicator whose rule the record meets, or NULL.
 * metric, unit and kind are the record's; context its sentence (may be
 * NULL). */
const char *lg_indicator_match(const lg_indicators *set, const char *metric,
                               const char *unit, const char *kind, const char *context);

#endif
