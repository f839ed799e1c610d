/* metric_goal.c - the names of a goal and of how far it was reached.
 * 办理法律援助案件2791件，完成全年目标任务2500件的111.6%: 2500 is the
 * goal of the thing counted before in its unit (法律援助案件全年目标任务)
 * and 111.6% how much of it was done (法律援助案件全年目标完成率);
 * 分别完成全年工作进度121.3%和109.2% after two counts gives each count's
 * rate in turn; 全年200件目标任务 after a count is its goal too; shares
 * after 分别占 pair with the counts before as well (建议占比).
 * Owns: complete_goal, tried first by metric_context.c's complete().
 * Reads: the words before the value (nm_raw_left), the names of the values
 * before it, and the lexicon's [goal-verbs] and [goal-words]
 * (rules/names.rules). */
#include "metric_int.h"

#include <stdio.h>

/* The longest goal phrase: 年度目标任务, 全年工作进度. */
#define GOAL_MAX_BYTES 45

/* Does s[0..n) hold a word of [goal-words]? */
static int has_goal_word(const lg_extractor *ex, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i += nm_seq_len((unsigned char)s[i]))
        if (nm_str_prefix(ex, s + i, n - i, LX_GOAL_WORDS))
            return 1;
    return 0;
}

/* The goal the words before value k name after a goal verb (完成年度目标
 * 任务 -> 年度目标任务; 完成全年任务量的 -> 全年任务量), into out; 0 when
 * they name none. */
static int goal_before(const lg_extractor *ex, const found *f, size_t k, char *out, size_t cap)
{
    char raw[NAME_BYTES];
    nm_raw_left(ex, f, k, raw, sizeof raw);
    size_t n = strlen(raw), v = nm_str_prefix(ex, raw, n, LX_GOAL_VERBS);
    if (!v)
        return 0;
    size_t g = n - v;
    if (g >= 3 && !strcmp(raw + n - 3, "的"))
        g -= 3;
    if (g < 6 || g > GOAL_MAX_BYTES || g >= cap || !has_goal_word(ex, raw + v, g))
        return 0;
    memcpy(out, raw + v, g);
    out[g] = '\0';
    return 1;
}

/* Is value i a goal whose share reached follows it: 2500件的111.6%? */
static int goal_with_share(const lg_extractor *ex, const found *f, size_t i)
{
    const value *v = &f->values[i];
    return v->kind == KIND_COUNT && i + 1 < f->nv && f->values[i + 1].kind == KIND_PERCENT &&
           f->values[i + 1].start == v->end + 1 && ex->cp[v->end] == 0x7684 /* 的 */;
}

/* What the count or sum d counted, without the verbs it opens with and a
 * closing 数 (已完成案件数 -> 案件); "" when that leaves less than two characters. */
static void counted_thing(const lg_extractor *ex, const named *d, char *out, size_t cap)
{
    /* only the verbs it opens with: 县级法律援助受理大厅 keeps its 受理 */
    size_t sn = strlen(d->subject);
    const char *o = d->subject + nm_verbs_len(ex, d->subject, sn, 0);
    size_t n = strlen(o);
    if (n > 6 && !strcmp(o + n - 3, "数"))
        n -= 3;
    if (n < 6 || n >= cap)
        n = 0;
    memcpy(out, o, n);
    out[n] = '\0';
}

/* The count before value k the goal is of: the nearest in k's unit that
 * is no goal itself; -1 when none. */
static long goal_subject(const name_ctx *c)
{
    const char *unit = c->f->values[c->k].unit;
    for (size_t i = c->k; i-- > 0;)
        if (c->done[i].kind == KIND_COUNT && !strcmp(c->done[i].unit, unit) &&
            !goal_with_share(c->ex, c->f, i))
            return (long)i;
    return -1;
}

/* A goal's name as its rate's: 年度目标任务 -> 年度目标, 目标任务数 -> 目标
 * (the rate is of the goal, not of its tasks). */
static size_t goal_stem(const char *g)
{
    size_t n = strlen(g);
    if (n > 3 && !strcmp(g + n - 3, "数"))
        n -= 3;
    if (n >= 12 && !strncmp(g + n - 12, "目标任务", 12))
        n -= 6;
    return n;
}

/* The first of the run of rates joined by list marks that k is in. */
static size_t run_start(const lg_extractor *ex, const found *f, size_t k)
{
    while (k > 0 && f->values[k - 1].kind == KIND_PERCENT &&
           nm_list_gap(ex, f->values[k - 1].end, f->values[k].start))
        k--;
    return k;
}

/* 分别完成全年工作进度121.3%和109.2% after N counts: the j-th rate is of
 * the j-th of the last counts; else every rate is of the nearest count. */
