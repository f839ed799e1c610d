/* value.c - candidate values: where a number starts, the number there
 * (read by number.c), the unit and qualifier after it, and its kind.
 *
 * Owns: finding the values of a sentence (a number is read only where a
 * numeral, a sign or a rough prefix starts one), what is no number (text
 * of a web address, a file name or a code), ranges (20至30件: both ends
 * take the unit), 一年半 and 5元3角, ratios without unit (比值达2.6,
 * 6.86:1), a unit's kind, qualifiers, and telling a change from a level.
 * What only looks like a value is reject.c's to say.
 * Reads: the sentence (sentence.c, which matches the unit and qualifier
 * after a number); the lexicon's numerals, [units], [qualifiers-before],
 * [qualifiers-after], [change-words], [level-words], [ratio-words],
 * [ratio-links]. */
#include <stdlib.h>

#include "extract_int.h"

const char KIND_COUNT[] = "count", KIND_MONEY[] = "money", KIND_PERCENT[] = "percent",
           KIND_CHANGE[] = "change", KIND_MULTIPLE[] = "multiple",
           KIND_DURATION[] = "duration", KIND_MEASURE[] = "measure", KIND_RANK[] = "rank";

_Static_assert(sizeof ((value *)0)->dec == sizeof ((rec *)0)->value_str &&
               sizeof ((value *)0)->unit == sizeof ((rec *)0)->unit,
               "a record copies its value's strings whole");

/* The record's qualifier strings, by enum lx_meaning. */
static const char *const MEANINGS[] = {"over", "approx", "nearly", "under"};

const char *unit_entry_kind(const lx_entry *e)
{
    static const char *const kinds[] = {
        [LX_KIND_COUNT] = KIND_COUNT, [LX_KIND_MONEY] = KIND_MONEY,
        [LX_KIND_PERCENT] = KIND_PERCENT, [LX_KIND_CHANGE] = KIND_CHANGE,
        [LX_KIND_MULTIPLE] = KIND_MULTIPLE, [LX_KIND_DURATION] = KIND_DURATION,
        [LX_KIND_MEASURE] = KIND_MEASURE, [LX_KIND_RANK] = KIND_RANK,
        [LX_KIND_REJECT] = KIND_COUNT};
    return e ? kinds[e->kind] : KIND_COUNT;
}

const char *unit_kind(const lg_extractor *ex, const char *unit)
{
    return unit_entry_kind(lx_find(ex->lx, LX_UNITS, unit, strlen(unit)));
}

/* 超过300件, 约5%, 不超过5天: the longest qualifier word before the
 * numeral says (超过 ends 不超过, which is under). */
static const char *qualifier_before(const lg_extractor *ex, size_t i)
{
    const lx_entry *e = ends_entry(ex, i, LX_QUAL_WORDS);
    return e ? MEANINGS[e->kind] : NULL;
}

/* Change words: a percentage after them is a change, unless a level word
 * makes it the new level (下降至16.94%) or 由/从 the old one (由24%增加到). */
int is_change(const lg_extractor *ex, const value *v)
{
    size_t cs = clause_start(ex, v->num_start);
    if (UNIT_IS(v->unit, "百分点"))
        return 1;
    int pct = UNIT_IS(v->unit, "%");
    uint32_t before = v->num_start > 0 ? ex->cp[v->num_start - 1] : 0;
    if (before == 0x7531 /* 由 */ || before == 0x4ECE /* 从 */)
        return 0; /* 贡献率由24%增加到32.6%: the level it rose from */
    /* look back over at most 8 chars of the clause */
    for (size_t i = v->num_start; i > cs && v->num_start - i < 8; i--) {
        if (ends_any(ex, i, LX_LEVEL_WORDS))
            return 0; /* 提高到2023年的97.5%: the new level */
        if (ends_any(ex, i, LX_CHANGE_WORDS)) {
            if (ex->cp[i] == 0x6BD4 /* 比 */ && i + 1 < v->num_start && ex->cp[i + 1] != 0x4E0A /* 上 */)
                return 0; /* 时限压缩比达89%: a ratio's level (not 增长比上年…) */
            if (pct)
                return 1;
            /* a count is a change only against a base: 比上年增加20件 */
            for (size_t k = cs; k < i; k++)
                if (ex->cp[k] == 0x6BD4 /* 比 */ || ex->cp[k] == 0x8F83 /* 较 */ ||
                    (ex->cp[k] == 0x540C /* 同比 */ && ex->cp[k + 1] == 0x6BD4))
                    return 1;
            return 0;
        }
    }
    return 0;
}

