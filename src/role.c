/* role.c - a figure's role: actual, baseline or target (see role.h).
 *
 * A city × year table must not put a starting point or a plan in the cell
 * of what was reached.  Three readings, tried in this order:
 *   baseline  由/从 X … 到/至 Y (X, when Y is the next value), or a
 *             comparison base with its own figure: 比/较/与 + a time + 的 + X
 *             (the time gives X's year);
 *   target    a plan (a document titled …工作要点, …实施方案), a plan
 *             section (a heading with 下一步, 工作打算 …), a paragraph
 *             opening with 下一步, a cue before the value in its sentence
 *             (力争, 计划, 目标, 确保 …) with no achievement in between,
 *             a goal whose share reached follows it (完成年度目标任务
 *             35000人次的75%: 35000), or 到2025年 when that year is after
 *             the report's;
 *   actual    everything else.
 * The words are rules/roles.rules, read through the lexicon's role-*
 * lists; this file knows only their places. */
#include "role.h"

#include <stdlib.h>
#include <string.h>

#include "lexicon.h"
#include "text.h"

/* How far the readings look around a value, in characters. */
enum { FROM_REACH = 16, TO_REACH = 12, COMPARE_REACH = 12, HEADING_REACH = 20, TARGET_REACH = 80 };

/* ---- the words (the lexicon's role-* lists) ------------------------------- */

static inline const lx_list_t *list(const lg_lexicon *lx, int l)
{
    return &lx->list[l];
}

static inline int may_start(const lx_list_t *w, uint32_t cp)
{
    unsigned b = lx_bloom_bit(cp);
    return (w->first_bits[b >> 6] >> (b & 63)) & 1;
}

/* The length of the longest word of w at cp[i, n), or 0: only the words
 * that start with cp[i] are looked at.  The scans call it at every
 * position, and the Bloom bit fails nearly all of them: that test is
 * inline, the rest is not. */
static size_t words_of_group(const lx_group *g, const uint32_t *cp, size_t n, size_t i);

static inline size_t word_at(const lx_list_t *w, const uint32_t *cp, size_t n, size_t i)
{
    if (i >= n || !may_start(w, cp[i]))
        return 0;
    return words_of_group(lx_group_find(w->by_first, w->mask, cp[i]), cp, n, i);
}

static size_t words_of_group(const lx_group *g, const uint32_t *cp, size_t n, size_t i)
{
    size_t best = 0;
    for (uint32_t k = 0; g && k < g->n; k++) {
        const lx_entry *e = g->entries[k];
        size_t len = e->chars;
        if (len > best && i + len <= n && memcmp(cp + i, e->cps, len * sizeof *cp) == 0)
            best = len;
    }
    return best;
}

/* The length of the longest word of w ending right before cp[i], or 0. */
static size_t word_before(const lx_list_t *w, const uint32_t *cp, size_t i)
{
    size_t best = 0;
    const lx_group *g = i > 0 ? lx_last_group(w, cp[i - 1]) : NULL;
    for (uint32_t k = 0; g && k < g->n; k++) {
        const lx_entry *e = g->entries[k];
        size_t len = e->chars;
        if (len > best && len <= i && memcmp(cp + i - len, e->cps, len * sizeof *cp) == 0)
            best = len;
    }
    return best;
}

/* Whether cp[i] is inside an occurrence of a word of w. */
static int inside_word(const lx_list_t *w, const uint32_t *cp, size_t n, size_t i)
{
    for (size_t k = 0; k < w->n; k++) {
        const lx_entry *e = &w->e[k];
        size_t len = e->chars;
        for (size_t off = 0; off < len; off++)
            if (e->cps[off] == cp[i] && i >= off && i - off + len <= n &&
                memcmp(cp + i - off, e->cps, len * sizeof *cp) == 0)
                return 1;
    }
    return 0;
}

/* Whether some word of w occurs in cp[a, b). */
static int any_word_in(const lx_list_t *w, const uint32_t *cp, size_t a, size_t b)
{
    for (size_t i = a; i < b; i++)
        if (word_at(w, cp, b, i))
            return 1;
    return 0;
}

/* ---- small text tests ----------------------------------------------------- */

static int is_break(uint32_t cp)
{
    return cp == 0xFF0C || cp == ',' || cp == 0xFF1B || cp == ';' || cp == 0x3002 ||
           cp == 0xFF01 || cp == '!' || cp == 0xFF1F || cp == '?' || cp == 0xFF1A || cp == ':';
}

static int is_digit(uint32_t cp)
{
    return cp >= '0' && cp <= '9';
}

