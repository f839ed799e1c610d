/* metric_context.c - a metric name completed from what its sentence and
 * paragraph named before.  A name that says only how a value relates to
 * another (占比, 年均增长, 办结率, 涉及金额, 收费) or what was done to a
 * thing the clause leaves out (审结17件, 办结案件) gets that thing:
 * 劳动争议案件占比, 城镇居民人均可支配收入年均增长, 反馈问题办结率,
 * 审结行政诉讼案件, 办结行政复议案件.  The completions by the topic a
 * short name serves are metric_topic.c's (tried from complete()).
 * Owns: those completions, and the paragraph's memory of the kinds it
 * named in full (行政复议案件 for 案件).
 * Reads: the name metric.c chose, the names of the values before in the
 * sentence, the sentence's text and places; the lexicon's [bare-verbs],
 * [verb-glue], [vague-modifiers], [generic-heads], [object-relations],
 * [agent-relations], [rate-suffixes], [intake-verbs], [reduction-verbs]
 * (rules/names.rules)
 * and [count-verbs], [adverbs], [lead-fillers], [scope-words],
 * [change-words], [qualifiers]. */
#include "metric_int.h"

#include <stdio.h>


/* ---- words of a name (UTF-8) ---------------------------------------- */

/* The bytes of the UTF-8 sequence a lead byte opens. */
size_t nm_seq_len(unsigned char b)
{
    return b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
}

/* Cut s[0..n) before a last sequence it holds only part of (a name
 * truncated to its buffer); returns the new length. */
static size_t utf8_clip(char *s, size_t n)
{
    size_t p = n;
    while (p > 0 && ((unsigned char)s[p - 1] & 0xC0) == 0x80)
        p--;
    if (p > 0 && p - 1 + nm_seq_len((unsigned char)s[p - 1]) > n)
        n = p - 1;
    s[n] = '\0';
    return n;
}

/* s into dst (cap bytes), cut before a character that does not fit. */
static void copy_str(char *dst, size_t cap, const char *s)
{
    size_t n = strlen(s);
    if (n >= cap)
        n = cap - 1;
    memcpy(dst, s, n);
    utf8_clip(dst, n);
}

/* The longest word of list l that s[0..n) starts with, in bytes; 0 if
 * none.  Only the words of the list's index beginning with s's first
 * character are compared. */
/* The longest word of list l that s[0..n) opens with, its first
 * character cp already decoded. */
static inline size_t prefix_of_cp(const lg_extractor *ex, const char *s, size_t n, int l, uint32_t cp)
{
    const lx_group *g = lx_first_group(&ex->lx->list[l], cp);
    size_t best = 0;
    for (uint32_t k = 0; g && k < g->n; k++) {
        const lx_entry *e = g->entries[k];
        if (e->len <= n && e->len > best && memcmp(s, e->word, e->len) == 0)
            best = e->len;
    }
    return best;
}

/* The first character of s[0..n), or 0 when it does not fit. */
static uint32_t first_cp(const char *s, size_t n)
{
    uint32_t cp;
    if (n == 0 || nm_seq_len((unsigned char)s[0]) > n)
        return 0;
    utf8_decode_one(s, &cp);
    return cp;
}

size_t nm_str_prefix(const lg_extractor *ex, const char *s, size_t n, int l)
{
    uint32_t cp = first_cp(s, n);
    return cp ? prefix_of_cp(ex, s, n, l, cp) : 0;
}

size_t nm_str_suffix(const lg_extractor *ex, const char *s, size_t n, int l)
{
    if (n == 0)
        return 0;
    size_t at = n - 1;
    while (at > 0 && ((unsigned char)s[at] & 0xC0) == 0x80)
        at--;
    uint32_t cp;
    if (at + nm_seq_len((unsigned char)s[at]) != n)
        return 0; /* a cut sequence ends s */
    utf8_decode_one(s + at, &cp);
    const lx_group *g = list_group(ex, l, cp, 1);
    size_t best = 0;
    for (uint32_t k = 0; g && k < g->n; k++) {
        const lx_entry *e = g->entries[k];
        if (e->len <= n && e->len > best && memcmp(s + n - e->len, e->word, e->len) == 0)
            best = e->len;
    }
    return best;
}

/* Does the sentence hold the code points h[0..hn) at char at? */
static int cps_at(const lg_extractor *ex, size_t at, const uint32_t *h, size_t hn)
{
    for (size_t q = 0; q < hn; q++)
        if (ex->cp[at + q] != h[q])
            return 0;
    return 1;
}

/* Is s one word of list l? */
int nm_str_is(const lg_extractor *ex, const char *s, int l)
{
    size_t n = strlen(s);
    return n && lx_find(ex->lx, l, s, n) != NULL;
}

/* One word of verbs, glue, adverbs or fillers at s, in bytes.  Verbs and
 * fillers of one character (有, 了, 共) start nouns too: only longer
 * ones count. */