/* ---- where a number starts and what it is --------------------------- */

/* Can the sign at char k be the sign of the number after it?  Not in
 * 2021-2023, 0472-5168123 or 1+4, where a digit stands before it. */
static int sign_at(const lg_extractor *ex, size_t k)
{
    uint32_t cp = ex->cp[k];
    uint32_t before = k > 0 ? ex->cp[k - 1] : 0;
    if (cp == 0x8D1F || cp == 0x8CA0) /* 负 負: not 正负, 胜负, 3胜2负1 */
        return before != 0x6B63 && before != 0x80DC && !is_digit_cp(before);
    if (cp != '-' && cp != '+' && cp != 0xFF0D /* － */ && cp != 0x2212 /* − */ &&
        cp != 0xFF0B /* ＋ */)
        return 0;
    return k == 0 || (is_cjk(before) && !lg_numerals_has(&ex->lx->numerals, before)) ||
           has_class(ex, before, CL_BREAK) || before == 0xFF08 || before == '(';
}

static int is_ascii_graphic(uint32_t cp) { return cp > 0x20 && cp < 0x7F; }
static int is_ascii_letter(uint32_t cp) { return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z'; }
static int is_hex(uint32_t cp) { return is_digit_cp(cp) || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'f'); }

/* Is the number at chars [i, end) inside a web or e-mail address, a file
 * name or a code (?id=45%20, %E4%B8%AD, fzb2023@163.com, v3.pdf,
 * MB1234567X, 5G)?  Its digits are no value.  Looks at the run of ASCII
 * around it, when it touches one. */
/* 08:30, 18:10:16: the hours, minutes and seconds of a clock time (a
 * header's 发布时间) are no figures.  i starts the number. */
static int in_clock_time(const lg_extractor *ex, size_t i)
{
    size_t d = i;
    while (d < ex->n && d - i < 3 && is_digit_cp(ex->cp[d]))
        d++;
    if (d == i || d - i > 2)
        return 0;
    int colon_before = i >= 2 && (ex->cp[i - 1] == ':' || ex->cp[i - 1] == 0xFF1A) && is_digit_cp(ex->cp[i - 2]);
    int colon_after = (cp_at(ex, d) == ':' || cp_at(ex, d) == 0xFF1A) && is_digit_cp(cp_at(ex, d + 1)) &&
                      is_digit_cp(cp_at(ex, d + 2)) && !is_digit_cp(cp_at(ex, d + 3));
    return colon_before || colon_after;
}

static int in_address(const lg_extractor *ex, size_t i, size_t end)
{
    uint32_t after = cp_at(ex, end);
    if (after == '%')
        after = cp_at(ex, end + 1);
    if ((i == 0 || !is_ascii_graphic(ex->cp[i - 1])) && !is_ascii_graphic(after))
        return 0; /* most numbers: CJK or punctuation on both sides */
    size_t a = i, b = i;
    while (a > 0 && i - a < 256 && is_ascii_graphic(ex->cp[a - 1]))
        a--;
    while (b < ex->n && b - i < 256 && is_ascii_graphic(ex->cp[b]))
        b++;
    for (size_t k = a; k < b; k++) {
        uint32_t cp = ex->cp[k], next = cp_at(ex, k + 1);
        if (cp == '@' || cp == '/' || cp == '\\' || cp == '?' || cp == '=' || cp == '&' ||
            cp == '_' || cp == '#')
            return 1;
        if (cp == '%' && k + 2 < b && is_hex(next) && is_hex(ex->cp[k + 2]) &&
            (is_ascii_letter(next) || is_ascii_letter(ex->cp[k + 2])))
            return 1; /* %E4, %2F; not 8.5%20 of a title joined to 2019年 */
        if (cp == '.' && is_ascii_letter(next))
            return 1; /* www.x, .pdf, .com */
        if (k > a && is_digit_cp(ex->cp[k - 1]) && is_ascii_letter(cp))
            return 1; /* a letter after a digit: a code, 5G, 3A */
    }
    return 0;
}