/* The year written as four digits + 年 at cp[i], or 0. */
static int year_at(const uint32_t *cp, size_t n, size_t i)
{
    if (i + 5 > n || (i > 0 && is_digit(cp[i - 1])) || cp[i + 4] != 0x5E74 /* 年 */)
        return 0;
    int y = 0;
    for (size_t k = 0; k < 4; k++) {
        if (!is_digit(cp[i + k]))
            return 0;
        y = y * 10 + (int)(cp[i + k] - '0');
    }
    return y >= 1949 && y <= 2100 ? y : 0;
}

/* ---- baseline ------------------------------------------------------------- */

/* 由1296项精简到405项, 从2020年的35人增加到145人: the value after 由/从
 * when a 到/至 leads to the next value. */
static int from_to(const lg_lexicon *lx, const lg_role_value *v)
{
    const uint32_t *cp = v->cp;
    if (v->next_start >= v->n || v->next_start - v->end > TO_REACH ||
        !any_word_in(list(lx, LX_ROLE_TO), cp, v->end, v->next_start))
        return 0;
    for (size_t i = v->end; i < v->next_start; i++)
        if (is_break(cp[i]))
            return 0;
    size_t low = v->start > FROM_REACH ? v->start - FROM_REACH : 0;
    if (low < v->prev_end)
        low = v->prev_end;
    for (size_t i = v->start; i-- > low;) {
        if (is_break(cp[i]))
            return 0;
        if (word_at(list(lx, LX_ROLE_FROM), cp, v->n, i) && !inside_word(list(lx, LX_ROLE_FROM_NOT), cp, v->n, i))
            return 1;
    }
    return 0;
}

/* 比2021年的310件, 较上年同期的1200件, 较2022年558件增加了555件: the base
 * of a comparison, with the year it names.  With 的 the time may be
 * followed by more words (比2021年全年的); without it the value must
 * follow the time at once. */
static int comparison_base(const lg_lexicon *lx, const lg_role_value *v, lg_role_reading *r)
{
    const uint32_t *cp = v->cp;
    size_t n = v->n, start = v->start, prev_end = v->prev_end;
    if (start == 0)
        return 0;
    int linked = cp[start - 1] == 0x7684 /* 的 */;
    size_t low = start > COMPARE_REACH ? start - COMPARE_REACH : 0;
    if (low < prev_end)
        low = prev_end;
    for (size_t i = start - (size_t)linked; i-- > low;) {
        if (is_break(cp[i]))
            return 0;
        size_t len = word_at(list(lx, LX_ROLE_COMPARE), cp, n, i);
        if (!len || inside_word(list(lx, LX_ROLE_COMPARE_NOT), cp, n, i))
            continue;
        size_t t = i + len;
        int y = year_at(cp, n, t);
        size_t last = y ? 0 : word_at(list(lx, LX_ROLE_LAST_YEAR), cp, n, t);
        if (!y && !last)
            continue;  /* 同 of 上年同期: the comparison word is further left */
        if (!linked && t + (y ? 5 : last) != start)
            return 0;  /* 比2022年增加50%: the value is the change */
        if (y) {
            r->year = y;
        } else {
            r->has_delta = 1;
            r->delta = -1;
        }
        return 1;
    }
    return 0;
}

/* ---- target --------------------------------------------------------------- */

static int has_break(const uint32_t *cp, size_t a, size_t b)
{
    for (size_t i = a; i < b; i++)
        if (is_break(cp[i]))
            return 1;
    return 0;
}

/* Whether cp[i] stands inside a 《title》 that closes before b. */
static int in_title(const uint32_t *cp, size_t i, size_t b)
{
    for (size_t k = i; k < b; k++) {
        if (cp[k] == 0x300A /* 《 */)
            return 0;
        if (cp[k] == 0x300B /* 》 */)
            return 1;
    }
    return 0;
}

/* The positions before start (and not before low) a reading looks at, from
 * the last: the marks of lg_role_scan when there are, else every one. */
typedef struct positions {
    const uint32_t *marks; /* NULL: every position */
    size_t count, next;    /* marks: how many, and the next to give + 1 */
    size_t i, low;         /* every position: the next to give + 1 */
} positions;

static positions positions_before(const uint32_t *marks, size_t count, size_t start, size_t low)
{
    positions p = {marks, count, count, start, low};
    if (marks)
        while (p.next > 0 && marks[p.next - 1] >= start)
            p.next--;
    return p;
}

/* The next position, or -1 when there is none. */
static long next_position(positions *p)
{
    if (p->marks) {
        if (p->next == 0 || p->marks[p->next - 1] < p->low)
            return -1;
        return (long)p->marks[--p->next];
    }
    if (p->i <= p->low)
        return -1;
    return (long)--p->i;
}

