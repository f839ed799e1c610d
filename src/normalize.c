/* normalize.c - repair extraction damage and cut sentences; see normalize.h. */
#include "normalize.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

/* A paragraph longer than this is passed on in pieces, cut at a sentence
 * end where possible, so memory stays bounded on a line with no end. */
#define PARA_MAX 4096
/* Bold-font doubling repeats chunks of at most this many characters. */
#define DOUBLE_MAX_CHUNK 24

/* What flush_upto and line_break_is_hard ask about the buffer, kept up
 * to date as characters are appended rather than counted again. */
typedef struct tally {
    size_t bars;        /* '|' */
    size_t mark_pairs;  /* a punctuation mark twice in a row: ，， —— */
    size_t other_pairs; /* anything else above '9' twice in a row: 事事 */
} tally;

struct lg_normalizer {
    lg_char buf[PARA_MAX + 8];
    size_t len;
    tally tally;           /* of buf[0..len) */
    /* where buf holds a terminator (。！？； ! ? ;), in order: noted as
     * characters are appended, so sentences are cut without looking at
     * every character again */
    uint16_t ends[PARA_MAX + 8];
    size_t n_ends;
    size_t bars_before_line; /* '|' in buf[0..line_start) */
    int para_fresh;        /* buf begins a paragraph */
    size_t line_start;     /* where the current soft-joined line begins in buf */
    int checking_heading;  /* the current line may still prove a heading */
    int newlines;          /* line breaks seen since the last visible char */
    int indent;            /* width of the whitespace opening the new line */
    int pending_space;     /* spaces seen since the last visible char */
    int line_gaps;         /* spaces between ideograph words in the line: 步伐加快 发展动能 */
    size_t line_heading;   /* past the list heading opening the line (三、), or 0 */
    int line_after_blank;  /* the current line came after a blank line (2: it is the text's first) */
    int spaced_run;        /* visible chars in a row each one space apart: 累 计 办 理 */
    int stopped;
    const lg_numerals *numerals; /* the lexicon's [numerals] */
    lg_sentence_sink sink;
    void *user;
};

/* The character tests below run on every character: each first rules out
 * the ideographs, which are most of the text, with one comparison. */

static inline int is_terminator(uint32_t cp)
{
    if (cp >= 0x3003 && cp < 0xFF01)
        return 0;
    return cp == 0x3002 /* 。 */ || cp == 0xFF01 /* ！ */ || cp == 0xFF1F /* ？ */ ||
           cp == 0xFF1B /* ； */ || cp == '!' || cp == '?' || cp == ';';
}

static inline int is_closer(uint32_t cp)
{
    if (cp >= 0x3010 && cp < 0xFF09)
        return 0;
    return cp == 0x201D /* ” */ || cp == 0x2019 || cp == 0x300D || cp == 0x300F ||
           cp == 0xFF09 /* ） */ || cp == ')' || cp == '"' || cp == 0x300B /* 》 */;
}

static inline int is_space(uint32_t cp)
{
    if (cp > 0x3000)
        return cp == 0xFEFF;
    return cp == ' ' || cp == '\t' || cp == 0x3000 || cp == 0xA0 || cp == '\f' ||
           cp == '\v' || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F ||
           cp == 0x205F || cp < 0x20 || cp == 0x7F ||
           (cp >= 0x80 && cp < 0xA0);
}

/* One rule for control characters (NUL, ESC, DEL, C1...) wherever they
 * stand: they are debris of conversion, neither text nor a space, so they
 * are dropped - 3, NUL, 5件 reads 35件, as 3., NUL, 5 reads 3.5.  Tab,
 * line feed, vertical tab, form feed and CR are layout and stay spaces
 * or breaks. */
static inline int is_control(uint32_t cp)
{
    return (cp < 0x20 && (cp < '\t' || cp > '\r')) || (cp >= 0x7F && cp < 0xA0);
}

/* CJK ideographs (U+3400..U+9FFF), most of the text, are visible, never
 * folded and no mark, bar or terminator: the appending loop tests for them
 * first and skips the rest. */
static inline int is_ideograph(uint32_t cp)
{
    return cp - 0x3400 < 0xA000 - 0x3400;
}

