/* metric_topic.c - the topic a short metric name serves, named elsewhere
 * in its sentence or paragraph: a system, platform or plan in the clause
 * before (互联网+监管系统录入监管数据), the campaign the sentence opens with
 * (安全生产执法检查排查问题隐患), the meeting a count of study is of, what
 * 对 X 开展 names, what a service's part of the sentence built, the term
 * quoted before for 相关, the object named in full before, the kind a
 * sentence opening with 其中 is about, the label a colon closes (A类办理
 * 结果), the domain of the sentence's first kind of cases (法律援助受援人);
 * and the names a run of values shares: members after 其中 (残疾人法律援助
 * 案件, 主办建议、提案), the object after a run
 * of deeds (取消…、下放…行政许可事项), the verb of a list's first item
 * (制定政府规章), a second run after 分别, a verb alone of the thing
 * before (免办证事项办理), a rank's cue and scope (or the value before
 * a clause that opens with the cue: 创成率全省排名).
 * Owns: those completions (metric_context.c tries them in turn).
 * Reads: the sentence, its values and places, the names of the values
 * before (name_ctx), the paragraph's last kind; the lexicon's
 * [topic-heads], [pointing-modifiers], [meeting-deeds], [meeting-heads],
 * [target-verbs], [service-verbs], [service-times], [built-verbs],
 * [theme-heads], [causative-verbs], [vague-modifiers], [generic-heads]
 * (rules/names.rules) and [count-verbs], [bare-verbs], [verb-adverbs],
 * [rank-cues], [scope-words], [right-stops]. */
#include "metric_int.h"

#include <stdio.h>

/* 建成法律知识竞答平台，组织竞答14次 -> 组织法律知识竞答: a count of
 * deeds named by verbs and an object of two characters the sentence
 * named in full before (办理时限 is a measure, not a deed). */
int complete_object(const name_ctx *c, const char *name, char *out, size_t cap)
{
    const lg_extractor *ex = c->ex;
    size_t n = strlen(name), p, at;
    char full[96];
    /* (a verb that does, not 予以 or 依法 alone: 予以许可 is the deed) */
    if (c->f->values[c->k].kind != KIND_COUNT || n < 12 ||
        !(nm_str_prefix(ex, name, n, LX_COUNT_VERBS) >= 6 || nm_str_prefix(ex, name, n, LX_BARE_VERBS)))
        return 0;
    p = nm_verbs_len(ex, name, n, 0);
    if (p == 0 || n - p != 6 ||
        !nm_compound_before(c, name + p, c->f->values[c->k].start, full, sizeof full, &at))
        return 0;
    if (at + 2 < ex->n && ex->cp[at + 2] == 0x300B /* 》 */)
        return 0; /* the end of a title: 《…立法条例》等3部条例 */
    return snprintf(out, cap, "%.*s%s", (int)p, name, full) < (int)cap;
}

/* The topic the clause [a, b) names: a title or quote with a head of
 * [topic-heads] in or right after it (《市级权力清单》, “互联网+监管”系统),
 * or the words after a place ending in such a head (依托乌海市市域社会
 * 治理综合平台); in a whole clause (no value in it), a quote ending it
 * too.  Places and years at its start off.  Its span, or {0, 0}. */
static span clause_topic(const lg_extractor *ex, const found *f, size_t a, size_t b, int whole)
{
    mentions places = PLACES_OF(f);
    size_t q = b, o, e = 0, k;
    while (q > a && ex->cp[q - 1] != 0x300B /* 》 */ && ex->cp[q - 1] != 0x201D /* ” */)
        q--;
    if (q > a) {
        uint32_t open = ex->cp[q - 1] == 0x300B ? 0x300A /* 《 */ : 0x201C /* “ */;
        for (o = q - 1; o > a && ex->cp[o - 1] != open; o--)
            ;
        if (o == a)
            return (span){0, 0, 0};
        for (size_t i = q; i < b && i <= q + 4 && !e; i++)
            if (ends_any(ex, i + 1, LX_TOPIC_HEADS))
                e = i + 1; /* “互联网+监管”系统 */
        /* 学习《习近平法治思想》: what was read; a quote that ends the
         * clause names what was built (开发“川渝通办·云综窗”) */
        if (!e && !ends_any(ex, q - 1, LX_TOPIC_HEADS) && !(whole && open == 0x201C && q == b))
            return (span){0, 0, 0};
        size_t from = skip_mention_at(places, o);
        span t = {skip_mention_at(YEARS_OF(f), from), e ? e : q, 0};
        return t.b - t.a >= 4 ? t : (span){0, 0, 0};
    }
    if (!(k = ends_any(ex, b, LX_TOPIC_HEADS)))
        return (span){0, 0, 0};
    for (size_t i = b - k; i > a; i--) {
        size_t m = mention_ending_at(places, i);
        if (m != i)
            return b - i >= 4 && b - i <= 16 ? (span){i, b, 0} : (span){0, 0, 0};
    }
    return (span){0, 0, 0};
}

/* 持续深化“互联网+监管”系统应用，录入监管数据11595条 -> 互联网+监管系统
 * 录入监管数据: a short name of a count, in a clause right after one
 * that names a system, platform or document with no value in it, takes
 * that as its topic. */
