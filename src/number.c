/* number.c - the number reader: Chinese, financial, Arabic and mixed
 * numerals, signs, shares, rough forms and 元角分 money to exact decimal
 * strings; see number.h.
 * Owns: the numeral table (lg_numerals), the reader's steps and the
 * public lg_number_read, lg_chinese_to_decimal and lg_money_jiao_fen.
 * Reads: the bytes it is given and the caller's lg_numerals; builds values
 * with the decimal arithmetic of number_decimal.c (number_int.h). */
#include "number.h"
#include "number_int.h"
#include "text.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* ---- the number reader ------------------------------------------------ */

/* Decode one UTF-8 character from s; returns its length (1 for a stray
 * byte, which no numeral contains: a bad, cut or overlong sequence must
 * not turn into 点 or a digit in disguise).  0 at the end. */
static size_t next_cp(const unsigned char *s, size_t len, uint32_t *cp)
{
    if (len == 0) {
        *cp = 0;
        return 0;
    }
    /* most: a 3-byte sequence whose lead (E1-EC, EE-EF) allows no overlong
     * and no surrogate, read without the strict decoder's steps */
    if (len >= 3 && s[0] >= 0xE1 && s[0] <= 0xEF && s[0] != 0xED && (s[1] & 0xC0) == 0x80 &&
        (s[2] & 0xC0) == 0x80) {
        *cp = (uint32_t)(s[0] & 0x0F) << 12 | (uint32_t)(s[1] & 0x3F) << 6 | (s[2] & 0x3F);
        return 3;
    }
    int k = utf8_decode_strict(s, len, cp);
    if (k <= 0) {
        *cp = 0xFFFD;
        return 1;
    }
    return (size_t)k;
}

/* What a character is to the reader. */
enum { C_OTHER, C_DIGIT, C_SMALL, C_BIG };

typedef struct numeral_char {
    int type;  /* C_* */
    int value; /* the digit, or the places of 十百千 (1-3) and 万亿 (4, 8) */
    int financial;
} numeral_char;

/* A table code: 1 + the digit (1..10), 11..13 for 十百千, 14 万, 15 亿;
 * the high bit marks a financial numeral. */
#define CODE_FINANCIAL 0x80

static inline numeral_char classify(const lg_numerals *t, uint32_t cp)
{
    unsigned code = cp < 0x10000 ? t->code[cp] : 0;
    int financial = (code & CODE_FINANCIAL) != 0;
    code &= 0x7F;
    if (code == 0)
        return (numeral_char){C_OTHER, 0, 0};
    if (code <= 10)
        return (numeral_char){C_DIGIT, (int)code - 1, financial};
    if (code <= 13)
        return (numeral_char){C_SMALL, (int)code - 10, financial};
    return (numeral_char){C_BIG, code == 14 ? 4 : 8, financial};
}

void lg_numerals_clear(lg_numerals *t)
{
    memset(t->code, 0, sizeof t->code);
}

int lg_numerals_value_ok(long long value)
{
    return (value >= 0 && value <= 9) || value == 10 || value == 100 || value == 1000 ||
           value == 10000 || value == 100000000;
}

int lg_numerals_add(lg_numerals *t, uint32_t cp, long long value, int financial)
{
    unsigned code;
    if (value >= 0 && value <= 9)
        code = (unsigned)value + 1;
    else if (value == 10) code = 11;
    else if (value == 100) code = 12;
    else if (value == 1000) code = 13;
    else if (value == 10000) code = 14;
    else if (value == 100000000) code = 15;
    else return -1;
    if (cp >= 0x10000 || cp < 0x80)
        return -1; /* ASCII digits are read as Arabic numerals */
    t->code[cp] = (unsigned char)(code | (financial ? CODE_FINANCIAL : 0));
    return 0;
}

/* The last thing the reader took. */
enum { T_NONE, T_DIGIT, T_ARABIC, T_ZERO, T_SMALL, T_BIG, T_FRACTION, T_QUALIFIER };

typedef struct segment {
    dnum value;
    int places; /* of the magnitude word that closed it (万亿: 12) */
} segment;

typedef struct reader {
    const lg_numerals *t;
    const unsigned char *s;
    size_t len, at;
    unsigned options, flags;
    segment segs[4]; /* 亿, 万 and below: a compound (万亿) multiplies one */
    int nseg;
    dnum section;      /* the part below the last magnitude word, 十百千 applied */
    int have_section;
    dnum cur;          /* the last digit or Arabic numeral, no unit yet */
    int have_cur, cur_arabic, cur_int_digits, cur_integer;
    int last;          /* T_* */
    int last_small;    /* places of the last 十百千 in this section; 4 at its start */
    int unit_before_cur; /* places of the unit right before cur (for 一万二), 0 if none */
    int zero;          /* 零 since the last unit */
    int bare_ok;       /* a lone unit may start the number (数十万, 近万, 百分之百) */
    int chinese_chars, non_financial;
    int failed;        /* the numerals here form no number (三五, 40 digits) */
} reader;

