/* year.c - years and periods: the year mentions of a sentence and the
 * year (and period) each value is given.
 *
 * Owns: reading a year mention (2022年, 2021—2023年, 2021年以来, 十三五期间,
 * 去年, a year without 年 opening a clause), marking comparisons' bases,
 * goals, plan periods still ahead and years inside 《titles》 or brackets,
 * pairing N years with N values, a base's own figure (较2022年558件), and
 * the years that govern clauses, paragraphs and sections after them.
 * Reads: the sentence and its values; the lexicon's year pattern,
 * [compare-words], [numerals], [plan-coming-words], [plan-coming-roles]. */
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
        if (e && e->num == 10) { /* 十 */
            tens = 1;
            continue;
        }
        if (e && e->num >= 1 && e->num <= 9 && i < len) /* the first digit; the last is always 五 */
            n += (int)e->num;
    }
    n += tens ? 10 : 0;
    return n >= 6 ? 2001 + 5 * (n - 10) : 0;
}

/* Can a year mention start at char i (a CL_YEAR character)?  19, 20, a
 * plan's number (十三五, 九五: two numerals), or a [relative-years] word.
 * 上, 下, 本 are everywhere in prose; this keeps the pattern from being
 * tried at each of them. */
static int year_may_start(const lg_extractor *ex, size_t i)
{
    uint32_t cp = ex->cp[i], next = ex->cp[i + 1]; /* cp[n] is 0 */
    if (cp == '1')
        return next == '9';
    if (cp == '2')
        return next == '0';
    if (has_class(ex, cp, CL_NUMERAL) && has_class(ex, next, CL_NUMERAL))
        return 1;
    return starts_any(ex, i, LX_RELATIVE_YEARS) != 0;
}

/* 2022年度, 2022年上半年, 2021年以来 (the year already in m->year, its
 * words after in group qg) */