int complete_topic(const name_ctx *c, const char *name, char *out, size_t cap)
{
    const lg_extractor *ex = c->ex;
    const value *v = &c->f->values[c->k];
    size_t n = strlen(name), cs = clause_start(ex, v->start);
    if (v->kind != KIND_COUNT || n < 6 || n > 18 || cs < 2)
        return 0;
    size_t j = c->k; /* the first of a run of adjacent values (14类60项) */
    while (j > 0 && c->f->values[j - 1].end == c->f->values[j].start)
        j--;
    size_t pa = clause_start(ex, cs - 1), lo = j > 0 ? c->f->values[j - 1].end : 0;
    int whole = pa >= lo;
    if (!whole)
        pa = lo; /* 109家单位接入“智慧城市大脑”: after the value */
    if (pa + 2 >= cs)
        return 0;
    for (size_t i = cs, ce = clause_end(ex, v->end); i < ce; i++)
        if (class_at(ex, i, CL_QUOTE))
            return 0; /* the clause names its own */
    span t = clause_topic(ex, c->f, pa, cs - 1, whole);
    char topic[96];
    size_t len = 0;
    for (size_t i = t.a; i < t.b && len + 5 < sizeof topic; i++)
        if (!class_at(ex, i, CL_QUOTE))
            len += utf8_encode(ex->cp[i], topic + len);
    topic[len] = '\0';
    if (len < 6 || strstr(name, topic))
        return 0;
    return snprintf(out, cap, "%s%s", topic, name) < (int)cap;
}

/* 实施“免罚轻罚”清单…，累计办理相关案件15000件 -> 办理免罚轻罚相关案件:
 * a modifier that points back ([pointing-modifiers]), with no kind named
 * in full, points to the term the sentence quoted last before the value. */
int complete_vague(const name_ctx *c, const char *name, char *out, size_t cap)
{
    const lg_extractor *ex = c->ex;
    size_t n = strlen(name), i = 0, k, q, o;
    for (q = c->f->values[c->k].start; q > 0 && ex->cp[q - 1] != 0x201D /* ” */; q--)
        ;
    for (o = q; o > 1 && ex->cp[o - 2] != 0x201C /* “ */; o--)
        ;
    if (q < 2 || o < 2 || q - 1 - (o - 1) < 2 || q - 1 - (o - 1) > 12)
        return 0; /* (no quote first: the cheaper test) */
    while (i < n && (k = nm_verb_word(ex, name + i, n - i)))
        i += k;
    if (!(k = nm_str_prefix(ex, name + i, n - i, LX_POINTING_MODIFIERS)) || n - i - k < 6)
        return 0;
    char term[64];
    size_t len = nm_encode_chars(ex, o - 1, q - 1, term, sizeof term);
    if (strstr(name, term))
        return 0;
    return snprintf(out, cap, "%.*s%.*s%s", (int)i, name, (int)len, term, name + i) < (int)cap;
}

/* 将学法纳入市政府常务会议规定动作，组织集中学法7次 -> 市政府常务会议组织
 * 集中学法: a count of study or review ([meeting-deeds]) is of the
 * meeting ([meeting-heads]) its sentence named last before it. */
int complete_meeting(const name_ctx *c, const char *name, char *out, size_t cap)
{
    const lg_extractor *ex = c->ex;
    size_t n = strlen(name), k;
    /* (the deed ends the name: 学习法律法规 says what was studied) */
    if (c->f->values[c->k].kind != KIND_COUNT || n > 24 || !nm_str_suffix(ex, name, n, LX_MEETING_DEEDS))
        return 0;
    for (size_t i = 0; i < n; i += nm_seq_len((unsigned char)name[i]))
        if (nm_str_prefix(ex, name + i, n - i, LX_MEETING_HEADS))
            return 0; /* the name has its meeting */
    for (size_t i = c->f->values[c->k].start; i > 2; i--) {
        if (!(k = ends_any(ex, i, LX_MEETING_HEADS)))
            continue;
        size_t j = nm_modifier_start(ex, i - k, c->f), r;
        for (size_t q = j; q < i - k; q++)
            if ((r = starts_any(ex, q, LX_RIGHT_STOPS)) && q + r <= i - k)
                j = q + r; /* 将学法纳入市政府常务会议: after 纳入 */
        char body[96];
        if (i - k - j < 1 || !nm_encode_chars(ex, j, i, body, sizeof body))
            return 0;
        return snprintf(out, cap, "%s%s", body, name) < (int)cap;
    }
    return 0;
}

/* 对规范性文件开展1次全面清理和…等4次专项清理 -> 规范性文件专项清理: a
 * short count of deeds whose clause says, before it, what they were done
 * to (对 X 开展/进行: [target-verbs]) takes X. */
int complete_target(const name_ctx *c, const char *name, char *out, size_t cap)
{
    const lg_extractor *ex = c->ex;
    const value *v = &c->f->values[c->k];
    size_t n = strlen(name);
    if (v->kind != KIND_COUNT || n < 6 || n > 24)
        return 0;
    for (size_t i = clause_start(ex, v->start); i + 3 < v->start; i++) {
        if (ex->cp[i] != 0x5BF9 /* 对 */)
            continue;
        size_t j = i + 1;
        while (j < v->start && j < i + 14 && is_cjk(ex->cp[j]) && starts_any(ex, j, LX_COUNT_VERBS) < 2)
            j++;
        if (j - i < 3 || j >= v->start || !starts_any(ex, j, LX_TARGET_VERBS))
            return 0; /* (not 对 X 开展, or X holds a number: 对33家单位;
                       * 针对市政府出台的…: what it did, not a deed to it) */
        char target[64];
        size_t len = nm_encode_chars(ex, i + 1, j, target, sizeof target);
        if (strstr(name, target))
            return 0;
        return snprintf(out, cap, "%.*s%s", (int)len, target, name) < (int)cap;
    }
    return 0;
}

