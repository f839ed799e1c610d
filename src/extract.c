/* extract.c - normalized sentences to records; see extract.h. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "extract.h"

#include <pcre2.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "normalize.h"
#include "number.h"
#include "place.h"
#include "text.h"

/* The report's own city and year are settled once this many characters of
 * it have been read (or at its end): records before that are held back. */
#define SETTLE_CHARS 65536
/* The opening, where a report names its city and year. */
#define OPENING_CHARS 400
#define METRIC_MAX_CHARS 24

/* ---- shared patterns ------------------------------------------------ */

/* A value, matched anchored where a numeral starts. */
static const char VALUE_PATTERN[] =
    "(?:(?<pct>百分之)(?<pnum>[零〇一二两三四五六七八九十百点]+)"
    "|(?<anum>[0-9]{1,3}(?:,[0-9]{3})+(?:\\.[0-9]+)?(?![0-9])"
    "|[0-9]+(?:\\.[0-9]+)?(?![0-9.]))"
    "|(?<cnum>[零〇一二两三四五六七八九十百千万亿]+(?:点[零〇一二三四五六七八九]+)?))"
    "(?<post1>余|多)?(?<mag>万亿|千万|百万|万|亿|千(?![米克瓦]))?(?<post2>余|多)?"
    "(?<unit>个百分点|百分点|平方公里|平方千米|平方米|立方米|个工作日|工作日|个月|人次|家次|户次|件次|车次"
    "|批次|架次|场次|部门|公里|千米|公顷|公斤|千克|小时|分钟|季度|%|‰|倍|元|件|项|人|名|个|家"
    "|户|次|条|部|卷|只|场|类|张|份|支|期|篇|起|套|台|辆|所|座|处|宗|例|册|本|位|吨|亩"
    "|米|天|年|周|轮|组|队|笔|种|批|届|级|大|号|日|月|版|岁|分)?"
    "(?<post3>以上|左右|多|以内|以下)?";

/* Year mentions: 2022年, 2022年上半年, 2021年以来, 2021—2023年, 2008年1月至2010年,
 * “十三五”期间, 今年... */
static const char YEAR_PATTERN[] =
    "(?<ra>(?:19|20)[0-9]{2})年?(?:[0-9]{1,2}月(?:份|底|末)?)?(?:—|–|-|－|~|～|至|到)(?<rb>(?:19|20)[0-9]{2})年"
    "|(?<y>(?:19|20)[0-9]{2})年(?<q>度|底|末|初|上半年|下半年|以来|来)?"
    "|(?<fyp>十[一二三四五六七八九]?五|[六七八九]五)[”\"’]?(?<fq>期间|时期|以来|末|初)"
    "|(?<rel>截至目前|今年|去年|上年|前年|当年|本年|目前|上半年|下半年)";

/* Group numbers are looked up by name once, not at every match. */
enum { G_PNUM, G_ANUM, G_CNUM, G_POST1, G_MAG, G_POST2, G_UNIT, G_POST3,
       G_Y, G_Q, G_FYP, G_FQ, G_REL, G_RA, G_RB, G_COUNT };
static const char *const GROUP_NAMES[G_COUNT] = {"pnum", "anum", "cnum", "post1", "mag", "post2",
                                                 "unit", "post3", "y", "q", "fyp", "fq", "rel", "ra", "rb"};
static int group_numbers[G_COUNT];

static pcre2_code *value_re, *year_re;
static int value_jit, year_jit; /* JIT-compiled: matched with pcre2_jit_match */

/* Classes of characters tested at every character of a sentence, looked
 * up in one table built from the definitions (the *_def functions). */
enum {
    CL_NUMERAL = 1,   /* starts a Chinese numeral */
    CL_YEAR = 2,      /* starts a year mention */
    CL_YEAR_HINT = 4, /* every year mention holds one: 年, 目, 五 */
    CL_PLACE = 8,     /* starts a place name */
    CL_BREAK = 16,    /* ends a clause */
    CL_QUOTE = 32,    /* quotes and spaces, left out of names */
    CL_PLACE2 = 64,   /* may be the second character of a place name */
    CL_FOLLOWER = 128 /* may follow a Chinese numeral in a value (FOLLOWERS) */
};
static uint8_t cp_class[0x10000];
/* What a Chinese numeral that is a value can be followed by: classifiers,
 * units, magnitudes, 余/多.  Anything else (进一步, 百姓, 千方百计) makes
 * the run of numerals a word, not worth trying the value pattern on. */
static const char FOLLOWERS[] =
    "余多万亿点分个件项人名次条部卷只场类张份支期篇起套台辆所座处宗例册本位吨亩米天年周"
    "轮组队笔种批届级大号日月版岁倍元家户平立公千百小工季%";
static int numeral_start_def(uint32_t cp);
static int year_start_def(uint32_t cp);
static int clause_break_def(uint32_t cp);
static int quote_def(uint32_t cp);
static void index_word_lists(void);
static pcre2_match_context *match_ctx;
static lg_status patterns_status = LG_OK;
static pthread_once_t patterns_once = PTHREAD_ONCE_INIT;

static pcre2_code *compile(const char *pattern, uint32_t options)
{
    int err;
    PCRE2_SIZE where;
    pcre2_code *re = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
                                   PCRE2_UTF | PCRE2_NO_UTF_CHECK | options, &err, &where, NULL);
    if (!re && err == PCRE2_ERROR_HEAP_FAILED)
        patterns_status = LG_ERR_NOMEM; /* not the pattern's fault */
    if (re)
        pcre2_jit_compile(re, PCRE2_JIT_COMPLETE); /* falls back to the interpreter */
    return re;
}

static void patterns_build(void)
{
    /* anchored at compile time: PCRE2_ANCHORED at match time turns the
     * JIT off (pcre2jit(3)) */
    value_re = compile(VALUE_PATTERN, PCRE2_ANCHORED);
    year_re = compile(YEAR_PATTERN, PCRE2_ANCHORED);
    size_t jit_size = 0;
    value_jit = value_re && pcre2_pattern_info(value_re, PCRE2_INFO_JITSIZE, &jit_size) == 0 && jit_size;
    jit_size = 0;
    year_jit = year_re && pcre2_pattern_info(year_re, PCRE2_INFO_JITSIZE, &jit_size) == 0 && jit_size;
    match_ctx = pcre2_match_context_create(NULL);
    if (!value_re || !year_re || !match_ctx) {
        patterns_status = patterns_status != LG_OK ? patterns_status : match_ctx ? LG_ERR_REGEX : LG_ERR_NOMEM;
        return;
    }
    const uint8_t *place_bits = lg_place_start_bits(), *second_bits = lg_place_second_bits();
    for (uint32_t cp = 0; cp < 0x10000; cp++) {
        int place = cp >= 0x3400 && cp <= 0x9FFF && (place_bits[cp >> 3] >> (cp & 7) & 1);
        int place2 = !second_bits || (second_bits[cp >> 3] >> (cp & 7) & 1);
        cp_class[cp] = (uint8_t)((numeral_start_def(cp) ? CL_NUMERAL : 0) |
                                 (year_start_def(cp) ? CL_YEAR : 0) |
                                 (cp == 0x5E74 || cp == 0x76EE || cp == 0x4E94 ? CL_YEAR_HINT : 0) |
                                 (place ? CL_PLACE : 0) |
                                 (clause_break_def(cp) ? CL_BREAK : 0) |
                                 (quote_def(cp) ? CL_QUOTE : 0) |
                                 (place2 ? CL_PLACE2 : 0));
    }
    for (size_t at = 0; FOLLOWERS[at];) {
        uint32_t cp;
        at += utf8_decode_one(FOLLOWERS + at, &cp);
        cp_class[cp] |= CL_FOLLOWER;
    }
    index_word_lists();
    for (int g = 0; g < G_COUNT; g++) {
        pcre2_code *re = g < G_Y ? value_re : year_re;
        group_numbers[g] = pcre2_substring_number_from_name(re, (PCRE2_SPTR)GROUP_NAMES[g]);
    }
    /* No pattern here backtracks much, but no input may make one run away. */
    pcre2_set_match_limit(match_ctx, 100000);
    pcre2_set_depth_limit(match_ctx, 1000);
}

lg_status lg_patterns_init(void)
{
    pthread_once(&patterns_once, patterns_build);
    return patterns_status;
}

void lg_patterns_free(void)
{
    pcre2_code_free(value_re);
    pcre2_code_free(year_re);
    pcre2_match_context_free(match_ctx);
    value_re = year_re = NULL;
    match_ctx = NULL;
}

/* ---- records held back and the extractor ---------------------------- */

enum year_mode { YEAR_REPORT, YEAR_EXPLICIT };
enum period_mode { PERIOD_NONE, PERIOD_SPAN, PERIOD_SINCE, PERIOD_HALF };
enum city_mode { CITY_REPORT, CITY_PLACE, CITY_NONE };

typedef struct rec {
    long long line, offset;
    int city_mode, place; /* place: a city or county id */
    int year_mode, year;  /* explicit year, or a delta from the report year */
    int from_now;         /* the delta counts from the time of writing (今年, 去年) */
    int period_mode, period_a, period_b;
    char value_str[LG_DECIMAL_MAX];
    char unit[24];
    const char *qualifier, *kind;
    char *metric, *text;
    size_t context; /* index into held sentences, or (size_t)-1 */
    size_t ctx_from, ctx_len; /* the context: bytes of the sentence */
} rec;

typedef struct year_mention {
    size_t start, end;
    int year;        /* explicit year, 0 when relative to the report's */
    int delta;       /* for relative ones: 去年 -1 */
    int period_mode, period_a, period_b;
    int comparison;  /* 比2022年, 较去年: a base, not the figure's year */
    int target;      /* 到2025年: a goal */
    int pair;        /* 2020年的35人: governs the next value only */
    int from_now;    /* 今年 去年 上年 前年 本年: counted from the time of writing */
} year_mention;

struct lg_extractor {
    const lg_config *cfg;
    const char *file, *doc;
    lg_status status;

    /* the current sentence */
    const lg_char *c;
    size_t n;
    uint32_t *cp;   /* its code points alone: every scan reads these */
    uint8_t *cls;   /* and their classes (CL_*), n + 1 entries */
    unsigned cls_any; /* every class some character of it has */
    text_buf s;     /* its UTF-8 */
    text_buf context; /* a record's context, cut from its sentence */
    text_buf metric, prev, txt; /* a record's metric, the one before, its text */
    uint32_t *cb;   /* char index -> byte offset, n + 1 entries */
    size_t cb_cap;
    pcre2_match_data *md;

    /* settling the report's city and year */
    int settled;
    long long chars_seen;
    int report_year, latest_year, opening_year, latest_mentioned;
    int written_after; /* news of a published report: written the year after */
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
    unsigned flags;    /* of the current sentence */

    /* a table flattened into | rows: the header row's cells */
    text_buf table_header[16];
    int table_year[16];
    size_t table_cols;
};

/* ---- small text helpers --------------------------------------------- */

typedef struct word {
    const char *s;
    size_t len;
} word;
#define W(lit) {lit, sizeof(lit) - 1}

/* A list of words, matched in order (the first that matches wins).  Lists
 * are tried at every value, several times, and almost always fail, so
 * lg_patterns_init indexes each by its words' first and by their last
 * characters: a test looks at the few words that begin (or end) with the
 * sentence's character, as code points, or at none. */
typedef struct cp_group {
    uint32_t cp;
    uint16_t at, n; /* n words, [len, cp1..cplen] each, from word_pool[at] */
} cp_group;

typedef struct word_list {
    const word *words;
    const cp_group *by_first, *by_last; /* hash tables; NULL until indexed */
    unsigned mask;                      /* their slot count - 1 */
    /* 256-bit Bloom filters of the first and last characters: most tests
     * fail on one bit, before the table is probed */
    uint64_t first_bits[4], last_bits[4];
} word_list;
#define WORDS(...) {(const word[]){__VA_ARGS__, {NULL, 0}}, NULL, NULL, 0, {0}, {0}}

/* Room for every list's index; a list that does not fit stays unindexed
 * and is matched as UTF-8, slower but the same. */
static uint32_t word_pool[8192];
static size_t word_pool_used;
static cp_group group_pool[4096];
static size_t group_pool_used;

static unsigned cp_hash(uint32_t cp, unsigned mask)
{
    return (cp * 2654435761u >> 16) & mask;
}

static unsigned bloom_bit(uint32_t cp)
{
    return cp * 2654435761u >> 24;
}