size_t nm_verb_word(const lg_extractor *ex, const char *s, size_t n)
{
    static const int LISTS[] = {LX_BARE_VERBS, LX_VERB_GLUE, LX_ADVERBS};
    uint32_t cp = first_cp(s, n); /* (once for the five lists) */
    if (!cp)
        return 0;
    size_t k = prefix_of_cp(ex, s, n, LX_COUNT_VERBS, cp), b;
    if (k < 6)
        k = 0;
    if ((b = prefix_of_cp(ex, s, n, LX_LEAD_FILLERS, cp)) >= 6 && b > k)
        k = b;
    for (size_t i = 0; i < sizeof LISTS / sizeof *LISTS; i++)
        if ((b = prefix_of_cp(ex, s, n, LISTS[i], cp)) > k)
            k = b;
    return k;
}

/* Bytes of s taken by verbs at its start (受理并全部办结 of
 * 受理并全部办结反映问题); vague modifiers count too when skip_vague. */
size_t nm_verbs_len(const lg_extractor *ex, const char *s, size_t n, int skip_vague)
{
    size_t i = 0, k;
    while (i < n) {
        if ((k = nm_verb_word(ex, s + i, n - i)) ||
            (skip_vague && (k = nm_str_prefix(ex, s + i, n - i, LX_VAGUE_MODIFIERS))))
            i += k;
        else
            break;
    }
    return i;
}

/* The thing a name counts: after its last verb (各级调解组织共调解纠纷 ->
 * 纠纷) and after a relative clause's 的 (代理区政府作为当事人的行政诉讼
 * 案件 -> 行政诉讼案件); the name itself when no noun is left. */
const char *nm_object_of(const lg_extractor *ex, const char *name)
{
    size_t n = strlen(name), v = nm_verbs_len(ex, name, n, 0), first = nm_verb_word(ex, name, n), kept = 0;
    /* 形成调解协议 -> 调解协议: a verb right after the first, before two
     * characters, names the kind of thing (a glue word between says two
     * deeds: 受理并办结案件 -> 案件) */
    if (v == n - 6 && first && first < v && nm_str_prefix(ex, name + first, n - first, LX_BARE_VERBS) == v - first) {
        kept = v - first;
        v = first;
    }
    const char *o = name + (v < n ? v : n), *de;
    for (size_t i = v + kept; i + 6 < n; i += 3) {
        size_t k = nm_str_prefix(ex, name + i, n - i, LX_BARE_VERBS);
        if (k < 6 && (k = nm_str_prefix(ex, name + i, n - i, LX_COUNT_VERBS)) < 6)
            continue;
        size_t rest = i + k + nm_verbs_len(ex, name + i + k, n - i - k, 0);
        if (n - rest >= 6)
            o = name + rest;
    }
    while ((de = strstr(o, "的")) && strlen(de + 3) >= 6)
        o = de + 3;
    return o;
}

/* ---- kinds named in full -------------------------------------------- */

/* Where the modifier of a head starting at char i begins: back over
 * ideographs to a verb, a filler, a scope, a place, a mark or 的. */
size_t nm_modifier_start(const lg_extractor *ex, size_t i, const found *f)
{
    mentions places = PLACES_OF(f);
    size_t j = i;
    while (j > 0 && i - j < 10) {
        uint32_t cp = ex->cp[j - 1];
        if (!is_cjk(cp) || cp == 0x7684 /* 的 */ || cp == 0x4E4B /* 之 */ || cp == 0x4E86 /* 了 */ ||
            cp == 0x548C /* 和 */ || cp == 0x4E0E /* 与 */ || cp == 0x53CA /* 及 */ ||
            cp == 0x6216 /* 或 */ || cp == 0x7B49 /* 等 */ || cp == 0x5171 /* 共 */ ||
            cp == 0x4ECE /* 从 */ || cp == 0x5BF9 /* 对 */ || cp == 0x5411 /* 向 */ ||
            cp == 0x628A /* 把 */ || cp == 0x5C06 /* 将 */ || cp == 0x7531 /* 由 */ ||
            cp == 0x5728 /* 在 */)
            break;
        if (ends_any(ex, j, LX_COUNT_VERBS) >= 2 || ends_any(ex, j, LX_BARE_VERBS) ||
            ends_any(ex, j, LX_VAGUE_MODIFIERS) || ends_any(ex, j, LX_CHANGE_WORDS) >= 2 ||
            ends_any(ex, j, LX_ADVERBS) || ends_any(ex, j, LX_SCOPE_WORDS) ||
            ends_any(ex, j, LX_LEAD_FILLERS) >= 2 || mention_ending_at(places, j) != j)
            break;
        j--;
    }
    return j;
}

size_t nm_encode_chars(const lg_extractor *ex, size_t a, size_t b, char *out, size_t cap)
{
    size_t len = 0;
    for (size_t q = a; q < b && len + 5 < cap; q++)
        len += utf8_encode(ex->cp[q], out + len);
    out[len] = '\0';
    return len;
}