/* 数 數 几 幾 上: a rough prefix (数十万, 几百, 上万), but not the 几 of 十几万. */
static int rough_prefix_before(const lg_extractor *ex, size_t i)
{
    if (i == 0)
        return 0;
    uint32_t before = ex->cp[i - 1];
    return (before == 0x6570 || before == 0x6578 || before == 0x51E0 || before == 0x5E7E ||
            before == 0x4E0A) &&
           !(i >= 2 && lg_numerals_has(&ex->lx->numerals, ex->cp[i - 2]));
}

/* Where the number whose first digit is at char i starts: at a sign (负2.7,
 * 增长-1.6) or a rough prefix before it, else at i. */
static size_t number_start(const lg_extractor *ex, size_t i)
{
    if (i > 0 && (sign_at(ex, i - 1) || rough_prefix_before(ex, i)))
        return i - 1;
    return i;
}

/* A run of more digits than any quantity has (an identifier, a table
 * flattened without separators, a numeral list) is no value: say so, with
 * its offset, rather than let it vanish.  A run of up to 30 digits is an
 * account or document number, skipped in silence. */
#define LONG_RUN_DIGITS 30

static void warn_long_run(lg_extractor *ex, size_t start, size_t end)
{
    if (!ex->cfg || !ex->cfg->on_warning || end - start <= LONG_RUN_DIGITS || ex->long_run_warned)
        return;
    size_t digits = 0;
    for (size_t k = start; k < end; k++)
        digits += is_digit_cp(ex->cp[k]) || class_at(ex, k, CL_NUMERAL);
    if (digits <= LONG_RUN_DIGITS)
        return;
    char msg[128];
    snprintf(msg, sizeof msg,
             "a numeral of %zu digits is no quantity: no record (the first such; others not told)",
             digits);
    ex->cfg->on_warning(ex->file ? ex->file : "-", ex->c[start].offset, msg, ex->cfg->user);
    ex->long_run_warned = 1; /* one per input, as for invalid bytes */
}

/* The number at char i into v: its value, span and what it holds.
 * Returns 0, or -1 with *next past the numerals that make none. */
static int read_number(lg_extractor *ex, size_t i, value *v, lg_number *n, size_t *next)
{
    size_t start = number_start(ex, i);
    /* 近万, 超百亿: a lone magnitude after a qualifier */
    unsigned opts = !is_digit_cp(ex->cp[i]) && ends_any(ex, i, LX_QUAL_WORDS) ? LG_READ_BARE : 0;
    size_t b = ex->cb[start];
    int rc = lg_number_read(&ex->lx->numerals, ex->s.data + b, ex->s.len - b, opts, n);
    if (rc != 0 && start != i) { /* the sign or the prefix was none */
        start = i;
        b = ex->cb[i];
        rc = lg_number_read(&ex->lx->numerals, ex->s.data + b, ex->s.len - b, opts, n);
    }
    size_t end = char_at_byte(ex, start, b + n->used);
    *next = end > i ? end : i + 1;
    if (rc != 0) {
        warn_long_run(ex, start, end);
        return -1;
    }
    memset(v, 0, sizeof *v);
    v->start = v->num_start = start;
    v->end = end;
    memcpy(v->dec, n->dec, sizeof v->dec);
    v->chinese = !(n->flags & LG_NUM_ARABIC);
    /* a lone 万 of 近万 is no lone numeral: the qualifier makes it a number */
    v->single_cjk = v->chinese && !(n->flags & LG_NUM_BARE) &&
                    utf8_chars_n(ex->s.data + b, n->used) == 1;
    v->places = n->places;
    return 0;
}

/* ---- what follows the number ---------------------------------------- */

/* The unit and a qualifier after the number (match_value_at), into v;
 * v->end moves past them.  Returns the unit's bytes, -1 when too long. */
static long read_unit(lg_extractor *ex, value *v, const lg_number *n, size_t *post_from,
                      size_t *post_len)
{
    *post_len = 0;
    size_t from = ex->cb[v->end], ulen, plen;
    const lx_entry *unit = match_value_at(ex, v->end, &ulen, &plen);
    if (plen)
        *post_from = from + ulen;
    if ((n->flags & LG_NUM_PERCENT) && ulen)
        return 0; /* 六成 is a share whatever follows */
    if (ulen >= sizeof v->unit)
        return -1;
    memcpy(v->unit, ex->s.data + from, ulen);
    v->unit[ulen] = '\0';
    v->unit_entry = unit;
    *post_len = plen;
    v->end = char_at_byte(ex, v->end, from + ulen + plen);
    return (long)ulen;
}