static inline int is_line_break(uint32_t cp)
{
    return cp == '\n' || cp == 0x2028 || cp == 0x2029;
}

/* Neither a space, nor a line break, nor CR: a character that is kept. */
static inline int is_visible(uint32_t cp)
{
    if (cp > 0x3000)
        return cp != 0xFEFF;
    if (cp < 0x80)
        return cp > ' ' && cp != 0x7F;
    return !is_line_break(cp) && !is_space(cp);
}

static int is_ascii_alnum(uint32_t cp)
{
    return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
}

static int is_ascii_alpha(uint32_t cp)
{
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
}

/* A numeral of a list heading (一 二 十 百 〇 两...: [numerals] but the
 * magnitudes 万 亿 and the forms of amounts 壹 拾). */
static int heading_numeral(const lg_numerals *t, uint32_t cp)
{
    return lg_numerals_has(t, cp) && !lg_numerals_is_magnitude(t, cp) &&
           !lg_numerals_is_financial(t, cp);
}

static inline uint32_t fold_width(uint32_t cp)
{
    if (cp - 0xFF05 <= 0xFF5A - 0xFF05 &&
        ((cp >= 0xFF10 && cp <= 0xFF19) || (cp >= 0xFF21 && cp <= 0xFF3A) ||
         (cp >= 0xFF41 && cp <= 0xFF5A) || cp == 0xFF0E || cp == 0xFF05 || cp == 0xFF0B))
        return cp - 0xFEE0;
    return cp == 0x2236 ? 0xFF1A : cp; /* ∶ used as a colon */
}

uint32_t lg_fold_width(uint32_t cp)
{
    return fold_width(cp);
}

/* Markers that open a new block when they stand at the start of a line. */
static int is_block_marker(uint32_t cp)
{
    return cp == '#' || cp == '|' || cp == 0x25A0 /* ■ */ || cp == 0x25C6 /* ◆ */ ||
           cp == 0x25B2 /* ▲ */ || cp == 0x2605 /* ★ */ || cp == 0x25CF /* ● */ ||
           cp == 0x3010 /* 【 */ || cp == 0x2022 /* • */;
}

/* Does c[0..n) open with a list heading: 一、 十二、 3、 （一） (2) 4. ? */
static int heading_at(const lg_numerals *t, const lg_char *c, size_t n, int *complete)
{
    size_t i = 0;
    *complete = 0;
    int paren = c[0].cp == 0xFF08 || c[0].cp == '(';
    if (paren)
        i++;
    size_t digits = 0, cjk = 0;
    while (i < n && (heading_numeral(t, c[i].cp) || (c[i].cp >= '0' && c[i].cp <= '9'))) {
        if (c[i].cp <= '9') digits++; else cjk++;
        i++;
    }
    if (i == n && digits + cjk <= 3 && !(digits && cjk))
        return 1; /* may still become one: （ or 十 so far */
    if (digits + cjk == 0 || digits + cjk > 3 || (digits && cjk))
        return 0;
    uint32_t cp = c[i].cp;
    if (paren) {
        *complete = cp == 0xFF09 || cp == ')';
    } else if (cp == 0x3001 /* 、 */) {
        *complete = 1;
    } else if (cp == '.' && digits) {
        if (i + 1 == n)
            return 1;
        *complete = !(c[i + 1].cp >= '0' && c[i + 1].cp <= '9');
    }
    return *complete;
}

/* ---- bold-font doubling --------------------------------------------- */

static int same_run(const lg_char *a, const lg_char *b, size_t len)
{
    for (size_t k = 0; k < len; k++)
        if (a[k].cp != b[k].cp)
            return 0;
    return 1;
}

/* Paragraphs up to this long get a table of repeat lengths (below); the
 * normalizer's never are longer. */
#define REPEAT_TABLE_MAX (PARA_MAX + 8)

/* The longest L such that c[i..i+L) == c[i+L..i+2L), or 0: a repeat
 * starts at i. */
static size_t doubled_at(const lg_char *c, size_t i, size_t n)
{
    size_t max = (n - i) / 2;
    if (max > DOUBLE_MAX_CHUNK)
        max = DOUBLE_MAX_CHUNK;
    for (size_t len = max; len > 0; len--)
        if (c[i + len].cp == c[i].cp && same_run(c + i + 1, c + i + len + 1, len - 1))
            return len;
    return 0;
}

