/* metric.c - the metric name of each value: the words before it (办理法律
 * 援助案件2320件), or after its classifier (开展12场政商恳谈会), or the
 * name of the value before (同比增长5%), trimmed of fillers, places,
 * years and verbs.
 * Owns: choosing and trimming those words (what the words around a name
 * say of it is metric_around.c's).
 * Reads: the sentence, its values, years and places; the lexicon's
 * [lead-fillers], [lead-before-verbs], [item-openers], [trail-fillers],
 * [weak-endings], [weak-exceptions], [comparisons], [count-verbs],
 * [right-stops], [right-lead],
 * [scope-words], [adverbs], [rank-topics], [change-words] and the
 * qualifiers before a value. */
#include "metric_int.h"

size_t nm_visible_chars(const lg_extractor *ex, span s)
{
    size_t k = 0;
    for (size_t i = s.a; i < s.b; i++)
        k += !class_at(ex, i, CL_QUOTE);
    return k;
}

/* Trim quotes, places, years and fillers off the start of s. */
static span trim_lead(const lg_extractor *ex, span s, const found *f)
{
    mentions places = PLACES_OF(f), years = YEARS_OF(f);
    for (int changed = 1; changed && s.a < s.b;) {
        changed = 0;
        size_t k;
        if ((k = nm_list_marker(ex, s.a, s.b)) || class_at(ex, s.a, CL_QUOTE)) { s.a += k ? k : 1; changed = 1; continue; }
        if ((k = skip_mention_at(places, s.a)) != s.a && k <= s.b) { s.a = k; changed = 1; continue; }
        if ((k = skip_mention_at(years, s.a)) != s.a && k <= s.b) { s.a = k; changed = 1; continue; }
        if ((k = starts_any(ex, s.a, LX_COMPARISONS)) && s.a + k <= s.b) {
            size_t y = skip_mention_at(years, s.a + k);
            if (y != s.a + k) { s.a = y; changed = 1; continue; }
        }
        if (!starts_any(ex, s.a, LX_LEAD_KEEP) && (k = starts_any(ex, s.a, LX_LEAD_FILLERS)) && s.a + k <= s.b) { s.a += k; changed = 1; continue; }
        /* 仅2021年就收到…: 就 before a verb, not 就业 */
        if ((k = starts_any(ex, s.a, LX_LEAD_BEFORE_VERBS)) && s.a + k < s.b &&
            starts_any(ex, s.a + k, LX_COUNT_VERBS) >= 2) { s.a += k; changed = 1; }
    }
    return s;
}

/* Trim quotes, years, places, scopes and fillers off the end of s. */
static span trim_trail(const lg_extractor *ex, span s, const found *f)
{
    mentions places = PLACES_OF(f), years = YEARS_OF(f);
    for (int changed = 1; changed && s.a < s.b;) {
        changed = 0;
        size_t k;
        if (class_at(ex, s.b - 1, CL_QUOTE)) { s.b--; changed = 1; continue; }
        if ((k = mention_ending_at(years, s.b)) != s.b && k >= s.a) { s.b = k; changed = 1; continue; }
        /* 列入包头市20件项目: a place before the number qualifies what follows */
        if ((k = mention_ending_at(places, s.b)) != s.b && k > s.a) { s.b = k; s.weak = 1; changed = 1; continue; }
        /* 实现全市95%个人政务服务事项: so does the scope */
        if ((k = ends_any(ex, s.b, LX_SCOPE_WORDS)) && s.b - k >= s.a) { s.b -= k; s.weak = 1; changed = 1; continue; }
        if (!ends_any(ex, s.b, LX_WEAK_EXCEPTIONS) && (k = ends_any(ex, s.b, LX_WEAK_ENDINGS)) &&
            s.b - k >= s.a) { s.b -= k; s.weak = 1; changed = 1; continue; }
        if ((k = ends(ex, s.b, "了")) && s.b - k >= s.a) { s.b -= k; s.weak = 1; changed = 1; continue; }
        if (!ends_any(ex, s.b, LX_TRAIL_KEEP) && (k = ends_any(ex, s.b, LX_TRAIL_FILLERS)) &&
            s.b - k >= s.a) { s.b -= k; changed = 1; continue; }
        if ((k = ends_any(ex, s.b, LX_QUAL_WORDS)) && s.b - k >= s.a) { s.b -= k; changed = 1; continue; }
        if ((k = ends_any(ex, s.b, LX_ADVERBS)) && s.b - k > s.a) { s.b -= k; changed = 1; continue; }
    }
    return s;
}

static span trim_words(const lg_extractor *ex, span s, const found *f)
{
    return trim_trail(ex, trim_lead(ex, s, f), f);
}

span metric_trim(const lg_extractor *ex, span s, const found *f)
{
    return trim_words(ex, s, f);
}

/* 被 starts a passive verb (被拉入黑名单, 被评为) unless it starts a
 * party's name: 被告, 被执行人, 被申请人, 被处罚人, 被害人 */
static int passive_at(const lg_extractor *ex, size_t i)
{
    if (ex->cp[i] != 0x88AB /* 被 */ || i + 1 >= ex->n)
        return 0;
    uint32_t next = ex->cp[i + 1];
    if (next == 0x544A /* 告 */ || next == 0x5BB3 /* 害 */)
        return 0;
    for (size_t k = i + 2; k < i + 5 && k < ex->n; k++)
        if (ex->cp[k] == 0x4EBA /* 人: 被执行人, 被申请人, 被处罚人 */)
            return 0;
    return 1;
}

