/* lexicon_build.c - what is built from a lexicon's lists once they are
 * parsed: each list's index (words by first and last character, Bloom
 * filters, an exact-word hash), the derived lists, the year
 * patterns and the character class table.
 * Owns: building and freeing those; looking a word up exactly.
 * Reads: the lists lexicon.c parsed; the gazetteer's name characters. */
#include <stdlib.h>
#include <string.h>

#include "indicator.h"
#include "lexicon.h"
#include "place.h"
#include "text.h"

/* ---- indexes -------------------------------------------------------- */

static unsigned cp_hash(uint32_t cp, unsigned mask)
{
    return (cp * 2654435761u >> 16) & mask;
}

static unsigned bloom_bit(uint32_t cp)
{
    return lx_bloom_bit(cp);
}

/* Bytes s[0, 4) as one number, in memory order. */
static inline uint64_t load4(const char *s)
{
    uint32_t w;
    memcpy(&w, s, 4);
    return w;
}

/* A hash of s[0, n) taken eight bytes at a time (lx_find runs some ten
 * times per value, on words of 3 to 12 bytes, where a hash byte by byte
 * was most of its cost): the tail is the last eight bytes (or two loads
 * of four that overlap), and the high half is folded in, for the mask
 * keeps the low bits. */
static unsigned str_hash(const char *s, size_t n)
{
    const uint64_t mul = 0xFF51AFD7ED558CCDull;
    uint64_t h = 0x9E3779B97F4A7C15ull ^ n, w;
    size_t i = 0;
    for (; n - i > 8; i += 8) {
        memcpy(&w, s + i, 8);
        h = (h ^ w) * mul;
    }
    if (n >= 8) {
        memcpy(&w, s + n - 8, 8);
    } else if (n >= 4) {
        w = load4(s) | load4(s + n - 4) << 32;
    } else {
        w = 0;
        for (; i < n; i++)
            w = w << 8 | (unsigned char)s[i];
    }
    h = (h ^ w) * mul;
    h ^= h >> 32;
    return (unsigned)(h ^ h >> 16);
}

static void index_free(lx_list_t *l)
{
    free(l->by_first);
    free(l->by_last);
    free(l->groups_pool);
    free(l->exact);
    l->by_first = l->by_last = NULL;
    l->groups_pool = l->exact = NULL;
    memset(l->first_bits, 0, sizeof l->first_bits);
    memset(l->last_bits, 0, sizeof l->last_bits);
}

static int entry_cps(lx_entry *e)
{
    if (e->cps)
        return 0;
    e->cps = malloc((e->chars + 1) * sizeof *e->cps);
    if (!e->cps)
        return -1;
    size_t k = 0;
    for (size_t at = 0; at < e->len; k++)
        at += utf8_decode_one(e->word + at, &e->cps[k]);
    return 0;
}

static lx_group *group_slot(lx_group *table, unsigned mask, uint32_t cp)
{
    unsigned h = cp_hash(cp, mask);
    while (table[h].n && table[h].cp != cp)
        h = (h + 1) & mask;
    return &table[h];
}

/* Group the entries by their first (last) character, in list order. */
static lx_group *index_by(lx_list_t *l, int last, const lx_entry ***pool)
{
    lx_group *table = calloc(l->mask + 1, sizeof *table);
    if (!table)
        return NULL;
    for (size_t i = 0; i < l->n; i++) {
        lx_entry *e = &l->e[i];
        uint32_t key = e->cps[last ? e->chars - 1 : 0];
        lx_group *g = group_slot(table, l->mask, key);
        g->cp = key;
        g->n++;
    }
    /* each group's entries, one after another in the pool */
    const lx_entry **at = *pool;
    for (unsigned h = 0; h <= l->mask; h++) {
        table[h].entries = at;
        at += table[h].n;
        table[h].n = 0;
    }
    for (size_t i = 0; i < l->n; i++) {
        lx_entry *e = &l->e[i];
        lx_group *g = group_slot(table, l->mask, e->cps[last ? e->chars - 1 : 0]);
        g->entries[g->n++] = e;
    }
    *pool = at;
    return table;
}