static int bloom_has(const uint64_t *bits, uint32_t cp)
{
    unsigned k = bloom_bit(cp);
    return (int)(bits[k >> 6] >> (k & 63) & 1);
}

static const cp_group *group_find(const cp_group *table, unsigned mask, uint32_t cp)
{
    for (unsigned h = cp_hash(cp, mask); table[h].n; h = (h + 1) & mask)
        if (table[h].cp == cp)
            return &table[h];
    return NULL;
}

/* The k-th character of w (k < 0: from the end), decoded. */
static uint32_t word_char(const word *w, int k)
{
    uint32_t cp = 0;
    size_t chars = utf8_chars_n(w->s, w->len);
    size_t want = k >= 0 ? (size_t)k : chars - (size_t)-k, at = 0;
    for (size_t i = 0; i <= want && at < w->len; i++)
        at += utf8_decode_one(w->s + at, &cp);
    return cp;
}

/* Group the list's words by their character at end k (0 first, -1 last),
 * keeping list order within a group.  Returns the table, or NULL. */
static const cp_group *index_words(const word_list *l, int k, unsigned mask)
{
    if (group_pool_used + mask + 1 > sizeof group_pool / sizeof *group_pool)
        return NULL;
    cp_group *table = group_pool + group_pool_used;
    for (const word *w = l->words; w->s; w++) {
        uint32_t key = word_char(w, k);
        if (group_find(table, mask, key))
            continue;
        size_t need = 0;
        for (const word *v = w; v->s; v++)
            if (word_char(v, k) == key)
                need += 1 + utf8_chars_n(v->s, v->len);
        if (need > sizeof word_pool / sizeof *word_pool - word_pool_used) {
            /* the slots stay free for the next list */
            memset(table, 0, (mask + 1) * sizeof *table);
            return NULL;
        }
        unsigned h = cp_hash(key, mask);
        while (table[h].n)
            h = (h + 1) & mask;
        table[h].cp = key;
        table[h].at = (uint16_t)word_pool_used;
        for (const word *v = w; v->s; v++) {
            if (word_char(v, k) != key)
                continue;
            uint32_t *len = &word_pool[word_pool_used++];
            *len = 0;
            for (size_t at = 0; at < v->len; (*len)++)
                at += utf8_decode_one(v->s + at, &word_pool[word_pool_used++]);
            table[h].n++;
        }
    }
    group_pool_used += mask + 1;
    return table;
}

static void index_word_list(word_list *l)
{
    size_t count = 0;
    for (const word *w = l->words; w->s; w++)
        count++;
    unsigned mask = 7;
    while (mask + 1 < 2 * count) /* at most half full */
        mask = mask * 2 + 1;
    const cp_group *first = index_words(l, 0, mask);
    const cp_group *last = first ? index_words(l, -1, mask) : NULL;
    if (!first || !last)
        return;
    for (const word *w = l->words; w->s; w++) {
        unsigned a = bloom_bit(word_char(w, 0)), b = bloom_bit(word_char(w, -1));
        l->first_bits[a >> 6] |= 1ull << (a & 63);
        l->last_bits[b >> 6] |= 1ull << (b & 63);
    }
    l->mask = mask;
    l->by_first = first;
    l->by_last = last;
}

static int same_cps(const uint32_t *a, const uint32_t *b, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (a[k] != b[k])
            return 0;
    return 1;
}

static uint32_t cp_at(const lg_extractor *ex, size_t i)
{
    return i < ex->n ? ex->cp[i] : 0;
}

/* Does the text starting at char i begin with the UTF-8 word w? */
static int starts(const lg_extractor *ex, size_t i, const char *w)
{
    for (uint32_t cp; *w; i++) {
        w += utf8_decode_one(w, &cp);
        if (i >= ex->n || ex->cp[i] != cp)
            return 0;
    }
    return 1;
}

/* Does the text ending before char i end with w?  Returns w's length in
 * chars, or 0. */
static size_t ends(const lg_extractor *ex, size_t i, const char *w)
{
    size_t len = utf8_chars_n(w, strlen(w));
    if (len == 0 || len > i)
        return 0;
    return starts(ex, i - len, w) ? len : 0;
}

/* Does the text ending before char i end with a word of the list?  Returns
 * the word's length in chars, or 0. */
static size_t ends_any(const lg_extractor *ex, size_t i, const word_list *l)
{
    if (i == 0)
        return 0;
    if (!l->by_last) {
        for (const word *w = l->words; w->s; w++)
            if (ends(ex, i, w->s))
                return utf8_chars_n(w->s, w->len);
        return 0;
    }
    uint32_t last = ex->cp[i - 1];
    const cp_group *g = bloom_has(l->last_bits, last) ? group_find(l->by_last, l->mask, last) : NULL;
    if (!g)
        return 0;
    const uint32_t *p = word_pool + g->at;
    for (unsigned k = 0; k < g->n; k++, p += 1 + p[0])
        if (p[0] <= i && same_cps(ex->cp + i - p[0], p + 1, p[0]))
            return p[0];
    return 0;
}

/* Does the text from char i start with a word of the list?  Returns the
 * word's length in chars, or 0. */
static size_t starts_any(const lg_extractor *ex, size_t i, const word_list *l)
{
    if (i >= ex->n)
        return 0;
    if (!l->by_first) {
        for (const word *w = l->words; w->s; w++)
            if (starts(ex, i, w->s))
                return utf8_chars_n(w->s, w->len);
        return 0;
    }
    uint32_t first = ex->cp[i];
    const cp_group *g = bloom_has(l->first_bits, first) ? group_find(l->by_first, l->mask, first) : NULL;
    if (!g)
        return 0;
    const uint32_t *p = word_pool + g->at;
    for (unsigned k = 0; k < g->n; k++, p += 1 + p[0])
        if (p[0] <= ex->n - i && same_cps(ex->cp + i, p + 1, p[0]))
            return p[0];
    return 0;
}

/* Lists used in one place each. */
static word_list COMPARE = WORDS(W("比"), W("较之"), W("较"), W("高于"), W("低于"), W("多于"), W("少于"), W("大于"), W("小于"), W("等于"), W("是"), W("与"), W("同"), W("相比"), W("对比"));
static word_list RANK_TOPIC_WORDS = WORDS(W("排名"), W("排行"), W("名次"), W("位次"), W("测评"), W("考核"), W("评估"));
static word_list QUAL_WORDS = WORDS(W("约为"), W("大约"), W("不少于"), W("不低于"), W("至少"), W("不超过"), W("不高于"), W("超过"), W("突破"), W("将近"), W("接近"), W("不到"), W("不足"), W("超"), W("逾"), W("约"), W("近"));
static word_list RIGHT_LEAD = WORDS(W("的"), W("各类"), W("各"), W("以上"), W("左右"), W("多"));
static word_list NATION = WORDS(W("全国"), W("全国共"), W("全国共有"), W("全省"), W("全省共"), W("全省共有"));
static word_list REVIEW = WORDS(W("回眸"), W("回顾"), W("盘点"), W("总结"), W("纵观"), W("聚焦"));
static word_list ANNOUNCE_WHEN = WORDS(W("日前"), W("近日"), W("近期"), W("今天"), W("今日"), W("正式"), W("已"), W("于"));
static word_list ANNOUNCE_VERBS = WORDS(W("发布"), W("公布"), W("出炉"), W("亮相"), W("公开"), W("发表"));

/* Is s[0..len) exactly the word w? */
static int is_word(const char *s, size_t len, const char *w)
{
    return strlen(w) == len && memcmp(s, w, len) == 0;
}

static inline int has_class(uint32_t cp, unsigned cl)
{
    return cp < 0x10000 && (cp_class[cp] & cl) != 0;
}

static int is_clause_break(uint32_t cp) { return has_class(cp, CL_BREAK); }

/* The class test for char i of the current sentence (0 past its end). */
static inline int class_at(const lg_extractor *ex, size_t i, unsigned cl)
{
    return (ex->cls[i] & cl) != 0;
}

static int clause_break_def(uint32_t cp)
{
    return cp == 0xFF0C /* ， */ || cp == ',' || cp == 0xFF1B || cp == ';' ||
           cp == 0xFF1A /* ： */ || cp == ':' || cp == 0x3002 || cp == 0xFF01 ||
           cp == 0xFF1F || cp == '!' || cp == '?';
}

static int is_digit_cp(uint32_t cp) { return cp >= '0' && cp <= '9'; }

static int numeral_start_def(uint32_t cp)
{
    switch (cp) {
    case 0x96F6: case 0x3007: case 0x4E00: case 0x4E8C: case 0x4E24: case 0x4E09:
    case 0x56DB: case 0x4E94: case 0x516D: case 0x4E03: case 0x516B: case 0x4E5D:
    case 0x5341: case 0x767E: case 0x5343:
        return 1;
    default:
        return 0;
    }
}

static inline int is_cjk_numeral_start(uint32_t cp)
{
    return has_class(cp, CL_NUMERAL);
}

static int is_cjk(uint32_t cp) { return cp >= 0x3400 && cp <= 0x9FFF; }

static size_t clause_start(const lg_extractor *ex, size_t i)
{
    while (i > 0 && !class_at(ex, i - 1, CL_BREAK))
        i--;
    return i;
}

static size_t clause_end(const lg_extractor *ex, size_t i)
{
    while (i < ex->n && !class_at(ex, i, CL_BREAK))
        i++;
    return i;
}

/* ---- values --------------------------------------------------------- */

typedef struct value {
    size_t start, end;   /* chars: the numeral's first .. past the unit */
    size_t num_start;    /* after a leading qualifier word (same as start) */
    char dec[LG_DECIMAL_MAX];
    char unit[24];
    const char *qualifier, *kind;
    int chinese, single_cjk;
} value;
_Static_assert(sizeof ((value *)0)->dec == sizeof ((rec *)0)->value_str &&
               sizeof ((value *)0)->unit == sizeof ((rec *)0)->unit,
               "a record copies its value's strings whole");


/* Match re anchored at byte b of the sentence.  pcre2_jit_match skips the
 * argument and UTF checks pcre2_match makes at every call: it runs at every
 * numeral, and the subject is valid UTF-8 we wrote ourselves. */
static int match_at(const lg_extractor *ex, const pcre2_code *re, int jit, size_t b)
{
    if (jit)
        return pcre2_jit_match(re, (PCRE2_SPTR)ex->s.data, ex->s.len, b, 0, ex->md, match_ctx);
    return pcre2_match(re, (PCRE2_SPTR)ex->s.data, ex->s.len, b, PCRE2_NO_UTF_CHECK, ex->md,
                       match_ctx);
}

static size_t group(pcre2_match_data *md, int g, size_t *from)
{
    int k = group_numbers[g];
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
    if (k < 0 || ov[2 * k] == PCRE2_UNSET)
        return 0;
    *from = ov[2 * k];
    return ov[2 * k + 1] - ov[2 * k];
}

/* chars of a unit that, followed by these, form another word (条例, 部署) */
static int unit_starts_word(const char *unit, uint32_t next)
{
    static const struct { const char *unit; const char *next; } words[] = {
        {"条", "件例款"}, {"人", "民员"}, {"名", "单称录额次"}, {"家", "庭长属乡"},
        {"户", "籍口"}, {"期", "间限刊待"}, {"本", "级地"}, {"处", "理罚置"},
        {"起", "草诉步来到"}, {"组", "织建成"}, {"队", "伍"}, {"所", "以有属在"},
        {"座", "谈"}, {"位", "于列居次置"}, {"台", "账阶"}, {"宗", "旨教"}, {"份", "额子"},
        {"支", "持付部援撑"}, {"场", "所景地馆"}, {"项", "目"}, {"个", "人体"}, {"元", "素"},
        {"次", "会日"}, {"部", "署分委门长"}, {"类", "型似"}, {"种", "类"}, {"米", "粮"},
        {"年", "来以前后度底初末间内中上下第级轻"}, {"天", "然"}, {"周", "边年"},
        {"轮", "值"}, {"笔", "录"},
    };
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        if (unit[1] != words[i].unit[1] || unit[2] != words[i].unit[2] ||
            strcmp(unit, words[i].unit) != 0)
            continue;
        const char *p = words[i].next;
        while (*p) {
            uint32_t cp;
            p += utf8_decode_one(p, &cp);
            if (cp == next)
                return 1;
        }
    }
    return 0;
}

