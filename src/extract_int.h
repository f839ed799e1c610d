/* extract_int.h - what the extractor's stages share (private).
 *
 * The stages run one way, each in its own file, reading what the ones
 * before found:
 *   sentence.c  the sentence as code points, classes and byte offsets;
 *               clause bounds; matching words and lists at a position
 *   value.c     candidate values: numeral, magnitude, unit, qualifier, kind
 *   reject.c    what only looks like a value (ordinals, dates, labels)
 *   year.c      year and period mentions, and the year of each value
 *   where.c     place mentions, and the city or district of each value
 *   metric.c    the metric name of each value (with metric_around.c;
 *               completed by metric_context.c and metric_topic.c;
 *               metric_int.h is what they share)
 *   table.c     the table reader (with table_cells.c, table_layout.c):
 *               statistical tables cell by cell, from the input's lines
 *   table_prose.c  values in | rows left to prose: label + header names
 *   report.c    the report's own city and year, held records, emission
 *   extract.c   runs them in order for each sentence
 * Every word list comes from the lexicon the extractor holds (lexicon.h). */
#ifndef LG_EXTRACT_INT_H
#define LG_EXTRACT_INT_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "decode.h"
#include "extract.h"
#include "lexicon.h"
#include "number.h"
#include "role.h"
#include "text.h"

/* The report's own city and year are settled once this many characters of
 * it have been read (or at its end): records before that are held back. */
#define SETTLE_CHARS LG_HOLD_CHARS /* the promise lawgov.h makes to on_sentence */
/* The opening, where a report names its city and year. */
#define OPENING_CHARS 400
/* A metric name keeps at most this many characters. */
#define METRIC_MAX_CHARS 24
/* Years after this are no report's year (a code, a phone number). */
#define LATEST_PLAUSIBLE_YEAR 2100
/* Year and place mentions kept per sentence. */
#define MAX_MENTIONS 64
/* Titles of a sentence looked into (more are taken for text). */
#define MAX_TITLES 16
/* Cells of a table row, and header columns remembered. */
#define MAX_CELLS 16
/* A unit as held in a value or record, NUL-padded. */
#define UNIT_BYTES (LX_UNIT_MAX_BYTES + 1)

/* Kinds are these strings and no others, so they compare as pointers. */
extern const char KIND_COUNT[], KIND_MONEY[], KIND_PERCENT[], KIND_CHANGE[], KIND_MULTIPLE[],
    KIND_DURATION[], KIND_MEASURE[], KIND_RANK[];

enum year_mode { YEAR_REPORT, YEAR_EXPLICIT };
/* PERIOD_SINCE_BACK: since period_b years before the record's year (去年以来) */
enum period_mode { PERIOD_NONE, PERIOD_SPAN, PERIOD_SINCE, PERIOD_HALF, PERIOD_SINCE_BACK };
enum city_mode { CITY_REPORT, CITY_PLACE, CITY_NONE };

/* A record, as it is held until the report's city and year are known. */
typedef struct rec {
    long long line, offset;
    int city_mode, place; /* place: a city or county id */
    int year_mode, year;  /* explicit year, or a delta from the report year */
    int from_now;         /* the delta counts from the time of writing (今年, 去年) */
    int period_mode, period_a, period_b;
    char value_str[LG_DECIMAL_MAX];
    char unit[UNIT_BYTES];
    const char *qualifier, *kind;
    lg_role_reading role; /* src/role.c's reading of the value */
    char *metric, *text;
    size_t context; /* index into held sentences, or (size_t)-1 */
    size_t ctx_from, ctx_len; /* the context: bytes of the sentence */
    int part; /* one item of a breakdown: no indicator (a table's 数量 row) */
} rec;

/* Mentions start with their span, so that sentence.c walks either kind. */
typedef struct year_mention {
    size_t start, end;
    int year;        /* explicit year, 0 when relative to the report's */
    int delta;       /* for relative ones: 去年 -1 */
    int period_mode, period_a, period_b;
    int comparison;  /* 比2022年, 较去年: a base, not the figure's year */
    int same_as_before; /* 当年: the year the sentence named before it */
    int target;      /* 到2025年: a goal */
    int pair;        /* 2020年的35人: governs the next value only */
    int from_now;    /* 今年 去年 上年 前年 本年: counted from the time of writing */
    int in_title;    /* inside a 《title》: names a document, governs no figure outside it */
    int plan;        /* a five-year plan's period (十三五期间) */
    int bare;        /* written without 年 (2023总共…) */
    size_t bracket_close; /* the ) closing brackets around it: it governs up to there; 0 when none */
} year_mention;