static void read_explicit_year(const lg_extractor *ex, int qg, year_mention *m)
{
    const char *base = ex->s.data;
    size_t from;
    size_t ql = group(ex, qg, &from);
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
    m->plan = 1;
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

/* 今年, 去年, 上半年: relative to the report's year, as [relative-years]
 * says */
static void read_relative(const lg_extractor *ex, const char *r, size_t len, year_mention *m)
{
    const lx_entry *e = lx_find(ex->lx, LX_RELATIVE_YEARS, r, len);
    if (!e)
        return;
    if (e->kind == LX_REL_NOW) {
        m->delta = (int)e->num;
        m->from_now = 1;
    } else if (e->kind == LX_REL_HALF) {
        m->period_mode = PERIOD_HALF;
        m->period_b = (int)e->num;
    } else if (e->kind == LX_REL_SAME) {
        m->same_as_before = 1;
    }
}

/* 2021年…，当年…: the year the sentence named last before the mention (not
 * a base of comparison or a goal), or 0 for the report's. */
static int year_named_before(const year_mention *before, size_t n)
{
    for (size_t i = n; i-- > 0;)
        if (before[i].year && !before[i].comparison && !before[i].target && !before[i].period_mode)
            return before[i].year;
    return 0;
}

/* (2023年为867件)，同比增长283.6%: a year inside brackets governs only
 * them.  Returns the char of the bracket that closes around m (0 when m
 * stands in none; brackets are short, so the walk back is bounded). */
#define BRACKET_MAX_CHARS 60
static size_t bracket_close_after(const lg_extractor *ex, const year_mention *m)
{
    int depth = 0;
    size_t k = m->start;
    for (; k > 0 && m->start - k < BRACKET_MAX_CHARS; k--) {
        uint32_t cp = ex->cp[k - 1];
        if (cp == ')' || cp == 0xFF09 /* ） */)
            depth++;
        else if ((cp == '(' || cp == 0xFF08) && depth-- == 0)
            break;
    }
    if (k == 0 || m->start - k >= BRACKET_MAX_CHARS)
        return 0;
    depth = 0;
    for (size_t i = m->end; i < ex->n && i - m->end < BRACKET_MAX_CHARS; i++) {
        uint32_t cp = ex->cp[i];
        if (cp == '(' || cp == 0xFF08)
            depth++;
        else if ((cp == ')' || cp == 0xFF09) && depth-- == 0)
            return i;
    }
    return 0;
}

/* 在上一年度已上升20.1%的基础上又上升44.7%: a year inside 在…的基础上
 * governs only the span.  Returns the char where [basis-closes] starts
 * after m in its clause, when 在 opens the clause's words before m; else 0. */
static size_t basis_close_after(const lg_extractor *ex, const year_mention *m)
{
    size_t cs = clause_start(ex, m->start), i, k;
    for (i = cs; i < m->start && ex->cp[i] != 0x5728 /* 在 */; i++)
        ;
    if (i == m->start)
        return 0;
    size_t ce = clause_end(ex, m->end);
    for (i = m->end; i < ce; i++)
        if ((k = starts_any(ex, i, LX_BASIS_CLOSES)) && i + k <= ce)
            return i;
    return 0;
}

/* “十四五”时期将…, “十二五”时期，是…的关键时期: a plan period introduced
 * as coming, a plan and never the year the figures are for.  Read after
 * the mention, past quotes, a bracketed span (2021—2025年) and a comma:
 * a [plan-coming-words] word, or 是 and later in the sentence a
 * [plan-coming-roles] word. */
static int plan_is_coming(const lg_extractor *ex, const year_mention *m)
{
    size_t i = m->end;
    int depth = 0;
    for (; i < ex->n; i++) {
        uint32_t cp = ex->cp[i];
        if (cp == '(' || cp == 0xFF08)
            depth++;
        else if ((cp == ')' || cp == 0xFF09) && depth > 0)
            depth--;
        else if (!depth && !class_at(ex, i, CL_QUOTE) && cp != 0xFF0C && cp != ',')
            break;
    }
    if (starts_any(ex, i, LX_PLAN_COMING_WORDS))
        return 1;
    if (!starts(ex, i, "是"))
        return 0;
    for (size_t k = i + 1; k < ex->n && ex->cp[k] != 0x3002; k++)
        if (starts_any(ex, k, LX_PLAN_COMING_ROLES))
            return 1;
    return 0;
}

/* “十四五”末达到32%的目标: a plan's year whose clause goes on to a goal
 * ([role-target-after]) is the goal's, not the figures'. */
static int names_goal(const lg_extractor *ex, const year_mention *m)
{
    for (size_t i = m->end; i < ex->n && !class_at(ex, i, CL_BREAK); i++)
        if (starts_any(ex, i, LX_ROLE_TARGET_AFTER))
            return 1;
    return 0;
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
        m->year = atoi(ex->s.data + from);
        read_explicit_year(ex, G_Q, m);
    } else if ((len = group(ex, G_CY, &from))) {
        /* 二〇二三年: its four digits */
        uint32_t cp;
        const char *s = ex->s.data + from;
        for (int i = 0, d; i < 4; i++, m->year = m->year * 10 + (d < 0 ? 0 : d))
            s += utf8_decode_one(s, &cp), d = lg_numerals_digit(&ex->lx->numerals, cp);
        if (m->year < 1949 || m->year > 2100)
            return 0;
        read_explicit_year(ex, G_CQ, m);
    } else if ((len = group(ex, G_FYP, &from))) {
        if (!read_plan(ex, from, len, m))
            return 0;
    } else if ((len = group(ex, G_REL, &from))) {
        read_relative(ex, ex->s.data + from, len, m);
        if (m->from_now && m->delta < 0 && !m->period_mode && starts(ex, m->end, "以来")) {
            m->period_mode = PERIOD_SINCE_BACK; /* 去年以来: up to the year of writing */
            m->period_b = -m->delta;
            m->delta = 0;
        }
    }
    m->comparison = ends_any(ex, m->start, LX_COMPARE_WORDS) != 0;
    m->pair = starts(ex, m->end, "的") && m->year != 0;
    /* 到2025年: a goal; 提高到2023年的30.5%: the level reached */
    m->target = (ends(ex, m->start, "到") || ends(ex, m->start, "至")) &&
                !ends(ex, m->start, "截至") && !m->pair;
    m->in_title = inside_title(ex, m->start);
    m->bracket_close = bracket_close_after(ex, m);
    if (!m->bracket_close)
        m->bracket_close = basis_close_after(ex, m);
    if (m->plan && (plan_is_coming(ex, m) || names_goal(ex, m)))
        m->target = 1;
    return 1;
}

/* 2023总共需办理…: a year written without 年 where a clause starts, before
 * a word no unit or magnitude starts.  Returns its end, or i when none. */
static size_t bare_year_at(const lg_extractor *ex, size_t i)
{
    if (i + 4 >= ex->n || (i > 0 && !class_at(ex, i - 1, CL_BREAK) && !class_at(ex, i - 1, CL_QUOTE)))
        return i;
    for (size_t k = i; k < i + 4; k++)
        if (!is_digit_cp(ex->cp[k]))
            return i;
    uint32_t next = ex->cp[i + 4];
    if (!is_cjk(next) || class_at(ex, i + 4, CL_FOLLOWER))
        return i;
    return i + 4;
}