/* Mark in period[i] the period of the longest repeat starting at each i
 * (what doubled_at(c, i, n) returns), 0 where none does.
 *
 * A repeat of period L at s is L positions k in a row with c[k] == c[k+L].
 * Any L in a row hold one multiple of L, so only those are compared
 * (n/L per period, not n): a match is widened to its whole run of k, and
 * every s whose L positions lie in the run starts a repeat.  Periods are
 * taken from short to long so the longest is the one left. */
static void mark_repeats(const lg_char *c, size_t n, unsigned char *period)
{
    memset(period, 0, n);
    for (size_t len = 1; len <= DOUBLE_MAX_CHUNK; len++) {
        for (size_t k = 0; k + len < n; k += len) {
            if (c[k].cp != c[k + len].cp)
                continue;
            size_t from = k, to = k + 1;
            while (from > 0 && c[from - 1].cp == c[from - 1 + len].cp)
                from--;
            while (to + len < n && c[to].cp == c[to + len].cp)
                to++;
            if (to - from >= len)
                memset(period + from, (int)len, to - len + 1 - from);
            while (k + len < to) /* the rest of the run is known */
                k += len;
        }
    }
}

/* The first i' >= i with period[i'] set, or n. */
static size_t next_repeat(const unsigned char *period, size_t i, size_t n)
{
    uint64_t word;
    for (; i + sizeof word <= n; i += sizeof word) {
        memcpy(&word, period + i, sizeof word);
        if (word)
            break;
    }
    while (i < n && !period[i])
        i++;
    return i;
}

/* Doubled punctuation (，， 。。) is the mark of a bold font; doubled
 * digits (100) prove nothing and one 事事 is Chinese. */
static inline int is_doubling_mark(uint32_t cp)
{
    return (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFF65) ||
           (cp >= 0x2010 && cp <= 0x206F);
}

/* Count the pair prev cp, if they are one, into t. */
static inline void tally_pair(tally *t, uint32_t prev, uint32_t cp)
{
    if (cp == prev && cp > '9') {
        if (is_doubling_mark(cp))
            t->mark_pairs++;
        else
            t->other_pairs++;
    }
}

/* Count cp, which follows prev, into t. */
static inline void tally_add(tally *t, uint32_t prev, uint32_t cp)
{
    t->bars += cp == '|';
    tally_pair(t, prev, cp);
}

static tally tally_less(tally a, tally b)
{
    a.bars -= b.bars;
    a.mark_pairs -= b.mark_pairs;
    a.other_pairs -= b.other_pairs;
    return a;
}

static tally tally_of(const lg_char *c, size_t n)
{
    tally t = {0, 0, 0};
    for (size_t i = 0; i < n; i++)
        tally_add(&t, i ? c[i - 1].cp : 0, c[i].cp);
    return t;
}

/* Could the text be printed by a bold font?  Only if a mark, or more than
 * one other character, stands twice in a row. */
static inline int has_adjacent_pair(const tally *t)
{
    return t->mark_pairs >= 1 || t->other_pairs >= 2;
}

/* A paragraph printed twice as one run (一、依法行政一、依法行政). */
static int whole_paragraph_doubled(const lg_char *c, size_t n)
{
    return n >= 8 && n % 2 == 0 && same_run(c, c + n / 2, n / 2);
}

/* The period of the repeat at i: from the table when there is one. */
static inline size_t repeat_at(const lg_char *c, const unsigned char *period, size_t i,
                               size_t n)
{
    return period ? period[i] : doubled_at(c, i, n);
}

/* Collapse the dense runs of repeats in c[0..n) in place; period is
 * mark_repeats' table, or NULL to look at every position.  Characters
 * from i on are never written before they are read, so the repeats found
 * in the original text stay valid while earlier ones are collapsed. */
