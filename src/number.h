/* number.h - numerals to exact decimal strings.
 *
 * Owns: reading Arabic numerals (12.6, 10,055), Chinese numerals (两, 三十六,
 * 一百零五, 十二点五, 三万), and applying 万/亿 by shifting the decimal
 * point in the digit string, so 0.29亿 is exactly 29000000 and never
 * 28999999.999999996.  Values are decimal strings; the caller turns them
 * into doubles only for output.
 * Does not own: deciding what a number means (extract.c). */
#ifndef LG_NUMBER_H
#define LG_NUMBER_H

#include <stddef.h>

/* Longest decimal string the functions produce, with its NUL. */
#define LG_DECIMAL_MAX 48

/* Arabic digits with an optional decimal point and thousands commas, as
 * s[0..len), to a canonical decimal string in out (no leading or trailing
 * zeros: "12.60" -> "12.6").  Returns 0, or -1 when s is not such a numeral
 * or has more than 18 significant digits. */
int lg_arabic_to_decimal(const char *s, size_t len, char *out, size_t cap);

/* A Chinese numeral in UTF-8 (零〇一二两三四五六七八九十百千万亿, 点 for
 * the decimal point) to a canonical decimal string.  Returns 0, or -1 when
 * the characters do not form a numeral (三五, 十三五, a lone 万). */
int lg_chinese_to_decimal(const char *s, size_t len, char *out, size_t cap);

/* Multiply the canonical decimal string dec by 10^places (places >= 0)
 * by moving its point.  Returns 0, or -1 when the result does not fit. */
int lg_decimal_shift(char *dec, size_t cap, int places);

/* The double nearest the canonical decimal string dec, as strtod gives it
 * (correctly rounded), without strtod's cost when dec has at most 15
 * significant digits: every value of every record goes through here. */
double lg_decimal_to_double(const char *dec);

/* The power of ten of a magnitude word at s: 千 3, 万 4, 亿 8, 千万 7,
 * 百万 6, 万亿 12; stores its length in bytes in *used.  0 when none. */
int lg_magnitude(const char *s, size_t len, size_t *used);

#endif