/* Kinds are these strings and no others, so they compare as pointers. */
static const char KIND_COUNT[] = "count", KIND_MONEY[] = "money", KIND_PERCENT[] = "percent",
                  KIND_CHANGE[] = "change", KIND_MULTIPLE[] = "multiple",
                  KIND_DURATION[] = "duration", KIND_MEASURE[] = "measure", KIND_RANK[] = "rank";

/* A unit is a NUL-padded char[24] (value.unit, rec.unit): comparing it
 * with a literal, NUL included, is a fixed-size memcmp, behind a test of
 * the literal's last byte and the NUL after it, which settles most
 * comparisons without a call (CJK characters share their leading bytes,
 * rarely their last) - units are tested some twenty times per value. */
#define UNIT_IS(unit, lit)                                                   \
    ((unit)[sizeof lit - 1] == '\0' && (unit)[sizeof lit - 2] == (lit)[sizeof lit - 2] && \
     memcmp((unit), lit, sizeof lit) == 0)

static int in_words(const char *s, size_t len, const word *list)
{
    for (; list->s; list++)
        if (list->len == len && s[len - 1] == list->s[len - 1] && memcmp(s, list->s, len) == 0)
            return 1;
    return 0;
}

static const char *unit_kind(const char *unit)
{
    static const word durations[] = {W("天"), W("个月"), W("年"), W("小时"), W("分钟"), W("周"),
                                     W("个工作日"), W("工作日"), {NULL, 0}};
    static const word measures[] = {W("平方公里"), W("平方千米"), W("平方米"), W("立方米"),
                                    W("公里"), W("千米"), W("公顷"), W("公斤"), W("千克"),
                                    W("吨"), W("亩"), W("米"), {NULL, 0}};
    if (UNIT_IS(unit, "元")) return KIND_MONEY;
    if (UNIT_IS(unit, "%") || UNIT_IS(unit, "‰")) return KIND_PERCENT;
    if (UNIT_IS(unit, "百分点")) return KIND_CHANGE;
    if (UNIT_IS(unit, "倍")) return KIND_MULTIPLE;
    size_t len = strlen(unit);
    if (in_words(unit, len, durations)) return KIND_DURATION;
    if (in_words(unit, len, measures)) return KIND_MEASURE;
    return KIND_COUNT;
}

static const word REJECTED_UNITS[] = {W("批"), W("届"), W("级"), W("大"), W("号"), W("日"),
                                      W("月"), W("版"), W("季度"), W("岁"), W("分"), {NULL, 0}};

static int in_list(const char *s, const char *const *list)
{
    for (; *list; list++)
        if (!strcmp(s, *list))
            return 1;
    return 0;
}

/* Is char i inside a short quoted label (“八五”, “1+4”, “12345”)? */
static int in_short_quote(const lg_extractor *ex, size_t i)
{
    size_t open = (size_t)-1;
    for (size_t k = i; k > 0 && i - k < 16; k--) {
        uint32_t cp = ex->cp[k - 1];
        if (cp == 0x201D || cp == 0x300D || cp == 0x300B || is_clause_break(cp) || cp == 0x3002)
            return 0; /* a closer or a break first: not inside */
        if (cp == 0x201C || cp == 0x300C || cp == 0x300A || cp == '"') {
            open = k - 1;
            break;
        }
    }
    if (open == (size_t)-1)
        return 0;
    for (size_t k = i; k < ex->n && k - open < 16; k++) {
        uint32_t cp = ex->cp[k];
        if (cp == 0x201D || cp == 0x300D || cp == 0x300B || cp == '"')
            return 1;
        if (cp == 0x3002 || cp == 0xFF0C)
            return 0;
    }
    return 0;
}

static word_list OVER_BEFORE = WORDS(W("不少于"), W("不低于"), W("至少"), W("超过"), W("突破"), W("超"), W("逾"));
static word_list APPROX_BEFORE = WORDS(W("约为"), W("大约"), W("约"));
static word_list NEARLY_BEFORE = WORDS(W("将近"), W("接近"), W("近"));
static word_list UNDER_BEFORE = WORDS(W("不超过"), W("不高于"), W("最多"), W("不到"), W("不足"));

static const char *qualifier_before(const lg_extractor *ex, size_t i)
{
    if (ends_any(ex, i, &OVER_BEFORE)) return "over";
    if (ends_any(ex, i, &APPROX_BEFORE)) return "approx";
    if (ends_any(ex, i, &UNDER_BEFORE)) return "under";
    if (ends_any(ex, i, &NEARLY_BEFORE)) {
        /* 近年来, 近期 are times, not qualifiers; a numeral follows here */
        return "nearly";
    }
    return NULL;
}

static word_list RANK_CUES = WORDS(W("居"), W("位居"), W("位列"), W("排名"), W("排在"), W("名列"), W("列"), W("排"));
/* verbs after which a lone Chinese numeral counts something (建成两个) */
static word_list COUNT_CUES = WORDS(W("了"), W("共"), W("计"), W("达"), W("为"), W("有"), W("等"), W("增"), W("建"), W("设"), W("成"), W("获"), W("选"), W("立"), W("出"), W("办"), W("开"), W("新"));

/* Change words: a percentage after them is a change, unless 至/到 makes it
 * the new level (下降至16.94%). */
static word_list CHANGE_WORDS = WORDS(W("增长"), W("增加"), W("增幅"), W("下降"), W("减少"), W("提高"), W("提升"), W("上升"), W("降低"), W("压减"), W("精简"), W("缩短"), W("压缩"), W("增"), W("减"), W("降"), W("高于"), W("低于"), W("多"), W("少"));

static word_list LEVEL_WORDS = WORDS(W("至"), W("到"), W("为"));

static int is_change(const lg_extractor *ex, const value *v)
{
    size_t cs = clause_start(ex, v->num_start);
    if (UNIT_IS(v->unit, "百分点"))
        return 1;
    int pct = UNIT_IS(v->unit, "%");
    /* look back over at most 8 chars of the clause */
    for (size_t i = v->num_start; i > cs && v->num_start - i < 8; i--) {
        if (ends_any(ex, i, &LEVEL_WORDS))
            return 0; /* 提高到2023年的97.5%: the new level */
        if (ends_any(ex, i, &CHANGE_WORDS)) {
            if (pct)
                return 1;
            /* a count is a change only against a base: 比上年增加20件 */
            for (size_t k = cs; k < i; k++)
                if (ex->cp[k] == 0x6BD4 /* 比 */ || ex->cp[k] == 0x8F83 /* 较 */ ||
                    (ex->cp[k] == 0x540C /* 同比 */ && ex->cp[k + 1] == 0x6BD4))
                    return 1;
            return 0;
        }
    }
    return 0;
}

/* Read the value whose numeral starts at char i.  Returns 1 and fills *v
 * when it is a value; *next is where scanning goes on. */
static int read_value(lg_extractor *ex, size_t i, value *v, size_t *next)
{
    size_t b = ex->cb[i];
    *next = i + 1;
    int rc = match_at(ex, value_re, value_jit, b);
    if (rc < 0)
        return 0;
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(ex->md);
    size_t end_b = ov[1];
    size_t end = i;
    while (end < ex->n && ex->cb[end] < end_b)
        end++;
    memset(v, 0, sizeof *v);
    v->start = v->num_start = i;
    v->end = end;

    size_t from, len;
    const char *numtxt = NULL;
    size_t numlen = 0;
    int pct = 0;
    if ((len = group(ex->md, G_ANUM, &from))) {
        numtxt = ex->s.data + from;
        numlen = len;
    } else if ((len = group(ex->md, G_PNUM, &from))) {
        numtxt = ex->s.data + from;
        numlen = len;
        pct = 1;
        v->chinese = 1;
    } else if ((len = group(ex->md, G_CNUM, &from))) {
        numtxt = ex->s.data + from;
        numlen = len;
        v->chinese = 1;
    }
    if (!numtxt)
        return 0;
    size_t num_end_b = from + numlen;
    *next = i;
    while (*next < ex->n && ex->cb[*next] < num_end_b)
        (*next)++;
    if (v->chinese) {
        if (lg_chinese_to_decimal(numtxt, numlen, v->dec, sizeof v->dec) != 0)
            return 0;
        v->single_cjk = utf8_chars_n(numtxt, numlen) == 1;
    } else if (lg_arabic_to_decimal(numtxt, numlen, v->dec, sizeof v->dec) != 0) {
        return 0;
    }

    size_t ulen = group(ex->md, G_UNIT, &from);
    if (ulen >= sizeof v->unit)
        return 0;
    memcpy(v->unit, ex->s.data + from, ulen);
    v->unit[ulen] = '\0';
    size_t mlen = group(ex->md, G_MAG, &from), used;
    int places = mlen ? lg_magnitude(ex->s.data + from, mlen, &used) : 0;
    if (pct)
        strcpy(v->unit, "%");

    uint32_t before = i > 0 ? ex->cp[i - 1] : 0;
    uint32_t after = cp_at(ex, end);

    /* ordinals: 第一批, 第28个; ranks: 第7位, 第1名, 居全国第一 */
    if (before == 0x7B2C /* 第 */) {
        int rank = UNIT_IS(v->unit, "名") || UNIT_IS(v->unit, "位");
        /* 居全国第一, but not 第一方阵, 第一梯队: the rank ends the clause */
        if (!rank && !ulen && !mlen && (end >= ex->n || is_clause_break(after) || after == 0x3002)) {
            size_t cs = clause_start(ex, i);
            for (size_t k = cs; k + 1 < i && !rank; k++)
                rank = starts_any(ex, k, &RANK_CUES) != 0;
        }
        if (!rank || places)
            return 0;
        strcpy(v->unit, "名");
        v->kind = KIND_RANK;
        v->start = i - 1;
        return 1;
    }
    if (!ulen && !places && !pct)
        return 0; /* a bare number: a label, a code, a hotline */
    if (ulen && in_words(v->unit, ulen, REJECTED_UNITS))
        return 0; /* dates, batches, versions, levels */
    if (ulen && unit_starts_word(v->unit, after))
        return 0;
    if (UNIT_IS(v->unit, "年") && (strlen(v->dec) >= 4 || strchr(v->dec, '.')))
        return 0;
    if ((UNIT_IS(v->unit, "小时") || UNIT_IS(v->unit, "分钟")) && is_cjk(after) &&
        after != 0x5185 /* 内 */ && after != 0x4EE5 /* 以 */ && after != 0x5DE6 /* 左 */)
        return 0; /* 24小时警局, 30分钟服务圈: names */
    if (before == '+' || after == '+' || in_short_quote(ex, i))
        return 0;
    if (v->chinese && v->single_cjk) {
        /* a lone 一 is the word "one"; 三项制度, 两件大事 are names; a lone
         * numeral counts only right after a verb that counts */
        /* 增长了一倍, 提高一倍: a change by a lone numeral of times */
        int times = UNIT_IS(v->unit, "倍") && (ends_any(ex, i, &CHANGE_WORDS) || ends(ex, i, "翻") ||
                                              ends(ex, i, "了"));
        if (!times && (!strcmp(v->dec, "1") || !ends_any(ex, i, &COUNT_CUES)))
            return 0;
    }
    if (places && lg_decimal_shift(v->dec, sizeof v->dec, places) != 0)
        return 0;

    if (group(ex->md, G_POST1, &from) || group(ex->md, G_POST2, &from))
        v->qualifier = "over";
    size_t plen = group(ex->md, G_POST3, &from);
    if (plen) {
        if (is_word(ex->s.data + from, plen, "左右")) v->qualifier = "approx";
        else if (is_word(ex->s.data + from, plen, "以内") || is_word(ex->s.data + from, plen, "以下"))
            v->qualifier = "under";
        else v->qualifier = "over";
    }
    const char *q = qualifier_before(ex, i);
    if (q && !v->qualifier)
        v->qualifier = q;
    if (UNIT_IS(v->unit, "个百分点"))
        strcpy(v->unit, "百分点");
    v->kind = unit_kind(v->unit);
    if (v->kind == KIND_PERCENT || v->kind == KIND_COUNT) {
        if (is_change(ex, v))
            v->kind = KIND_CHANGE;
    }
    return 1;
}

/* ---- year mentions -------------------------------------------------- */


static int five_year_plan_start(const char *s, size_t len)
{
    /* 十三五 -> 13 -> 2016; the plans run 5 years from 2001 + 5 (n - 10) */
    int n = 0;
    uint32_t cp;
    size_t i = 0;
    int tens = 0;
    while (i < len) {
        i += utf8_decode_one(s + i, &cp);
        if (cp == 0x5341) {
            tens = 1;
            continue;
        }
        static const uint32_t d[] = {0, 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94,
                                     0x516D, 0x4E03, 0x516B, 0x4E5D};
        for (int k = 1; k <= 9; k++)
            if (cp == d[k]) {
                if (i < len) /* the first digit; the last is always 五 */
                    n += k;
                break;
            }
    }
    n += tens ? 10 : 0;
    return n >= 6 ? 2001 + 5 * (n - 10) : 0;
}

