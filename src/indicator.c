/* indicator.c - the canonical indicator of a record (see indicator.h).
 *
 * Reports name one indicator many ways (新收行政复议案件, 行政复议申请,
 * 受理行政复议案件): a table keyed on the metric never lines up two cities.
 * Each indicator of rules/indicators.rules is a rule over the record:
 *
 *   NAME kind=K|K... unit=U|U...|none need=W|W... [need=...] not=W|W...
 *        ctx=W|W... ctxnot=W|W...
 *
 * A record meets it when its kind is one of the K (change and multiple are
 * listed by the indicators whose changes are worth a column), its unit one
 * of the U (not checked for a change or a multiple; `none` is the empty
 * unit), every need= group has a word in the metric, no not= word is in
 * the metric, some ctx= word (when given) and no ctxnot= word is in the
 * sentence.  The first indicator met wins, so the file lists narrow ones
 * (纠错率) before broad ones (收案数); an indicator may have several rules
 * (lines of the same name), met by one or another.  A record that meets none has no
 * indicator: an empty column is better than a wrong one.
 *
 * Reads: the [indicators] entries of the lexicon (src/lexicon.c parses
 * them and compiles them here once).  Owns: the rules' meaning. */
#include "indicator.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>


enum { MAX_NEED = 4 };

static const char *const KIND_NAMES[] = {"count", "money", "percent", "change",
                                         "multiple", "rank", "duration", "measure"};
#define KIND_COUNT (sizeof KIND_NAMES / sizeof *KIND_NAMES)
#define CHANGE_KINDS ((1u << 3) | (1u << 4)) /* change, multiple */

/* A list of alternative words, each with the Bloom bit of its first
 * character: a record is tried against every rule, and the bit spares
 * almost every strstr. */
typedef struct word {
    char *s;
    size_t len;
    unsigned bit;      /* of its first character */
    uint64_t mask[4];  /* the bits of all its characters */
} word;

typedef struct word_list {
    size_t n;
    word w[];  /* in the list's own block: one pointer less to follow */
} word_list;
typedef word_list *alternatives;  /* NULL: none */

/* The Bloom bit (0..255) of the UTF-8 character at p. */
static inline unsigned char_bit(const unsigned char *p)
{
    uint32_t key = p[0];
    if (p[0] >= 0xC0 && p[1])
        key = key << 8 | p[1];
    if (p[0] >= 0xE0 && p[1] && p[2])
        key = key << 8 | p[2];
    return (key * 2654435761u) >> 24;
}

/* The bytes after the character at p whose bit char_bit gives: past the
 * continuation bytes it read (the loops skip any others), so that a CJK
 * character costs one step, not three. */
static inline const unsigned char *char_end(const unsigned char *p)
{
    if (p[0] >= 0xE0 && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80)
        return p + 3;
    if (p[0] >= 0xC0 && (p[1] & 0xC0) == 0x80)
        return p + 2;
    return p + 1;
}

/* The bits of every character of s; *len its length. */
static void text_bits(const char *s, uint64_t bits[4], size_t *len)
{
    memset(bits, 0, 4 * sizeof *bits);
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        if ((*p & 0xC0) == 0x80) {
            p++;
            continue;
        }
        unsigned b = char_bit(p);
        bits[b >> 6] |= 1ull << (b & 63);
        p = char_end(p);
    }
    *len = (size_t)(p - (const unsigned char *)s);
}

static void alternatives_free(alternatives a)
{
    if (!a)
        return;
    for (size_t i = 0; i < a->n; i++)
        free(a->w[i].s);
    free(a);
}

typedef struct indicator {
    char *name;
    unsigned kinds;      /* bits of KIND_NAMES */
    alternatives units;  /* NULL: any unit */
    int unit_none;       /* "" is one of the units */
    alternatives need[MAX_NEED];
    int needs;
    alternatives not_words, ctx, ctx_not;
} indicator;

