#include <stdlib.h>
/* test_number.c - numerals to exact decimal strings: Arabic numerals with
 * thousands commas, Chinese numerals, shifting the point for 万/亿, and the
 * magnitude words. */
#include <string.h>

#include "number.h"
#include "test.h"

/* The canonical decimal of an Arabic numeral, or "(invalid)". */
static const char *arabic(const char *s)
{
    static char out[LG_DECIMAL_MAX];
    if (lg_arabic_to_decimal(s, strlen(s), out, sizeof out) != 0)
        return "(invalid)";
    return out;
}

static const char *chinese(const char *s)
{
    static char out[LG_DECIMAL_MAX];
    if (lg_chinese_to_decimal(s, strlen(s), out, sizeof out) != 0)
        return "(invalid)";
    return out;
}

/* dec shifted by places, or "(overflow)". */
static const char *shift(const char *dec, int places)
{
    static char buf[LG_DECIMAL_MAX];
    snprintf(buf, sizeof buf, "%s", dec);
    if (lg_decimal_shift(buf, sizeof buf, places) != 0)
        return "(overflow)";
    return buf;
}

/* The places of the magnitude word at the start of s; *used gets its bytes. */
static int magnitude(const char *s, size_t *used)
{
    *used = 12345;
    return lg_magnitude(s, strlen(s), used);
}

