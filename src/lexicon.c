/* lexicon.c - rules text to an lg_lexicon; see lexicon.h.
 *
 * Owns: the rules format (sections, "+entry", "-entry", fields, "= value"),
 * its one parser, the lexicon's life, the shared defaults, and dumping the
 * lists in effect.  What is built from the lists is lexicon_build.c's.
 * Reads: the compiled-in rules (build/gen/rules_data.c), the gazetteer
 * (place.h) for place aliases. */
#include "lexicon.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "indicator.h"
#include "place.h"
#include "text.h"

/* What the entries of a section look like. */
enum shape {
    SH_WORD,     /* a word alone */
    SH_UNIT,     /* a unit, its kind, "= unit shown" optional */
    SH_CHARS,    /* a word and one field: characters */
    SH_NUMERAL,  /* one character, its value, "integer" and "financial" optional */
    SH_MEANING,  /* a word and its meaning */
    SH_ALIAS,    /* a word "= full name of a place" */
    SH_RULE,     /* a name and key=value fields; a name may have several
                  * rules, "-name" removes them all (indicators) */
    SH_RELATIVE  /* a year word and what it names: now N, report, half 1|2 */
};

static const struct section {
    const char *name;
    int shape;
} SECTIONS[LX_SECTION_COUNT] = {
    [LX_UNITS] = {"units", SH_UNIT},
    [LX_UNIT_WORD_STARTS] = {"unit-word-starts", SH_CHARS},
    [LX_NUMERALS] = {"numerals", SH_NUMERAL},
    [LX_NUMERAL_FOLLOWERS] = {"numeral-followers", SH_WORD},
    [LX_QUALIFIERS_BEFORE] = {"qualifiers-before", SH_MEANING},
    [LX_QUALIFIERS_AFTER] = {"qualifiers-after", SH_MEANING},
    [LX_NOT_RECORDS] = {"not-records", SH_WORD},
    [LX_PLACES] = {"places", SH_ALIAS},
    [LX_COUNT_CUES] = {"count-cues", SH_WORD},
    [LX_CHANGE_WORDS] = {"change-words", SH_WORD},
    [LX_LEVEL_WORDS] = {"level-words", SH_WORD},
    [LX_RANK_CUES] = {"rank-cues", SH_WORD},
    [LX_COMPARE_WORDS] = {"compare-words", SH_WORD},
    [LX_LEAD_FILLERS] = {"lead-fillers", SH_WORD},
    [LX_TRAIL_FILLERS] = {"trail-fillers", SH_WORD},
    [LX_WEAK_ENDINGS] = {"weak-endings", SH_WORD},
    [LX_WEAK_EXCEPTIONS] = {"weak-exceptions", SH_WORD},
    [LX_COMPARISONS] = {"comparisons", SH_WORD},
    [LX_COUNT_VERBS] = {"count-verbs", SH_WORD},
    [LX_RIGHT_STOPS] = {"right-stops", SH_WORD},
    [LX_VERB_ADVERBS] = {"verb-adverbs", SH_WORD},
    [LX_VERB_ADVERB_WORDS] = {"verb-adverb-words", SH_WORD},
    [LX_RIGHT_LEAD] = {"right-lead", SH_WORD},
    [LX_SCOPE_WORDS] = {"scope-words", SH_WORD},
    [LX_ADVERBS] = {"adverbs", SH_WORD},
    [LX_RANK_TOPICS] = {"rank-topics", SH_WORD},
    [LX_REVIEW_WORDS] = {"review-words", SH_WORD},
    [LX_REVIEW_ENDS] = {"review-ends", SH_WORD},
    [LX_ANNOUNCE_WHEN] = {"announce-when", SH_WORD},
    [LX_ANNOUNCE_VERBS] = {"announce-verbs", SH_WORD},
    [LX_NATION_WORDS] = {"nation-words", SH_WORD},
    [LX_GENERIC_MEASURES] = {"generic-measures", SH_WORD},
    [LX_TABLE_UNITS] = {"table-units", SH_UNIT},
    [LX_TABLE_GROUPS] = {"table-groups", SH_WORD},
    [LX_TABLE_HEADERS] = {"table-headers", SH_WORD},
    [LX_TABLE_NOTES] = {"table-notes", SH_WORD},
    [LX_TABLE_POINTERS] = {"table-pointers", SH_WORD},
    [LX_TABLE_BODY] = {"table-body-columns", SH_WORD},
    [LX_TABLE_ROW_NUMBERS] = {"table-row-numbers", SH_WORD},
    [LX_TABLE_REMARKS] = {"table-remarks", SH_WORD},
    [LX_TABLE_TITLE_ENDS] = {"table-title-ends", SH_WORD},
    [LX_TABLE_ROW_SCOPES] = {"table-row-scopes", SH_WORD},
    [LX_RELATION_LABELS] = {"relation-labels", SH_WORD},
    [LX_CHANGE_HEADERS] = {"change-headers", SH_WORD},
    [LX_GOVERNMENT_WORDS] = {"government-words", SH_WORD},
    [LX_BARE_VERBS] = {"bare-verbs", SH_WORD},
    [LX_VERB_GLUE] = {"verb-glue", SH_WORD},
    [LX_VAGUE_MODIFIERS] = {"vague-modifiers", SH_WORD},
    [LX_GENERIC_HEADS] = {"generic-heads", SH_WORD},
    [LX_OBJECT_RELATIONS] = {"object-relations", SH_WORD},
    [LX_AGENT_RELATIONS] = {"agent-relations", SH_WORD},
    [LX_RATE_SUFFIXES] = {"rate-suffixes", SH_WORD},
    [LX_OUTCOME_WORDS] = {"outcome-words", SH_WORD},
    [LX_INTAKE_VERBS] = {"intake-verbs", SH_WORD},
    [LX_LEVEL_VERBS] = {"level-verbs", SH_WORD},
    [LX_TRAIL_KEEP] = {"trail-keep", SH_WORD},
    [LX_LEAD_KEEP] = {"lead-keep", SH_WORD},
    [LX_INDICATORS] = {"indicators", SH_RULE},
    [LX_ROLE_FROM] = {"role-from", SH_WORD},
    [LX_ROLE_FROM_NOT] = {"role-from-not", SH_WORD},
    [LX_ROLE_TO] = {"role-to", SH_WORD},
    [LX_ROLE_COMPARE] = {"role-compare", SH_WORD},
    [LX_ROLE_COMPARE_NOT] = {"role-compare-not", SH_WORD},
    [LX_ROLE_LAST_YEAR] = {"role-last-year", SH_WORD},
    [LX_ROLE_TARGET] = {"role-target", SH_WORD},
    [LX_ROLE_TARGET_LEAD] = {"role-target-lead", SH_WORD},
    [LX_ROLE_TARGET_NOT_BEFORE] = {"role-target-not-before", SH_WORD},
    [LX_ROLE_TARGET_NOT_AFTER] = {"role-target-not-after", SH_WORD},
    [LX_ROLE_TARGET_NOT_BETWEEN] = {"role-target-not-between", SH_WORD},
    [LX_ROLE_TARGET_AFTER] = {"role-target-after", SH_WORD},
    [LX_ROLE_BY_YEAR] = {"role-by-year", SH_WORD},
    [LX_ROLE_BY_YEAR_NOT] = {"role-by-year-not", SH_WORD},
    [LX_ROLE_PLAN_HEADING] = {"role-plan-heading", SH_WORD},
    [LX_PLAN_COMING_WORDS] = {"plan-coming-words", SH_WORD},
    [LX_PLAN_COMING_ROLES] = {"plan-coming-roles", SH_WORD},
    [LX_DOCUMENT_VERBS] = {"document-verbs", SH_WORD},
    [LX_AVERAGE_WORDS] = {"average-words", SH_WORD},
    [LX_TOP_PLACE_WORDS] = {"top-place-words", SH_WORD},
    [LX_THRESHOLD_FOLLOWERS] = {"threshold-followers", SH_WORD},
    [LX_RATIO_WORDS] = {"ratio-words", SH_WORD},
    [LX_RATIO_LINKS] = {"ratio-links", SH_WORD},
    [LX_RANK_SCOPES] = {"rank-scopes", SH_WORD},
    [LX_DURATION_CUES] = {"duration-cues", SH_WORD},
    [LX_VIEW_OPENS] = {"view-opens", SH_WORD},
    [LX_VIEW_CLOSES] = {"view-closes", SH_WORD},
    [LX_RELATIVE_YEARS] = {"relative-years", SH_RELATIVE},
    [LX_BASIS_CLOSES] = {"basis-closes", SH_WORD},
    [LX_COUNTY_WORDS] = {"county-words", SH_WORD},
    [LX_CAUSATIVE_VERBS] = {"causative-verbs", SH_WORD},
    [LX_AGENT_HEADS] = {"agent-heads", SH_WORD},
    [LX_AGENT_PLURALS] = {"agent-plurals", SH_WORD},
    [LX_SHARED_LEVEL_ENDS] = {"shared-level-ends", SH_WORD},
    [LX_LEAD_BEFORE_VERBS] = {"lead-before-verbs", SH_WORD},
    [LX_RANK_SCOPE_MARKS] = {"rank-scope-marks", SH_WORD},
    [LX_TOPIC_HEADS] = {"topic-heads", SH_WORD},
    [LX_POINTING_MODIFIERS] = {"pointing-modifiers", SH_WORD},
    [LX_SUPERLATIVES] = {"superlatives", SH_WORD},
    [LX_MEETING_DEEDS] = {"meeting-deeds", SH_WORD},
    [LX_MEETING_HEADS] = {"meeting-heads", SH_WORD},
    [LX_TARGET_VERBS] = {"target-verbs", SH_WORD},
    [LX_SERVICE_VERBS] = {"service-verbs", SH_WORD},
    [LX_SERVICE_TIMES] = {"service-times", SH_WORD},
    [LX_BUILT_VERBS] = {"built-verbs", SH_WORD},
    [LX_THEME_HEADS] = {"theme-heads", SH_WORD},
    [LX_REDUCTION_VERBS] = {"reduction-verbs", SH_WORD},
    [LX_GOAL_VERBS] = {"goal-verbs", SH_WORD},
    [LX_GOAL_WORDS] = {"goal-words", SH_WORD},
    [LX_OWNER_ENDS] = {"owner-ends", SH_WORD},
    [LX_UNIT_WORD_KEEPS] = {"unit-word-keeps", SH_WORD},
    [LX_BODY_ENDS] = {"body-ends", SH_WORD},
    [LX_SCORE_UNITS] = {"score-units", SH_WORD},
    [LX_SCORE_CUES] = {"score-cues", SH_WORD},
    [LX_PEOPLE_HEADS] = {"people-heads", SH_WORD},
    [LX_PLAN_TITLES] = {"plan-titles", SH_WORD},
    [LX_ITEM_OPENERS] = {"item-openers", SH_WORD},
};

