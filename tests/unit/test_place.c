/* test_place.c - the gazetteer: names, short forms, namesakes, longest
 * match, and no matches inside common words. */
#include <string.h>

#include "place.h"
#include "text.h"
#include "test.h"

static const char *code_of(int id)
{
    const lg_place *p = lg_place_get(id);
    return p ? p->adcode : "(none)";
}

static const char *name_of(int id)
{
    const lg_place *p = lg_place_get(id);
    return p ? p->name : "(none)";
}

/* lg_place_match on a NUL-terminated string. */
static size_t match(const char *s, int prefer_city, int *id)
{
    return lg_place_match(s, strlen(s), prefer_city, id);
}

/* Number of matches when trying every character position of s, the way the
 * extractor scans sentences. */
static int matches_anywhere(const char *s, int prefer_city)
{
    int n = 0, id;
    size_t len = strlen(s);
    for (size_t i = 0; i < len; i++) {
        if ((((unsigned char)s[i]) & 0xC0) == 0x80)
            continue; /* not the start of a character */
        if (lg_place_match(s + i, len - i, prefer_city, &id)) {
            fprintf(stderr, "  unexpected match in %s at byte %zu: %s\n", s, i, name_of(id));
            n++;
        }
    }
    return n;
}

static int lookup_code(const char *name, const char *code, int prefer_city)
{
    int id = lg_place_lookup(name, prefer_city);
    return id >= 0 && strcmp(code_of(id), code) == 0;
}

