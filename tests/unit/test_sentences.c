/* test_sentences.c - lg_config.on_sentence through the public API: each
 * normalized sentence with the input position of every character, before
 * any record found in it, and every record before the sentence that
 * follows LG_HOLD_CHARS characters of sentences from its own. */
#include <stdlib.h>
#include <string.h>

#include "lawgov.h"
#include "test.h"

#define MAX_SENTENCES 20000

typedef struct seen {
    const char *input;         /* the bytes given to lg_extract_buffer */
    long long chars;           /* characters of the sentences so far */
    int sentences;
    long long sentence_from[MAX_SENTENCES], sentence_to[MAX_SENTENCES]; /* input offsets */
    long long chars_at[MAX_SENTENCES]; /* characters before each sentence */
    unsigned flags[MAX_SENTENCES];
    char *last_text;           /* of the newest sentence */
    char encoding[32];
    int bad_map;               /* a character whose offset does not hold it */
    int bad_bytes;             /* byte indexes not rising through the text */
    int records, late, before_sentence, text_not_there;
    long long max_delay;       /* characters from a record's sentence to the newest */
    int stop_after;            /* stop at this sentence (0: never) */
    char *texts;               /* every sentence's text, concatenated */
    size_t texts_len;
    int reports, records_before_report; /* on_report */
    char report_city[64], report_district[64];
    int report_year;
} seen;

static void on_report(const lg_report *r, void *user)
{
    seen *w = user;
    w->reports++;
    w->records_before_report = w->records;
    snprintf(w->report_city, sizeof w->report_city, "%s", r->city ? r->city : "(null)");
    snprintf(w->report_district, sizeof w->report_district, "%s", r->district ? r->district : "(null)");
    w->report_year = r->year;
}

static int on_sentence(const lg_sentence *s, void *user)
{
    seen *w = user;
    int i = w->sentences;
    if (i < MAX_SENTENCES && s->n_chars) {
        w->sentence_from[i] = s->chars[0].offset;
        w->sentence_to[i] = s->chars[s->n_chars - 1].offset;
        w->chars_at[i] = w->chars;
        w->flags[i] = s->flags;
        w->sentences++;
    }
    w->chars += (long long)s->n_chars;
    if (s->encoding)
        snprintf(w->encoding, sizeof w->encoding, "%s", s->encoding);
    for (size_t k = 0; k < s->n_chars; k++) {
        const lg_sentence_char *c = &s->chars[k];
        if (k && c->byte <= s->chars[k - 1].byte)
            w->bad_bytes++;
        /* in a UTF-8 input that needs no repair, the character is the
         * input's bytes at its offset */
        size_t len = (k + 1 < s->n_chars ? s->chars[k + 1].byte : s->len) - c->byte;
        if (strncmp(w->input + c->offset, s->text + c->byte, len) != 0)
            w->bad_map++;
    }
    free(w->last_text);
    w->last_text = strdup(s->text);
    char *t = realloc(w->texts, w->texts_len + s->len + 1);
    if (t) {
        memcpy(t + w->texts_len, s->text, s->len + 1);
        w->texts = t;
        w->texts_len += s->len;
    }
    return w->stop_after && w->sentences >= w->stop_after;
}

static int on_record(const lg_record *r, void *user)
{
    seen *w = user;
    w->records++;
    int i = w->sentences - 1;
    while (i >= 0 && w->sentence_from[i] > r->offset)
        i--;
    if (i < 0 || r->offset > w->sentence_to[i]) {
        w->before_sentence++;  /* no sentence passed yet holds it */
        return 0;
    }
    /* the characters from its sentence's start to the newest sentence's:
     * LG_HOLD_CHARS of them, and it would have come before the newest */
    long long delay = w->chars_at[w->sentences - 1] - w->chars_at[i];
    if (delay > w->max_delay)
        w->max_delay = delay;
    if (i != w->sentences - 1)
        w->late++;
    if (strncmp(w->input + r->offset, r->text, strlen(r->text)) != 0)
        w->text_not_there++;
    return 0;
}

static lg_status run(seen *w, const char *input, size_t len)
{
    memset(w, 0, sizeof *w);
    w->input = input;
    lg_config cfg;
    memset(&cfg, 0, sizeof cfg);
    cfg.on_record = on_record;
    cfg.on_sentence = on_sentence;
    cfg.on_report = on_report;
    cfg.user = w;
    return lg_extract_buffer(&cfg, input, len, "report.txt", NULL);
}

static void done(seen *w)
{
    free(w->last_text);
    free(w->texts);
}