/* 建成12348公共法律服务热线呼叫中心，…，每年服务15万人次 -> 12348公共法律
 * 服务热线呼叫中心每年服务: a service alone ([service-verbs], after a time
 * word of [lead-fillers] or none) is of what the first clause of its part
 * of the sentence (after ；) built ([built-verbs]). */
int complete_service(const name_ctx *c, const char *name, char *out, size_t cap)
{
    const lg_extractor *ex = c->ex;
    const found *f = c->f;
    size_t n = strlen(name), t, k;
    if (f->values[c->k].kind != KIND_COUNT || n < 6 || n > 18)
        return 0;
    t = nm_str_prefix(ex, name, n, LX_SERVICE_TIMES);
    if (!nm_str_is(ex, name + t, LX_SERVICE_VERBS))
        return 0;
    size_t a = f->values[c->k].start;
    while (a > 0 && ex->cp[a - 1] != 0xFF1B /* ； */ && ex->cp[a - 1] != ';' && ex->cp[a - 1] != 0x3002)
        a--;
    while (a < ex->n && class_at(ex, a, CL_QUOTE))
        a++;
    if (!(k = starts_any(ex, a, LX_BUILT_VERBS)))
        return 0;
    size_t b = clause_end(ex, a + k), len = 0;
    if (b >= f->values[c->k].start)
        return 0;
    char obj[NAME_BYTES];
    obj[0] = '\0';
    for (size_t i = 0; i < c->k && len < sizeof obj; i++)
        if (f->values[i].start < b && f->values[i].end > a) {
            /* what was built is counted (建成41个公共法律服务中心、1034个
             * 工作站): the names of those counts, joined by 和 */
            int w = snprintf(obj + len, sizeof obj - len, "%s%s", len ? "和" : "", c->done[i].name);
            if (w < 0 || (size_t)w >= sizeof obj - len)
                return 0;
            len += (size_t)w;
        }
    if (!len) {
        if (b - a - k < 4 || b - a - k > 24)
            return 0;
        nm_encode_chars(ex, a + k, b, obj, sizeof obj);
    }
    return snprintf(out, cap, "%s%s", obj, name) < (int)cap;
}

/* 高效有序开展安全生产执法检查，…，排查问题隐患8487条 -> 安全生产执法检查
 * 排查问题隐患: a short count of deeds in a sentence whose first clause
 * says what campaign they were part of (开展 X, X ending in a word of
 * [theme-heads]) takes X. */
int complete_theme(const name_ctx *c, const char *name, char *out, size_t cap)
{
    const lg_extractor *ex = c->ex;
    const value *v = &c->f->values[c->k];
    size_t n = strlen(name), e, a = 0, k = 0;
    if (v->kind != KIND_COUNT || n < 12 || n > 18 ||
        !(nm_str_prefix(ex, name, n, LX_COUNT_VERBS) >= 6 || nm_str_prefix(ex, name, n, LX_BARE_VERBS)) ||
        (e = clause_end(ex, 0)) >= v->start)
        return 0; /* (a deed of its own: 排查…, 推动整改…) */
    while (a < e && !(k = starts_any(ex, a, LX_TARGET_VERBS)))
        a++;
    if (a == e || e - a - k < 4 || e - a - k > 20 || !ends_any(ex, e, LX_THEME_HEADS))
        return 0;
    for (size_t i = 0; i < c->f->nv; i++)
        if (c->f->values[i].start < e)
            return 0; /* the first clause counts: it is no campaign */
    char theme[96];
    size_t len = 0;
    for (size_t i = a + k; i < e && len + 5 < sizeof theme; i++)
        if (!class_at(ex, i, CL_QUOTE))
            len += utf8_encode(ex->cp[i], theme + len);
    theme[len] = '\0';
    return !strstr(name, theme) && snprintf(out, cap, "%s%s", theme, name) < (int)cap;
}

/* 办理结果：A类2件，B类8件: after a label and a colon, a member named by
 * three characters or fewer is of that label (A类办理结果).  The label is
 * two to six characters between the colon and the break before it. */
int complete_labelled(const name_ctx *c, const char *name, char *out, size_t cap)
{
    const lg_extractor *ex = c->ex;
    size_t at = c->f->values[c->k].start, colon = 0, n = strlen(name);
    if (n == 0 || utf8_chars_n(name, n) > 3)
        return 0;
    for (size_t i = at; i > 0 && !colon && at - i < 64; i--) {
        uint32_t cp = ex->cp[i - 1];
        if (cp == 0xFF1A /* ： */ || cp == ':')
            colon = i - 1;
        else if (cp == 0x3002 /* 。 */ || cp == 0xFF1B /* ； */ || cp == ';')
            return 0;
    }
    size_t a = colon;
    while (a > 0 && colon - a < 7 && is_cjk(ex->cp[a - 1]) && !class_at(ex, a - 1, CL_BREAK))
        a--;
    if (!colon || colon - a < 2 || colon - a > 6 || (a > 0 && is_cjk(ex->cp[a - 1])))
        return 0;
    char label[32];
    if (!nm_encode_chars(ex, a, colon, label, sizeof label) || strstr(name, label) ||
        nm_str_is(ex, label, LX_GENERIC_HEADS))
        return 0;
    return snprintf(out, cap, "%s%s", name, label) < (int)cap;
}

