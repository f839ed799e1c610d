/* metric_around.c - what the words around a metric name say of it: the
 * many bodies that acted before their verb (各级执法部门办理…: who, not
 * what), a government before the value (whose the things after it are),
 * the count a comparison is of, the clause before that names a value with
 * no words of its own, the head after a relative clause's 的, a clause of
 * context before a rank, an item of a list that shares the head of the
 * name before, who did the deed a count of times after it counts, the
 * topic a rank is of, the deed a bare rate is of (开展…创建，创成率); and a change's word appended to its name
 * (办理案件同比增长, extract.c).
 * Owns: those tests, which metric.c's name_metric applies.
 * Reads: the sentence, its values and years, the names of the values
 * before (ex->done); the lexicon's [agent-heads], [agent-plurals],
 * [causative-verbs], [government-words], [owner-ends], [comparisons], [superlatives],
 * [count-verbs], [bare-verbs], [verb-glue], [adverbs], [object-relations],
 * [agent-relations], [right-stops], [rank-topics], [rank-scope-marks],
 * [change-words], [qualifiers]. */
#include "metric_int.h"

/* 落实国办42个重点事项, 梳理市级128项行政许可事项: a deed of two to six
 * characters, then an owner ([owner-ends]: 国办, 省人大, 市级), before a
 * count of things say whose the things counted after it are, as a
 * government does (nm_government_before); returns the owner in *body.
 * (废止文件12件 names the things themselves; counts of times and of
 * people are left: 开展活动12次, 选派律师12名入驻….) */
int nm_owner_before(const lg_extractor *ex, const found *f, size_t k, span left, span *body)
{
    const value *v = &f->values[k];
    if (v->kind != KIND_COUNT || strstr(v->unit, "次") || UNIT_IS(v->unit, "人") || UNIT_IS(v->unit, "名") ||
        UNIT_IS(v->unit, "位"))
        return 0;
    size_t o = ends_any(ex, left.b, LX_OWNER_ENDS);
    if (!o || left.b - o < left.a + 2 || left.b - o > left.a + 6)
        return 0;
    for (size_t i = left.a; i < left.b; i++)
        if (!is_cjk(ex->cp[i]) || ex->cp[i] == 0x7684 /* 的 */)
            return 0;
    *body = (span){left.b - o, left.b, 0};
    return 1;
}

/* 完成市政府1026件文件、协议的合法性审核: verbs and a government alone
 * before a value say whose the things counted after it are; the name is
 * that government and the things (市政府文件、协议的合法性审核).  Returns
 * the government's span in *body. */
int nm_government_before(const lg_extractor *ex, span left, span *body)
{
    size_t g = ends_any(ex, left.b, LX_GOVERNMENT_WORDS), verbs = g ? nm_leading_verbs(ex, left) : 0;
    if (!verbs || left.b - g < left.a + verbs || left.b - g > left.a + verbs + 2)
        return 0; /* (市, 区, 县人民: at most two chars before 政府) */
    *body = (span){left.a + verbs, left.b, 0};
    return 1;
}

/* 直接纠错236件，纠错率24%，较去年60件: a count compared with, after a
 * value in another unit, is of the count named last in its unit; its
 * name, or NULL for the value right before. */
const char *nm_counted_before(const lg_extractor *ex, const found *f, size_t k)
{
    mentions years = YEARS_OF(f);
    const char *unit = f->values[k].unit;
    size_t b = mention_ending_at(years, f->values[k].start);
    if (k == 0 || k > NAMED_MAX || !unit[0] || !strcmp(ex->done[k - 1].unit, unit) ||
        !ends_any(ex, b, LX_COMPARISONS))
        return NULL;
    for (size_t i = k - 1; i-- > 0;)
        if (ex->done[i].kind == KIND_COUNT && !strcmp(ex->done[i].unit, unit))
            return ex->done[i].name;
    return NULL;
}

/* 行政处罚类数量最多，共349件: a value with no words of its own is of
 * what the clause before names, when that clause has no value; a
 * superlative after it ([superlatives]) says how it ranks; a year does
 * not make it a value's (2021年…数量较多，高达222件: the value is never
 * named by its own words).  Returns 1 with the words in *out. */
int nm_named_before(const lg_extractor *ex, const found *f, size_t clause, span *out)
{
    if (clause < 2)
        return 0;
    span s = {clause_start(ex, clause - 1), clause - 1, 0};
    mentions years = YEARS_OF(f);
    for (size_t q = s.a; q < s.b; q++) {
        size_t y = skip_mention_at(years, q);
        if (y > q)
            q = y - 1;
        else if (is_digit_cp(ex->cp[q]) || class_at(ex, q, CL_NUMERAL))
            return 0;
    }
    size_t k;
    while (s.b > s.a && (k = ends_any(ex, s.b, LX_SUPERLATIVES)))
        s.b -= k;
    *out = metric_trim(ex, s, f);
    return out->b > out->a && nm_visible_chars(ex, *out) >= 2 && nm_visible_chars(ex, *out) <= 2 * METRIC_LONG_CHARS;
}

