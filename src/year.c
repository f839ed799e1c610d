/* year.c - years and periods: the year mentions of a sentence and the
 * year (and period) each value is given.
 *
 * Owns: reading a year mention (2022年, 2021—2023年, 2021年以来, 十三五期间,
 * 去年), marking comparisons' bases and goals, pairing N years with N
 * values, and the years that govern clauses and paragraphs after them.
 * Reads: the sentence and its values; the lexicon's year pattern,
 * [compare-words] and [numerals]. */
#include <stdlib.h>

#include "extract_int.h"

int five_year_plan_start(const lg_extractor *ex, const char *s, size_t len)
{
    /* 十三五 -> 13 -> 2016; the plans run 5 years from 2001 + 5 (n - 10) */
    int n = 0, tens = 0;
    for (size_t i = 0; i < len;) {
        size_t at = i;
        uint32_t cp;
        i += utf8_decode_one(s + i, &cp);
        const lx_entry *e = lx_find(ex->lx, LX_NUMERALS, s + at, i - at);
        if (cp == 0x5341 /* 十 */) {
            tens = 1;
            continue;
        }
        if (e && e->num >= 1 && e->num <= 9 && i < len) /* the first digit; the last is always 五 */
            n += (int)e->num;
    }
    n += tens ? 10 : 0;
    return n >= 6 ? 2001 + 5 * (n - 10) : 0;
}

/* Can a year mention start at char i?  The first two characters of the
 * pattern's alternatives: 19, 20, 十[一-九五], [六七八九]五, 截至, 今年 去年
 * 前年 当年 本年, 上年 上半年, 下半年, 目前.  上, 下, 本 are everywhere in
 * prose; this keeps the pattern from being tried at each of them. */
static int year_may_start(const lg_extractor *ex, size_t i)
{
    uint32_t next = ex->cp[i + 1]; /* cp[n] is 0 */
    switch (ex->cp[i]) {
    case '1': return next == '9';
    case '2': return next == '0';
    case 0x5341: return next == 0x4E94 || class_at(ex, i + 1, CL_NUMERAL); /* 十 */
    case 0x516D: case 0x4E03: case 0x516B: case 0x4E5D: return next == 0x4E94; /* 六七八九 -> 五 */
    case 0x622A: return next == 0x81F3;                     /* 截至 */
    case 0x4E0A: return next == 0x5E74 || next == 0x534A;  /* 上年, 上半年 */
    case 0x4E0B: return next == 0x534A;                     /* 下半年 */
    case 0x76EE: return next == 0x524D;                     /* 目前 */
    default: return next == 0x5E74;                         /* 今年 去年 前年 当年 本年 */
    }
}

/* 2022年度, 2022年上半年, 2021年以来 */
static void read_explicit_year(const lg_extractor *ex, size_t from, year_mention *m)
{
    const char *base = ex->s.data;
    m->year = atoi(base + from);
    size_t ql = group(ex, G_Q, &from);
    const char *q = base + from;
    if (ql && (is_word(q, ql, "以来") || is_word(q, ql, "来"))) {
        m->period_mode = PERIOD_SINCE;
        m->period_a = m->year;
        m->year = 0; /* the report's year */
    } else if (ql && (is_word(q, ql, "上半年") || is_word(q, ql, "下半年"))) {
        m->period_mode = PERIOD_HALF;
        m->period_a = m->year;
        m->period_b = is_word(q, ql, "上半年") ? 1 : 2;
    }
}

/* 十三五期间, “十四五”以来: returns 0 when no plan is named. */
static int read_plan(const lg_extractor *ex, size_t from, size_t len, year_mention *m)
{
    int start = five_year_plan_start(ex, ex->s.data + from, len);
    if (!start)
        return 0;
    size_t ql = group(ex, G_FQ, &from);
    const char *q = ex->s.data + from;
    if (is_word(q, ql, "以来")) {
        m->period_mode = PERIOD_SINCE;
        m->period_a = start;
    } else if (is_word(q, ql, "初")) {
        m->year = start;
    } else if (is_word(q, ql, "末")) {
        m->year = start + 4;
    } else {
        m->year = start + 4;
        m->period_mode = PERIOD_SPAN;
        m->period_a = start;
        m->period_b = start + 4;
    }
    return 1;
}

/* 今年, 去年, 上半年: relative to the report's year */
static void read_relative(const char *r, size_t len, year_mention *m)
{
    if (is_word(r, len, "去年") || is_word(r, len, "上年")) m->delta = -1;
    else if (is_word(r, len, "前年")) m->delta = -2;
    else if (is_word(r, len, "上半年")) { m->period_mode = PERIOD_HALF; m->period_b = 1; }
    else if (is_word(r, len, "下半年")) { m->period_mode = PERIOD_HALF; m->period_b = 2; }
    m->from_now = m->delta || is_word(r, len, "今年") || is_word(r, len, "本年");
}