/* (peek runs at every character of every number: GCC would keep it a call) */
#if defined(__GNUC__)
#define NUMBER_INLINE inline __attribute__((always_inline))
#else
#define NUMBER_INLINE inline
#endif

static NUMBER_INLINE uint32_t peek(const reader *r, size_t at, size_t *k)
{
    if (at < r->len && r->s[at] < 0x80) { /* ASCII: digits, signs, most stops */
        if (k)
            *k = 1;
        return r->s[at];
    }
    uint32_t cp;
    size_t n = at < r->len ? next_cp(r->s + at, r->len - at, &cp) : 0;
    if (k)
        *k = n;
    return n ? cp : 0;
}

static int is_ascii_digit(uint32_t cp) { return cp >= '0' && cp <= '9'; }

/* The bytes of a gap between groups of three digits at s[g]: a space 1,
 * a full-width comma ， 3, else 0 (and 0 past the end). */
static size_t group_gap(const unsigned char *s, size_t g, size_t len)
{
    if (g < len && s[g] == ' ')
        return 1;
    return g + 2 < len && s[g] == 0xEF && s[g + 1] == 0xBC && s[g + 2] == 0x8C ? 3 : 0;
}

/* An Arabic numeral at r->at: 12, 12.5, 10,055.5, 4 598.  Stores it in r->cur
 * and returns the bytes read, 0 when none, -1 when it is no value (a
 * version 3.0.1, more than 18 digits). */
static long read_arabic(reader *r)
{
    const unsigned char *s = r->s + r->at;
    size_t len = r->len - r->at, i = 0;
    while (i < len && is_ascii_digit(s[i]))
        i++;
    if (i == 0)
        return 0;
    /* thousands groups, as the value pattern took them: ,ddd not followed by a digit */
    if (i <= 3)
        while (i + 3 < len && s[i] == ',' && is_ascii_digit(s[i + 1]) &&
               is_ascii_digit(s[i + 2]) && is_ascii_digit(s[i + 3]) &&
               (i + 4 >= len || !is_ascii_digit(s[i + 4])))
            i += 4;
    /* 4 598个, 29 757件 (yearbooks): a space before groups of three, the
     * last right before a unit that is no ASCII (never 12 345 0, a row) */
    size_t g = i, w;
    /* (and the full-width comma of full-width figures: ３，２５６件) */
    if (i <= 3)
        while ((w = group_gap(s, g, len)) && g + w + 3 < len && is_ascii_digit(s[g + w]) &&
               is_ascii_digit(s[g + w + 1]) && is_ascii_digit(s[g + w + 2]) && !is_ascii_digit(s[g + w + 3]))
            g += w + 3;
    if (g > i && (s[g] >= 0x80 || s[g] == '%') && group_gap(s, g, len) != 3)
        i = g;
    if (i + 1 < len && s[i] == '.' && is_ascii_digit(s[i + 1])) {
        i++;
        while (i < len && is_ascii_digit(s[i]))
            i++;
        if (i + 1 < len && s[i] == '.' && is_ascii_digit(s[i + 1]))
            return -1; /* 3.0.1, 192.168.1.1 */
    }
    /* the digits straight into m * 10^e: leading zeros dropped, at most 18
     * significant digits (as lg_arabic_to_decimal keeps) */
    uint64_t m = 0;
    int significant = 0, frac = 0, digits_int = 0, in_frac = 0;
    for (size_t k = 0; k < i; k++) {
        unsigned char c = s[k];
        if (c == ',' || c == ' ')
            continue;
        if (c == 0xEF) { /* ， */
            k += 2;
            continue;
        }
        if (c == '.') {
            in_frac = 1;
            continue;
        }
        if (significant || c != '0')
            significant++;
        if (significant > 18) {
            r->flags |= LG_NUM_TOO_LONG;
            return -1;
        }
        m = m * 10 + (uint64_t)(c - '0');
        frac += in_frac;
        digits_int += !in_frac;
    }
    r->cur = dn_norm((dnum){m, -frac});
    r->cur_integer = r->cur.e >= 0;
    r->cur_int_digits = digits_int;
    return (long)i;
}