/* 工作室共调解案件: an adverb of [verb-adverbs] before a counting verb,
 * not the end of a word (公共服务); its length, or 0. */
static size_t adverb_stop_at(const lg_extractor *ex, size_t i)
{
    size_t k = starts_any(ex, i, LX_VERB_ADVERBS);
    if (!k || starts_any(ex, i + k, LX_COUNT_VERBS) < 2 || ends_any(ex, i + k, LX_VERB_ADVERB_WORDS))
        return 0;
    return k;
}

/* The first char in [a, b) where the words stop naming a thing (a verb of
 * [right-stops], or 、 before another number: 11个县委书记、6大行业…), or b;
 * with adverbs, also an adverb before a counting verb (adverb_stop_at). */
static size_t right_stop_in(const lg_extractor *ex, size_t a, size_t b, int adverbs)
{
    for (size_t i = a; i < b; i++) {
        if (ex->cp[i] == 0x3001 /* 、 */ && i + 1 < ex->n &&
            (is_digit_cp(ex->cp[i + 1]) || class_at(ex, i + 1, CL_NUMERAL)))
            return i;
        if (passive_at(ex, i) || starts_any(ex, i, LX_RIGHT_STOPS) || (adverbs && adverb_stop_at(ex, i)))
            return i;
        /* 300家单位制定…清单: after a body, any counting verb says what it did */
        if (adverbs && ends_any(ex, i, LX_AGENT_HEADS) && starts_any(ex, i, LX_COUNT_VERBS) >= 2)
            return i;
    }
    return b;
}

/* The chars in [a, b) outside brackets and quotes: 村(社区) has one. */
static size_t unbracketed_chars(const lg_extractor *ex, size_t a, size_t b)
{
    size_t n = 0;
    int depth = 0;
    for (size_t i = a; i < b; i++) {
        uint32_t cp = ex->cp[i];
        int bracket = nm_bracket_step(cp, &depth);
        if (!bracket && !depth && !class_at(ex, i, CL_QUOTE))
            n++;
        else if (bracket && !depth)
            n++; /* (a closed bracket is one more: 镇(街道) counts two) */
    }
    return n;
}

/* The words after a classifier up to where they stop naming the counted
 * thing, when at least `least` characters name it.  A generic noun says
 * little alone: name_before_verb keeps 133项事项实现免证办 whole, where
 * 16家公共法律服务中心提供… is cut; the namer then tries the two-character
 * cut with what the things did before them (实现免证办事项). */
static span name_before_stop(const lg_extractor *ex, span right, const found *f, size_t least)
{
    size_t stop = right_stop_in(ex, right.a + 1, right.b, 1);
    if (stop == right.b ||
        !(ex->cp[stop] == 0x3001 /* 、 before a number */ || unbracketed_chars(ex, right.a, stop) >= least))
        return right;
    span named = trim_words(ex, (span){right.a, stop, 0}, f);
    return nm_visible_chars(ex, named) >= 2 ? named : right;
}

static span name_before_verb(const lg_extractor *ex, span right, const found *f)
{
    return name_before_stop(ex, right, f, 3);
}

/* The members after the first of a list before 等 in s (、合同审查、规范性
 * 文件论证 of 参与政府决策、合同审查、规范性文件论证等涉法事务), or an empty
 * span. */
static span members_in(const lg_extractor *ex, span s)
{
    size_t first = 0, etc = 0;
    for (size_t i = s.a; i < s.b; i++)
        if (ex->cp[i] == 0x3001 /* 、 */ && !first)
            first = i;
        else if (ex->cp[i] == 0x7B49 /* 等 */ && first && i + 1 < s.b)
            etc = i;
    return first && etc ? (span){first, etc, 0} : (span){s.a, s.a, 0};
}

/* What the things counted after a classifier did, when the clause says it
 * in a few words after them: 2061家药品零售企业全部上线 -> 上线,
 * 13篇信息被省级媒体转载 -> 被省级媒体转载.  Returns 1 with the words in
 * *pred (adverbs off its start). */
static int short_predicate(const lg_extractor *ex, span right, span named, const found *f,
                           span *pred)
{
    if (named.b >= right.b || ex->cp[named.b] == 0x3001 /* 、 */)
        return 0;
    span p = {right_stop_in(ex, named.b, right.b, 1), right.b, 0};
    size_t k = starts_any(ex, p.a, LX_RIGHT_STOPS);
    if ((k && p.a + k < right.b && ex->cp[p.a + k] == 0x7684 /* 的 */) || ex->cp[p.a] == 0x4E3A /* 为 */)
        return 0; /* 由…组成的专家库: a clause on another thing; 为主体: a part played */
    /* adverbs, a passive 被 and the empty 进行(了) say nothing of the deed */
    while (p.a < p.b && ((k = starts_any(ex, p.a, LX_ADVERBS)) || (k = starts_any(ex, p.a, LX_LEAD_FILLERS)) ||
                         (k = starts_any(ex, p.a, LX_VERB_GLUE)) || (k = passive_at(ex, p.a)) ||
                         (k = starts(ex, p.a, "进行了") ? 3 : starts(ex, p.a, "进行") ? 2 : 0)))
        p.a += k;
    p = trim_words(ex, p, f);
    size_t chars = nm_visible_chars(ex, p), marks = 0;
    for (size_t i = p.a; i < p.b; i++)
        if (is_digit_cp(ex->cp[i]) || class_at(ex, i, CL_NUMERAL))
            return 0;
        else
            marks += ex->cp[i] == 0x3001;
    span m = members_in(ex, p);
    if (m.b > m.a) { /* 参与政府决策、合同审查等涉法事务: the first member and 等 */
        chars -= nm_visible_chars(ex, m);
        marks = 0;
    }
    /* (被国家级、自治区级媒体转载: one 、 between two modifiers, not a list of
     * deeds; bodies, 300家单位制定…清单, are named by a longer deed) */
    size_t most = ends_any(ex, named.b, LX_AGENT_HEADS) ? 20 : 12;
    if (chars < 2 || chars > most + 2 * marks || marks > 1)
        return 0;
    *pred = p;
    return 1;
}