static long rate_subject(const name_ctx *c, size_t first)
{
    const lg_extractor *ex = c->ex;
    size_t last = first, j = c->k - first;
    while (last + 1 < c->f->nv && c->f->values[last + 1].kind == KIND_PERCENT &&
           nm_list_gap(ex, c->f->values[last].end, c->f->values[last + 1].start))
        last++;
    size_t m = last - first + 1;
    char raw[16];
    nm_raw_left(ex, c->f, first, raw, sizeof raw);
    int paired = !strncmp(raw, "分别", 6);
    if (paired && first >= m) {
        for (size_t i = first - m; i < first; i++)
            if (c->done[i].kind != KIND_COUNT)
                paired = 0;
        if (paired)
            return (long)(first - m + j);
    }
    for (size_t i = first; i-- > 0;)
        if (c->done[i].kind == KIND_COUNT || c->done[i].kind == KIND_MONEY)
            return (long)i; /* 经费投入210万元，完成年度计划的104.4% */
    return -1;
}

/* 全年200件目标任务已超额完成, 超额完成省厅下达的70条任务: the goal words
 * right after a count into words, what the clause says of the goal
 * before it (a goal verb and 的 off, at most four characters: 全年,
 * 省厅下达) into left.  0 when no 目标 or 任务 follows (4项指标 are
 * things counted). */
static int goal_after(const lg_extractor *ex, const found *f, size_t k, char *left, char *words)
{
    const value *v = &f->values[k];
    size_t g = 0, w;
    while (g < 4 && (w = starts_any(ex, v->end + g, LX_GOAL_WORDS)))
        g += w;
    if (v->kind != KIND_COUNT || !g)
        return 0;
    nm_encode_chars(ex, v->end, v->end + g, words, 32);
    if (!strstr(words, "目标") && !strstr(words, "任务"))
        return 0;
    char raw[NAME_BYTES];
    nm_raw_left(ex, f, k, raw, sizeof raw);
    size_t n = strlen(raw), at = nm_str_prefix(ex, raw, n, LX_GOAL_VERBS);
    if (n >= at + 3 && !strcmp(raw + n - 3, "的"))
        n -= 3;
    n = n - at <= 12 ? n - at : 0;
    memcpy(left, raw + at, n);
    left[n] = '\0';
    return 1;
}

/* 承办建议8754件、提案4868件，分别占总数的95.6%、97.3%: each share after
 * 分别占 is of the count in its turn (建议占比, 提案占比). */
static int paired_share(const name_ctx *c, char *out, size_t cap)
{
    size_t first = run_start(c->ex, c->f, c->k);
    char raw[16], thing[NAME_BYTES];
    nm_raw_left(c->ex, c->f, first, raw, sizeof raw);
    if (strncmp(raw, "分别占", 9) != 0)
        return 0;
    long s = rate_subject(c, first);
    if (s < 0)
        return 0;
    counted_thing(c->ex, &c->done[s], thing, sizeof thing);
    return thing[0] && snprintf(out, cap, "%s占比", thing) < (int)cap;
}

int complete_goal(const name_ctx *c, char *out, size_t cap)
{
    const lg_extractor *ex = c->ex;
    const found *f = c->f;
    size_t k = c->k;
    char goal[NAME_BYTES], thing[NAME_BYTES] = "", left[NAME_BYTES], words[32];
    if (goal_after(ex, f, k, left, words)) {
        long s = goal_subject(c); /* 全年200件目标任务 */
        if (s >= 0)
            counted_thing(ex, &c->done[s], thing, sizeof thing);
        return snprintf(out, cap, "%s%s%s", left, thing, words) < (int)cap;
    }
    if (goal_with_share(ex, f, k) && goal_before(ex, f, k, goal, sizeof goal)) {
        long s = goal_subject(c); /* 完成年度目标任务35000人次的75% */
        if (s >= 0)
            counted_thing(ex, &c->done[s], thing, sizeof thing);
        return snprintf(out, cap, "%s%s", thing, goal) < (int)cap;
    }
    if (f->values[k].kind != KIND_PERCENT)
        return 0;
    if (paired_share(c, out, cap))
        return 1;
    if (k > 0 && goal_with_share(ex, f, k - 1) && goal_before(ex, f, k - 1, goal, sizeof goal)) {
        const char *d = c->done[k - 1].name; /* …目标任务35000人次的75% */
        size_t n = strlen(d), g = strlen(goal);
        size_t keep = n >= g && !strcmp(d + n - g, goal) ? n - g + goal_stem(goal) : n;
        return snprintf(out, cap, "%.*s完成率", (int)keep, d) < (int)cap;
    }
    size_t first = run_start(ex, f, k);
    if (!goal_before(ex, f, first, goal, sizeof goal))
        return 0;
    long s = rate_subject(c, first); /* 完成全年任务量的61.2% */
    if (s >= 0)
        counted_thing(ex, &c->done[s], thing, sizeof thing);
    return snprintf(out, cap, "%s%.*s完成率", thing, (int)goal_stem(goal), goal) < (int)cap;
}