/* Is the 千 at `at` the first character of a unit (千米, 千克, 千瓦)? */
static int kilo_unit_follows(const reader *r, size_t at)
{
    uint32_t next = peek(r, at, NULL);
    return next == 0x7C73 || next == 0x514B || next == 0x74E6 || next == 0x4F0F ||
           next == 0x5E15 || next == 0x5361; /* 米 克 瓦 伏 帕 卡 */
}

/* 余 多 几 来 right after at? (lets a lone 千 or 万 start: 千余件, 万余人) */
static int rough_follows(const reader *r, size_t at)
{
    uint32_t next = peek(r, at, NULL);
    return next == 0x4F59 || next == 0x9918 || next == 0x591A;
}

/* Outcomes of one step of the reader. */
enum { STEP_TOOK, STEP_SPACE, STEP_STOP, STEP_FAIL };

/* A digit: 五, 零, or an Arabic numeral. */
static int take_digit(reader *r, numeral_char c, size_t k)
{
    if (c.value == 0 && !c.financial && r->last != T_NONE) {
        /* 零 inside a number marks a gap (一百零五); after a digit it is a
         * list or a year (二〇二三) */
        if (r->have_cur || r->last == T_ZERO || r->last == T_FRACTION || r->last == T_QUALIFIER)
            return STEP_FAIL;
        r->zero = 1;
        r->last = T_ZERO;
        r->at += k;
        return STEP_TOOK;
    }
    if (r->have_cur || r->last == T_FRACTION)
        return STEP_FAIL; /* 三五, 两三: a list or a guess, not a value */
    if (r->last == T_QUALIFIER)
        return STEP_STOP;
    r->unit_before_cur = r->zero ? 0 : (r->last == T_SMALL ? r->last_small
                                        : r->last == T_BIG ? r->segs[r->nseg - 1].places : 0);
    r->cur = (dnum){(uint64_t)c.value, 0};
    r->have_cur = 1;
    r->cur_arabic = 0;
    r->cur_integer = 1;
    r->last = T_DIGIT;
    r->chinese_chars++;
    r->non_financial |= !c.financial;
    r->at += k;
    return STEP_TOOK;
}

static int take_arabic(reader *r)
{
    if (r->options & LG_READ_CHINESE_ONLY)
        return STEP_STOP;
    if (r->have_cur || r->last == T_ZERO || r->last == T_FRACTION || r->last == T_QUALIFIER)
        return STEP_STOP; /* 三5, 伍3000人: the Chinese numeral ends here */
    long k = read_arabic(r);
    if (k < 0)
        return STEP_FAIL;
    r->unit_before_cur = 0;
    r->have_cur = 1;
    r->cur_arabic = 1;
    r->last = T_ARABIC;
    r->flags |= LG_NUM_ARABIC;
    r->at += (size_t)k;
    return STEP_TOOK;
}

/* 十 百 千 (拾 佰 仟): multiply the digit before, or stand for one of
 * themselves where that is how Chinese writes (十二, 数十万, 千余件). */
static int take_small(reader *r, numeral_char c, size_t k)
{
    int places = c.value;
    uint32_t next = peek(r, r->at + k, NULL);
    if (places == 2 && next == 0x5206) /* 百分: 百分点, 百分之, 百分比 */
        return STEP_STOP;
    if (places == 3 && kilo_unit_follows(r, r->at + k) && r->nseg == 0 && !r->have_section)
        return STEP_STOP; /* 3千米 is 3 km; 一万二千米 is 12000 m */
    if (r->last == T_FRACTION || r->last == T_QUALIFIER)
        return STEP_FAIL;
    if (places >= r->last_small && (r->have_section || r->have_cur))
        return STEP_FAIL; /* 十十, 一百二千 */
    dnum add;
    if (r->have_cur) {
        if (r->cur.m == 0)
            return STEP_FAIL;
        if (r->cur_arabic) {
            /* 3千2百, 1.5千万: one digit before 百/千, never 12百 or 3十 */
            int ok = places == 3 ? dn_below_pow10(r->cur, 1)
                                 : places == 2 && r->cur_integer && r->cur_int_digits == 1;
            if (!ok)
                return STEP_STOP;
        }
        add = r->cur;
        add.e += places;
        r->have_cur = 0;
    } else if (places == 1 && !r->have_section && r->last != T_SMALL) {
        add = (dnum){1, 1}; /* 十二, 二万十 */
        if (r->last == T_NONE && r->bare_ok)
            r->flags |= LG_NUM_BARE; /* 数十万 */
    } else if (r->last == T_NONE && (r->bare_ok || rough_follows(r, r->at + k))) {
        add = (dnum){1, places}; /* 数百, 近千, 百分之百, 千余件 */
        r->flags |= LG_NUM_BARE;
    } else {
        return r->last == T_SMALL ? STEP_FAIL : STEP_STOP;
    }
    if (dn_add(r->section, add, &r->section) != 0)
        return STEP_FAIL;
    r->have_section = 1;
    r->last_small = places;
    r->last = T_SMALL;
    r->zero = 0;
    r->chinese_chars++;
    r->non_financial |= !c.financial;
    r->at += k;
    return STEP_TOOK;
}