static size_t collapse_runs(lg_char *c, size_t n, const unsigned char *period)
{
    size_t out = 0, i = 0;
    for (;;) {
        /* nothing before the next repeat changes: move it down at once */
        size_t next = period ? next_repeat(period, i, n) : i;
        if (out != i)
            memmove(c + out, c + i, (next - i) * sizeof *c);
        out += next - i;
        i = next;
        if (i == n)
            return out;
        size_t j = i, tokens = 0, covered = 0, longest = 0;
        while (j < n) {
            size_t len = repeat_at(c, period, j, n);
            if (!len)
                break;
            tokens++;
            covered += 2 * len;
            if (len > longest)
                longest = len;
            j += 2 * len;
        }
        /* A lone 事事 or 层层 is Chinese; a dense run of repeats is a font
         * printing everything twice. */
        if (covered >= 6 && (tokens >= 2 || longest >= 4)) {
            while (i < j) {
                size_t len = repeat_at(c, period, i, n);
                memmove(c + out, c + i, len * sizeof *c);
                out += len;
                i += 2 * len;
            }
        } else {
            c[out++] = c[i++];
        }
    }
}

/* lg_collapse_doubling, told whether c[0..n) has an adjacent pair. */
static size_t collapse_doubling(lg_char *c, size_t n, int adjacent_pair)
{
    if (whole_paragraph_doubled(c, n))
        return n / 2;
    /* Bold doubling always doubles some punctuation or single character
     * somewhere; text without any adjacent pair is left untouched fast. */
    if (!adjacent_pair)
        return n;
    if (n > REPEAT_TABLE_MAX)
        return collapse_runs(c, n, NULL);
    unsigned char period[REPEAT_TABLE_MAX];
    mark_repeats(c, n, period);
    return collapse_runs(c, n, period);
}

size_t lg_collapse_doubling(lg_char *c, size_t n)
{
    tally t = tally_of(c, n);
    return collapse_doubling(c, n, has_adjacent_pair(&t));
}

/* ---- sentences ------------------------------------------------------ */

/* Where sentences end: the terminators of c[0..n), from a list of their
 * positions (ascending, possibly running past n) or, without one, by
 * looking at each character. */
typedef struct terminators {
    const lg_char *c;
    size_t n;
    const uint16_t *list;
    size_t count, next;
} terminators;

/* The first terminator at or after from, or n. */
static size_t next_terminator(terminators *t, size_t from)
{
    if (t->list) {
        while (t->next < t->count && t->list[t->next] < from)
            t->next++;
        return t->next < t->count && t->list[t->next] < t->n ? t->list[t->next] : t->n;
    }
    while (from < t->n && !is_terminator(t->c[from].cp))
        from++;
    return from;
}

/* Cut c[0..n) into sentences after each terminator and the closing marks
 * and further terminators that follow it, and pass them on. */
static void emit_sentences(lg_normalizer *nz, terminators *t, unsigned flags)
{
    const lg_char *c = t->c;
    size_t n = t->n, start = 0;
    while (!nz->stopped) {
        size_t end = next_terminator(t, start);
        if (end == n)
            break;
        end++;
        while (end < n && (is_closer(c[end].cp) || is_terminator(c[end].cp)))
            end++;
        if (nz->sink(nz->user, c + start, end - start, flags))
            nz->stopped = 1;
        flags &= ~LG_SENT_PARA_START;
        start = end;
    }
    if (start < n && !nz->stopped && nz->sink(nz->user, c + start, n - start, flags))
        nz->stopped = 1;
}

/* buf[0..cut) has been passed on: drop its terminators from the list and
 * renumber the rest's. */
static void drop_ends_before(lg_normalizer *nz, size_t cut)
{
    size_t first = nz->n_ends;
    while (first > 0 && nz->ends[first - 1] >= cut)
        first--;
    nz->n_ends -= first;
    for (size_t k = 0; k < nz->n_ends; k++)
        nz->ends[k] = (uint16_t)(nz->ends[first + k] - cut);
}

/* The line now begins at buf[at]. */
static void start_line(lg_normalizer *nz, size_t at)
{
    nz->line_start = at;
    nz->line_gaps = 0;
    nz->line_heading = 0;
    nz->bars_before_line = at == nz->len ? nz->tally.bars : tally_of(nz->buf, at).bars;
}

