/* reject.c - the not-a-record tests: what value.c read as a value but
 * only looks like a value.
 *
 * Owns: ordinals and ranks (第一批 is none, 居全国第一 is a rank), bare
 * numbers, units of kind reject (dates, batches, versions), a unit that
 * starts another word (条例), a session's name (十五届人大3次会议),
 * years and names that read as durations (2023年, 24小时警局), short
 * quoted labels (“八五”), a lone Chinese numeral that is the word "one",
 * the labels of [not-records], numbers inside a 《title》, bounds naming a
 * class counted after them (超过1万人的省有23个), thresholds
 * naming a class (500万元以上企业) and a place's named length
 * (科尔沁500公里风景大道).
 * Reads: the value as value.c read it; the lexicon's [units],
 * [unit-word-starts], [unit-word-keeps], [score-units], [score-cues], [rank-cues], [rank-scopes], [count-cues],
 * [change-words], [duration-cues], [not-records], [threshold-followers];
 * the gazetteer's exact lookup. */
#include "extract_int.h"
#include "place.h"

/* chars of a unit that, followed by these, form another word (条例, 部署) */
static int unit_starts_word(const lg_extractor *ex, const char *unit, uint32_t next)
{
    uint32_t first;
    utf8_decode_one(unit, &first);
    if (!lx_bloom_has(ex->lx->list[LX_UNIT_WORD_STARTS].first_bits, first))
        return 0; /* (most units start no such word: the list's filter says so) */
    const lx_entry *e = lx_find(ex->lx, LX_UNIT_WORD_STARTS, unit, strlen(unit));
    if (!e)
        return 0;
    for (const char *p = e->field; *p;) {
        uint32_t cp;
        p += utf8_decode_one(p, &cp);
        if (cp == next)
            return 1;
    }
    return 0;
}

/* 70名单位负责人: the unit and the word after it ([unit-word-keeps]) part
 * as 名 + 单位, not as 名单. */
static int unit_kept(const lg_extractor *ex, const value *v, size_t ulen)
{
    size_t chars = utf8_chars_n(v->unit, ulen);
    return chars <= v->end && starts_any(ex, v->end - chars, LX_UNIT_WORD_KEEPS) != 0;
}

/* 考核得分95.6分, 满意度测评92分: a unit of [score-units] is a score when
 * the number has decimals or a word of [score-cues] stands before it in
 * its clause (else 3分 is a part: 一分为二, 分3批). */
int is_score(const lg_extractor *ex, const value *v)
{
    if (!lx_find(ex->lx, LX_SCORE_UNITS, v->unit, strlen(v->unit)))
        return 0;
    if (strchr(v->dec, '.'))
        return 1;
    for (size_t i = v->start, cs = clause_start(ex, v->start); i > cs && v->start - i < 24; i--)
        if (ends_any(ex, i, LX_SCORE_CUES))
            return 1;
    return 0;
}

/* Is char i inside a short quoted label (“八五”, “1+4”, “12345”)? */
static int in_short_quote(const lg_extractor *ex, size_t i)
{
    size_t open = (size_t)-1;
    for (size_t k = i; k > 0 && i - k < 16; k--) {
        uint32_t cp = ex->cp[k - 1];
        if (cp == 0x201D || cp == 0x300D || cp == 0x300B || has_class(ex, cp, CL_BREAK) ||
            cp == 0x3002)
            return 0; /* a closer or a break first: not inside */
        if (cp == 0x201C || cp == 0x300C || cp == 0x300A || cp == '"') {
            open = k - 1;
            break;
        }
    }
    if (open == (size_t)-1)
        return 0;
    for (size_t k = i; k < ex->n && k - open < 16; k++) {
        uint32_t cp = ex->cp[k];
        if (cp == 0x201D || cp == 0x300D || cp == 0x300B || cp == '"')
            return 1;
        if (cp == 0x3002 || cp == 0xFF0C)
            return 0;
    }
    return 0;
}

