/* metric_int.h - what the namer's files share (private to metric.c,
 * metric_around.c, metric_context.c and metric_topic.c): the context every
 * completion reads, the words of a name, kinds named in full, the
 * completions of metric_topic.c that metric_context.c tries, and what
 * metric_around.c tells metric.c. */
#ifndef LG_METRIC_INT_H
#define LG_METRIC_INT_H

#include "extract_int.h"

#define NAME_BYTES 256
/* A name may run past METRIC_MAX_CHARS to start at a word, up to this. */
#define METRIC_LONG_CHARS 36

/* What every completion reads: the extractor, the sentence's values, the
 * value being named (k) and the names of the values before it. */
typedef struct name_ctx {
    const lg_extractor *ex;
    const found *f;
    const named *done; /* done[0..k) */
    size_t k;
} name_ctx;

/* ---- words of a name (metric_context.c) ----------------------------- */

/* The bytes of the UTF-8 sequence a lead byte opens. */
size_t nm_seq_len(unsigned char b);
/* The longest word of list l that s[0..n) starts with (ends with), in
 * bytes; 0 if none. */
size_t nm_str_prefix(const lg_extractor *ex, const char *s, size_t n, int l);
size_t nm_str_suffix(const lg_extractor *ex, const char *s, size_t n, int l);
/* Is s one word of list l? */
int nm_str_is(const lg_extractor *ex, const char *s, int l);
/* One verb, glue, adverb or filler word at s, in bytes; the bytes of s
 * taken by such words at its start (vague modifiers too when skip_vague). */
size_t nm_verb_word(const lg_extractor *ex, const char *s, size_t n);
size_t nm_verbs_len(const lg_extractor *ex, const char *s, size_t n, int skip_vague);

/* ---- kinds named in full (metric_context.c) ------------------------- */

/* Where the modifier of a head starting at char i begins. */
size_t nm_modifier_start(const lg_extractor *ex, size_t i, const found *f);
/* The sentence's chars [a, b) into out as UTF-8; their bytes. */
size_t nm_encode_chars(const lg_extractor *ex, size_t a, size_t b, char *out, size_t cap);
/* The nearest full name of head in the sentence before char limit, into
 * out (its position in *pos); 0 when none. */
int nm_compound_before(const name_ctx *c, const char *head, size_t limit, char *out, size_t cap,
                       size_t *pos);

/* ---- metric_topic.c: the topic a short name serves ------------------ */
/* Each returns 1 with the completed name of value c->k in out. */
int complete_object(const name_ctx *c, const char *name, char *out, size_t cap);
int complete_topic(const name_ctx *c, const char *name, char *out, size_t cap);
int complete_vague(const name_ctx *c, const char *name, char *out, size_t cap);
int complete_meeting(const name_ctx *c, const char *name, char *out, size_t cap);
int complete_target(const name_ctx *c, const char *name, char *out, size_t cap);
int complete_service(const name_ctx *c, const char *name, char *out, size_t cap);
int complete_theme(const name_ctx *c, const char *name, char *out, size_t cap);
int complete_among(const name_ctx *c, const char *name, char *out, size_t cap);
int complete_labelled(const name_ctx *c, const char *name, char *out, size_t cap);
int complete_domain(const name_ctx *c, const char *name, char *out, size_t cap);
int complete_body(const name_ctx *c, const char *name, char *out, size_t cap);
int complete_member(const name_ctx *c, const char *name, char *out, size_t cap);
int complete_rank_cue(const name_ctx *c, const char *name, char *out, size_t cap);
int complete_run_object(const name_ctx *c, const char *name, char *out, size_t cap);
int complete_verb_of_before(const name_ctx *c, const char *name, char *out, size_t cap);
int complete_list_verb(const name_ctx *c, const char *name, char *out, size_t cap);
int complete_paired_again(const name_ctx *c, const char *name, char *out, size_t cap);
/* The words before value k in its clause, after the value before it
 * (separators and quotes off): where they start, and them (a qualifier off). */
size_t nm_raw_left_start(const lg_extractor *ex, const found *f, size_t k);
void nm_raw_left(const lg_extractor *ex, const found *f, size_t k, char *out, size_t cap);
/* The thing a name counts, past its verbs: 办理各类法律援助案件 -> 法律援助案件. */
const char *nm_object_of(const lg_extractor *ex, const char *name);
int complete_deed(const name_ctx *c, const char *name, char *out, size_t cap);
int complete_pair(const name_ctx *c, const char *name, char *out, size_t cap);
/* A goal and the share of it reached (metric_goal.c). */
int complete_goal(const name_ctx *c, char *out, size_t cap);

/* ---- metric.c and metric_around.c --------------------------------- */

/* The chars of s outside quotes; the chars verbs open s with (新建、改建). */
size_t nm_visible_chars(const lg_extractor *ex, span s);
size_t nm_leading_verbs(const lg_extractor *ex, span s);
/* What the words around a name say of it (metric_around.c). */
int nm_government_before(const lg_extractor *ex, span left, span *body);
int nm_owner_before(const lg_extractor *ex, const found *f, size_t k, span left, span *body);
const char *nm_counted_before(const lg_extractor *ex, const found *f, size_t k);
int nm_named_before(const lg_extractor *ex, const found *f, size_t clause, span *out);
int nm_dropped_char(const lg_extractor *ex, size_t i);
size_t nm_list_marker(const lg_extractor *ex, size_t i, size_t b);
span nm_things_named(const lg_extractor *ex, const value *v, span named, const text_buf *so_far);
int nm_deed_of_clause_before(const lg_extractor *ex, const found *f, size_t k, char *out, size_t cap);
span nm_head_after_clause(const lg_extractor *ex, span named);
int nm_context_clause_before(const lg_extractor *ex, size_t clause);
/* A rank's topic: the clause up to [rank-topics] before at (metric_around.c). */
int nm_rank_topic(const lg_extractor *ex, size_t at, span *out);
/* Is [a, b) only list marks (、 和 及 与), and not empty? (metric.c) */
int nm_list_gap(const lg_extractor *ex, size_t a, size_t b);
int nm_shares_head(const lg_extractor *ex, const found *f, size_t k, span mine, const char *prev);
span nm_after_agent(const lg_extractor *ex, span left);
int nm_doer_of_times(const lg_extractor *ex, const found *f, size_t k, span left, span right, span *doer);

/* Keep *depth, the brackets ( （ open at cp; 1 when cp opened or closed
 * one (a ) with none open is an ordinary character), else 0. */
static inline int nm_bracket_step(uint32_t cp, int *depth)
{
    if (cp == '(' || cp == 0xFF08 /* （ */) {
        ++*depth;
        return 1;
    }
    if ((cp == ')' || cp == 0xFF09) && *depth > 0) {
        --*depth;
        return 1;
    }
    return 0;
}

#endif