/* Pass on buf[0..cut) as a paragraph (or its first piece) and keep the rest. */
static void flush_upto(lg_normalizer *nz, size_t cut, int para_end)
{
    if (cut == 0)
        return;
    unsigned flags = nz->para_fresh ? LG_SENT_PARA_START : 0;
    nz->para_fresh = para_end;
    /* what is kept is usually short: count it and take it, with the pair
     * across the cut, from the buffer's tally to get that of buf[0..cut) */
    tally kept = tally_of(nz->buf + cut, nz->len - cut), across = {0, 0, 0};
    if (cut < nz->len)
        tally_pair(&across, nz->buf[cut - 1].cp, nz->buf[cut].cp);
    tally t = tally_less(tally_less(nz->tally, kept), across);
    if (t.bars >= 2)
        flags |= LG_SENT_TABLE_ROW;
    /* collapsing only shrinks buf[0..cut), so it can work in place: the
     * rest of the buffer is moved down from cut afterwards */
    size_t n = collapse_doubling(nz->buf, cut, has_adjacent_pair(&t));
    /* the list of terminators holds while collapsing changed nothing */
    terminators ends = {nz->buf, n, n == cut ? nz->ends : NULL, nz->n_ends, 0};
    emit_sentences(nz, &ends, flags);
    memmove(nz->buf, nz->buf + cut, (nz->len - cut) * sizeof *nz->buf);
    nz->len -= cut;
    drop_ends_before(nz, cut);
    nz->tally = kept;
    start_line(nz, nz->line_start > cut ? nz->line_start - cut : 0);
}

/* The buffer is full: pass on a piece, cut where no value can be split. */
static void flush_partial(lg_normalizer *nz)
{
    size_t cut = 0;
    if (nz->n_ends && nz->ends[nz->n_ends - 1] + 1 > PARA_MAX / 2)
        cut = nz->ends[nz->n_ends - 1] + 1u;
    for (size_t i = nz->len; i > PARA_MAX / 2 && !cut; i--)
        if (nz->buf[i - 1].cp == 0xFF0C /* ， */ || nz->buf[i - 1].cp == 0x3001)
            cut = i;
    for (size_t i = nz->len; i > PARA_MAX / 2 && !cut; i--) {
        uint32_t cp = nz->buf[i - 1].cp;
        if (!is_ascii_alnum(cp) && cp != '.' && !lg_numerals_has(nz->numerals, cp))
            cut = i;
    }
    if (!cut)
        cut = nz->len;
    flush_upto(nz, cut, 0);
}

lg_status lg_normalizer_new(lg_normalizer **out, const lg_lexicon *lx, lg_sentence_sink sink,
                            void *user)
{
    lg_status st = LG_OK;
    *out = NULL;
    if (!lx && !(lx = lx_defaults(&st)))
        return st;
    /* buf and ends are read only below len and n_ends: all but them is
     * zeroed (a normalizer is made for every input; they are 100 KB) */
    lg_normalizer *nz = malloc(sizeof *nz);
    *out = nz;
    if (!nz)
        return LG_ERR_NOMEM;
    size_t after_buf = offsetof(lg_normalizer, buf) + sizeof nz->buf;
    size_t after_ends = offsetof(lg_normalizer, ends) + sizeof nz->ends;
    memset((char *)nz + after_buf, 0, offsetof(lg_normalizer, ends) - after_buf);
    memset((char *)nz + after_ends, 0, sizeof *nz - after_ends);
    nz->numerals = &lx->numerals;
    nz->sink = sink;
    nz->user = user;
    nz->para_fresh = 1;
    nz->checking_heading = 1; /* the first line may be a heading too */
    nz->line_after_blank = 2;  /* ... and a headline: nothing is above it */
    return LG_OK;
}

void lg_normalizer_free(lg_normalizer *nz)
{
    free(nz);
}

static inline void append(lg_normalizer *nz, uint32_t cp, const lg_char *from)
{
    tally_add(&nz->tally, nz->len ? nz->buf[nz->len - 1].cp : 0, cp);
    if (is_terminator(cp))
        nz->ends[nz->n_ends++] = (uint16_t)nz->len;
    lg_char *c = &nz->buf[nz->len++];
    c->cp = cp;
    c->line = from->line;
    c->offset = from->offset;
}