/* The nearest full name of head (行政复议案件 for 案件) in the sentence
 * before char limit, into out; 0 when none. */
int nm_compound_before(const name_ctx *c, const char *head, size_t limit, char *out,
                           size_t cap, size_t *pos)
{
    const lg_extractor *ex = c->ex;
    const found *f = c->f;
    uint32_t h[8];
    size_t hn = 0;
    for (const char *p = head; *p && hn < 8;)
        p += utf8_decode_one(p, &h[hn++]);
    for (size_t i = limit; i >= hn + 2; i--) {
        size_t at = i - hn;
        if (!cps_at(ex, at, h, hn) || (i < ex->n && ex->cp[i] == 0x4EBA /* 人 */))
            continue; /* (被申请人 is a party, not a kind of 申请) */
        size_t j = nm_modifier_start(ex, at, f);
        char mod[64];
        size_t len = at - j >= 2 ? nm_encode_chars(ex, j, at, mod, sizeof mod) : 0;
        /* 调解和解案件 says what was done, not a kind; 法规、规章、规范性文件
         * lists several kinds */
        if (!len || nm_verbs_len(ex, mod, len, 1) == len || nm_verb_word(ex, mod, len) ||
            (j > 0 && ex->cp[j - 1] == 0x3001 /* 、 */))
            continue;
        /* 信息公开类案件 is a category, 行政复议申请事项 a head's own part */
        if (ex->cp[at - 1] == 0x7C7B /* 类 */ || nm_str_suffix(ex, mod, len, LX_GENERIC_HEADS))
            continue;
        if (pos)
            *pos = at;
        return snprintf(out, cap, "%s%s", mod, head) < (int)cap;
    }
    return 0;
}

static void remember_kind(lg_extractor *ex, const char *head, const char *full)
{
    size_t i = 0;
    while (i < ex->nkinds && strcmp(ex->kinds[i].head, head) != 0)
        i++;
    if (i == ex->nkinds) {
        if (ex->nkinds == sizeof ex->kinds / sizeof *ex->kinds)
            return;
        ex->nkinds++;
    }
    copy_str(ex->kinds[i].head, sizeof ex->kinds[i].head, head);
    copy_str(ex->kinds[i].full, sizeof ex->kinds[i].full, full);
}

void remember_kinds(lg_extractor *ex, const found *f)
{
    const lx_list_t *heads = &ex->lx->list[LX_GENERIC_HEADS];
    char full[sizeof ex->kinds[0].full];
    size_t at, latest = 0;
    const name_ctx c = {ex, f, NULL, 0};
    /* one pass for which heads' first characters occur at all */
    unsigned present = 0, all = heads->n >= 32 ? ~0u : (1u << heads->n) - 1;
    uint64_t firsts = 0; /* a one-word Bloom filter of those characters */
    for (size_t h = 0; h < heads->n; h++)
        if (heads->e[h].chars)
            firsts |= 1ull << (heads->e[h].cps[0] & 63);
    for (size_t i = 0; i < ex->n && present != all; i++) {
        uint32_t cp = ex->cp[i];
        if (!(firsts >> (cp & 63) & 1))
            continue;
        for (size_t h = 0; h < heads->n && h < 32; h++)
            if (heads->e[h].chars && cp == heads->e[h].cps[0])
                present |= 1u << h;
    }
    for (size_t i = 0; i < heads->n; i++)
        if ((i >= 32 || present >> i & 1) && strlen(heads->e[i].word) < sizeof ex->kinds[0].head &&
            nm_compound_before(&c, heads->e[i].word, ex->n, full, sizeof full, &at)) {
            remember_kind(ex, heads->e[i].word, full);
            if (at >= latest) {
                latest = at; /* the report's topic: its last kind named in full */
                copy_str(ex->last_kind, sizeof ex->last_kind, full);
            }
        }
}

/* The kind head stands for: named in full before char limit in the
 * sentence, or earlier in the paragraph. */
static int kind_of_head(const name_ctx *c, const char *head, size_t limit, char *out, size_t cap)
{
    const lg_extractor *ex = c->ex;
    if (nm_compound_before(c, head, limit, out, cap, NULL))
        return 1;
    for (size_t i = 0; i < ex->nkinds; i++)
        if (strcmp(ex->kinds[i].head, head) == 0) {
            copy_str(out, cap, ex->kinds[i].full);
            return 1;
        }
    return 0;
}

/* 办结案件 -> 办结行政复议案件, 梳理排查相关文件 -> 梳理排查行政规范性文件:
 * a generic head after nothing but verbs is the kind named in full. */
