/* value.c - candidate values: where a numeral starts, the value pattern
 * matched there, its number, magnitude, unit, qualifier and kind.
 *
 * Owns: finding the values of a sentence (the pattern runs only where a
 * numeral starts), a unit's kind, qualifiers, and telling a change from a
 * level.  What only looks like a value is reject.c's to say.
 * Reads: the sentence (sentence.c); the lexicon's value pattern, [units],
 * [qualifiers-before], [qualifiers-after], [change-words], [level-words]. */
#include <stdlib.h>

#include "extract_int.h"

const char KIND_COUNT[] = "count", KIND_MONEY[] = "money", KIND_PERCENT[] = "percent",
           KIND_CHANGE[] = "change", KIND_MULTIPLE[] = "multiple",
           KIND_DURATION[] = "duration", KIND_MEASURE[] = "measure", KIND_RANK[] = "rank";

_Static_assert(sizeof ((value *)0)->dec == sizeof ((rec *)0)->value_str &&
               sizeof ((value *)0)->unit == sizeof ((rec *)0)->unit,
               "a record copies its value's strings whole");

/* The record's qualifier strings, by enum lx_meaning. */
static const char *const MEANINGS[] = {"over", "approx", "nearly", "under"};

const char *unit_kind(const lg_extractor *ex, const char *unit)
{
    static const char *const kinds[] = {
        [LX_KIND_COUNT] = KIND_COUNT, [LX_KIND_MONEY] = KIND_MONEY,
        [LX_KIND_PERCENT] = KIND_PERCENT, [LX_KIND_CHANGE] = KIND_CHANGE,
        [LX_KIND_MULTIPLE] = KIND_MULTIPLE, [LX_KIND_DURATION] = KIND_DURATION,
        [LX_KIND_MEASURE] = KIND_MEASURE, [LX_KIND_RANK] = KIND_RANK,
        [LX_KIND_REJECT] = KIND_COUNT};
    const lx_entry *e = lx_find(ex->lx, LX_UNITS, unit, strlen(unit));
    return e ? kinds[e->kind] : KIND_COUNT;
}

/* 超过300件, 约5%, 不超过5天: the longest qualifier word before the
 * numeral says (超过 ends 不超过, which is under). */
static const char *qualifier_before(const lg_extractor *ex, size_t i)
{
    const lx_entry *e = ends_entry(ex, i, LX_QUAL_WORDS);
    return e ? MEANINGS[e->kind] : NULL;
}

/* Change words: a percentage after them is a change, unless a level word
 * makes it the new level (下降至16.94%). */
int is_change(const lg_extractor *ex, const value *v)
{
    size_t cs = clause_start(ex, v->num_start);
    if (UNIT_IS(v->unit, "百分点"))
        return 1;
    int pct = UNIT_IS(v->unit, "%");
    /* look back over at most 8 chars of the clause */
    for (size_t i = v->num_start; i > cs && v->num_start - i < 8; i--) {
        if (ends_any(ex, i, LX_LEVEL_WORDS))
            return 0; /* 提高到2023年的97.5%: the new level */
        if (ends_any(ex, i, LX_CHANGE_WORDS)) {
            if (pct)
                return 1;
            /* a count is a change only against a base: 比上年增加20件 */
            for (size_t k = cs; k < i; k++)
                if (ex->cp[k] == 0x6BD4 /* 比 */ || ex->cp[k] == 0x8F83 /* 较 */ ||
                    (ex->cp[k] == 0x540C /* 同比 */ && ex->cp[k + 1] == 0x6BD4))
                    return 1;
            return 0;
        }
    }
    return 0;
}

/* The numeral of the match into v->dec; *next is where it ends. */
static int read_number(lg_extractor *ex, size_t i, value *v, size_t *next)
{
    size_t from = 0, len;
    int pct = 0;
    if ((len = group(ex, G_ANUM, &from))) {
    } else if ((len = group(ex, G_PNUM, &from))) {
        pct = 1;
        v->chinese = 1;
    } else if ((len = group(ex, G_CNUM, &from))) {
        v->chinese = 1;
    } else {
        return -1;
    }
    const char *numtxt = ex->s.data + from;
    *next = char_at_byte(ex, i, from + len);
    if (v->chinese) {
        if (lg_chinese_to_decimal(numtxt, len, v->dec, sizeof v->dec) != 0)
            return -1;
        v->single_cjk = utf8_chars_n(numtxt, len) == 1;
    } else if (lg_arabic_to_decimal(numtxt, len, v->dec, sizeof v->dec) != 0) {
        return -1;
    }
    return pct;
}

/* Qualifiers after the numeral (3万余件, 300件以上) or before it. */
static void read_qualifier(lg_extractor *ex, size_t i, value *v)
{
    size_t from;
    if (group(ex, G_POST1, &from) || group(ex, G_POST2, &from))
        v->qualifier = MEANINGS[LX_OVER];
    size_t plen = group(ex, G_POST3, &from);
    if (plen) {
        const lx_entry *e = lx_find(ex->lx, LX_QUALIFIERS_AFTER, ex->s.data + from, plen);
        v->qualifier = MEANINGS[e ? e->kind : LX_OVER];
    }
    const char *q = qualifier_before(ex, i);
    if (q && !v->qualifier)
        v->qualifier = q;
}