/* Does a label of [not-records] cover the value's characters? */
static int inside_label(const lg_extractor *ex, const value *v)
{
    const lx_list_t *labels = &ex->lx->list[LX_NOT_RECORDS];
    for (size_t k = 0; k < labels->n; k++) {
        const lx_entry *e = &labels->e[k];
        if (e->chars < v->end - v->start)
            continue;
        size_t lo = v->end > e->chars ? v->end - e->chars : 0;
        for (size_t at = lo; at <= v->start; at++)
            if (starts(ex, at, e->word))
                return 1;
    }
    return 0;
}

/* An Arabic digit or a Chinese numeral. */
static int numeral_cp(const lg_extractor *ex, uint32_t cp)
{
    return is_digit_cp(cp) || has_class(ex, cp, CL_NUMERAL);
}

/* Does the clause before the one starting at cs end with a rank (综合排名
 * 第十，东北四市第一: the second rank of a list of them has no cue)? */
static int after_rank_clause(const lg_extractor *ex, size_t cs)
{
    if (cs < 3 || (ex->cp[cs - 1] != 0xFF0C /* ， */ && ex->cp[cs - 1] != 0x3001 /* 、 */))
        return 0;
    size_t k = cs - 1;
    if (ex->cp[k - 1] == 0x540D /* 名 */ || ex->cp[k - 1] == 0x4F4D /* 位 */)
        k--;
    size_t digits = 0;
    while (k > 0 && digits < 4 && numeral_cp(ex, ex->cp[k - 1]))
        k--, digits++;
    return digits && k > 0 && ex->cp[k - 1] == 0x7B2C /* 第 */;
}

/* A rank ends its clause, or a list of ranks goes on after 、 (第十、东北
 * 四市第一), not a list of ordinals (第一、二批). */
static int rank_ends_here(const lg_extractor *ex, const value *v, const candidate *c)
{
    if (v->end >= ex->n || has_class(ex, c->after, CL_BREAK) || c->after == 0x3002)
        return 1;
    if (c->after != 0x3001 /* 、 */ || v->end + 1 >= ex->n)
        return 0;
    uint32_t next = ex->cp[v->end + 1];
    return next != 0x7B2C && !numeral_cp(ex, next);
}

/* 第一批, 第28个 are ordinals; 第7位, 第1名, 居全国第一, 全省第三 ranks.
 * Returns 1 when the value is no record; else it is made a rank. */
static int ordinal_rejected(const lg_extractor *ex, value *v, const candidate *c)
{
    size_t i = v->start;
    int rank = UNIT_IS(v->unit, "名") || UNIT_IS(v->unit, "位");
    /* 居全国第一, but not 第一方阵, 第一梯队: the rank ends the clause */
    if (!rank && !c->ulen && !c->mlen && rank_ends_here(ex, v, c)) {
        /* 调解率全市第一: a scope right before 第 makes it a rank */
        rank = ends_any(ex, i - 1, LX_RANK_SCOPES) != 0;
        size_t cs = clause_start(ex, i);
        for (size_t k = cs; k + 1 < i && !rank; k++)
            rank = starts_any(ex, k, LX_RANK_CUES) != 0;
        if (!rank)
            rank = after_rank_clause(ex, cs);
    }
    if (!rank || c->places || v->dec[0] == '-')
        return 1;
    strcpy(v->unit, "名");
    v->kind = KIND_RANK;
    v->start = i - 1;
    return 0;
}

/* 十五届人大三次会议, 十四届二十次会议: N次会 after a 届 in the clause is
 * the session's name, while 召开3次会议, 开展2次会前学法 count. */
static int session_name(const lg_extractor *ex, const value *v, const candidate *c)
{
    if (!UNIT_IS(v->unit, "次") || c->after != 0x4F1A /* 会 */)
        return 0;
    size_t cs = clause_start(ex, v->start);
    for (size_t k = v->start; k > cs && v->start - k < 12; k--)
        if (ex->cp[k - 1] == 0x5C4A /* 届 */)
            return 1;
    return 0;
}

