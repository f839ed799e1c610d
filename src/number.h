/* number.h - numerals to exact decimal strings.
 *
 * Owns: reading every way a Chinese text writes a number - Arabic numerals
 * (12.6, 10,055), Chinese numerals (两, 三十六, 一百零五, 十二点五), the
 * financial and traditional forms (壹贰叁…拾佰仟, 萬 億 兩), mixed forms
 * (6万3千2百, 2万5000, 1亿2千万, 1.2万亿, 万万), colloquial tails (一万二,
 * 两万五, 三千五), signs (负2.7, -2.7), shares (六成, 七成五, 百分之三十,
 * 千分之三, 万分之五), rough forms (三十多万, 二十余万, 十几万, 数十万,
 * 上万) and 元角分 money - and applying 万/亿 by shifting the decimal point
 * in the digit string, so 0.29亿 is exactly 29000000 and never
 * 28999999.999999996.  Values are decimal strings; the caller turns them
 * into doubles only for output.
 * Does not own: deciding what a number means, its unit or whether it is a
 * record (the value stage).  Reads nothing but the bytes it is given. */
#ifndef LG_NUMBER_H
#define LG_NUMBER_H

#include <stddef.h>
#include <stdint.h>

/* Longest decimal string the functions produce, with its NUL. */
#define LG_DECIMAL_MAX 48

/* ---- the number reader -------------------------------------------------- */

/* Which characters are numerals and what each is worth (零 0 ... 九 9,
 * 十 百 千, 万 亿, with their financial and traditional forms): filled
 * from the lexicon's [numerals], so a rules file can add one. */
typedef struct lg_numerals {
    unsigned char code[0x10000];
} lg_numerals;

void lg_numerals_clear(lg_numerals *t);
/* Is value one a numeral may have (0-9, 10, 100, 1000, 10000, 100000000)? */
int lg_numerals_value_ok(long long value);
/* Make cp a numeral of value (0-9, 10, 100, 1000, 10000 or 100000000);
 * financial marks the forms of amounts (壹 贰 拾 佰), which alone are
 * words (队伍, 收拾).  Returns 0, or -1 for another value or an ASCII cp. */
int lg_numerals_add(lg_numerals *t, uint32_t cp, long long value, int financial);
/* Is cp a numeral of t?  A magnitude (万 亿)? */
static inline int lg_numerals_has(const lg_numerals *t, uint32_t cp)
{
    return cp < 0x10000 && t->code[cp] != 0;
}
static inline int lg_numerals_is_magnitude(const lg_numerals *t, uint32_t cp)
{
    return cp < 0x10000 && (t->code[cp] & 0x7F) >= 14;
}
/* The digit cp stands for (零 〇 0 ... 九 9), or -1. */
static inline int lg_numerals_digit(const lg_numerals *t, uint32_t cp)
{
    int c = cp < 0x10000 ? t->code[cp] & 0x7F : 0;
    return c >= 1 && c <= 10 ? c - 1 : -1;
}
/* A form of amounts (壹 贰 拾)? */
static inline int lg_numerals_is_financial(const lg_numerals *t, uint32_t cp)
{
    return cp < 0x10000 && (t->code[cp] & 0x80) != 0;
}

/* What lg_number_read found, besides the value. */
enum {
    LG_NUM_ARABIC = 1 << 0,    /* holds ASCII digits */
    LG_NUM_CHINESE = 1 << 1,   /* holds Chinese numeral characters */
    LG_NUM_NEGATIVE = 1 << 2,  /* a minus: 负2.7, -2.7, －2.7 (dec starts with '-') */
    LG_NUM_PLUS = 1 << 3,      /* an explicit +: +5 */
    LG_NUM_MAGNITUDE = 1 << 4, /* 万/亿 applied (places > 0) */
    LG_NUM_PERCENT = 1 << 5,   /* the value is in % already: 百分之, 千分之, 万分之, 成 */
    LG_NUM_SHARE_CHENG = 1 << 6, /* the % came from 成 (六成) */
    LG_NUM_OVER = 1 << 7,      /* a floor inside: 多 余 几 数 上 (三十多万, 数十万, 上万) */
    LG_NUM_APPROX = 1 << 8,    /* 来 inside: 十来个 */
    LG_NUM_BARE = 1 << 9,      /* a magnitude with no digit before it: 万 of 近万, 百 of 百分之百 */
    LG_NUM_SINGLE = 1 << 10,   /* one Chinese digit and nothing else: 两 of 两件 */
    LG_NUM_COLLOQUIAL = 1 << 11, /* a tail digit scaled by the unit before it: 一万二 */
    LG_NUM_FINANCIAL = 1 << 12,  /* financial numerals: 壹 贰 拾 佰 … */
    LG_NUM_TOO_LONG = 1 << 13    /* more significant digits than a value keeps (failure) */
};