/* Most rules fail on the kind, the unit or the first need= group.  The
 * index finds, for a record, the rules that may pass all three at once:
 * per kind, per unit, and per Bloom bit of the first and of the last
 * characters of the need[0] words (a rule may pass only when the metric
 * holds both), the set of rules, as bit sets of INDEX_WORDS words (rules
 * beyond that are tried one by one). */
enum { INDEX_WORDS = 8, INDEX_UNITS = 32 };

/* The rules a unit passes (besides those that name no unit). */
typedef struct unit_rules {
    const char *unit; /* a rule's word */
    unsigned bit;
    uint64_t rules[INDEX_WORDS];
} unit_rules;

struct lg_indicators {
    indicator *items;
    size_t n;
    uint64_t by_kind[KIND_COUNT][INDEX_WORDS];
    uint64_t by_bit[256][INDEX_WORDS];
    uint64_t by_last_bit[256][INDEX_WORDS];
    /* the unit test: rules that check no unit; those that take the empty
     * one; per unit named, those that take it (when a unit is not among
     * them, or there are too many, unit_unknown says so) */
    uint64_t any_unit[INDEX_WORDS], none_unit[INDEX_WORDS];
    unit_rules units[INDEX_UNITS];
    size_t nunits;
    int unit_overflow;
};

static void indicator_free(indicator *ind)
{
    free(ind->name);
    alternatives_free(ind->units);
    for (int i = 0; i < ind->needs; i++)
        alternatives_free(ind->need[i]);
    alternatives_free(ind->not_words);
    alternatives_free(ind->ctx);
    alternatives_free(ind->ctx_not);
    memset(ind, 0, sizeof *ind);
}

void lg_indicators_free(lg_indicators *set)
{
    if (!set)
        return;
    for (size_t i = 0; i < set->n; i++)
        indicator_free(&set->items[i]);
    free(set->items);
    free(set);
}

size_t lg_indicators_count(const lg_indicators *set)
{
    return set ? set->n : 0;
}

const char *lg_indicators_name(const lg_indicators *set, size_t i)
{
    return set && i < set->n ? set->items[i].name : NULL;
}

/* ---- reading an entry --------------------------------------------------- */

static char *copy_n(const char *s, size_t n)
{
    char *d = malloc(n + 1);
    if (d) {
        memcpy(d, s, n);
        d[n] = '\0';
    }
    return d;
}

/* "a|b|c" as alternatives; empty words are dropped. */
static alternatives parse_alternatives(const char *s, size_t n)
{
    alternatives a = calloc(1, sizeof *a + (n / 2 + 1) * sizeof *a->w);
    if (!a)
        return NULL;
    for (size_t at = 0; at < n;) {
        size_t len = 0;
        while (at + len < n && s[at + len] != '|')
            len++;
        if (len) {
            word *w = &a->w[a->n];
            if (!(w->s = copy_n(s + at, len))) {
                alternatives_free(a);
                return NULL;
            }
            w->len = len;
            w->bit = char_bit((const unsigned char *)w->s);
            size_t ignored;
            text_bits(w->s, w->mask, &ignored);
            a->n++;
        }
        at += len + 1;
    }
    return a;
}

static int kind_bits(const char *s, size_t n, unsigned *bits)
{
    *bits = 0;
    size_t at = 0;
    while (at < n) {
        size_t len = strcspn(s + at, "|");
        if (at + len > n)
            len = n - at;
        size_t k = 0;
        while (k < KIND_COUNT && !(strlen(KIND_NAMES[k]) == len && memcmp(KIND_NAMES[k], s + at, len) == 0))
            k++;
        if (k == KIND_COUNT)
            return -1;
        *bits |= 1u << k;
        at += len + 1;
    }
    return *bits ? 0 : -1;
}

/* Remove the "none" word from a unit list, noting it. */
static void take_unit_none(indicator *ind)
{
    alternatives a = ind->units;
    size_t kept = 0;
    for (size_t i = 0; i < a->n; i++) {
        if (strcmp(a->w[i].s, "none") == 0) {
            ind->unit_none = 1;
            free(a->w[i].s);
            continue;
        }
        a->w[kept++] = a->w[i];
    }
    a->n = kept;
}

