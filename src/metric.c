/* metric.c - the metric name of each value: the words before it (办理法律
 * 援助案件2320件), or after its classifier (开展12场政商恳谈会), or the
 * name of the value before (同比增长5%), trimmed of fillers, places,
 * years and verbs.
 * Owns: choosing and trimming those words.
 * Reads: the sentence, its values, years and places; the lexicon's
 * [lead-fillers], [trail-fillers], [weak-endings], [weak-exceptions],
 * [comparisons], [count-verbs], [right-stops], [right-lead],
 * [scope-words], [adverbs], [rank-topics], [change-words] and the
 * qualifiers before a value. */
#include "extract_int.h"

static size_t visible_chars(const lg_extractor *ex, span s)
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
        if (class_at(ex, s.a, CL_QUOTE)) { s.a++; changed = 1; continue; }
        if ((k = skip_mention_at(places, s.a)) != s.a && k <= s.b) { s.a = k; changed = 1; continue; }
        if ((k = skip_mention_at(years, s.a)) != s.a && k <= s.b) { s.a = k; changed = 1; continue; }
        if ((k = starts_any(ex, s.a, LX_COMPARISONS)) && s.a + k <= s.b) {
            size_t y = skip_mention_at(years, s.a + k);
            if (y != s.a + k) { s.a = y; changed = 1; continue; }
        }
        if ((k = starts_any(ex, s.a, LX_LEAD_FILLERS)) && s.a + k <= s.b) { s.a += k; changed = 1; }
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
        if ((k = ends_any(ex, s.b, LX_SCOPE_WORDS)) && s.b - k > s.a) { s.b -= k; s.weak = 1; changed = 1; continue; }
        if (!ends_any(ex, s.b, LX_WEAK_EXCEPTIONS) && (k = ends_any(ex, s.b, LX_WEAK_ENDINGS)) &&
            s.b - k >= s.a) { s.b -= k; s.weak = 1; changed = 1; continue; }
        if ((k = ends(ex, s.b, "了")) && s.b - k >= s.a) { s.b -= k; s.weak = 1; changed = 1; continue; }
        if ((k = ends_any(ex, s.b, LX_TRAIL_FILLERS)) && s.b - k >= s.a) { s.b -= k; changed = 1; continue; }
        if ((k = ends_any(ex, s.b, LX_QUAL_WORDS)) && s.b - k >= s.a) { s.b -= k; changed = 1; continue; }
        if ((k = ends_any(ex, s.b, LX_ADVERBS)) && s.b - k > s.a) { s.b -= k; changed = 1; continue; }
    }
    return s;
}