/* The first characters of YEAR_PATTERN's alternatives: 19xx/20xx, 十三五
 * and 六五..九五, 截至目前 今年 去年 上年 前年 当年 本年 目前 上半年 下半年. */
static int year_start_def(uint32_t cp)
{
    switch (cp) {
    case '1': case '2':
    case 0x5341: case 0x516D: case 0x4E03: case 0x516B: case 0x4E5D:
    case 0x622A: case 0x4ECA: case 0x53BB: case 0x4E0A: case 0x524D:
    case 0x5F53: case 0x672C: case 0x76EE: case 0x4E0B:
        return 1;
    default:
        return 0;
    }
}

/* Can a year mention start at char i?  The first two characters of the
 * pattern's alternatives: 19, 20, 十[一-九五], [六七八九]五, 截至, 今年 去年
 * 前年 当年 本年, 上年 上半年, 下半年, 目前.  上, 下, 本 are everywhere in
 * prose; this keeps the pattern from being tried at each of them. */
static int year_may_start(const lg_extractor *ex, size_t i)
{
    uint32_t next = ex->cp[i + 1]; /* cp[n] is 0 */
    switch (ex->cp[i]) {
    case '1': return next == '9';
    case '2': return next == '0';
    case 0x5341: return next == 0x4E94 || class_at(ex, i + 1, CL_NUMERAL); /* 十 */
    case 0x516D: case 0x4E03: case 0x516B: case 0x4E5D: return next == 0x4E94; /* 六七八九 -> 五 */
    case 0x622A: return next == 0x81F3;                     /* 截至 */
    case 0x4E0A: return next == 0x5E74 || next == 0x534A;  /* 上年, 上半年 */
    case 0x4E0B: return next == 0x534A;                     /* 下半年 */
    case 0x76EE: return next == 0x524D;                     /* 目前 */
    default: return next == 0x5E74;                         /* 今年 去年 前年 当年 本年 */
    }
}

static size_t find_years(lg_extractor *ex, year_mention *out, size_t cap)
{
    size_t count = 0;
    /* the pattern is anchored: trying it where a mention can start finds
     * what an unanchored search would, without the search running at
     * every character */
    for (size_t at = 0; count < cap && at < ex->n;) {
        if (!class_at(ex, at, CL_YEAR) || !year_may_start(ex, at)) {
            at++;
            continue;
        }
        int rc = match_at(ex, year_re, year_jit, ex->cb[at]);
        if (rc < 0) {
            at++;
            continue;
        }
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(ex->md);
        size_t me = ov[1];
        year_mention m;
        memset(&m, 0, sizeof m);
        size_t i = at;
        m.start = i;
        while (i < ex->n && ex->cb[i] < me) i++;
        m.end = i;
        at = i > at ? i : at + 1;
        size_t from, len;
        const char *base = ex->s.data;
        if ((len = group(ex->md, G_RB, &from))) {
            /* 2021—2023年: the span, ending in its last year */
            m.year = atoi(base + from);
            group(ex->md, G_RA, &from);
            int a = atoi(base + from);
            if (a < m.year) {
                m.period_mode = PERIOD_SPAN;
                m.period_a = a;
                m.period_b = m.year;
            }
        } else if ((len = group(ex->md, G_Y, &from))) {
            m.year = atoi(base + from);
            size_t ql = group(ex->md, G_Q, &from);
            const char *q = base + from;
            if (ql && (is_word(q, ql, "以来") || is_word(q, ql, "来"))) {
                m.period_mode = PERIOD_SINCE;
                m.period_a = m.year;
                m.year = 0; /* the report's year */
            } else if (ql && is_word(q, ql, "上半年")) {
                m.period_mode = PERIOD_HALF;
                m.period_a = m.year;
                m.period_b = 1;
            } else if (ql && is_word(q, ql, "下半年")) {
                m.period_mode = PERIOD_HALF;
                m.period_a = m.year;
                m.period_b = 2;
            }
        } else if ((len = group(ex->md, G_FYP, &from))) {
            int start = five_year_plan_start(base + from, len);
            if (!start)
                continue;
            size_t ql = group(ex->md, G_FQ, &from);
            const char *q = base + from;
            if (is_word(q, ql, "以来")) {
                m.period_mode = PERIOD_SINCE;
                m.period_a = start;
            } else if (is_word(q, ql, "初")) {
                m.year = start;
            } else if (is_word(q, ql, "末")) {
                m.year = start + 4;
            } else {
                m.year = start + 4;
                m.period_mode = PERIOD_SPAN;
                m.period_a = start;
                m.period_b = start + 4;
            }
        } else if ((len = group(ex->md, G_REL, &from))) {
            const char *r = base + from;
            if (is_word(r, len, "去年") || is_word(r, len, "上年")) m.delta = -1;
            else if (is_word(r, len, "前年")) m.delta = -2;
            else if (is_word(r, len, "上半年")) { m.period_mode = PERIOD_HALF; m.period_b = 1; }
            else if (is_word(r, len, "下半年")) { m.period_mode = PERIOD_HALF; m.period_b = 2; }
            m.from_now = m.delta || is_word(r, len, "今年") || is_word(r, len, "本年");
        }
        m.comparison = ends_any(ex, m.start, &COMPARE) != 0;
        m.target = (ends(ex, m.start, "到") || ends(ex, m.start, "至")) &&
                   !ends(ex, m.start, "截至");
        m.pair = starts(ex, m.end, "的") && m.year != 0;
        out[count++] = m;
    }
    return count;
}

/* ---- places --------------------------------------------------------- */

typedef struct place_mention {
    size_t start, end;
    int id;
} place_mention;

static int prefer_city(const lg_extractor *ex)
{
    return ex->report_city >= 0 ? ex->report_city : ex->opening_city;
}

/* A county of two characters (赵县, 滑县) is matched in running text only
 * under the report's own city (范县 hides in 示范县).  Where a sentence
 * starts with one and its government or a year follows (赵县人民政府,
 * 赵县2022年度…报告), it names the report's county.  Asked at a sentence's
 * start only: the place scan runs at every character.  Returns the id or -1. */
static int county_opening_sentence(const lg_extractor *ex)
{
    if (ex->n <= 2 || ex->cp[1] != 0x53BF /* 县 */ || !is_cjk(ex->cp[0]))
        return -1;
    if (!is_digit_cp(ex->cp[2]) && !starts(ex, 2, "人民政府") && !starts(ex, 2, "政府") &&
        !starts(ex, 2, "县委"))
        return -1;
    char name[8];
    size_t len = utf8_encode(ex->cp[0], name);
    len += utf8_encode(ex->cp[1], name + len);
    name[len] = '\0';
    int id = lg_place_lookup(name, -1);
    const lg_place *p = id >= 0 ? lg_place_get(id) : NULL;
    return p && p->level == LG_COUNTY ? id : -1;
}

static size_t find_places(lg_extractor *ex, place_mention *out, size_t cap, size_t limit)
{
    size_t count = 0, i = 0;
    int county = limit > 0 && cap > 0 ? county_opening_sentence(ex) : -1;
    if (county >= 0) {
        out[count].start = 0;
        out[count].end = 2;
        out[count].id = county;
        count++;
        i = 2;
    }
    for (; i < limit && count < cap; i++) {
        uint32_t cp = ex->cp[i];
        if (!class_at(ex, i, CL_PLACE) || !class_at(ex, i + 1, CL_PLACE2) ||
            !lg_place_may_start(cp, ex->cp[i + 1]))
            continue;
        int id;
        size_t b = ex->cb[i];
        size_t len = lg_place_match(ex->s.data + b, ex->s.len - b, prefer_city(ex), &id);
        if (!len)
            continue;
        size_t k = i;
        while (k < ex->n && ex->cb[k] < b + len)
            k++;
        out[count].start = i;
        out[count].end = k;
        out[count].id = id;
        count++;
        i = k - 1;
    }
    return count;
}

/* ---- metric names --------------------------------------------------- */

static word_list LEAD_FILLERS = WORDS(W("已有"), W("前三季度"), W("第一季度"), W("第二季度"), W("第三季度"), W("第四季度"), W("一季度"), W("二季度"), W("三季度"), W("四季度"), W("共有"), W("现有"), W("拥有"), W("我市"), W("我区"), W("我县"), W("我旗"), W("我盟"), W("我州"), W("我省"), W("本市"), W("将"), W("力争"), W("截至目前"), W("截至"), W("目前"), W("近年来"), W("今年以来"), W("今年"), W("去年"), W("当年"), W("年内"), W("全年"), W("其中"), W("同时"), W("此外"), W("另外"), W("全市"), W("全区"), W("全县"), W("全旗"), W("全盟"), W("全省"), W("全州"), W("累计"), W("共计"), W("总计"), W("合计"), W("共"), W("先后"), W("已经"), W("已"), W("并且"), W("并"), W("还"), W("又"), W("均"), W("分别"), W("仅"), W("再"), W("一年来"), W("年来"), W("以来"), W("上半年"), W("下半年"), W("在"), W("对"), W("将"), W("把"), W("通过"), W("持续"), W("连续"), W("为"), W("的"), W("和"), W("及"), W("与"), W("、"));

static word_list TRAIL_FILLERS = WORDS(W("人民币"), W("控制在"), W("保持在"), W("稳定在"), W("分别达到"), W("分别达"), W("分别为"), W("分别"), W("均达到"), W("均达"), W("均为"), W("均"), W("达到"), W("高达"), W("多达"), W("达"), W("约为"), W("为"), W("共计"), W("总计"), W("合计"), W("累计"), W("共"), W("计"), W("增加至"), W("增长至"), W("增加到"), W("增长到"), W("提高到"), W("提高至"), W("提升到"), W("提升至"), W("上升到"), W("上升至"), W("下降到"), W("下降至"), W("降低到"), W("降低至"), W("减少到"), W("减少至"), W("精简到"), W("精简至"), W("压减到"), W("压减至"), W("压缩至"), W("降至"), W("升至"), W("至"), W("到"), W("目前"), W("有"), W("的"), W("已"), W("是"), W("占"), W("由"), W("从"), W("在"), W("超过"), W("突破"), W("超"), W("逾"), W("约"), W("将近"), W("接近"), W("近"), W("不到"), W("不足"), W("仅"), W("只"), W("就"), W("共有"));

/* Words after which the counted thing still has to come: 和, 等 (etc.),
 * prepositions (对897件案卷), ordinals (第一批14类). */
static word_list WEAK_ENDINGS = WORDS(W("全部"), W("所有"), W("以及"), W("和"), W("及"), W("与"), W("、"), W("或"), W("等"), W("对"), W("向"), W("给"), W("把"), W("将"), W("起"), W("批"), W("其中"));
/* ...unless they end a word: 涉及, 参与, 审批, 方向 */
static word_list WEAK_EXCEPTIONS = WORDS(W("涉及"), W("普及"), W("危及"), W("参与"), W("审批"), W("报批"), W("一起"), W("面向"), W("方向"), W("导向"), W("走向"), W("去向"), W("相对"), W("总和"), W("缓和"));

static word_list COMPARISONS = WORDS(W("去年同期"), W("上年同期"), W("同期"), W("同比"), W("环比"), W("比上年"), W("比去年"), W("较上年"), W("较去年"), W("比"), W("较之"), W("较"), W("与"), W("相比"));

/* Verbs after which the counted thing comes after the classifier:
 * 开展了12场政商恳谈早餐会, 完成332个行政村... */