/* One key=value field into ind; returns NULL or why it is wrong. */
static const char *apply_field(indicator *ind, const char *f, size_t n)
{
    const char *eq = memchr(f, '=', n);
    if (!eq || eq == f || eq + 1 == f + n)
        return "a field is key=value";
    size_t klen = (size_t)(eq - f), vlen = n - klen - 1;
    const char *v = eq + 1;
    alternatives *slot = NULL;
    if (klen == 4 && memcmp(f, "kind", 4) == 0)
        return kind_bits(v, vlen, &ind->kinds) ? "unknown kind" : NULL;
    if (klen == 4 && memcmp(f, "unit", 4) == 0)
        slot = &ind->units;
    else if (klen == 4 && memcmp(f, "need", 4) == 0) {
        if (ind->needs == MAX_NEED)
            return "too many need= fields";
        slot = &ind->need[ind->needs++];
    } else if (klen == 3 && memcmp(f, "not", 3) == 0)
        slot = &ind->not_words;
    else if (klen == 3 && memcmp(f, "ctx", 3) == 0)
        slot = &ind->ctx;
    else if (klen == 6 && memcmp(f, "ctxnot", 6) == 0)
        slot = &ind->ctx_not;
    else
        return "unknown field (kind unit need not ctx ctxnot)";
    if (*slot)
        return "field given twice";
    if (!(*slot = parse_alternatives(v, vlen)))
        return "out of memory";
    if (slot == &ind->units)
        take_unit_none(ind);
    return NULL;
}

/* The next blank-separated field of s from *at, or NULL at the end. */
static const char *next_field(const char *s, size_t *at, size_t *len)
{
    size_t i = *at;
    while (s[i] == ' ' || s[i] == '\t')
        i++;
    if (!s[i])
        return NULL;
    size_t start = i;
    while (s[i] && s[i] != ' ' && s[i] != '\t')
        i++;
    *at = i;
    *len = i - start;
    return s + start;
}

/* An indicator's fields (the text after its name) into ind; NULL, or why
 * they are wrong. */
static const char *parse_fields(indicator *ind, const char *fields)
{
    size_t at = 0, len;
    const char *f;
    while (fields && (f = next_field(fields, &at, &len)) != NULL) {
        const char *why = apply_field(ind, f, len);
        if (why)
            return why;
    }
    if (!ind->kinds)
        return "needs kind=";
    if (!ind->needs)
        return "needs a need= field";
    return NULL;
}

const char *lg_indicator_check(const char *fields)
{
    indicator ind;
    memset(&ind, 0, sizeof ind);
    const char *why = parse_fields(&ind, fields);
    indicator_free(&ind);
    return why;
}

/* The bit of the last character of w. */
static unsigned last_char_bit(const word *w)
{
    size_t at = w->len - 1;
    while (at > 0 && ((unsigned char)w->s[at] & 0xC0) == 0x80)
        at--;
    return char_bit((const unsigned char *)w->s + at);
}

/* The slot of unit u in the index, made when new; NULL when full. */
static unit_rules *unit_slot(lg_indicators *set, const word *u)
{
    for (size_t k = 0; k < set->nunits; k++)
        if (strcmp(set->units[k].unit, u->s) == 0)
            return &set->units[k];
    if (set->nunits == INDEX_UNITS) {
        set->unit_overflow = 1;
        return NULL;
    }
    unit_rules *slot = &set->units[set->nunits++];
    slot->unit = u->s;
    slot->bit = u->bit;
    return slot;
}

static void index_units(lg_indicators *set, const indicator *ind, size_t i)
{
    uint64_t bit = 1ull << (i & 63);
    if (!ind->units && !ind->unit_none) {
        set->any_unit[i >> 6] |= bit;
        return;
    }
    if (ind->unit_none)
        set->none_unit[i >> 6] |= bit;
    for (size_t w = 0; ind->units && w < ind->units->n; w++) {
        unit_rules *slot = unit_slot(set, &ind->units->w[w]);
        if (slot)
            slot->rules[i >> 6] |= bit;
    }
}