static int index_list(lx_list_t *l)
{
    index_free(l);
    l->max_chars = 0;
    for (size_t i = 0; i < l->n; i++) {
        if (entry_cps(&l->e[i]))
            return -1;
        if (l->e[i].chars > l->max_chars)
            l->max_chars = l->e[i].chars;
    }
    unsigned mask = 7;
    while (mask + 1 < 2 * l->n) /* at most half full */
        mask = mask * 2 + 1;
    l->mask = mask;
    l->groups_pool = malloc((2 * l->n + 1) * sizeof *l->groups_pool);
    l->exact = calloc(mask + 1, sizeof *l->exact);
    if (!l->groups_pool || !l->exact)
        return -1;
    const lx_entry **pool = l->groups_pool;
    l->by_first = index_by(l, 0, &pool);
    l->by_last = l->by_first ? index_by(l, 1, &pool) : NULL;
    if (!l->by_last)
        return -1;
    for (size_t i = 0; i < l->n; i++) {
        const lx_entry *e = &l->e[i];
        unsigned a = bloom_bit(e->cps[0]), b = bloom_bit(e->cps[e->chars - 1]);
        l->first_bits[a >> 6] |= 1ull << (a & 63);
        l->last_bits[b >> 6] |= 1ull << (b & 63);
        unsigned h = str_hash(e->word, e->len) & mask;
        while (l->exact[h])
            h = (h + 1) & mask;
        l->exact[h] = e;
    }
    return 0;
}

const lx_entry *lx_find(const lg_lexicon *lx, int l, const char *s, size_t len)
{
    const lx_list_t *list = &lx->list[l];
    if (!list->exact)
        return NULL;
    for (unsigned h = str_hash(s, len) & list->mask; list->exact[h]; h = (h + 1) & list->mask)
        if (list->exact[h]->len == len && memcmp(list->exact[h]->word, s, len) == 0)
            return list->exact[h]; /* (the first of a word's entries: they went in in order) */
    return NULL;
}

/* ---- derived lists -------------------------------------------------- */

static void derived_clear(lx_list_t *l)
{
    free(l->e); /* the entries are another list's */
    l->e = NULL;
    l->n = l->cap = 0;
}

/* Copy (shallow) the entries of src. */
static int derive(lx_list_t *dst, const lx_list_t *src)
{
    derived_clear(dst);
    for (size_t i = 0; i < src->n; i++)
        if (lx_list_push(dst, &src->e[i]))
            return -1;
    return 0;
}

/* Longest first, list order among equals: the first word that ends the
 * text is then the longest (大约 before 约). */
static void sort_longest_first(lx_list_t *l)
{
    for (size_t i = 1; i < l->n; i++) {
        lx_entry e = l->e[i];
        size_t j = i;
        while (j > 0 && l->e[j - 1].chars < e.chars) {
            l->e[j] = l->e[j - 1];
            j--;
        }
        l->e[j] = e;
    }
}

static int derive_lists(lg_lexicon *lx)
{
    if (derive(&lx->list[LX_QUAL_WORDS], &lx->list[LX_QUALIFIERS_BEFORE]))
        return -1;
    sort_longest_first(&lx->list[LX_QUAL_WORDS]);
    return 0;
}

/* ---- patterns ------------------------------------------------------- */

/* Append the words of l as a regex alternation, longest first (so that
 * the first alternative that matches is the longest), metacharacters
 * escaped; a never-matching group when l is empty. */
static void append_alternation(text_buf *t, const lx_list_t *l)
{
    size_t longest = 0;
    for (size_t i = 0; i < l->n; i++)
        if (l->e[i].chars > longest)
            longest = l->e[i].chars;
    int any = 0;
    for (size_t chars = longest; chars > 0; chars--)
        for (size_t i = 0; i < l->n; i++) {
            const lx_entry *e = &l->e[i];
            if (e->chars != chars)
                continue;
            if (any++)
                text_append(t, "|", 1);
            for (size_t k = 0; k < e->len; k++) {
                char c = e->word[k];
                if ((unsigned char)c < 0x80 && !(c >= '0' && c <= '9') &&
                    !((c | 0x20) >= 'a' && (c | 0x20) <= 'z'))
                    text_append(t, "\\", 1);
                text_append(t, &c, 1);
            }
        }
    if (!any)
        text_append(t, "(?!)", 4);
}