/* 办理法律援助案件1503件，…，受援人达1690人次、咨询5142人次: a noun of two
 * or three characters, after a first count of a kind of cases (a domain
 * and a [generic-heads] word), is of that domain (法律援助受援人). */
int complete_domain(const name_ctx *c, const char *name, char *out, size_t cap)
{
    const lg_extractor *ex = c->ex;
    size_t n = strlen(name), chars = utf8_chars_n(name, n);
    if (c->k == 0 || chars < 2 || chars > 3 || c->f->values[c->k].kind != KIND_COUNT ||
        c->done[0].kind != KIND_COUNT || nm_verb_word(ex, name, n) || nm_verbs_len(ex, name, n, 1) ||
        nm_str_suffix(ex, name, n, LX_GENERIC_HEADS))
        return 0;
    const char *obj = nm_object_of(ex, c->done[0].subject);
    obj += nm_str_prefix(ex, obj, strlen(obj), LX_VAGUE_MODIFIERS); /* 各类 */
    size_t on = strlen(obj), h = nm_str_suffix(ex, obj, on, LX_GENERIC_HEADS);
    if (!h || on - h < 6 || on - h > 18 || strstr(name, obj))
        return 0;
    return snprintf(out, cap, "%.*s%s", (int)(on - h), obj, name) < (int)cap;
}

/* 执法支队执法岗位设置2个，执法人员47人: a short name in the clause after
 * a value whose name opens with a body ([body-ends]: 支队, 中心, 机关…)
 * and goes on to what it has or did is of that body too (执法支队执法
 * 人员). */
int complete_body(const name_ctx *c, const char *name, char *out, size_t cap)
{
    const lg_extractor *ex = c->ex;
    size_t n = strlen(name), k = c->k;
    if (k == 0 || utf8_chars_n(name, n) > 4 || n < 6 ||
        clause_start(ex, c->f->values[k].start) != c->f->values[k - 1].end + 1)
        return 0;
    const char *prev = c->done[k - 1].name;
    size_t pn = strlen(prev), body = 0;
    for (size_t i = 6; i + 6 <= pn; i += nm_seq_len((unsigned char)prev[i]))
        if (nm_str_suffix(ex, prev, i, LX_BODY_ENDS))
            body = i; /* the longest: 执法支队, not 执法 */
    /* (我局, 本中心: the report's own body, named by no one) */
    if (!body || body < 9 || !strncmp(prev, "我", 3) || !strncmp(prev, "本", 3) || !strncmp(name, prev, body))
        return 0;
    return snprintf(out, cap, "%.*s%s", (int)body, prev, name) < (int)cap;
}

/* 收到行政复议申请3921件。其中，受理数2005件 -> 行政复议申请受理数: a
 * sentence that opens with 其中 is about the kind the paragraph was last
 * about; its first value's short name takes that kind, and each member
 * named by a modifier and that kind's head is of the kind. */
int complete_among(const name_ctx *c, const char *name, char *out, size_t cap)
{
    const lg_extractor *ex = c->ex;
    size_t a = 0, n = strlen(name);
    while (a < ex->n && class_at(ex, a, CL_QUOTE))
        a++;
    if (n > 12 || !ex->last_kind[0] || a + 2 >= ex->n || ex->cp[a] != 0x5176 /* 其 */ ||
        ex->cp[a + 1] != 0x4E2D /* 中 */ || strstr(name, ex->last_kind) || strstr(ex->last_kind, name))
        return 0;
    /* 其中刑事案件3120件，民事案件2410件 after 法律援助案件: each member named
     * by a modifier and the kind's head is that kind (刑事法律援助案件) */
    size_t h = nm_str_suffix(ex, name, n, LX_GENERIC_HEADS), ln = strlen(ex->last_kind);
    if (h && h < n && ln > h && !strcmp(ex->last_kind + ln - h, name + n - h))
        return snprintf(out, cap, "%.*s%s", (int)(n - h), name, ex->last_kind) < (int)cap;
    if (c->k != 0)
        return 0;
    return snprintf(out, cap, "%s%s", ex->last_kind, name) < (int)cap;
}

/* 办理法律援助案件1503件，其中残疾人169件、老年人197件: after 其中, a
 * member named by a bare noun, in the unit of the count before 其中, is a
 * part of that count's thing (残疾人法律援助案件) when the thing ends in a
 * [generic-heads] word or counts people (社区服刑人员326名，其中缓刑316名). */
