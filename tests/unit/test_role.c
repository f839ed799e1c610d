/* test_role.c - readings of a figure's role, on sentences of our own. */
#include "role.h"

#include <string.h>

#include "lexicon.h"
#include "test.h"
#include "text.h"

typedef struct sentence {
    uint32_t cp[256];
    size_t n;
} sentence;

static void load(sentence *s, const char *utf8)
{
    s->n = 0;
    for (size_t i = 0; utf8[i] && s->n < 256;) {
        uint32_t cp;
        i += utf8_decode_one(utf8 + i, &cp);
        s->cp[s->n++] = cp;
    }
}

/* The index of the first character of needle (UTF-8) in s. */
static size_t find(const sentence *s, const char *needle)
{
    sentence w;
    load(&w, needle);
    for (size_t i = 0; i + w.n <= s->n; i++)
        if (memcmp(s->cp + i, w.cp, w.n * sizeof *w.cp) == 0)
            return i;
    return s->n;
}

/* The reading of the value `value` (its text, e.g. "310件") in text; the
 * values around it are given as their texts too (NULL: none). */
static lg_role_reading read_in(const lg_role_state *st, const char *text, const char *prev,
                               const char *value, const char *next)
{
    sentence s, v;
    load(&s, text);
    load(&v, value);
    size_t start = find(&s, value);
    size_t prev_end = 0, next_start = s.n;
    if (prev) {
        sentence p;
        load(&p, prev);
        prev_end = find(&s, prev) + p.n;
    }
    if (next)
        next_start = find(&s, next);
    lg_status status;
    lg_role_value at = {s.cp, s.n, start, start + v.n, prev_end, next_start};
    return lg_role_read(lx_defaults(&status), st, &at);
}

static const char *role(const char *text, const char *prev, const char *value, const char *next)
{
    lg_role_reading r = read_in(NULL, text, prev, value, next);
    return lg_role_settle(&r, 0, 2023);
}

static void test_baseline(void)
{
    const char *t = "审批事项由860项精简到312项。";
    TEST_STREQ("由X到Y: X", role(t, NULL, "860项", "312项"), "baseline");
    TEST_STREQ("由X到Y: Y", role(t, "860项", "312项", NULL), "actual");
    TEST_STREQ("从X年的X增加到Y", role("执业律师从2019年的410人增加到600人。", NULL, "410人", "600人"), "baseline");
    TEST_STREQ("压缩至", role("办理时限由20个工作日压缩至5个工作日。", NULL, "20个工作日", "5个工作日"), "baseline");
    TEST_STREQ("由于 is no 由", role("由于案件增多，办理案件300件，增加到", NULL, "300件", NULL), "actual");
    TEST_STREQ("从业 is no 从", role("律师从业人员1200人至1500人", NULL, "1200人", "1500人"), "actual");
    TEST_STREQ("no 到 between: no pair", role("由市司法局牵头办理案件300件、400件。", NULL, "300件", "400件"), "actual");
    lg_role_reading r = read_in(NULL, "受理案件420件，比2021年的310件增加110件。", "420件", "310件", "110件");
    TEST_COND("比2021年的310件: baseline", r.role == LG_ROLE_BASELINE);
    TEST_COND("... of 2021", r.year == 2021);
    r = read_in(NULL, "受理案件420件，较上年同期的380件有所增长。", "420件", "380件", NULL);
    TEST_COND("较上年同期的: the year before", r.role == LG_ROLE_BASELINE && r.has_delta && r.delta == -1);
    TEST_STREQ("同比增长 is a change, not a base", role("受理案件420件，同比增长12%。", "420件", "12%", NULL), "actual");
    TEST_STREQ("比2021年增加 has no base figure", role("受理案件420件，比2021年增加110件。", "420件", "110件", NULL), "actual");
}