/* The mention just matched; 0 when it names no year after all. */
static int read_mention(const lg_extractor *ex, year_mention *m)
{
    size_t from, len;
    if ((len = group(ex, G_RB, &from))) {
        /* 2021—2023年: the span, ending in its last year */
        m->year = atoi(ex->s.data + from);
        group(ex, G_RA, &from);
        int a = atoi(ex->s.data + from);
        if (a < m->year) {
            m->period_mode = PERIOD_SPAN;
            m->period_a = a;
            m->period_b = m->year;
        }
    } else if ((len = group(ex, G_Y, &from))) {
        read_explicit_year(ex, from, m);
    } else if ((len = group(ex, G_FYP, &from))) {
        if (!read_plan(ex, from, len, m))
            return 0;
    } else if ((len = group(ex, G_REL, &from))) {
        read_relative(ex->s.data + from, len, m);
    }
    m->comparison = ends_any(ex, m->start, LX_COMPARE_WORDS) != 0;
    m->target = (ends(ex, m->start, "到") || ends(ex, m->start, "至")) &&
                !ends(ex, m->start, "截至");
    m->pair = starts(ex, m->end, "的") && m->year != 0;
    return 1;
}

size_t find_years(lg_extractor *ex, year_mention *out, size_t cap)
{
    size_t count = 0;
    /* the pattern is anchored: trying it where a mention can start finds
     * what an unanchored search would, without the search running at
     * every character */
    for (size_t at = 0; count < cap && at < ex->n;) {
        if (!class_at(ex, at, CL_YEAR) || !year_may_start(ex, at) ||
            match_year_at(ex, ex->cb[at]) < 0) {
            at++;
            continue;
        }
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(ex->md);
        year_mention m;
        memset(&m, 0, sizeof m);
        m.start = at;
        m.end = char_at_byte(ex, at, ov[1]);
        at = m.end > at ? m.end : at + 1;
        if (read_mention(ex, &m))
            out[count++] = m;
    }
    return count;
}

/* The last year mention before values[k] that may govern it. */
static const year_mention *year_before(const found *f, size_t k)
{
    const value *v = &f->values[k];
    const year_mention *best = NULL;
    for (size_t i = 0; i < f->nym; i++) {
        const year_mention *m = &f->ym[i];
        if (m->end > v->start || m->comparison)
            continue;
        if (m->pair) {
            /* 从2020年的35人增加到145人: 2020 is the first value's only */
            int first = 1;
            for (size_t p = 0; p < k; p++)
                if (f->values[p].start >= m->end)
                    first = 0;
            if (!first)
                continue;
        }
        best = m;
    }
    return best;
}

void resolve_year(const lg_extractor *ex, const found *f, size_t k, rec *r)
{
    const year_mention *ym = f->ym, *best = year_before(f, k);
    /* 2022年、2023年分别办理300件、400件, or a table flattened one cell
     * per line (指标 2022年 2023年 案件 2900件 3265件): a run of N years
     * and a later run of N values pair up in order */
    if (best && best->year) {
        size_t last = (size_t)(best - ym), first = last, pos;
        while (first > 0 && ym[first - 1].year && only_separators(ex, ym[first - 1].end, ym[first].start))
            first--;
        size_t years = last - first + 1;
        if (years >= 2 && value_run(ex, f, k, best->end, &pos) == years)
            best = &ym[first + pos];
    }
    r->year_mode = YEAR_REPORT;
    r->year = 0;
    r->period_mode = PERIOD_NONE;
    if (!best && ex->have_clause_year)
        best = &ex->clause_year;
    if (!best && ex->have_para_year)
        best = &ex->para_year;
    if (!best)
        return;
    if (best->year) {
        r->year_mode = YEAR_EXPLICIT;
        r->year = best->year;
    } else {
        r->year = best->delta;
        r->from_now = best->from_now;
    }
    r->period_mode = best->period_mode;
    r->period_a = best->period_a;
    r->period_b = best->period_b;
}

/* 北京市去年主动接受…，报告专项工作23项；向市政协通报工作12项: a year
 * named in the first clause, before any value, governs the sentence, and
 * the clauses after its semicolons, which come as sentences of their own.
 * 2021年，…。…。: one opening a paragraph governs the paragraph. */
void governing_year(lg_extractor *ex, const found *f)
{
    const year_mention *ym = f->ym;
    size_t first_value = f->nv ? f->values[0].start : ex->n;
    size_t first_clause_end = f->nym ? clause_end(ex, 0) : 0;
    for (size_t i = 0; i < f->nym; i++) {
        const year_mention *m = &ym[i];
        if (m->start >= first_clause_end || m->end > first_value)
            break;
        if (m->comparison || m->target || m->pair)
            continue;
        ex->clause_year = *m;
        ex->have_clause_year = 1;
        return;
    }
}