/* Year mentions: 2022年, 2022年上半年, 2021年以来, 2021—2023年, 2008年1月至2010年,
 * 二〇二三年, “十三五”期间 (a plan's number from [numerals]), 今年... ([relative-years]). */
static const char YEAR_EXPLICIT[] =
    "(?<ra>(?:19|20)[0-9]{2})年?(?:[0-9]{1,2}月(?:份|底|末)?)?(?:—|–|-|－|~|～|至|到)(?<rb>(?:19|20)[0-9]{2})年"
    "|(?<y>(?:19|20)[0-9]{2})年(?<q>度|底|末|初|上半年|下半年|以来|来)?";

/* Is e a numeral a five-year plan's number is written with: a positional
 * digit from lo to hi (not 两, which [numerals] marks integer, nor the
 * financial 伍), or the positional 十 (lo = hi = 10)? */
static int plan_numeral(const lx_entry *e, long long lo, long long hi)
{
    return e->num >= lo && e->num <= hi && !e->integer && !e->financial && e->cps[0] >= 0x80;
}

/* A character class of the plan numerals from lo to hi, or (?!). */
static void append_plan_class(text_buf *t, const lx_list_t *num, long long lo, long long hi)
{
    size_t mark = t->len;
    text_append(t, "[", 1);
    for (size_t i = 0; i < num->n; i++)
        if (plan_numeral(&num->e[i], lo, hi))
            text_append(t, num->e[i].word, num->e[i].len);
    if (t->len == mark + 1) {
        t->len = mark;
        text_append(t, "(?!)", 4);
    } else {
        text_append(t, "]", 1);
    }
}

static int year_pattern(const lg_lexicon *lx, text_buf *t)
{
    const lx_list_t *num = &lx->list[LX_NUMERALS];
    text_append(t, YEAR_EXPLICIT, strlen(YEAR_EXPLICIT));
    /* 二〇二三年: a year in the numerals' digits */
    text_append(t, "|(?<cy>", strlen("|(?<cy>"));
    append_plan_class(t, num, 0, 9);
    const char *cq = "{4})年(?<cq>度|底|末|初|上半年|下半年|以来|来)?";
    text_append(t, cq, strlen(cq));
    /* 十三五, 十五, 九五 */
    text_append(t, "|(?<fyp>", strlen("|(?<fyp>"));
    append_plan_class(t, num, 10, 10);
    append_plan_class(t, num, 1, 9);
    text_append(t, "?", 1);
    append_plan_class(t, num, 5, 5);
    text_append(t, "|", 1);
    append_plan_class(t, num, 6, 9);
    append_plan_class(t, num, 5, 5);
    const char *quals = ")[”\"’]?(?<fq>期间|时期|以来|末|初)|(?<rel>";
    text_append(t, quals, strlen(quals));
    append_alternation(t, &lx->list[LX_RELATIVE_YEARS]);
    text_append(t, ")", 1);
    return t->failed ? -1 : 0;
}

static const char *const GROUP_NAMES[G_COUNT] = {"y", "q", "fyp", "fq", "rel", "ra", "rb", "cy", "cq"};

/* *nomem is set when PCRE2 ran out of memory (not the pattern's fault). */
static pcre2_code *compile(const char *pattern, int *jit, int *nomem)
{
    int err;
    PCRE2_SIZE where;
    /* anchored at compile time: PCRE2_ANCHORED at match time turns the
     * JIT off (pcre2jit(3)) */
    pcre2_code *re = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
                                   PCRE2_UTF | PCRE2_NO_UTF_CHECK | PCRE2_ANCHORED, &err, &where, NULL);
    size_t jit_size = 0;
    if (!re && err == PCRE2_ERROR_HEAP_FAILED)
        *nomem = 1;
    if (re)
        pcre2_jit_compile(re, PCRE2_JIT_COMPLETE); /* falls back to the interpreter */
    *jit = re && pcre2_pattern_info(re, PCRE2_INFO_JITSIZE, &jit_size) == 0 && jit_size;
    return re;
}

