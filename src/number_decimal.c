/* number_decimal.c - exact decimal strings: Arabic numerals to canonical
 * decimals, the m * 10^e arithmetic the reader builds values with, and
 * the string helpers the value stage calls (add, shift the point by 万/亿,
 * magnitude words, range separators, to double).
 * Owns: the decimal form of a value.  Reads nothing but the bytes it is
 * given; shares dnum with number.c through number_int.h. */
#include "number.h"
#include "number_int.h"

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


static const uint64_t POW10U[] = {1ull, 10ull, 100ull, 1000ull, 10000ull, 100000ull,
                                   1000000ull, 10000000ull, 100000000ull, 1000000000ull,
                                   10000000000ull, 100000000000ull, 1000000000000ull,
                                   10000000000000ull, 100000000000000ull,
                                   1000000000000000ull, 10000000000000000ull,
                                   100000000000000000ull};

dnum dn_norm(dnum d)
{
    if (d.m == 0)
        d.e = 0;
    while (d.m && d.m % 10 == 0) {
        d.m /= 10;
        d.e++;
    }
    return d;
}

/* a + b into *out; -1 when the sum needs more than 18 digits. */
int dn_add(dnum a, dnum b, dnum *out)
{
    if (a.m == 0) {
        *out = b;
        return 0;
    }
    if (b.m == 0) {
        *out = a;
        return 0;
    }
    if (a.e < b.e) {
        dnum t = a;
        a = b;
        b = t;
    }
    int gap = a.e - b.e; /* a has the larger exponent: scale it down to b's */
    if (gap >= 18 || a.m >= DN_LIMIT / POW10U[gap])
        return -1;
    uint64_t m = a.m * POW10U[gap] + b.m;
    if (m >= DN_LIMIT)
        return -1;
    *out = dn_norm((dnum){m, b.e});
    return 0;
}

/* Is d below 10^places? */
int dn_below_pow10(dnum d, int places)
{
    if (d.m == 0)
        return 1;
    int digits = 0;
    for (uint64_t m = d.m; m; m /= 10)
        digits++;
    return digits + d.e <= places;
}

/* d as a canonical decimal string; -1 when it does not fit in cap. */
int dn_write(dnum d, int negative, char *out, size_t cap)
{
    d = dn_norm(d); /* 0 is "0", never "0.0" */
    char rev[24]; /* the digits of m, last first */
    int n = 0;
    uint64_t m = d.m;
    do
        rev[n++] = (char)('0' + m % 10);
    while ((m /= 10) != 0);
    int point = n + d.e; /* digits before the point */
    size_t sign = negative && d.m, len;
    if (d.e >= 0)
        len = (size_t)point;
    else if (point > 0)
        len = (size_t)n + 1;
    else
        len = (size_t)(2 - point + n); /* 0.00ddd */
    len += sign;
    if (len + 1 > cap || len + 1 > LG_DECIMAL_MAX)
        return -1;
    char *o = out;
    if (sign)
        *o++ = '-';
    if (point <= 0) {
        *o++ = '0';
        *o++ = '.';
        for (int k = point; k < 0; k++)
            *o++ = '0';
    }
    for (int k = 0; k < n; k++) {
        if (k == point && point > 0)
            *o++ = '.';
        *o++ = rev[n - 1 - k];
    }
    for (int k = 0; k < d.e; k++)
        *o++ = '0';
    *o = '\0';
    return 0;
}

/* A canonical decimal (no sign) into m * 10^e; -1 when it has too many digits. */
static int dn_parse(const char *dec, dnum *out)
{
    uint64_t m = 0;
    int e = 0, frac = -1, digits = 0;
    for (const char *p = dec; *p; p++) {
        if (*p == '.' && frac < 0) {
            frac = 0;
            continue;
        }
        if (*p < '0' || *p > '9' || ++digits > 18)
            return -1;
        m = m * 10 + (uint64_t)(*p - '0');
        if (frac >= 0)
            frac++;
    }
    if (!digits)
        return -1;
    if (frac > 0)
        e = -frac;
    *out = dn_norm((dnum){m, e});
    return 0;
}

int lg_decimal_add(char *dec, size_t cap, const char *add)
{
    dnum a, b;
    if (dn_parse(dec, &a) != 0 || dn_parse(add, &b) != 0 || dn_add(a, b, &a) != 0)
        return -1;
    char out[LG_DECIMAL_MAX];
    if (dn_write(a, 0, out, sizeof out) != 0 || strlen(out) + 1 > cap)
        return -1;
    memcpy(dec, out, strlen(out) + 1);
    return 0;
}

size_t lg_range_separator(const char *str, size_t len)
{
    const unsigned char *s = (const unsigned char *)str;
    if (len && (s[0] == '-' || s[0] == '~'))
        return 1;
    if (len < 3 || s[0] < 0xE2)
        return 0;
    if (len >= 6 && memcmp(s, "——", 6) == 0)
        return 6;
    static const char seps[][4] = {"至", "到", "～", "〜", "－", "—", "–"};
    for (size_t i = 0; i < sizeof seps / sizeof seps[0]; i++)
        if (memcmp(s, seps[i], 3) == 0) /* each three bytes */
            return 3;
    return 0;
}
int lg_decimal_shift(char *dec, size_t cap, int places)
{
    if (places < -LG_DECIMAL_MAX || places > LG_DECIMAL_MAX * 2)
        return -1;
    char digits[LG_DECIMAL_MAX * 4];
    size_t n = 0, point = (size_t)-1;
    const char *p = dec;
    int negative = *p == '-';
    p += negative;
    /* moving left: zeros in front, so the point never passes the start */
    size_t lead = places < 0 ? (size_t)-places : 0;
    for (; n < lead; n++)
        digits[n] = '0';
    for (; *p; p++) {
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
    point = (size_t)((long)point + places);
    while (n < point) {
        if (n + 1 >= sizeof digits)
            return -1;
        digits[n++] = '0';
    }
    if (cap < 2)
        return -1;
    if (canonical(digits, n, point, dec + negative, cap - (size_t)negative) != 0)
        return -1;
    if (negative)
        dec[0] = '-';
    return 0;
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

int dn_add_cents(char *dec, size_t cap, uint64_t cents)
{
    char *point = strchr(dec, '.');
    if (point && strlen(point + 1) > 2)
        return -1; /* 5.125元3角: nothing sensible */
    uint64_t whole = 0, frac = 0;
    for (const char *p = dec; *p && *p != '.'; p++) {
        if (whole > DN_LIMIT / 10)
            return -1;
        whole = whole * 10 + (uint64_t)(*p - '0');
    }
    if (point) {
        frac = (uint64_t)(point[1] - '0') * 10;
        if (point[2])
            frac += (uint64_t)(point[2] - '0');
    }
    frac += cents;
    whole += frac / 100;
    frac %= 100;
    return dn_write(dn_norm((dnum){whole * 100 + frac, -2}), 0, dec, cap) != 0 ? -1 : 0;
}
