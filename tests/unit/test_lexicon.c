/* test_lexicon.c - the rules machinery through the public API: the parser
 * (sections, +/-, fields, "= value", every kind of bad line with its line
 * number and reason), two lexicons in one process giving different
 * records, the dump read back, and lg_cleanup() then lg_init() and an
 * extraction.  Single rules (a unit, an alias...) are tested as data in
 * tests/rules/user-rules.txt. */
#include <stdlib.h>
#include <string.h>

#include "lawgov.h"
#include "test.h"

/* The records of one extraction, as "unit/kind/city|" strings. */
typedef struct seen {
    char text[1024];
    int count;
} seen;

static int collect(const lg_record *r, void *user)
{
    seen *s = user;
    size_t len = strlen(s->text);
    snprintf(s->text + len, sizeof s->text - len, "%s/%s/%s|", r->unit, r->kind,
             r->city ? r->city : "-");
    s->count++;
    return 0;
}

static lg_status extract(const lg_lexicon *lx, const char *text, seen *out)
{
    memset(out, 0, sizeof *out);
    lg_config cfg;
    memset(&cfg, 0, sizeof cfg);
    cfg.default_year = 2023;
    cfg.on_record = collect;
    cfg.user = out;
    cfg.lexicon = lx;
    return lg_extract_buffer(&cfg, text, strlen(text), "t", NULL);
}

/* Does text fail to parse at line with a reason containing why? */
static int fails_at(const char *text, long line, const char *why)
{
    lg_lexicon *lx;
    if (lg_lexicon_new(&lx) != LG_OK)
        return 0;
    lg_rules_error err;
    memset(&err, 0, sizeof err);
    lg_status st = lg_lexicon_add_string(lx, "my.rules", text, &err);
    int ok = st == LG_ERR_ARG && err.line == line && strstr(err.reason, why) &&
             !strcmp(err.file, "my.rules");
    if (!ok)
        fprintf(stderr, "  %s -> %d %s:%ld: %s\n", text, st, err.file, err.line, err.reason);
    lg_lexicon_free(lx);
    return ok;
}

static void test_bad_lines(void)
{
    TEST_COND("unknown section", fails_at("[units]\n+羽 measure\n[unitz]\n", 3, "unknown section [unitz]"));
    TEST_COND("entry before a section", fails_at("# a comment\n+羽 measure\n", 2, "before any [section]"));
    TEST_COND("unit kind unknown", fails_at("[units]\n+羽 weight\n", 2, "unknown unit kind"));
    TEST_COND("unit kind missing", fails_at("[units]\n+羽\n", 2, "needs a field"));
    TEST_COND("unit too long", fails_at("[units]\n+一二三四五六七八九 count\n", 2, "too long"));
    TEST_COND("field in a word list", fails_at("[count-verbs]\n+办理 verb\n", 2, "no fields"));
    TEST_COND("= in a word list", fails_at("[count-verbs]\n+办理 = 处理\n", 2, "no \"=\""));
    TEST_COND("alias without =", fails_at("[places]\n+高新区\n", 2, "needs \"= full name\""));
    TEST_COND("alias to an unknown place", fails_at("[places]\n+高新区 = 火星市\n", 2, "unknown place"));
    TEST_COND("alias of one character", fails_at("[places]\n+区 = 包头市\n", 2, "shorter than two"));
    TEST_COND("empty value", fails_at("[places]\n+高新区 =\n", 2, "nothing after"));
    TEST_COND("meaning unknown", fails_at("[qualifiers-before]\n+起码 many\n", 2, "unknown meaning"));
    TEST_COND("numeral of two characters", fails_at("[numerals]\n+廿一 21\n", 2, "not one character"));
    TEST_COND("numeral value", fails_at("[numerals]\n+廿 twenty\n", 2, "bad numeral value"));
    TEST_COND("removing what is not there", fails_at("[units]\n-羽\n", 2, "not in this section"));
    TEST_COND("not UTF-8", fails_at("[units]\n+\xBD\xEF measure\n", 2, "not UTF-8"));
    TEST_COND("section line with more", fails_at("[units] +羽\n", 1, "alone on its line"));
    TEST_COND("an entry without a word", fails_at("[units]\n+ = x\n", 2, "without a word"));
}

