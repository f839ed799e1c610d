/* fuzz_number.c - libFuzzer harness for src/number.c.
 *
 * The first input byte picks the output capacity and the 万/亿 shift; the
 * rest is the numeral.  Checks, for arbitrary bytes:
 *   - lg_arabic_to_decimal and lg_chinese_to_decimal either fail (-1) or
 *     write a canonical decimal (0 | [1-9][0-9]*, optional .[0-9]*[1-9])
 *     that fits the capacity given, and never write past it;
 *   - an Arabic numeral keeps its digits: the result equals the input with
 *     commas, leading and trailing zeros taken away;
 *   - a Chinese numeral without 点 is an integer; both fail on empty input;
 *   - lg_decimal_shift of a canonical decimal is canonical and equal to the
 *     decimal point moved by hand; on arbitrary strings it stays in bounds;
 *   - lg_magnitude reports a length within the input and a known power;
 *   - lg_number_read reads within the input, always tells a failing caller
 *     to skip at least one byte, and on success writes a canonical decimal
 *     (a '-' first only when it read a minus); lg_money_jiao_fen keeps the
 *     decimal canonical.
 *
 * Build and run: tests/fuzz/run.sh */
#define _GNU_SOURCE /* memmem */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "number.h"
#include "fuzz_common.h"