static void build_index(lg_indicators *set)
{
    memset(set->by_kind, 0, sizeof set->by_kind);
    memset(set->by_bit, 0, sizeof set->by_bit);
    memset(set->by_last_bit, 0, sizeof set->by_last_bit);
    for (size_t i = 0; i < set->n && i < 64 * INDEX_WORDS; i++) {
        const indicator *ind = &set->items[i];
        uint64_t bit = 1ull << (i & 63);
        for (size_t k = 0; k < KIND_COUNT; k++)
            if (ind->kinds & (1u << k))
                set->by_kind[k][i >> 6] |= bit;
        for (size_t w = 0; w < ind->need[0]->n; w++) {
            set->by_bit[ind->need[0]->w[w].bit][i >> 6] |= bit;
            set->by_last_bit[last_char_bit(&ind->need[0]->w[w])][i >> 6] |= bit;
        }
        index_units(set, ind, i);
    }
}

lg_indicators *lg_indicators_build(const lx_entry *rules, size_t n)
{
    lg_indicators *set = calloc(1, sizeof *set);
    if (!set || (n && !(set->items = calloc(n, sizeof *set->items)))) {
        free(set);
        return NULL;
    }
    for (size_t i = 0; i < n; i++) {
        indicator *ind = &set->items[set->n];
        /* the lexicon checked every rule as it read it: a failure here is
         * memory */
        if (!(ind->name = copy_n(rules[i].word, rules[i].len)) || parse_fields(ind, rules[i].field)) {
            indicator_free(ind);
            lg_indicators_free(set);
            return NULL;
        }
        set->n++;
    }
    build_index(set);
    return set;
}

/* ---- matching ------------------------------------------------------------ */

/* Whether w occurs in hay[0, n).  Metrics are a few dozen bytes: a plain
 * scan beats strstr's set-up. */
static int contains(const char *hay, size_t n, const word *w)
{
    if (w->len > n)
        return 0;
    const char *end = hay + n - w->len;
    for (const char *p = hay; (p = memchr(p, w->s[0], (size_t)(end - p) + 1)) != NULL; p++)
        if (memcmp(p, w->s, w->len) == 0)
            return 1;
        else if (p == end)
            break;
    return 0;
}

/* A text the rules look into: its bytes and the bits of its characters. */
typedef struct probe {
    const char *s;
    size_t len;
    uint64_t bits[4];
} probe;

/* Whether some word of words is in the text. */
static int has_any(const probe *t, alternatives words)
{
    if (!t->s)
        return 0;
    for (size_t i = 0; i < words->n; i++) {
        const uint64_t *m = words->w[i].mask;
        /* a word whose characters are not all in the text is not in it */
        if ((m[0] & ~t->bits[0]) | (m[1] & ~t->bits[1]) | (m[2] & ~t->bits[2]) | (m[3] & ~t->bits[3]))
            continue;
        if (contains(t->s, t->len, &words->w[i]))
            return 1;
    }
    return 0;
}

static int is_word_of(const char *s, unsigned bit, alternatives words)
{
    for (size_t i = 0; i < words->n; i++)
        if (words->w[i].bit == bit && strcmp(s, words->w[i].s) == 0)
            return 1;
    return 0;
}

/* A record as the rules see it; the sentence's bits are computed only
 * when a rule gets as far as its ctx= words. */
typedef struct candidate {
    const char *unit;
    unsigned kind, unit_bit;
    probe metric, context;
    int context_ready;
} candidate;

static const probe *context_probe(candidate *c)
{
    if (!c->context_ready && c->context.s) {
        text_bits(c->context.s, c->context.bits, &c->context.len);
    }
    c->context_ready = 1;
    return &c->context;
}

static unsigned kind_bit(const char *kind)
{
    for (size_t k = 0; kind && k < KIND_COUNT; k++)
        if (strcmp(kind, KIND_NAMES[k]) == 0)
            return 1u << k;
    return 0;
}