/* 一年半 is 1.5 年, 三个半月 3.5 个月, 两个半小时 2.5 小时: the 半 after the
 * unit adds a half.  Returns 1 when it did. */
static int half_after(const lg_extractor *ex, value *v)
{
    if (cp_at(ex, v->end) != 0x534A /* 半 */ || v->dec[0] == '-')
        return 0;
    size_t took = 0;
    if (UNIT_IS(v->unit, "年") || UNIT_IS(v->unit, "个月") || UNIT_IS(v->unit, "小时")) {
        took = 1;
    } else if (UNIT_IS(v->unit, "个") && starts(ex, v->end + 1, "月")) {
        strcpy(v->unit, "个月");
        took = 2;
    } else if (UNIT_IS(v->unit, "个") && starts(ex, v->end + 1, "小时")) {
        strcpy(v->unit, "小时");
        took = 3;
    }
    if (!took || lg_decimal_add(v->dec, sizeof v->dec, "0.5") != 0)
        return 0;
    v->end += took;
    return 1;
}

/* 培训17期(次), 服务5万人(次): a bracket holding only another measure
 * word is the unit's alternative, not the start of the next words.
 * v->end moves past it. */
static void skip_unit_alternative(const lg_extractor *ex, value *v)
{
    uint32_t open = cp_at(ex, v->end);
    if (open != '(' && open != 0xFF08 /* （ */)
        return;
    size_t close = v->end + 1;
    while (close < ex->n && close - v->end <= 3 && ex->cp[close] != ')' && ex->cp[close] != 0xFF09)
        close++;
    if (close >= ex->n || close == v->end + 1 || close - v->end > 3)
        return;
    size_t a = ex->cb[v->end + 1], b = ex->cb[close];
    if (lx_find(ex->lx, LX_UNITS, ex->s.data + a, b - a))
        v->end = close + 1;
}

/* Does a range separator before char i follow a number (the 五 of 三到五年)? */
static int after_range(const lg_extractor *ex, size_t i)
{
    for (size_t k = i; k > 0 && i - k < 2; k--) {
        uint32_t cp = ex->cp[k - 1];
        if (is_digit_cp(cp) || lg_numerals_has(&ex->lx->numerals, cp)) {
            size_t bytes = ex->cb[i] - ex->cb[k];
            return k < i && lg_range_separator(ex->s.data + ex->cb[k], bytes) == bytes;
        }
    }
    return 0;
}

/* ranges: may the value be the first end of a range (not when it is the
 * second end being read, which keeps a chain 1万至1万至… linear) */
static int read_value(lg_extractor *ex, size_t i, value *v, size_t *next, int ranges);

/* Where the first end of the range whose second starts at char i starts:
 * back over the separator and the first numeral. */
static size_t range_first_start(const lg_extractor *ex, size_t i)
{
    size_t k = i;
    while (k > 0 && i - k < 3 && !class_at(ex, k - 1, CL_NUMERAL) && !is_digit_cp(ex->cp[k - 1]))
        k--; /* the separator */
    while (k > 0 && i - k < 16 &&
           (class_at(ex, k - 1, CL_NUMERAL) || is_digit_cp(ex->cp[k - 1]) || ex->cp[k - 1] == '.' ||
            ex->cp[k - 1] == 0x70B9 /* 点 */))
        k--;
    return k;
}

/* 百分之五十到六十: the second end of a range whose first is a 百分之 share
 * takes its %. */
static int range_second_share(const lg_extractor *ex, const value *v)
{
    if (!v->in_range)
        return 0;
    size_t k = range_first_start(ex, v->start);
    return k >= 3 && ex->cp[k - 1] == 0x4E4B /* 之 */ && ex->cp[k - 2] == 0x5206 /* 分 */ &&
           ex->cp[k - 3] == 0x767E; /* 百 */
}

/* 第1至3名: the second end of a range of ranks is a rank. */
static int range_second_rank(const lg_extractor *ex, const value *v)
{
    if (!v->in_range || !(UNIT_IS(v->unit, "名") || UNIT_IS(v->unit, "位")))
        return 0;
    size_t k = range_first_start(ex, v->start);
    return k > 0 && ex->cp[k - 1] == 0x7B2C; /* 第 */
}