static const char *const KIND_NAMES[] = {"count", "money", "percent", "change", "multiple",
                                         "duration", "measure", "rank", "reject", NULL};
static const char *const MEANING_NAMES[] = {"over", "approx", "nearly", "under", NULL};

/* ---- entries -------------------------------------------------------- */

static void entry_free(lx_entry *e)
{
    if (!e->cps_in_word)
        free(e->cps);
    free(e->word);
    free(e->field);
    free(e->value);
}

static char *dup_n(const char *s, size_t n)
{
    char *d = malloc(n + 1);
    if (d) {
        memcpy(d, s, n);
        d[n] = '\0';
    }
    return d;
}

/* Is e's word s[0, len)?  Words of one length mostly share their first
 * byte (an ideograph's lead) and differ in their last: that byte first
 * spares most calls of memcmp (parsing the defaults compared each word
 * with the list before it: some 24,000 calls per start). */
static int same_word(const lx_entry *e, const char *s, size_t len)
{
    return e->len == len &&
           (len == 0 || (e->word[len - 1] == s[len - 1] && memcmp(e->word, s, len) == 0));
}

static lx_entry *list_find(lx_list_t *l, const char *s, size_t len)
{
    for (size_t i = 0; i < l->n; i++)
        if (same_word(&l->e[i], s, len))
            return &l->e[i];
    return NULL;
}