int main(void)
{
    seen w;
    TEST_COND("lg_init", lg_init() == LG_OK);

    const char *doc = "包头市2023年法治政府建设情况报告\n\n"
                      "一年来，全市受理行政复议案件120件，办结率达98.5%。培训执法人员3000人次。\n\n"
                      "全年调解纠纷4.6万件；法律援助案件增长12%。\n";
    TEST_COND("extracts", run(&w, doc, strlen(doc)) == LG_OK);
    TEST_COND("sentences passed", w.sentences >= 4);
    TEST_STREQ("the encoding", w.encoding, "UTF-8");
    TEST_COND("every character maps to its input bytes", w.bad_map == 0);
    TEST_COND("byte indexes rise", w.bad_bytes == 0);
    TEST_COND("records found", w.records >= 5);
    TEST_COND("no record before its sentence", w.before_sentence == 0);
    TEST_COND("each record's text stands at its offset", w.text_not_there == 0);
    TEST_COND("the first sentence opens a paragraph", w.flags[0] & LG_SENTENCE_PARA_START);
    int paras = 0;
    for (int i = 0; i < w.sentences; i++)
        paras += (w.flags[i] & LG_SENTENCE_PARA_START) != 0;
    TEST_COND("three paragraphs", paras == 3);
    TEST_COND("the text is normalized, sentence by sentence",
              w.texts && strstr(w.texts, "培训执法人员3000人次。全年调解纠纷4.6万件；") != NULL);
    TEST_COND("on_report once, before the first record", w.reports == 1 && w.records_before_report == 0);
    TEST_STREQ("the report's city", w.report_city, "包头市");
    TEST_STREQ("no county", w.report_district, "(null)");
    TEST_COND("the report's year", w.report_year == 2023);
    done(&w);

    const char *county = "余杭区2022年法治政府建设年度报告\n\n全年办理法律援助案件320件。\n";
    TEST_COND("a county's report", run(&w, county, strlen(county)) == LG_OK);
    TEST_STREQ("its city", w.report_city, "杭州市");
    TEST_STREQ("its county", w.report_district, "余杭区");
    TEST_COND("its year", w.report_year == 2022 && w.reports == 1);
    done(&w);

    const char *bare = "全年办理案件12件。\n";
    TEST_COND("a report naming no place", run(&w, bare, strlen(bare)) == LG_OK);
    TEST_COND("on_report with no city and no year", w.reports == 1 &&
              strcmp(w.report_city, "(null)") == 0 && w.report_year == 0);
    done(&w);

    /* records are held back while the report's city and year settle, then
     * come at most LG_HOLD_CHARS characters after their sentence */
    const char *unit = "全年受理案件12件。";
    size_t n = 12000, ulen = strlen(unit);
    char *big = malloc(n * ulen + 1);
    for (size_t i = 0; i < n; i++)
        memcpy(big + i * ulen, unit, ulen);
    big[n * ulen] = '\0';
    TEST_COND("a long report extracts", run(&w, big, n * ulen) == LG_OK);
    TEST_COND("every value found", w.records == (int)n);
    TEST_COND("no record before its sentence (long)", w.before_sentence == 0);
    TEST_COND("some records held back", w.late > 0);
    TEST_COND("none held LG_HOLD_CHARS characters", w.max_delay > 0 && w.max_delay < LG_HOLD_CHARS);
    done(&w);
    free(big);

    /* a sentence callback that says stop */
    const char *three = "甲市受理案件1件。\n\n乙市受理案件2件。\n\n丙市受理案件3件。\n";
    memset(&w, 0, sizeof w);
    w.input = three;
    w.stop_after = 2;
    lg_config cfg;
    memset(&cfg, 0, sizeof cfg);
    cfg.on_record = on_record;
    cfg.on_sentence = on_sentence;
    cfg.user = &w;
    TEST_COND("stopping from on_sentence: LG_ERR_STOPPED",
              lg_extract_buffer(&cfg, three, strlen(three), "x", NULL) == LG_ERR_STOPPED);
    TEST_COND("no sentence after the stop", w.sentences == 2);
    done(&w);

    /* GB18030: the text is UTF-8, the offsets the input's */
    const char gb[] = "\xb0\xfc\xcd\xb7\xca\xd0" "2023" "\xc4\xea" "12" "\xbc\xfe\xa1\xa3\n"; /* 包头市2023年12件。 */
    memset(&w, 0, sizeof w);
    w.input = gb;
    memset(&cfg, 0, sizeof cfg);
    cfg.on_record = on_record;
    cfg.user = &w;
    cfg.on_sentence = on_sentence;
    lg_extract_buffer(&cfg, gb, sizeof gb - 1, "x", NULL);
    TEST_STREQ("GB18030 detected", w.encoding, "GB18030");
    TEST_COND("the sentence in UTF-8", w.last_text && strstr(w.last_text, "包头市2023年") != NULL);
    TEST_COND("its first character at offset 0", w.sentences && w.sentence_from[0] == 0);
    done(&w);

    lg_cleanup();
    return TEST_REPORT();
}
