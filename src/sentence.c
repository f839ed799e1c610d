/* sentence.c - the current sentence as the stages read it.
 *
 * Owns: loading a normalized sentence into code points, character classes
 * and byte offsets; clause bounds; matching words, lexicon lists and the
 * lexicon's patterns at a position; the helpers every stage shares for
 * mentions and separators.
 * Reads: the lexicon's class table, lists and patterns (lexicon.h). */
#include <stdlib.h>

#include "extract_int.h"

int load_sentence(lg_extractor *ex, const lg_char *c, size_t n)
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
    /* locals: the bytes written would otherwise make the compiler load
     * every pointer and the length again at each character (a char
     * store may alias them) */
    const uint8_t *cls = ex->lx->cls;
    uint32_t *cps = ex->cp, *cb = ex->cb;
    uint8_t *classes = ex->cls;
    char *out = ex->s.data;
    size_t len = ex->s.len;
    unsigned any = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t cp = c[i].cp;
        cps[i] = cp;
        cb[i] = (uint32_t)len;
        uint8_t k;
        if (cp - 0x800u < 0xD800u - 0x800u) {
            /* U+0800..U+D7FF, most characters (the ideographs): three
             * bytes, without utf8_encode's tests */
            k = cls[cp];
            utf8_put3(out + len, cp); /* (room for four: 4 n reserved) */
            len += 3;
        } else {
            k = cp < 0x10000 ? cls[cp] : 0;
            len += utf8_encode(cp, out + len);
        }
        classes[i] = k;
        any |= k;
    }
    cps[n] = 0;
    classes[n] = 0;
    ex->title_mark_known = 0;
    ex->clause_a = ex->clause_i = 0;
    ex->cls_any = any;
    cb[n] = (uint32_t)len;
    out[len] = '\0';
    ex->s.len = len;
    return 0;
}

/* The stages ask for the clause of a value some ten times: the last
 * answer, a clause start a with no break from a to the char asked, also
 * answers every char between. */
size_t clause_start(const lg_extractor *ex, size_t i)
{
    if (i >= ex->clause_a && i <= ex->clause_i)
        return ex->clause_a;
    size_t from = i;
    while (i > 0 && !class_at(ex, i - 1, CL_BREAK))
        i--;
    lg_extractor *memo = (lg_extractor *)ex; /* a cache of the sentence's own text */
    memo->clause_a = i;
    memo->clause_i = from;
    return i;
}

size_t clause_end(const lg_extractor *ex, size_t i)
{
    while (i < ex->n && !class_at(ex, i, CL_BREAK))
        i++;
    return i;
}

/* ---- words ---------------------------------------------------------- */

int is_word(const char *s, size_t len, const char *w)
{
    return strlen(w) == len && memcmp(s, w, len) == 0;
}

/* starts and ends compare w's bytes with the sentence's UTF-8 (ex->s,
 * where character i begins at byte ex->cb[i]): w is whole characters, so
 * its bytes match there exactly when its characters match at i. */
static int same_cps(const uint32_t *a, const uint32_t *b, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (a[k] != b[k])
            return 0;
    return 1;
}


/* Lists are tried at every value, several times, and almost always fail:
 * a test looks at the few words that end (or begin) with the sentence's
 * character, behind a Bloom filter, or at none. */
static inline const lx_entry *entry_ending_at(const lg_extractor *ex, size_t i, int l)
{
    if (i == 0)
        return NULL;
    const lx_list_t *list = &ex->lx->list[l];
    const lx_group *g = lx_last_group(list, ex->cp[i - 1]);
    if (!g)
        return NULL;
    for (uint32_t k = 0; k < g->n; k++) {
        const lx_entry *e = g->entries[k];
        if (e->chars <= i && same_cps(ex->cp + i - e->chars, e->cps, e->chars))
            return e;
    }
    return NULL;
}

const lx_entry *ends_entry(const lg_extractor *ex, size_t i, int l)
{
    return entry_ending_at(ex, i, l);
}

/* (ends_entry's steps inlined here: the metric stages call this tens of
 * times a value) */
size_t ends_any_at(const lg_extractor *ex, size_t i, int l)
{
    const lx_entry *e = entry_ending_at(ex, i, l);
    return e ? e->chars : 0;
}

size_t starts_any_at(const lg_extractor *ex, size_t i, int l)
{
    if (i >= ex->n)
        return 0;
    const lx_list_t *list = &ex->lx->list[l];
    const lx_group *g = lx_first_group(list, ex->cp[i]);
    if (!g)
        return 0;
    for (uint32_t k = 0; k < g->n; k++) {
        const lx_entry *e = g->entries[k];
        if (e->chars <= ex->n - i && same_cps(ex->cp + i, e->cps, e->chars))
            return e->chars;
    }
    return 0;
}

/* ---- separators and mentions ---------------------------------------- */

/* Whether the sentence's UTF-8 holds 《 (E3 80 8A) or 〈 (E3 80 88): one
 * byte search for their lead byte, which few characters share (the CJK
 * ideographs start with E4..E9), in place of a strstr for each. */
static int has_title_mark(const text_buf *s)
{
    const char *end = s->data + s->len;
    for (const char *p = s->data; (p = memchr(p, 0xE3, (size_t)(end - p))) != NULL; p++)
        if (end - p >= 3 && (unsigned char)p[1] == 0x80 &&
            ((unsigned char)p[2] == 0x8A || (unsigned char)p[2] == 0x88))
            return 1;
    return 0;
}

/* The sentence's outermost titles, found once per sentence when first
 * asked (most sentences hold none: a byte search says so). */