size_t find_years(lg_extractor *ex, year_mention *out, size_t cap)
{
    size_t count = 0;
    /* the pattern is anchored: trying it where a mention can start finds
     * what an unanchored search would, without the search running at
     * every character */
    for (size_t at = 0; count < cap && at < ex->n;) {
        if (!class_at(ex, at, CL_YEAR) || !year_may_start(ex, at)) {
            at++;
            continue;
        }
        year_mention m;
        memset(&m, 0, sizeof m);
        m.start = at;
        if (match_year_at(ex, ex->cb[at]) < 0) {
            size_t end = bare_year_at(ex, at);
            if (end == at) {
                at++;
                continue;
            }
            m.end = at = end;
            m.year = atoi(ex->s.data + ex->cb[m.start]);
            m.bare = 1;
            out[count++] = m;
            continue;
        }
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(ex->md);
        m.end = char_at_byte(ex, at, ov[1]);
        at = m.end > at ? m.end : at + 1;
        if (!read_mention(ex, &m))
            continue;
        if (m.same_as_before)
            m.year = year_named_before(out, count);
        out[count++] = m;
    }
    return count;
}

/* 从2020年的21.8%、8.4%上升至…: a year with 的 governs the run of values
 * right after it that only separators divide, and no value after that. */
#define PAIR_RUN_MAX 16 /* values one 的 governs at most: a list, not a flood */
static int pair_governs(const lg_extractor *ex, const found *f, const year_mention *m, size_t k)
{
    for (size_t p = k, steps = 0; p > 0 && f->values[p - 1].start >= m->end; p--, steps++)
        if (steps == PAIR_RUN_MAX || !only_separators(ex, f->values[p - 1].end, f->values[p].start))
            return 0;
    return 1;
}

/* 较2022年558件, 比去年同期的310件: the comparison's base with its own
 * figure right after it: that figure is the earlier year's. */
static int base_figure(const lg_extractor *ex, const year_mention *m, const value *v)
{
    /* 是上年的3倍: a multiple of the base, not the base */
    if (v->kind == KIND_CHANGE || v->kind == KIND_MULTIPLE || v->kind == KIND_RANK)
        return 0;
    size_t i = m->end;
    if (starts(ex, i, "同期"))
        i += 2;
    if (starts(ex, i, "的"))
        i++;
    i += starts_any(ex, i, LX_QUAL_WORDS);
    return i == v->start;
}

/* The last year mention before values[k] that may govern it. */
static const year_mention *year_before(const lg_extractor *ex, const found *f, size_t k)
{
    const value *v = &f->values[k];
    const year_mention *best = NULL;
    for (size_t i = 0; i < f->nym; i++) {
        const year_mention *m = &f->ym[i];
        /* a year inside a 《title》 names the document (《…纲要(2023-2027年)》) */
        if (m->end > v->start || m->in_title)
            continue;
        if (m->comparison) {
            if (base_figure(ex, m, v))
                best = m;
            continue;
        }
        if (m->pair && !pair_governs(ex, f, m, k))
            continue;
        if (m->bracket_close && m->bracket_close < v->start)
            continue;
        best = m;
    }
    return best;
}

void resolve_year(const lg_extractor *ex, const found *f, size_t k, rec *r)
{
    const year_mention *ym = f->ym, *best = year_before(ex, f, k);
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
    if (!best && ex->have_section_year)
        best = &ex->section_year;
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
/* Does the sentence open with a top-level heading's number (一、 十二、)?
 * Sub-headings ((一), 1.) stay inside their section. */
static size_t opens_heading(const lg_extractor *ex)
{
    size_t i = 0;
    while (i < ex->n && i < 3 && class_at(ex, i, CL_NUMERAL))
        i++;
    return i > 0 && i < ex->n && ex->cp[i] == 0x3001 /* 、 */ ? i + 1 : 0;
}

/* The heading's own year stands at its start (一、2021年工作总结,
 * 二、回顾2022年): further on, the heading may have run into the text
 * after it (五、案件审理情况全年…(含上年度结转)). */
#define HEADING_YEAR_WITHIN 4

/* A top-level heading sets its section's year (一、2021年工作总结), or
 * ends the one before (二、存在的问题). */
static void section_heading(lg_extractor *ex, const found *f)
{
    size_t text = opens_heading(ex);
    if (!text)
        return;
    ex->have_section_year = 0;
    for (size_t i = 0; i < f->nym && f->ym[i].start <= text + HEADING_YEAR_WITHIN; i++) {
        const year_mention *m = &f->ym[i];
        if (m->comparison || m->target || m->pair || m->in_title)
            continue;
        ex->section_year = *m;
        ex->have_section_year = 1;
        return;
    }
}

void governing_year(lg_extractor *ex, const found *f)
{
    section_heading(ex, f);
    const year_mention *ym = f->ym;
    size_t first_value = f->nv ? f->values[0].start : ex->n;
    size_t first_clause_end = f->nym ? clause_end(ex, 0) : 0;
    for (size_t i = 0; i < f->nym; i++) {
        const year_mention *m = &ym[i];
        if (m->start >= first_clause_end || m->end > first_value)
            break;
        if (m->comparison || m->target || m->pair || m->in_title)
            continue;
        ex->clause_year = *m;
        ex->have_clause_year = 1;
        return;
    }
}