/* 全域开展法治政府示范创建，创成率达60%: a rate of a bare deed that opens
 * its sentence's values is of what the clause right before set about,
 * the words after its first counting verbs (法治政府示范创建; the deed
 * may end in one: 创建).  Returns 1
 * with them in out. */
int nm_deed_of_clause_before(const lg_extractor *ex, const found *f, size_t k, char *out, size_t cap)
{
    size_t clause = clause_start(ex, f->values[k].start);
    if (k != 0 || clause < 2)
        return 0;
    size_t a = clause_start(ex, clause - 1), b = clause - 1, obj = 0, c;
    for (size_t i = a; i < b; i++) {
        if (is_digit_cp(ex->cp[i]) || class_at(ex, i, CL_NUMERAL))
            return 0;
        if (!obj && (c = starts_any(ex, i, LX_COUNT_VERBS)) >= 2)
            obj = i + c;
    }
    while (obj && obj < b && (c = starts_any(ex, obj, LX_COUNT_VERBS)) >= 2)
        obj += c; /* 组织开展… */
    span s = obj ? metric_trim(ex, (span){obj, b, 0}, f) : (span){0, 0, 0};
    size_t chars = nm_visible_chars(ex, s);
    return chars >= 3 && chars <= 16 && nm_encode_chars(ex, s.a, s.b, out, cap) > 0;
}

/* 培养了乡村法律明白人, 创建了社区律师工作室: 了 after a verb says the
 * deed is done, no word of a name (an analyst writes 培养乡村法律明白人);
 * not in 了解, 为了, 除了, 了结.  Also 共 of 机关共办理. */
int nm_dropped_char(const lg_extractor *ex, size_t i)
{
    /* 司法行政机关共办理公证 -> 司法行政机关办理公证: an adverb of one
     * character between a body and its verb goes too */
    if (i > 0 && starts_any(ex, i, LX_VERB_ADVERBS) == 1 && ends_any(ex, i, LX_AGENT_HEADS) &&
        (starts_any(ex, i + 1, LX_COUNT_VERBS) >= 2 || starts_any(ex, i + 1, LX_BARE_VERBS)))
        return 1;
    if (ex->cp[i] != 0x4E86 /* 了 */ || i == 0 || i + 1 >= ex->n || !is_cjk(ex->cp[i - 1]) ||
        !is_cjk(ex->cp[i + 1]))
        return 0;
    uint32_t before = ex->cp[i - 1], after = ex->cp[i + 1];
    return after != 0x89E3 /* 解 */ && after != 0x7ED3 /* 结 */ && before != 0x4E3A /* 为 */ &&
           before != 0x9664 /* 除 */;
}

/* What of the words after the classifier names the things counted: not
 * the words the deed before already ends with (5个项目入选省级示范项目);
 * and in a count of things (个, 家), people of a body say whose the body
 * is: the name ends with the body ([agent-heads]) before [people-heads]
 * (76个单位党政主要负责人进行年终述法 -> 年终述法单位). */
span nm_things_named(const lg_extractor *ex, const value *v, span named, const text_buf *so_far)
{
    /* 5个项目入选省级示范项目: the deed before already ends with the things */
    char words[64];
    size_t wl = named.b > named.a && named.b - named.a <= 8 ? nm_encode_chars(ex, named.a, named.b, words, sizeof words) : 0;
    if (wl && so_far->len >= wl && !memcmp(so_far->data + so_far->len - wl, words, wl))
        return (span){named.b, named.b, named.weak};
    if (v->kind != KIND_COUNT || !(UNIT_IS(v->unit, "个") || UNIT_IS(v->unit, "家")))
        return named;
    size_t p = ends_any(ex, named.b, LX_PEOPLE_HEADS);
    if (!p || named.b - p <= named.a)
        return named;
    for (size_t e = named.b - p; e > named.a + 1 && named.b - p - e < 8; e--)
        if (ends_any(ex, e, LX_AGENT_HEADS))
            return (span){named.a, e, named.weak};
    return named;
}

/* Is there a list marker at i, where a clause starts (一是, 二、, 3., (四),
 * （5）)?  Its characters, or 0: the marker numbers the item and names
 * nothing (一是组织开展普法活动50场次 -> 组织开展普法活动). */