int lx_list_push(lx_list_t *l, const lx_entry *e)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? 2 * l->cap : 16;
        lx_entry *p = realloc(l->e, cap * sizeof *p);
        if (!p)
            return -1;
        l->e = p;
        l->cap = cap;
    }
    l->e[l->n++] = *e;
    return 0;
}

/* ---- parsing -------------------------------------------------------- */

typedef struct parse {
    const char *name;
    long line;
    int section; /* -1 before the first */
    lg_rules_error *err;
    int trusted; /* the compiled-in rules: indicator rules are not checked one by one */
    /* per list, a Bloom filter of its words' ends (word_bit), made when
     * the parse first adds to the list: a new word is looked for in the
     * list (list_find walks it all) only when its bit is set */
    uint64_t held[LX_SECTION_COUNT][4];
    unsigned char held_known[LX_SECTION_COUNT];
} parse;

/* snprintf cuts at a byte: drop a character it left incomplete, so that
 * the error stays UTF-8 (the reason quotes the user's word). */
static void cut_to_char(char *s)
{
    size_t n = strlen(s), lead = n;
    while (lead > 0 && ((unsigned char)s[lead - 1] & 0xC0) == 0x80)
        lead--;
    if (lead == 0)
        return;
    unsigned char b = (unsigned char)s[lead - 1];
    size_t want = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
    if (n - (lead - 1) < want)
        s[lead - 1] = '\0';
}

