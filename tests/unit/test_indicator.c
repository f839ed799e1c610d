/* test_indicator.c - the indicator matcher and its rules, on names of our
 * own making. */
#include "indicator.h"

#include <string.h>

#include "lexicon.h"
#include "test.h"

static const lg_indicators *defaults(void)
{
    lg_status st;
    const lg_lexicon *lx = lx_defaults(&st);
    return lx ? lx->indicators : NULL;
}

static const char *match(const char *metric, const char *unit, const char *kind)
{
    return lg_indicator_match(defaults(), metric, unit, kind, NULL);
}

static int is(const char *got, const char *want)
{
    return want ? got && strcmp(got, want) == 0 : got == NULL;
}

static void test_default_taxonomy(void)
{
    const lg_indicators *set = defaults();
    TEST_COND("the built-in taxonomy loads", set != NULL);
    size_t names = 0;
    for (size_t i = 0; i < lg_indicators_count(set); i++) {
        size_t j = 0;
        while (j < i && strcmp(lg_indicators_name(set, j), lg_indicators_name(set, i)) != 0)
            j++;
        names += j == i;
    }
    TEST_COND("it names at least 40 indicators", names >= 40);
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
    const lg_indicators *set = defaults();
    TEST_COND("调解成功率 of 人民调解",
              is(lg_indicator_match(set, "调解成功率", "%", "percent", "全市人民调解组织调解成功率达97%。"),
                 "人民调解成功率"));
    TEST_COND("调解成功率 of 诉调对接 is not 人民调解",
              lg_indicator_match(set, "调解成功率", "%", "percent", "诉调对接调解案件300件，调解成功率61%。") == NULL);
    TEST_COND("a bare 办结案件 of a 复议 sentence",
              is(lg_indicator_match(set, "办结案件", "件", "count", "行政复议机关办结案件590件。"),
                 "行政复议案件办结数"));
    TEST_COND("a bare 办结案件 of a court is not",
              lg_indicator_match(set, "办结案件", "件", "count", "法院办结案件590件。") == NULL);
}

static lg_status add(lg_lexicon *lx, const char *text, lx_error *err)
{
    return lx_add_text(lx, "user.rules", text, strlen(text), err);
}

static void test_user_rules(void)
{
    lg_lexicon *lx;
    lx_error err;
    TEST_COND("a lexicon of the defaults", lx_new(&lx, &err) == LG_OK);
    size_t before = lg_indicators_count(lx->indicators);
    TEST_COND("a user's indicator loads",
              add(lx, "[indicators]\n+信访事项数 kind=count|change unit=件|批次 need=信访 not=率\n", &err) == LG_OK);
    TEST_COND("one more rule", lg_indicators_count(lx->indicators) == before + 1);
    TEST_STREQ("an added indicator",
               lg_indicator_match(lx->indicators, "受理信访事项", "件", "count", NULL), "信访事项数");
    TEST_COND("its not= words", lg_indicator_match(lx->indicators, "信访事项办结率", "%", "percent", NULL) == NULL);
    TEST_COND("a second rule of the same name is an alternative",
              add(lx, "[indicators]\n信访事项数 kind=count unit=批次 need=来访 ctx=信访\n", &err) == LG_OK &&
              lg_indicators_count(lx->indicators) == before + 2);
    TEST_STREQ("met by its context",
               lg_indicator_match(lx->indicators, "接待群众来访", "批次", "count", "信访工作中接待群众来访300批次"),
               "信访事项数");
    TEST_COND("-NAME removes every rule of that name",
              add(lx, "[indicators]\n-信访事项数\n", &err) == LG_OK &&
              lg_indicators_count(lx->indicators) == before);
    TEST_COND("a default can be removed",
              add(lx, "[indicators]\n-律师人数\n", &err) == LG_OK &&
              lg_indicator_match(lx->indicators, "执业律师", "人", "count", NULL) == NULL);
    const char *bad[] = {"[indicators]\n甲 kind=count\n", "[indicators]\n甲 kind=weight need=甲\n",
                         "[indicators]\n甲 kind=count need=甲 colour=red\n",
                         "[indicators]\n甲 kind=count need=a need=b need=c need=d need=e\n",
                         "[indicators]\n甲\n"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        TEST_COND("a malformed rule is an error with its line",
                  add(lx, bad[i], &err) == LG_ERR_ARG && err.line == 2);
    lx_free(lx);
}

/* The compiled-in rules are not checked one by one at start-up (lx_new
 * checks them only when they fail to build): every one passes the check. */
static void test_defaults_checked(void)
{
    lg_status st;
    const lg_lexicon *lx = lx_defaults(&st);
    const lx_list_t *rules = lx ? &lx->list[LX_INDICATORS] : NULL;
    size_t bad = 0;
    for (size_t i = 0; rules && i < rules->n; i++)
        bad += lg_indicator_check(rules->e[i].field) != NULL;
    TEST_COND("every default indicator rule passes lg_indicator_check", rules && rules->n && !bad);
}

int main(void)
{
    test_defaults_checked();
    test_default_taxonomy();
    test_no_guess();
    test_context_words();
    test_user_rules();
    lx_release_defaults();
    return TEST_REPORT();
}