typedef struct place_mention {
    size_t start, end;
    int id;
} place_mention;

typedef struct value {
    size_t start, end;   /* chars: the numeral's first .. past the unit */
    size_t num_start;    /* after a leading qualifier word (same as start) */
    char dec[LG_DECIMAL_MAX];
    char unit[UNIT_BYTES];
    const char *qualifier, *kind;
    int chinese, single_cjk;
    int places;   /* the power of ten its magnitude words gave (万 4, 亿 8) */
    const lx_entry *unit_entry; /* the [units] entry the unit was matched as, or NULL
                                 * (unit_lookup's guess: the unit may change after) */
    int in_range; /* an end of a range (三到五年): the first takes the second's unit */
} value;

/* Chars [a, b) of the sentence. */
typedef struct span {
    size_t a, b;
    int weak; /* the words name an action, not the thing counted */
} span;

typedef struct cell {
    size_t a, b;
} cell;

/* What the stages found in one sentence. */
typedef struct found {
    value *values;
    size_t nv;
    year_mention *ym;
    size_t nym;
    place_mention *pm;
    size_t npm;
} found;

/* A value's metric name as metric_context.c completes the next ones
 * from it: the name, what it is about (劳动争议案件 of 劳动争议案件占比),
 * its unit and kind. */
#define NAMED_MAX 32
typedef struct named {
    char name[256], subject[256];
    char unit[UNIT_BYTES];
    const char *kind;
} named;

/* A verb of a run that took one object (取消、承接和调整一批行政许可事项):
 * the verb and that object (metric_topic.c). */
typedef struct deed {
    char verb[16], obj[96];
} deed;

/* A view of either kind of mention, for the helpers they share. */
typedef struct mentions {
    const unsigned char *at;
    size_t n, stride;
} mentions;
#define YEARS_OF(f) ((mentions){(const unsigned char *)(f)->ym, (f)->nym, sizeof *(f)->ym})
#define PLACES_OF(f) ((mentions){(const unsigned char *)(f)->pm, (f)->npm, sizeof *(f)->pm})

struct lg_extractor {
    const lg_config *cfg;
    const lg_lexicon *lx;
    const char *file, *doc;
    lg_status status;

    /* the current sentence */
    const lg_char *c;
    size_t n;
    uint32_t *cp;   /* its code points alone: every scan reads these */
    uint8_t *cls;   /* and their classes (CL_*), n + 1 entries */
    /* the last clause_start answer: no break in chars [clause_a, clause_i) */
    size_t clause_a, clause_i;
    unsigned cls_any; /* every class some character of it has */
    text_buf s;     /* its UTF-8 */
    text_buf context; /* a record's context, cut from its sentence */
    text_buf metric, prev, txt; /* a record's metric, the one before, its text */
    size_t named_len; /* bytes of metric before its change word (nm_append_change) */
    uint32_t *cb;   /* char index -> byte offset, n + 1 entries */
    /* its outermost 《titles》, chars [title_a, title_b], found when first asked */
    size_t title_a[MAX_TITLES], title_b[MAX_TITLES];
    int ntitles, title_mark_known;
    size_t cb_cap;
    pcre2_match_data *md;

    /* settling the report's city and year */
    int settled;
    long long chars_seen;
    int report_year, latest_year, opening_year, latest_mentioned;
    int written_after; /* news of a published report: written the year after */
    int opening_reviews; /* the opening names the year reviewed (2023年度…报告) */
    int written_year;  /* the header's date (2020-03-20), 0 when none */
    int prose_seen;    /* a sentence with a clause break has been read */
    int report_city, opening_city;
    int report_county; /* 某县2023年法治政府建设报告: the figures are the county's */
    int region_report; /* the title names a province and no city */
    int *city_votes; /* per place id */
    rec *held;
    size_t held_len, held_cap;
    char **held_ctx;
    size_t held_ctx_len, held_ctx_cap;
    int sentence_held; /* this sentence is in held_ctx already */