static lg_status fail(parse *p, const char *fmt, const char *arg)
{
    if (p->err) {
        snprintf(p->err->file, sizeof p->err->file, "%s", p->name);
        cut_to_char(p->err->file);
        p->err->line = p->line;
        snprintf(p->err->reason, sizeof p->err->reason, fmt, arg ? arg : "");
        cut_to_char(p->err->reason);
    }
    return LG_ERR_ARG;
}

static int is_space(char c) { return c == ' ' || c == '\t' || c == '\r'; }

static void trim(const char **a, const char **b)
{
    while (*a < *b && is_space(**a))
        (*a)++;
    while (*b > *a && is_space((*b)[-1]))
        (*b)--;
}

static int name_index(const char *const *names, const char *s)
{
    for (int i = 0; names[i]; i++)
        if (!strcmp(names[i], s))
            return i;
    return -1;
}

/* The place a full name names: a gazetteer name (包头稀土高新技术产业开发区),
 * or one under the city or province written before it (包头市 +
 * 稀土高新技术产业开发区, 包头市 + 高新区).  The id, or -1. */
static int alias_target(const char *name)
{
    int id = lg_place_lookup(name, -1);
    if (id >= 0)
        return id;
    int outer;
    size_t len = lg_place_match(name, strlen(name), -1, &outer);
    if (!len || !name[len])
        return -1;
    int city = lg_place_city_of(outer);
    id = lg_place_lookup(name + len, city);
    if (id < 0)
        return -1;
    /* it must lie under the place written first */
    for (int up = id, hops = 0; up >= 0 && hops < 4; hops++) {
        if (up == outer)
            return id;
        const lg_place *p = lg_place_get(up);
        up = p ? p->parent : -1;
    }
    return -1;
}

/* A [relative-years] entry's fields into e->kind and e->num; -1 when they
 * are none of "now N", "report", "same", "half 1", "half 2". */
static int relative_check(lx_entry *e)
{
    const char *f = e->field;
    char *end;
    if (!strcmp(f, "report") || !strcmp(f, "same")) {
        e->kind = f[0] == 'r' ? LX_REL_REPORT : LX_REL_SAME;
        return 0;
    }
    if (!strncmp(f, "now ", 4) || !strncmp(f, "half ", 5)) {
        e->kind = f[0] == 'n' ? LX_REL_NOW : LX_REL_HALF;
        const char *n = f + (f[0] == 'n' ? 4 : 5);
        e->num = strtoll(n, &end, 10);
        if (end == n || *end)
            return -1;
        return e->kind == LX_REL_NOW ? (e->num >= -9 && e->num <= 9 ? 0 : -1)
                                     : (e->num == 1 || e->num == 2 ? 0 : -1);
    }
    return -1;
}

/* Fill e's parsed fields from its text, as its section's shape asks. */
static lg_status entry_check(parse *p, lx_entry *e)
{
    int shape = SECTIONS[p->section].shape;
    int want_field = shape != SH_WORD && shape != SH_ALIAS;
    if (want_field && !e->field)
        return fail(p, "\"%s\" needs a field", e->word);
    if (!want_field && e->field)
        return fail(p, "\"%s\": no fields in this section", e->word);
    if ((shape == SH_ALIAS) != (e->value != NULL) && shape != SH_UNIT)
        return fail(p, shape == SH_ALIAS ? "\"%s\" needs \"= full name\"" : "\"%s\": no \"=\" in this section", e->word);
    if (shape == SH_UNIT) {
        if (e->len > LX_UNIT_MAX_BYTES || (e->value && strlen(e->value) > LX_UNIT_MAX_BYTES))
            return fail(p, "unit \"%s\" is too long", e->word);
        if ((e->kind = name_index(KIND_NAMES, e->field)) < 0)
            return fail(p, "unknown unit kind \"%s\" (count, money, percent, change, multiple, duration, measure, rank, reject)", e->field);
    } else if (shape == SH_MEANING) {
        if ((e->kind = name_index(MEANING_NAMES, e->field)) < 0)
            return fail(p, "unknown meaning \"%s\" (over, approx, nearly, under)", e->field);
    } else if (shape == SH_NUMERAL) {
        char *end;
        if (e->chars != 1)
            return fail(p, "numeral \"%s\" is not one character", e->word);
        e->num = strtoll(e->field, &end, 10);
        if (end == e->field || !lg_numerals_value_ok(e->num))
            return fail(p, "bad numeral value \"%s\" (0-9, 10, 100, 1000, 10000, 100000000)", e->field);
        /* flags after the value: integer (not after 点), financial (壹 拾: alone a word) */
        for (char *f = end; *f;) {
            size_t k = strcspn(f + 1, " ");
            if (*f != ' ' || !k)
                return fail(p, "bad numeral flags \"%s\"", end);
            if (k == 7 && !strncmp(f + 1, "integer", k))
                e->integer = 1;
            else if (k == 9 && !strncmp(f + 1, "financial", k))
                e->financial = 1;
            else
                return fail(p, "unknown numeral flag in \"%s\" (integer, financial)", end);
            f += 1 + k;
        }
    } else if (shape == SH_ALIAS) {
        if (e->chars < 2)
            return fail(p, "place alias \"%s\" is shorter than two characters", e->word);
        if ((e->place = alias_target(e->value)) < 0)
            return fail(p, "unknown place \"%s\"", e->value);
    } else if (shape == SH_RELATIVE) {
        if (relative_check(e))
            return fail(p, "\"%s\": a relative year is \"now N\" (N from -9 to 9), \"report\" or \"half 1\"/\"half 2\"", e->word);
    } else if (shape == SH_RULE && !p->trusted) {
        const char *why = lg_indicator_check(e->field);
        if (why)
            return fail(p, "indicator %s", why);
    }
    return LG_OK;
}