/* A report's title (…法治政府建设情况报告) stands alone above a blank line,
 * where a newspaper column's blank line falls mid-sentence: the line ends
 * in 报告, and the sentence it ends holds no clause punctuation. */
static int ends_as_title(const lg_normalizer *nz)
{
    size_t n = nz->len - nz->line_start;
    if (n < 4 || n > 60 || nz->buf[nz->len - 2].cp != 0x62A5 /* 报 */ ||
        nz->buf[nz->len - 1].cp != 0x544A /* 告 */)
        return 0;
    size_t from = nz->n_ends ? nz->ends[nz->n_ends - 1] + 1u : 0;
    for (size_t i = from; i < nz->len; i++) {
        uint32_t cp = nz->buf[i].cp;
        if (cp == 0xFF0C /* ， */ || cp == 0x3001 /* 、 */ || cp == ',' || cp == 0xFF1A || cp == ':')
            return 0;
    }
    return 1;
}

/* A news sub-headline (转型升级步伐加快 发展动能持续增强: words parted by
 * a space) or a short section heading (三、存在的问题和不足) stands on its
 * own line without punctuation: it ends there, whatever follows. */
static int standalone_line(const lg_normalizer *nz)
{
    size_t n = nz->len - nz->line_start, from = nz->line_start;
    /* a short line with blank lines on both sides, or a headline of 12 to
     * 40 characters opening the text (a shorter first line may be cut by a
     * column's blank line): a paragraph of its own */
    int headline = nz->line_after_blank == 2 && n >= 12 && n <= 40;
    int own_paragraph = nz->newlines >= 2 && (headline || (nz->line_after_blank == 1 && n >= 4 && n <= 24));
    if (nz->line_heading && n <= 24)
        from = nz->line_heading;
    else if (!own_paragraph && !(nz->line_gaps >= 1 && nz->line_gaps <= 3 && n >= 6 && n <= 40))
        return 0;
    int open_quotes = 0;
    for (size_t i = from; i < nz->len; i++) {
        uint32_t cp = nz->buf[i].cp;
        if (!is_ideograph(cp) && !(cp >= '0' && cp <= '9') && cp != 0x201C && cp != 0x201D &&
            cp != 0x300A && cp != 0x300B)
            return 0; /* punctuation: a sentence, or a table cell (a title's 《》 are no stop) */
        open_quotes += cp == 0x201C ? 1 : cp == 0x201D ? -1 : 0;
    }
    /* 建立满都拉口岸“政务服 | 务工作站”: a line cut by the layout, no heading */
    return !own_paragraph || open_quotes == 0;
}

/* 稿件来源:某网  发布时间:2015-07-06: a line of a header's fields (two
 * colons or more, or above a blank line one before a date or a label in
 * 【】, and no clause punctuation) ends there. */
static int field_line(const lg_normalizer *nz, int blank_after)
{
    size_t colons = 0, dashes = 0, a = nz->line_start;
    /* 【字体：大 中 小】: a bracketed label line */
    if (blank_after && a < nz->len && nz->buf[a].cp == 0x3010 && nz->buf[nz->len - 1].cp == 0x3011)
        return 1;
    for (size_t i = a; i < nz->len; i++) {
        uint32_t cp = nz->buf[i].cp;
        if (cp == 0xFF0C || cp == ',' || cp == 0x3002 || cp == 0xFF1B || cp == ';' || cp == 0x3001)
            return 0;
        colons += cp == ':' || cp == 0xFF1A;
        dashes += colons && cp == '-' && i > 0 && nz->buf[i - 1].cp >= '0' && nz->buf[i - 1].cp <= '9';
    }
    /* (two fields end their line even with no blank line after: 作者：… 编辑：…) */
    return colons >= 2 || (blank_after && colons == 1 && dashes >= 2);
}

/* Does the current line hold nothing but a number (3509, 74.7%)?  Then it
 * is a table's cell, and a number on the next line is another cell, not
 * the rest of this one. */
static int line_is_number(const lg_normalizer *nz)
{
    size_t i = nz->line_start, n = nz->len;
    if (i >= n || nz->buf[i].cp < '0' || nz->buf[i].cp > '9')
        return 0;
    for (; i < n; i++) {
        uint32_t cp = nz->buf[i].cp;
        if (!((cp >= '0' && cp <= '9') || cp == '.' || (cp == '%' && i == n - 1)))
            return 0;
    }
    return 1;
}