/* Is s valid UTF-8 (the CLI prints the reason as it is)? */
static int utf8_ok(const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p;) {
        int k = *p < 0x80 ? 1 : *p >= 0xF0 ? 4 : *p >= 0xE0 ? 3 : *p >= 0xC2 ? 2 : 0;
        if (!k)
            return 0;
        for (int i = 1; i < k; i++)
            if ((p[i] & 0xC0) != 0x80)
                return 0;
        p += k;
    }
    return 1;
}

/* Rules files as users' editors and scripts write them. */
static void test_hostile_rules(void)
{
    lg_lexicon *lx;
    lg_rules_error err;
    if (lg_lexicon_new(&lx) != LG_OK)
        return;
    TEST_COND("a byte order mark and CRLF lines",
              lg_lexicon_add_string(lx, "bom", "\xEF\xBB\xBF[units]\r\n+斤 measure\r\n", &err) == LG_OK);
    /* a long word quoted in the reason: cut at a character, not a byte */
    char text[1024] = "[units]\n+x";
    for (int i = 0; i < 100; i++)
        strcat(text, "宗");
    strcat(text, " count\n");
    memset(&err, 0, sizeof err);
    TEST_COND("a long unit is refused", lg_lexicon_add_string(lx, "long", text, &err) == LG_ERR_ARG &&
                                            err.line == 2);
    TEST_COND("its reason stays UTF-8", utf8_ok(err.reason));
    lg_lexicon_free(lx);
    /* thousands of units outgrow PCRE2's pattern size: a user's error, with
     * the file and a line, never an uninitialized error */
    static const char CS[] = "甲乙丙丁戊己庚辛壬癸子丑寅卯";
    size_t ncs = (sizeof CS - 1) / 3;
    size_t cap = 5000 * 24 + 16, len = 0;
    char *big = malloc(cap);
    if (!big || lg_lexicon_new(&lx) != LG_OK) {
        free(big);
        return;
    }
    len += (size_t)snprintf(big, cap, "[units]\n");
    for (size_t i = 0; i < 5000; i++) {
        big[len++] = '+';
        for (size_t k = 0, v = i; k < 4; k++, v /= ncs)
            memcpy(big + len, CS + 3 * (v % ncs), 3), len += 3;
        len += (size_t)snprintf(big + len, cap - len, "元 money\n");
    }
    memset(&err, 0, sizeof err);
    lg_status st = lg_lexicon_add_string(lx, "many.rules", big, &err);
    TEST_COND("thousands of units: ok, or refused with a line",
              st == LG_OK || (st == LG_ERR_ARG && err.line == 5001 && !strcmp(err.file, "many.rules") &&
                              strstr(err.reason, "too large")));
    seen after;
    TEST_COND("and the lexicon still extracts",
              extract(lx, "办理案件12件。", &after) == LG_OK && !strcmp(after.text, "件/count/-|"));
    lg_lexicon_free(lx);
    free(big);
}

static void test_good_lines(void)
{
    lg_lexicon *lx;
    TEST_COND("lg_lexicon_new", lg_lexicon_new(&lx) == LG_OK);
    lg_rules_error err;
    /* comments, blank lines, CRLF, spaces and tabs, bare and + entries */
    const char *text = "# mine\r\n\r\n  [units]  \r\n+羽\tmeasure\r\n尾 count\r\n"
                       "[places]\n高新区   =   包头市稀土高新技术产业开发区\n";
    TEST_COND("good rules", lg_lexicon_add_string(lx, "mine", text, &err) == LG_OK);
    seen s;
    extract(lx, "家禽出栏达到189亿羽，放流鱼苗3万尾。高新区办理案件12件。", &s);
    TEST_STREQ("units and alias", s.text, "羽/measure/包头市|尾/count/包头市|件/count/包头市|");
    /* the same word again changes its fields, keeps its place */
    TEST_COND("re-adding", lg_lexicon_add_string(lx, "again", "[units]\n+羽 count\n", &err) == LG_OK);
    extract(lx, "家禽出栏达到189亿羽。", &s);
    TEST_STREQ("kind changed", s.text, "羽/count/-|");
    TEST_COND("removing", lg_lexicon_add_string(lx, "rm", "[units]\n-羽\n", &err) == LG_OK);
    extract(lx, "家禽出栏达到189亿羽。", &s);
    TEST_STREQ("unit removed", s.text, "/count/-|");
    lg_lexicon_free(lx);
}