/* Split "word fields = value" into e (allocated); a rule's fields hold
 * their own "=". */
static lg_status entry_parse(parse *p, const char *a, const char *b, lx_entry *e)
{
    memset(e, 0, sizeof *e);
    const char *eq = SECTIONS[p->section].shape == SH_RULE ? NULL : memchr(a, '=', (size_t)(b - a));
    const char *w = a, *we = a;
    while (we < (eq ? eq : b) && !is_space(*we))
        we++;
    if (we == w)
        return fail(p, "an entry without a word", NULL);
    const char *f = we, *fe = eq ? eq : b;
    trim(&f, &fe);
    e->len = (size_t)(we - w);
    e->chars = utf8_chars_n(w, e->len);
    e->word = text_dup_cps(w, e->len, e->chars, &e->cps);
    e->cps_in_word = 1;
    if (f < fe) {
        /* fields: one space between them */
        e->field = malloc((size_t)(fe - f) + 1);
        size_t n = 0;
        for (const char *c = f; e->field && c < fe; c++)
            if (!is_space(*c) || (n && e->field[n - 1] != ' '))
                e->field[n++] = is_space(*c) ? ' ' : *c;
        if (e->field)
            e->field[n] = '\0';
    }
    if (eq) {
        const char *v = eq + 1, *ve = b;
        trim(&v, &ve);
        if (v == ve) {
            free(e->word);
            free(e->field);
            e->word = e->field = NULL;
            e->cps = NULL;
            return fail(p, "nothing after \"=\"", NULL);
        }
        e->value = dup_n(v, (size_t)(ve - v));
    }
    if (!e->word || (f < fe && !e->field) || (eq && !e->value)) {
        entry_free(e);
        return LG_ERR_NOMEM;
    }
    return LG_OK;
}

/* The filter bit of a word (of 256): its length and last two bytes. */
static unsigned word_bit(const char *s, size_t len)
{
    unsigned last = len ? (unsigned char)s[len - 1] : 0, before = len > 1 ? (unsigned char)s[len - 2] : 0;
    return ((last << 8 | before) * 2654435761u ^ (unsigned)len * 40503u) >> 24;
}

static void held_add(parse *p, const char *s, size_t len)
{
    unsigned b = word_bit(s, len);
    p->held[p->section][b >> 6] |= 1ull << (b & 63);
}

/* May list l (the section's) hold the word s[0, len)?  0 when surely not. */
static int may_hold(parse *p, const lx_list_t *l, const char *s, size_t len)
{
    if (!p->held_known[p->section]) {
        for (size_t i = 0; i < l->n; i++)
            held_add(p, l->e[i].word, l->e[i].len);
        p->held_known[p->section] = 1;
    }
    unsigned b = word_bit(s, len);
    return p->held[p->section][b >> 6] >> (b & 63) & 1;
}