/* 万 亿 (萬 億): close the part before into a segment of that magnitude.
 * 万亿 and 万万 multiply (10^12, 10^8); 1亿2千万 adds (120000000). */
static int take_big(reader *r, numeral_char c, size_t k)
{
    int places = c.value;
    if (r->last == T_ZERO)
        return STEP_FAIL;
    if (!r->have_section && !r->have_cur) {
        if (r->last == T_BIG || (r->last == T_QUALIFIER && r->nseg > 0)) {
            segment *top = &r->segs[r->nseg - 1];
            top->value.e += places;
            top->places += places;
            if (r->nseg > 1 && !dn_below_pow10(top->value, r->segs[r->nseg - 2].places))
                return STEP_FAIL;
        } else if (r->last == T_NONE && (r->bare_ok || rough_follows(r, r->at + k))) {
            r->segs[r->nseg++] = (segment){{1, places}, places};
            r->flags |= LG_NUM_BARE;
        } else {
            return STEP_STOP; /* a lone 万: 万名律师 */
        }
    } else {
        dnum v = r->section;
        if (r->have_cur && dn_add(v, r->cur, &v) != 0)
            return STEP_FAIL;
        if (v.m == 0)
            return STEP_FAIL;
        while (r->nseg > 0 && r->segs[r->nseg - 1].places < places)
            if (dn_add(v, r->segs[--r->nseg].value, &v) != 0)
                return STEP_FAIL;
        v.e += places;
        if (r->nseg > 0 && !dn_below_pow10(v, r->segs[r->nseg - 1].places))
            return STEP_FAIL; /* 2万5000万 */
        if (r->nseg == (int)(sizeof r->segs / sizeof r->segs[0]))
            return STEP_FAIL;
        r->segs[r->nseg++] = (segment){v, places};
    }
    r->section = (dnum){0, 0};
    r->have_section = r->have_cur = 0;
    r->last_small = 4;
    r->last = T_BIG;
    r->zero = 0;
    r->chinese_chars++;
    r->non_financial = 1;
    r->flags |= LG_NUM_MAGNITUDE;
    r->at += k;
    return STEP_TOOK;
}

/* 点 (點) and Chinese digits after it: 十二点五. */
static int take_point(reader *r, size_t k)
{
    if (r->last == T_FRACTION || r->last == T_QUALIFIER || r->last == T_NONE ||
        (r->have_cur && r->cur_arabic) || r->last == T_ZERO)
        return STEP_STOP;
    size_t at = r->at + k, kk;
    uint64_t m = 0;
    int digits = 0;
    for (;;) {
        uint32_t cp = peek(r, at, &kk);
        numeral_char c = classify(r->t, cp);
        if (!kk || c.type != C_DIGIT)
            break;
        if (digits >= 17)
            return STEP_FAIL;
        m = m * 10 + (uint64_t)c.value;
        digits++;
        at += kk;
    }
    if (!digits)
        return STEP_STOP; /* 三点: three o'clock, or 三点意见 */
    dnum v = r->section;
    if (r->have_cur && dn_add(v, r->cur, &v) != 0)
        return STEP_FAIL;
    if (dn_add(v, dn_norm((dnum){m, -digits}), &v) != 0)
        return STEP_FAIL;
    r->section = v;
    r->have_section = 1;
    r->have_cur = 0;
    r->last = T_FRACTION;
    r->chinese_chars += digits + 1;
    r->non_financial = 1;
    r->at = at;
    return STEP_TOOK;
}

/* 多 余 几 来 after a unit or an Arabic numeral: 三十多万, 2000余人,
 * 十几万, 十来个, 413.93余万. */