/* A new line begins with cp after one or more line breaks: is it a new
 * paragraph, or the same sentence broken by the layout? */
static int line_break_is_hard(const lg_normalizer *nz, uint32_t cp)
{
    uint32_t last = nz->buf[nz->len - 1].cp;
    size_t k = nz->len;
    while (k > 0 && is_closer(nz->buf[k - 1].cp))
        k--;
    if (k > 0 && (is_terminator(nz->buf[k - 1].cp) || nz->buf[k - 1].cp == 0xFF1A || nz->buf[k - 1].cp == ':'))
        return 1;
    if (nz->indent >= 2 || is_block_marker(cp) || last == '|')
        return 1;
    /* (a line going on with a number is a sentence wrapped: 一、共受理案件\n120件) */
    if ((nz->newlines >= 2 && ends_as_title(nz)) || field_line(nz, nz->newlines >= 2) ||
        (!(cp >= '0' && cp <= '9') && standalone_line(nz)))
        return 1;
    if (cp >= '0' && cp <= '9' && line_is_number(nz))
        return 1;
    /* a table row written without outer bars: 数量 | 75件 | 16件 */
    return nz->tally.bars - nz->bars_before_line >= 2;
}

/* In text spaced out character by character (累 计 办 理 1 5 0 0 0 余 件)
 * the space between two digits is layout too, not a gap between numbers. */
static int spaced_digit(const lg_normalizer *nz, uint32_t cp)
{
    uint32_t last = nz->buf[nz->len - 1].cp;
    return nz->pending_space == 1 && nz->spaced_run >= 4 && last >= '0' && last <= '9' &&
           cp >= '0' && cp <= '9';
}

static inline int is_digit(uint32_t cp)
{
    return cp >= '0' && cp <= '9';
}

/* Spacing is only known to be layout at the fourth character of a spaced
 * run (see spaced_digit), when the spaces between the run's first digits
 * (2 0 2 3 年) are in buf already: take those out.  They sit at the end of
 * buf, between digits of the current line, after every noted terminator. */
static int is_digit_or_point(uint32_t cp)
{
    return is_digit(cp) || cp == '.';
}

static void join_spaced_digits(lg_normalizer *nz)
{
    size_t end = nz->len;
    if (end > 0 && !is_digit(nz->buf[end - 1].cp)) {
        if (is_terminator(nz->buf[end - 1].cp))
            return; /* noted in ends[]: it stays where it is */
        end--; /* the run's fourth character (年 of 2 0 2 3 年) */
    }
    /* back over the run's digits, points (1 5 . 2 %) and single spaces */
    size_t k = end;
    int spaces = 0;
    while (k > nz->line_start) {
        uint32_t cp = nz->buf[k - 1].cp;
        if (cp == ' ' && spaces < 4 && k - 1 > nz->line_start && is_digit_or_point(nz->buf[k - 2].cp))
            spaces++;
        else if (!is_digit_or_point(cp))
            break;
        k--;
    }
    if (!spaces)
        return;
    size_t w = k;
    for (size_t r = k; r < nz->len; r++)
        if (r >= end || nz->buf[r].cp != ' ')
            nz->buf[w++] = nz->buf[r];
    nz->len = w;
}