int main(void)
{
    /* ---- Arabic numerals ------------------------------------------- */
    TEST_STREQ("12.6", arabic("12.6"), "12.6");
    TEST_STREQ("10,055 drops the comma", arabic("10,055"), "10055");
    TEST_STREQ("1,234,567", arabic("1,234,567"), "1234567");
    TEST_STREQ("1,234.5 comma and point", arabic("1,234.5"), "1234.5");
    TEST_STREQ("0.29 keeps its 0", arabic("0.29"), "0.29");
    TEST_STREQ("007 leading zeros", arabic("007"), "7");
    TEST_STREQ("00.5 leading zeros before the point", arabic("00.5"), "0.5");
    TEST_STREQ("0", arabic("0"), "0");
    TEST_STREQ("000", arabic("000"), "0");
    TEST_STREQ("0.0", arabic("0.0"), "0");
    TEST_STREQ("12.60 trailing zero", arabic("12.60"), "12.6");
    TEST_STREQ("12.0 -> 12", arabic("12.0"), "12");
    TEST_STREQ("100 keeps integer zeros", arabic("100"), "100");
    TEST_STREQ("0.05", arabic("0.05"), "0.05");
    TEST_STREQ("18 significant digits fit", arabic("123456789012345678"), "123456789012345678");
    TEST_STREQ("18 significant digits after leading zeros",
               arabic("000123456789012345678"), "123456789012345678");
    TEST_STREQ("1,2345 is no numeral", arabic("1,2345"), "(invalid)");
    TEST_STREQ("12,34 is no numeral", arabic("12,34"), "(invalid)");
    TEST_STREQ("1234,567 is no numeral", arabic("1234,567"), "(invalid)");
    TEST_STREQ("1,23,456 is no numeral", arabic("1,23,456"), "(invalid)");
    TEST_STREQ("1,2345.6 is no numeral", arabic("1,2345.6"), "(invalid)");
    TEST_STREQ("1.2.3 is no numeral", arabic("1.2.3"), "(invalid)");
    TEST_STREQ("1.234,5 is no numeral", arabic("1.234,5"), "(invalid)");
    TEST_STREQ("empty", arabic(""), "(invalid)");
    TEST_STREQ("12. has no fraction", arabic("12."), "(invalid)");
    TEST_STREQ(".5 has no integer part", arabic(".5"), "(invalid)");
    TEST_STREQ(",123", arabic(",123"), "(invalid)");
    TEST_STREQ("letters", arabic("12a"), "(invalid)");
    TEST_STREQ("a sign", arabic("-3"), "(invalid)");
    TEST_STREQ("19 significant digits", arabic("1234567890123456789"), "(invalid)");
    TEST_STREQ("19 significant digits with a point", arabic("1234567890.123456789"), "(invalid)");
    TEST_STREQ("30 digits", arabic("123456789012345678901234567890"), "(invalid)");
    {
        /* only len bytes are read */
        char out[LG_DECIMAL_MAX];
        TEST_COND("length-bounded: 12.6万 read as 12.6",
                  lg_arabic_to_decimal("12.6万", 4, out, sizeof out) == 0 && !strcmp(out, "12.6"));
        char tiny[4];
        TEST_COND("output capacity too small", lg_arabic_to_decimal("12345", 5, tiny, sizeof tiny) != 0);
        TEST_COND("output capacity exactly enough",
                  lg_arabic_to_decimal("123", 3, tiny, sizeof tiny) == 0 && !strcmp(tiny, "123"));
    }

    /* ---- Chinese numerals ------------------------------------------ */
    TEST_STREQ("两", chinese("两"), "2");
    TEST_STREQ("二", chinese("二"), "2");
    TEST_STREQ("零", chinese("零"), "0");
    TEST_STREQ("十", chinese("十"), "10");
    TEST_STREQ("十二", chinese("十二"), "12");
    TEST_STREQ("二十", chinese("二十"), "20");
    TEST_STREQ("三十六", chinese("三十六"), "36");
    TEST_STREQ("一百零五", chinese("一百零五"), "105");
    TEST_STREQ("一百一十", chinese("一百一十"), "110");
    TEST_STREQ("一千二百", chinese("一千二百"), "1200");
    TEST_STREQ("两千零二十三", chinese("两千零二十三"), "2023");
    TEST_STREQ("一千零一", chinese("一千零一"), "1001");
    TEST_STREQ("两万", chinese("两万"), "20000");
    TEST_STREQ("十万", chinese("十万"), "100000");
    TEST_STREQ("三万五千", chinese("三万五千"), "35000");
    TEST_STREQ("三千五百万", chinese("三千五百万"), "35000000");
    TEST_STREQ("一亿二千万", chinese("一亿二千万"), "120000000");
    TEST_STREQ("一万亿", chinese("一万亿"), "1000000000000");
    TEST_STREQ("十二点五", chinese("十二点五"), "12.5");
    TEST_STREQ("三点一四", chinese("三点一四"), "3.14");
    TEST_STREQ("零点五", chinese("零点五"), "0.5");
    TEST_STREQ("五点零 drops the trailing zero", chinese("五点零"), "5");
    TEST_STREQ("〇 as zero: 一百〇八", chinese("一百〇八"), "108");
    TEST_STREQ("三五 is a list, not a numeral", chinese("三五"), "(invalid)");
    TEST_STREQ("十三五 is a plan name", chinese("十三五"), "(invalid)");
    TEST_STREQ("lone 万", chinese("万"), "(invalid)");
    TEST_STREQ("lone 亿", chinese("亿"), "(invalid)");
    TEST_STREQ("lone 百", chinese("百"), "(invalid)");
    TEST_STREQ("lone 千", chinese("千"), "(invalid)");
    TEST_STREQ("十十", chinese("十十"), "(invalid)");
    TEST_STREQ("三万万", chinese("三万万"), "(invalid)");
    TEST_STREQ("点五 has no integer part", chinese("点五"), "(invalid)");
    TEST_STREQ("三点 has no fraction", chinese("三点"), "(invalid)");
    TEST_STREQ("十二点五十: 十 in the fraction", chinese("十二点五十"), "(invalid)");
    TEST_STREQ("not a numeral: 件", chinese("件"), "(invalid)");
    TEST_STREQ("empty", chinese(""), "(invalid)");
    TEST_STREQ("ASCII digits are not Chinese numerals", chinese("12"), "(invalid)");
    {
        char out[LG_DECIMAL_MAX];
        /* 三十六件: only the numeral's 9 bytes */
        TEST_COND("length-bounded: 三十六 of 三十六件",
                  lg_chinese_to_decimal("三十六件", 9, out, sizeof out) == 0 && !strcmp(out, "36"));
    }

    /* ---- shifting the point ---------------------------------------- */
    TEST_STREQ("0.29 by 8 (0.29亿)", shift("0.29", 8), "29000000");
    TEST_STREQ("818.1 by 4 (818.1万)", shift("818.1", 4), "8181000");
    TEST_STREQ("12.6 by 4 (12.6万)", shift("12.6", 4), "126000");
    TEST_STREQ("3.84 by 8 (3.84亿)", shift("3.84", 8), "384000000");
    TEST_STREQ("0.00015 by 4", shift("0.00015", 4), "1.5");
    TEST_STREQ("0.000015 by 4", shift("0.000015", 4), "0.15");
    TEST_STREQ("5 by 0", shift("5", 0), "5");
    TEST_STREQ("1.5 by 0", shift("1.5", 0), "1.5");
    TEST_STREQ("0 by 8", shift("0", 8), "0");
    TEST_STREQ("1.23456 by 2 keeps a fraction", shift("1.23456", 2), "123.456");
    TEST_STREQ("5 by 12 (5万亿)", shift("5", 12), "5000000000000");
    TEST_STREQ("1 by 46 fills the buffer", shift("1", 46),
               "10000000000000000000000000000000000000000000000");
    TEST_STREQ("1 by 47 does not fit", shift("1", 47), "(overflow)");
    TEST_STREQ("1 by 200 does not fit", shift("1", 200), "(overflow)");
    {
        char small[8] = "12.6";
        TEST_COND("a small buffer: 12.6 by 4 fits in 8",
                  lg_decimal_shift(small, sizeof small, 4) == 0 && !strcmp(small, "126000"));
        char small2[8] = "12.6";
        TEST_COND("a small buffer: 12.6 by 8 does not fit in 8",
                  lg_decimal_shift(small2, sizeof small2, 8) != 0);
    }

    /* ---- magnitude words ------------------------------------------- */
    size_t used;
    TEST_COND("万 is 4", magnitude("万", &used) == 4 && used == 3);
    TEST_COND("万件: 万 is 4, 3 bytes", magnitude("万件", &used) == 4 && used == 3);
    TEST_COND("亿元 is 8", magnitude("亿元", &used) == 8 && used == 3);
    TEST_COND("千万 is 7", magnitude("千万元", &used) == 7 && used == 6);
    TEST_COND("百万 is 6", magnitude("百万人", &used) == 6 && used == 6);
    TEST_COND("万亿 is 12, not 万", magnitude("万亿元", &used) == 12 && used == 6);
    TEST_COND("件 is no magnitude", magnitude("件", &used) == 0 && used == 0);
    TEST_COND("十 is no magnitude", magnitude("十", &used) == 0 && used == 0);
    TEST_COND("千 is 3", magnitude("千余个", &used) == 3 && used == 3);
    TEST_COND("千米 is a unit, not a magnitude", magnitude("千米", &used) == 0 && used == 0);
    TEST_COND("empty", magnitude("", &used) == 0 && used == 0);
    TEST_COND("length-bounded: 万亿 cut to 3 bytes is 万",
              lg_magnitude("万亿", 3, &used) == 4 && used == 3);
    TEST_COND("length-bounded: 千万 cut to 3 bytes is 千",
              lg_magnitude("千万", 3, &used) == 3 && used == 3);

    /* ---- together: 12.6万 the way the extractor reads it ------------- */
    {
        const char *s = "12.6万件";
        char dec[LG_DECIMAL_MAX];
        int ok = lg_arabic_to_decimal(s, 4, dec, sizeof dec) == 0;
        int places = lg_magnitude(s + 4, strlen(s + 4), &used);
        ok = ok && places == 4 && lg_decimal_shift(dec, sizeof dec, places) == 0;
        TEST_COND("12.6万 -> 126000", ok && !strcmp(dec, "126000"));
        ok = lg_chinese_to_decimal("三点八四", strlen("三点八四"), dec, sizeof dec) == 0 &&
             lg_decimal_shift(dec, sizeof dec, 8) == 0;
        TEST_COND("三点八四亿 -> 384000000", ok && !strcmp(dec, "384000000"));
    }


    /* lg_decimal_to_double is strtod, bit for bit */
    {
        static const char *const fixed[] = {"0", "1", "0.1", "0.3", "818.1", "29000000", "1.005",
                                            "123456789012345", "12345678901234.5",
                                            "0.000000000000001", "1234567890123456",
                                            "98765432109876543", "-1.5", "9007199254740993", NULL};
        int same = 1;
        for (const char *const *f = fixed; *f; f++)
            same &= lg_decimal_to_double(*f) == strtod(*f, NULL);
        TEST_COND("decimal to double: fixed cases as strtod", same);
        unsigned long long seed = 12345;
        char buf[40];
        for (int i = 0; i < 200000 && same; i++) {
            seed = seed * 6364136223846793005ull + 1442695040888963407ull;
            int len = 1 + (int)(seed >> 33) % 18, point = (int)(seed >> 45) % (len + 1);
            size_t at = 0;
            for (int d = 0; d < len; d++) {
                if (d == point && d > 0)
                    buf[at++] = '.';
                seed = seed * 6364136223846793005ull + 1442695040888963407ull;
                buf[at++] = (char)('0' + (seed >> 40) % 10);
            }
            buf[at] = '\0';
            same &= lg_decimal_to_double(buf) == strtod(buf, NULL);
        }
        TEST_COND("decimal to double: 200000 random decimals as strtod", same);
    }

    return TEST_REPORT();
}