size_t nm_list_marker(const lg_extractor *ex, size_t i, size_t b)
{
    if (i > 0 && !class_at(ex, i - 1, CL_BREAK))
        return 0;
    size_t k = i;
    int open = k < b && (ex->cp[k] == '(' || ex->cp[k] == 0xFF08);
    k += open;
    size_t d = k;
    while (k < b && k - d < 3 && (is_digit_cp(ex->cp[k]) || class_at(ex, k, CL_NUMERAL)))
        k++;
    if (k == d || k >= b)
        return 0;
    uint32_t cp = ex->cp[k];
    int digits = is_digit_cp(ex->cp[d]);
    if (open)
        return cp == ')' || cp == 0xFF09 ? k + 1 - i : 0;
    if (cp == 0x3001 /* 、 */ || (digits && (cp == '.' || cp == 0xFF0E) && !is_digit_cp(cp_at(ex, k + 1))))
        return k + 1 - i;
    return !digits && cp == 0x662F /* 是 */ && is_cjk(cp_at(ex, k + 1)) ? k + 1 - i : 0;
}

/* 5360只不符合技术规范的车用气瓶被拉入黑名单 -> 拉入黑名单车用气瓶: before
 * what they did, the things counted are named by the head after their
 * relative clause's last 的 (two characters or more). */
span nm_head_after_clause(const lg_extractor *ex, span named)
{
    size_t at = named.a;
    int depth = 0;
    for (size_t i = named.a; i < named.b; i++) {
        uint32_t cp = ex->cp[i];
        if (!nm_bracket_step(cp, &depth) && !depth && cp == 0x7684 /* 的 */ && nm_visible_chars(ex, (span){i + 1, named.b, 0}) >= 2)
            at = i + 1;
    }
    return (span){at, named.b, named.weak};
}

/* Does the clause before the one at clause set a context (在…中，)? */
int nm_context_clause_before(const lg_extractor *ex, size_t clause)
{
    if (clause < 3 || ex->cp[clause - 2] != 0x4E2D /* 中 */)
        return 0;
    size_t a = clause_start(ex, clause - 1);
    return ex->cp[a] == 0x5728 /* 在 */;
}

/* An item of two characters after a 、 that is a noun where the value
 * before was named by words ending in another noun of two (四级访批次、人次):
 * it is of what that name began with. */
int nm_shares_head(const lg_extractor *ex, const found *f, size_t k, span mine, const char *prev)
{
    size_t pn = strlen(prev);
    if (k == 0 || nm_visible_chars(ex, mine) != 2 || mine.b - mine.a != 2 || pn < 12 ||
        f->values[k].kind != f->values[k - 1].kind || starts_any(ex, mine.a, LX_COUNT_VERBS) ||
        starts_any(ex, mine.a, LX_BARE_VERBS) || starts_any(ex, mine.a, LX_OBJECT_RELATIONS) ||
        starts_any(ex, mine.a, LX_AGENT_RELATIONS))
        return 0; /* (a deed, or a relation metric_context.c completes: 受众) */
    char two[8];
    size_t len = utf8_encode(ex->cp[mine.a], two);
    len += utf8_encode(ex->cp[mine.a + 1], two + len);
    /* (the name before ends in three-byte characters only, and not in mine;
     * the two heads measure alike, 批次 and 人次: 未成年人、妇女 are
     * members, not measures of one thing) */
    return len == 6 && memcmp(prev + pn - 6, two, 6) != 0 && (unsigned char)prev[pn - 6] >= 0xE0 &&
           memcmp(prev + pn - 3, two + 3, 3) == 0;
}

/* Does [a, b) say the bodies are many (各级, 两级, 市级, 有关)? */
static int many_bodies(const lg_extractor *ex, size_t a, size_t b)
{
    for (size_t i = a; i < b; i++)
        if (starts_any(ex, i, LX_AGENT_PLURALS))
            return 1;
    return 0;
}

/* 推进各级执法部门办理免罚轻罚案件, 有关部门共备案行政规范性文件: the
 * many bodies that acted ([agent-heads] after [agent-plurals], after a
 * verb that set them to it or none) say who, not what the value counts; the name starts at their
 * verb.  A verb before them makes them its object (审查市直部门报备文件). */
span nm_after_agent(const lg_extractor *ex, span left)
{
    size_t p = left.a + starts_any(ex, left.a, LX_CAUSATIVE_VERBS), k;
    for (; p < left.b; p++) {
        if (starts_any(ex, p, LX_COUNT_VERBS) >= 2)
            return left;
        if (!(k = starts_any(ex, p, LX_AGENT_HEADS)))
            continue;
        size_t q = p + k;
        while (q < left.b && ((k = starts_any(ex, q, LX_VERB_GLUE)) || (k = starts_any(ex, q, LX_ADVERBS))))
            q += k; /* 共, 均, 已, 依法 */
        if (q < left.b && ((k = starts_any(ex, q, LX_COUNT_VERBS)) >= 2 || (k = starts_any(ex, q, LX_BARE_VERBS))) &&
            nm_visible_chars(ex, (span){q + k, left.b, 0}) >= 2 && many_bodies(ex, left.a, p))
            return (span){q, left.b, left.weak};
    }
    return left;
}