static lg_status add_entry(parse *p, lx_list_t *l, lx_entry *e)
{
    if (SECTIONS[p->section].shape == SH_RULE) {
        /* rules add up, but the same rule twice (a dump fed back) is one */
        for (size_t i = 0; i < l->n; i++)
            if (same_word(&l->e[i], e->word, e->len) &&
                !strcmp(l->e[i].field, e->field)) {
                entry_free(e);
                return LG_OK;
            }
    }
    lx_entry *old = SECTIONS[p->section].shape == SH_RULE || !may_hold(p, l, e->word, e->len)
                        ? NULL : list_find(l, e->word, e->len);
    if (old) {
        /* the same word again: its fields change, its place does not */
        free(old->field);
        free(old->value);
        old->field = e->field;
        old->value = e->value;
        old->kind = e->kind;
        old->num = e->num;
        old->integer = e->integer;
        old->financial = e->financial;
        old->place = e->place;
        free(e->word);
        return LG_OK;
    }
    if (lx_list_push(l, e)) {
        entry_free(e);
        return LG_ERR_NOMEM;
    }
    if (p->held_known[p->section])
        held_add(p, l->e[l->n - 1].word, l->e[l->n - 1].len);
    return LG_OK;
}

static lg_status remove_entry(parse *p, lx_list_t *l, const lx_entry *e)
{
    lx_entry *old = list_find(l, e->word, e->len);
    if (!old)
        return fail(p, "\"%s\" is not in this section", e->word);
    do {  /* a rules section may hold the name more than once */
        entry_free(old);
        size_t k = (size_t)(old - l->e);
        memmove(old, old + 1, (l->n - k - 1) * sizeof *old);
        l->n--;
    } while (SECTIONS[p->section].shape == SH_RULE && (old = list_find(l, e->word, e->len)));
    return LG_OK;
}

static lg_status parse_section(parse *p, const char *a, const char *b)
{
    const char *close = memchr(a, ']', (size_t)(b - a));
    if (!close || close + 1 != b)
        return fail(p, "a section is \"[name]\" alone on its line", NULL);
    char name[64];
    size_t n = (size_t)(close - a - 1);
    if (n >= sizeof name)
        n = sizeof name - 1;
    memcpy(name, a + 1, n);
    name[n] = '\0';
    for (int s = 0; s < LX_SECTION_COUNT; s++)
        if (SECTIONS[s].name[0] == name[0] && !strcmp(SECTIONS[s].name, name)) {
            p->section = s;
            return LG_OK;
        }
    return fail(p, "unknown section [%s]", name);
}

static lg_status parse_line(lg_lexicon *lx, parse *p, const char *a, const char *b)
{
    trim(&a, &b);
    if (a == b || *a == '#')
        return LG_OK;
    if (!utf8_valid_n(a, (size_t)(b - a)))
        return fail(p, "not UTF-8", NULL);
    if (*a == '[')
        return parse_section(p, a, b);
    if (p->section < 0)
        return fail(p, "an entry before any [section]", NULL);
    int remove = *a == '-';
    if (*a == '+' || *a == '-')
        a++;
    lx_entry e;
    lg_status st = entry_parse(p, a, b, &e);
    if (st != LG_OK)
        return st;
    lx_list_t *l = &lx->list[p->section];
    if (remove) {
        st = remove_entry(p, l, &e);
        entry_free(&e);
        return st;
    }
    st = entry_check(p, &e);
    if (st != LG_OK) {
        entry_free(&e);
        return st;
    }
    return add_entry(p, l, &e);
}

static lg_status parse_text(lg_lexicon *lx, const char *name, const char *text, size_t n,
                            lg_rules_error *err, int trusted)
{
    parse p = {.name = name, .line = 0, .section = -1, .err = err, .trusted = trusted};
    size_t at = 0;
    if (n >= 3 && !memcmp(text, "\xEF\xBB\xBF", 3))
        at = 3; /* a byte order mark, as Windows editors write */
    while (at < n) {
        const char *nl = memchr(text + at, '\n', n - at);
        size_t end = nl ? (size_t)(nl - text) : n;
        p.line++;
        if (memchr(text + at, '\0', end - at))
            return fail(&p, "a NUL byte", NULL);
        lg_status st = parse_line(lx, &p, text + at, text + end);
        if (st != LG_OK)
            return st;
        at = end + 1;
    }
    return LG_OK;
}

/* ---- adding a users' rules, all or nothing -------------------------- */

static int entry_copy(const lx_entry *from, lx_entry *to)
{
    *to = *from;
    to->word = text_dup_cps(from->word, from->len, from->chars, &to->cps);
    to->cps_in_word = 1;
    to->field = from->field ? dup_n(from->field, strlen(from->field)) : NULL;
    to->value = from->value ? dup_n(from->value, strlen(from->value)) : NULL;
    if (!to->word || (from->field && !to->field) || (from->value && !to->value) || !to->cps) {
        entry_free(to);
        return -1;
    }
    return 0;
}