int complete_member(const name_ctx *c, const char *name, char *out, size_t cap)
{
    const lg_extractor *ex = c->ex;
    const found *f = c->f;
    size_t k = c->k, n = strlen(name), which = 0;
    if (k == 0 || n < 6 || n > 18 || nm_verb_word(ex, name, n) || nm_verbs_len(ex, name, n, 1) ||
        nm_str_suffix(ex, name, n, LX_GENERIC_HEADS))
        return 0;
    for (size_t i = f->values[k].start; i >= 2 && !which; i--) {
        if (ex->cp[i - 1] == 0x3002 /* 。 */ || ex->cp[i - 1] == 0xFF1B /* ； */ ||
            f->values[k].start - i > 256)
            return 0;
        if (ex->cp[i - 1] == 0x4E2D /* 中 */ && ex->cp[i - 2] == 0x5176 /* 其 */)
            which = i - 2;
    }
    int depth = 0;
    for (size_t i = which; i < f->values[k].start; i++)
        nm_bracket_step(ex->cp[i], &depth);
    if (depth)
        return 0; /* (公告公示3条) in brackets is a part of the value before them */
    size_t j = k;
    while (j > 0 && f->values[j - 1].end > which)
        j--;
    for (size_t i = j; i < k; i++)
        if (strcmp(c->done[i].unit, f->values[k].unit))
            return 0; /* (the members count in the total's unit) */
    while (j > 0 && c->done[j - 1].kind != KIND_COUNT) /* (past its 同比增长) */
        j--;
    if (!which || j == 0 || strcmp(c->done[j - 1].unit, f->values[k].unit))
        return 0;
    const char *obj = nm_object_of(ex, c->done[j - 1].subject);
    obj += nm_str_prefix(ex, obj, strlen(obj), LX_VAGUE_MODIFIERS);
    size_t on = strlen(obj);
    /* (专职律师 under 律师, 规范化调委会 under 调委会: the member names its
     * kind already; a long subject is a clause, not a kind) */
    const char *u = f->values[k].unit;
    int people = !strcmp(u, "名") || !strcmp(u, "人");
    if (on < 6 || on > 36 || strstr(name, obj + on - 6) || strstr(obj, name))
        return 0;
    if (!(people || nm_str_suffix(ex, obj, on, LX_GENERIC_HEADS))) {
        /* 新增市场主体1.2万户，其中企业3600户 -> 新增企业: the total's verb */
        const char *total = c->done[j - 1].name;
        size_t v = nm_str_prefix(ex, total, strlen(total), LX_COUNT_VERBS);
        if (v >= 6 && nm_str_prefix(ex, total, v, LX_BARE_VERBS) != v)
            return snprintf(out, cap, "%.*s%s", (int)v, total, name) < (int)cap;
        /* 办理建议、提案10件，其中主办2件: a short member is of the total's
         * thing (主办建议、提案; 村级 of 人民调解组织) */
        if (n > 9)
            return 0;
        return snprintf(out, cap, "%s%s", name, obj) < (int)cap;
    }
    /* 国内公证 + 公证事项: the words they share are written once */
    size_t shared = 0;
    for (size_t l = 6; l < on && l <= n; l += 3)
        if (!memcmp(name + n - l, obj, l))
            shared = l;
    return snprintf(out, cap, "%s%s", name, obj + shared) < (int)cap;
}

/* 改善幅度居全国第一, 营商环境评价位列全省第3名: a rank is of the words
 * before its cue, in the scope after it (改善幅度全国排名); a cue alone,
 * of the value before it. */
int complete_rank_cue(const name_ctx *c, const char *name, char *out, size_t cap)
{
    const lg_extractor *ex = c->ex;
    const found *f = c->f;
    size_t k = c->k;
    /* 达标率为85%，居全市第二: named as the value before, or by its cue */
    int bare = k > 0 && (nm_str_is(ex, name, LX_RANK_CUES) || !strcmp(name, c->done[k - 1].name));
    if (f->values[k].kind != KIND_RANK || (!bare && (strstr(name, "排名") || strstr(name, "名次"))))
        return 0;
    size_t n = strlen(name), at = 0, cue = bare;
    for (size_t i = 0; i < n && !cue; i += nm_seq_len((unsigned char)name[i])) {
        if (i > 0 && i < 6)
            continue;
        size_t c = nm_str_prefix(ex, name + i, n - i, LX_RANK_CUES);
        /* a cue ends the name or comes before its scope */
        if (c && (i + c == n || nm_str_prefix(ex, name + i + c, n - i - c, LX_SCOPE_WORDS) ||
                  !strncmp(name + i + c, "全", 3) || !strncmp(name + i + c, "自治区", 9)))
            cue = c, at = i;
    }
    if (!cue)
        return 0;
    char raw[NAME_BYTES];
    nm_raw_left(ex, f, k, raw, sizeof raw);
    const char *sc = "";
    size_t rn = strlen(raw), sl = 0;
    for (size_t i = 0; i < rn && !sl; i += nm_seq_len((unsigned char)raw[i])) {
        size_t c = nm_str_prefix(ex, raw + i, rn - i, LX_RANK_CUES);
        if (c && i + c < rn) {
            sc = raw + i + c;
            sl = strlen(sc);
        }
    }
    if (sl >= 3 && !strcmp(sc + sl - 3, "第"))
        sl -= 3;
    /* 创成率达60%，位居全省第一: a clause that opens with the cue ranks the
     * value before */
    const char *of = name;
    if (at == 0 && (k == 0 || c->done[k - 1].kind == KIND_RANK || !(of = c->done[k - 1].name)[0]))
        return 0;
    if (at == 0)
        at = strlen(of);
    return snprintf(out, cap, "%.*s%.*s排名", (int)at, of, (int)sl, sc) < (int)cap;
}