/* 20至30件, 三到五年, 两到三百人: a number with no unit before a range
 * separator takes the unit of the number after it, its magnitude (2至3万
 * is 20000) and, for a lone digit, its power of ten (两到三百 is 200).
 * Returns 1 when v is such a first number. */
static int range_first(lg_extractor *ex, value *v, const lg_number *a)
{
    size_t at = ex->cb[v->end];
    size_t sep = lg_range_separator(ex->s.data + at, ex->s.len - at);
    size_t j = sep ? char_at_byte(ex, v->end, at + sep) : ex->n;
    if (j >= ex->n)
        return 0;
    int b_arabic = is_digit_cp(ex->cp[j]);
    if ((!b_arabic && !class_at(ex, j, CL_NUMERAL)) || b_arabic != ((a->flags & LG_NUM_ARABIC) != 0))
        return 0;
    /* the second end carries its unit or magnitude itself (no range
     * within a range): check that before reading it whole */
    lg_number bn;
    size_t bb = ex->cb[j], ulen = 0, plen;
    if (lg_number_read(&ex->lx->numerals, ex->s.data + bb, ex->s.len - bb, 0, &bn) != 0)
        return 0;
    if (!(bn.flags & LG_NUM_PERCENT) && !bn.places &&
        (match_value_at(ex, char_at_byte(ex, j, bb + bn.used), &ulen, &plen), !ulen))
        return 0;
    value b;
    size_t nx;
    if (!read_value(ex, j, &b, &nx, 0) || (!b.unit[0] && !b.places))
        return 0; /* 2至3万人, 2至3万: the second end is a value */
    int ordinal = v->start > 0 && ex->cp[v->start - 1] == 0x7B2C; /* 第1至3名 */
    if (ordinal != (b.kind == KIND_RANK))
        return 0;
    int places = b.places;
    if ((a->flags & LG_NUM_SINGLE) && !b.places) {
        /* 两到三百: the lone digit counts what 三百's digit counts */
        size_t len = strlen(b.dec), zeros = 0;
        while (zeros + 1 < len && b.dec[len - 1 - zeros] == '0')
            zeros++;
        if (zeros + 1 == len)
            places = (int)zeros;
    }
    if (!a->places && places && lg_decimal_shift(v->dec, sizeof v->dec, places) != 0)
        return 0;
    memcpy(v->unit, b.unit, sizeof v->unit);
    v->places = a->places ? a->places : places;
    v->in_range = 1;
    return 1;
}

/* The qualifier: after the value (以上, 左右), inside its number (三十多万,
 * 数十万, 十来个), or before it (超过, 约, 近). */
static void read_qualifier(const lg_extractor *ex, value *v, const lg_number *n, size_t post_from,
                           size_t post_len)
{
    if (post_len) {
        const lx_entry *e = lx_find(ex->lx, LX_QUALIFIERS_AFTER, ex->s.data + post_from, post_len);
        v->qualifier = MEANINGS[e ? e->kind : LX_OVER];
    } else if (n->flags & LG_NUM_OVER) {
        v->qualifier = MEANINGS[LX_OVER];
    } else if (n->flags & LG_NUM_APPROX) {
        v->qualifier = MEANINGS[LX_APPROX];
    }
    const char *q = qualifier_before(ex, v->start);
    if (q && !v->qualifier)
        v->qualifier = q;
}

/* 复议诉讼比值达2.6, 指数为85, 复议诉讼比达6.86:1: a number the text
 * gives no unit is a value after a ratio word and a link (达, 为); X:1 is
 * the ratio X, its 1 taken into the value, while a ratio of more parts
 * (8.5:44.5:47) or of two others (3:2) is no one value.  Returns 1 for a
 * ratio, -1 for a number that is no value, 0 when no ratio word stands
 * before it. */
static int read_ratio(const lg_extractor *ex, value *v)
{
    size_t link = ends_any(ex, v->start, LX_RATIO_LINKS);
    if (!ends_any(ex, v->start - link, LX_RATIO_WORDS))
        return 0;
    uint32_t after = cp_at(ex, v->end);
    if (after != ':' && after != 0xFF1A /* ： */)
        return link ? 1 : 0;
    uint32_t past = cp_at(ex, v->end + 2);
    if (cp_at(ex, v->end + 1) != '1' || is_digit_cp(past) || past == '.' || past == ':' ||
        past == 0xFF1A)
        return -1;
    v->end += 2;
    return 1;
}

