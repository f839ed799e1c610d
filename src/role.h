/* role.h - whether a figure is actual, a baseline or a target.
 *
 * Owns: the reading of a value's role from its sentence (由X到Y, 比2021年
 * 的310件, 力争, 到2025年, 确保…) and of plan sections (下一步工作打算),
 * with the year the reading gives; the words are the lexicon's role-*
 * lists (rules/roles.rules).
 * Reads: a sentence's code points and the value's place in it (given by
 * the extractor); nothing else of the pipeline. */
#ifndef LG_ROLE_H
#define LG_ROLE_H

#include <stddef.h>
#include <stdint.h>

#include "lawgov.h"
#include "lexicon.h"

typedef enum lg_role { LG_ROLE_ACTUAL, LG_ROLE_BASELINE, LG_ROLE_TARGET } lg_role;

typedef struct lg_role_reading {
    lg_role role;
    int year;         /* the year the reading names for the figure (比2021年的: 2021), or 0 */
    int delta;        /* else, when has_delta: a year relative to the report's (上年的: -1) */
    int has_delta;
    int by_year;      /* 到2025年…: a target only when this is after the report's year */
    int plan_section; /* in a plan section: the year after the report's unless one is named */
} lg_role_reading;

/* What a document's sentences so far say about plan sections. */
enum { LG_ROLE_MARKS = 32 };

typedef struct lg_role_state {
    int plan_level;   /* > 0: inside a plan section opened by a heading of this level */
    int plan_para;    /* the paragraph opens with 下一步 */
    int plan_doc;     /* the document is a plan: its title ends in 工作要点, 实施方案 … */
    /* the current sentence's places of plan words and of years (from
     * lg_role_scan), so that each value need not scan the sentence again */
    int scanned, overflow;
    size_t cues, years;
    uint32_t cue_at[LG_ROLE_MARKS], year_at[LG_ROLE_MARKS];
} lg_role_state;

/* Note one sentence (before its values are read): a heading may open or
 * close a plan section. */
void lg_role_sentence(const lg_lexicon *lx, lg_role_state *st, const uint32_t *cp, size_t n,
                      int para_start);

/* Note where a sentence's plan words and years stand, before its values
 * are read with lg_role_read (optional: without it each reading scans). */
void lg_role_scan(const lg_lexicon *lx, lg_role_state *st, const uint32_t *cp, size_t n);

/* A value in its sentence, as lg_role_read sees it. */
typedef struct lg_role_value {
    const uint32_t *cp; /* the sentence's code points */
    size_t n;
    size_t start, end;  /* the value: cp[start, end) */
    size_t prev_end;    /* the end of the value before it (0 if none) */
    size_t next_start;  /* the start of the value after it (n if none) */
} lg_role_value;

/* The role of the value v. */
lg_role_reading lg_role_read(const lg_lexicon *lx, const lg_role_state *st, const lg_role_value *v);

/* The role's name once the record's year and the report's are known:
 * "actual", "baseline" or "target". */
const char *lg_role_settle(const lg_role_reading *r, int year, int report_year);

#endif