static int complete_head(const name_ctx *c, const char *name, size_t limit, char *out, size_t cap)
{
    const lg_extractor *ex = c->ex;
    size_t n = strlen(name), h = nm_str_suffix(ex, name, n, LX_GENERIC_HEADS), p = n - h;
    char full[96];
    if (!h || nm_verbs_len(ex, name, p, 1) != p || !kind_of_head(c, name + p, limit, full, sizeof full))
        return 0;
    size_t o = 0, i = 0, k;
    while (i < p && o + 16 < cap) {
        if ((k = nm_str_prefix(ex, name + i, p - i, LX_VAGUE_MODIFIERS))) {
            i += k; /* 相关 is the kind found */
            continue;
        }
        k = nm_verb_word(ex, name + i, p - i);
        memcpy(out + o, name + i, k);
        o += k;
        i += k;
    }
    copy_str(out + o, cap - o, full);
    return 1;
}

/* ---- what an earlier value was about -------------------------------- */

/* The words before value k in its clause, after the value before it
 * (separators, quotes and a qualifier off). */
size_t nm_raw_left_start(const lg_extractor *ex, const found *f, size_t k)
{
    const value *v = &f->values[k];
    size_t a = clause_start(ex, v->start);
    if (k > 0 && f->values[k - 1].end > a && f->values[k - 1].end <= v->start)
        a = f->values[k - 1].end;
    while (a < v->start && (starts_separator(ex, a) || class_at(ex, a, CL_QUOTE)))
        a++;
    return a;
}

void nm_raw_left(const lg_extractor *ex, const found *f, size_t k, char *out, size_t cap)
{
    const value *v = &f->values[k];
    size_t a = nm_raw_left_start(ex, f, k), len = 0;
    for (size_t i = a; i < v->start && len + 5 < cap; i++)
        if (!class_at(ex, i, CL_QUOTE))
            len += utf8_encode(ex->cp[i], out + len);
    out[len] = '\0';
    size_t q = nm_str_suffix(ex, out, len, LX_QUAL_WORDS);
    out[len - q] = '\0';
}

/* What a share of an earlier value is of: its subject without verbs of
 * taking in (受理劳动争议案件 -> 劳动争议案件). */
static void share_subject(const lg_extractor *ex, const named *d, char *out, size_t cap)
{
    const char *s = d->subject;
    size_t n = strlen(s), i = 0, k;
    while (i < n && (k = nm_str_prefix(ex, s + i, n - i, LX_INTAKE_VERBS)))
        i += k;
    copy_str(out, cap, i < n ? s + i : s);
}

/* The nearest value before k that counts things or money. */
static const named *nearest_count(const named *done, size_t k)
{
    for (size_t i = k; i-- > 0;)
        if (done[i].kind == KIND_COUNT || done[i].kind == KIND_MONEY)
            return &done[i];
    return NULL;
}

/* ---- completions ---------------------------------------------------- */

/* The rate's verb in an earlier value's name: 行政村污水治理任务 ->
 * 行政村污水治理率; 解决群众反映问题 -> 群众反映问题解决率. */
static int rate_from_names(const name_ctx *c, const char *name, size_t verb_len, char *out,
                           size_t cap)
{
    const lg_extractor *ex = c->ex;
    const named *done = c->done;
    size_t k = c->k;
    char verb[8];
    memcpy(verb, name, verb_len);
    verb[verb_len] = '\0';
    for (size_t i = k; i-- > 0;) {
        const char *d = done[i].name, *at = strstr(d, verb);
        if (!at || (size_t)(at - d) % 3 || strstr(d, name))
            continue; /* (another rate of the same verb is no subject) */
        size_t a = (size_t)(at - d), v0 = 0, q;
        int outcome = nm_str_is(ex, verb, LX_OUTCOME_WORDS); /* 调解成功 */
        while (!outcome && v0 < a && ((q = nm_verb_word(ex, d + v0, a - v0)) || (q = nm_str_prefix(ex, d + v0, a - v0, LX_RIGHT_STOPS))))
            v0 += q; /* 纳入综合窗口受理…: the verb before is not the rate's */
        /* (行政复议机关办结行政复议案件: a body before the verb did it; the
         * rate is of what it was done to) */
        if (a - v0 >= 6 && !nm_str_suffix(ex, d + v0, a - v0, LX_AGENT_HEADS)) {
            snprintf(out, cap, "%.*s%s", (int)(a - v0 + verb_len), d + v0, name + verb_len);
            return 1;
        }
        const char *b = at + verb_len;
        char full[96];
        b += nm_verbs_len(ex, b, strlen(b), 1);
        if ((unsigned char)*b < 0xE4 || (unsigned char)*b > 0xE9)
            return -1; /* 以调解、和解等方式结案: no thing after the verb */
        if (nm_str_is(ex, b, LX_GENERIC_HEADS)) {
            if (!kind_of_head(c, b, c->f->values[k].start, full, sizeof full))
                return -1;
            b = full;
        }
        if (strlen(b) < 6)
            return -1;
        return snprintf(out, cap, "%s%s", b, name) < (int)cap ? 1 : -1;
    }
    return 0;
}