static word_list COUNT_VERBS = WORDS(W("开展"), W("组织"), W("举办"), W("召开"), W("完成"), W("发布"), W("出台"), W("制定"), W("修订"), W("修改"), W("废止"), W("建成"), W("建立"), W("设立"), W("打造"), W("培育"), W("培养"), W("聘任"), W("聘请"), W("选聘"), W("招募"), W("评选"), W("选树"), W("曝光"), W("培训"), W("走访"), W("办理"), W("受理"), W("审查"), W("审核"), W("调解"), W("化解"), W("排查"), W("整改"), W("发现"), W("提出"), W("收到"), W("处理"), W("查处"), W("推出"), W("上线"), W("开通"), W("覆盖"), W("惠及"), W("帮助"), W("吸纳"), W("入驻"), W("录入"), W("归集"), W("整合"), W("梳理"), W("公布"), W("解决"), W("办结"), W("新增"), W("取消"), W("下放"), W("清理"), W("实现"), W("提供"), W("签订"), W("创建"), W("命名"), W("表彰"), W("举行"), W("宣讲"), W("约谈"), W("印发"), W("编制"), W("形成"), W("开设"), W("设置"), W("配备"), W("组建"), W("成立"), W("引进"), W("接待"), W("参与"), W("参加"), W("出动"), W("派出"), W("检查"), W("深入"), W("联系"), W("指导"), W("服务"), W("挽回"), W("兑现"), W("涉及"), W("审结"), W("新收"), W("纠错"), W("推动"), W("带动"), W("吸引"), W("筹集"), W("投入"), W("争取"), W("落实"), W("评查"), W("转载"), W("刊发"), W("报道"), W("打击"), W("破获"), W("抓获"), W("追回"), W("发放"), W("收集"), W("征集"), W("登记"), W("注册"), W("认定"), W("授予"), W("入选"), W("获评"), W("获得"), W("荣获"), W("有"), W("拥有"), W("了"), W("上报"), W("报送"), W("构建"), W("推荐"), W("选派"), W("评为"), W("推进"), W("部署"), W("推行"), W("启动"), W("实施"), W("确定"), W("明确"), W("安排"), W("交办"), W("督办"), W("编发"), W("印制"), W("审议"), W("听取"), W("作出"), W("出具"), W("提交"), W("签署"), W("发出"), W("制发"), W("下发"), W("转办"), W("回复"), W("答复"), W("核查"), W("督查"), W("抽查"), W("巡查"), W("送达"), W("选取"), W("确认"));

/* Where the words after a classifier stop naming the counted thing and
 * go on to say what it did: 16家公共法律服务中心提供法律咨询,
 * 4个地区荣获…, 57名负责人进行经济责任审计 (and a passive 被, see
 * passive_at) */
static word_list RIGHT_STOPS = WORDS(W("提供"), W("进行"), W("开展"), W("参与"), W("参加"), W("荣获"), W("获得"), W("获评"), W("获批"), W("入选"), W("分别"), W("逐一"), W("均已"), W("均被"), W("均获"), W("均在"), W("均达"), W("共同"), W("实现"), W("受到"), W("接受"), W("纳入"), W("列入"), W("深入"), W("承担"), W("完成"), W("全部"), W("已经"), W("已被"), W("先后"), W("累计"), W("共计"), W("成功"), W("顺利"), W("积极"), W("主动"));

static word_list SCOPE_WORDS = WORDS(W("全市"), W("全区"), W("全县"), W("全省"), W("全旗"), W("全盟"), W("全州"), W("全镇"));

/* Adverbs between a name and its verb: 检查数量同比普遍下降30%,
 * 发现问题率平均提高16个百分点 */
static word_list ADVERBS = WORDS(W("普遍"), W("平均"), W("总体"), W("整体"), W("大幅"), W("明显"), W("显著"), W("稳步"), W("进一步"), W("有效"), W("再次"), W("首次"), W("实时"), W("依法"), W("及时"), W("全面"), W("集中"), W("统一"), W("全程"));

/* Every list, so that lg_patterns_init can index them (a list left out
 * still works, unfiltered). */
static word_list *const ALL_WORD_LISTS[] = {
    &OVER_BEFORE, &APPROX_BEFORE, &NEARLY_BEFORE, &UNDER_BEFORE, &RANK_CUES,
    &COUNT_CUES, &CHANGE_WORDS, &LEVEL_WORDS, &COMPARE, &LEAD_FILLERS, &TRAIL_FILLERS,
    &RIGHT_STOPS, &ADVERBS, &SCOPE_WORDS,
    &WEAK_ENDINGS, &WEAK_EXCEPTIONS, &COMPARISONS, &COUNT_VERBS, &RANK_TOPIC_WORDS,
    &QUAL_WORDS, &RIGHT_LEAD, &NATION, &REVIEW, &ANNOUNCE_WHEN, &ANNOUNCE_VERBS,
};

static void index_word_lists(void)
{
    for (size_t i = 0; i < sizeof ALL_WORD_LISTS / sizeof *ALL_WORD_LISTS; i++)
        index_word_list(ALL_WORD_LISTS[i]);
}

static size_t skip_place_at(const place_mention *pm, size_t npm, size_t i)
{
    for (size_t k = 0; k < npm; k++)
        if (pm[k].start == i)
            return pm[k].end;
    return i;
}

static size_t skip_year_at(const year_mention *ym, size_t nym, size_t i)
{
    for (size_t k = 0; k < nym; k++)
        if (ym[k].start == i)
            return ym[k].end;
    return i;
}

static size_t place_ending_at(const place_mention *pm, size_t npm, size_t i)
{
    for (size_t k = 0; k < npm; k++)
        if (pm[k].end == i)
            return pm[k].start;
    return i;
}

static size_t year_ending_at(const year_mention *ym, size_t nym, size_t i)
{
    for (size_t k = 0; k < nym; k++)
        if (ym[k].end == i)
            return ym[k].start;
    return i;
}

static int quote_def(uint32_t cp)
{
    return cp == 0x201C || cp == 0x201D || cp == 0x2018 || cp == 0x2019 || cp == '"' ||
           cp == '\'' || cp == 0x300C || cp == 0x300D || cp == 0x300E || cp == 0x300F ||
           cp == 0x300A || cp == 0x300B || cp == ' ';
}

typedef struct span {
    size_t a, b;
    int weak; /* the words name an action, not the thing counted */
} span;

static size_t visible_chars(const lg_extractor *ex, span s)
{
    size_t k = 0;
    for (size_t i = s.a; i < s.b; i++)
        k += !class_at(ex, i, CL_QUOTE);
    return k;
}

/* Trim quotes and fillers off both ends of the words before a value. */
static span trim_left_words(const lg_extractor *ex, span s, const place_mention *pm,
                            size_t npm, const year_mention *ym, size_t nym)
{
    for (int changed = 1; changed && s.a < s.b;) {
        changed = 0;
        size_t k;
        if (class_at(ex, s.a, CL_QUOTE)) { s.a++; changed = 1; continue; }
        if ((k = skip_place_at(pm, npm, s.a)) != s.a && k <= s.b) { s.a = k; changed = 1; continue; }
        if ((k = skip_year_at(ym, nym, s.a)) != s.a && k <= s.b) { s.a = k; changed = 1; continue; }
        if ((k = starts_any(ex, s.a, &COMPARISONS)) && s.a + k <= s.b) {
            size_t y = skip_year_at(ym, nym, s.a + k);
            if (y != s.a + k) { s.a = y; changed = 1; continue; }
        }
        if ((k = starts_any(ex, s.a, &LEAD_FILLERS)) && s.a + k <= s.b) { s.a += k; changed = 1; }
    }
    for (int changed = 1; changed && s.a < s.b;) {
        changed = 0;
        size_t k;
        if (class_at(ex, s.b - 1, CL_QUOTE)) { s.b--; changed = 1; continue; }
        if ((k = year_ending_at(ym, nym, s.b)) != s.b && k >= s.a) { s.b = k; changed = 1; continue; }
        /* 列入包头市20件项目: a place before the number qualifies what follows */
        if ((k = place_ending_at(pm, npm, s.b)) != s.b && k > s.a) { s.b = k; s.weak = 1; changed = 1; continue; }
        /* 实现全市95%个人政务服务事项: so does the scope */
        if ((k = ends_any(ex, s.b, &SCOPE_WORDS)) && s.b - k > s.a) { s.b -= k; s.weak = 1; changed = 1; continue; }
        if (!ends_any(ex, s.b, &WEAK_EXCEPTIONS) && (k = ends_any(ex, s.b, &WEAK_ENDINGS)) &&
            s.b - k >= s.a) { s.b -= k; s.weak = 1; changed = 1; continue; }
        if ((k = ends(ex, s.b, "了")) && s.b - k >= s.a) { s.b -= k; s.weak = 1; changed = 1; continue; }
        if ((k = ends_any(ex, s.b, &TRAIL_FILLERS)) && s.b - k >= s.a) { s.b -= k; changed = 1; continue; }
        if ((k = ends_any(ex, s.b, &ADVERBS)) && s.b - k > s.a) { s.b -= k; changed = 1; continue; }
    }
    return s;
}

/* 被 starts a passive verb (被拉入黑名单, 被评为) unless it starts a
 * party's name: 被告, 被执行人, 被申请人, 被处罚人, 被害人 */
static int passive_at(const lg_extractor *ex, size_t i)
{
    if (ex->cp[i] != 0x88AB /* 被 */ || i + 1 >= ex->n)
        return 0;
    uint32_t next = ex->cp[i + 1];
    if (next == 0x544A /* 告 */ || next == 0x5BB3 /* 害 */)
        return 0;
    for (size_t k = i + 2; k < i + 5 && k < ex->n; k++)
        if (ex->cp[k] == 0x4EBA /* 人: 被执行人, 被申请人, 被处罚人 */)
            return 0;
    return 1;
}

/* The first char in [a, b) where the words stop naming a thing (a verb of
 * RIGHT_STOPS, or 、 before another number: 11个县委书记、6大行业…), or b. */
static size_t right_stop_in(const lg_extractor *ex, size_t a, size_t b)
{
    for (size_t i = a; i < b; i++) {
        if (ex->cp[i] == 0x3001 /* 、 */ && i + 1 < ex->n &&
            (is_digit_cp(ex->cp[i + 1]) || class_at(ex, i + 1, CL_NUMERAL)))
            return i;
        if (passive_at(ex, i) || starts_any(ex, i, &RIGHT_STOPS))
            return i;
    }
    return b;
}

/* The chars in [a, b) outside brackets and quotes: 村(社区) has one. */
static size_t unbracketed_chars(const lg_extractor *ex, size_t a, size_t b)
{
    size_t n = 0;
    int depth = 0;
    for (size_t i = a; i < b; i++) {
        uint32_t cp = ex->cp[i];
        if (cp == '(' || cp == 0xFF08 /* （ */)
            depth++;
        else if ((cp == ')' || cp == 0xFF09) && depth > 0)
            depth--;
        else if (!depth && !class_at(ex, i, CL_QUOTE))
            n++;
    }
    return n;
}

/* The words after a classifier up to where they stop naming the counted
 * thing.  A generic noun says little alone: 133项事项实现免证办 keeps its
 * verb, where 16家公共法律服务中心提供… does not need it. */
static span name_before_verb(const lg_extractor *ex, span right, const place_mention *pm,
                             size_t npm, const year_mention *ym, size_t nym)
{
    size_t stop = right_stop_in(ex, right.a + 1, right.b);
    if (stop == right.b ||
        !(ex->cp[stop] == 0x3001 /* 、 before a number */ || unbracketed_chars(ex, right.a, stop) >= 3))
        return right;
    span named = trim_left_words(ex, (span){right.a, stop, 0}, pm, npm, ym, nym);
    return visible_chars(ex, named) >= 2 ? named : right;
}

/* Does the text from char i start with a list separator (、 和 及 与)? */
static int starts_separator(const lg_extractor *ex, size_t i)
{
    if (i >= ex->n)
        return 0;
    uint32_t cp = ex->cp[i];
    return cp == 0x3001 /* 、 */ || cp == 0xFF0C /* ， */ || cp == ',' || cp == 0x548C /* 和 */ ||
           cp == 0x53CA /* 及 */ || cp == 0x4E0E /* 与 */ || starts(ex, i, "以及");
}

static int only_change_words(const lg_extractor *ex, span s)
{
    /* 比2022年增加, 同比增长: the change of the indicator named before */
    size_t b = s.b, k;
    while (b > s.a && (k = ends_any(ex, b, &CHANGE_WORDS)) && b - k >= s.a)
        b -= k;
    if (b == s.b)
        return 0;
    while (b > s.a && (k = ends_any(ex, b, &COMPARISONS)) && b - k >= s.a)
        b -= k;
    return b == s.a;
}

static void append_span(const lg_extractor *ex, text_buf *out, span s, size_t max_chars,
                        int keep_tail)
{
    size_t total = visible_chars(ex, s), skip = 0, taken = 0;
    if (total > max_chars && keep_tail)
        skip = total - max_chars;
    if (text_reserve(out, 4 * max_chars))
        return; /* out->failed tells */
    for (size_t i = s.a; i < s.b; i++) {
        uint32_t cp = ex->cp[i];
        if (class_at(ex, i, CL_QUOTE) || cp == 0xFFFD)
            continue;
        if (skip) { skip--; continue; }
        if (taken++ == max_chars)
            break;
        out->len += utf8_encode(cp, out->data + out->len);
    }
    out->data[out->len] = '\0';
}