static void patterns_free(lg_lexicon *lx)
{
    pcre2_code_free(lx->year_re);
    pcre2_match_context_free(lx->match_ctx);
    lx->year_re = NULL;
    lx->match_ctx = NULL;
}

static lg_status build_patterns(lg_lexicon *lx)
{
    patterns_free(lx);
    text_buf t = {0};
    int nomem = 0;
    if (year_pattern(lx, &t)) {
        text_free(&t);
        return LG_ERR_NOMEM;
    }
    lx->year_re = compile(t.data, &lx->year_jit, &nomem);
    text_free(&t);
    lx->match_ctx = pcre2_match_context_create(NULL);
    if (!lx->match_ctx)
        nomem = 1;
    if (!lx->year_re || !lx->match_ctx)
        return nomem ? LG_ERR_NOMEM : LG_ERR_REGEX;
    for (int g = 0; g < G_COUNT; g++)
        lx->group_numbers[g] = pcre2_substring_number_from_name(lx->year_re, (PCRE2_SPTR)GROUP_NAMES[g]);
    /* No pattern here backtracks much, but no input may make one run away. */
    pcre2_set_match_limit(lx->match_ctx, 100000);
    pcre2_set_depth_limit(lx->match_ctx, 1000);
    return LG_OK;
}

/* ---- character classes ---------------------------------------------- */

/* Clause breaks: ， , ； ; ： : 。 ！ ？ ! ? and the ellipsis … (居全省第二……) */
static const uint32_t CLAUSE_BREAKS[] = {0xFF0C, ',', 0xFF1B, ';', 0xFF1A, ':', 0x3002, 0xFF01,
                                         0xFF1F, '!', '?', 0x2026};
/* Quotes and brackets that set a name apart: “ ” ‘ ’ " ' 「 」 『 』 《 》, and the space. */
static const uint32_t QUOTES[] = {0x201C, 0x201D, 0x2018, 0x2019, '"', '\'', 0x300C, 0x300D,
                                  0x300E, 0x300F, 0x300A, 0x300B, ' '};

static void mark_chars(lg_lexicon *lx, const uint32_t *cps, size_t n, unsigned cl)
{
    for (size_t i = 0; i < n; i++)
        lx->cls[cps[i]] |= (uint8_t)cl;
}

static void mark_first_chars(lg_lexicon *lx, int l, unsigned cl, int second)
{
    const lx_list_t *list = &lx->list[l];
    for (size_t i = 0; i < list->n; i++) {
        const lx_entry *e = &list->e[i];
        size_t k = second ? 1 : 0;
        if (k < e->chars && e->cps[k] < 0x10000)
            lx->cls[e->cps[k]] |= (uint8_t)cl;
    }
}

/* Where year_pattern's alternatives may start (CL_YEAR: 19xx and 20xx
 * are marked with the rest, 一 and 二 for 一九九八年, 二〇二三年), and a
 * character every mention holds
 * (CL_YEAR_HINT): 年, a plan's 五, or a relative word's first character
 * when it holds no 年 (目前). */
static void year_classes(lg_lexicon *lx)
{
    const lx_list_t *num = &lx->list[LX_NUMERALS], *rel = &lx->list[LX_RELATIVE_YEARS];
    for (size_t i = 0; i < num->n; i++) {
        const lx_entry *e = &num->e[i];
        /* (一, 二 open 一九九八年 and 二〇二三年 too) */
        if (e->cps[0] < 0x10000 && (plan_numeral(e, 10, 10) || plan_numeral(e, 6, 9) || plan_numeral(e, 1, 2)))
            lx->cls[e->cps[0]] |= CL_YEAR;
        if (e->cps[0] < 0x10000 && plan_numeral(e, 5, 5))
            lx->cls[e->cps[0]] |= CL_YEAR_HINT;
    }
    mark_first_chars(lx, LX_RELATIVE_YEARS, CL_YEAR, 0);
    for (size_t i = 0; i < rel->n; i++) {
        const lx_entry *e = &rel->e[i];
        int has_nian = 0;
        for (size_t k = 0; k < e->chars; k++)
            has_nian |= e->cps[k] == 0x5E74;
        if (!has_nian && e->cps[0] < 0x10000)
            lx->cls[e->cps[0]] |= CL_YEAR_HINT;
    }
}