/* The rate's verb in the text before its clause: 纳入“一窗式综合受理”，
 * 受理率 -> 一窗式综合受理率. */
static int rate_from_text(const name_ctx *c, const char *name, size_t verb_len, char *out,
                          size_t cap)
{
    const lg_extractor *ex = c->ex;
    const found *f = c->f;
    const value *v = &f->values[c->k];
    uint32_t vc[2];
    size_t vn = 0;
    for (const char *p = name; p < name + verb_len && vn < 2;)
        p += utf8_decode_one(p, &vc[vn++]);
    for (size_t i = clause_start(ex, v->start); i > vn; i--) {
        size_t at = i - vn;
        if (!cps_at(ex, at, vc, vn) || starts_any(ex, at + vn, LX_RATE_SUFFIXES))
            continue;
        size_t j = nm_modifier_start(ex, at, f);
        size_t len = at - j >= 2 ? nm_encode_chars(ex, j, at, out, cap) : 0;
        if (!len)
            continue; /* 通报和败诉纠错案件: named further back (行政败诉) */
        if (nm_verbs_len(ex, out, len, 1) == len)
            return -1; /* 主动公开，公开率: an adverb names nothing */
        copy_str(out + len, cap - len, name);
        return 1;
    }
    return 0;
}

/* 办理人大代表建议119件、政协提案105件，办复率均为100%，满意率99%: a
 * rate with 均 is of every item of the list before it, joined by 和; a
 * rate right after such a rate is of the same items. */
static int shared_subject(const name_ctx *c, char *out, size_t cap)
{
    const lg_extractor *ex = c->ex;
    const found *f = c->f;
    const named *done = c->done;
    size_t k = c->k;
    const value *v = &f->values[k];
    if (k > 0 && done[k - 1].kind == KIND_PERCENT && strcmp(done[k - 1].subject, done[k - 1].name) &&
        nm_str_suffix(ex, done[k - 1].name, strlen(done[k - 1].name), LX_RATE_SUFFIXES)) {
        copy_str(out, cap, done[k - 1].subject);
        return 1;
    }
    size_t b = v->start;
    while (b > 0 && !class_at(ex, b - 1, CL_BREAK) && ex->cp[b - 1] != 0x5747 /* 均 */)
        b--;
    if (b == 0 || class_at(ex, b - 1, CL_BREAK) || k == 0)
        return 0;
    /* the run of counts before: each after a 、 or 和 but the first */
    size_t last = k - 1, first = last;
    while (first > 0 && done[first].kind == KIND_COUNT &&
           (starts_separator(ex, f->values[first - 1].end) || ex->cp[f->values[first - 1].end] == 0x3001))
        first--;
    if (first == last || done[last].kind != KIND_COUNT)
        return 0;
    size_t len = 0;
    for (size_t i = first; i <= last; i++) {
        char s[NAME_BYTES];
        share_subject(ex, &done[i], s, sizeof s);
        const char *obj = nm_object_of(ex, s);
        int w = snprintf(out + len, cap - len, "%s%s", i > first ? "和" : "", obj);
        if (w < 0 || (size_t)w >= cap - len)
            return 0;
        len += (size_t)w;
    }
    return 1;
}

/* 清理证明事项至71项，推行告知承诺28项，压减率76.5%: a rate of reduction
 * ([reduction-verbs]) is of the count the sentence cut to (至, 到) before
 * it; NULL when none was. */
static const named *reduced_count(const name_ctx *c)
{
    for (size_t i = c->k; i-- > 0;) {
        size_t a = c->f->values[i].start;
        if (c->done[i].kind == KIND_COUNT && a > 0 &&
            (c->ex->cp[a - 1] == 0x81F3 /* 至 */ || c->ex->cp[a - 1] == 0x5230 /* 到 */))
            return &c->done[i];
    }
    return NULL;
}

/* 办结率, 纠错率, 精简比例: the rate of what its verb was done to, else
 * of the thing counted last (or cut to, for a reduction). */