/* Options for lg_number_read. */
enum {
    LG_READ_CHINESE_ONLY = 1 << 0, /* no ASCII digits, no sign, no 百分之 */
    LG_READ_BARE = 1 << 1,         /* a lone magnitude is 1 of it (after 近, 超, 逾: 近万, 超百亿) */
    LG_READ_NO_CHENG = 1 << 2      /* 成 is not a share here */
};

typedef struct lg_number {
    char dec[LG_DECIMAL_MAX]; /* canonical decimal, '-' first when negative */
    size_t used;  /* bytes read; on failure, the bytes of the numeral run to skip */
    int places;   /* the power of ten the magnitude words gave (万 4, 亿 8, 万亿 12) */
    unsigned flags; /* LG_NUM_* */
} lg_number;

/* Read the number that starts at s[0..len): a sign, then digits in any of
 * the forms above.  Reads as much as forms one number and stops before the
 * first byte that does not belong (a unit, punctuation, a 千 of 千米).
 * Returns 0 and fills *n; -1 when no number starts at s or the numeral
 * characters there do not form one (三五 and 二〇二三 are lists, 十三五 a
 * plan name), with n->used the length of that run so the caller can skip
 * it whole rather than read a number out of its middle.  A '-' or '+' is
 * read as a sign: the caller, who sees what stands before s, decides
 * whether it is one (2021-2023 is a span, 1+4 a label). */
int lg_number_read(const lg_numerals *t, const char *s, size_t len, unsigned options,
                   lg_number *n);

/* 角 and 分 after an amount in 元: s[0..len) is the text right after 元;
 * "3角" adds 0.3 and "3角5分" 0.35 to dec (which stays canonical).
 * Returns the bytes read, 0 when no 角/分 follow. */
size_t lg_money_jiao_fen(const lg_numerals *t, const char *s, size_t len, char *dec,
                         size_t cap);

/* The length in bytes of a range separator at s (至 到 ~ ～ 〜 - － — –),
 * 0 when none. */
size_t lg_range_separator(const char *s, size_t len);

/* ---- building blocks ---------------------------------------------------- */

/* Arabic digits with an optional decimal point and thousands commas, as
 * s[0..len), to a canonical decimal string in out (no leading or trailing
 * zeros: "12.60" -> "12.6").  Returns 0, or -1 when s is not such a numeral
 * or has more than 18 significant digits. */
int lg_arabic_to_decimal(const char *s, size_t len, char *out, size_t cap);

/* A Chinese numeral in UTF-8 (零〇一二两三四五六七八九十百千万亿, 点 for
 * the decimal point), the whole of s[0..len), to a canonical decimal
 * string.  Returns 0, or -1 when the
 * characters do not form a numeral (三五, 十三五, a lone 万). */
int lg_chinese_to_decimal(const char *s, size_t len, char *out, size_t cap);

/* Multiply the canonical decimal string dec by 10^places by moving its
 * point (places < 0 divides: 千分之三 is 3 moved by -1 into %).  Returns 0,
 * or -1 when the result does not fit. */
int lg_decimal_shift(char *dec, size_t cap, int places);

/* dec + add, both canonical decimals without a sign, into dec (一年半
 * adds 0.5).  Returns 0, or -1 when the sum does not fit. */
int lg_decimal_add(char *dec, size_t cap, const char *add);

/* The double nearest the canonical decimal string dec, as strtod gives it
 * (correctly rounded), without strtod's cost when dec has at most 15
 * significant digits: every value of every record goes through here. */
double lg_decimal_to_double(const char *dec);

/* The power of ten of a magnitude word at s: 千 3, 万 4, 亿 8, 千万 7,
 * 百万 6, 万亿 12; stores its length in bytes in *used.  0 when none. */
int lg_magnitude(const char *s, size_t len, size_t *used);

#endif