static int take_rough(reader *r, uint32_t cp, size_t k)
{
    if (r->flags & (LG_NUM_OVER | LG_NUM_APPROX))
        return STEP_STOP;
    int after_unit = r->last == T_SMALL || r->last == T_BIG;
    /* (413.93余万元: a decimal takes it only before a magnitude word) */
    int before_big = classify(r->t, peek(r, r->at + k, NULL)).type == C_BIG;
    int after_arabic = r->last == T_ARABIC && (r->cur_integer || before_big) && !dn_below_pow10(r->cur, 1);
    if (cp == 0x51E0 || cp == 0x5E7E) { /* 几: 十几, 二十几万 */
        if (r->last != T_SMALL)
            return STEP_STOP;
    } else if (!after_unit && !after_arabic) {
        return STEP_STOP;
    }
    if (cp == 0x6765) { /* 来: 十来个 is about ten, 以来 is never here */
        if (r->last == T_BIG)
            return STEP_STOP;
        r->flags |= LG_NUM_APPROX;
    } else {
        r->flags |= LG_NUM_OVER;
    }
    if (r->have_cur) { /* 2000余: the numeral is whole */
        if (dn_add(r->section, r->cur, &r->section) != 0)
            return STEP_FAIL;
        r->have_section = 1;
        r->have_cur = 0;
    }
    r->last = T_QUALIFIER;
    r->at += k;
    return STEP_TOOK;
}

/* Characters after 成 that make it part of a word, not a share: 八成为,
 * 一成不变, 成立, 成千上万. */
static int cheng_starts_word(uint32_t next)
{
    static const uint32_t words[] = {
        0x4E3A, 0x70BA, 0x7ACB, 0x529F, 0x6548, 0x679C, 0x5458, 0x54E1, 0x672C, 0x7EE9, 0x7E3E,
        0x4EA4, 0x578B, 0x957F, 0x9577, 0x5C31, 0x719F, 0x8D25, 0x6557, 0x54C1, 0x90FD, 0x4E0D,
        0x4E86, 0x89C4, 0x898F, 0x4E8B, 0x4EBA, 0x5E74, 0x5206, 0x4EFD, 0x5F62, 0x624D, 0x6750,
        0x5BB6, 0x8272, 0x6279, 0x5957, 0x7247, 0x7FA4, 0x56E2, 0x5718, 0x50CF, 0x5168, 0x4EB2,
        0x89AA, 0x540D, 0x5668, 0x771F, 0x500D, 0x5343, 0x767E, 0x4E07, 0x842C, 0x8BED, 0x8A9E,
        0x7AE0, 0x6D3B, 0x98CE, 0x98A8, 0x5C31, 0x4E3A, 0x8FC7, 0x9A8C, 0x672C, 0x5316, 0x6548};
    /* 为 為 立 功 效 果 员 員 本 绩 績 交 型 长 長 就 熟 败 敗 品 都 不 了 规 規 事
     * 人 年 分 份 形 才 材 家 色 批 套 片 群 团 團 像 全 亲 親 名 器 真 倍 千 百 万 萬
     * 语 語 章 活 风 風 过 验 化 */
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (words[i] == next)
            return 1;
    return 0;
}

/* 成 after the number read so far: 六成 is 60 %, 七成五 75 %, 8.5成 85 %. */
static int take_cheng(reader *r, size_t k)
{
    if ((r->options & LG_READ_NO_CHENG) || r->nseg > 0 || r->last == T_ZERO ||
        r->last == T_QUALIFIER || r->last == T_NONE)
        return STEP_STOP;
    size_t kk;
    uint32_t next = peek(r, r->at + k, &kk);
    if (cheng_starts_word(next))
        return STEP_STOP;
    dnum v = r->section;
    if (r->have_cur && dn_add(v, r->cur, &v) != 0)
        return STEP_FAIL;
    if (v.m == 0 || !dn_below_pow10((dnum){v.m, v.e}, 1)) {
        if (!(v.m == 1 && v.e == 1)) /* 十成 is all */
            return STEP_STOP;
    }
    v.e += 1; /* tenths to percent */
    size_t at = r->at + k;
    numeral_char c = classify(r->t, next);
    if (kk && c.type == C_DIGIT && c.value > 0 && !r->cur_arabic && v.e >= 1) {
        /* 七成五: the digit after 成 is the next tenth, when nothing numeral follows it */
        size_t k3;
        uint32_t after = peek(r, at + kk, &k3);
        numeral_char c3 = classify(r->t, after);
        if (c3.type == C_OTHER && !is_ascii_digit(after) && after != 0x70B9 &&
            dn_add(v, (dnum){(uint64_t)c.value, 0}, &v) == 0) {
            at += kk;
            r->chinese_chars++;
        }
    }
    r->section = v;
    r->have_section = 1;
    r->have_cur = 0;
    r->flags |= LG_NUM_PERCENT | LG_NUM_SHARE_CHENG;
    r->last = T_QUALIFIER; /* nothing numeral may follow; 多 may (六成多) */
    r->at = at;
    if (peek(r, r->at, &kk) == 0x591A) { /* 多 */
        r->flags |= LG_NUM_OVER;
        r->at += kk;
    }
    return STEP_TOOK;
}