static int meets(const indicator *ind, candidate *c)
{
    if (!(ind->kinds & c->kind) || !has_any(&c->metric, ind->need[0]))
        return 0;
    if (!(c->kind & CHANGE_KINDS) && (ind->units || ind->unit_none)) {
        int empty = !c->unit || !*c->unit;
        if (empty ? !ind->unit_none : !(ind->units && is_word_of(c->unit, c->unit_bit, ind->units)))
            return 0;
    }
    for (int i = 1; i < ind->needs; i++)
        if (!has_any(&c->metric, ind->need[i]))
            return 0;
    if (ind->not_words && has_any(&c->metric, ind->not_words))
        return 0;
    if (ind->ctx && !has_any(context_probe(c), ind->ctx))
        return 0;
    if (ind->ctx_not && has_any(context_probe(c), ind->ctx_not))
        return 0;
    return 1;
}

/* The rules whose unit test the record may pass (every rule, for a
 * change or a multiple, or when the index of units is incomplete). */
static void units_passing(const lg_indicators *set, const candidate *c, size_t words, uint64_t *out)
{
    int empty = !c->unit || !*c->unit;
    const uint64_t *named = NULL;
    if (!empty)
        for (size_t k = 0; k < set->nunits && !named; k++)
            if (set->units[k].bit == c->unit_bit && strcmp(set->units[k].unit, c->unit) == 0)
                named = set->units[k].rules;
    for (size_t w = 0; w < words; w++) {
        if ((c->kind & CHANGE_KINDS) || set->unit_overflow)
            out[w] = ~0ull;
        else
            out[w] = set->any_unit[w] | (empty ? set->none_unit[w] : named ? named[w] : 0);
    }
}

const char *lg_indicator_match(const lg_indicators *set, const char *metric,
                               const char *unit, const char *kind, const char *context)
{
    candidate c;
    c.kind = kind_bit(kind);
    if (!set || !metric || !*metric || !c.kind)
        return NULL;
    c.metric.s = metric;
    c.unit = unit;
    c.context.s = context;
    c.context_ready = 0;
    c.unit_bit = unit && *unit ? char_bit((const unsigned char *)unit) : 0;
    /* the rules of the record's kind whose need[0] may be in the metric */
    size_t k = 0;
    while (!(c.kind & (1u << k)))
        k++;
    size_t words = (set->n + 63) / 64 < INDEX_WORDS ? (set->n + 63) / 64 : INDEX_WORDS;
    uint64_t maybe[INDEX_WORDS] = {0}, maybe_last[INDEX_WORDS] = {0}, unit_ok[INDEX_WORDS];
    /* one pass over the metric: its bits, and the rules its characters index */
    memset(c.metric.bits, 0, sizeof c.metric.bits);
    const unsigned char *p = (const unsigned char *)metric;
    while (*p) {
        if ((*p & 0xC0) == 0x80) {
            p++;
            continue;
        }
        unsigned b = char_bit(p);
        c.metric.bits[b >> 6] |= 1ull << (b & 63);
        const uint64_t *rules = set->by_bit[b], *last = set->by_last_bit[b];
        for (size_t w = 0; w < words; w++) {
            maybe[w] |= rules[w];
            maybe_last[w] |= last[w];
        }
        p = char_end(p);
    }
    c.metric.len = (size_t)(p - (const unsigned char *)metric);
    units_passing(set, &c, words, unit_ok);
    for (size_t w = 0; w < words; w++) {
        for (uint64_t m = maybe[w] & maybe_last[w] & unit_ok[w] & set->by_kind[k][w]; m; m &= m - 1) {
            size_t i = 64 * w + (size_t)__builtin_ctzll(m);
            if (i < set->n && meets(&set->items[i], &c))
                return set->items[i].name;
        }
    }
    for (size_t i = 64 * INDEX_WORDS; i < set->n; i++)
        if (meets(&set->items[i], &c))
            return set->items[i].name;
    return NULL;
}