/* The longest run of deeds a value's name is looked for in. */
#define RUN_MAX 64

/* Past a bracket opening at i ((其中2项为子项)) and closing within 64
 * characters, or i. */
static size_t past_bracket(const lg_extractor *ex, size_t i, size_t b)
{
    int depth = 0;
    size_t k = i;
    do {
        nm_bracket_step(ex->cp[k], &depth);
        k++;
    } while (k < b && k - i < 64 && depth > 0);
    return depth ? i : k;
}

/* The value after m in a run of deeds, past one in brackets after m
 * ((其中2项为子项)), when the run goes on: a mark, then a short deed in
 * the same unit (取消12项、下放8项); 0 when it does not. */
static size_t run_next(const lg_extractor *ex, const found *f, size_t m)
{
    const value *a = &f->values[m];
    size_t i = a->end, n = m + 1;
    if (n < f->nv && i < ex->n && (ex->cp[i] == '(' || ex->cp[i] == 0xFF08)) {
        i = past_bracket(ex, i, ex->n);
        while (n < f->nv && f->values[n].start < i)
            n++;
    }
    if (n >= f->nv || i >= f->values[n].start)
        return 0;
    const value *b = &f->values[n];
    if (strcmp(a->unit, b->unit) || a->kind != KIND_COUNT || b->kind != KIND_COUNT ||
        !(ex->cp[i] == 0x3001 /* 、 */ || ex->cp[i] == 0xFF0C || ex->cp[i] == ','))
        return 0;
    for (size_t q = i + 1; q < b->start; q++)
        if (!is_cjk(ex->cp[q]))
            return 0;
    size_t words = b->start - i - 1;
    return words >= 2 && words <= 6 ? n : 0;
}

/* 取消12项、新增17项、部门间移交1项行政权力事项: a run of deeds counted
 * in one unit shares the object named after its last value; each value
 * is its deed's (取消行政权力事项).  The deed: the words before the value
 * in its clause, ending in a verb. */
int complete_run_object(const name_ctx *c, const char *name, char *out, size_t cap)
{
    const lg_extractor *ex = c->ex;
    const found *f = c->f;
    size_t k = c->k, m = k, next, in_run = 0, steps = 0;
    /* (bounded walks: a sentence of thousands of values stays linear) */
    while ((next = run_next(ex, f, m)) && ++steps < RUN_MAX)
        m = next;
    for (size_t i = k; i-- > 0 && k - i <= 8 && !in_run;) /* is k after the run's first? */
        in_run = run_next(ex, f, i) == k;
    if (m == k && !in_run)
        return 0;
    size_t a = f->values[m].end, e = a;
    while (e < ex->n && is_cjk(ex->cp[e]) && e - a <= 12)
        e++;
    if (e == a || e - a > 12 || (e < ex->n && !class_at(ex, e, CL_BREAK)))
        return 0;
    char obj[64], deed[64];
    size_t on = nm_encode_chars(ex, a, e, obj, sizeof obj);
    span d = metric_trim(ex, (span){nm_raw_left_start(ex, f, k), f->values[k].start, 0}, f);
    size_t dn = nm_encode_chars(ex, d.a, d.b, deed, sizeof deed);
    if (!nm_str_suffix(ex, obj, on, LX_GENERIC_HEADS) || dn < 6 || dn > 18 ||
        !(nm_str_suffix(ex, deed, dn, LX_BARE_VERBS) || nm_str_suffix(ex, deed, dn, LX_COUNT_VERBS) >= 6 ||
          nm_verb_word(ex, deed, dn)) || (strstr(name, obj) && strstr(name, deed)))
        return 0;
    return snprintf(out, cap, "%s%s", deed, obj) < (int)cap;
}

/* 政务服务事项网上可办率94.3%，办理1.3万件: a verb alone, with no count in
 * its unit before, counts the deeds done on the thing the value before
 * was about, up to its generic head (政务服务事项办理). */
int complete_verb_of_before(const name_ctx *c, const char *name, char *out, size_t cap)
{
    const lg_extractor *ex = c->ex;
    size_t k = c->k, n = strlen(name);
    if (k == 0 || nm_verb_word(ex, name, n) != n || c->f->values[k].kind != KIND_COUNT)
        return 0;
    const char *s = nm_object_of(ex, c->done[k - 1].subject);
    size_t end = 0, sn = strlen(s);
    for (size_t i = 0; i < sn; i += nm_seq_len((unsigned char)s[i])) {
        size_t e = i + nm_seq_len((unsigned char)s[i]), h = e <= sn ? nm_str_suffix(ex, s, e, LX_GENERIC_HEADS) : 0;
        if (h && e - h >= 6)
            end = e;
    }
    if (!end || strstr(s, name))
        return 0;
    return snprintf(out, cap, "%.*s%s", (int)end, s, name) < (int)cap;
}

/* 制定地方性法规15部、政府规章22部: after 、 right after the value before,
 * a noun alone takes the verb that opened the item before (制定政府规章). */