/* A rank is named by what is ranked: the clause that says 排名/名次, up
 * to that word (综合信用指数排名中，最好成绩为第7位). */
static int rank_topic(const lg_extractor *ex, size_t at, span *out)
{
    for (size_t i = at; i > 0; i--) {
        size_t k = ends_any(ex, i, &RANK_TOPIC_WORDS);
        if (k) {
            out->a = clause_start(ex, i - k);
            out->b = i;
            return 1;
        }
    }
    return 0;
}

/* Name the metric of values[k] into out.  prev names the value before it
 * in the sentence ("" when none). */
static void name_metric(const lg_extractor *ex, const value *values, size_t nv, size_t k,
                        const place_mention *pm, size_t npm, const year_mention *ym,
                        size_t nym, const char *prev, text_buf *out)
{
    const value *v = &values[k];
    size_t clause = clause_start(ex, v->start), cs = clause;
    if (k > 0 && values[k - 1].end > cs && values[k - 1].end <= v->start)
        cs = values[k - 1].end;
    int after_prev = cs > clause;
    span left = {cs, v->start, 0};
    if (after_prev) {
        /* 编发周报8期、提醒函22件: after a separator the words name the next
         * value; 16家服务中心提供法律咨询44万人次: after a verb too */
        size_t stop;
        if (starts_separator(ex, cs)) {
            after_prev = 0;
        } else if ((stop = right_stop_in(ex, cs + 1, v->start)) < v->start &&
                   ex->cp[stop] != 0x3001 /* 、 */) {
            left.a = stop + starts_any(ex, stop, &RIGHT_STOPS);
            after_prev = 0;
        }
    }
    /* 推出《思法人生》15部作品: a title names one item; the counted kind follows */
    size_t t = left.b;
    while (t > left.a && ex->cp[t - 1] == 0x7B49 /* 等 */)
        t--;
    int after_title = t > left.a && ex->cp[t - 1] == 0x300B /* 》 */;
    /* a leading qualifier word is not part of the name */
    size_t q;
    if ((q = ends_any(ex, left.b, &QUAL_WORDS)) && left.b - q >= left.a)
        left.b -= q;
    left = trim_left_words(ex, left, pm, npm, ym, nym);
    /* a year inside the words (…指标2022年2023年行政复议案件) ends a header
     * or a time phrase: the name comes after it */
    for (size_t i = 0; i < nym; i++)
        if (!ym[i].comparison && ym[i].start >= left.a && ym[i].end < left.b)
            left.a = ym[i].end;
    int change_only = only_change_words(ex, left);
    /* 时限压缩至3.5个工作日，较法定时限缩短80%: a clause that opens with
     * its comparison has dropped its subject, the indicator named before */
    if (v->kind == KIND_CHANGE && *prev && left.a < left.b &&
        (ex->cp[left.a] == 0x8F83 /* 较 */ || ex->cp[left.a] == 0x6BD4 /* 比 */))
        change_only = 1;
    /* 群众满意度提高2.1个百分点: the indicator is what rose */
    if (!change_only && (v->kind == KIND_CHANGE || v->kind == KIND_MULTIPLE)) {
        size_t k2;
        for (int again = 1; again;) {
            again = 0;
            size_t y = year_ending_at(ym, nym, left.b);
            if ((k2 = ends_any(ex, left.b, &CHANGE_WORDS)) && left.b - k2 > left.a + 1) {
                left.b -= k2;
                again = 1;
            } else if (y != left.b && y > left.a + 1) {
                left.b = y; /* 比2022年 */
                again = 1;
            } else if ((k2 = ends_any(ex, left.b, &COMPARISONS)) && left.b - k2 > left.a + 1) {
                left.b -= k2;
                again = 1;
            } else if ((k2 = ends_any(ex, left.b, &ADVERBS)) && left.b - k2 > left.a + 1) {
                left.b -= k2;
                again = 1;
            }
        }
    }
    if (!change_only && left.b > left.a && ends_any(ex, left.b, &COUNT_VERBS))
        left.weak = 1;
    size_t left_chars = visible_chars(ex, left); /* left is settled from here on */
    if (left_chars < 2)
        left.weak = 1;
    for (size_t i = left.b; i > left.a && left.b - i < 3; i--)
        if (ex->cp[i - 1] == 0x7B49 /* 等 */)
            left.weak = 1;
    /* 14个部门91项事项: the words between two values name the first */
    if (after_prev || after_title)
        left.weak = 1;

    /* the words after the classifier, up to the clause end or next value;
     * adjacent values (14类60项办事服务项目) share the words after the last */
    size_t j = k;
    while (j + 1 < nv && values[j + 1].start == values[j].end)
        j++;
    span right = {values[j].end, clause_end(ex, values[j].end), 0};
    if (j + 1 < nv && values[j + 1].start < right.b) {
        right.b = values[j + 1].start;
        if (j > k) /* words running into another value are not shared */
            right.a = right.b = v->end;
    }
    size_t r;
    while (right.a < right.b && ((r = starts_any(ex, right.a, &RIGHT_LEAD)) || class_at(ex, right.a, CL_QUOTE)))
        right.a += r ? r : 1;
    right = trim_left_words(ex, right, pm, npm, ym, nym);

    /* 2900件3265件行政诉讼案件750件: the words after a value that directly
     * follows another run into the next value; they are its name */
    int adjacent_prev = k > 0 && values[k - 1].end == v->start;
    int right_is_next_label = j + 1 < nv && values[j + 1].start == right.b;
    if (adjacent_prev && *prev && right_is_next_label) {
        text_append(out, prev, strlen(prev));
    } else if (v->kind == KIND_RANK && rank_topic(ex, v->start, &left)) {
        left = trim_left_words(ex, left, pm, npm, ym, nym);
        append_span(ex, out, left, METRIC_MAX_CHARS, 1);
    } else if (change_only && *prev) {
        text_append(out, prev, strlen(prev));
    } else if ((left.weak || left_chars <= 2) && visible_chars(ex, right) >= 2 &&
               !ends_any(ex, right.b, &CHANGE_WORDS) &&
               !(left_chars >= 2 && starts_separator(ex, values[j].end))) {
        /* (专题培训86场次、专题宣讲146场次: words after a separator are the
         * next item's, so a name before the value stays) */
        append_span(ex, out, name_before_verb(ex, right, pm, npm, ym, nym), METRIC_MAX_CHARS, 0);
    } else if (left_chars >= 1 && !(left_chars < 2 && *prev)) {
        append_span(ex, out, left, METRIC_MAX_CHARS, 1);
    } else if (*prev) {
        text_append(out, prev, strlen(prev));
    } else {
        append_span(ex, out, (span){clause, clause_end(ex, v->end), 0},
                    METRIC_MAX_CHARS, 1);
    }
    if (out->len == 0)
        text_append(out, "", 0);
}

/* ---- the year, period and place of one value ------------------------ */

/* Is the text between chars a and b nothing but list separators? */
static int only_separators(const lg_extractor *ex, size_t a, size_t b)
{
    for (size_t i = a; i < b; i++) {
        uint32_t cp = ex->cp[i];
        if (cp != 0x3001 /* 、 */ && cp != 0xFF0C && cp != ',' && cp != 0x548C /* 和 */ &&
            cp != 0x53CA /* 及 */ && cp != ' ')
            return 0;
    }
    return 1;
}

static void resolve_year(const lg_extractor *ex, const value *values, size_t nv, size_t k,
                         const year_mention *ym, size_t nym, rec *r)
{
    const value *v = &values[k];
    const year_mention *best = NULL;
    for (size_t i = 0; i < nym; i++) {
        const year_mention *m = &ym[i];
        if (m->end > v->start || m->comparison)
            continue;
        if (m->pair) {
            /* 从2020年的35人增加到145人: 2020 is the first value's only */
            int first = 1;
            for (size_t p = 0; p < k; p++)
                if (values[p].start >= m->end)
                    first = 0;
            if (!first)
                continue;
        }
        best = m;
    }
    /* 2022年、2023年分别办理300件、400件, or a table flattened one cell
     * per line (指标 2022年 2023年 案件 2900件 3265件): a run of N years
     * and a later run of N values pair up in order */
    if (best && best->year) {
        size_t last = (size_t)(best - ym), first = last;
        while (first > 0 && ym[first - 1].year && only_separators(ex, ym[first - 1].end, ym[first].start))
            first--;
        size_t years = last - first + 1, vfirst = k, vlast = k;
        while (vfirst > 0 && values[vfirst - 1].start >= best->end &&
               only_separators(ex, values[vfirst - 1].end, values[vfirst].start))
            vfirst--;
        while (vlast + 1 < nv && only_separators(ex, values[vlast].end, values[vlast + 1].start))
            vlast++;
        if (years >= 2 && vlast - vfirst + 1 == years)
            best = &ym[first + (k - vfirst)];
    }
    r->year_mode = YEAR_REPORT;
    r->year = 0;
    r->period_mode = PERIOD_NONE;
    if (!best && ex->have_clause_year)
        best = &ex->clause_year;
    if (!best && ex->have_para_year)
        best = &ex->para_year;
    if (!best)
        return;
    if (best->year) {
        r->year_mode = YEAR_EXPLICIT;
        r->year = best->year;
    } else {
        r->year = best->delta;
        r->from_now = best->from_now;
    }
    r->period_mode = best->period_mode;
    r->period_a = best->period_a;
    r->period_b = best->period_b;
}

/* 红花岗区、汇川区分别办理…215件、187件: a run of N places and a later run
 * of N values pair up in order.  Returns the place of values[k], or NULL
 * when they do not pair. */
static const place_mention *paired_place(const lg_extractor *ex, const value *values, size_t nv,
                                         size_t k, const place_mention *pm,
                                         const place_mention *best)
{
    size_t last = (size_t)(best - pm), first = last;
    while (first > 0 && only_separators(ex, pm[first - 1].end, pm[first].start))
        first--;
    size_t places = last - first + 1, vfirst = k, vlast = k;
    if (places < 2)
        return NULL;
    while (vfirst > 0 && values[vfirst - 1].start >= best->end &&
           only_separators(ex, values[vfirst - 1].end, values[vfirst].start))
        vfirst--;
    while (vlast + 1 < nv && only_separators(ex, values[vlast].end, values[vlast + 1].start))
        vlast++;
    return vlast - vfirst + 1 == places ? &pm[first + (k - vfirst)] : NULL;
}

static void resolve_place(const lg_extractor *ex, const value *values, size_t nv, size_t k,
                          const place_mention *pm, size_t npm, rec *r)
{
    const value *v = &values[k];
    const place_mention *best = NULL;
    size_t counties = 0;
    for (size_t i = 0; i < npm; i++) {
        if (pm[i].end > v->start)
            break;
        const lg_place *p = lg_place_get(pm[i].id);
        if (!p)
            continue;
        if (p->level == LG_PROVINCE) {
            /* a region's figure only when named in the value's own clause */
            if (clause_start(ex, v->start) <= pm[i].start)
                best = &pm[i];
            continue;
        }
        if (p->level == LG_COUNTY)
            counties++;
        best = &pm[i];
    }
    r->city_mode = CITY_REPORT;
    r->place = -1;
    /* 全国261个地级城市: the nation's figure, not the city's */
    if (v->kind != KIND_RANK && ends_any(ex, v->start, &NATION)) {
        r->city_mode = CITY_NONE;
        return;
    }
    if (!best)
        return;
    const place_mention *paired = paired_place(ex, values, nv, k, pm, best);
    if (paired) {
        best = paired;
        counties = 1;
    }
    const lg_place *p = lg_place_get(best->id);
    if (p->level == LG_PROVINCE) {
        r->city_mode = CITY_NONE;
        return;
    }
    r->city_mode = CITY_PLACE;
    r->place = best->id;
    /* 昆都仑区、九原区、达茂旗3个旗县区: several counties -> the city's figure */
    if (p->level == LG_COUNTY && counties > 1)
        r->place = lg_place_city_of(best->id);
}


/* ---- tables flattened into | rows ----------------------------------- */

typedef struct cell {
    size_t a, b;
} cell;

#define MAX_CELLS 16