static void find_titles(lg_extractor *ex)
{
    ex->title_mark_known = 1;
    ex->ntitles = 0;
    if (!has_title_mark(&ex->s))
        return;
    int depth = 0;
    for (size_t k = 0; k < ex->n && ex->ntitles < MAX_TITLES; k++) {
        uint32_t cp = ex->cp[k];
        if (cp == 0x300A /* 《 */ || cp == 0x3008 /* 〈 */) {
            if (depth++ == 0)
                ex->title_a[ex->ntitles] = k;
        } else if ((cp == 0x300B || cp == 0x3009) && depth > 0 && --depth == 0) {
            ex->title_b[ex->ntitles++] = k;
        }
    }
    if (depth > 0 && ex->ntitles < MAX_TITLES) { /* never closed: a stray mark, not followed far */
        ex->title_b[ex->ntitles] = ex->title_a[ex->ntitles] + TITLE_MAX_CHARS;
        ex->ntitles++;
    }
}

int inside_title(const lg_extractor *ex, size_t i)
{
    if (!ex->title_mark_known)
        find_titles((lg_extractor *)ex); /* a cache of the sentence's own text */
    for (int t = 0; t < ex->ntitles; t++)
        if (i > ex->title_a[t] && i < ex->title_b[t])
            return 1;
    return 0;
}

int only_separators(const lg_extractor *ex, size_t a, size_t b)
{
    for (size_t i = a; i < b; i++) {
        uint32_t cp = ex->cp[i];
        if (cp != 0x3001 /* 、 */ && cp != 0xFF0C && cp != ',' && cp != 0x548C /* 和 */ &&
            cp != 0x53CA /* 及 */ && cp != ' ')
            return 0;
    }
    return 1;
}

int starts_separator(const lg_extractor *ex, size_t i)
{
    if (i >= ex->n)
        return 0;
    uint32_t cp = ex->cp[i];
    return cp == 0x3001 /* 、 */ || cp == 0xFF0C /* ， */ || cp == ',' || cp == 0x548C /* 和 */ ||
           cp == 0x53CA /* 及 */ || cp == 0x4E0E /* 与 */ || starts(ex, i, "以及");
}

static const size_t *mention_span(mentions m, size_t k)
{
    return (const size_t *)(const void *)(m.at + k * m.stride);
}

size_t skip_mention_in(mentions m, size_t i)
{
    for (size_t k = 0; k < m.n; k++)
        if (mention_span(m, k)[0] == i)
            return mention_span(m, k)[1];
    return i;
}

size_t mention_ending_in(mentions m, size_t i)
{
    for (size_t k = 0; k < m.n; k++)
        if (mention_span(m, k)[1] == i)
            return mention_span(m, k)[0];
    return i;
}

size_t char_at_byte(const lg_extractor *ex, size_t i, size_t b)
{
    while (i < ex->n && ex->cb[i] < b)
        i++;
    return i;
}

size_t value_run(const lg_extractor *ex, const found *f, size_t k, size_t after, size_t *pos)
{
    const value *values = f->values;
    size_t vfirst = k, vlast = k;
    while (vfirst > 0 && values[vfirst - 1].start >= after &&
           only_separators(ex, values[vfirst - 1].end, values[vfirst].start))
        vfirst--;
    while (vlast + 1 < f->nv && only_separators(ex, values[vlast].end, values[vlast + 1].start))
        vlast++;
    *pos = k - vfirst;
    return vlast - vfirst + 1;
}

/* ---- patterns ------------------------------------------------------- */

/* pcre2_jit_match skips the argument and UTF checks pcre2_match makes at
 * every call: it runs at every numeral, and the subject is valid UTF-8 we
 * wrote ourselves. */
static int match_at(const lg_extractor *ex, const pcre2_code *re, int jit, size_t b)
{
    if (jit)
        return pcre2_jit_match(re, (PCRE2_SPTR)ex->s.data, ex->s.len, b, 0, ex->md,
                               ex->lx->match_ctx);
    return pcre2_match(re, (PCRE2_SPTR)ex->s.data, ex->s.len, b, PCRE2_NO_UTF_CHECK, ex->md,
                       ex->lx->match_ctx);
}

/* The longest word of list l (the first in list order of that length)
 * that the sentence starts with at char i, or NULL. */
static const lx_entry *longest_at(const lg_extractor *ex, size_t i, int l)
{
    if (i >= ex->n)
        return NULL;
    const lx_group *g = lx_first_group(&ex->lx->list[l], ex->cp[i]);
    const lx_entry *best = NULL;
    size_t b = ex->cb[i], room = ex->s.len - b;
    for (uint32_t k = 0; g && k < g->n; k++) {
        const lx_entry *e = g->entries[k];
        if ((!best || e->chars > best->chars) && e->len <= room &&
            memcmp(ex->s.data + b, e->word, e->len) == 0)
            best = e;
    }
    return best;
}

const lx_entry *match_value_at(const lg_extractor *ex, size_t i, size_t *ulen, size_t *plen)
{
    const lx_entry *unit = longest_at(ex, i, LX_UNITS);
    const lx_entry *post = longest_at(ex, i + (unit ? unit->chars : 0), LX_QUALIFIERS_AFTER);
    *ulen = unit ? unit->len : 0;
    *plen = post ? post->len : 0;
    return unit;
}

int match_year_at(const lg_extractor *ex, size_t b)
{
    return match_at(ex, ex->lx->year_re, ex->lx->year_jit, b);
}

size_t group(const lg_extractor *ex, int g, size_t *from)
{
    int k = ex->lx->group_numbers[g];
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(ex->md);
    if (k < 0 || ov[2 * k] == PCRE2_UNSET)
        return 0;
    *from = ov[2 * k];
    return ov[2 * k + 1] - ov[2 * k];
}