/* A lone Chinese numeral: 一 is the word "one"; 三项制度, 两件大事 are
 * names; it counts only right after a verb that counts, or with a unit
 * no name takes (为期三个月, 两千米), or as an end of a range (三到五年). */
static int lone_numeral_rejected(const lg_extractor *ex, const value *v, const char *kind)
{
    size_t i = v->start;
    /* 增长了一倍, 提高一倍, 是上年的三倍: a change or a ratio of times */
    int times = UNIT_IS(v->unit, "倍") &&
                (ends_any(ex, i, LX_CHANGE_WORDS) || ends(ex, i, "翻") || ends(ex, i, "了") ||
                 ends(ex, i, "的") || ends(ex, i, "是"));
    /* 下降三个百分点: a change by a lone numeral of points */
    int points = (UNIT_IS(v->unit, "个百分点") || UNIT_IS(v->unit, "百分点")) &&
                 ends_any(ex, i, LX_CHANGE_WORDS);
    if (times || points || v->in_range)
        return 0;
    int long_unit = (kind == KIND_DURATION || kind == KIND_MEASURE) &&
                    utf8_chars_n(v->unit, strlen(v->unit)) > 1;
    return !strcmp(v->dec, "1") ? !ends_any(ex, i, LX_COUNT_CUES) || !long_unit
                                : !long_unit && !ends_any(ex, i, LX_COUNT_CUES);
}

/* 《…全面提质23条措施》: a number inside a title names the document. */
static int inside_closed_title(const lg_extractor *ex, const value *v)
{
    if (!inside_title(ex, v->start))
        return 0;
    for (size_t i = v->end; i < ex->n && i - v->end < TITLE_MAX_CHARS; i++)
        if (ex->cp[i] == 0x300B /* 》 */ || ex->cp[i] == 0x3009 /* 〉 */)
            return 1;
    return 0; /* a 《 never closed: damage, not a title */
}

/* 500万元以上企业, 3000平方米以上建筑: a threshold that names a class of
 * things (followed by a noun), not a figure.  Shares (90%以上的村) stay
 * figures, and so does a value whose 以上 a verb or a conjunction of
 * [threshold-followers] follows (100人以上参加). */
static int threshold_rejected(const lg_extractor *ex, const value *v, const candidate *c)
{
    if (!ends(ex, v->end, "以上") && !ends(ex, v->end, "以下"))
        return 0;
    if (UNIT_IS(v->unit, "%") || UNIT_IS(v->unit, "‰") || strstr(v->unit, "百分点"))
        return 0;
    return is_cjk(c->after) && !starts_any(ex, v->end, LX_THRESHOLD_FOLLOWERS);
}

/* 超过1万人的省有23个, 律师10人(含)以下的律师事务所2.53万家: a bound (a
 * qualifier of over or under before it, or 以上/以下 after) that names a
 * class counted right after it (的, a noun, then the count) is no figure. */
static int class_bound(const lg_extractor *ex, const value *v)
{
    if (UNIT_IS(v->unit, "%") || strstr(v->unit, "百分点"))
        return 0;
    const lx_entry *q = ends_entry(ex, v->start, LX_QUALIFIERS_BEFORE);
    int bound = q && (q->kind == LX_OVER || q->kind == LX_UNDER);
    size_t i = v->end;
    if (starts(ex, i, "(含)") || starts(ex, i, "（含）"))
        i += 3;
    if (starts(ex, i, "以上") || starts(ex, i, "以下"))
        i += 2, bound = 1;
    if (!bound || i >= ex->n || ex->cp[i] != 0x7684 /* 的 */)
        return 0;
    size_t a = ++i;
    while (i < ex->n && i - a < 16 && !class_at(ex, i, CL_BREAK) && !is_digit_cp(ex->cp[i]) &&
           (is_cjk(ex->cp[i]) || ex->cp[i] == '(' || ex->cp[i] == ')' || ex->cp[i] == 0x3001))
        i++;
    return i > a && i < ex->n && is_digit_cp(ex->cp[i]);
}