static size_t split_cells(const lg_extractor *ex, cell *cells)
{
    size_t n = 0, a = 0;
    for (size_t i = 0; i <= ex->n && n < MAX_CELLS; i++) {
        if (i < ex->n && ex->cp[i] != '|')
            continue;
        if (i > a || n > 0 || a > 0) {
            cells[n].a = a;
            cells[n].b = i;
            n++;
        }
        a = i + 1;
    }
    /* drop the empty cells outside the first and last bar */
    while (n && cells[n - 1].a >= cells[n - 1].b)
        n--;
    if (n && cells[0].a >= cells[0].b) {
        memmove(cells, cells + 1, (n - 1) * sizeof *cells);
        n--;
    }
    return n;
}

static int cell_of(const cell *cells, size_t n, size_t at)
{
    for (size_t j = 0; j < n; j++)
        if (at >= cells[j].a && at < cells[j].b)
            return (int)j;
    return -1;
}

static int span_has_cjk(const lg_extractor *ex, size_t a, size_t b)
{
    for (size_t i = a; i < b; i++)
        if (is_cjk(ex->cp[i]))
            return 1;
    return 0;
}

/* A row without values is a header: remember its cells and their years. */
static void table_header(lg_extractor *ex, const cell *cells, size_t n,
                         const year_mention *ym, size_t nym)
{
    ex->table_cols = 0;
    for (size_t j = 0; j < n && j < 16; j++) {
        text_reset(&ex->table_header[j]);
        ex->table_year[j] = 0;
        for (size_t i = cells[j].a; i < cells[j].b; i++)
            if (!class_at(ex, i, CL_QUOTE))
                text_append_cp(&ex->table_header[j], ex->cp[i]);
        for (size_t k = 0; k < nym; k++)
            if (ym[k].start >= cells[j].a && ym[k].end <= cells[j].b && ym[k].year)
                ex->table_year[j] = ym[k].year;
        ex->table_cols = j + 1;
    }
}

static int generic_measure(const char *s)
{
    static const char *const words[] = {"数量", "数", "件数", "人数", "金额", "比例", "占比",
                                        "合计", "总数", "总计", "数值", "规模", NULL};
    return s && in_list(s, words);
}

/* Name a value in a table row from its row label and column header. */
static void table_metric(lg_extractor *ex, const cell *cells, size_t n, const value *v,
                         text_buf *out, rec *r)
{
    int j = cell_of(cells, n, v->start);
    text_buf label = {0};
    if (n && cell_of(cells, n, v->start) != 0)
        for (size_t i = cells[0].a; i < cells[0].b; i++)
            if (!class_at(ex, i, CL_QUOTE))
                text_append_cp(&label, ex->cp[i]);
    const char *head = j >= 0 && (size_t)j < ex->table_cols ? ex->table_header[j].data : NULL;
    int head_year = j >= 0 && (size_t)j < ex->table_cols ? ex->table_year[j] : 0;
    if (head_year) {
        r->year_mode = YEAR_EXPLICIT;
        r->year = head_year;
        r->period_mode = PERIOD_NONE;
        head = NULL; /* the header is the year, not a name */
    }
    int label_ok = label.len > 0, head_ok = head && *head;
    if (label_ok || head_ok)
        text_reset(out);
    if (label_ok && head_ok && generic_measure(label.data)) {
        text_append(out, head, strlen(head));
        text_append(out, label.data, label.len);
    } else if (label_ok && head_ok) {
        text_append(out, label.data, label.len);
        text_append(out, head, strlen(head));
    } else if (label_ok) {
        text_append(out, label.data, label.len);
    } else if (head_ok) {
        text_append(out, head, strlen(head));
    }
    if (head_ok && (strstr(head, "同比") || strstr(head, "增长") || strstr(head, "增幅")) &&
        (UNIT_IS(v->unit, "%") || UNIT_IS(v->unit, "百分点")))
        r->kind = KIND_CHANGE;
    text_free(&label);
}

/* ---- records: held back until the report's city and year settle ----- */

static int emit_record(lg_extractor *ex, const rec *r, const char *sentence)
{
    /* a context that runs to the sentence's end is already a C string */
    const char *context = sentence + r->ctx_from;
    if (context[r->ctx_len] != '\0') {
        text_reset(&ex->context);
        if (text_append(&ex->context, context, r->ctx_len) != 0) {
            ex->status = LG_ERR_NOMEM;
            return 1;
        }
        context = ex->context.data;
    }
    lg_record out;
    memset(&out, 0, sizeof out);
    out.file = ex->file;
    out.doc = ex->doc;
    out.line = r->line;
    out.offset = r->offset;

    int place = r->place;
    if (r->city_mode == CITY_REPORT)
        place = ex->report_county >= 0 && lg_place_city_of(ex->report_county) == ex->report_city
                    ? ex->report_county : ex->report_city;
    if (r->city_mode != CITY_NONE && place >= 0) {
        const lg_place *p = lg_place_get(place);
        int city = lg_place_city_of(place);
        const lg_place *cp = city >= 0 ? lg_place_get(city) : NULL;
        out.city = cp ? cp->name : NULL;
        out.district = p && p->level == LG_COUNTY ? p->name : NULL;
        out.adcode = p ? p->adcode : NULL;
    } else if (r->city_mode != CITY_NONE && ex->cfg->default_city) {
        out.city = ex->cfg->default_city;
    }

    int year = 0;
    if (r->year_mode == YEAR_EXPLICIT)
        year = r->year;
    else if (ex->report_year)
        year = ex->report_year + r->year + (r->from_now ? ex->written_after : 0);
    out.year = year;
    char period[32];
    if (r->period_mode == PERIOD_SPAN) {
        snprintf(period, sizeof period, "%d/%d", r->period_a, r->period_b);
        out.period = period;
    } else if (r->period_mode == PERIOD_SINCE && ex->report_year > r->period_a) {
        snprintf(period, sizeof period, "%d/%d", r->period_a, ex->report_year);
        out.period = period;
    } else if (r->period_mode == PERIOD_HALF && (r->period_a || year)) {
        snprintf(period, sizeof period, "%d-H%d", r->period_a ? r->period_a : year, r->period_b);
        out.period = period;
    }
    out.metric = r->metric;
    out.value = lg_decimal_to_double(r->value_str);
    out.value_str = r->value_str;
    out.unit = r->unit;
    out.qualifier = r->qualifier;
    out.kind = r->kind;
    out.text = r->text;
    out.context = context;
    if (ex->cfg->on_record(&out, ex->cfg->user)) {
        ex->status = LG_ERR_STOPPED;
        return 1;
    }
    return 0;
}

static char *dup_text(const char *s, size_t n)
{
    char *d = malloc(n + 1);
    if (d) {
        memcpy(d, s, n);
        d[n] = '\0';
    }
    return d;
}

static int hold_record(lg_extractor *ex, rec *r)
{
    if (!ex->sentence_held) {
        if (ex->held_ctx_len == ex->held_ctx_cap) {
            size_t cap = ex->held_ctx_cap ? ex->held_ctx_cap * 2 : 64;
            char **p = realloc(ex->held_ctx, cap * sizeof *p);
            if (!p)
                return -1;
            ex->held_ctx = p;
            ex->held_ctx_cap = cap;
        }
        char *ctx = dup_text(ex->s.data, ex->s.len);
        if (!ctx)
            return -1;
        ex->held_ctx[ex->held_ctx_len++] = ctx;
        ex->sentence_held = 1;
    }
    if (ex->held_len == ex->held_cap) {
        size_t cap = ex->held_cap ? ex->held_cap * 2 : 64;
        rec *p = realloc(ex->held, cap * sizeof *p);
        if (!p)
            return -1;
        ex->held = p;
        ex->held_cap = cap;
    }
    r->metric = dup_text(r->metric, strlen(r->metric));
    r->text = dup_text(r->text, strlen(r->text));
    if (!r->metric || !r->text) {
        free(r->metric);
        free(r->text);
        return -1;
    }
    r->context = ex->held_ctx_len - 1;
    ex->held[ex->held_len++] = *r;
    return 0;
}

static void settle(lg_extractor *ex)
{
    if (ex->settled)
        return;
    ex->settled = 1;
    ex->report_year = ex->opening_year ? ex->opening_year : ex->latest_year;
    if (!ex->report_year)
        ex->report_year = ex->latest_mentioned;
    if (!ex->report_year)
        ex->report_year = ex->cfg->default_year;
    ex->report_city = ex->opening_city;
    if (ex->report_city < 0 && ex->city_votes && !ex->region_report) {
        int best = -1;
        for (int i = 0; i < lg_place_count(); i++)
            if (ex->city_votes[i] > 0 && (best < 0 || ex->city_votes[i] > ex->city_votes[best]))
                best = i;
        ex->report_city = best;
    }
    if (ex->report_city < 0 && ex->cfg->default_city)
        ex->report_city = lg_place_lookup(ex->cfg->default_city, -1);
    for (size_t i = 0; i < ex->held_len; i++) {
        rec *r = &ex->held[i];
        if (ex->status == LG_OK)
            emit_record(ex, r, ex->held_ctx[r->context]);
        free(r->metric);
        free(r->text);
    }
    for (size_t i = 0; i < ex->held_ctx_len; i++)
        free(ex->held_ctx[i]);
    free(ex->held);
    free(ex->held_ctx);
    free(ex->city_votes);
    ex->held = NULL;
    ex->held_ctx = NULL;
    ex->city_votes = NULL;
    ex->held_len = ex->held_cap = ex->held_ctx_len = ex->held_ctx_cap = 0;
}

static int first_sentence_names_city(const place_mention *pm, size_t npm)
{
    for (size_t i = 0; i < npm; i++)
        if (lg_place_city_of(pm[i].id) >= 0)
            return 1;
    return 0;
}


/* 2019年北京市法治政府建设报告日前发布: news of a report published, so
 * written in the year after the one it reports on (its 去年 is that year). */
static int announces_report(const lg_extractor *ex, const year_mention *m)
{
    for (size_t i = m->end; i + 2 <= ex->n && !class_at(ex, i, CL_BREAK); i++) {
        if (!starts(ex, i, "报告"))
            continue;
        size_t j = i + 2;
        while (j < ex->n && class_at(ex, j, CL_QUOTE))
            j++;
        j += starts_any(ex, j, &ANNOUNCE_WHEN);
        if (starts_any(ex, j, &ANNOUNCE_VERBS))
            return 1;
    }
    return 0;
}

/* What the opening and the first part of the report say about its own
 * city and year. */
static void observe_report(lg_extractor *ex, const year_mention *ym, size_t nym,
                           const place_mention *pm, size_t npm)
{
    int in_opening = ex->chars_seen < OPENING_CHARS;
    for (size_t i = 0; i < nym; i++)
        if (ym[i].year && !ym[i].comparison && !ym[i].target && ym[i].year <= 2100 &&
            ym[i].year > ex->latest_mentioned)
            ex->latest_mentioned = ym[i].year;
    for (size_t i = 0; i < nym && in_opening && !ex->opening_year; i++) {
        const year_mention *m = &ym[i];
        if (!m->year || m->comparison || m->target)
            continue;
        int reviewed = ends_any(ex, m->start, &REVIEW) != 0;
        int annual = ends(ex, m->end, "年度") != 0;
        int leads = cp_at(ex, m->end) == 0xFF0C || cp_at(ex, m->end) == ',' ||
                    (m->start == 0 && ex->chars_seen == 0);
        int announced = announces_report(ex, m);
        if (reviewed || annual || leads || announced)
            ex->opening_year = m->year;
        if (announced)
            ex->written_after = 1;
    }
    for (size_t i = 0; i < npm; i++) {
        int city = lg_place_city_of(pm[i].id);
        if (city < 0) {
            /* 内蒙古自治区2023年法治政府建设报告: a province's own report
             * (unless a city follows at once: 内蒙古自治区包头市) */
            if (ex->chars_seen == 0 && !first_sentence_names_city(pm, npm))
                ex->region_report = 1;
            continue;
        }
        if (in_opening && ex->opening_city < 0 && !ex->region_report) {
            ex->opening_city = city;
            const lg_place *p = lg_place_get(pm[i].id);
            if (ex->chars_seen == 0 && p && p->level == LG_COUNTY)
                ex->report_county = pm[i].id;
        }
        if (ex->city_votes)
            ex->city_votes[city]++;
    }
}

/* A record's context is its sentence; a sentence longer than this (a
 * paragraph with no 。, a flood of numbers) gives a window around the
 * value instead, so output stays in proportion to input. */
#define CONTEXT_MAX_CHARS 300
#define CONTEXT_SIDE_CHARS 120

