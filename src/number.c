/* number.c - numerals to exact decimal strings; see number.h. */
#include "number.h"
#include "text.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Strip leading zeros of the integer part and trailing zeros of the
 * fraction of digits[0..len) whose point stands before index point. */
static int canonical(const char *digits, size_t len, size_t point, char *out, size_t cap)
{
    size_t first = 0, last = len;
    while (first < point && first + 1 < len && digits[first] == '0' && first + 1 <= point - 1)
        first++;
    if (point == 0)
        first = 0;
    while (last > point && digits[last - 1] == '0')
        last--;
    size_t need = (point > first ? point - first : 1) + (last > point ? last - point + 1 : 0) + 1;
    if (need > cap)
        return -1;
    size_t o = 0;
    if (point <= first)
        out[o++] = '0';
    else
        for (size_t i = first; i < point; i++)
            out[o++] = digits[i];
    if (last > point) {
        out[o++] = '.';
        for (size_t i = point; i < last; i++)
            out[o++] = digits[i];
    }
    out[o] = '\0';
    return 0;
}

int lg_arabic_to_decimal(const char *s, size_t len, char *out, size_t cap)
{
    char digits[LG_DECIMAL_MAX];
    size_t n = 0, point = (size_t)-1, since_comma = 0;
    int commas = 0;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (c >= '0' && c <= '9') {
            if (n + 1 >= sizeof digits)
                return -1;
            digits[n++] = c;
            since_comma++;
        } else if (c == ',' && point == (size_t)-1 && n > 0) {
            if (commas && since_comma != 3)
                return -1;
            if (!commas && n > 3)
                return -1;
            commas = 1;
            since_comma = 0;
        } else if (c == '.' && point == (size_t)-1 && n > 0) {
            if (commas && since_comma != 3)
                return -1;
            point = n;
        } else {
            return -1;
        }
    }
    if (n == 0 || (point != (size_t)-1 && point == n))
        return -1;
    if (commas && point == (size_t)-1 && since_comma != 3)
        return -1;
    if (point == (size_t)-1)
        point = n;
    size_t significant = n;
    for (size_t i = 0; i < point && digits[i] == '0'; i++)
        significant--;
    if (significant > 18)
        return -1;
    return canonical(digits, n, point, out, cap);
}

/* Decode one UTF-8 character from s; returns its length (1 for a stray
 * byte, which no numeral contains: a bad, cut or overlong sequence must
 * not turn into 点 or a digit in disguise). */
static size_t next_cp(const unsigned char *s, size_t len, uint32_t *cp)
{
    int k = utf8_decode_strict(s, len, cp);
    if (k <= 0) { /* a stray byte: no numeral */
        *cp = s[0];
        return 1;
    }
    return (size_t)k;
}

static int chinese_digit(uint32_t cp)
{
    switch (cp) {
    case 0x96F6: case 0x3007: return 0; /* 零 〇 */
    case 0x4E00: return 1;              /* 一 */
    case 0x4E8C: case 0x4E24: return 2; /* 二 两 */
    case 0x4E09: return 3;
    case 0x56DB: return 4;
    case 0x4E94: return 5;
    case 0x516D: return 6;
    case 0x4E03: return 7;
    case 0x516B: return 8;
    case 0x4E5D: return 9;
    default: return -1;
    }
}

static uint64_t chinese_unit(uint32_t cp)
{
    switch (cp) {
    case 0x5341: return 10;    /* 十 */
    case 0x767E: return 100;   /* 百 */
    case 0x5343: return 1000;  /* 千 */
    default: return 0;
    }
}

/* whole in decimal at buf (room for 21 bytes); returns the digit count.
 * By hand: snprintf's format parsing costs more than the numeral. */
static int write_decimal(uint64_t whole, char *buf)
{
    char tmp[20];
    int n = 0;
    do
        tmp[n++] = (char)('0' + whole % 10);
    while ((whole /= 10) != 0);
    for (int k = 0; k < n; k++)
        buf[k] = tmp[n - 1 - k];
    buf[n] = '\0';
    return n;
}