static int only_change_words(const lg_extractor *ex, span s)
{
    /* 比2022年增加, 同比增长: the change of the indicator named before */
    size_t b = s.b, k;
    while (b > s.a && (k = ends_any(ex, b, LX_CHANGE_WORDS)) && b - k >= s.a)
        b -= k;
    if (b == s.b)
        return 0;
    while (b > s.a && (k = ends_any(ex, b, LX_COMPARISONS)) && b - k >= s.a)
        b -= k;
    return b == s.a;
}

/* A bracket opened at i that lists or explains more than four characters
 * (调解队伍(金牌调解员、行业专家…); 村(社区) names a kind): where it closes,
 * else 0; i itself when it does not close before b (法务1篇 in (法务1篇)
 * is named without it). */
static size_t long_bracket_end(const lg_extractor *ex, size_t i, size_t b)
{
    size_t k = i + 1, inner = 0;
    int depth = 1;
    for (; k < b; k++) {
        uint32_t cp = ex->cp[k];
        if (cp == '(' || cp == 0xFF08)
            depth++;
        else if ((cp == ')' || cp == 0xFF09) && --depth == 0)
            break;
        else
            inner++;
    }
    if (k == b)
        return i;
    return inner > 4 ? k : 0;
}

/* The first place in s from which at most max visible chars are left and
 * a phrase starts (after 的 等 》 or a bracket, or at a verb), or s.a.
 * (A list mark is no such place: the list's first items would go.) */
static size_t tail_phrase_start(const lg_extractor *ex, span s, size_t max)
{
    size_t left = nm_visible_chars(ex, s);
    for (size_t p = s.a; p < s.b; p++) {
        if (p > s.a && left <= max) {
            uint32_t c = ex->cp[p - 1];
            if (c == 0x7684 /* 的 */ || c == 0x7B49 /* 等 */ || c == 0x300B /* 》 */ || c == ')' ||
                c == 0xFF09 || starts_any(ex, p, LX_COUNT_VERBS) >= 2)
                return p;
        }
        left -= !class_at(ex, p, CL_QUOTE);
    }
    return s.a;
}

/* The chars of s a name keeps: long brackets' members and notes go. */
static size_t kept_chars(const lg_extractor *ex, span s)
{
    size_t k = 0, close;
    for (size_t i = s.a; i < s.b; i++) {
        uint32_t cp = ex->cp[i];
        if ((cp == '(' || cp == 0xFF08) && (close = long_bracket_end(ex, i, s.b)) > i)
            i = close;
        else
            k += !class_at(ex, i, CL_QUOTE);
    }
    return k;
}

static void append_span(const lg_extractor *ex, text_buf *out, span s, int keep_tail)
{
    size_t total = kept_chars(ex, s), skip = 0, taken = 0;
    size_t max = METRIC_MAX_CHARS;
    if (total > METRIC_MAX_CHARS && keep_tail) {
        /* cut where a phrase starts, never in the middle of a word */
        size_t from = tail_phrase_start(ex, s, METRIC_MAX_CHARS);
        if (from == s.a)
            from = tail_phrase_start(ex, s, METRIC_LONG_CHARS);
        if (from > s.a)
            s.a = from;
        else if (total <= METRIC_LONG_CHARS)
            max = total;
        else
            skip = total - METRIC_MAX_CHARS;
        if (nm_visible_chars(ex, s) > max)
            max = nm_visible_chars(ex, s);
    }
    if (text_reserve(out, 4 * max))
        return; /* out->failed tells */
    for (size_t i = s.a; i < s.b; i++) {
        uint32_t cp = ex->cp[i];
        if (class_at(ex, i, CL_QUOTE) || cp == 0xFFFD || nm_dropped_char(ex, i))
            continue;
        size_t close;
        if ((cp == '(' || cp == 0xFF08) && (close = long_bracket_end(ex, i, s.b))) {
            i = close; /* the members or notes in brackets are no part of the name */
            continue;
        }
        if (skip) { skip--; continue; }
        if (taken++ == max)
            break;
        out->len += utf8_encode(cp, out->data + out->len);
    }
    out->data[out->len] = '\0';
}

/* s, the members after the first left out (members_in). */
static void append_predicate(const lg_extractor *ex, text_buf *out, span s)
{
    span m = members_in(ex, s);
    if (m.b > m.a) {
        append_span(ex, out, (span){s.a, m.a, 0}, 0);
        s.a = m.b;
    }
    append_span(ex, out, s, 0);
}