static int complete_rate(const name_ctx *c, const char *name, char *out, size_t cap)
{
    const lg_extractor *ex = c->ex;
    size_t n = strlen(name), r = nm_str_suffix(ex, name, n, LX_RATE_SUFFIXES), vl = n - r;
    /* 行政机关负责人出庭应诉412件，出庭应诉率98.6%: the name before ends in
     * the rate's deed */
    const char *before = c->k ? c->done[c->k - 1].name : "";
    size_t bn = strlen(before);
    if (r && vl > 6 && vl <= 12 && bn > vl && !memcmp(before + bn - vl, name, vl))
        return snprintf(out, cap, "%s%s", before, name + vl) < (int)cap;
    if (!r || vl == 0 || vl > 6)
        return 0;
    int got = rate_from_names(c, name, vl, out, cap);
    if (got == 0)
        got = rate_from_text(c, name, vl, out, cap);
    if (got)
        return got > 0;
    char s[NAME_BYTES];
    if (shared_subject(c, s, sizeof s))
        return snprintf(out, cap, "%s%s", s, name) < (int)cap;
    const named *d = nm_str_prefix(ex, name, vl, LX_REDUCTION_VERBS) == vl ? reduced_count(c) : NULL;
    if (!d && !(d = nearest_count(c->done, c->k))) {
        char deed[NAME_BYTES]; /* 开展…示范创建，创成率达60% */
        return nm_deed_of_clause_before(ex, c->f, c->k, deed, sizeof deed) &&
               snprintf(out, cap, "%s%s", deed, name) < (int)cap;
    }
    share_subject(ex, d, s, sizeof s);
    const char *obj = nm_object_of(ex, s);
    /* (政务服务事项: a verb inside a noun leaves a head, not the thing) */
    if (nm_str_is(ex, obj, LX_GENERIC_HEADS) && obj > s && !nm_verb_word(ex, s, strlen(s)))
        obj = s;
    if (strlen(obj) < 6 || nm_str_is(ex, obj, LX_GENERIC_HEADS))
        return 0;
    snprintf(out, cap, "%s%s", obj, name);
    return 1;
}

/* 第一批取消行政许可事项1项，承接9项: an ordinal (第一批, 第二季度) before
 * the first verb of a run scopes the run's later verbs too; its bytes in
 * s, 0 when s opens with none. */
static size_t ordinal_prefix(const lg_extractor *ex, const char *s)
{
    size_t n = strlen(s);
    if (strncmp(s, "第", 3) != 0)
        return 0;
    for (size_t p = 6; p <= 15 && p < n; p += nm_seq_len((unsigned char)s[p]))
        if (nm_verb_word(ex, s + p, n - p))
            return p;
    return 0;
}

/* 行政诉讼案件14件，审结17件: a verb alone counts the thing counted
 * before in the same unit; or the kind the clause names (在已审结的案件
 * 中，胜诉24宗). */
static int complete_bare_verb(const name_ctx *c, const char *name, char *out, size_t cap)
{
    const lg_extractor *ex = c->ex;
    const named *done = c->done;
    const value *v = &c->f->values[c->k];
    size_t n = strlen(name);
    if (!n || nm_verbs_len(ex, name, n, 0) != n)
        return 0;
    for (size_t i = c->k; i-- > 0;) {
        if (strcmp(done[i].unit, v->unit) != 0 || done[i].kind != KIND_COUNT)
            continue;
        const char *obj = nm_object_of(ex, done[i].subject);
        size_t ol = strlen(obj);
        if (ol < 6 || nm_str_suffix(ex, obj, ol, LX_BARE_VERBS))
            continue; /* (第一批取消 with no object: not one to share) */
        char joined[NAME_BYTES];
        size_t at = ordinal_prefix(ex, done[i].subject);
        if (snprintf(joined, sizeof joined, "%.*s%s%s", (int)at, done[i].subject, name, obj) >=
            (int)sizeof joined)
            return 0;
        if (!complete_head(c, joined, v->start, out, cap))
            copy_str(out, cap, joined);
        return 1;
    }
    const lx_list_t *heads = &ex->lx->list[LX_GENERIC_HEADS];
    for (size_t i = v->start; i > 1; i--) {
        if (ex->cp[i - 1] == 0x7684 /* 的 */)
            continue;
        for (size_t h = 0; h < heads->n; h++) {
            size_t hl = heads->e[h].chars;
            if (i >= hl + 1 && ex->cp[i - hl - 1] == 0x7684 /* 的 */ && cps_at(ex, i - hl, heads->e[h].cps, hl)) {
                snprintf(out, cap, "%s%s", name, heads->e[h].word);
                return 1;
            }
        }
    }
    return complete_verb_of_before(c, name, out, cap);
}

/* The one who acted in the sentence's first clause, before its first
 * verb: 全市公证机构办理公证… -> 公证机构. */
static int sentence_agent(const lg_extractor *ex, const found *f, char *out, size_t cap)
{
    size_t first = f->values[0].start, a = clause_start(ex, first), b = a;
    while (b < first && starts_any(ex, b, LX_COUNT_VERBS) < 2)
        b++;
    if (b == first)
        return 0;
    span s = metric_trim(ex, (span){a, b, 0}, f);
    size_t len = 0;
    for (size_t q = s.a; q < s.b && len + 5 < cap; q++)
        if (!class_at(ex, q, CL_QUOTE))
            len += utf8_encode(ex->cp[q], out + len);
    out[len] = '\0';
    size_t chars = utf8_chars_n(out, len);
    return chars >= 2 && chars <= 12;
}

/* Relations the words before the value state: 占比 (占全部案件的), 年均
 * 增长, 是去年的3倍 (a goal's share reached is metric_goal.c's). */