/* Two configurations in one process, and the defaults untouched. */
/* A file that fails (a bad line after good ones) adds nothing: the
 * lexicon is as it was, and usable. */
static void test_all_or_nothing(void)
{
    lg_lexicon *lx;
    lg_rules_error err;
    if (lg_lexicon_new(&lx) != LG_OK)
        return;
    const char *text = "家禽出栏达到189亿羽，办理案件12件。";
    seen before, after;
    extract(lx, text, &before);
    TEST_COND("a bad third line is refused",
              lg_lexicon_add_string(lx, "half", "[units]\n+羽 measure\n-件\n+x nosuchkind\n", &err) ==
                  LG_ERR_ARG && err.line == 4);
    TEST_COND("the lexicon still extracts", extract(lx, text, &after) == LG_OK);
    TEST_STREQ("and its lines before it were not added", after.text, before.text);
    TEST_COND("a good file after it is added",
              lg_lexicon_add_string(lx, "good", "[units]\n+羽 measure\n", &err) == LG_OK);
    extract(lx, text, &after);
    TEST_STREQ("with its unit", after.text, "羽/measure/-|件/count/-|");
    lg_lexicon_free(lx);
}

static void test_two_lexicons(void)
{
    lg_lexicon *a, *b;
    lg_rules_error err;
    TEST_COND("two lexicons", lg_lexicon_new(&a) == LG_OK && lg_lexicon_new(&b) == LG_OK);
    lg_lexicon_add_string(a, "a", "[units]\n+羽 measure\n", &err);
    lg_lexicon_add_string(b, "b", "[units]\n-件\n", &err);
    const char *text = "家禽出栏达到189亿羽，办理案件12件。";
    seen sa, sb, sd;
    extract(a, text, &sa);
    extract(b, text, &sb);
    extract(NULL, text, &sd);
    TEST_STREQ("lexicon a", sa.text, "羽/measure/-|件/count/-|");
    TEST_STREQ("lexicon b", sb.text, "/count/-|");
    TEST_STREQ("defaults", sd.text, "/count/-|件/count/-|");
    lg_lexicon_free(a);
    lg_lexicon_free(b);
}

/* --dump-rules' format read back gives the same lists. */
static void test_dump_read_back(void)
{
    lg_lexicon *lx, *back;
    lg_rules_error err;
    lg_lexicon_new(&lx);
    lg_lexicon_add_string(lx, "a", "[units]\n+羽 measure\n[not-records]\n+“十大”\n", &err);
    char *dump = NULL, *again = NULL;
    size_t n = 0, m = 0;
    FILE *fp = open_memstream(&dump, &n);
    TEST_COND("dump", fp && lg_lexicon_dump(lx, fp) == LG_OK);
    fclose(fp);
    lg_lexicon_new(&back);
    TEST_COND("dump read back", lg_lexicon_add_string(back, "dump", dump, &err) == LG_OK);
    fp = open_memstream(&again, &m);
    lg_lexicon_dump(back, fp);
    fclose(fp);
    TEST_COND("same lists", n == m && memcmp(dump, again, n) == 0);
    TEST_COND("dump holds the added unit", strstr(dump, "\n羽 measure\n") != NULL);
    free(dump);
    free(again);
    lg_lexicon_free(lx);
    lg_lexicon_free(back);
}