/* What name_metric settles about a value before choosing its words. */
typedef struct naming {
    size_t clause;     /* the value's clause start */
    span left;         /* the words before it */
    size_t left_chars; /* of them, visible */
    int after_prev;    /* they follow another value of the clause */
    int after_title;   /* they end in a title: 推出《思法人生》15部 */
    int change_only;   /* they only say it changed: 同比增长 */
    int list_item;     /* they open an item after a 、 past the value before */
    span right;        /* the words after its classifier */
    size_t last;       /* the last value of its run of adjacent values */
} naming;

/* Past the last 、 in [a, b) outside brackets, or a. */
static size_t after_last_list_mark(const lg_extractor *ex, size_t a, size_t b)
{
    size_t at = a;
    int depth = 0;
    for (size_t i = a; i < b; i++) {
        uint32_t cp = ex->cp[i];
        if (!nm_bracket_step(cp, &depth) && cp == 0x3001 /* 、 */ && !depth)
            at = i + 1;
    }
    return at;
}

/* The words before the value, from its clause start or the value before. */
static void left_words(const lg_extractor *ex, const found *f, size_t k, naming *nm)
{
    const value *values = f->values, *v = &values[k];
    size_t cs = nm->clause = clause_start(ex, v->start);
    if (k > 0 && values[k - 1].end > cs && values[k - 1].end <= v->start)
        cs = values[k - 1].end;
    nm->after_prev = cs > nm->clause;
    nm->list_item = 0;
    /* 审结案件977件中直接纠错236件: the 中 is the first value's */
    if (nm->after_prev && cs + 1 < v->start && ex->cp[cs] == 0x4E2D /* 中 */)
        cs++;
    nm->left = (span){cs, v->start, 0};
    if (nm->after_prev) {
        /* 编发周报8期、提醒函22件: after a separator the words name the next
         * value; 16家服务中心提供法律咨询44万人次: after a verb too */
        size_t stop, item = after_last_list_mark(ex, cs, v->start);
        if (starts_separator(ex, cs)) {
            nm->after_prev = 0;
        } else if (item > cs) {
            /* 案前化解1757件全省最高、涉企服务点476个: the words after the
             * list mark begin the next item */
            nm->left.a = item;
            nm->after_prev = 0;
            /* (甲、乙等600家企业: members before 等, the kind after the value) */
            nm->list_item = ex->cp[v->start - 1] != 0x7B49 /* 等 */;
        } else if ((stop = right_stop_in(ex, cs + 1, v->start, 0)) < v->start &&
                   ex->cp[stop] != 0x3001 /* 、 */) {
            nm->left.a = stop + starts_any(ex, stop, LX_RIGHT_STOPS);
            nm->after_prev = 0;
        }
    }
    size_t t = nm->left.b;
    while (t > nm->left.a && ex->cp[t - 1] == 0x7B49 /* 等 */)
        t--;
    nm->after_title = t > nm->left.a && ex->cp[t - 1] == 0x300B /* 》 */;
    /* a leading qualifier word is not part of the name */
    size_t q;
    if ((q = ends_any(ex, nm->left.b, LX_QUAL_WORDS)) && nm->left.b - q >= nm->left.a)
        nm->left.b -= q;
    nm->left = trim_words(ex, nm->left, f);
    /* 结果分别为决定撤销48件: the items start after 分别为 */
    for (size_t i = nm->left.a, k; i + 2 < nm->left.b; i++)
        if ((k = starts_any(ex, i, LX_ITEM_OPENERS)) && nm_visible_chars(ex, (span){i + k, nm->left.b, 0}) >= 2)
            nm->left.a = i + k;
    /* a year inside the words (…指标2022年2023年行政复议案件) ends a header
     * or a time phrase: the name comes after it */
    for (size_t i = 0; i < f->nym; i++)
        if (!f->ym[i].comparison && f->ym[i].start >= nm->left.a && f->ym[i].end < nm->left.b)
            nm->left.a = f->ym[i].end;
}

/* 群众满意度提高2.1个百分点: the indicator is what rose, the change
 * words, a comparison's year and adverbs are cut off. */
static span strip_change(const lg_extractor *ex, span left, const found *f)
{
    mentions years = YEARS_OF(f);
    for (int again = 1; again;) {
        again = 0;
        size_t k2, y = mention_ending_at(years, left.b);
        if ((k2 = ends_any(ex, left.b, LX_CHANGE_WORDS)) && left.b - k2 > left.a + 1) {
            left.b -= k2;
            again = 1;
        } else if (y != left.b && y > left.a + 1) {
            left.b = y; /* 比2022年 */
            again = 1;
        } else if ((k2 = ends_any(ex, left.b, LX_COMPARISONS)) && left.b - k2 > left.a + 1) {
            left.b -= k2;
            again = 1;
        } else if ((k2 = ends_any(ex, left.b, LX_ADVERBS)) && left.b - k2 > left.a + 1) {
            left.b -= k2;
            again = 1;
        }
    }
    return left;
}