static void take_visible(lg_normalizer *nz, const lg_char *c)
{
    uint32_t cp = fold_width(c->cp);
    int after_blank = nz->newlines >= 2;
    if (nz->newlines && nz->len) {
        if (line_break_is_hard(nz, cp)) {
            flush_upto(nz, nz->len, 1);
            start_line(nz, 0);
        } else {
            if (is_ascii_alpha(nz->buf[nz->len - 1].cp) && is_ascii_alpha(cp))
                append(nz, ' ', c);
            start_line(nz, nz->len);
        }
        nz->checking_heading = 1;
    } else if (nz->newlines) {
        start_line(nz, 0);
        nz->checking_heading = 1;
    } else if (nz->pending_space && nz->len && is_ascii_alnum(nz->buf[nz->len - 1].cp) &&
               is_ascii_alnum(cp) && !spaced_digit(nz, cp)) {
        append(nz, ' ', c);
    }
    if (nz->newlines)
        nz->line_after_blank = after_blank;
    if (!nz->newlines)
        nz->spaced_run = nz->pending_space == 1 ? nz->spaced_run + 1 : 0;
    /* a space between ideograph words, each three or more long (in text
     * spaced out char by char, 新 材 料, no space parts words) */
    if (nz->spaced_run >= 2)
        nz->line_gaps = 99;
    else if (nz->pending_space && !nz->newlines && is_ideograph(cp) && nz->len >= nz->line_start + 3 &&
             is_ideograph(nz->buf[nz->len - 1].cp) && is_ideograph(nz->buf[nz->len - 2].cp) &&
             is_ideograph(nz->buf[nz->len - 3].cp))
        nz->line_gaps++;
    nz->newlines = 0;
    nz->indent = 0;
    nz->pending_space = 0;
    append(nz, cp, c);
    if (nz->spaced_run == 4)
        join_spaced_digits(nz);

    if (nz->checking_heading) {
        int complete;
        size_t n = nz->len - nz->line_start;
        int maybe = heading_at(nz->numerals, nz->buf + nz->line_start, n, &complete);
        if (complete) {
            size_t start = nz->line_start;
            flush_upto(nz, start, 1);
            start_line(nz, 0);
            nz->line_heading = n;
        }
        if (!maybe || complete || n > 5)
            nz->checking_heading = 0;
    }
    if (nz->len >= PARA_MAX)
        flush_partial(nz);
}

/* The common case of take_visible, for a run of visible characters from
 * chars[i] on: no line break or space before them and no heading to look
 * for, so each is folded and appended and nothing else happens - until
 * the buffer is one short of full, when take_visible must pass a piece on.
 * Returns where the run ends. */
static size_t take_run(lg_normalizer *nz, const lg_char *chars, size_t i, size_t n)
{
    if (nz->newlines || nz->pending_space || nz->checking_heading)
        return i;
    size_t room = PARA_MAX - 1 - nz->len;
    size_t end = n - i < room ? n : i + room;
    lg_char *out = nz->buf + nz->len;
    uint32_t prev = nz->len ? out[-1].cp : 0;
    tally t = nz->tally;
    size_t n_ends = nz->n_ends;
    size_t start = i;
    for (; i < end; i++) {
        uint32_t cp = chars[i].cp;
        if (is_ideograph(cp)) {
            t.other_pairs += cp == prev; /* never a mark */
        } else {
            if (!is_visible(cp))
                break;
            cp = fold_width(cp);
            t.bars += cp == '|';
            if (is_terminator(cp))
                nz->ends[n_ends++] = (uint16_t)(out - nz->buf);
            tally_pair(&t, prev, cp);
        }
        prev = cp;
        out->cp = cp;
        out->line = chars[i].line;
        out->offset = chars[i].offset;
        out++;
    }
    if (i > start)
        nz->spaced_run = 0;
    nz->tally = t;
    nz->n_ends = n_ends;
    nz->len = (size_t)(out - nz->buf);
    return i;
}

int lg_normalizer_push(void *normalizer, const lg_char *chars, size_t n)
{
    lg_normalizer *nz = normalizer;
    for (size_t i = 0; i < n && !nz->stopped; i++) {
        i = take_run(nz, chars, i, n);
        if (i == n)
            break;
        uint32_t cp = chars[i].cp;
        if (is_line_break(cp)) {
            nz->newlines++;
            nz->indent = 0;
            nz->pending_space = 0;
        } else if (cp == '\r') {
            continue; /* CRLF is one line break; the LF counts it */
        } else if (is_control(cp)) {
            continue; /* see is_control */
        } else if (is_space(cp)) {
            if (nz->newlines)
                nz->indent += (cp == 0x3000 || cp == '\t') ? 2 : 1;
            else
                nz->pending_space++;
        } else {
            take_visible(nz, &chars[i]);
        }
    }
    return nz->stopped;
}

int lg_normalizer_finish(lg_normalizer *nz)
{
    if (!nz->stopped)
        flush_upto(nz, nz->len, 1);
    return nz->stopped;
}