/* One step: read what stands at r->at. */
static int step(reader *r)
{
    size_t k;
    uint32_t cp = peek(r, r->at, &k);
    if (!k)
        return STEP_STOP;
    if (is_ascii_digit(cp))
        return take_arabic(r);
    numeral_char c = classify(r->t, cp);
    switch (c.type) {
    case C_DIGIT: return take_digit(r, c, k);
    case C_SMALL: return take_small(r, c, k);
    case C_BIG: return take_big(r, c, k);
    default: break;
    }
    switch (cp) {
    case 0x70B9: case 0x9EDE: return take_point(r, k); /* 点 點 */
    case 0x591A: case 0x4F59: case 0x9918: case 0x51E0: case 0x5E7E: case 0x6765:
        return take_rough(r, cp, k); /* 多 余 餘 几 幾 来 */
    case 0x6210: return take_cheng(r, k); /* 成 */
    case 0x4E2A: { /* 个 of 三个亿, 12个亿元: spoken, the 亿 counts; not 3个万人社区 */
        size_t k2, k3;
        numeral_char n2 = classify(r->t, peek(r, r->at + k, &k2));
        uint32_t after = k2 ? peek(r, r->at + k + k2, &k3) : 0;
        int ends = after < 0x3400 || after > 0x9FFF || after == 0x5143 /* 元 */ ||
                   after == 0x7684 /* 的 */ || after == 0x7F8E /* 美元 */ ||
                   after == 0x4EBA /* 人民币 */;
        if (r->last == T_NONE || r->last == T_BIG || n2.type != C_BIG || n2.value != 8 || !ends)
            return STEP_STOP;
        r->at += k;
        return STEP_SPACE;
    }
    case ' ': case 0x3000: {
        /* 4 万 2 千: a space inside a number, when a numeral goes on after it */
        if (r->last == T_NONE)
            return STEP_STOP;
        size_t k2;
        uint32_t next = peek(r, r->at + k, &k2);
        numeral_char n2 = classify(r->t, next);
        int goes_on = n2.type == C_BIG || n2.type == C_SMALL ||
                      (is_ascii_digit(next) && r->last == T_BIG) ||
                      (n2.type == C_DIGIT && (r->last == T_BIG || r->last == T_SMALL));
        if (!goes_on)
            return STEP_STOP;
        r->at += k;
        return STEP_SPACE;
    }
    default: return STEP_STOP;
    }
}

/* The run of numeral characters at s, for the caller to skip when they
 * do not form a number. */
static size_t numeral_run(const lg_numerals *t, const unsigned char *s, size_t len)
{
    size_t at = 0, k;
    uint32_t cp;
    while (at < len && (k = next_cp(s + at, len - at, &cp)) > 0) {
        if (!is_ascii_digit(cp) && cp != '.' && cp != ',' && classify(t, cp).type == C_OTHER &&
            cp != 0x70B9 && cp != 0x9EDE)
            break;
        at += k;
    }
    if (at == 0 && len) /* one whole character, never half of one */
        at = next_cp(s, len, &cp);
    return at;
}

/* The value read so far: the segments, the section and a last digit
 * (scaled by the unit before it when Chinese leaves it bare: 一万二). */
static int finish(reader *r, dnum *out)
{
    dnum v = r->section;
    for (int i = 0; i < r->nseg; i++)
        if (dn_add(v, r->segs[i].value, &v) != 0)
            return -1;
    if (r->have_cur) {
        dnum cur = r->cur;
        if (!r->cur_arabic && r->unit_before_cur >= 2 && !r->zero) {
            cur.e += r->unit_before_cur - 1; /* 一万二 12000, 三千五 3500, 一百二 120 */
            r->flags |= LG_NUM_COLLOQUIAL;
        } else if (r->cur_arabic && r->last == T_ARABIC && r->nseg > 0 && !r->have_section) {
            /* 2万5000 is 25000; 1万2 or 2万500 say nothing certain */
            int places = r->segs[r->nseg - 1].places;
            if (!r->cur_integer || r->cur_int_digits != places)
                return -1;
        } else if (r->cur_arabic && r->last == T_ARABIC && r->have_section) {
            /* 1百23 is 123; 3千2 (3200 or 3002?) says nothing certain */
            if (!r->cur_integer || r->cur_int_digits != r->last_small)
                return -1;
        }
        if (dn_add(v, cur, &v) != 0)
            return -1;
    }
    *out = v;
    return 0;
}

/* Everything zero but the segments, which nseg says are unused (a memset
 * of the whole costs more than the numeral: it runs at every number). */