/* Settle the left words: change, weak (they name an action). */
static void settle_left(const lg_extractor *ex, const found *f, size_t k, const char *prev,
                        naming *nm)
{
    const value *v = &f->values[k];
    span *left = &nm->left;
    nm->change_only = only_change_words(ex, *left);
    /* 时限压缩至3.5个工作日，较法定时限缩短80%: a clause that opens with
     * its comparison has dropped its subject, the indicator named before */
    if (v->kind == KIND_CHANGE && *prev && left->a < left->b &&
        (ex->cp[left->a] == 0x8F83 /* 较 */ || ex->cp[left->a] == 0x6BD4 /* 比 */ ||
         starts_any(ex, left->a, LX_COMPARE_WORDS) >= 2 /* 低于全区平均水平4个百分点 */))
        nm->change_only = 1;
    if (!nm->change_only && (v->kind == KIND_CHANGE || v->kind == KIND_MULTIPLE))
        *left = strip_change(ex, *left, f);
    /* 地区生产总值完成356亿元: the level is the indicator's, not a deed */
    size_t lv;
    if (v->kind != KIND_COUNT && (lv = ends_any(ex, left->b, LX_LEVEL_VERBS)) &&
        left->b - lv >= left->a + 2)
        left->b -= lv;
    /* 不动产登记平均2小时办结: a time is the deed's own, not a count of it */
    if (!nm->change_only && left->b > left->a && ends_any(ex, left->b, LX_COUNT_VERBS) &&
        !(v->kind == KIND_DURATION && nm_visible_chars(ex, *left) >= 4))
        left->weak = 1;
    nm->left_chars = nm_visible_chars(ex, *left);
    if (nm->left_chars < 2)
        left->weak = 1;
    for (size_t i = left->b; i > left->a && left->b - i < 3; i--)
        if (ex->cp[i - 1] == 0x7B49 /* 等 */)
            left->weak = 1;
    /* 14个部门91项事项: the words between two values name the first */
    if (nm->after_prev || nm->after_title)
        left->weak = 1;
}

/* The words after the classifier, up to the clause end or next value;
 * adjacent values (14类60项办事服务项目) share the words after the last. */
static void right_words(const lg_extractor *ex, const found *f, size_t k, naming *nm)
{
    const value *values = f->values;
    size_t j = k;
    while (j + 1 < f->nv && values[j + 1].start == values[j].end)
        j++;
    nm->last = j;
    span right = {values[j].end, clause_end(ex, values[j].end), 0};
    if (j + 1 < f->nv && values[j + 1].start < right.b) {
        right.b = values[j + 1].start;
        if (j > k) /* words running into another value are not shared */
            right.a = right.b = values[k].end;
    }
    /* (其中2项为子项): inside brackets, the words stop where they close */
    int depth = 0;
    for (size_t i = right.a; i < right.b; i++)
        if (!nm_bracket_step(ex->cp[i], &depth) && (ex->cp[i] == ')' || ex->cp[i] == 0xFF09)) {
            right.b = i;
            break;
        }
    size_t r;
    while (right.a < right.b && ((r = starts_any(ex, right.a, LX_RIGHT_LEAD)) || class_at(ex, right.a, CL_QUOTE)))
        right.a += r ? r : 1;
    /* 作主题宣讲5次等多种形式: a value that closes a list of examples is
     * named by its own item; the words after 等 are what the list was */
    if (right.a < right.b && ex->cp[right.a] == 0x7B49 /* 等 */)
        right.b = right.a;
    nm->right = trim_words(ex, right, f);
}

/* 行政不作为类案件明显增加，同比增长50%: a change with no name of its own
 * is of what the clause before says rose or fell, the words before its
 * adverb or change word.  Returns 1 with them in *out. */
static int changed_before(const lg_extractor *ex, const found *f, size_t clause, span *out)
{
    if (clause < 2)
        return 0;
    span s = {clause_start(ex, clause - 1), clause - 1, 0};
    size_t i = s.a + 2;
    while (i < s.b && !ends_any(ex, i, LX_ADVERBS) && !starts_any(ex, i, LX_CHANGE_WORDS))
        i++;
    if (i >= s.b)
        return 0;
    size_t k;
    while (i > s.a && ((k = ends_any(ex, i, LX_ADVERBS)) || (k = ends_any(ex, i, LX_LEAD_FILLERS)) >= 2))
        i -= k; /* 明显, 持续 */
    for (size_t q = s.a; q < i; q++)
        if (is_digit_cp(ex->cp[q]))
            return 0; /* a clause with a value names that value */
    *out = trim_words(ex, (span){s.a, i, 0}, f);
    return nm_visible_chars(ex, *out) >= 2;
}

/* Verbs opening s, with 、 和 并 了 between them (新建、改建), in chars. */
size_t nm_leading_verbs(const lg_extractor *ex, span s)
{
    size_t i = s.a, end = s.a, k;
    while (i < s.b) {
        if ((k = starts_any(ex, i, LX_COUNT_VERBS)) >= 2 || (k = starts_any(ex, i, LX_BARE_VERBS))) {
            i += k;
            end = i;
        } else if (i > s.a && (ex->cp[i] == 0x3001 /* 、 */ || ex->cp[i] == 0x548C /* 和 */ ||
                               ex->cp[i] == 0x5E76 /* 并 */ || ex->cp[i] == 0x4E86 /* 了 */)) {
            i++;
        } else {
            break;
        }
    }
    return end - s.a;
}

/* Marks of a list in s outside brackets: 、 (not a heading's 五、), 》
 * closing titles, and where the last 等 after them ends. */
