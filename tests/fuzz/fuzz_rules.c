/* fuzz_rules.c - libFuzzer harness for the rules parser: arbitrary text as a
 * users' --rules file through lg_lexicon_add_string.
 *
 * Text with a NUL byte goes through lg_lexicon_add_file (a temporary file),
 * as a users' file with a NUL would; other text through the string call.
 * The text either builds (LG_OK) or is refused with LG_ERR_ARG and an error
 * that names the file and a line >= 1 within the text, with a reason; it
 * never crashes or leaks.  A lexicon that builds must then extract from a
 * fixed report without failing (its units make the value pattern), and its
 * dump must read back to the same dump.
 *
 * Build and run: tests/fuzz/run.sh rules */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lawgov.h"

#define CHECK(cond, ...)                                                    \
    do {                                                                    \
        if (!(cond)) {                                                      \
            fprintf(stderr, "fuzz_rules: check failed: %s: ", #cond);       \
            fprintf(stderr, __VA_ARGS__);                                   \
            fputc('\n', stderr);                                            \
            abort();                                                        \
        }                                                                   \
    } while (0)

static const char REPORT[] =
    "包头市2023年法治政府建设年度报告\n"
    "2023年，全市办理行政复议案件123件，同比增长12.5%，较上年减少3个百分点。\n"
    "行政诉讼败诉率为0.5%，受理申请1.2万件，百分之九十五的事项在5个工作日内办结。\n"
    "| 指标 | 2022年 | 2023年 |\n| 复议案件 | 100 | 123 |\n";

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

static int on_record(const lg_record *r, void *user)
{
    (void)user;
    CHECK(r->value_str && r->metric && r->text, "a required string is NULL");
    return 0;
}

static int on_sentence(const lg_sentence *s, void *user)
{
    (void)user;
    CHECK(s->text && strlen(s->text) == s->len, "sentence length");
    return 0;
}

static char *dump(const lg_lexicon *lex, size_t *len)
{
    char *buf = NULL;
    FILE *f = open_memstream(&buf, len);
    CHECK(f != NULL, "open_memstream");
    CHECK(lg_lexicon_dump(lex, f) == LG_OK, "dump failed");
    CHECK(fclose(f) == 0, "fclose");
    return buf;
}

/* The dump of a lexicon is a rules text that gives the same lists. */
static void check_dump(const lg_lexicon *lex)
{
    size_t n1, n2;
    char *d1 = dump(lex, &n1);
    lg_lexicon *again;
    CHECK(lg_lexicon_new(&again) == LG_OK, "lg_lexicon_new");
    lg_rules_error err;
    lg_status st = lg_lexicon_add_string(again, "dump", d1, &err);
    CHECK(st == LG_OK, "the dump does not read back: line %ld: %s", err.line, err.reason);
    char *d2 = dump(again, &n2);
    CHECK(n1 == n2 && !memcmp(d1, d2, n1), "the dump reads back to other lists");
    free(d1);
    free(d2);
    lg_lexicon_free(again);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    if (lg_init() != LG_OK)
        abort();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = malloc(size + 1);
    CHECK(text != NULL, "out of memory");
    memcpy(text, data, size);
    text[size] = '\0';
    long lines = 1;
    for (size_t i = 0; text[i]; i++)
        lines += text[i] == '\n';
    lg_lexicon *lex;
    CHECK(lg_lexicon_new(&lex) == LG_OK, "lg_lexicon_new");
    lg_rules_error err;
    memset(&err, 0x55, sizeof err);
    int nul = memchr(data, 0, size) != NULL;
    char path[64] = "fuzz.rules";
    lg_status st;
    if (nul) {
        snprintf(path, sizeof path, "/tmp/fuzz_rules.%ld", (long)getpid());
        FILE *f = fopen(path, "wb");
        CHECK(f && fwrite(data, 1, size, f) == size && fclose(f) == 0, "writing %s", path);
        lines = 1;
        for (size_t i = 0; i < size; i++)
            lines += data[i] == '\n';
        st = lg_lexicon_add_file(lex, path, &err);
        unlink(path);
    } else {
        st = lg_lexicon_add_string(lex, "fuzz.rules", text, &err);
    }
    if (st != LG_OK) {
        CHECK(st == LG_ERR_ARG, "status %s", lg_status_str(st));
        CHECK(memchr(err.file, 0, sizeof err.file) && !strcmp(err.file, path),
              "error file");
        CHECK(err.line >= 1 && err.line <= lines, "error line %ld of %ld", err.line, lines);
        CHECK(memchr(err.reason, 0, sizeof err.reason) && err.reason[0], "error reason");
        CHECK(utf8_ok(err.reason), "error reason not UTF-8: %s", err.reason);
    }
    /* a bad line leaves the lines before it in effect: the lexicon is usable */
    lg_config cfg;
    memset(&cfg, 0, sizeof cfg);
    cfg.on_record = on_record;
    cfg.on_sentence = on_sentence;
    cfg.lexicon = lex;
    st = lg_extract_buffer(&cfg, REPORT, sizeof REPORT - 1, "fuzz", NULL);
    CHECK(st == LG_OK, "extract: status %s", lg_status_str(st));
    check_dump(lex);
    lg_lexicon_free(lex);
    free(text);
    return 0;
}