/* Read the value whose numeral starts at char i.  Returns 1 and fills *v
 * when it is a value; *next is where scanning goes on. */
static int read_value(lg_extractor *ex, size_t i, value *v, size_t *next)
{
    *next = i + 1;
    if (match_value_at(ex, ex->cb[i]) < 0)
        return 0;
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(ex->md);
    memset(v, 0, sizeof *v);
    v->start = v->num_start = i;
    v->end = char_at_byte(ex, i, ov[1]);
    int pct = read_number(ex, i, v, next);
    if (pct < 0)
        return 0;

    candidate c = {0};
    size_t from = 0;
    c.ulen = group(ex, G_UNIT, &from);
    if (c.ulen >= sizeof v->unit)
        return 0;
    if (c.ulen)
        memcpy(v->unit, ex->s.data + from, c.ulen);
    v->unit[c.ulen] = '\0';
    size_t used;
    c.mlen = group(ex, G_MAG, &from);
    c.places = c.mlen ? lg_magnitude(ex->s.data + from, c.mlen, &used) : 0;
    if (pct)
        strcpy(v->unit, "%");
    c.before = i > 0 ? ex->cp[i - 1] : 0;
    c.after = cp_at(ex, v->end);
    int rank = 0;
    if (rejected(ex, v, &c, &rank))
        return 0;
    if (rank)
        return 1;
    if (c.places && lg_decimal_shift(v->dec, sizeof v->dec, c.places) != 0)
        return 0;

    read_qualifier(ex, i, v);
    const lx_entry *u = lx_find(ex->lx, LX_UNITS, v->unit, strlen(v->unit));
    if (u && u->value) /* 个百分点 is shown as 百分点 */
        snprintf(v->unit, sizeof v->unit, "%s", u->value);
    v->kind = unit_kind(ex, v->unit);
    if (v->kind == KIND_PERCENT || v->kind == KIND_COUNT) {
        if (is_change(ex, v))
            v->kind = KIND_CHANGE;
    }
    return 1;
}

/* Chinese numerals are everywhere in prose (进一步, 百姓, 千方百计): run the
 * value pattern only when the run is followed by something a value can
 * be followed by. */
static int cjk_numeral_may_count(const lg_extractor *ex, size_t i)
{
    if (i > 0 && ex->cp[i - 1] == 0x7B2C /* 第: a rank may end the clause */)
        return 1;
    size_t k = i;
    while (k < ex->n && (class_at(ex, k, CL_NUMERAL) || ex->cp[k] == 0x4E07 /* 万 */ ||
                         ex->cp[k] == 0x4EBF /* 亿 */ || ex->cp[k] == 0x70B9 /* 点 */))
        k++;
    if (ex->cp[i] == 0x767E /* 百分之 */ && k < ex->n && ex->cp[k] == 0x5206)
        return 1;
    return class_at(ex, k, CL_FOLLOWER); /* 0 past the end */
}

static int push_value(found *f, size_t *cap, value *stack, const value *v)
{
    if (f->nv == *cap) {
        value *p = malloc(2 * *cap * sizeof *p);
        if (!p)
            return -1;
        memcpy(p, f->values, f->nv * sizeof *p);
        if (f->values != stack)
            free(f->values);
        f->values = p;
        *cap *= 2;
    }
    f->values[f->nv++] = *v;
    return 0;
}

int find_values(lg_extractor *ex, found *f, value *stack, size_t stack_cap)
{
    size_t cap = stack_cap;
    f->values = stack;
    f->nv = 0;
    for (size_t i = 0; i < ex->n;) {
        /* most characters are no numeral: pass them in a tight loop */
        while (i < ex->n && !is_digit_cp(ex->cp[i]) && !class_at(ex, i, CL_NUMERAL))
            i++;
        if (i == ex->n)
            break;
        uint32_t cp = ex->cp[i];
        int digit_start = is_digit_cp(cp) && !(i > 0 && (is_digit_cp(ex->cp[i - 1]) || ex->cp[i - 1] == '.'));
        int cjk_start = class_at(ex, i, CL_NUMERAL) && !(i > 0 && class_at(ex, i - 1, CL_NUMERAL)) &&
                        cjk_numeral_may_count(ex, i);
        if (!digit_start && !cjk_start) {
            i++;
            continue;
        }
        value v;
        size_t next;
        if (read_value(ex, i, &v, &next)) {
            if (push_value(f, &cap, stack, &v))
                return -1;
            next = v.end;
        }
        i = next > i ? next : i + 1;
        /* skip the rest of a numeral run that did not make a value */
        while (i < ex->n && i > 0 && (is_digit_cp(ex->cp[i]) || ex->cp[i] == '.' || ex->cp[i] == ',') &&
               is_digit_cp(ex->cp[i - 1]))
            i++;
    }
    return 0;
}