int complete_list_verb(const name_ctx *c, const char *name, char *out, size_t cap)
{
    const lg_extractor *ex = c->ex;
    const found *f = c->f;
    size_t k = c->k, n = strlen(name);
    if (k == 0 || f->values[k - 1].end >= ex->n || ex->cp[f->values[k - 1].end] != 0x3001 /* 、 */ ||
        nm_raw_left_start(ex, f, k) != f->values[k - 1].end + 1 || n < 6 ||
        (nm_verb_word(ex, name, n) && n - nm_verb_word(ex, name, n) != 3) || /* (调解室 is a noun) */
        (strcmp(c->done[k - 1].unit, f->values[k].unit) &&
         (c->done[k - 1].kind != KIND_COUNT || f->values[k].kind != KIND_COUNT)))
        return 0; /* (counts in any unit: 取消事项18项、申请材料525份) */
    if (nm_str_suffix(ex, name, n, LX_COUNT_VERBS) >= 6)
        return 0; /* (专题学习, 作主题宣讲: a deed of its own) */
    const char *prev = c->done[k - 1].name;
    size_t pn = strlen(prev), at = 0, v = 0;
    /* the verb that opens the item before, or follows who acted (and an
     * adverb, [verb-adverbs]: 行政执法部门共作出…) */
    for (size_t i = 0; i < pn && !v; i += nm_seq_len((unsigned char)prev[i]))
        if ((v = nm_str_prefix(ex, prev + i, pn - i, LX_COUNT_VERBS)) < 6 || i + v + 6 > pn ||
            (i > 0 && !nm_str_suffix(ex, prev, i, LX_VERB_ADVERBS) && !nm_str_suffix(ex, prev, i, LX_AGENT_HEADS)))
            v = 0;
        else
            at = i;
    if (!v || nm_str_prefix(ex, prev + at, v, LX_CAUSATIVE_VERBS) == v || !strncmp(prev + at, "涉及", 6))
        return 0; /* (组织…: who acted; 涉及: a relation) */
    return snprintf(out, cap, "%.*s%s", (int)v, prev + at, name) < (int)cap;
}

/* The run of values around k joined by list marks alone: [*k0, *k1]. */
static void joined_run(const lg_extractor *ex, const found *f, size_t k, size_t *k0, size_t *k1)
{
    const value *v = f->values;
    *k0 = *k1 = k;
    while (*k0 > 0 && k - *k0 < RUN_MAX && nm_list_gap(ex, v[*k0 - 1].end, v[*k0].start))
        --*k0;
    while (*k1 + 1 < f->nv && *k1 - k < RUN_MAX && nm_list_gap(ex, v[*k1].end, v[*k1 + 1].start))
        ++*k1;
}

/* 城镇、农村居民人均可支配收入分别达到4.6万元、2.1万元，分别增长5.1%、
 * 7.3%: a second run after 分别, as long as the run before it, pairs with
 * that run's names in order. */
int complete_paired_again(const name_ctx *c, const char *name, char *out, size_t cap)
{
    const lg_extractor *ex = c->ex;
    const found *f = c->f;
    size_t k0, k1, j0, j1;
    (void)name;
    joined_run(ex, f, c->k, &k0, &k1);
    if (k1 == k0 || k0 == 0)
        return 0;
    joined_run(ex, f, k0 - 1, &j0, &j1);
    size_t a = f->values[j1].end, b = f->values[k0].start, i = a;
    while (i + 1 < b && !(ex->cp[i] == 0x5206 /* 分 */ && ex->cp[i + 1] == 0x522B /* 别 */))
        i++;
    /* (分别 right after the break: the second clause names no subject) */
    if (j1 - j0 != k1 - k0 || i != a + 1 || b - a > 12 || class_at(ex, a, CL_BREAK) == 0 ||
        ex->cp[a] == 0x3002 /* 。 */)
        return 0;
    return snprintf(out, cap, "%s", c->done[j0 + (c->k - k0)].subject) < (int)cap;
}

/* ---- the objects the paragraph's verbs took ------------------------- */

/* Where an object starting at char j ends: right after a generic head
 * that a mark follows, within 12 chars and with a modifier of 2 or more
 * before it; j when it does not. */
static size_t object_end(const lg_extractor *ex, size_t j)
{
    for (size_t e = j + 1; e <= ex->n && e - j <= 12 && is_cjk(ex->cp[e - 1]); e++) {
        size_t h = ends_any(ex, e, LX_GENERIC_HEADS);
        if (h && e - j >= h + 2 && (e == ex->n || !is_cjk(ex->cp[e])))
            return e;
    }
    return j;
}

/* Is char i one that joins verbs of a run (、 和 及 与 并)? */
static int joins_verbs(const lg_extractor *ex, size_t i)
{
    uint32_t cp = cp_at(ex, i);
    return cp == 0x3001 || cp == 0x548C || cp == 0x53CA || cp == 0x4E0E || cp == 0x5E76;
}

/* Every run of [bare-verbs] before char limit that takes an object into
 * d[0..cap) (a verb seen again takes its later object); how many. */