typedef struct list_marks {
    size_t marks, titles, etc;
    size_t title_end;    /* past the last 》 */
    size_t marks_at_etc; /* the 、 before that 等 */
} list_marks;

static list_marks find_list_marks(const lg_extractor *ex, span s)
{
    list_marks m = {0, 0, 0, 0, 0};
    int depth = 0;
    for (size_t i = s.a; i < s.b; i++) {
        uint32_t cp = ex->cp[i];
        if (nm_bracket_step(cp, &depth) || depth)
            continue;
        if (cp == 0x3001 /* 、 */ && i > s.a && !class_at(ex, i - 1, CL_NUMERAL) &&
            !is_digit_cp(ex->cp[i - 1]))
            m.marks++;
        else if (cp == 0x300B /* 》 */)
            m.titles++, m.title_end = i + 1;
        else if (cp == 0x7B49 /* 等 */ && (m.marks || m.titles))
            m.etc = i + 1, m.marks_at_etc = m.marks;
    }
    return m;
}

/* 制定实施甲、乙、丙3部地方性法规, 修订《…》等3部条例, 出台《甲》《乙》等
 * 规范性文件30件: the members listed before a value are not its name; the
 * kind they are (after the classifier, or after 等 ending a list of
 * titles) is, with the verbs before the list.  Returns 1 when out got a
 * name. */
static int list_name(const lg_extractor *ex, span left, size_t end, span right, text_buf *out)
{
    list_marks m = find_list_marks(ex, (span){left.a, end, 0});
    /* titles are members only where nothing but 等 follows them:
     * 《法治浙江》司法要情录用1篇 is named by its words */
    size_t t = m.title_end;
    while (t < end && class_at(ex, t, CL_QUOTE))
        t++;
    int titles_only = m.titles && (m.etc ? m.marks_at_etc : m.marks) == 0;
    if (titles_only && t < end && !(ex->cp[t] == 0x7B49 /* 等 */ && m.etc == t + 1))
        return 0;
    if (!titles_only && m.etc && m.marks_at_etc == 0)
        m.marks = 0; /* 、 only after 等 are the kind's own: 等规范性文件、重大决策 */
    if (right.a < right.b && (ex->cp[right.a] == '(' || ex->cp[right.a] == 0xFF08))
        right.b = right.a; /* (法务1篇): an aside, not a kind */
    span kind;
    if ((m.marks || m.titles) && nm_visible_chars(ex, right) >= 2)
        kind = right;
    else if (titles_only && m.etc && left.b - m.etc >= 2)
        kind = (span){m.etc, left.b, 0};
    else
        return 0;
    text_buf rest = {0};
    append_span(ex, &rest, kind, 0);
    if (rest.failed || utf8_chars_n(rest.data ? rest.data : "", rest.len) < 2) {
        text_free(&rest);
        return 0;
    }
    size_t verbs = nm_leading_verbs(ex, left);
    if (verbs)
        append_span(ex, out, (span){left.a, left.a + verbs, 0}, 0);
    text_append(out, rest.data, rest.len);
    text_free(&rest);
    return 1;
}

/* Is [a, b) only list separators (、 和 及 与), and not empty? */
int nm_list_gap(const lg_extractor *ex, size_t a, size_t b)
{
    for (size_t i = a; i < b; i++)
        if (ex->cp[i] != 0x3001 && ex->cp[i] != 0x548C && ex->cp[i] != 0x53CA && ex->cp[i] != 0x4E0E)
            return 0;
    return b > a;
}

/* The items of s at 和 、 及 与 outside brackets: their bounds in cut[],
 * their count returned (0 when more than max). */
static size_t split_items(const lg_extractor *ex, span s, span *item, size_t max)
{
    size_t n = 0, from = s.a;
    int depth = 0;
    for (size_t i = s.a; i <= s.b; i++) {
        uint32_t cp = i < s.b ? ex->cp[i] : 0;
        nm_bracket_step(cp, &depth);
        if (i < s.b && (depth || !(cp == 0x3001 || cp == 0x548C || cp == 0x53CA || cp == 0x4E0E)))
            continue;
        if (n == max || i == from)
            return 0;
        item[n++] = (span){from, i, 0};
        from = i + 1;
    }
    return n;
}

/* The 、 in [a, b), or SIZE_MAX when a 和 及 与 lists there too. */
static size_t marks_in(const lg_extractor *ex, size_t a, size_t b)
{
    size_t n = 0;
    for (size_t i = a; i < b; i++)
        if (ex->cp[i] == 0x548C || ex->cp[i] == 0x53CA || ex->cp[i] == 0x4E0E)
            return SIZE_MAX;
        else
            n += ex->cp[i] == 0x3001;
    return n;
}

/* 育肥和屠宰规模分别增长85%、46.5%: as many things named before 分别 as
 * values after it pair in order, two of them sharing the head one leaves
 * out (育肥规模, 屠宰规模; 京访批次和人次 -> 京访人次).  Returns 1 when
 * out got the name of f->values[k]. */