/* The unit of a value as it is shown: 六成 and 百分之三十 in %, 3‰ as
 * 0.3 %, ￥500 in 元, a range's first end with its second's unit (and
 * 百分之五十到六十's second end with %).  Returns the unit's bytes, 0 when
 * none, -1 when the value is no figure (几十年, 十万火急). */
static long settle_unit(lg_extractor *ex, value *v, const lg_number *n, long ulen, size_t post_len,
                        int ranges)
{
    int share = (n->flags & LG_NUM_PERCENT) != 0;
    if (share)
        strcpy(v->unit, "%");
    if (UNIT_IS(v->unit, "‰")) { /* a column holds one scale, as 千分之三 does */
        if (lg_decimal_shift(v->dec, sizeof v->dec, -1) != 0)
            return -1;
        strcpy(v->unit, "%");
    }
    uint32_t before = v->start > 0 ? ex->cp[v->start - 1] : 0;
    if (!ulen && (before == 0xFFE5 || before == 0xA5)) { /* ￥500, ¥3.5亿 */
        strcpy(v->unit, "元");
        ulen = (long)strlen(v->unit);
    }
    uint32_t first = ex->cp[v->start];
    if ((first == 0x6570 || first == 0x51E0 || first == 0x6578 || first == 0x5E7E) &&
        unit_kind(ex, v->unit) == KIND_DURATION)
        return -1; /* 几十年, 数十天: a long time, no figure */
    if (!ulen && !share && !post_len && ranges && range_first(ex, v, n))
        ulen = (long)strlen(v->unit);
    v->in_range |= after_range(ex, v->start);
    if (!ulen && !share && range_second_share(ex, v)) {
        strcpy(v->unit, "%");
        ulen = 1;
    }
    uint32_t after = cp_at(ex, v->end);
    if (!ulen && !post_len && v->chinese && !share && !v->in_range && is_cjk(after) &&
        after != 0x7684 /* 的 */)
        return -1; /* 投资达三千万。 is a figure; 十万火急, 十万八千里 are idioms */
    return ulen;
}

/* Read the value whose numeral starts at char i.  Returns 1 and fills *v
 * when it is a value; *next is where scanning goes on. */
static int read_value(lg_extractor *ex, size_t i, value *v, size_t *next, int ranges)
{
    lg_number n;
    if (read_number(ex, i, v, &n, next) != 0 || in_address(ex, v->start, v->end) ||
        in_clock_time(ex, v->start))
        return 0;
    size_t post_from = 0, post_len = 0;
    long ulen = read_unit(ex, v, &n, &post_from, &post_len);
    if (ulen < 0 || (ulen = settle_unit(ex, v, &n, ulen, post_len, ranges)) < 0)
        return 0;
    candidate c = {0};
    c.before = v->start > 0 ? ex->cp[v->start - 1] : 0;
    if (!ulen && !(n.flags & LG_NUM_PERCENT) && !post_len && c.before != 0x7B2C /* 第 */ &&
        (c.ratio = read_ratio(ex, v)) < 0)
        return 0;
    if (ulen)
        skip_unit_alternative(ex, v);
    c.ulen = (size_t)ulen;
    c.places = v->places;
    c.mlen = v->places ? 1 : 0;
    c.after = cp_at(ex, v->end);
    c.half = half_after(ex, v);
    int rank = 0;
    if (rejected(ex, v, &c, &rank))
        return 0;
    if (rank)
        return 1;
    if (range_second_rank(ex, v)) {
        strcpy(v->unit, "名");
        v->kind = KIND_RANK;
        return 1;
    }
    if (UNIT_IS(v->unit, "元")) { /* 5元3角 */
        size_t at = ex->cb[v->end];
        at += lg_money_jiao_fen(&ex->lx->numerals, ex->s.data + at, ex->s.len - at, v->dec,
                                sizeof v->dec);
        v->end = char_at_byte(ex, v->end, at);
    }
    read_qualifier(ex, v, &n, post_from, post_len);
    const lx_entry *u = unit_lookup(ex, v->unit, strlen(v->unit), v->unit_entry);
    if (u && u->value) { /* 个百分点 is shown as 百分点 */
        snprintf(v->unit, sizeof v->unit, "%s", u->value);
        v->kind = unit_kind(ex, v->unit);
    } else {
        v->kind = unit_entry_kind(u); /* (the unit looked up just now) */
    }
    if (is_score(ex, v))
        v->kind = KIND_MEASURE; /* 考核得分95.6分 */
    if (v->kind == KIND_PERCENT || v->kind == KIND_COUNT || v->kind == KIND_MONEY || v->kind == KIND_MEASURE) {
        if (is_change(ex, v))
            v->kind = KIND_CHANGE;
    }
    return 1;
}