/* 区委主要负责同志先后18次调研法治建设工作: a count of times whose words
 * right after it are a deed counts that deed, done by whoever the words
 * before name when they hold no deed of their own.  Returns 1 with the
 * doer (maybe empty) in *doer; the name is the doer and the deed. */
int nm_doer_of_times(const lg_extractor *ex, const found *f, size_t k, span left, span right, span *doer)
{
    const value *v = &f->values[k];
    if (v->kind != KIND_COUNT || !UNIT_IS(v->unit, "次") || right.a != v->end ||
        nm_visible_chars(ex, right) < 4)
        return 0;
    for (size_t i = k ? f->values[k - 1].end : left.a; i < left.a; i++)
        if (ex->cp[i] == 0x3001 /* 、 */)
            return 0; /* an item of a list of counts: its words are its name */
    for (size_t i = left.a; i < left.b; i++)
        if (starts_any(ex, i, LX_COUNT_VERBS) >= 2 || starts_any(ex, i, LX_BARE_VERBS) || !is_cjk(ex->cp[i]))
            return 0;
    size_t q, often = 0;
    while ((q = ends_any(ex, left.b, LX_RIGHT_STOPS)) && left.b - q >= left.a)
        left.b -= q, often = 1; /* 先后, 累计: how often, not who */
    /* a verb after the count, or 先后 before it, says it is a deed */
    if (!often && !(starts_any(ex, right.a, LX_COUNT_VERBS) >= 2 || starts_any(ex, right.a, LX_BARE_VERBS)))
        return 0;
    *doer = left;
    return nm_visible_chars(ex, left) <= 12;
}

/* A rank is named by what is ranked: the clause that says 排名/名次, up
 * to that word (综合信用指数排名中，最好成绩为第7位). */
int nm_rank_topic(const lg_extractor *ex, size_t at, span *out)
{
    for (size_t i = at; i > 0; i--) {
        size_t k = ends_any(ex, i, LX_RANK_TOPICS);
        if (k) {
            out->a = clause_start(ex, i - k);
            out->b = i;
            /* 连续8个月在国家…监测排名: a count before a scope mark
             * says when or where it ranks; the topic follows */
            int counted = 0;
            for (size_t p = out->a; p + 2 < i - k; p++) {
                counted |= is_digit_cp(ex->cp[p]);
                if (counted && starts_any(ex, p, LX_RANK_SCOPE_MARKS) == 1)
                    out->a = p + 1;
            }
            return 1;
        }
    }
    return 0;
}

/* The change word of value k, [*a, return) ("同比增长", "下降"), or 0:
 * before the value, or the one its list shares (分别下降36%、38%). */
static size_t change_word_of(const lg_extractor *ex, const found *f, size_t k, size_t *a)
{
    size_t p = f->values[k].start, q, w;
    /* (back to the list's first value, a bounded walk) */
    for (size_t steps = 0; steps < 64 && k > 0 && p > 0 && f->values[k - 1].end == p - 1 &&
                           f->values[k - 1].kind == KIND_CHANGE &&
                           (ex->cp[p - 1] == 0x3001 /* 、 */ || ex->cp[p - 1] == 0x548C /* 和 */);
         steps++)
        p = f->values[--k].start;
    while ((q = ends_any(ex, p, LX_QUAL_WORDS)) || (q = ends(ex, p, "了")))
        p -= q;
    if ((w = ends_any(ex, p, LX_CHANGE_WORDS)) < 2 || ex->cp[p - 1] == 0x4E8E /* 于: 高于 */)
        return 0;
    *a = p - w;
    if (ends(ex, *a, "同比"))
        *a -= 2;
    return p;
}

/* 办理案件1503件，同比增长19.1%: a change is named by what changed and how
 * (办理案件同比增长), its change word of two characters or more and a
 * 同比 right before it appended when the name holds no change word. */
void nm_append_change(const lg_extractor *ex, const found *f, size_t k, text_buf *out)
{
    size_t a = 0, p;
    if (f->values[k].kind != KIND_CHANGE || !out->data || out->failed || !(p = change_word_of(ex, f, k, &a)))
        return;
    /* (满意度提高2.1个百分点: said already; 工业增加值增长7.2% is not) */
    if (out->len >= 6 && lx_find(ex->lx, LX_CHANGE_WORDS, out->data + out->len - 6, 6))
        return;
    char word[32];
    size_t len = nm_encode_chars(ex, a, p, word, sizeof word);
    text_append(out, word, len);
}