static int paired_name(const lg_extractor *ex, const found *f, size_t k, text_buf *out)
{
    const value *values = f->values;
    size_t k0 = k, k1 = k;
    while (k0 > 0 && nm_list_gap(ex, values[k0 - 1].end, values[k0].start))
        k0--;
    while (k1 + 1 < f->nv && nm_list_gap(ex, values[k1].end, values[k1 + 1].start))
        k1++;
    size_t m = k1 - k0 + 1, a = clause_start(ex, values[k0].start), b = values[k0].start, q;
    if (m < 2 || m > 8)
        return 0;
    while (b > a + 1 && !(ex->cp[b - 1] == 0x522B /* 别 */ && ex->cp[b - 2] == 0x5206 /* 分 */))
        b--;
    /* 市级、县级…可办率达到98%、95%: with no 分别, as many items before the
     * values, listed with 、 only, pair with them as well */
    int listed = b <= a + 1;
    if (listed)
        b = a + 2;
    /* only a change or level between 分别 and the values: 甲区、乙区分别
     *受理… names the places' counts by the verb after 分别 */
    size_t e = values[k0].start;
    if ((q = ends_any(ex, e, LX_TRAIL_FILLERS)) && e - q + 2 == b)
        e = b; /* 分别为 */
    while (e > b && ((q = ends_any(ex, e, LX_CHANGE_WORDS)) || (q = ends_any(ex, e, LX_TRAIL_FILLERS)) ||
                     (q = ends_any(ex, e, LX_QUAL_WORDS))) && e - q >= b)
        e -= q;
    if (b == a || (e != b && !listed) || (listed && marks_in(ex, a, e) != m - 1))
        return 0;
    naming nm;
    left_words(ex, f, k0, &nm);
    span left = {nm.left.a, listed ? e : b - 2, 0};
    while ((q = ends_any(ex, left.b, LX_ADVERBS)) && left.b - q > left.a)
        left.b -= q;
    span item[8];
    if (left.a >= left.b || split_items(ex, left, item, 8) != m)
        return 0;
    mentions places = PLACES_OF(f);
    for (size_t i = 0; i < m; i++)
        if (skip_mention_at(places, item[i].a) == item[i].b)
            return 0; /* places are where, not what (resolve_place pairs them) */
    span mine = item[k - k0];
    size_t la = item[0].b - item[0].a, lb = item[m - 1].b - item[m - 1].a;
    if (m == 2 && k == k0 && la < lb) {
        append_span(ex, out, mine, 0); /* 育肥 + 规模 */
        mine = (span){item[1].a + la, item[1].b, 0};
    } else if (m == 2 && k == k1 && lb < la) {
        append_span(ex, out, (span){item[0].a, item[0].b - lb, 0}, 0); /* 京访 + 人次 */
    }
    append_span(ex, out, mine, 0);
    return 1;
}

/* The chars a name of the words after value j's classifier opens with
 * when they are a level ([shared-level-ends]: 市级, 县级), or 0. */
static size_t level_at(const lg_extractor *ex, const found *f, size_t j, span *named)
{
    naming nm;
    right_words(ex, f, j, &nm);
    *named = name_before_verb(ex, nm.right, f);
    for (size_t i = named->a + 1; i < named->a + 3 && i < named->b; i++)
        if (starts_any(ex, i, LX_SHARED_LEVEL_ENDS) == 1)
            return i + 1 - named->a;
    return 0;
}

/* 构建起由36个市级、9个县级、48个乡级行政执法监督机构组成的…: levels
 * listed before the last one's thing share it (市级行政执法监督机构).
 * Returns 1 when out got the name of f->values[k]. */
static int shared_level_name(const lg_extractor *ex, const found *f, size_t k, text_buf *out)
{
    size_t e = f->values[k].end, i = e;
    while (i < ex->n && i < e + 6 && !(nm_list_gap(ex, i + 1, i + 2) && starts_any(ex, i, LX_SHARED_LEVEL_ENDS)))
        i++;
    if (i >= ex->n || i == e + 6)
        return 0; /* (no level before a list mark just after the value) */
    span mine, next;
    size_t lv = level_at(ex, f, k, &mine), from = mine.b;
    if (!lv || lv != mine.b - mine.a)
        return 0; /* the level alone */
    for (size_t j = k + 1; j < f->nv && nm_list_gap(ex, from, f->values[j].start); j++) {
        size_t l2 = level_at(ex, f, j, &next);
        if (!l2)
            return 0;
        if (next.b - next.a >= l2 + 2) {
            append_span(ex, out, mine, 0);
            append_span(ex, out, (span){next.a + l2, next.b, 0}, 0);
            return 1;
        }
        from = next.b;
    }
    return 0;
}

/* 对27个乡(镇、区)、36个县直单位进行实地督察: the items of a list of counts
 * share what the last one did.  Returns 1 with it in *pred. */
static int list_predicate(const lg_extractor *ex, const found *f, size_t k, span named, span *pred)
{
    size_t j = k;
    naming nm;
    while (j + 1 < f->nv && nm_list_gap(ex, named.b, f->values[j + 1].start)) {
        right_words(ex, f, ++j, &nm);
        named = name_before_verb(ex, nm.right, f);
    }
    if (j == k || (j + 1 < f->nv && f->values[j + 1].start < clause_end(ex, f->values[j].end)))
        return 0;
    return short_predicate(ex, nm.right, named, f, pred);
}

/* A government, a doer or an owner before the value, whose the things
 * named after it are (metric_around.c); 1 with them in *body. */
static int whose_before(const lg_extractor *ex, const found *f, size_t k, const naming *nm, span *body)
{
    return nm_government_before(ex, nm->left, body) || nm_doer_of_times(ex, f, k, nm->left, nm->right, body) ||
           nm_owner_before(ex, f, k, nm->left, body);
}