/* Free the entries of the sections lists[0..LX_SECTION_COUNT) (a saved
 * copy, or a lexicon's own lists, uncompiled first). */
static void sections_free(lx_list_t *lists)
{
    for (int l = 0; l < LX_SECTION_COUNT; l++) {
        for (size_t i = 0; i < lists[l].n; i++)
            entry_free(&lists[l].e[i]);
        free(lists[l].e);
        lists[l].e = NULL;
        lists[l].n = lists[l].cap = 0;
    }
}

/* A copy of every section's entries (saved[LX_SECTION_COUNT]); -1 on no
 * memory, nothing then held. */
static int sections_save(const lg_lexicon *lx, lx_list_t *saved)
{
    memset(saved, 0, LX_SECTION_COUNT * sizeof *saved);
    for (int l = 0; l < LX_SECTION_COUNT; l++)
        for (size_t i = 0; i < lx->list[l].n; i++) {
            lx_entry e;
            if (entry_copy(&lx->list[l].e[i], &e) != 0) {
                sections_free(saved);
                return -1;
            }
            if (lx_list_push(&saved[l], &e) != 0) {
                entry_free(&e);
                sections_free(saved);
                return -1;
            }
        }
    return 0;
}

/* Put the saved entries back (they move into lx) and build them again:
 * they built before, so the lexicon works as it did. */
static lg_status sections_restore(lg_lexicon *lx, lx_list_t *saved)
{
    lx_uncompile(lx);
    sections_free(lx->list);
    for (int l = 0; l < LX_SECTION_COUNT; l++) {
        lx->list[l].e = saved[l].e;
        lx->list[l].n = saved[l].n;
        lx->list[l].cap = saved[l].cap;
    }
    return lx_compile(lx);
}

/* The year pattern outgrew what PCRE2 compiles (thousands of relative
 * years): the user's rules are at fault, so say so as of their last line. */
static lg_status too_large(const char *name, const char *text, size_t n, lg_rules_error *err)
{
    parse p = {.name = name, .line = 1, .section = -1, .err = err};
    for (size_t i = 0; i + 1 < n; i++)
        p.line += text[i] == '\n';
    return fail(&p, "the year pattern made from these rules is too large to compile", NULL);
}

lg_status lx_add_text(lg_lexicon *lx, const char *name, const char *text, size_t n,
                      lg_rules_error *err)
{
    /* all or nothing: a file with a bad line, or one that does not build,
     * leaves the lexicon as it was, still usable */
    lx_list_t saved[LX_SECTION_COUNT];
    if (sections_save(lx, saved) != 0)
        return LG_ERR_NOMEM;
    lg_status st = parse_text(lx, name, text, n, err, 0);
    lg_status built = st == LG_OK ? lx_compile(lx) : LG_OK;
    if (st == LG_OK && built == LG_OK) {
        sections_free(saved);
        return LG_OK;
    }
    if (st == LG_OK)
        st = built == LG_ERR_REGEX ? too_large(name, text, n, err) : built;
    lg_status back = sections_restore(lx, saved);
    return back == LG_OK ? st : back;
}

void lx_free(lg_lexicon *lx)
{
    if (!lx)
        return;
    lx_uncompile(lx);
    sections_free(lx->list);
    free(lx);
}

/* The compiled-in rules into a new lexicon (uncompiled); trusted: their
 * indicator rules are not checked one by one. */
static lg_status parse_defaults(lg_lexicon **out, lg_rules_error *err, int trusted)
{
    *out = calloc(1, sizeof **out);
    if (!*out)
        return LG_ERR_NOMEM;
    for (const lg_rules_text *r = lg_default_rules; r->name; r++) {
        lg_status st = parse_text(*out, r->name, r->text, strlen(r->text), err, trusted);
        if (st != LG_OK) {
            lx_free(*out);
            *out = NULL;
            return st;
        }
    }
    return LG_OK;
}

/* The compiled-in indicator rules are checked (lg_indicator_check, a
 * parse of each) only when they do not build: the check of every rule at
 * every start parsed them twice, a tenth of the time of a small file.
 * The build refuses a bad rule too, without its line; parsed again with
 * the checks, the rules say where it is. */
lg_status lx_new(lg_lexicon **out, lg_rules_error *err)
{
    *out = NULL;
    lg_lexicon *lx;
    lg_status st = parse_defaults(&lx, err, 1);
    if (st != LG_OK)
        return st;
    st = lx_compile(lx);
    if (st == LG_OK) {
        *out = lx;
        return LG_OK;
    }
    lx_free(lx);
    lg_status checked = parse_defaults(&lx, err, 0);
    lx_free(lx); /* (NULL when the parse failed) */
    return checked != LG_OK ? checked : st;
}