    /* 2021年，…。…。: a year opening a paragraph governs the paragraph */
    int have_para_year;
    year_mention para_year;
    /* 去年…，…；…: a year in a sentence's first clause governs the clauses
     * after its semicolons too (the normalizer splits sentences at ；) */
    int have_clause_year, after_semicolon;
    year_mention clause_year;
    /* 一、2021年工作总结: a year in a top-level heading governs its section,
     * until the next such heading */
    int have_section_year;
    year_mention section_year;
    unsigned flags;    /* of the current sentence */
    int long_run_warned; /* a numeral run too long to be a quantity was reported */

    /* a table flattened into | rows: the header row's cells */
    text_buf table_header[MAX_CELLS];
    int table_year[MAX_CELLS];
    size_t table_cols;

    /* the names of the sentence's values so far (metric_context.c) */
    named done[NAMED_MAX];
    /* the kinds the paragraph named in full: 行政复议案件 for 案件 */
    struct { char head[16], full[96]; } kinds[8];
    size_t nkinds;
    /* the last of them, kept across paragraphs: 行政强制类 is a category of it */
    char last_kind[96];
    /* the objects the paragraph's verbs took: 取消、承接和调整一批行政许可事项 */
    deed deeds[8];
    size_t ndeeds;
    /* the table reader (table.c), fed the input's lines as they are */
    struct table_reader *tables;
    lg_role_state role_state; /* plan sections (下一步工作打算), the sentence's cues */
};

/* ---- sentence.c: the sentence and matching in it ---------------------- */

int load_sentence(lg_extractor *ex, const lg_char *c, size_t n);

static inline uint32_t cp_at(const lg_extractor *ex, size_t i)
{
    return i < ex->n ? ex->cp[i] : 0;
}
/* The class test for char i of the current sentence (0 past its end). */
static inline int class_at(const lg_extractor *ex, size_t i, unsigned cl)
{
    return (ex->cls[i] & cl) != 0;
}
/* The class test for any code point. */
static inline int has_class(const lg_extractor *ex, uint32_t cp, unsigned cl)
{
    return cp < 0x10000 && (ex->lx->cls[cp] & cl) != 0;
}
static inline int is_digit_cp(uint32_t cp) { return cp >= '0' && cp <= '9'; }
static inline int is_cjk(uint32_t cp) { return cp >= 0x3400 && cp <= 0x9FFF; }

size_t clause_start(const lg_extractor *ex, size_t i);
size_t clause_end(const lg_extractor *ex, size_t i);

/* Is s[0..len) exactly the NUL-terminated word w? */
int is_word(const char *s, size_t len, const char *w);
/* Does the text from char i start with the UTF-8 word w?  (Inline: w is
 * mostly a literal, whose length and comparison the compiler works out.) */
static inline int starts(const lg_extractor *ex, size_t i, const char *w)
{
    if (!*w)
        return 1;
    if (i >= ex->n)
        return 0;
    size_t wl = strlen(w), at = ex->cb[i];
    return wl <= ex->s.len - at && memcmp(ex->s.data + at, w, wl) == 0;
}
/* Does the text before char i end with w?  w's length in chars, or 0. */
static inline size_t ends(const lg_extractor *ex, size_t i, const char *w)
{
    size_t wl = strlen(w);
    if (wl == 0 || i == 0 || i > ex->n)
        return 0;
    size_t at = ex->cb[i];
    if (wl > at || memcmp(ex->s.data + at - wl, w, wl) != 0)
        return 0;
    return utf8_chars_n(w, wl);
}
/* The same for the first word of lexicon list l that matches; 0 when none.
 * The stages call these over a hundred thousand times a megabyte, and
 * the list's Bloom filter answers most calls: that test is inline, the
 * rest (starts_any_at, ends_any_at) is not. */