int lg_chinese_to_decimal(const char *str, size_t len, char *out, size_t cap)
{
    const unsigned char *s = (const unsigned char *)str;
    uint64_t total = 0, section = 0, cur = 0;
    int have_cur = 0, any = 0, last_unit = 0;
    char frac[24];
    size_t nfrac = 0;
    int in_frac = 0;
    size_t i = 0;
    while (i < len) {
        uint32_t cp;
        i += next_cp(s + i, len - i, &cp);
        int d = chinese_digit(cp);
        uint64_t u = chinese_unit(cp);
        if (in_frac) {
            if (d < 0 || nfrac + 1 >= sizeof frac)
                return -1;
            frac[nfrac++] = (char)('0' + d);
            continue;
        }
        if (d >= 0) {
            /* two digits in a row (三五) are a list or a plan name, not a
             * number, except after 零 (一百零五) */
            if (have_cur && cur != 0)
                return -1;
            cur = (uint64_t)d;
            have_cur = 1;
            any = 1;
        } else if (u) {
            if (!have_cur && u != 10)
                return -1;
            if (last_unit && last_unit <= (int)u && !have_cur)
                return -1;
            section += (have_cur ? cur : 1) * u;
            cur = 0;
            have_cur = 0;
            last_unit = (int)u;
            any = 1;
        } else if (cp == 0x4E07 /* 万 */) {
            if (!any || section + cur == 0 || total % 100000000 != 0 || section + cur >= 10000)
                return -1;
            total += (section + cur) * 10000;
            section = cur = 0;
            have_cur = 0;
            last_unit = 0;
        } else if (cp == 0x4EBF /* 亿 */) {
            if (!any || total + section + cur == 0 || total + section + cur >= 100000000)
                return -1;
            total = (total + section + cur) * 100000000;
            section = cur = 0;
            have_cur = 0;
            last_unit = 0;
        } else if (cp == 0x70B9 /* 点 */) {
            in_frac = 1;
        } else {
            return -1;
        }
    }
    if (!any || (in_frac && nfrac == 0))
        return -1;
    uint64_t whole = total + section + cur;
    char buf[LG_DECIMAL_MAX];
    int n = write_decimal(whole, buf);
    if ((size_t)n + nfrac + 1 >= sizeof buf)
        return -1;
    memcpy(buf + n, frac, nfrac);
    return canonical(buf, (size_t)n + nfrac, (size_t)n, out, cap);
}

int lg_decimal_shift(char *dec, size_t cap, int places)
{
    char digits[LG_DECIMAL_MAX * 2];
    size_t n = 0, point = (size_t)-1;
    for (const char *p = dec; *p; p++) {
        if (*p == '.') {
            point = n;
            continue;
        }
        if (n + 1 >= sizeof digits)
            return -1;
        digits[n++] = *p;
    }
    if (point == (size_t)-1)
        point = n;
    point += (size_t)places;
    while (n < point) {
        if (n + 1 >= sizeof digits)
            return -1;
        digits[n++] = '0';
    }
    return canonical(digits, n, point, dec, cap);
}

int lg_magnitude(const char *s, size_t len, size_t *used)
{
    static const struct { const char *word; int places; } words[] = {
        {"万亿", 12}, {"千万", 7}, {"百万", 6}, {"万", 4}, {"亿", 8}, {"千", 3},
    };
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        size_t wl = strlen(words[i].word);
        if (len >= wl && memcmp(s, words[i].word, wl) == 0) {
            /* 千米, 千克, 千瓦 are units of their own */
            if (words[i].places == 3 && len >= wl + 3 &&
                (memcmp(s + wl, "米", 3) == 0 || memcmp(s + wl, "克", 3) == 0 ||
                 memcmp(s + wl, "瓦", 3) == 0))
                break;
            *used = wl;
            return words[i].places;
        }
    }
    *used = 0;
    return 0;
}

double lg_decimal_to_double(const char *dec)
{
    /* Clinger's fast path: an integer below 2^53 and a power of ten up to
     * 10^22 are both exact doubles, and IEEE division rounds correctly, so
     * m / 10^k is the correctly rounded value - what strtod returns. */
    static const double POW10[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7,
                                   1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
    const char *p = dec;
    int negative = *p == '-';
    p += negative;
    uint64_t m = 0;
    int digits = 0, fraction = -1;
    for (; *p; p++) {
        if (*p == '.' && fraction < 0) {
            fraction = 0;
            continue;
        }
        if (*p < '0' || *p > '9' || ++digits > 15)
            return strtod(dec, NULL);
        m = m * 10 + (uint64_t)(*p - '0');
        if (fraction >= 0)
            fraction++;
    }
    if (digits == 0)
        return strtod(dec, NULL);
    double v = (double)m;
    if (fraction > 0)
        v /= POW10[fraction];
    return negative ? -v : v;
}