static void build_classes(lg_lexicon *lx)
{
    const uint8_t *place_bits = lg_place_start_bits(), *second_bits = lg_place_second_bits();
    /* (every process's start: the place bits are read a byte at a time; the
     * year words' characters are marked by year_classes, from the rules) */
    memset(lx->cls, second_bits ? 0 : CL_PLACE2, 0x10000);
    for (uint32_t byte = 0; second_bits && byte < 0x10000 / 8; byte++) {
        for (unsigned bits = second_bits[byte]; bits; bits &= bits - 1)
            lx->cls[byte * 8 + (unsigned)__builtin_ctz(bits)] = CL_PLACE2;
    }
    lx->cls['1'] |= CL_YEAR;
    lx->cls['2'] |= CL_YEAR;
    lx->cls[0x5E74 /* 年 */] |= CL_YEAR_HINT;
    for (uint32_t byte = 0x3400 / 8; byte < 0xA000 / 8; byte++) {
        for (unsigned bits = place_bits[byte]; bits; bits &= bits - 1)
            lx->cls[byte * 8 + (unsigned)__builtin_ctz(bits)] |= CL_PLACE;
    }
    mark_chars(lx, CLAUSE_BREAKS, sizeof CLAUSE_BREAKS / sizeof *CLAUSE_BREAKS, CL_BREAK);
    mark_chars(lx, QUOTES, sizeof QUOTES / sizeof *QUOTES, CL_QUOTE);
    const lx_list_t *num = &lx->list[LX_NUMERALS];
    lg_numerals_clear(&lx->numerals);
    for (size_t i = 0; i < num->n; i++) {
        /* 万 and 亿 too: value.c lets them start a number only after a
         * qualifier (近万件), and the scans stop at every numeral */
        if (num->e[i].cps[0] < 0x10000)
            lx->cls[num->e[i].cps[0]] |= CL_NUMERAL;
        /* the parser let through only values number.c takes */
        lg_numerals_add(&lx->numerals, num->e[i].cps[0], num->e[i].num, num->e[i].financial);
    }
    year_classes(lx);
    /* what may follow a Chinese numeral in a value: the units and the
     * magnitudes and 余/多 */
    mark_first_chars(lx, LX_UNITS, CL_FOLLOWER, 0);
    mark_first_chars(lx, LX_NUMERAL_FOLLOWERS, CL_FOLLOWER, 0);
    mark_first_chars(lx, LX_PLACES, CL_PLACE, 0);
    mark_first_chars(lx, LX_PLACES, CL_PLACE2, 1);
    lx->place_alias_max = lx->list[LX_PLACES].max_chars;
}

/* ---- building ------------------------------------------------------- */

lg_status lx_compile(lg_lexicon *lx)
{
    lx->compiled = 0;
    /* the sections first: derived lists share their entries' code points */
    for (int l = 0; l < LX_SECTION_COUNT; l++)
        if (index_list(&lx->list[l]))
            return LG_ERR_NOMEM;
    if (derive_lists(lx))
        return LG_ERR_NOMEM;
    for (int l = LX_SECTION_COUNT; l < LX_LIST_COUNT; l++)
        if (index_list(&lx->list[l]))
            return LG_ERR_NOMEM;
    build_classes(lx);
    lg_indicators_free(lx->indicators);  /* built again after a user's rules */
    lx->indicators = lg_indicators_build(lx->list[LX_INDICATORS].e, lx->list[LX_INDICATORS].n);
    if (!lx->indicators)
        return LG_ERR_NOMEM;
    lg_status st = build_patterns(lx);
    if (st == LG_OK)
        lx->compiled = 1;
    return st;
}

void lx_uncompile(lg_lexicon *lx)
{
    for (int l = 0; l < LX_LIST_COUNT; l++) {
        index_free(&lx->list[l]);
        if (l >= LX_SECTION_COUNT)
            derived_clear(&lx->list[l]);
    }
    patterns_free(lx);
    lg_indicators_free(lx->indicators);
    lx->indicators = NULL;
    lx->compiled = 0;
}