static span trim_words(const lg_extractor *ex, span s, const found *f)
{
    return trim_trail(ex, trim_lead(ex, s, f), f);
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

/* The first char in [a, b) where the words stop naming a thing (a verb of
 * [right-stops], or 、 before another number: 11个县委书记、6大行业…), or b. */
static size_t right_stop_in(const lg_extractor *ex, size_t a, size_t b)
{
    for (size_t i = a; i < b; i++) {
        if (ex->cp[i] == 0x3001 /* 、 */ && i + 1 < ex->n &&
            (is_digit_cp(ex->cp[i + 1]) || class_at(ex, i + 1, CL_NUMERAL)))
            return i;
        if (passive_at(ex, i) || starts_any(ex, i, LX_RIGHT_STOPS))
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
        if (cp == '(' || cp == 0xFF08 /* （ */)
            depth++;
        else if ((cp == ')' || cp == 0xFF09) && depth > 0)
            depth--;
        else if (!depth && !class_at(ex, i, CL_QUOTE))
            n++;
    }
    return n;
}

/* The words after a classifier up to where they stop naming the counted
 * thing.  A generic noun says little alone: 133项事项实现免证办 keeps its
 * verb, where 16家公共法律服务中心提供… does not need it. */
static span name_before_verb(const lg_extractor *ex, span right, const found *f)
{
    size_t stop = right_stop_in(ex, right.a + 1, right.b);
    if (stop == right.b ||
        !(ex->cp[stop] == 0x3001 /* 、 before a number */ || unbracketed_chars(ex, right.a, stop) >= 3))
        return right;
    span named = trim_words(ex, (span){right.a, stop, 0}, f);
    return visible_chars(ex, named) >= 2 ? named : right;
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

static void append_span(const lg_extractor *ex, text_buf *out, span s, int keep_tail)
{
    size_t total = visible_chars(ex, s), skip = 0, taken = 0;
    if (total > METRIC_MAX_CHARS && keep_tail)
        skip = total - METRIC_MAX_CHARS;
    if (text_reserve(out, 4 * METRIC_MAX_CHARS))
        return; /* out->failed tells */
    for (size_t i = s.a; i < s.b; i++) {
        uint32_t cp = ex->cp[i];
        if (class_at(ex, i, CL_QUOTE) || cp == 0xFFFD)
            continue;
        if (skip) { skip--; continue; }
        if (taken++ == METRIC_MAX_CHARS)
            break;
        out->len += utf8_encode(cp, out->data + out->len);
    }
    out->data[out->len] = '\0';
}

/* A rank is named by what is ranked: the clause that says 排名/名次, up
 * to that word (综合信用指数排名中，最好成绩为第7位). */
static int rank_topic(const lg_extractor *ex, size_t at, span *out)
{
    for (size_t i = at; i > 0; i--) {
        size_t k = ends_any(ex, i, LX_RANK_TOPICS);
        if (k) {
            out->a = clause_start(ex, i - k);
            out->b = i;
            return 1;
        }
    }
    return 0;
}

/* What name_metric settles about a value before choosing its words. */
typedef struct naming {
    size_t clause;     /* the value's clause start */
    span left;         /* the words before it */
    size_t left_chars; /* of them, visible */
    int after_prev;    /* they follow another value of the clause */
    int after_title;   /* they end in a title: 推出《思法人生》15部 */
    int change_only;   /* they only say it changed: 同比增长 */
    span right;        /* the words after its classifier */
    size_t last;       /* the last value of its run of adjacent values */
} naming;

/* The words before the value, from its clause start or the value before. */
static void left_words(const lg_extractor *ex, const found *f, size_t k, naming *nm)
{
    const value *values = f->values, *v = &values[k];
    size_t cs = nm->clause = clause_start(ex, v->start);
    if (k > 0 && values[k - 1].end > cs && values[k - 1].end <= v->start)
        cs = values[k - 1].end;
    nm->after_prev = cs > nm->clause;
    nm->left = (span){cs, v->start, 0};
    if (nm->after_prev) {
        /* 编发周报8期、提醒函22件: after a separator the words name the next
         * value; 16家服务中心提供法律咨询44万人次: after a verb too */
        size_t stop;
        if (starts_separator(ex, cs)) {
            nm->after_prev = 0;
        } else if ((stop = right_stop_in(ex, cs + 1, v->start)) < v->start &&
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
        (ex->cp[left->a] == 0x8F83 /* 较 */ || ex->cp[left->a] == 0x6BD4 /* 比 */))
        nm->change_only = 1;
    if (!nm->change_only && (v->kind == KIND_CHANGE || v->kind == KIND_MULTIPLE))
        *left = strip_change(ex, *left, f);
    if (!nm->change_only && left->b > left->a && ends_any(ex, left->b, LX_COUNT_VERBS))
        left->weak = 1;
    nm->left_chars = visible_chars(ex, *left);
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
    size_t r;
    while (right.a < right.b && ((r = starts_any(ex, right.a, LX_RIGHT_LEAD)) || class_at(ex, right.a, CL_QUOTE)))
        right.a += r ? r : 1;
    nm->right = trim_words(ex, right, f);
}

void name_metric(const lg_extractor *ex, const found *f, size_t k, const char *prev,
                 text_buf *out)
{
    const value *values = f->values, *v = &values[k];
    naming nm;
    left_words(ex, f, k, &nm);
    settle_left(ex, f, k, prev, &nm);
    right_words(ex, f, k, &nm);
    span left = nm.left;
    size_t j = nm.last, left_chars = nm.left_chars;
    /* 2900件3265件行政诉讼案件750件: the words after a value that directly
     * follows another run into the next value; they are its name */
    int adjacent_prev = k > 0 && values[k - 1].end == v->start;
    int right_is_next_label = j + 1 < f->nv && values[j + 1].start == nm.right.b;
    if (adjacent_prev && *prev && right_is_next_label) {
        text_append(out, prev, strlen(prev));
    } else if (v->kind == KIND_RANK && rank_topic(ex, v->start, &left)) {
        append_span(ex, out, trim_words(ex, left, f), 1);
    } else if (nm.change_only && *prev) {
        text_append(out, prev, strlen(prev));
    } else if ((left.weak || left_chars <= 2) && visible_chars(ex, nm.right) >= 2 &&
               !ends_any(ex, nm.right.b, LX_CHANGE_WORDS) &&
               !(left_chars >= 2 && starts_separator(ex, values[j].end))) {
        /* (专题培训86场次、专题宣讲146场次: words after a separator are the
         * next item's, so a name before the value stays) */
        append_span(ex, out, name_before_verb(ex, nm.right, f), 0);
    } else if (left_chars >= 1 && !(left_chars < 2 && *prev)) {
        append_span(ex, out, left, 1);
    } else if (*prev) {
        text_append(out, prev, strlen(prev));
    } else {
        append_span(ex, out, (span){nm.clause, clause_end(ex, v->end), 0}, 1);
    }
    if (out->len == 0)
        text_append(out, "", 0);
}
