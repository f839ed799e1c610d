/* test_indicator.c - the indicator matcher and its rules text, on names of
 * our own making. */
#include "indicator.h"

#include <string.h>

#include "test.h"

static const char *match(const char *metric, const char *unit, const char *kind)
{
    return lg_indicator_match(lg_indicators_default(), metric, unit, kind, NULL);
}

static int is(const char *got, const char *want)
{
    return want ? got && strcmp(got, want) == 0 : got == NULL;
}

static void test_default_taxonomy(void)
{
    const lg_indicators *set = lg_indicators_default();
    TEST_COND("the built-in taxonomy loads", set != NULL);
    TEST_COND("it holds at least 40 indicators", lg_indicators_count(set) >= 40);
    /* the many names of one indicator */
    TEST_COND("新收行政复议案件", is(match("新收行政复议案件", "件", "count"), "行政复议案件收案数"));
    TEST_COND("受理行政复议申请", is(match("受理行政复议申请", "件", "count"), "行政复议案件收案数"));
    TEST_COND("收到复议申请", is(match("全年收到复议申请", "件", "count"), "行政复议案件收案数"));
    TEST_COND("a change of it keeps the indicator",
              is(match("新收行政复议案件", "%", "change"), "行政复议案件收案数"));
    TEST_COND("审结 cases", is(match("审结行政复议案件", "件", "count"), "行政复议案件审结数"));
    TEST_COND("办结 cases", is(match("办结行政复议案件", "件", "count"), "行政复议案件办结数"));
    TEST_COND("纠错率 before 收案数", is(match("行政复议案件纠错率", "%", "percent"), "行政复议纠错率"));
    TEST_COND("出庭率", is(match("行政机关负责人出庭率", "%", "percent"), "行政机关负责人出庭应诉率"));
    TEST_COND("败诉率 change in points", is(match("行政诉讼败诉率", "百分点", "change"), "行政诉讼败诉率"));
    TEST_COND("法律援助", is(match("指派法律援助案件", "件", "count"), "法律援助案件数"));
    TEST_COND("调处矛盾纠纷", is(match("调处各类矛盾纠纷", "件", "count"), "人民调解案件数"));
    TEST_COND("成功调解 is its own", is(match("成功调解矛盾纠纷", "件", "count"), "人民调解成功案件数"));
    TEST_COND("公职律师", is(match("公职律师", "名", "count"), "公职律师人数"));
    TEST_COND("执业律师", is(match("执业律师", "人", "count"), "律师人数"));
    TEST_COND("网上可办率", is(match("政务服务事项网上可办率", "%", "percent"), "网上可办率"));
}

static void test_no_guess(void)
{
    TEST_COND("a subset (类) has none", match("举报投诉类行政复议申请", "件", "count") == NULL);
    TEST_COND("涉企 cases are a subset", match("涉企行政复议案件", "件", "count") == NULL);
    TEST_COND("money is no case count", match("新收行政复议案件涉及金额", "元", "money") == NULL);
    TEST_COND("the wrong unit", match("新收行政复议案件", "人", "count") == NULL);
    TEST_COND("a rank is no level", match("行政复议纠错率", "名", "rank") == NULL);
    TEST_COND("an unknown metric", match("政商恳谈早餐会", "场", "count") == NULL);
    TEST_COND("an empty metric", match("", "件", "count") == NULL);
    TEST_COND("律师 offering advice are no head count", match("提供法律咨询的律师", "名", "count") == NULL);
    TEST_COND("年均 growth is not the year's", match("地区生产总值年均增长", "%", "change") == NULL);
    TEST_COND("NULL set", lg_indicator_match(NULL, "新收行政复议案件", "件", "count", NULL) == NULL);
}

static void test_context_words(void)
{
    const lg_indicators *set = lg_indicators_default();
    TEST_COND("调解成功率 of 人民调解",
              is(lg_indicator_match(set, "调解成功率", "%", "percent", "全市人民调解组织调解成功率达97%。"),
                 "人民调解成功率"));
    TEST_COND("调解成功率 of 诉调对接 is not 人民调解",
              lg_indicator_match(set, "调解成功率", "%", "percent", "诉调对接调解案件300件，调解成功率61%。") == NULL);
}

static void test_user_rules(void)
{
    lg_indicators *set = lg_indicators_new();
    char err[80] = "";
    const char *text =
        "# a user's file\n"
        "[units]\n"
        "个工作日 duration\n"
        "[indicators]\n"
        "+信访事项数 kind=count|change unit=件|批次 need=信访 not=率  # comment\n"
        "电子证照数 kind=count unit=个|张 need=电子证照\n"
        "-电子证照数\n";
    TEST_COND("a user's rules load", lg_indicators_load(set, text, strlen(text), err, sizeof err) == LG_OK);
    TEST_COND("other sections are left alone", lg_indicators_count(set) == 1);
    TEST_STREQ("an added indicator",
               lg_indicator_match(set, "受理信访事项", "件", "count", NULL), "信访事项数");
    TEST_COND("its not= words", lg_indicator_match(set, "信访事项办结率", "%", "percent", NULL) == NULL);
    const char *more = "[indicators]\n信访事项数 kind=count unit=批次 need=来访 ctx=信访\n";
    TEST_COND("a second rule of the same name is an alternative",
              lg_indicators_load(set, more, strlen(more), err, sizeof err) == LG_OK &&
              lg_indicators_count(set) == 2 &&
              lg_indicator_match(set, "受理信访事项", "件", "count", NULL) != NULL);
    TEST_STREQ("met by its context",
               lg_indicator_match(set, "接待群众来访", "批次", "count", "信访工作中接待群众来访300批次"), "信访事项数");
    const char *drop = "[indicators]\n-信访事项数\n";
    TEST_COND("-NAME removes every rule of that name",
              lg_indicators_load(set, drop, strlen(drop), err, sizeof err) == LG_OK &&
              lg_indicators_count(set) == 0);
    const char *bad[] = {"[indicators]\n甲 kind=count\n", "[indicators]\n甲 kind=weight need=甲\n",
                         "[indicators]\n甲 kind=count need=甲 colour=red\n",
                         "[indicators]\n甲 kind=count need=a need=b need=c need=d need=e\n"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        TEST_COND("a malformed rule is an error with its line",
                  lg_indicators_load(set, bad[i], strlen(bad[i]), err, sizeof err) == LG_ERR_ARG &&
                  strncmp(err, "2: ", 3) == 0);
    lg_indicators_free(set);
}

int main(void)
{
    test_default_taxonomy();
    test_no_guess();
    test_context_words();
    test_user_rules();
    return TEST_REPORT();
}