static void context_window(const lg_extractor *ex, const value *v, rec *r)
{
    size_t a = 0, b = ex->n;
    if (ex->n > CONTEXT_MAX_CHARS) {
        a = v->start > CONTEXT_SIDE_CHARS ? v->start - CONTEXT_SIDE_CHARS : 0;
        b = v->end + CONTEXT_SIDE_CHARS < ex->n ? v->end + CONTEXT_SIDE_CHARS : ex->n;
    }
    r->ctx_from = ex->cb[a];
    r->ctx_len = ex->cb[b] - ex->cb[a];
}

/* ---- one sentence --------------------------------------------------- */

/* Chinese numerals are everywhere in prose (进一步, 百姓, 千方百计): run the
 * value pattern only when the run is followed by something a value can
 * be followed by. */
static int cjk_numeral_may_count(const lg_extractor *ex, size_t i)
{
    if (i > 0 && ex->cp[i - 1] == 0x7B2C /* 第: a rank may end the clause */)
        return 1;
    size_t k = i;
    while (k < ex->n && (class_at(ex, k, CL_NUMERAL) || ex->cp[k] == 0x4E07 ||
                         ex->cp[k] == 0x4EBF || ex->cp[k] == 0x70B9))
        k++;
    if (ex->cp[i] == 0x767E /* 百分之 */ && k < ex->n && ex->cp[k] == 0x5206)
        return 1;
    return class_at(ex, k, CL_FOLLOWER); /* 0 past the end */
}

static int has_numeral(const lg_char *c, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (is_digit_cp(c[i].cp) || is_cjk_numeral_start(c[i].cp))
            return 1;
    return 0;
}

static int load_sentence(lg_extractor *ex, const lg_char *c, size_t n)
{
    ex->c = c;
    ex->n = n;
    text_reset(&ex->s);
    if (ex->cb_cap < n + 1) {
        /* offsets fit 32 bits: sentences are a paragraph at most */
        if (n > UINT32_MAX / 4 - 1)
            return -1;
        uint32_t *p = realloc(ex->cb, (n + 1) * sizeof *p);
        if (!p)
            return -1;
        ex->cb = p;
        uint32_t *q = realloc(ex->cp, (n + 1) * sizeof *q);
        if (!q)
            return -1;
        ex->cp = q;
        uint8_t *k = realloc(ex->cls, n + 1);
        if (!k)
            return -1;
        ex->cls = k;
        ex->cb_cap = n + 1;
    }
    if (text_reserve(&ex->s, 4 * n + 1))
        return -1;
    unsigned any = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t cp = c[i].cp;
        ex->cp[i] = cp;
        ex->cls[i] = cp < 0x10000 ? cp_class[cp] : 0;
        any |= ex->cls[i];
        ex->cb[i] = (uint32_t)ex->s.len;
        ex->s.len += utf8_encode(cp, ex->s.data + ex->s.len);
    }
    ex->cp[n] = 0;
    ex->cls[n] = 0;
    ex->cls_any = any;
    ex->cb[n] = (uint32_t)ex->s.len;
    ex->s.data[ex->s.len] = '\0';
    return 0;
}

#define MAX_MENTIONS 64

/* 北京市去年主动接受…，报告专项工作23项；向市政协通报工作12项: a year
 * named in the first clause, before any value, governs the sentence, and
 * the clauses after its semicolons, which come as sentences of their own. */
static void governing_year(lg_extractor *ex, const year_mention *ym, size_t nym, size_t first_value)
{
    size_t first_clause_end = nym ? clause_end(ex, 0) : 0;
    for (size_t i = 0; i < nym; i++) {
        const year_mention *m = &ym[i];
        if (m->start >= first_clause_end || m->end > first_value)
            break;
        if (m->comparison || m->target || m->pair)
            continue;
        ex->clause_year = *m;
        ex->have_clause_year = 1;
        return;
    }
}

/* Every year pattern holds 年, 目前 or a five-year plan's 五. */
static int may_name_year(const lg_extractor *ex)
{
    return (ex->cls_any & CL_YEAR_HINT) != 0;
}

static int extract_sentence(lg_extractor *ex)
{
    year_mention ym[MAX_MENTIONS];
    place_mention pm[MAX_MENTIONS];
    size_t nym = may_name_year(ex) ? find_years(ex, ym, MAX_MENTIONS) : 0;
    if (nym && ym[0].start == 0 && !ym[0].comparison && !ym[0].target &&
        (cp_at(ex, ym[0].end) == 0xFF0C || cp_at(ex, ym[0].end) == ',')) {
        ex->para_year = ym[0];
        ex->have_para_year = 1;
    }

    /* values: the regex runs only where a numeral starts */
    size_t cap = 16, nv = 0;
    value stack_values[16];
    value *values = stack_values;
    for (size_t i = 0; i < ex->n;) {
        /* most characters are no numeral: pass them in a tight loop */
        while (i < ex->n && !is_digit_cp(ex->cp[i]) && !class_at(ex, i, CL_NUMERAL))
            i++;
        if (i == ex->n)
            break;
        uint32_t cp = ex->cp[i];
        int digit_start = is_digit_cp(cp) && !(i > 0 && (is_digit_cp(ex->cp[i - 1]) || ex->cp[i - 1] == '.'));
        int cjk_start = class_at(ex, i, CL_NUMERAL) && !(i > 0 && class_at(ex, i - 1, CL_NUMERAL)) &&
                        cjk_numeral_may_count(ex, i);
        if (!digit_start && !cjk_start) {
            i++;
            continue;
        }
        value v;
        size_t next;
        if (read_value(ex, i, &v, &next)) {
            if (nv == cap) {
                value *p = malloc(2 * cap * sizeof *p);
                if (!p)
                    return -1;
                memcpy(p, values, nv * sizeof *p);
                if (values != stack_values)
                    free(values);
                values = p;
                cap *= 2;
            }
            values[nv++] = v;
            next = v.end;
        }
        i = next > i ? next : i + 1;
        /* skip the rest of a numeral run that did not make a value */
        while (i < ex->n && i > 0 && (is_digit_cp(ex->cp[i]) || ex->cp[i] == '.' || ex->cp[i] == ',') &&
               is_digit_cp(ex->cp[i - 1]))
            i++;
    }

    governing_year(ex, ym, nym, nv ? values[0].start : ex->n);

    /* places matter only for values, and for the report's own city */
    /* once the report's city is known, places after the last value (and
     * the words right after it) cannot matter */
    size_t place_limit = ex->n;
    if (ex->settled && nv && values[nv - 1].end + 12 < ex->n)
        place_limit = values[nv - 1].end + 12;
    size_t npm = nv || !ex->settled ? find_places(ex, pm, MAX_MENTIONS, place_limit) : 0;
    if (!ex->settled)
        observe_report(ex, ym, nym, pm, npm);

    cell cells[MAX_CELLS];
    size_t ncells = 0;
    int table_row = (ex->flags & LG_SENT_TABLE_ROW) != 0;
    if (table_row) {
        ncells = split_cells(ex, cells);
        if (nv == 0 && span_has_cjk(ex, 0, ex->n))
            table_header(ex, cells, ncells, ym, nym);
    } else if (ex->flags & LG_SENT_PARA_START) {
        ex->table_cols = 0;
    }

    /* the latest year the report gives figures for */
    for (size_t k = 0; k < nv && !ex->settled; k++)
        for (size_t i = 0; i < nym; i++)
            if (ym[i].end <= values[k].start && ym[i].year && !ym[i].comparison &&
                !ym[i].target && ym[i].year > ex->latest_year && ym[i].year <= 2100)
                ex->latest_year = ym[i].year;

    /* the buffers live in the extractor: reused, not allocated per sentence */
    text_buf *metric = &ex->metric, *prev = &ex->prev, *txt = &ex->txt;
    text_reset(prev);
    int rc = 0;
    ex->sentence_held = 0;
    for (size_t k = 0; k < nv && rc == 0; k++) {
        value *v = &values[k];
        rec r;
        memset(&r, 0, sizeof r);
        r.line = ex->c[v->start].line;
        r.offset = ex->c[v->start].offset;
        /* same sizes: value and rec hold the same strings */
        memcpy(r.value_str, v->dec, sizeof r.value_str);
        memcpy(r.unit, v->unit, sizeof r.unit);
        r.qualifier = v->qualifier;
        r.kind = v->kind;
        resolve_year(ex, values, nv, k, ym, nym, &r);
        resolve_place(ex, values, nv, k, pm, npm, &r);
        text_reset(metric);
        name_metric(ex, values, nv, k, pm, npm, ym, nym, prev->len ? prev->data : "", metric);
        if (table_row)
            table_metric(ex, cells, ncells, v, metric, &r);
        text_reset(txt);
        text_append(txt, ex->s.data + ex->cb[v->start], ex->cb[v->end] - ex->cb[v->start]);
        if (!metric->data || !txt->data || metric->failed || txt->failed) {
            rc = -1;
            break;
        }
        r.metric = metric->data;
        r.text = txt->data;
        context_window(ex, v, &r);
        if (ex->settled)
            rc = emit_record(ex, &r, ex->s.data);
        else
            rc = hold_record(ex, &r);
        text_reset(prev);
        text_append(prev, metric->data, metric->len);
    }
    if (values != stack_values)
        free(values);
    return rc;
}

int lg_extractor_sentence(void *extractor, const lg_char *chars, size_t n, unsigned flags)
{
    lg_extractor *ex = extractor;
    ex->flags = flags;
    int numeral = has_numeral(chars, n);
    if (flags & LG_SENT_PARA_START)
        ex->have_para_year = ex->after_semicolon = 0;
    if (!ex->after_semicolon)
        ex->have_clause_year = 0;
    ex->after_semicolon = n && (chars[n - 1].cp == 0xFF1B /* ； */ || chars[n - 1].cp == ';');
    if (ex->status != LG_OK)
        return 1;
    if (n && (numeral || !ex->settled)) {
        if (load_sentence(ex, chars, n) || extract_sentence(ex)) {
            if (ex->status == LG_OK)
                ex->status = LG_ERR_NOMEM;
            return 1;
        }
    }
    ex->chars_seen += (long long)n;
    if (!ex->settled && ex->chars_seen >= SETTLE_CHARS)
        settle(ex);
    return ex->status != LG_OK;
}

lg_status lg_extractor_finish(lg_extractor *ex)
{
    settle(ex);
    return ex->status;
}

lg_status lg_extractor_status(const lg_extractor *ex)
{
    return ex->status;
}

lg_status lg_extractor_new(lg_extractor **out, const lg_config *config,
                           const char *file, const char *doc)
{
    *out = NULL;
    lg_status st = lg_patterns_init();
    if (st != LG_OK)
        return st;
    lg_extractor *ex = calloc(1, sizeof *ex);
    if (!ex)
        return LG_ERR_NOMEM;
    ex->cfg = config;
    ex->file = file;
    ex->doc = doc;
    ex->report_city = ex->opening_city = ex->report_county = -1;
    ex->city_votes = calloc((size_t)lg_place_count(), sizeof *ex->city_votes);
    ex->md = pcre2_match_data_create_from_pattern(value_re, NULL);
    pcre2_match_data *md2 = pcre2_match_data_create_from_pattern(year_re, NULL);
    /* one match data big enough for both patterns */
    if (md2 && ex->md && pcre2_get_ovector_count(md2) > pcre2_get_ovector_count(ex->md)) {
        pcre2_match_data_free(ex->md);
        ex->md = md2;
    } else {
        pcre2_match_data_free(md2);
    }
    if (!ex->md || !ex->city_votes) {
        lg_extractor_free(ex);
        return LG_ERR_NOMEM;
    }
    *out = ex;
    return LG_OK;
}

void lg_extractor_free(lg_extractor *ex)
{
    if (!ex)
        return;
    for (size_t i = 0; i < ex->held_len; i++) {
        free(ex->held[i].metric);
        free(ex->held[i].text);
    }
    for (size_t i = 0; i < ex->held_ctx_len; i++)
        free(ex->held_ctx[i]);
    free(ex->held);
    free(ex->held_ctx);
    free(ex->city_votes);
    free(ex->cb);
    free(ex->cp);
    free(ex->cls);
    text_free(&ex->s);
    text_free(&ex->context);
    text_free(&ex->metric);
    text_free(&ex->prev);
    text_free(&ex->txt);
    for (size_t i = 0; i < 16; i++)
        text_free(&ex->table_header[i]);
    pcre2_match_data_free(ex->md);
    free(ex);
}