int main(void)
{
    int id = -2;
    size_t n;

    /* The table itself. */
    TEST_COND("a few thousand places", lg_place_count() > 3000);
    TEST_COND("get out of range", lg_place_get(-1) == NULL && lg_place_get(lg_place_count()) == NULL);
    TEST_STREQ("id 0 is 北京市", name_of(0), "北京市");
    int ok = 1;
    for (int i = 0; i < lg_place_count(); i++) {
        const lg_place *p = lg_place_get(i);
        if (strlen(p->adcode) != 6 || p->level < LG_PROVINCE || p->level > LG_COUNTY)
            ok = 0;
        if (p->level == LG_PROVINCE ? p->parent != -1 : p->parent < 0 || p->parent >= i)
            ok = 0;
        if (i > 0 && strcmp(lg_place_get(i - 1)->adcode, p->adcode) > 0)
            ok = 0;
        if (p->level == LG_COUNTY && lg_place_get(p->parent)->level != LG_CITY)
            ok = 0;
        if (p->level == LG_CITY && lg_place_get(p->parent)->level != LG_PROVINCE)
            ok = 0;
    }
    TEST_COND("every place: 6-digit code, code order, parent one level up", ok);
    TEST_COND("no placeholder names", lg_place_lookup("市辖区", -1) < 0 &&
                                          lg_place_lookup("省直辖县级行政区划", -1) < 0 &&
                                          lg_place_lookup("县", -1) < 0);

    /* Full and short names of cities. */
    int baotou = lg_place_lookup("包头市", -1);
    TEST_STREQ("包头市", code_of(baotou), "150200");
    TEST_COND("包头 -> 包头市", lg_place_lookup("包头", -1) == baotou);
    TEST_COND("包头市 is a city", lg_place_get(baotou)->level == LG_CITY);
    TEST_STREQ("包头市 is in 内蒙古", name_of(lg_place_get(baotou)->parent), "内蒙古自治区");
    TEST_COND("呼和浩特 -> 150100", lookup_code("呼和浩特", "150100", -1));
    TEST_COND("巴彦淖尔 -> 150800", lookup_code("巴彦淖尔", "150800", -1));
    TEST_COND("锡林郭勒盟 -> 152500", lookup_code("锡林郭勒盟", "152500", -1));
    TEST_COND("锡林郭勒 -> 152500", lookup_code("锡林郭勒", "152500", -1));
    TEST_COND("延边 -> 222400", lookup_code("延边", "222400", -1));
    TEST_COND("延边州 -> 222400", lookup_code("延边州", "222400", -1));
    TEST_COND("恩施州 -> 422800", lookup_code("恩施州", "422800", -1));
    TEST_COND("阿克苏 -> 652900", lookup_code("阿克苏", "652900", -1));
    TEST_COND("昆明 in text", match("昆明市呈贡区", -1, &id) == 9 && !strcmp(code_of(id), "530100"));
    TEST_COND("昆明 short in text", match("昆明持续推进", -1, &id) == 6 && !strcmp(code_of(id), "530100"));

    /* Provinces. */
    TEST_COND("内蒙古 -> 150000", lookup_code("内蒙古", "150000", -1));
    TEST_COND("广西 -> 450000", lookup_code("广西", "450000", -1));
    TEST_COND("新疆 -> 650000", lookup_code("新疆", "650000", -1));
    TEST_COND("西藏 -> 540000", lookup_code("西藏", "540000", -1));
    TEST_COND("河北 -> 130000", lookup_code("河北", "130000", -1));
    TEST_COND("吉林 is the province", lookup_code("吉林", "220000", -1) &&
                                          lg_place_get(lg_place_lookup("吉林", -1))->level == LG_PROVINCE);
    TEST_COND("吉林市 is the city", lookup_code("吉林市", "220200", -1));
    TEST_COND("海南 is the province", lookup_code("海南", "460000", -1));
    TEST_COND("海南州 is the prefecture", lookup_code("海南州", "632500", -1));
    TEST_COND("province city_of is -1", lg_place_city_of(lg_place_lookup("河北省", -1)) == -1);

    /* Municipalities: 北京市 is the city of its districts. */
    int beijing = lg_place_lookup("北京市", -1);
    TEST_COND("北京市 is a city", beijing >= 0 && lg_place_get(beijing)->level == LG_CITY);
    TEST_STREQ("北京市 code", code_of(beijing), "110000");
    TEST_COND("北京 -> 北京市", lg_place_lookup("北京", -1) == beijing);
    TEST_COND("北京市 city_of itself", lg_place_city_of(beijing) == beijing);
    TEST_COND("北京市's parent is the province",
              lg_place_get(lg_place_get(beijing)->parent)->level == LG_PROVINCE);
    const char *bj = "北京市东城区";
    n = match(bj, -1, &id);
    TEST_COND("北京市东城区: 北京市 first", n == 9 && id == beijing);
    n = lg_place_match(bj + n, strlen(bj) - n, beijing, &id);
    TEST_COND("北京市东城区: 东城区", n == 9 && !strcmp(code_of(id), "110101"));
    TEST_COND("东城区 -> city 北京市", lg_place_city_of(id) == beijing);
    TEST_COND("重庆 county -> city 重庆市",
              lg_place_city_of(lg_place_lookup("石柱土家族自治县", -1)) == lg_place_lookup("重庆市", -1));
    TEST_COND("重庆市 in text", match("重庆市人民政府", -1, &id) == 9);

    /* County-level units directly under a province are their own city. */
    int jiyuan = lg_place_lookup("济源市", -1);
    TEST_COND("济源市 is a city", jiyuan >= 0 && lg_place_get(jiyuan)->level == LG_CITY &&
                                     lg_place_city_of(jiyuan) == jiyuan);
    TEST_STREQ("济源市 under 河南", name_of(lg_place_get(jiyuan)->parent), "河南省");
    TEST_COND("石河子市 is a city", lg_place_city_of(lg_place_lookup("石河子市", -1)) ==
                                       lg_place_lookup("石河子市", -1));

    /* Banners and autonomous counties. */
    int damao = lg_place_lookup("达茂旗", -1);
    TEST_STREQ("达茂旗", code_of(damao), "150223");
    TEST_STREQ("达茂旗 full name", name_of(damao), "达尔罕茂明安联合旗");
    TEST_COND("达茂旗 -> city 包头", lg_place_city_of(damao) == baotou);
    TEST_COND("土右旗 -> 150221", lookup_code("土右旗", "150221", -1));
    TEST_COND("土左旗 -> 150121", lookup_code("土左旗", "150121", -1));
    TEST_COND("鄂前旗 -> 150623", lookup_code("鄂前旗", "150623", -1));
    TEST_COND("乌前旗 -> 150823", lookup_code("乌前旗", "150823", -1));
    TEST_COND("乌后旗 -> 150825", lookup_code("乌后旗", "150825", -1));
    TEST_COND("科右前旗 -> 152221", lookup_code("科右前旗", "152221", -1));
    TEST_COND("科左后旗 -> 150522", lookup_code("科左后旗", "150522", -1));
    TEST_COND("察右前旗 -> 150926", lookup_code("察右前旗", "150926", -1));
    TEST_COND("东乌旗 -> 152525", lookup_code("东乌旗", "152525", -1));
    TEST_COND("阿旗 clashes: dropped", lg_place_lookup("阿旗", -1) < 0);
    int hjhq = lg_place_lookup("杭锦后旗", -1);
    TEST_STREQ("杭锦后旗", code_of(hjhq), "150826");
    TEST_STREQ("杭锦后旗 -> city 巴彦淖尔市", name_of(lg_place_city_of(hjhq)), "巴彦淖尔市");
    TEST_COND("孟村县 -> 130930", lookup_code("孟村县", "130930", -1));
    TEST_COND("孟村 lookup -> 130930", lookup_code("孟村", "130930", -1));
    TEST_COND("孟村 alone not in text", match("孟村", -1, &id) == 0);
    TEST_COND("喀左县 -> 211324", lookup_code("喀左县", "211324", -1));
    TEST_COND("达茂旗 in text", match("达茂旗和九原区", -1, &id) == 9 && id == damao);

    /* Development zones. */
    TEST_COND("稀土高新区 -> 150271", lookup_code("稀土高新区", "150271", -1));
    TEST_COND("包头稀土高新区 -> 150271", lookup_code("包头稀土高新区", "150271", -1));
    TEST_COND("包头高新区 -> 150271", lookup_code("包头高新区", "150271", -1));
    TEST_COND("稀土高新区 -> city 包头", lg_place_city_of(lg_place_lookup("稀土高新区", -1)) == baotou);
    TEST_COND("呼和浩特经开区 -> 150172", lookup_code("呼和浩特经开区", "150172", -1));
    TEST_COND("呼和浩特经济开发区 -> 150172", lookup_code("呼和浩特经济开发区", "150172", -1));
    TEST_COND("长春高新区 is not 净月", lookup_code("长春高新区", "220173", -1));
    TEST_COND("净月高新区 -> 220172", lookup_code("净月高新区", "220172", -1));
    TEST_COND("bare 高新区 without a city: none", lg_place_lookup("高新区", -1) < 0);
    TEST_COND("bare 高新区 not matched without a city", match("高新区", -1, &id) == 0);
    TEST_COND("bare 高新区 in 包头", match("高新区", baotou, &id) == 9 && !strcmp(code_of(id), "150271"));
    int changchun = lg_place_lookup("长春", -1);
    TEST_COND("bare 高新区 in 长春", lookup_code("高新区", "220173", changchun));
    TEST_COND("bare 经开区 in 长春", lookup_code("经开区", "220171", changchun));
    TEST_COND("bare 高新区 in a city without one", lg_place_lookup("高新区", lg_place_lookup("乌海", -1)) < 0);

    /* Namesakes. */
    int wuhan = lg_place_lookup("武汉", -1);
    TEST_COND("青山区 in 包头", lookup_code("青山区", "150204", baotou));
    TEST_COND("青山区 in 武汉", lookup_code("青山区", "420107", wuhan));
    TEST_COND("青山区, no city: first by code", lookup_code("青山区", "150204", -1));
    TEST_COND("青山区 in text, 武汉", match("青山区人民政府", wuhan, &id) == 9 &&
                                        !strcmp(code_of(id), "420107"));
    TEST_COND("青山区 in 鄂州: same province wins", lookup_code("青山区", "420107", lg_place_lookup("鄂州", -1)));
    TEST_COND("青山 lookup in 武汉", lookup_code("青山", "420107", wuhan));
    TEST_COND("朝阳区 in 北京", lookup_code("朝阳区", "110105", beijing));
    TEST_COND("朝阳 is the city", lookup_code("朝阳", "211300", -1));

    /* Parents. */
    TEST_COND("city_of(city) is itself", lg_place_city_of(baotou) == baotou);
    TEST_COND("city_of(county)", lg_place_city_of(lg_place_lookup("昆都仑区", -1)) == baotou);
    TEST_COND("city_of(bad id)", lg_place_city_of(-5) == -1 && lg_place_city_of(1 << 20) == -1);

    /* Longest match, and lengths in bytes. */
    TEST_COND("包头市 is 9 bytes", match("包头市人民政府", -1, &id) == 9 && id == baotou);
    TEST_COND("包头 is 6 bytes", match("包头持续巩固", -1, &id) == 6 && id == baotou);
    TEST_COND("len cuts the name", lg_place_match("包头市", 7, -1, &id) == 6);
    TEST_COND("包头稀土高新区 beats 包头", match("包头稀土高新区管委会", -1, &id) == 21 &&
                                          !strcmp(code_of(id), "150271"));
    const char *hz = "杭州市西湖区";
    n = match(hz, -1, &id);
    int hangzhou = id;
    TEST_COND("杭州市西湖区: 杭州市", n == 9 && !strcmp(code_of(id), "330100"));
    n = lg_place_match(hz + 9, strlen(hz) - 9, hangzhou, &id);
    TEST_COND("杭州市西湖区: 西湖区 of 杭州", n == 9 && !strcmp(code_of(id), "330106"));
    TEST_COND("西湖区 in 南昌", lookup_code("西湖区", "360103", lg_place_lookup("南昌", -1)));
    TEST_COND("no match: ASCII", match("abc", -1, &id) == 0 && id == -1);
    TEST_COND("no match: empty", lg_place_match("包头", 0, -1, &id) == 0);
    TEST_COND("no match: NULL id ok", lg_place_match("包头", 6, -1, NULL) == 6);
    TEST_COND("no match: cut character", lg_place_match("包头", 2, -1, &id) == 0);
    TEST_COND("lookup: partial name", lg_place_lookup("包", -1) < 0 && lg_place_lookup("包头市人", -1) < 0);
    TEST_COND("lookup: NULL", lg_place_lookup(NULL, -1) < 0);

    /* Nothing inside ordinary words and idioms. */
    TEST_COND("绿水青山就是金山银山", matches_anywhere("绿水青山就是金山银山", -1) == 0);
    TEST_COND("绿水青山 in 包头", matches_anywhere("绿水青山就是金山银山", baotou) == 0);
    TEST_COND("长治久安", matches_anywhere("长治久安", -1) == 0);
    TEST_COND("大同小异", matches_anywhere("大同小异", -1) == 0);
    TEST_COND("平安康泰", matches_anywhere("平安康泰", -1) == 0);
    TEST_COND("中山路", matches_anywhere("中山路", -1) == 0);
    TEST_COND("黄山松", matches_anywhere("黄山松", -1) == 0);
    TEST_COND("示范县 / 主城区", matches_anywhere("创建法治政府建设示范县，主城区和郊区", -1) == 0);
    TEST_COND("隆重庆祝", matches_anywhere("隆重庆祝建党百年，确保定期公开", -1) == 0);
    TEST_COND("长治市 still matches", lookup_code("长治", "140400", -1) && match("长治市", -1, &id) == 9);
    TEST_COND("范县 in 濮阳", match("范县", lg_place_lookup("濮阳", -1), &id) == 6);


    /* the prefilters must never turn away a name lg_place_match finds */
    {
        const uint8_t *first = lg_place_start_bits(), *second = lg_place_second_bits();
        int ok = first != NULL;
        for (int i = 0; ok && i < lg_place_count(); i++) {
            uint32_t a, b;
            const char *s = lg_place_get(i)->name;
            size_t la = utf8_decode_one(s, &a);
            utf8_decode_one(s + la, &b);
            ok = (a > 0xFFFF || (first[a >> 3] >> (a & 7) & 1)) &&
                 (!second || b > 0xFFFF || (second[b >> 3] >> (b & 7) & 1)) &&
                 lg_place_may_start(a, b);
        }
        TEST_COND("every full name passes the first-, second-character and pair filters", ok);
        TEST_COND("包头 may start a name", lg_place_may_start(0x5305, 0x5934));
        TEST_COND("头包 starts none", !lg_place_may_start(0x5934, 0x5305));
    }

    return TEST_REPORT();
}