/* The marks of a scanned sentence, or NULL to scan. */
static const uint32_t *marks_of(const lg_role_state *st, int years, size_t *count)
{
    if (!st || !st->scanned || st->overflow)
        return NULL;
    *count = years ? st->years : st->cues;
    return years ? st->year_at : st->cue_at;
}

/* A plan cue before the value, in its sentence, not cancelled. */
static int target_cue(const lg_lexicon *lx, const lg_role_state *st, const uint32_t *cp, size_t n, size_t start)
{
    size_t low = start > TARGET_REACH ? start - TARGET_REACH : 0, count = 0;
    const uint32_t *marks = marks_of(st, 0, &count);
    positions pos = positions_before(marks, count, start, low);
    for (long at; (at = next_position(&pos)) >= 0;) {
        size_t i = (size_t)at;
        size_t len = word_at(list(lx, LX_ROLE_TARGET), cp, start, i);
        if (!len)
            continue;
        size_t after = i + len;
        if (word_before(list(lx, LX_ROLE_TARGET_NOT_BEFORE), cp, i) ||
            word_at(list(lx, LX_ROLE_TARGET_NOT_AFTER), cp, n, after) ||
            (after < n && is_break(cp[after])) ||  /* 以…为目标，…: the aim of the work */
            in_title(cp, after, start))            /* 《…计划》: a document's name */
            continue;
        /* 学习计划和…，举办培训19期: a plan named, not a figure planned */
        if (!word_at(list(lx, LX_ROLE_TARGET_LEAD), cp, n, i) && has_break(cp, after, start))
            return 0;
        return !any_word_in(list(lx, LX_ROLE_TARGET_NOT_BETWEEN), cp, after, start);
    }
    return 0;
}

/* 完成年度目标任务35000人次的75%: a count a goal verb and a goal word
 * ([goal-verbs], [goal-words]) stand before in its clause, followed by
 * 的 and the share of it reached, is the goal. */
static int goal_of_share(const lg_lexicon *lx, const lg_role_value *v)
{
    const uint32_t *cp = v->cp;
    if (v->end >= v->n || cp[v->end] != 0x7684 /* 的 */ || v->next_start != v->end + 1)
        return 0;
    size_t p = v->next_start;
    while (p < v->n && (is_digit(cp[p]) || cp[p] == '.'))
        p++;
    if (p == v->next_start || p >= v->n || (cp[p] != '%' && cp[p] != 0xFF05))
        return 0;
    size_t a = v->start;
    while (a > 0 && v->start - a < TARGET_REACH && !is_break(cp[a - 1]))
        a--;
    for (size_t i = a; i < v->start; i++) {
        size_t len = word_at(list(lx, LX_GOAL_VERBS), cp, v->start, i);
        if (len && any_word_in(list(lx, LX_GOAL_WORDS), cp, i + len, v->start))
            return 1;
    }
    return 0;
}

/* 到2025年…达到95%: the year, or 0. */
static int by_year(const lg_lexicon *lx, const lg_role_state *st, const uint32_t *cp, size_t n, size_t start)
{
    size_t low = start > TARGET_REACH ? start - TARGET_REACH : 0, count = 0;
    const uint32_t *marks = marks_of(st, 1, &count);
    positions pos = positions_before(marks, count, start, low);
    for (long at; (at = next_position(&pos)) >= 0;) {
        size_t i = (size_t)at;
        int y = year_at(cp, n, i);
        if (!y)
            continue;
        size_t len = word_before(list(lx, LX_ROLE_BY_YEAR), cp, i);
        if (!len || word_before(list(lx, LX_ROLE_BY_YEAR_NOT), cp, i) ||
            any_word_in(list(lx, LX_ROLE_TARGET_NOT_BETWEEN), cp, i + 5, start))
            return 0;
        /* 从2020年到2023年: a span, not a goal */
        if (i - len >= 5 && year_at(cp, n, i - len - 5) && word_before(list(lx, LX_ROLE_FROM), cp, i - len - 5))
            return 0;
        return y;
    }
    return 0;
}

void lg_role_scan(const lg_lexicon *lx, lg_role_state *st, const uint32_t *cp, size_t n)
{
    if (!lx || !st)
        return;
    st->scanned = 1;
    st->overflow = n > UINT32_MAX;
    st->cues = st->years = 0;
    const lx_list_t *targets = list(lx, LX_ROLE_TARGET);
    for (size_t i = 0; i < n && !st->overflow; i++) {
        /* most characters start no plan word and no year (19xx, 20xx) */
        if (!may_start(targets, cp[i]) && cp[i] != '1' && cp[i] != '2')
            continue;
        if (word_at(targets, cp, n, i)) {
            if (st->cues == LG_ROLE_MARKS)
                st->overflow = 1;
            else
                st->cue_at[st->cues++] = (uint32_t)i;
        }
        if ((cp[i] == '1' || cp[i] == '2') && year_at(cp, n, i)) {
            if (st->years == LG_ROLE_MARKS)
                st->overflow = 1;
            else
                st->year_at[st->years++] = (uint32_t)i;
        }
    }
}