static void r_init(reader *r)
{
    r->t = NULL;
    r->s = NULL;
    r->len = r->at = 0;
    r->options = r->flags = 0;
    r->nseg = 0;
    r->section = r->cur = (dnum){0, 0};
    r->have_section = r->have_cur = r->cur_arabic = r->cur_int_digits = r->cur_integer = 0;
    r->last = T_NONE;
    r->last_small = r->unit_before_cur = r->zero = r->bare_ok = 0;
    r->chinese_chars = r->non_financial = r->failed = 0;
}

/* Run the steps from r->at; 0 with *v, or -1. */
static int read_body(reader *r, dnum *v)
{
    size_t good = r->at;
    for (;;) {
        int st = step(r);
        if (st == STEP_FAIL) {
            r->failed = 1;
            return -1;
        }
        if (st == STEP_STOP)
            break;
        if (st == STEP_TOOK) /* a space is never an end, and changes nothing else */
            good = r->at;
    }
    r->at = good;
    if (r->last == T_NONE)
        return -1;
    return finish(r, v);
}

/* A prefix the number starts with, and what it does: a sign, a share
 * (百分之 0, 千分之 -1, 万分之 -2 places into %), or a rough floor
 * (数十万, 几百, 上万). */
typedef struct prefix {
    size_t len;
    int negative, plus, share, share_shift, rough;
} prefix;

/* Does s[0..len) start with the string literal lit?  (No strlen: every
 * number of every sentence asks this a dozen times.) */
#define starts_with(s, len, lit) ((len) >= sizeof lit - 1 && memcmp((s), lit, sizeof lit - 1) == 0)

static prefix read_prefix(const lg_numerals *nt, const unsigned char *s, size_t len,
                          unsigned options)
{
    prefix p = {0, 0, 0, 0, 0, 0};
    if (len && is_ascii_digit(s[0]))
        return p; /* most numbers */
    if (!(options & LG_READ_CHINESE_ONLY)) {
        if (len && (s[0] == '-' || s[0] == '+'))
            p.len = 1;
        else if (starts_with(s, len, "－") || starts_with(s, len, "−") ||
                 starts_with(s, len, "负") || starts_with(s, len, "負") ||
                 starts_with(s, len, "＋"))
            p.len = 3;
        if (p.len) {
            p.plus = s[0] == '+' || starts_with(s, len, "＋");
            p.negative = !p.plus;
        }
        const unsigned char *t = s + p.len;
        size_t tl = len - p.len;
        static const struct { char word[10]; int shift; } shares[] = {
            {"百分之", 0}, {"千分之", -1}, {"万分之", -2}, {"萬分之", -2}};
        for (size_t i = 0; i < 4; i++)
            if (tl >= 9 && memcmp(t, shares[i].word, 9) == 0) { /* three characters */
                p.share = 1;
                p.share_shift = shares[i].shift;
                p.len += 9;
                return p;
            }
    }
    const unsigned char *t = s + p.len;
    size_t tl = len - p.len;
    if (starts_with(t, tl, "数") || starts_with(t, tl, "數") || starts_with(t, tl, "几") ||
        starts_with(t, tl, "幾") || starts_with(t, tl, "上")) {
        uint32_t next;
        int k = tl > 3 ? utf8_decode_strict(t + 3, tl - 3, &next) : 0;
        numeral_char c = k > 0 ? classify(nt, next) : (numeral_char){C_OTHER, 0, 0};
        int shang = t[1] == 0xB8 && t[2] == 0x8A; /* 上 takes 百千万亿 only: 上十 is no word */
        if ((c.type == C_BIG || c.type == C_SMALL) && !c.financial && !(shang && c.value == 1)) {
            p.rough = 1;
            p.len += 3;
        }
    }
    return p;
}