size_t starts_any_at(const lg_extractor *ex, size_t i, int l);
static inline size_t starts_any(const lg_extractor *ex, size_t i, int l)
{
    if (i >= ex->n || !lx_bloom_has(ex->lx->list[l].first_bits, ex->cp[i]))
        return 0;
    return starts_any_at(ex, i, l);
}
/* The words of list l that begin (last: end) with cp, or NULL. */
static inline const lx_group *list_group(const lg_extractor *ex, int l, uint32_t cp, int last)
{
    const lx_list_t *list = &ex->lx->list[l];
    return last ? lx_last_group(list, cp) : lx_first_group(list, cp);
}
size_t ends_any_at(const lg_extractor *ex, size_t i, int l);
static inline size_t ends_any(const lg_extractor *ex, size_t i, int l)
{
    if (i == 0 || !lx_bloom_has(ex->lx->list[l].last_bits, ex->cp[i - 1]))
        return 0;
    return ends_any_at(ex, i, l);
}
/* The entry ends_any found, or NULL. */
const lx_entry *ends_entry(const lg_extractor *ex, size_t i, int l);

/* A unit is a NUL-padded char[UNIT_BYTES] (value.unit, rec.unit): comparing
 * it with a literal, NUL included, is a fixed-size memcmp, behind a test
 * of the literal's last byte and the NUL after it, which settles most
 * comparisons without a call (CJK characters share their leading bytes,
 * rarely their last) - units are tested some twenty times per value. */
#define UNIT_IS(unit, lit)                                                   \
    ((unit)[sizeof lit - 1] == '\0' && (unit)[sizeof lit - 2] == (lit)[sizeof lit - 2] && \
     memcmp((unit), lit, sizeof lit) == 0)

/* Is char i inside a 《title》 (or 〈〉) of the sentence?  Titles longer
 * than this are not looked through. */
#define TITLE_MAX_CHARS 120
int inside_title(const lg_extractor *ex, size_t i);

/* Is the text between chars a and b nothing but list separators? */
int only_separators(const lg_extractor *ex, size_t a, size_t b);
/* Does the text from char i start with a list separator (、 和 及 与)? */
int starts_separator(const lg_extractor *ex, size_t i);

/* Where a mention starting at char i ends (i when none starts there),
 * and where one ending at i starts (i when none ends there). */
size_t skip_mention_in(mentions m, size_t i);
size_t mention_ending_in(mentions m, size_t i);
/* (most sentences name no place: the test of none is inline) */
static inline size_t skip_mention_at(mentions m, size_t i)
{
    return m.n ? skip_mention_in(m, i) : i;
}
static inline size_t mention_ending_at(mentions m, size_t i)
{
    return m.n ? mention_ending_in(m, i) : i;
}
/* values[k] in the run of values around it that only separators divide,
 * none starting before char after: the run's length, *pos = k's place in
 * it.  A run of N years or places and a run of N values pair in order. */
size_t value_run(const lg_extractor *ex, const found *f, size_t k, size_t after, size_t *pos);

/* What follows a value's number at char i of the sentence: the longest
 * word of [units] there (the first in list order of that length), then
 * the longest of [qualifiers-after], each optional - what a regex of the
 * two lists as alternations, longest first, matched: the unit's bytes and
 * the qualifier's after it, 0 when none.  Done with the lists'
 * first-character index: the JIT tried the alternatives one by one, ~700
 * instructions a value.  Returns the unit's entry, or NULL. */
const lx_entry *match_value_at(const lg_extractor *ex, size_t i, size_t *ulen, size_t *plen);
/* The [units] entry of unit[0, len): guess when that is its word (the one
 * matched), else the lookup's. */
static inline const lx_entry *unit_lookup(const lg_extractor *ex, const char *unit, size_t len,
                                          const lx_entry *guess)
{
    if (guess && guess->len == len && memcmp(guess->word, unit, len) == 0)
        return guess;
    return lx_find(ex->lx, LX_UNITS, unit, len);
}
/* Match the lexicon's year pattern anchored at byte b of the sentence. */
int match_year_at(const lg_extractor *ex, size_t b);
/* The bytes of named group g of the last match: length, *from. */
size_t group(const lg_extractor *ex, int g, size_t *from);
/* The char at or after char i whose byte offset reaches b. */
size_t char_at_byte(const lg_extractor *ex, size_t i, size_t b);

/* ---- the stages ------------------------------------------------------- */