/* ---- the sentence's values ------------------------------------------ */

/* Chinese numerals are everywhere in prose (进一步, 百姓, 千方百计): read a
 * number only when the run is followed by something a value can be
 * followed by, or holds a magnitude (投资达三千万). */
static int cjk_numeral_may_count(const lg_extractor *ex, size_t i)
{
    if (i > 0 && ex->cp[i - 1] == 0x7B2C /* 第: a rank may end the clause */)
        return 1;
    size_t k = i;
    int magnitude = 0;
    for (; k < ex->n; k++) {
        if (!class_at(ex, k, CL_NUMERAL) && ex->cp[k] != 0x70B9 /* 点 */)
            break;
        magnitude |= lg_numerals_is_magnitude(&ex->lx->numerals, ex->cp[k]);
    }
    if (ex->cp[i] == 0x767E /* 百分之 */ && k < ex->n && ex->cp[k] == 0x5206)
        return 1;
    return magnitude || class_at(ex, k, CL_FOLLOWER) /* 0 past the end */ ||
           after_range(ex, i); /* 百分之五十到六十之间 */
}

/* A lone 万 or 亿 is a number after a qualifier or a rough prefix (近万件,
 * 超亿元, 上万人, 数万), before 余 or 多 (万余人), or in 万分之五. */
static int bare_magnitude_start(const lg_extractor *ex, size_t i)
{
    if (i == 0 || !lg_numerals_is_magnitude(&ex->lx->numerals, ex->cp[i]) ||
        class_at(ex, i - 1, CL_NUMERAL))
        return 0;
    uint32_t next = cp_at(ex, i + 1);
    return rough_prefix_before(ex, i) || ends_any(ex, i, LX_QUAL_WORDS) || next == 0x4F59 /* 余 */ ||
           next == 0x591A /* 多 */ || (next == 0x5206 && cp_at(ex, i + 2) == 0x4E4B); /* 分之 */
}

static int push_value(found *f, size_t *cap, value *stack, const value *v)
{
    if (f->nv == *cap) {
        value *p = malloc(2 * *cap * sizeof *p);
        if (!p)
            return -1;
        memcpy(p, f->values, f->nv * sizeof *p);
        if (f->values != stack)
            free(f->values);
        f->values = p;
        *cap *= 2;
    }
    f->values[f->nv++] = *v;
    return 0;
}

/* Is char i where a number may start? */
static int number_may_start(const lg_extractor *ex, size_t i)
{
    uint32_t cp = ex->cp[i];
    if (is_digit_cp(cp))
        return !(i > 0 && (is_digit_cp(ex->cp[i - 1]) || ex->cp[i - 1] == '.'));
    if (lg_numerals_is_magnitude(&ex->lx->numerals, cp))
        return bare_magnitude_start(ex, i) && cjk_numeral_may_count(ex, i);
    return !(i > 0 && class_at(ex, i - 1, CL_NUMERAL)) && cjk_numeral_may_count(ex, i);
}

int find_values(lg_extractor *ex, found *f, value *stack, size_t stack_cap)
{
    size_t cap = stack_cap;
    f->values = stack;
    f->nv = 0;
    for (size_t i = 0; i < ex->n;) {
        /* most characters are no numeral: pass them in a tight loop */
        while (i < ex->n && !is_digit_cp(ex->cp[i]) && !class_at(ex, i, CL_NUMERAL))
            i++;
        if (i == ex->n)
            break;
        if (!number_may_start(ex, i)) {
            i++;
            continue;
        }
        value v;
        size_t next;
        if (read_value(ex, i, &v, &next, 1)) {
            if (push_value(f, &cap, stack, &v))
                return -1;
            next = v.end;
        }
        i = next > i ? next : i + 1;
        /* skip the rest of a numeral run that did not make a value */
        while (i < ex->n && i > 0 && (is_digit_cp(ex->cp[i]) || ex->cp[i] == '.' || ex->cp[i] == ',') &&
               is_digit_cp(ex->cp[i - 1]))
            i++;
    }
    return 0;
}