/* ---- the shared defaults -------------------------------------------- */

static pthread_mutex_t defaults_lock = PTHREAD_MUTEX_INITIALIZER;
static lg_lexicon *defaults;

const lg_lexicon *lx_defaults(lg_status *status)
{
    pthread_mutex_lock(&defaults_lock);
    lg_status st = LG_OK;
    if (!defaults)
        st = lx_new(&defaults, NULL);
    const lg_lexicon *lx = defaults;
    pthread_mutex_unlock(&defaults_lock);
    if (status)
        *status = st == LG_ERR_ARG ? LG_ERR_REGEX : st; /* bad defaults are a bug */
    return lx;
}

void lx_release_defaults(void)
{
    pthread_mutex_lock(&defaults_lock);
    lx_free(defaults);
    defaults = NULL;
    pthread_mutex_unlock(&defaults_lock);
}

/* ---- dump ----------------------------------------------------------- */

int lx_dump(const lg_lexicon *lx, FILE *out)
{
    fprintf(out, "# The rules in effect (lawgov-extract --dump-rules).  Feed an edited\n"
                 "# copy back with --rules FILE: entries are added (a word already\n"
                 "# listed takes the new fields), \"-word\" removes one.\n");
    for (int s = 0; s < LX_SECTION_COUNT; s++) {
        const lx_list_t *l = &lx->list[s];
        fprintf(out, "\n[%s]\n", SECTIONS[s].name);
        for (size_t i = 0; i < l->n; i++) {
            const lx_entry *e = &l->e[i];
            fprintf(out, "%s", e->word);
            if (e->field)
                fprintf(out, " %s", e->field);
            if (e->value)
                fprintf(out, " = %s", e->value);
            fputc('\n', out);
        }
    }
    return ferror(out) ? -1 : 0;
}

/* ---- the public API ------------------------------------------------- */

lg_status lg_lexicon_new(lg_lexicon **out)
{
    if (!out)
        return LG_ERR_ARG;
    lg_status st = lx_new(out, NULL);
    return st == LG_ERR_ARG ? LG_ERR_REGEX : st; /* bad defaults are a bug */
}

lg_status lg_lexicon_add_string(lg_lexicon *lx, const char *name, const char *text,
                                lg_rules_error *err)
{
    if (!lx || !text)
        return LG_ERR_ARG;
    return lx_add_text(lx, name ? name : "-", text, strlen(text), err);
}

/* The whole of fp, or NULL (errno set; EFBIG when too big). */
static char *read_all(FILE *fp, size_t *n)
{
    size_t cap = 4096, len = 0;
    char *buf = malloc(cap);
    while (buf) {
        len += fread(buf + len, 1, cap - len, fp);
        if (ferror(fp)) {
            free(buf);
            return NULL;
        }
        if (len < cap)
            break;
        if (cap >= (size_t)LX_FILE_MAX_BYTES) {
            free(buf);
            errno = EFBIG;
            return NULL;
        }
        char *p = realloc(buf, 2 * cap);
        if (!p)
            free(buf);
        buf = p;
        cap *= 2;
    }
    *n = len;
    return buf;
}

lg_status lg_lexicon_add_file(lg_lexicon *lx, const char *path, lg_rules_error *err)
{
    if (!lx || !path)
        return LG_ERR_ARG;
    FILE *fp = fopen(path, "rb");
    size_t n = 0;
    char *text = fp ? read_all(fp, &n) : NULL;
    int saved = errno;
    if (fp)
        fclose(fp);
    if (!text) {
        if (err) {
            snprintf(err->file, sizeof err->file, "%s", path);
            err->line = 0;
            snprintf(err->reason, sizeof err->reason, "%s", strerror(saved));
        }
        errno = saved;
        return saved == ENOMEM ? LG_ERR_NOMEM : LG_ERR_IO;
    }
    lg_status st = lx_add_text(lx, path, text, n, err);
    free(text);
    return st;
}

lg_status lg_lexicon_dump(const lg_lexicon *lx, FILE *out)
{
    if (!out)
        return LG_ERR_ARG;
    lg_status st = LG_OK;
    if (!lx)
        lx = lx_defaults(&st);
    if (st != LG_OK)
        return st;
    return lx_dump(lx, out) ? LG_ERR_IO : LG_OK;
}

void lg_lexicon_free(lg_lexicon *lx)
{
    lx_free(lx);
}