void name_metric(const lg_extractor *ex, const found *f, size_t k, const char *prev,
                 text_buf *out)
{
    if (paired_name(ex, f, k, out) || shared_level_name(ex, f, k, out))
        return;
    const value *values = f->values, *v = &values[k];
    naming nm;
    left_words(ex, f, k, &nm);
    settle_left(ex, f, k, prev, &nm);
    right_words(ex, f, k, &nm);
    span left = nm.left, body, right_named;
    size_t j = nm.last, left_chars = nm.left_chars;
    /* 2900件3265件行政诉讼案件750件: the words after a value that directly
     * follows another run into the next value; they are its name */
    int adjacent_prev = k > 0 && values[k - 1].end == v->start;
    int right_is_next_label = j + 1 < f->nv && values[j + 1].start == nm.right.b;
    if (adjacent_prev && *prev && right_is_next_label) {
        text_append(out, prev, strlen(prev));
    } else if (v->kind == KIND_RANK && !(left_chars >= 4 && !nm.after_prev && nm_context_clause_before(ex, nm.clause)) &&
               nm_rank_topic(ex, v->start, &left)) {
        /* (在全省…质量评估中，我市法律援助案件优良率全省第三: after a clause
         * of context, the clause's own words name what ranks) */
        append_span(ex, out, trim_words(ex, left, f), 1);
    } else if (nm.change_only && *prev) {
        text_append(out, prev, strlen(prev));
    } else if (nm.change_only && k == 0 && changed_before(ex, f, nm.clause, &left)) {
        append_span(ex, out, left, 1);
    } else if (!nm.after_prev && whose_before(ex, f, k, &nm, &body) &&
               nm_visible_chars(ex, (right_named = name_before_verb(ex, nm.right, f))) >= 2) {
        append_span(ex, out, body, 0);
        append_span(ex, out, right_named, 0);
    } else if (!nm.after_prev &&
               list_name(ex, left, v->start, starts_separator(ex, values[j].end) ? (span){0, 0, 0} :
                                   name_before_verb(ex, nm.right, f), out)) {
        /* named by the kind of the members listed */
    } else if ((left.weak || left_chars <= 2) && nm_visible_chars(ex, nm.right) >= 2 &&
               !ends_any(ex, nm.right.b, LX_CHANGE_WORDS) &&
               !(left_chars >= 2 && (starts_separator(ex, values[j].end) || nm.list_item))) {
        /* (专题培训86场次、专题宣讲146场次: words after a separator are the
         * next item's, so a name before the value stays; so does the name
         * of an item of such a list: 案前化解1757件全省最高、涉企服务点476个) */
        span named = name_before_verb(ex, nm.right, f), pred;
        /* (words running into the next value are its name: 16家中心提供法律
         * 咨询44万人次) */
        int into_next = j + 1 < f->nv && values[j + 1].start < clause_end(ex, values[j].end);
        span two = named;
        if (!into_next && named.b == nm.right.b && (two = name_before_stop(ex, nm.right, f, 2)).b < named.b &&
            short_predicate(ex, nm.right, two, f, &pred)) {
            append_predicate(ex, out, pred); /* 100件案件全部合格 -> 合格案件 */
            named = two;
        } else if (into_next ? list_predicate(ex, f, k, named, &pred) : short_predicate(ex, nm.right, named, f, &pred)) {
            append_predicate(ex, out, pred);
            named = nm_head_after_clause(ex, named);
        }
        append_span(ex, out, nm_things_named(ex, v, named, out), 0);
    } else if (left_chars >= 1 && !(left_chars < 2 && *prev)) {
        span l = nm_after_agent(ex, left);
        size_t cmp = 0, k2;
        for (size_t i = l.a + 2; !cmp && i + 2 < l.b; i++)
            if ((k2 = starts_any(ex, i, LX_COMPARISONS)) >= 2 && i + k2 + 2 <= l.b && v->kind == KIND_CHANGE)
                cmp = i; /* 四级访同比批次下降36%: the comparison inside goes */
        if (cmp) {
            append_span(ex, out, (span){l.a, cmp, 0}, 0);
            l.a = cmp + starts_any(ex, cmp, LX_COMPARISONS);
        } else if (k > 0 && ex->cp[values[k - 1].end] == 0x3001 /* 、 */ && nm_shares_head(ex, f, k, l, prev)) {
            /* 四级访批次下降36%、人次下降46%: 四级访人次 */
            size_t pn = strlen(prev);
            text_append(out, prev, pn - 6);
        }
        append_span(ex, out, l, 1);
    } else if (*prev) {
        const char *of = nm_counted_before(ex, f, k);
        text_append(out, of ? of : prev, strlen(of ? of : prev));
    } else if (nm_visible_chars(ex, nm.right) < 2 && nm_named_before(ex, f, nm.clause, &left)) {
        append_span(ex, out, left, 1);
    } else if (nm_visible_chars(ex, nm.right) >= 2) {
        /* 266个高频事项效率提升30%: what changed, not the whole clause */
        append_span(ex, out, nm.right, 1);
    } else {
        append_span(ex, out, (span){nm.clause, clause_end(ex, v->end), 0}, 1);
    }
    if (out->len == 0)
        text_append(out, "", 0);
}