static int complete_stated(const name_ctx *c, text_buf *out, char *subject, size_t subject_cap)
{
    const lg_extractor *ex = c->ex;
    const found *f = c->f;
    const named *done = c->done;
    size_t k = c->k;
    const value *v = &f->values[k];
    char raw[NAME_BYTES], s[NAME_BYTES];
    uint32_t first = cp_at(ex, nm_raw_left_start(ex, f, k));
    if (first != 0x5360 /* 占 */ && first != 0x5E74 /* 年 */ && first != 0x662F /* 是 */)
        return 0;
    nm_raw_left(ex, f, k, raw, sizeof raw);
    size_t rl = strlen(raw);
    const named *base = nearest_count(done, k);
    if (v->kind == KIND_PERCENT && base && strncmp(raw, "占", 3) == 0) {
        share_subject(ex, base, s, sizeof s); /* 受理劳动争议案件120件，占比18% */
        text_reset(out);
        text_append(out, s, strlen(s));
        text_append(out, "占比", strlen("占比"));
    } else if (v->kind == KIND_CHANGE && k > 0 && strncmp(raw, "年均", 6) == 0 && rl > 6) {
        copy_str(s, sizeof s, done[k - 1].subject); /* 收入43694元，年均增长6.4% */
        text_reset(out);
        text_append(out, s, strlen(s));
        text_append(out, raw, rl);
    } else if (v->kind == KIND_MULTIPLE && k > 0 && strncmp(raw, "是", 3) == 0 && rl > 6 &&
               strcmp(raw + rl - 3, "的") == 0) {
        copy_str(s, sizeof s, done[k - 1].subject); /* 新收案件1293件，是去年的3倍 */
        text_reset(out);
        text_append(out, s, strlen(s));
    } else {
        return 0;
    }
    copy_str(subject, subject_cap, s);
    return 1;
}

/* A name that is a relation alone: of the thing counted before
 * (涉及金额, 覆盖), of the sentence's agent (收费), or a scope a rank is
 * in (全区旗县市区第26位). */
static int complete_relation(const name_ctx *c, const char *name, text_buf *out, char *subject,
                             size_t subject_cap)
{
    const lg_extractor *ex = c->ex;
    const found *f = c->f;
    const named *done = c->done;
    size_t k = c->k;
    const value *v = &f->values[k];
    const named *base = nearest_count(done, k);
    char s[NAME_BYTES], full[96];
    const char *obj = NULL, *suffix = "";
    if (base && nm_str_is(ex, name, LX_OBJECT_RELATIONS)) {
        share_subject(ex, base, s, sizeof s);
        obj = nm_object_of(ex, s);
        if (nm_str_is(ex, obj, LX_GENERIC_HEADS))
            obj = kind_of_head(c, obj, v->start, full, sizeof full) ? full : "";
        /* 涉及3.06亿元: the money involved */
        if (v->kind == KIND_MONEY && !strstr(name, "金额") && !strstr(name, "资金"))
            suffix = "金额";
    } else if (k > 0 && nm_str_is(ex, name, LX_AGENT_RELATIONS) && sentence_agent(ex, f, s, sizeof s)) {
        obj = s;
    } else if (v->kind == KIND_RANK && k > 0 && strlen(name) <= 27 && !strstr(name, "排名")) {
        /* 地区生产总值…，由全区旗县市区第26位上升至第24位 */
        const char *scope = name;
        while (!strncmp(scope, "的", 3) || !strncmp(scope, "由", 3) || !strncmp(scope, "从", 3))
            scope += 3; /* 由2005年的全区… */
        for (size_t i = k; i-- > 0 && !obj && strncmp(scope, "全", 3) == 0;)
            if (done[i].kind != KIND_RANK)
                obj = done[i].subject;
        name = scope;
        suffix = "排名";
    }
    if (!obj || strlen(obj) < 6)
        return 0;
    char joined[NAME_BYTES * 2];
    if (snprintf(joined, sizeof joined, "%s%s%s", obj, name, suffix) >= (int)sizeof joined)
        return 0;
    copy_str(subject, subject_cap, obj);
    text_reset(out);
    text_append(out, joined, strlen(joined));
    return 1;
}

/* The kind the sentence named in full last before value k (从行政复议申请
 * 事项看，行政处罚类…: 行政复议申请), into out; 0 when none. */
static int sentence_kind(const name_ctx *c, char *out, size_t cap)
{
    const lx_list_t *heads = &c->ex->lx->list[LX_GENERIC_HEADS];
    size_t latest = 0, at;
    int got = 0;
    char full[96];
    for (size_t h = 0; h < heads->n; h++)
        if (nm_compound_before(c, heads->e[h].word, c->f->values[c->k].start, full, sizeof full, &at) &&
            (!got || at > latest)) {
            latest = at;
            got = 1;
            copy_str(out, cap, full);
        }
    return got;
}

/* 其中民事案件336件 after 办理法律援助案件1291件: a part named by a short
 * word and the generic head is of the kind the sentence counted in full
 * before its 其中 (民事法律援助案件); 行政强制类223件: a category is of the
 * kind its sentence, else the report, was last about (行政强制类行政复议申请). */