static size_t scan_deeds(const lg_extractor *ex, size_t limit, deed *d, size_t n, size_t cap)
{
    const lx_list_t *bare = &ex->lx->list[LX_BARE_VERBS];
    for (size_t i = 0; i < limit; i++) {
        /* (every sentence is scanned: most characters start no verb, and
         * the list's filter says so without a call) */
        if (!lx_first_group(bare, ex->cp[i]))
            continue;
        size_t verbs[8], lens[8], nv = 0, p = i, k;
        while (p < limit && nv < 8 && (k = starts_any(ex, p, LX_BARE_VERBS)) >= 2) {
            verbs[nv] = p, lens[nv++] = k;
            p += k;
            if (joins_verbs(ex, p) && starts_any(ex, p + 1, LX_BARE_VERBS) >= 2)
                p++;
        }
        if (nv == 0)
            continue;
        if (cp_at(ex, p) == 0x4E00 /* 一 */) /* 一批, 一些: how many, not what */
            p += 2;
        size_t e = p < limit ? object_end(ex, p) : p;
        if (e > p && e <= limit)
            for (size_t v = 0; v < nv; v++) {
                size_t at = 0;
                char verb[16];
                nm_encode_chars(ex, verbs[v], verbs[v] + lens[v], verb, sizeof verb);
                while (at < n && strcmp(d[at].verb, verb) != 0)
                    at++;
                if (at == n && n == cap)
                    continue;
                n += at == n;
                memcpy(d[at].verb, verb, sizeof verb);
                nm_encode_chars(ex, p, e, d[at].obj, sizeof d[at].obj);
            }
        i = p > i ? p - 1 : i;
    }
    return n;
}

void remember_deeds(lg_extractor *ex)
{
    ex->ndeeds = scan_deeds(ex, ex->n, ex->deeds, ex->ndeeds, sizeof ex->deeds / sizeof *ex->deeds);
}

/* 分四批取消、承接和调整行政许可事项。其中：第一批取消1项 -> 第一批取消
 * 行政许可事项: a count named by a verb alone (after an ordinal or a
 * scope of a few chars) is of the object the same verb took before in
 * its sentence or paragraph. */
int complete_deed(const name_ctx *c, const char *name, char *out, size_t cap)
{
    const lg_extractor *ex = c->ex;
    size_t n = strlen(name), vl = nm_str_suffix(ex, name, n, LX_BARE_VERBS);
    if (c->f->values[c->k].kind != KIND_COUNT || vl < 6 || n - vl > 12)
        return 0;
    for (size_t i = 0; i < n - vl; i += nm_seq_len((unsigned char)name[i]))
        if (nm_verb_word(ex, name + i, n - vl - i))
            return 0; /* (a deed of its own before the verb) */
    deed here[8];
    size_t nh = scan_deeds(ex, c->f->values[c->k].start, here, 0, 8);
    const char *verb = name + n - vl, *obj = NULL;
    for (size_t i = 0; i < nh && !obj; i++)
        if (!strcmp(here[i].verb, verb))
            obj = here[i].obj;
    for (size_t i = 0; i < ex->ndeeds && !obj; i++)
        if (!strcmp(ex->deeds[i].verb, verb))
            obj = ex->deeds[i].obj;
    return obj && snprintf(out, cap, "%s%s", name, obj) < (int)cap;
}

/* ---- the subjects of a paired run before ---------------------------- */

/* Are values i and i + 1 of f listed with 、 alone between them? */
static int listed_next(const lg_extractor *ex, const found *f, size_t i)
{
    return i + 1 < f->nv && f->values[i].end + 1 == f->values[i + 1].start &&
           ex->cp[f->values[i].end] == 0x3001 /* 、 */;
}

/* 政务服务、行政许可事项承诺时限压83%、78%，即办件占比53%、43% -> 政务服务
 * 事项即办件占比, 行政许可事项即办件占比: a run of values listed with 、
 * whose name gives no subjects of its own is of the subjects the run of as
 * many values right before it was paired with, named up to their generic
 * head (事项, 案件); 0 when that run's names do not differ so. */
int complete_pair(const name_ctx *c, const char *name, char *out, size_t cap)
{
    const lg_extractor *ex = c->ex;
    const found *f = c->f;
    size_t k0 = c->k, k1 = c->k;
    while (k0 > 0 && listed_next(ex, f, k0 - 1))
        k0--;
    while (listed_next(ex, f, k1))
        k1++;
    size_t m = k1 - k0 + 1, p0 = k0 - m;
    if (m < 2 || k0 < m || (p0 > 0 && listed_next(ex, f, p0 - 1)))
        return 0;
    for (size_t i = p0; i + 1 < k0; i++)
        if (!listed_next(ex, f, i))
            return 0;
    char subject[8][96];
    for (size_t i = 0; i < m; i++) {
        const char *s = c->done[p0 + i].name;
        size_t n = strlen(s), at = 6, h = 0;
        while (at < n && !(h = nm_str_prefix(ex, s + at, n - at, LX_GENERIC_HEADS)))
            at += nm_seq_len((unsigned char)s[at]);
        if (!h || (i > 0 && !strncmp(subject[i - 1], s, at + h)) || at + h >= sizeof subject[i])
            return 0;
        memcpy(subject[i], s, at + h);
        subject[i][at + h] = '\0';
    }
    const char *mine = subject[c->k - k0];
    for (size_t i = 0; i < m && c->k > k0; i++)
        if (!strncmp(name, subject[i], strlen(subject[i])))
            name += strlen(subject[i]); /* the name the run's first value got */
    for (size_t i = 0; i < m; i++)
        if (strstr(name, subject[i]))
            return 0; /* its own subject */
    return snprintf(out, cap, "%s%s", mine, name) < (int)cap;
}