int lg_number_read(const lg_numerals *t, const char *str, size_t len, unsigned options,
                   lg_number *n)
{
    const unsigned char *s = (const unsigned char *)str;
    memset(n, 0, sizeof *n);
    prefix p = read_prefix(t, s, len, options);
    reader r;
    r_init(&r);
    r.t = t;
    r.s = s;
    r.len = len;
    r.at = p.len;
    r.options = options | (p.share ? LG_READ_NO_CHENG : 0);
    r.last_small = 4;
    r.bare_ok = (options & LG_READ_BARE) || p.rough;
    if (p.share) /* 百分之百: a lone 百 is 100 */
        r.bare_ok = 1;
    dnum v;
    int ok = read_body(&r, &v) == 0;
    if (ok && (p.negative || p.plus || p.share) && r.last == T_NONE)
        ok = 0;
    if (ok && p.share && (r.flags & (LG_NUM_MAGNITUDE | LG_NUM_PERCENT)))
        ok = 0; /* 百分之五万 is no share */
    if (ok && r.chinese_chars == 1 && !r.non_financial && !(r.flags & LG_NUM_ARABIC))
        ok = 0; /* a lone 伍 or 陆 is a name (队伍, 陆续) */
    if (ok && p.rough && !(r.flags & LG_NUM_BARE))
        ok = 0;
    v.e += p.share_shift;
    if (ok && dn_write(v, p.negative, n->dec, sizeof n->dec) != 0) {
        r.flags |= LG_NUM_TOO_LONG;
        ok = 0;
    }
    n->flags = r.flags;
    if (!ok) {
        /* skip the run of numerals; a sign or 数 with none after is one character */
        if (r.last == T_NONE && !r.failed) {
            uint32_t cp;
            n->used = len ? next_cp(s, len, &cp) : 0;
        } else {
            n->used = numeral_run(t, s + p.len, len - p.len) + p.len;
        }
        return -1;
    }
    n->used = r.at;
    for (int i = 0; i < r.nseg; i++)
        if (r.segs[i].places > n->places)
            n->places = r.segs[i].places;
    if (r.chinese_chars)
        n->flags |= LG_NUM_CHINESE;
    if (r.chinese_chars == 1 && !(r.flags & (LG_NUM_ARABIC | LG_NUM_BARE)) && !p.len &&
        r.last == T_DIGIT)
        n->flags |= LG_NUM_SINGLE;
    if (r.chinese_chars && !r.non_financial)
        n->flags |= LG_NUM_FINANCIAL;
    if (p.negative)
        n->flags |= LG_NUM_NEGATIVE;
    if (p.plus)
        n->flags |= LG_NUM_PLUS;
    if (p.share)
        n->flags |= LG_NUM_PERCENT;
    if (p.rough)
        n->flags |= LG_NUM_OVER;
    return 0;
}

/* The numerals the pattern of the value stage knew before the lexicon
 * held them: what lg_chinese_to_decimal reads. */
static const lg_numerals PLAIN = {{
    [0x96F6] = 1, [0x3007] = 1, [0x4E00] = 2, [0x4E8C] = 3, [0x4E24] = 3, [0x4E09] = 4,
    [0x56DB] = 5, [0x4E94] = 6, [0x516D] = 7, [0x4E03] = 8, [0x516B] = 9, [0x4E5D] = 10,
    [0x5341] = 11, [0x767E] = 12, [0x5343] = 13, [0x4E07] = 14, [0x4EBF] = 15}};
/* 零〇 一 二两 三 四 五 六 七 八 九 十 百 千 万 亿 */

int lg_chinese_to_decimal(const char *s, size_t len, char *out, size_t cap)
{
    lg_number n;
    if (lg_number_read(&PLAIN, s, len, LG_READ_CHINESE_ONLY | LG_READ_NO_CHENG, &n) != 0 || n.used != len ||
        (n.flags & (LG_NUM_OVER | LG_NUM_APPROX | LG_NUM_BARE)))
        return -1;
    size_t l = strlen(n.dec);
    if (l + 1 > cap)
        return -1;
    memcpy(out, n.dec, l + 1);
    return 0;
}

/* One digit, Arabic or Chinese, at s: its value and length, or -1. */
static int one_digit(const lg_numerals *t, const unsigned char *s, size_t len, size_t *k)
{
    if (len && is_ascii_digit(s[0])) {
        *k = 1;
        return s[0] - '0';
    }
    uint32_t cp;
    *k = next_cp(s, len, &cp);
    numeral_char c = classify(t, cp);
    return *k && c.type == C_DIGIT ? c.value : -1; /* 肆角伍分 too */
}

size_t lg_money_jiao_fen(const lg_numerals *t, const char *str, size_t len, char *dec,
                         size_t cap)
{
    const unsigned char *s = (const unsigned char *)str;
    uint64_t cents = 0;
    size_t at = 0, k;
    int d = one_digit(t, s, len, &k);
    if (d >= 0 && starts_with(s + k, len - k, "角")) {
        cents = (uint64_t)d * 10;
        at = k + 3;
        d = one_digit(t, s + at, len - at, &k);
    }
    if (d >= 0 && starts_with(s + at + k, len - at - k, "分")) {
        size_t after = at + k + 3;
        uint32_t next = 0;
        if (after < len)
            next_cp(s + after, len - after, &next);
        /* 分钟, 分之, 分别: not money */
        if (next != 0x949F && next != 0x4E4B && next != 0x522B && next != 0x7C7B) {
            cents += (uint64_t)d;
            at = after;
        }
    }
    if (!at || !cents || dec[0] == '-' || dn_add_cents(dec, cap, cents) != 0)
        return 0;
    return at;
}