/* value.c: every value of the sentence into f->values (f->nv); -1 on no memory */
int find_values(lg_extractor *ex, found *f, value *stack, size_t stack_cap);
const char *unit_kind(const lg_extractor *ex, const char *unit);
/* The kind of a [units] entry (KIND_COUNT for NULL): unit_kind without the lookup. */
const char *unit_entry_kind(const lx_entry *e);

/* reject.c: is the value read at char i (v filled, ulen and places from
 * the match) no record?  May turn it into a rank (第7位). */
typedef struct candidate {
    size_t ulen;   /* the unit's bytes as matched */
    size_t mlen;   /* the magnitude's */
    int places;    /* decimal places the magnitude shifted */
    int half;      /* 一年半: the 半 after the unit added a half */
    int ratio;     /* a ratio without unit (比值达2.6, 6.86:1) */
    uint32_t before, after; /* the chars around the value */
} candidate;
int rejected(const lg_extractor *ex, value *v, const candidate *c, int *is_rank);
/* Is the value a score (考核得分95.6分)? Its unit's kind is then measure. */
int is_score(const lg_extractor *ex, const value *v);

/* year.c */
size_t find_years(lg_extractor *ex, year_mention *out, size_t cap);
void resolve_year(const lg_extractor *ex, const found *f, size_t k, rec *r);
void governing_year(lg_extractor *ex, const found *f);
int five_year_plan_start(const lg_extractor *ex, const char *s, size_t len);

/* where.c */
size_t find_places(lg_extractor *ex, place_mention *out, size_t cap, size_t limit);
void resolve_place(const lg_extractor *ex, const found *f, size_t k, rec *r);

/* metric.c: name the metric of f->values[k] into out; prev names the
 * value before it in the sentence ("" when none). */
void name_metric(const lg_extractor *ex, const found *f, size_t k, const char *prev,
                 text_buf *out);
/* metric.c: trim fillers, places, years and quotes off both ends of s. */
span metric_trim(const lg_extractor *ex, span s, const found *f);
/* metric_context.c: complete the name in out of f->values[k] from the
 * names before it (ex->done[0..k)); subject gets what it is about.  Returns
 * 1 when the name is of one member of a breakdown (其中残疾人169件).  Then,
 * after the sentence, remember the kinds it named in full. */
int complete_name(const lg_extractor *ex, const found *f, size_t k, text_buf *out, char *subject,
                  size_t subject_cap);
void remember_kinds(lg_extractor *ex, const found *f);
/* metric_around.c: a change's name gets its change word (同比增长). */
void nm_append_change(const lg_extractor *ex, const found *f, size_t k, text_buf *out);
/* ...and the objects its verbs took (metric_topic.c). */
void remember_deeds(lg_extractor *ex);
int is_change(const lg_extractor *ex, const value *v);

/* table.c: the table reader, which reads the input's lines before the
 * normalizer joins them (lg_extractor_chars), takes the lines of the
 * tables it finds, and hands their records on in line order. */
int table_reader_new(lg_extractor *ex);
void table_reader_free(lg_extractor *ex);
int table_take_chars(lg_extractor *ex, const lg_char *c, size_t n);
int table_end_input(lg_extractor *ex);
/* Is this input line a table's (its values are the table reader's)? */
int table_line_taken(lg_extractor *ex, long long line);
/* Pass on the table records of lines before this one (all: LLONG_MAX). */
int table_release(lg_extractor *ex, long long before_line);

/* table_prose.c: | rows the table reader leaves to prose */
size_t split_cells(const lg_extractor *ex, cell *cells);
void table_header(lg_extractor *ex, const cell *cells, size_t n, const found *f);
void table_metric(lg_extractor *ex, const cell *cells, size_t n, const value *v,
                  text_buf *out, rec *r);

/* report.c */
void observe_report(lg_extractor *ex, const found *f);
void note_latest_year(lg_extractor *ex, const found *f);
void context_window(const lg_extractor *ex, const value *v, rec *r);
int emit_record(lg_extractor *ex, const rec *r, const char *sentence);
int hold_record(lg_extractor *ex, rec *r);
/* Hold a record whose context is its own (a table row), not the sentence's. */
int hold_record_context(lg_extractor *ex, rec *r, const char *context);
void settle(lg_extractor *ex);
void free_held(lg_extractor *ex);

#endif