static void test_files(void)
{
    lg_lexicon *lx;
    lg_rules_error err;
    lg_lexicon_new(&lx);
    TEST_COND("missing file", lg_lexicon_add_file(lx, "/nonexistent/x.rules", &err) == LG_ERR_IO &&
                                  err.line == 0 && strstr(err.file, "x.rules"));
    const char *path = "build/tests/test_lexicon.rules";
    FILE *fp = fopen(path, "w");
    if (fp) {
        fputs("[units]\n+羽 measure\n[unitz]\n", fp);
        fclose(fp);
    }
    TEST_COND("bad file", lg_lexicon_add_file(lx, path, &err) == LG_ERR_ARG && err.line == 3 &&
                              !strcmp(err.file, path));
    fp = fopen(path, "wb");
    if (fp) {
        fputs("[units]\n+羽 measure\n\0more", fp);
        fwrite("\0", 1, 1, fp);
        fclose(fp);
    }
    TEST_COND("NUL byte", lg_lexicon_add_file(lx, path, &err) == LG_ERR_ARG && err.line == 3);
    TEST_COND("no arguments", lg_lexicon_add_file(NULL, path, &err) == LG_ERR_ARG &&
                                  lg_lexicon_add_string(lx, "x", NULL, &err) == LG_ERR_ARG &&
                                  lg_lexicon_new(NULL) == LG_ERR_ARG);
    remove(path);
    lg_lexicon_free(lx);
    lg_lexicon_free(NULL);
}

/* lg_cleanup() releases the shared defaults; the next extraction builds
 * them again (it used the freed patterns before). */
static void test_cleanup_then_init(void)
{
    seen s;
    TEST_COND("init", lg_init() == LG_OK);
    extract(NULL, "办理案件12件。", &s);
    lg_cleanup();
    TEST_COND("init after cleanup", lg_init() == LG_OK);
    extract(NULL, "办理案件12件。", &s);
    TEST_STREQ("extraction after cleanup and init", s.text, "件/count/-|");
    lg_cleanup();
    TEST_COND("extraction after cleanup alone", extract(NULL, "办理案件12件。", &s) == LG_OK &&
                                                    s.count == 1);
    lg_cleanup();
    lg_cleanup();
}

/* Texts made of rules-like pieces in random order never crash the parser
 * (the sanitizer build runs this), fail only as LG_ERR_ARG with a line
 * inside the text, and leave a lexicon that still extracts. */
static void test_random_rules(void)
{
    static const char *const pieces[] = {
        "[units]", "[places]", "[not-records]", "[numerals]", "[qualifiers-before]",
        "[count-verbs]", "[unitz]", "[", "]", "+", "-", "羽", "万", "十", " measure", " count",
        " reject", " over", " 7", " integer", " = ", "包头市", "高新区", "稀土高新区", "\n", "\r\n",
        "#", " ", "\t", "\xff", "\xe6\x96", "=", "|", "(", "*", "\\", "%",
    };
    unsigned seed = 12345;
    int bad = 0;
    for (int round = 0; round < 300; round++) {
        char text[512];
        size_t len = 0, lines = 1;
        seed = seed * 1103515245u + 12345u;
        int n = (int)(seed >> 16) % 24;
        for (int k = 0; k < n; k++) {
            seed = seed * 1103515245u + 12345u;
            const char *p = pieces[(seed >> 16) % (sizeof pieces / sizeof *pieces)];
            size_t pl = strlen(p);
            if (len + pl + 1 >= sizeof text)
                break;
            memcpy(text + len, p, pl);
            len += pl;
            lines += p[0] == '\n' || (pl > 1 && p[1] == '\n');
        }
        text[len] = '\0';
        lg_lexicon *lx;
        if (lg_lexicon_new(&lx) != LG_OK)
            continue;
        lg_rules_error err;
        memset(&err, 0, sizeof err);
        lg_status st = lg_lexicon_add_string(lx, "random", text, &err);
        if (!(st == LG_OK || (st == LG_ERR_ARG && err.line >= 1 && (size_t)err.line <= lines))) {
            if (!bad++)
                fprintf(stderr, "  status %d at line %ld for: %s\n", st, err.line, text);
        }
        seen s;
        if (extract(lx, "办理案件12件，家禽出栏189万羽。", &s) != LG_OK)
            bad++;
        lg_lexicon_free(lx);
    }
    TEST_COND("random rules texts: no crash, errors with their line", bad == 0);
}

int main(void)
{
    test_bad_lines();
    test_good_lines();
    test_hostile_rules();
    test_all_or_nothing();
    test_two_lexicons();
    test_dump_read_back();
    test_files();
    test_cleanup_then_init();
    test_random_rules();
    lg_cleanup();
    return TEST_REPORT();
}