#define CHECK(cond, ...)                                                    \
    do {                                                                    \
        if (!(cond)) {                                                      \
            fprintf(stderr, "fuzz_number: check failed: %s: ", #cond);      \
            fprintf(stderr, __VA_ARGS__);                                   \
            fputc('\n', stderr);                                            \
            abort();                                                        \
        }                                                                   \
    } while (0)


/* The canonical form of digits with a point, computed the slow way:
 * digits[0..n) with the point before index point (point may exceed n). */
static void reference(const char *digits, size_t n, size_t point, char *out, size_t cap)
{
    char all[512];
    size_t len = 0;
    for (size_t i = 0; i < n && len < sizeof all; i++)
        all[len++] = digits[i];
    while (len < point && len < sizeof all)
        all[len++] = '0';
    size_t first = 0, last = len;
    while (first < point && all[first] == '0')
        first++;
    while (last > point && all[last - 1] == '0')
        last--;
    size_t o = 0;
    if (first == point)
        out[o++] = '0';
    for (size_t i = first; i < point && o + 1 < cap; i++)
        out[o++] = all[i];
    if (last > point) {
        out[o++] = '.';
        for (size_t i = point; i < last && o + 1 < cap; i++)
            out[o++] = all[i];
    }
    out[o] = '\0';
}

/* A canary after the capacity: the functions must not write past cap. */
#define CANARY 0x5A

static void check_canary(const char *buf, size_t cap, size_t size, const char *what)
{
    for (size_t i = cap; i < size; i++)
        CHECK((unsigned char)buf[i] == CANARY, "%s wrote past its capacity %zu", what, cap);
}

static void check_arabic(const char *s, size_t len, size_t cap)
{
    char out[LG_DECIMAL_MAX + 16];
    memset(out, CANARY, sizeof out);
    int rc = lg_arabic_to_decimal(s, len, out, cap);
    check_canary(out, cap, sizeof out, "lg_arabic_to_decimal");
    CHECK(rc == 0 || rc == -1, "rc %d", rc);
    if (rc != 0)
        return;
    CHECK(memchr(out, '\0', cap) != NULL, "no NUL within cap");
    CHECK(canonical_decimal(out), "arabic '%.*s' -> '%s' not canonical", (int)len, s, out);
    /* the same digits, without commas */
    char digits[256];
    size_t n = 0, point = (size_t)-1;
    for (size_t i = 0; i < len; i++) {
        CHECK((s[i] >= '0' && s[i] <= '9') || s[i] == ',' || s[i] == '.',
              "arabic accepted byte 0x%02x", (unsigned char)s[i]);
        if (s[i] == '.') {
            CHECK(point == (size_t)-1, "two points accepted");
            point = n;
        } else if (s[i] != ',') {
            CHECK(n < sizeof digits, "too many digits accepted");
            digits[n++] = s[i];
        }
    }
    CHECK(n > 0, "no digits");
    if (point == (size_t)-1)
        point = n;
    char want[512];
    reference(digits, n, point, want, sizeof want);
    CHECK(!strcmp(out, want), "arabic '%.*s' -> '%s', want '%s'", (int)len, s, out, want);
}

static void check_chinese(const char *s, size_t len, size_t cap)
{
    char out[LG_DECIMAL_MAX + 16];
    memset(out, CANARY, sizeof out);
    int rc = lg_chinese_to_decimal(s, len, out, cap);
    check_canary(out, cap, sizeof out, "lg_chinese_to_decimal");
    CHECK(rc == 0 || rc == -1, "rc %d", rc);
    if (len == 0)
        CHECK(rc == -1, "empty Chinese numeral accepted");
    if (rc != 0)
        return;
    CHECK(memchr(out, '\0', cap) != NULL, "no NUL within cap");
    CHECK(canonical_decimal(out), "chinese '%.*s' -> '%s' not canonical", (int)len, s, out);
    if (!memmem(s, len, "点", strlen("点")))
        CHECK(strchr(out, '.') == NULL, "'%.*s' without 点 -> '%s'", (int)len, s, out);
}

static void check_shift(const char *s, size_t len, size_t cap, int places)
{
    /* arbitrary bytes: only memory safety (the input is NUL-terminated and
     * fits its buffer, as the contract asks) */
    char buf[LG_DECIMAL_MAX + 16];
    size_t n = len < LG_DECIMAL_MAX - 1 ? len : LG_DECIMAL_MAX - 1;
    memset(buf, CANARY, sizeof buf);
    memcpy(buf, s, n);
    buf[n] = '\0';
    size_t c = cap > n ? cap : n + 1;
    int rc = lg_decimal_shift(buf, c, places);
    check_canary(buf, c, sizeof buf, "lg_decimal_shift");
    CHECK(rc == 0 || rc == -1, "rc %d", rc);

    /* a canonical decimal, as the extractor passes: exact result */
    char dec[LG_DECIMAL_MAX + 16];
    memset(dec, CANARY, sizeof dec);
    if (lg_arabic_to_decimal(s, len, dec, LG_DECIMAL_MAX) != 0)
        return;
    char digits[LG_DECIMAL_MAX], want[512];
    size_t nd = 0, point = (size_t)-1;
    for (const char *p = dec; *p; p++) {
        if (*p == '.')
            point = nd;
        else
            digits[nd++] = *p;
    }
    if (point == (size_t)-1)
        point = nd;
    reference(digits, nd, point + (size_t)places, want, sizeof want);
    /* the contract: dec fits its buffer of cap bytes */
    if (cap < strlen(dec) + 1)
        cap = strlen(dec) + 1;
    rc = lg_decimal_shift(dec, cap, places);
    check_canary(dec, cap, sizeof dec, "lg_decimal_shift");
    if (strlen(want) + 1 <= cap)
        CHECK(rc == 0, "shift %d of '%s' failed, want '%s'", places, s, want);
    if (rc == 0) {
        CHECK(canonical_decimal(dec), "shift -> '%s' not canonical", dec);
        CHECK(!strcmp(dec, want), "shift %d -> '%s', want '%s'", places, dec, want);
    }
}

static void check_magnitude(const char *s, size_t len)
{
    size_t used = 12345;
    int p = lg_magnitude(s, len, &used);
    CHECK(p == 0 || p == 3 || p == 4 || p == 6 || p == 7 || p == 8 || p == 12, "magnitude %d", p);
    if (p == 0)
        CHECK(used == 0, "used %zu without a magnitude", used);
    else
        CHECK(used > 0 && used <= len && (used == 3 || used == 6), "used %zu of %zu", used,
              len);
}

static lg_numerals numerals;
static int numerals_ready;

/* Every numeral of rules/numerals.rules, plain, traditional and financial. */
static void numerals_build(void)
{
    static const uint32_t digits[][3] = {
        {0x96F6, 0, 0}, {0x3007, 0, 0}, {0x4E00, 1, 0}, {0x4E8C, 2, 0}, {0x4E24, 2, 0},
        {0x5169, 2, 0}, {0x4E09, 3, 0}, {0x56DB, 4, 0}, {0x4E94, 5, 0}, {0x516D, 6, 0},
        {0x4E03, 7, 0}, {0x516B, 8, 0}, {0x4E5D, 9, 0}, {0x5341, 10, 0}, {0x767E, 100, 0},
        {0x5343, 1000, 0}, {0x4E07, 10000, 0}, {0x842C, 10000, 0}, {0x4EBF, 100000000, 0},
        {0x5104, 100000000, 0}, {0x58F9, 1, 1}, {0x8D30, 2, 1}, {0x53C1, 3, 1},
        {0x8086, 4, 1}, {0x4F0D, 5, 1}, {0x9646, 6, 1}, {0x67D2, 7, 1}, {0x634C, 8, 1},
        {0x7396, 9, 1}, {0x62FE, 10, 1}, {0x4F70, 100, 1}, {0x4EDF, 1000, 1}};
    lg_numerals_clear(&numerals);
    for (size_t i = 0; i < sizeof digits / sizeof digits[0]; i++)
        CHECK(lg_numerals_add(&numerals, digits[i][0], digits[i][1], (int)digits[i][2]) == 0,
              "numeral %zu", i);
    numerals_ready = 1;
}

static void check_reader(const char *s, size_t len, unsigned options)
{
    lg_number n;
    memset(&n, CANARY, sizeof n);
    int rc = lg_number_read(&numerals, s, len, options, &n);
    CHECK(rc == 0 || rc == -1, "rc %d", rc);
    CHECK(n.used <= len, "used %zu of %zu", n.used, len);
    if (rc != 0) {
        CHECK(len == 0 || n.used > 0, "a failure that skips nothing");
        return;
    }
    CHECK(n.used > 0, "a number of no bytes");
    CHECK(memchr(n.dec, '\0', sizeof n.dec) != NULL, "no NUL in dec");
    const char *d = n.dec;
    if (*d == '-') {
        CHECK(n.flags & LG_NUM_NEGATIVE, "'-' without a minus read");
        d++;
    }
    CHECK(canonical_decimal(d), "read '%.*s' -> '%s' not canonical", (int)len, s, n.dec);
    char dec[LG_DECIMAL_MAX];
    memcpy(dec, n.dec, sizeof dec);
    size_t used = lg_money_jiao_fen(&numerals, s + n.used, len - n.used, dec, sizeof dec);
    CHECK(used <= len - n.used, "jiao/fen used %zu", used);
    d = dec[0] == '-' ? dec + 1 : dec;
    CHECK(canonical_decimal(d), "jiao/fen -> '%s' not canonical", dec);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    /* capacity 1..LG_DECIMAL_MAX+15 (so too-small buffers are tried too),
     * shift 0..15 */
    size_t cap = (size_t)(data[0] >> 2) % (LG_DECIMAL_MAX + 15) + 1;
    int places = data[0] & 0x0F;
    const char *s = (const char *)data + 1;
    size_t len = size - 1;
    /* Copy into an exact-size heap buffer so ASan sees any over-read. */
    char *copy = malloc(len ? len : 1);
    if (!copy)
        return 0;
    memcpy(copy, s, len);
    check_arabic(copy, len, cap);
    check_arabic(copy, len, LG_DECIMAL_MAX);
    check_chinese(copy, len, cap);
    check_chinese(copy, len, LG_DECIMAL_MAX);
    check_shift(copy, len, cap, places);
    check_shift(copy, len, LG_DECIMAL_MAX, places);
    check_magnitude(copy, len);
    if (!numerals_ready)
        numerals_build();
    check_reader(copy, len, 0);
    check_reader(copy, len, LG_READ_BARE);
    check_reader(copy, len, LG_READ_CHINESE_ONLY | LG_READ_NO_CHENG);
    free(copy);
    return 0;
}