/* 科尔沁500公里风景大道: a place, a length and a noun, where a clause
 * starts, are the name of a route or a project, not a figure. */
static int named_measure(const lg_extractor *ex, const value *v, const candidate *c,
                         const char *kind)
{
    if (!c->ulen || kind != KIND_MEASURE || !is_cjk(c->after) ||
        starts_any(ex, v->end, LX_THRESHOLD_FOLLOWERS))
        return 0;
    for (size_t len = 2; len <= 4 && len <= v->start; len++) {
        size_t a = v->start - len;
        if (a > 0 && !class_at(ex, a - 1, CL_BREAK) && !class_at(ex, a - 1, CL_QUOTE))
            continue;
        char name[16];
        size_t bytes = ex->cb[v->start] - ex->cb[a];
        if (bytes >= sizeof name)
            continue;
        memcpy(name, ex->s.data + ex->cb[a], bytes);
        name[bytes] = '\0';
        if (lg_place_lookup(name, -1) >= 0)
            return 1;
    }
    return 0;
}

/* 从3年的数据来看: the span a clause looks over, no figure. */
static int viewpoint_span(const lg_extractor *ex, const value *v, const char *kind)
{
    if (kind != KIND_DURATION)
        return 0;
    size_t cs = clause_start(ex, v->start), ce = clause_end(ex, v->end);
    return starts_any(ex, cs, LX_VIEW_OPENS) && ends_any(ex, ce, LX_VIEW_CLOSES);
}

int rejected(const lg_extractor *ex, value *v, const candidate *c, int *is_rank)
{
    if (inside_label(ex, v))
        return 1;
    if (c->before == 0x7B2C /* 第 */) {
        if (ordinal_rejected(ex, v, c))
            return 1;
        *is_rank = 1;
        return 0;
    }
    if (!c->ulen && !c->places && !c->ratio && !UNIT_IS(v->unit, "%"))
        return 1; /* a bare number: a label, a code, a hotline */
    const lx_entry *u = c->ulen ? unit_lookup(ex, v->unit, c->ulen, v->unit_entry) : NULL;
    if (u && u->kind == LX_KIND_REJECT && !is_score(ex, v))
        return 1; /* dates, batches, versions, levels */
    /* the unit's kind, from u when u is the whole unit (a 半 may have
     * made 个 个月 since it was matched) */
    const char *kind = strlen(v->unit) == c->ulen ? unit_entry_kind(u) : unit_kind(ex, v->unit);
    if (c->ulen && ((unit_starts_word(ex, v->unit, c->after) && !unit_kept(ex, v, c->ulen)) ||
                    session_name(ex, v, c) || viewpoint_span(ex, v, kind)))
        return 1;
    if (UNIT_IS(v->unit, "年") && !c->half && (strlen(v->dec) >= 4 || strchr(v->dec, '.')))
        return 1;
    if ((UNIT_IS(v->unit, "小时") || UNIT_IS(v->unit, "分钟")) && is_cjk(c->after) &&
        c->after != 0x5185 /* 内 */ && c->after != 0x4EE5 /* 以 */ && c->after != 0x5DE6 /* 左 */ &&
        !ends_any(ex, v->start, LX_DURATION_CUES))
        return 1; /* 24小时警局, 30分钟服务圈: names; not 最快10分钟办结 */
    if (c->before == '+' || c->after == '+' || in_short_quote(ex, v->start))
        return 1;
    if (threshold_rejected(ex, v, c) || named_measure(ex, v, c, kind) || inside_closed_title(ex, v) ||
        class_bound(ex, v))
        return 1;
    if (v->chinese && v->single_cjk && !c->half && lone_numeral_rejected(ex, v, kind))
        return 1;
    if (v->start >= 2 && ex->cp[v->start - 2] == 0x6210 /* 成千上万, 成百上千: no number */ &&
        (ex->cp[v->start - 1] == 0x5343 || ex->cp[v->start - 1] == 0x767E))
        return 1;
    return 0;
}