lg_role_reading lg_role_read(const lg_lexicon *lx, const lg_role_state *st, const lg_role_value *v)
{
    lg_role_reading r;
    memset(&r, 0, sizeof r);
    if (!lx || v->start >= v->n)
        return r;
    if (from_to(lx, v) || comparison_base(lx, v, &r)) {
        r.role = LG_ROLE_BASELINE;
        return r;
    }
    if (st && (st->plan_level || st->plan_para || st->plan_doc)) {
        r.role = LG_ROLE_TARGET;
        r.plan_section = !st->plan_doc; /* (a plan's own years are its title's) */
        return r;
    }
    if (target_cue(lx, st, v->cp, v->n, v->start) ||
        word_at(list(lx, LX_ROLE_TARGET_AFTER), v->cp, v->n, v->end) || goal_of_share(lx, v)) {
        r.role = LG_ROLE_TARGET;
        return r;
    }
    r.by_year = by_year(lx, st, v->cp, v->n, v->start);
    if (r.by_year)
        r.role = LG_ROLE_TARGET;
    return r;
}

const char *lg_role_settle(const lg_role_reading *r, int year, int report_year)
{
    (void)year;
    switch (r->role) {
    case LG_ROLE_BASELINE: return "baseline";
    case LG_ROLE_TARGET:
        /* 到2023年底，全市共有律师1200人 in a report on 2023 is a count */
        if (r->by_year && report_year && r->by_year <= report_year)
            return "actual";
        return "target";
    case LG_ROLE_ACTUAL: break;
    }
    return "actual";
}

/* ---- plan sections -------------------------------------------------------- */

static int is_cjk_digit(uint32_t cp)
{
    static const uint32_t digits[] = {0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D,
                                      0x4E03, 0x516B, 0x4E5D, 0x5341}; /* 一 … 十 */
    for (size_t i = 0; i < sizeof digits / sizeof *digits; i++)
        if (cp == digits[i])
            return 1;
    return 0;
}

/* The level of a heading's number at the sentence start (一、 1; （一） 2;
 * 1. or 1、 3), with *after past it; 0 when there is none. */
static int heading_level(const uint32_t *cp, size_t n, size_t *after)
{
    size_t i = 0;
    while (i < n && (cp[i] == ' ' || cp[i] == 0x3000))
        i++;
    size_t d = i;
    if (i < n && (cp[i] == 0xFF08 || cp[i] == '(')) {
        for (d = i + 1; d < n && is_cjk_digit(cp[d]); d++) {}
        if (d > i + 1 && d < n && (cp[d] == 0xFF09 || cp[d] == ')')) {
            *after = d + 1;
            return 2;
        }
        return 0;
    }
    for (d = i; d < n && is_cjk_digit(cp[d]); d++) {}
    if (d > i && d < n && cp[d] == 0x3001 /* 、 */) {
        *after = d + 1;
        return 1;
    }
    for (d = i; d < n && is_digit(cp[d]); d++) {}
    if (d > i && d + 1 < n && (cp[d] == 0x3001 || cp[d] == '.' || cp[d] == 0xFF0E) && !is_digit(cp[d + 1])) {
        *after = d + 1;
        return 3;
    }
    return 0;
}

void lg_role_sentence(const lg_lexicon *lx, lg_role_state *st, const uint32_t *cp, size_t n,
                      int para_start)
{
    if (!lx || !st)
        return;
    if (para_start)
        st->plan_para = 0;
    if (!para_start || !n)
        return;
    size_t after = 0;
    int level = heading_level(cp, n, &after);
    size_t reach = after + HEADING_REACH < n ? after + HEADING_REACH : n;
    int plan = any_word_in(list(lx, LX_ROLE_PLAN_HEADING), cp, after, reach);
    if (level) {
        if (plan && (!st->plan_level || level < st->plan_level))
            st->plan_level = level;
        else if (!plan && st->plan_level && level <= st->plan_level)
            st->plan_level = 0;
        return;
    }
    /* 下一步，我们将…: this paragraph is a plan */
    while (after < n && (cp[after] == ' ' || cp[after] == 0x3000))
        after++;
    if (plan && word_at(list(lx, LX_ROLE_PLAN_HEADING), cp, n, after))
        st->plan_para = 1;
}
