/* test_script.c - the script stage: which characters count as traditional,
 * simplified sentences passed through untouched (the same array, no copy),
 * traditional ones converted with every character keeping the input
 * position of the character it came from. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "script.h"
#include "test.h"
#include "text.h"

typedef struct seen {
    const lg_char *chars;
    size_t n;
    unsigned flags;
    char text[512];
    long long offsets[128];
} seen;

static int record_sentence(void *user, const lg_char *c, size_t n, unsigned flags)
{
    seen *s = user;
    s->chars = c;
    s->n = n;
    s->flags = flags;
    size_t len = 0;
    for (size_t i = 0; i < n && len + 4 < sizeof s->text; i++) {
        len += utf8_encode(c[i].cp, s->text + len);
        if (i < 128)
            s->offsets[i] = c[i].offset;
    }
    s->text[len] = '\0';
    return 0;
}

/* lg_chars of a UTF-8 string, offset = byte index, all on line 1 */
static size_t chars_of(const char *s, lg_char *out, size_t cap)
{
    size_t n = 0;
    for (size_t at = 0; s[at] && n < cap; n++) {
        uint32_t cp;
        size_t len = utf8_decode_one(s + at, &cp);
        out[n] = (lg_char){cp, 1, (long long)at};
        at += len;
    }
    return n;
}

static void test_classes(void)
{
    TEST_COND("調 is traditional", lg_is_traditional(0x8ABF));
    TEST_COND("萬 is traditional", lg_is_traditional(0x842C));
    TEST_COND("调 is not", !lg_is_traditional(0x8C03));
    TEST_COND("万 is not", !lg_is_traditional(0x4E07));
    TEST_COND("件 is not", !lg_is_traditional(0x4EF6));
    TEST_COND("著 (also simplified) is not", !lg_is_traditional(0x8457));
    TEST_COND("ASCII is not", !lg_is_traditional('5'));
    TEST_COND("past the tables is not", !lg_is_traditional(0x20000));
}

static void test_pass_through(void)
{
    seen got = {0};
    lg_script *s;
    TEST_COND("new", lg_script_new(&s, record_sentence, &got, NULL, NULL) == LG_OK);
    lg_char c[64];
    size_t n = chars_of("全市办理法律援助案件2320件。", c, 64);
    TEST_COND("sink returns 0", lg_script_sentence(s, c, n, 1u) == 0);
    TEST_COND("simplified: the caller's array itself", got.chars == c && got.n == n);
    TEST_COND("flags passed on", got.flags == 1u);
    TEST_COND("nothing converted", lg_script_converted(s) == 0);
    lg_script_free(s);
}

static void test_convert(void)
{
    seen got = {0};
    lg_script *s;
    TEST_COND("new", lg_script_new(&s, record_sentence, &got, NULL, NULL) == LG_OK);
    lg_char c[64];
    const char *in = "全市辦理法律援助案件2320件，調解糾紛1.2萬件。";
    size_t n = chars_of(in, c, 64);
    lg_script_sentence(s, c, n, 0);
#ifdef LG_HAVE_OPENCC
    TEST_STREQ("converted", got.text, "全市办理法律援助案件2320件，调解纠纷1.2万件。");
    TEST_COND("one sentence converted", lg_script_converted(s) == 1);
    TEST_COND("same length", got.n == n);
    int same = got.n == n;
    for (size_t i = 0; same && i < n; i++)
        same = got.offsets[i] == c[i].offset;
    TEST_COND("every character keeps its input offset", same);
#else
    TEST_COND("without OpenCC: passed on unconverted", got.chars == c);
#endif
    lg_script_free(s);
}

/* A string the script stage does not see (a table cell) is converted in
 * place, left alone when simplified, and left whole when it cannot fit. */
static void test_simplify(void)
{
    char cell[32] = "調解糾紛860個";
    char plain[32] = "调解纠纷860个";
    char tight[8] = "萬件";
    TEST_COND("simplified: nothing to do", lg_script_simplify(plain, sizeof plain) == 0);
    TEST_STREQ("simplified: unchanged", plain, "调解纠纷860个");
#ifdef LG_HAVE_OPENCC
    TEST_COND("traditional: converted", lg_script_simplify(cell, sizeof cell) == 1);
    TEST_STREQ("traditional: in simplified script", cell, "调解纠纷860个");
    TEST_COND("no room: not converted", lg_script_simplify(tight, 4) == -1);
    TEST_STREQ("no room: unchanged", tight, "萬件");
#else
    TEST_COND("without OpenCC: not converted", lg_script_simplify(cell, sizeof cell) == -1);
    TEST_STREQ("without OpenCC: unchanged", cell, "調解糾紛860個");
    (void)tight;
#endif
}

/* A report that has shown thousands of simplified ideographs is not
 * checked further; one that has shown traditional text is checked to the
 * end. */
static void test_watching(void)
{
    seen got = {0};
    lg_script *s;
    lg_char c[64];
    TEST_COND("new", lg_script_new(&s, record_sentence, &got, NULL, NULL) == LG_OK);
    size_t n = chars_of("全市办理法律援助案件二千三百二十件和调解纠纷一万件。", c, 64);
    for (int i = 0; i < 400; i++)
        lg_script_sentence(s, c, n, 0);
    n = chars_of("調解糾紛1.2萬件。", c, 64);
    lg_script_sentence(s, c, n, 0);
    TEST_COND("after a long simplified report: not checked", got.chars == c);
    lg_script_free(s);
#ifdef LG_HAVE_OPENCC
    TEST_COND("new", lg_script_new(&s, record_sentence, &got, NULL, NULL) == LG_OK);
    lg_script_sentence(s, c, n, 0);
    size_t m = chars_of("全市办理法律援助案件二千三百二十件和调解纠纷一万件。", c, 64);
    for (int i = 0; i < 400; i++)
        lg_script_sentence(s, c, m, 0);
    n = chars_of("調解糾紛1.2萬件。", c, 64);
    lg_script_sentence(s, c, n, 0);
    TEST_COND("a traditional report: checked to its end", got.chars != c &&
              lg_script_converted(s) == 2);
    lg_script_free(s);
#endif
}

int main(void)
{
    test_classes();
    test_watching();
    test_pass_through();
    test_convert();
    test_simplify();
    lg_script_cleanup();
    return TEST_REPORT();
}
