#include <stdlib.h>
/* test_number.c - numerals to exact decimal strings: Arabic numerals with
 * thousands commas, Chinese numerals, shifting the point for 万/亿, and the
 * magnitude words. */
#include <string.h>

#include <stdint.h>

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

/* The numerals as rules/numerals.rules lists them. */
static lg_numerals NUMERALS;

static void numerals_build(void)
{
    static const struct { const char *ch; long long value; int financial; } list[] = {
        {"零", 0, 0}, {"〇", 0, 0}, {"一", 1, 0}, {"二", 2, 0}, {"两", 2, 0}, {"兩", 2, 0},
        {"三", 3, 0}, {"四", 4, 0}, {"五", 5, 0}, {"六", 6, 0}, {"七", 7, 0}, {"八", 8, 0},
        {"九", 9, 0}, {"十", 10, 0}, {"百", 100, 0}, {"千", 1000, 0}, {"万", 10000, 0},
        {"萬", 10000, 0}, {"亿", 100000000, 0}, {"億", 100000000, 0}, {"壹", 1, 1},
        {"贰", 2, 1}, {"貳", 2, 1}, {"叁", 3, 1}, {"參", 3, 1}, {"肆", 4, 1}, {"伍", 5, 1},
        {"陆", 6, 1}, {"陸", 6, 1}, {"柒", 7, 1}, {"捌", 8, 1}, {"玖", 9, 1}, {"拾", 10, 1},
        {"佰", 100, 1}, {"仟", 1000, 1}};
    lg_numerals_clear(&NUMERALS);
    for (size_t i = 0; i < sizeof list / sizeof list[0]; i++) {
        const unsigned char *c = (const unsigned char *)list[i].ch;
        uint32_t cp = (uint32_t)(c[0] & 0x0F) << 12 | (uint32_t)(c[1] & 0x3F) << 6 | (c[2] & 0x3F);
        lg_numerals_add(&NUMERALS, cp, list[i].value, list[i].financial);
    }
}

/* What lg_number_read makes of all of s: "dec" when it reads exactly the
 * prefix `want_used` chars long (all of s when want_used is NULL), else
 * "(invalid)" or "(read N bytes)". */
static const char *rd_opt(const char *s, unsigned opts, unsigned *flags)
{
    static char out[LG_DECIMAL_MAX + 32];
    lg_number n;
    int rc = lg_number_read(&NUMERALS, s, strlen(s), opts, &n);
    if (flags)
        *flags = n.flags;
    if (rc != 0)
        return "(invalid)";
    snprintf(out, sizeof out, "%s/%.*s", n.dec, (int)n.used, s);
    return out;
}

static const char *rd(const char *s) { return rd_opt(s, 0, NULL); }

/* The flags lg_number_read reports for s. */
static unsigned fl(const char *s)
{
    unsigned f;
    rd_opt(s, 0, &f);
    return f;
}

/* The bytes lg_number_read tells the caller to skip on a failure. */
static size_t skip(const char *s)
{
    lg_number n;
    return lg_number_read(&NUMERALS, s, strlen(s), 0, &n) != 0 ? n.used : 0;
}

/* dec after 元 followed by tail */
static const char *jiao(const char *dec, const char *tail)
{
    static char buf[LG_DECIMAL_MAX];
    snprintf(buf, sizeof buf, "%s", dec);
    size_t used = lg_money_jiao_fen(&NUMERALS, tail, strlen(tail), buf, sizeof buf);
    static char out[LG_DECIMAL_MAX + 16];
    snprintf(out, sizeof out, "%s/%zu", buf, used);
    return out;
}