static int complete_part(const name_ctx *c, const char *name, char *out, size_t cap)
{
    const lg_extractor *ex = c->ex;
    const value *v = &c->f->values[c->k];
    size_t n = strlen(name), h = nm_str_suffix(ex, name, n, LX_GENERIC_HEADS);
    size_t g = h ? nm_verbs_len(ex, name, n - h, 1) : 0;
    if (h && n - h - g <= 12) {
        size_t which = 0;
        for (size_t i = v->start; i >= 2 && !which; i--)
            if (ex->cp[i - 1] == 0x4E2D /* 中 */ && ex->cp[i - 2] == 0x5176 /* 其 */)
                which = i - 2;
        char full[96];
        const char *mod = name + g;
        if (which && g < n - h && nm_compound_before(c, name + n - h, which, full, sizeof full, NULL) &&
            !strstr(full, mod) && !strstr(name, full))
            return snprintf(out, cap, "%.*s%s", (int)(n - h - g), mod, full) < (int)cap;
        return 0;
    }
    if (n < 6 || strcmp(name + n - 3, "类") != 0)
        return 0;
    char here[96];
    const char *kind = sentence_kind(c, here, sizeof here) ? here : ex->last_kind;
    if (kind[0] && !strstr(name, kind))
        return snprintf(out, cap, "%s%s", name, kind) < (int)cap;
    return 0;
}

/* A name that says only how its value relates to another (占比, 年均增长,
 * 办结率, 涉及金额) or what was done to a thing left out (审结, 办结案件)
 * gets that thing.  done holds the names of the sentence's values before
 * k; subject gets what this value is about, for the values after it.  Returns 1 when the name completed is
 * of one member of a breakdown. */
static int complete(const name_ctx *c, text_buf *out, char *subject, size_t subject_cap)
{
    char name[NAME_BYTES], buf[NAME_BYTES];
    copy_str(name, sizeof name, out->data ? out->data : "");
    utf8_clip(name, strlen(name));
    copy_str(subject, subject_cap, name);
    if (complete_goal(c, buf, sizeof buf)) {
        text_reset(out);
        text_append(out, buf, strlen(buf));
        copy_str(subject, subject_cap, buf);
        return 0;
    }
    if (complete_stated(c, out, subject, subject_cap) ||
        complete_relation(c, name, out, subject, subject_cap))
        return 0;
    if (complete_rank_cue(c, name, buf, sizeof buf)) {
        text_reset(out);
        text_append(out, buf, strlen(buf));
        return 0;
    }
    if (complete_rate(c, name, buf, sizeof buf)) {
        text_reset(out);
        text_append(out, buf, strlen(buf));
        /* every completed rate ends with the rate: the rest is its subject */
        snprintf(subject, subject_cap, "%.*s", (int)(strlen(buf) - strlen(name)), buf);
        return 0;
    }
    if (complete_paired_again(c, name, buf, sizeof buf) || complete_run_object(c, name, buf, sizeof buf) ||
        complete_bare_verb(c, name, buf, sizeof buf) ||
        complete_head(c, name, c->f->values[c->k].start, buf, sizeof buf) ||
        complete_object(c, name, buf, sizeof buf) ||
        complete_vague(c, name, buf, sizeof buf) ||
        complete_meeting(c, name, buf, sizeof buf) ||
        complete_target(c, name, buf, sizeof buf) ||
        complete_service(c, name, buf, sizeof buf) ||
        complete_topic(c, name, buf, sizeof buf) ||
        complete_theme(c, name, buf, sizeof buf) ||
        complete_labelled(c, name, buf, sizeof buf) || complete_part(c, name, buf, sizeof buf) ||
        complete_among(c, name, buf, sizeof buf)) {
        text_reset(out);
        text_append(out, buf, strlen(buf));
        copy_str(subject, subject_cap, buf);
        return 0;
    }
    int member = complete_member(c, name, buf, sizeof buf);
    if (member || complete_deed(c, name, buf, sizeof buf) || complete_pair(c, name, buf, sizeof buf) ||
        complete_list_verb(c, name, buf, sizeof buf) || complete_domain(c, name, buf, sizeof buf) ||
        complete_body(c, name, buf, sizeof buf)) {
        text_reset(out);
        text_append(out, buf, strlen(buf));
        copy_str(subject, subject_cap, buf);
    }
    return member;
}

int complete_name(const lg_extractor *ex, const found *f, size_t k, text_buf *out, char *subject,
                  size_t subject_cap)
{
    const name_ctx c = {ex, f, ex->done, k};
    int part = complete(&c, out, subject, subject_cap);
    /* the buffers above hold a name whole, but never a cut character */
    if (out->data)
        out->len = utf8_clip(out->data, out->len);
    utf8_clip(subject, strlen(subject));
    return part;
}