static void test_target(void)
{
    TEST_STREQ("力争", role("力争全年办结率达到98%。", NULL, "98%", NULL), "target");
    TEST_STREQ("力争 across a comma", role("力争到2026年，全市公共法律服务中心达到120个。", NULL, "120个", NULL), "target");
    TEST_STREQ("年度目标", role("下达法律援助年度目标1000件。", NULL, "1000件", NULL), "target");
    TEST_STREQ("完成年度目标 is reached", role("完成年度目标1000件。", NULL, "1000件", NULL), "actual");
    TEST_STREQ("确保…不低于", role("确保行政复议纠错率不低于10%。", NULL, "10%", NULL), "target");
    TEST_STREQ("计划", role("全年计划培训执法人员800人次。", NULL, "800人次", NULL), "target");
    TEST_STREQ("完成年度目标 is achieved", role("超额完成年度目标，办理案件1200件。", NULL, "1200件", NULL), "actual");
    TEST_STREQ("以…为目标，… is the aim", role("以建设法治政府为目标，办理案件1200件。", NULL, "1200件", NULL), "actual");
    TEST_STREQ("a plan named in another clause", role("纳入学习计划和培训内容，举办培训19期。", NULL, "19期", NULL), "actual");
    TEST_STREQ("《…计划》 is a title", role("印发《普法工作计划》等文件12件。", NULL, "12件", NULL), "actual");
    TEST_STREQ("已 between cue and figure", role("力争年底前完成，目前已办理850件。", NULL, "850件", NULL), "actual");
    TEST_STREQ("到2025年 after the report's year", role("到2025年网上可办率达到99%。", NULL, "99%", NULL), "target");
    TEST_STREQ("到2023年底 in a report on 2023", role("到2023年底，全市共有律师1200人。", NULL, "1200人", NULL), "actual");
    TEST_STREQ("截至2025年 is no goal", role("截至2025年6月，全市共有律师1200人。", NULL, "1200人", NULL), "actual");
    TEST_STREQ("an ordinary figure", role("全年办理法律援助案件2320件。", NULL, "2320件", NULL), "actual");
}

static lg_role reading_after(lg_role_state *st, const char *heading, const char *text, const char *value)
{
    sentence h;
    load(&h, heading);
    lg_status status;
    lg_role_sentence(lx_defaults(&status), st, h.cp, h.n, 1);
    return read_in(st, text, NULL, value, NULL).role;
}

static void test_plan_sections(void)
{
    lg_role_state st;
    memset(&st, 0, sizeof st);
    TEST_COND("before any plan heading", reading_after(&st, "一、2023年工作情况", "办理案件300件。", "300件") == LG_ROLE_ACTUAL);
    TEST_COND("四、下一步工作打算 opens a plan section",
              reading_after(&st, "四、下一步工作打算", "全年办理案件500件。", "500件") == LG_ROLE_TARGET);
    TEST_COND("a sub-heading stays inside it",
              reading_after(&st, "（一）加强行政复议", "办理案件600件。", "600件") == LG_ROLE_TARGET);
    lg_role_reading r = read_in(&st, "办理案件600件。", NULL, "600件", NULL);
    TEST_COND("a plan section's figure is for the year after", r.plan_section);
    TEST_COND("a heading of the same level closes it",
              reading_after(&st, "五、附表", "办理案件700件。", "700件") == LG_ROLE_ACTUAL);
    TEST_COND("a paragraph opening with 下一步",
              reading_after(&st, "下一步，我们将持续推进", "新建调解组织20个。", "20个") == LG_ROLE_TARGET);
    sentence p;
    load(&p, "全年办结案件300件。");
    lg_status status;
    lg_role_sentence(lx_defaults(&status), &st, p.cp, p.n, 1);
    TEST_COND("... for that paragraph only",
              read_in(&st, "全年办结案件300件。", NULL, "300件", NULL).role == LG_ROLE_ACTUAL);
}

int main(void)
{
    lg_status status;
    TEST_COND("the words load", lx_defaults(&status) != NULL);
    test_baseline();
    test_target();
    test_plan_sections();
    lx_release_defaults();
    return TEST_REPORT();
}