static void test_reader(void)
{
    /* mixed magnitudes: one number, never two */
    TEST_STREQ("6万3千2百件", rd("6万3千2百件"), "63200/6万3千2百");
    TEST_STREQ("2万5000元", rd("2万5000元"), "25000/2万5000");
    TEST_STREQ("1亿2千万", rd("1亿2千万元"), "120000000/1亿2千万");
    TEST_STREQ("1亿2000万", rd("1亿2000万元"), "120000000/1亿2000万");
    TEST_STREQ("spaced 4 万 2 千", rd("4 万 2 千件"), "42000/4 万 2 千");
    TEST_STREQ("a space before a unit ends the number", rd("5 件"), "5/5");
    TEST_STREQ("十二万三千四百五十六", rd("十二万三千四百五十六"), "123456/十二万三千四百五十六");
    TEST_STREQ("一亿零五百万", rd("一亿零五百万"), "105000000/一亿零五百万");
    TEST_STREQ("十万八千", rd("十万八千里"), "108000/十万八千");
    TEST_STREQ("3万5千亿 is 3.5 x 10^12", rd("3万5千亿"), "3500000000000/3万5千亿");
    TEST_STREQ("2万500 says nothing certain", rd("2万500人"), "(invalid)");
    TEST_STREQ("1万2 says nothing certain", rd("1万2人"), "(invalid)");
    TEST_STREQ("2万5000万 is no number", rd("2万5000万"), "(invalid)");
    TEST_STREQ("3亿5万亿 is no number", rd("3亿5万亿"), "(invalid)");
    /* doubled and compound magnitudes */
    TEST_STREQ("1万亿", rd("1万亿元"), "1000000000000/1万亿");
    TEST_STREQ("1.2万亿", rd("1.2万亿元"), "1200000000000/1.2万亿");
    TEST_STREQ("5万万", rd("5万万"), "500000000/5万万");
    TEST_STREQ("0.29亿 exact", rd("0.29亿"), "29000000/0.29亿");
    TEST_STREQ("818.1万", rd("818.1万元"), "8181000/818.1万");
    TEST_STREQ("5千万", rd("5千万"), "50000000/5千万");
    TEST_STREQ("1.5千万", rd("1.5千万"), "15000000/1.5千万");
    TEST_STREQ("5百万", rd("5百万"), "5000000/5百万");
    TEST_STREQ("十二点五万", rd("十二点五万"), "125000/十二点五万");
    {
        lg_number n;
        TEST_COND("places of 1.2万亿 is 12",
                  lg_number_read(&NUMERALS, "1.2万亿", strlen("1.2万亿"), 0, &n) == 0 && n.places == 12 &&
                      (n.flags & LG_NUM_MAGNITUDE));
        TEST_COND("places of 1亿2千万 is 8",
                  lg_number_read(&NUMERALS, "1亿2千万", strlen("1亿2千万"), 0, &n) == 0 && n.places == 8);
    }
    /* signs */
    TEST_STREQ("负2.7", rd("负2.7%"), "-2.7/负2.7");
    TEST_STREQ("-2.7", rd("-2.7%"), "-2.7/-2.7");
    TEST_STREQ("full-width minus", rd("－1.6%"), "-1.6/－1.6");
    TEST_STREQ("U+2212 minus", rd("−3%"), "-3/−3");
    TEST_STREQ("+5", rd("+5%"), "5/+5");
    TEST_COND("负2.7 is negative", fl("负2.7%") & LG_NUM_NEGATIVE);
    TEST_COND("+5 is plus", (fl("+5%") & LG_NUM_PLUS) && !(fl("+5%") & LG_NUM_NEGATIVE));
    TEST_STREQ("负增长 is no number", rd("负增长"), "(invalid)");
    TEST_COND("负增长: skip one character", skip("负增长") == 3);
    TEST_STREQ("a lone -", rd("-"), "(invalid)");
    TEST_STREQ("负三十", rd("负三十"), "-30/负三十");
    /* Chinese numerals, colloquial and with 零 */
    TEST_STREQ("三千万", rd("三千万"), "30000000/三千万");
    TEST_STREQ("一万二", rd("一万二"), "12000/一万二");
    TEST_STREQ("两万五", rd("两万五"), "25000/两万五");
    TEST_STREQ("三千五", rd("三千五百"), "3500/三千五百");
    TEST_STREQ("三千五 colloquial", rd("三千五"), "3500/三千五");
    TEST_STREQ("一百二", rd("一百二"), "120/一百二");
    TEST_STREQ("一亿二", rd("一亿二"), "120000000/一亿二");
    TEST_STREQ("一万二千三", rd("一万二千三"), "12300/一万二千三");
    TEST_COND("一万二 is colloquial", fl("一万二") & LG_NUM_COLLOQUIAL);
    TEST_STREQ("一千零五", rd("一千零五"), "1005/一千零五");
    TEST_STREQ("一万零二", rd("一万零二"), "10002/一万零二");
    TEST_STREQ("二十万零十", rd("二十万零十"), "200010/二十万零十");
    TEST_STREQ("一百〇八", rd("一百〇八"), "108/一百〇八");
    TEST_STREQ("零点五", rd("零点五"), "0.5/零点五");
    TEST_STREQ("三点: o'clock, the number is 三", rd("三点"), "3/三");
    TEST_STREQ("二〇二三 is a year, no number", rd("二〇二三年"), "(invalid)");
    TEST_COND("二〇二三: skip the whole run", skip("二〇二三年") == 12);
    TEST_STREQ("三五 is a list", rd("三五年"), "(invalid)");
    TEST_STREQ("两三万 is a guess", rd("两三万"), "(invalid)");
    TEST_STREQ("十三五 is a plan name", rd("十三五"), "(invalid)");
    TEST_STREQ("十二点五十 is a time", rd("十二点五十"), "(invalid)");
    TEST_STREQ("三5: the Chinese numeral ends", rd("三5"), "3/三");
    TEST_COND("两 alone is single", fl("两件") & LG_NUM_SINGLE);
    TEST_COND("十二 is not single", !(fl("十二件") & LG_NUM_SINGLE));
    /* financial and traditional numerals */
    TEST_STREQ("壹仟贰佰叁拾肆", rd("壹仟贰佰叁拾肆元"), "1234/壹仟贰佰叁拾肆");
    TEST_STREQ("伍萬", rd("伍萬元"), "50000/伍萬");
    TEST_STREQ("叁億", rd("叁億"), "300000000/叁億");
    TEST_STREQ("兩萬", rd("兩萬"), "20000/兩萬");
    TEST_STREQ("貳拾", rd("貳拾"), "20/貳拾");
    TEST_STREQ("陸佰", rd("陸佰"), "600/陸佰");
    TEST_STREQ("拾萬", rd("拾萬"), "100000/拾萬");
    TEST_STREQ("三千五百萬 traditional", rd("三千五百萬"), "35000000/三千五百萬");
    TEST_STREQ("a lone 伍 is a name (队伍)", rd("伍"), "(invalid)");
    TEST_STREQ("a lone 陆 is a name (陆续)", rd("陆续"), "(invalid)");
    TEST_STREQ("a lone 拾 is a verb (收拾)", rd("拾"), "(invalid)");
    TEST_COND("壹佰 is financial", fl("壹佰") & LG_NUM_FINANCIAL);
    /* shares */
    TEST_STREQ("六成", rd("六成"), "60/六成");
    TEST_STREQ("七成五", rd("七成五"), "75/七成五");
    TEST_STREQ("8.5成", rd("8.5成"), "85/8.5成");
    TEST_STREQ("十成", rd("十成"), "100/十成");
    TEST_STREQ("六成多", rd("六成多"), "60/六成多");
    TEST_COND("六成多 is over", fl("六成多") & LG_NUM_OVER);
    TEST_COND("六成 is % from 成", (fl("六成") & (LG_NUM_PERCENT | LG_NUM_SHARE_CHENG)) ==
                                      (LG_NUM_PERCENT | LG_NUM_SHARE_CHENG));
    TEST_STREQ("八成以上: 成 then 以上", rd("八成以上"), "80/八成");
    TEST_STREQ("一成不变 is an idiom", rd("一成不变"), "1/一");
    TEST_STREQ("八成为: 成为", rd("八成为"), "8/八");
    TEST_STREQ("15成 is no share", rd("15成"), "15/15");
    TEST_STREQ("成 after 万 is no share", rd("两万成"), "20000/两万");
    {
        lg_number n;
        TEST_COND("no 成 when told so", lg_number_read(&NUMERALS, "六成", 6, LG_READ_NO_CHENG, &n) == 0 &&
                                            n.used == 3 && !(n.flags & LG_NUM_PERCENT));
    }
    TEST_STREQ("百分之37", rd("百分之37"), "37/百分之37");
    TEST_STREQ("百分之8.5", rd("百分之8.5"), "8.5/百分之8.5");
    TEST_STREQ("百分之百", rd("百分之百"), "100/百分之百");
    TEST_STREQ("百分之一百", rd("百分之一百"), "100/百分之一百");
    TEST_STREQ("百分之150", rd("百分之150"), "150/百分之150");
    TEST_STREQ("百分之三十五点五", rd("百分之三十五点五"), "35.5/百分之三十五点五");
    TEST_STREQ("千分之三", rd("千分之三"), "0.3/千分之三");
    TEST_STREQ("万分之五", rd("万分之五"), "0.05/万分之五");
    TEST_STREQ("萬分之五", rd("萬分之五"), "0.05/萬分之五");
    TEST_STREQ("千分之1.5", rd("千分之1.5"), "0.15/千分之1.5");
    TEST_COND("百分之37 is %", fl("百分之37") & LG_NUM_PERCENT);
    TEST_STREQ("百分之 alone", rd("百分之"), "(invalid)");
    TEST_STREQ("百分之五万 is no share", rd("百分之五万"), "(invalid)");
    TEST_STREQ("2百分点: 百 of 百分点 is the unit", rd("2百分点"), "2/2");
    /* spoken 个亿 */
    TEST_STREQ("三个亿", rd("三个亿"), "300000000/三个亿");
    TEST_STREQ("12个亿元", rd("12个亿元"), "1200000000/12个亿");
    TEST_STREQ("3个万人: 个 ends the number", rd("3个万人"), "3/3");
    TEST_STREQ("两个亿级: a name", rd("两个亿级"), "2/两");
    /* rough magnitudes */
    TEST_STREQ("三十多万", rd("三十多万"), "300000/三十多万");
    TEST_STREQ("二十余万", rd("二十余万"), "200000/二十余万");
    TEST_STREQ("十几万", rd("十几万"), "100000/十几万");
    TEST_STREQ("数十万", rd("数十万"), "100000/数十万");
    TEST_STREQ("几十万", rd("几十万"), "100000/几十万");
    TEST_STREQ("数百万", rd("数百万"), "1000000/数百万");
    TEST_STREQ("数万", rd("数万人"), "10000/数万");
    TEST_STREQ("上万", rd("上万人"), "10000/上万");
    TEST_STREQ("上百", rd("上百家"), "100/上百");
    TEST_STREQ("上千万", rd("上千万元"), "10000000/上千万");
    TEST_STREQ("2000余万", rd("2000余万元"), "20000000/2000余万");
    TEST_STREQ("1万多", rd("1万多人"), "10000/1万多");
    TEST_STREQ("千余", rd("千余件"), "1000/千余");
    TEST_STREQ("万余", rd("万余人"), "10000/万余");
    TEST_STREQ("十来个", rd("十来个"), "10/十来");
    TEST_COND("三十多万 is over", fl("三十多万") & LG_NUM_OVER);
    TEST_COND("数十万 is over", fl("数十万") & LG_NUM_OVER);
    TEST_COND("上万 is over", fl("上万人") & LG_NUM_OVER);
    TEST_COND("十来个 is approx", fl("十来个") & LG_NUM_APPROX);
    TEST_COND("三十 is exact", !(fl("三十") & (LG_NUM_OVER | LG_NUM_APPROX)));
    TEST_STREQ("数据 is no number", rd("数据"), "(invalid)");
    TEST_STREQ("上年 is no number", rd("上年"), "(invalid)");
    TEST_STREQ("上十 is no word", rd("上十"), "(invalid)");
    TEST_STREQ("a lone 万 (万名律师)", rd("万名"), "(invalid)");
    TEST_STREQ("a lone 万 after 近 (bare)", rd_opt("万件", LG_READ_BARE, NULL), "10000/万");
    TEST_STREQ("a lone 百亿 after 超 (bare)", rd_opt("百亿元", LG_READ_BARE, NULL), "10000000000/百亿");
    /* Arabic numerals and what ends them */
    TEST_STREQ("12,345.6", rd("12,345.6件"), "12345.6/12,345.6");
    TEST_STREQ("1,2345: the comma ends it", rd("1,2345"), "1/1");
    TEST_STREQ("3.0.1 is a version", rd("3.0.1"), "(invalid)");
    TEST_STREQ("3千米 is 3 km", rd("3千米"), "3/3");
    TEST_STREQ("一万二千米 is 12000 m", rd("一万二千米"), "12000/一万二千");
    TEST_STREQ("12百 is no number", rd("12百"), "12/12");
    TEST_STREQ("30 digits", rd("123456789012345678901234567890"), "(invalid)");
    TEST_COND("30 digits: too long", fl("123456789012345678901234567890") & LG_NUM_TOO_LONG);
    TEST_STREQ("empty", rd(""), "(invalid)");
    TEST_STREQ("Chinese only refuses digits", rd_opt("12", LG_READ_CHINESE_ONLY, NULL), "(invalid)");
    TEST_STREQ("a stray byte", rd("\xff"), "(invalid)");
    TEST_COND("a stray byte: skip one", skip("\xff") == 1);
    TEST_COND("not a numeral: skip one character", skip("投资") == 3);
    /* money in 元角分 */
    TEST_STREQ("5元3角", jiao("5", "3角"), "5.3/4");
    TEST_STREQ("5元3角2分", jiao("5", "3角2分"), "5.32/8");
    TEST_STREQ("5元8分", jiao("5", "8分"), "5.08/4");
    TEST_STREQ("12元五角", jiao("12", "五角"), "12.5/6");
    TEST_STREQ("9.9元5分", jiao("9.9", "5分"), "9.95/4");
    TEST_STREQ("5元 then text", jiao("5", "，"), "5/0");
    TEST_STREQ("5元3分钟 is no money", jiao("5", "3分钟"), "5/0");
    /* range separators */
    TEST_COND("至 separates", lg_range_separator("至30", 5) == 3);
    TEST_COND("~ separates", lg_range_separator("~8", 2) == 1);
    TEST_COND("～ separates", lg_range_separator("～8", 4) == 3);
    TEST_COND("—— separates", lg_range_separator("——8", 7) == 6);
    TEST_COND("件 does not", lg_range_separator("件", 3) == 0);
    /* the characters' values */
    {
        lg_numerals t;
        lg_numerals_clear(&t);
        TEST_COND("a numeral of 7", lg_numerals_add(&t, 0x4E03, 7, 0) == 0);
        TEST_COND("no numeral of 11", lg_numerals_add(&t, 0x4E03, 11, 0) != 0);
        TEST_COND("no ASCII numeral", lg_numerals_add(&t, '7', 7, 0) != 0);
        lg_number n;
        TEST_COND("an empty table reads no 三",
                  lg_number_read(&t, "三", 3, 0, &n) != 0 && n.used == 3);
        TEST_COND("an empty table still reads 12", lg_number_read(&t, "12", 2, 0, &n) == 0);
        TEST_COND("a table of one: 七",
                  lg_number_read(&t, "七件", 6, 0, &n) == 0 && !strcmp(n.dec, "7"));
    }
    TEST_STREQ("shift left: 3 by -1", shift("3", -1), "0.3");
    TEST_STREQ("shift left: 5 by -2", shift("5", -2), "0.05");
    TEST_STREQ("shift left: 1.5 by -1", shift("1.5", -1), "0.15");
    TEST_STREQ("shift keeps the sign", shift("-2.7", 4), "-27000");
}

int main(void)
{
    numerals_build();
    test_reader();
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
    TEST_STREQ("三万万 is 3 x 10^8", chinese("三万万"), "300000000");
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
