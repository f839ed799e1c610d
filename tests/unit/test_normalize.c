/* test_normalize.c - the normalizer: spaces between characters, soft line
 * breaks inside sentences and numbers, full-width forms, bold-font
 * doubling, sentence cuts, paragraph and table-row flags, the position map
 * back to the input, and the bounded paragraph buffer. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "normalize.h"
#include "test.h"
#include "text.h"

/* ---- input: lg_char arrays from UTF-8 ------------------------------- */

/* the library's own decoder (text.h) reads the test strings */
static uint32_t get_utf8(const unsigned char *s, size_t *len)
{
    uint32_t cp;
    *len = utf8_decode_one((const char *)s, &cp);
    return cp;
}

/* the library's own encoder (text.h) builds expected strings */
#define put_utf8(cp, o) utf8_encode((cp), (o))

/* The characters of s as the decoder would pass them: line counted by
 * '\n' (the LF itself on the line it ends), offset = byte index. */
static lg_char *chars_of(const char *s, size_t *n)
{
    size_t len = strlen(s), i = 0, k = 0, clen;
    lg_char *c = malloc((len + 1) * sizeof *c);
    long long line = 1;
    if (!c)
        abort();
    while (i < len) {
        c[k].cp = get_utf8((const unsigned char *)s + i, &clen);
        c[k].line = line;
        c[k].offset = (long long)i;
        if (c[k].cp == '\n')
            line++;
        k++;
        i += clen;
    }
    *n = k;
    return c;
}

/* UTF-8 of c[0..n) into a static buffer. */
static const char *utf8_of(const lg_char *c, size_t n)
{
    static char *s;
    free(s);
    s = malloc(4 * n + 1);
    if (!s)
        abort();
    size_t o = 0;
    for (size_t i = 0; i < n; i++)
        o += put_utf8(c[i].cp, s + o);
    s[o] = '\0';
    return s;
}

/* ---- output: the sentences ------------------------------------------ */

typedef struct sentence {
    char *text;
    lg_char *chars;
    size_t n;
    unsigned flags;
} sentence;

typedef struct sentences {
    sentence *v;
    size_t n, cap;
    size_t stop_after; /* ask to stop after this many; 0 = never */
} sentences;

static int collect(void *user, const lg_char *chars, size_t n, unsigned flags)
{
    sentences *ss = user;
    if (ss->n == ss->cap) {
        ss->cap = ss->cap ? 2 * ss->cap : 16;
        ss->v = realloc(ss->v, ss->cap * sizeof *ss->v);
        if (!ss->v)
            abort();
    }
    sentence *s = &ss->v[ss->n++];
    s->chars = malloc((n ? n : 1) * sizeof *chars);
    if (!s->chars)
        abort();
    memcpy(s->chars, chars, n * sizeof *chars);
    s->n = n;
    s->flags = flags;
    s->text = strdup(utf8_of(chars, n));
    return ss->stop_after && ss->n >= ss->stop_after;
}

static void sentences_free(sentences *ss)
{
    for (size_t i = 0; i < ss->n; i++) {
        free(ss->v[i].text);
        free(ss->v[i].chars);
    }
    free(ss->v);
    memset(ss, 0, sizeof *ss);
}

/* Normalize s, pushing chunk chars at a time (0 = all at once). */
static void normalize(sentences *ss, const char *s, size_t chunk)
{
    memset(ss, 0, sizeof *ss);
    size_t n;
    lg_char *c = chars_of(s, &n);
    lg_normalizer *nz;
    if (lg_normalizer_new(&nz, NULL, collect, ss) != LG_OK)
        abort();
    if (!chunk)
        chunk = n ? n : 1;
    for (size_t at = 0; at < n; at += chunk)
        lg_normalizer_push(nz, c + at, n - at < chunk ? n - at : chunk);
    lg_normalizer_finish(nz);
    lg_normalizer_free(nz);
    free(c);
}

/* All sentences joined with " / " (to compare whole outputs at once). */
static const char *joined(const sentences *ss)
{
    static char buf[65536];
    size_t o = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < ss->n; i++)
        o += (size_t)snprintf(buf + o, sizeof buf - o, "%s%s", i ? " / " : "", ss->v[i].text);
    return buf;
}

/* The flags of each sentence, as "P" (paragraph start), "T" (table row),
 * "PT" or "-", joined by spaces. */
static const char *flags_of(const sentences *ss)
{
    static char buf[1024];
    size_t o = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < ss->n && o + 8 < sizeof buf; i++) {
        unsigned f = ss->v[i].flags;
        o += (size_t)snprintf(buf + o, sizeof buf - o, "%s%s%s%s", i ? " " : "",
                              f & LG_SENT_PARA_START ? "P" : "", f & LG_SENT_TABLE_ROW ? "T" : "",
                              f & (LG_SENT_PARA_START | LG_SENT_TABLE_ROW) ? "" : "-");
    }
    return buf;
}

/* The index in sentence s of the character whose UTF-8 text starts at the
 * first occurrence of needle in s->text (plus skip chars), or -1. */
static long find_char(const sentence *s, const char *needle, size_t skip)
{
    const char *p = strstr(s->text, needle);
    if (!p)
        return -1;
    size_t byte = (size_t)(p - s->text), b = 0;
    char tmp[4];
    for (size_t i = 0; i < s->n; i++) {
        if (b == byte)
            return i + skip < s->n ? (long)(i + skip) : -1;
        b += put_utf8(s->chars[i].cp, tmp);
    }
    return -1;
}

/* Does the char at needle (+skip) in sentence s come from line:offset? */
static int maps_to(const sentence *s, const char *needle, size_t skip, long long line,
                   long long offset)
{
    long i = find_char(s, needle, skip);
    if (i < 0) {
        fprintf(stderr, "  %s not found in %s\n", needle, s->text);
        return 0;
    }
    const lg_char *c = &s->chars[i];
    if (c->line != line || c->offset != offset) {
        fprintf(stderr, "  %s+%zu: got line %lld offset %lld, want line %lld offset %lld\n",
                needle, skip, c->line, c->offset, line, offset);
        return 0;
    }
    return 1;
}

/* Byte offset of the n-th (0-based) occurrence of needle in s. */
static long long at(const char *s, const char *needle, int nth)
{
    const char *p = s;
    for (int i = 0; i <= nth; i++) {
        p = strstr(i ? p + 1 : p, needle);
        if (!p)
            return -1;
    }
    return (long long)(p - s);
}

/* Does every output char map to an input char with the same (folded) code
 * point?  Checks the position map as a whole.  Spaces the normalizer adds
 * between two ASCII alnum stand where a space or line break stood. */
static int map_is_faithful(const sentences *ss, const char *input)
{
    size_t n;
    lg_char *c = chars_of(input, &n);
    int ok = 1;
    for (size_t i = 0; i < ss->n && ok; i++) {
        for (size_t k = 0; k < ss->v[i].n && ok; k++) {
            const lg_char *o = &ss->v[i].chars[k];
            size_t j = 0;
            while (j < n && c[j].offset != o->offset)
                j++;
            if (j == n || c[j].line != o->line) {
                fprintf(stderr, "  sentence %zu char %zu: offset %lld line %lld is no input char\n",
                        i, k, o->offset, o->line);
                ok = 0;
            } else if (o->cp != ' ' && lg_fold_width(c[j].cp) != o->cp) {
                fprintf(stderr, "  sentence %zu char %zu U+%04X maps to U+%04X at %lld\n", i, k,
                        (unsigned)o->cp, (unsigned)c[j].cp, o->offset);
                ok = 0;
            }
        }
    }
    free(c);
    return ok;
}

/* Same output whatever the push size? */
static int chunk_invariant(const char *input)
{
    sentences a, b;
    normalize(&a, input, 0);
    char *want = strdup(joined(&a));
    char *wantf = strdup(flags_of(&a));
    int ok = 1;
    static const size_t chunks[] = {1, 2, 3, 7};
    for (size_t k = 0; k < 4; k++) {
        normalize(&b, input, chunks[k]);
        if (strcmp(joined(&b), want) || strcmp(flags_of(&b), wantf)) {
            fprintf(stderr, "  chunk %zu: %s\n  whole: %s\n", chunks[k], joined(&b), want);
            ok = 0;
        }
        sentences_free(&b);
    }
    free(want);
    free(wantf);
    sentences_free(&a);
    return ok;
}

/* lg_collapse_doubling on a UTF-8 string, returning the result as UTF-8. */
static const char *collapse(const char *s, lg_char **out, size_t *n)
{
    size_t len;
    lg_char *c = chars_of(s, &len);
    *n = lg_collapse_doubling(c, len);
    *out = c;
    return utf8_of(c, *n);
}

static const char *collapsed(const char *s)
{
    lg_char *c;
    size_t n;
    const char *r = collapse(s, &c, &n);
    free(c);
    return r;
}

/* ---- the bold-font rule written plainly, to check the fast one -------- */

static size_t plain_doubled_at(const lg_char *c, size_t i, size_t n)
{
    size_t max = (n - i) / 2 < 24 ? (n - i) / 2 : 24;
    for (size_t len = max; len > 0; len--) {
        size_t k = 0;
        while (k < len && c[i + k].cp == c[i + len + k].cp)
            k++;
        if (k == len)
            return len;
    }
    return 0;
}

static int plain_is_mark(uint32_t cp)
{
    return (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFF65) ||
           (cp >= 0x2010 && cp <= 0x206F);
}

/* The whole paragraph printed twice (however long); else, when a mark or two other
 * characters (not digits) stand twice in a row, every run of repeats that
 * covers 6 characters with 2 repeats or one of 4 goes to its first copies. */
static size_t plain_collapse(lg_char *c, size_t n)
{
    if (n >= 8 && n % 2 == 0) {
        size_t k = 0;
        while (k < n / 2 && c[k].cp == c[n / 2 + k].cp)
            k++;
        if (k == n / 2)
            return n / 2;
    }
    size_t marks = 0, others = 0;
    for (size_t i = 1; i < n; i++)
        if (c[i].cp == c[i - 1].cp && c[i].cp > '9')
            plain_is_mark(c[i].cp) ? marks++ : others++;
    if (!marks && others < 2)
        return n;
    lg_char *in = malloc((n + 1) * sizeof *in);
    if (!in)
        abort();
    memcpy(in, c, n * sizeof *c);
    size_t out = 0, i = 0;
    while (i < n) {
        size_t j = i, tokens = 0, covered = 0, longest = 0, len;
        while (j < n && (len = plain_doubled_at(in, j, n))) {
            tokens++;
            covered += 2 * len;
            longest = len > longest ? len : longest;
            j += 2 * len;
        }
        if (covered >= 6 && (tokens >= 2 || longest >= 4)) {
            for (; i < j; i += 2 * len) {
                len = plain_doubled_at(in, i, n);
                memcpy(c + out, in + i, len * sizeof *c);
                out += len;
            }
        } else {
            c[out++] = in[i++];
        }
    }
    free(in);
    return out;
}

static unsigned long next_random(unsigned long *seed)
{
    *seed = *seed * 6364136223846793005UL + 1442695040888963407UL;
    return *seed >> 33;
}

/* A pseudo-random text of n characters with runs printed twice: drawn
 * from 3, 12 or 60 characters (so with many, few or almost no chance
 * repeats), some of them marks and digits, and each run of 1 to 7 or,
 * one time in 8, 20 to 27 (past the longest repeat looked for) doubled one
 * time in 2, 4 or 16. */
static void random_bold_text(lg_char *c, size_t n, unsigned long *seed)
{
    static const unsigned kinds[] = {3, 12, 60}, odds[] = {2, 4, 16};
    unsigned long style = next_random(seed);
    unsigned kind = kinds[style % 3], odd = odds[(style >> 2) % 3];
    size_t k = 0;
    while (k < n) {
        unsigned long r = next_random(seed);
        size_t len = (r >> 8) % 8 ? 1 + r % 7 : 20 + r % 8, copies = (r >> 3) % odd == 0 ? 2 : 1;
        uint32_t piece[27];
        for (size_t m = 0; m < len; m++) {
            unsigned pick = (unsigned)(next_random(seed) % kind);
            piece[m] = pick == 0 ? 0xFF0C /* ， */ : pick == 1 ? '1' : 0x4E00 + pick;
        }
        for (size_t t = 0; t < copies; t++)
            for (size_t m = 0; m < len && k < n; m++, k++) {
                c[k].cp = piece[m];
                c[k].line = 1;
                c[k].offset = (long long)k;
            }
    }
}

/* lg_collapse_doubling agrees with plain_collapse, code points and
 * offsets, on count random texts of up to max_len characters. */
static int collapse_agrees(size_t count, size_t max_len, unsigned long seed)
{
    size_t bytes = (max_len + 1) * sizeof(lg_char);
    lg_char *in = calloc(max_len + 1, sizeof *in), *a = malloc(bytes), *b = malloc(bytes);
    if (!in || !a || !b)
        abort();
    int ok = 1;
    for (size_t t = 0; t < count && ok; t++) {
        size_t n = next_random(&seed) % (max_len + 1);
        random_bold_text(in, n, &seed);
        memcpy(a, in, n * sizeof *in);
        memcpy(b, in, n * sizeof *in);
        size_t na = lg_collapse_doubling(a, n), nb = plain_collapse(b, n);
        ok = na == nb;
        for (size_t k = 0; ok && k < na; k++)
            ok = a[k].cp == b[k].cp && a[k].offset == b[k].offset;
        if (!ok)
            fprintf(stderr, "  collapse differs on %zu chars: %s\n", n, utf8_of(in, n));
    }
    free(in);
    free(a);
    free(b);
    return ok;
}

/* Normalize s with each '~' read as the code point nul_as (0: NUL). */
static void normalize_with(sentences *ss, const char *s, uint32_t nul_as)
{
    memset(ss, 0, sizeof *ss);
    size_t n;
    lg_char *c = chars_of(s, &n);
    for (size_t i = 0; i < n; i++)
        if (c[i].cp == '~')
            c[i].cp = nul_as;
    lg_normalizer *nz;
    if (lg_normalizer_new(&nz, NULL, collect, ss) != LG_OK)
        abort();
    lg_normalizer_push(nz, c, n);
    lg_normalizer_finish(nz);
    lg_normalizer_free(nz);
    free(c);
}

int main(void)
{
    sentences ss;

    /* ---- control characters: one rule, wherever they stand ------------ */
    {
        static const uint32_t controls[] = {0, 0x01, 0x1B, 0x1F, 0x7F, 0x85, 0x9F};
        for (size_t i = 0; i < sizeof controls / sizeof *controls; i++) {
            normalize_with(&ss, "共办理3~5件，增长1~2.~5%，案~件A~B。", controls[i]);
            TEST_STREQ("a control character is dropped: in a number, after a point, between words",
                       joined(&ss), "共办理35件，增长12.5%，案件AB。");
            sentences_free(&ss);
        }
        normalize_with(&ss, "共办理3~5件，其中2~ ~4件。", 0);
        TEST_STREQ("a control character beside a space leaves the space", joined(&ss),
                   "共办理35件，其中2 4件。");
        sentences_free(&ss);
        normalize_with(&ss, "共3~5件", '\t');
        TEST_STREQ("a tab is layout, a space", joined(&ss), "共3 5件");
        sentences_free(&ss);
        normalize_with(&ss, "共3~5件", '\f');
        TEST_STREQ("a form feed is layout, a space", joined(&ss), "共3 5件");
        sentences_free(&ss);
    }

    /* ---- spaces ------------------------------------------------------ */
    {
        const char *in = "累 计 办 理 案 件 15000 余 件";
        normalize(&ss, in, 0);
        TEST_STREQ("spaces between every char removed", joined(&ss), "累计办理案件15000余件");
        TEST_COND("one sentence", ss.n == 1);
        TEST_COND("position: 计 after a removed space is at offset 4",
                  ss.n && maps_to(&ss.v[0], "计", 0, 1, 4));
        TEST_COND("position: 1 of 15000 at its own offset",
                  ss.n && maps_to(&ss.v[0], "15000", 0, 1, at(in, "15000", 0)));
        TEST_COND("position: 余 after 15000 and a space",
                  ss.n && maps_to(&ss.v[0], "余", 0, 1, at(in, "余", 0)));
        TEST_COND("spaces: position map faithful", map_is_faithful(&ss, in));
        sentences_free(&ss);
    }
    {
        normalize(&ss, "编号3 4号，版本A B，第5 页，x 法", 0);
        TEST_STREQ("space kept between two ASCII alnum only", joined(&ss),
                   "编号3 4号，版本A B，第5页，x法");
        sentences_free(&ss);
    }
    {
        normalize(&ss, "累 计 办 理 相 关 案 件 1 5 0 0 0 余 件 ，编号3 4号。", 0);
        TEST_STREQ("text spaced out character by character: digits join, ordinary gaps stay",
                   joined(&ss), "累计办理相关案件15000余件，编号3 4号。");
        sentences_free(&ss);
    }
    {
        /* the spacing is known only at a run's fourth character: digits
         * spaced before that join too */
        normalize(&ss, "2 0 2 3 年 ， 全 市 在 2 0 2 2 年 办 理 3 1 2 5 件 ；", 0);
        TEST_STREQ("spaced digits at a paragraph's start or a run's start join",
                   joined(&ss), "2023年，全市在2022年办理3125件；");
        sentences_free(&ss);
        normalize(&ss, "同比\n增长 1 5 . 2 % 。", 0);
        TEST_STREQ("spaced digits around a decimal point join", joined(&ss), "同比增长15.2%。");
        sentences_free(&ss);
        normalize(&ss, "编号3 4；2 0 2 3 ；", 0);
        TEST_STREQ("a short run stays; a terminator ending a run keeps its place",
                   joined(&ss), "编号3 4； / 2 0 2 3；");
        sentences_free(&ss);
        normalize(&ss, "成都市2023年法治政府建设工作报告\n\n全市办理案件12件。", 0);
        TEST_STREQ("a title ending in 报告 above a blank line is a sentence of its own",
                   joined(&ss), "成都市2023年法治政府建设工作报告 / 全市办理案件12件。");
        sentences_free(&ss);
        normalize(&ss, "全市依法监督，向市人大常委会报告\n\n专项工作23项。", 0);
        TEST_STREQ("…but a sentence with a comma goes on across the blank line",
                   joined(&ss), "全市依法监督，向市人大常委会报告专项工作23项。");
        sentences_free(&ss);
        TEST_COND("chunk invariance: spaced digits at the start",
                  chunk_invariant("2 0 2 3 年 ， 全 市 办 理 3 1 2 5 件 。"));
    }
    {
        const char *in = "法治\u3000政府\u3000\u3000建设\t工作。";
        normalize(&ss, in, 0);
        TEST_STREQ("U+3000 and tabs inside a line dropped", joined(&ss), "法治政府建设工作。");
        TEST_COND("U+3000: 政 keeps its offset", ss.n && maps_to(&ss.v[0], "政", 0, 1, at(in, "政", 0)));
        sentences_free(&ss);
    }
    {
        normalize(&ss, "\u3000\u3000全市办理案件20件。", 0);
        TEST_STREQ("leading U+3000 indent dropped", joined(&ss), "全市办理案件20件。");
        sentences_free(&ss);
    }

    /* ---- line breaks ------------------------------------------------- */
    {
        const char *in = "全年办结率和满意度增长\n率达98.9%。";
        normalize(&ss, in, 0);
        TEST_STREQ("hard line break inside a sentence joined", joined(&ss),
                   "全年办结率和满意度增长率达98.9%。");
        TEST_COND("joined: one sentence", ss.n == 1);
        TEST_COND("joined: 率 is on line 2 at its offset",
                  ss.n && maps_to(&ss.v[0], "率达", 0, 2, at(in, "率达", 0)));
        sentences_free(&ss);
    }
    {
        const char *in = "共调处纠纷100\n55件。";
        normalize(&ss, in, 0);
        TEST_STREQ("a number broken across lines joined", joined(&ss), "共调处纠纷10055件。");
        TEST_COND("broken number: 5 of the second line on line 2",
                  ss.n && maps_to(&ss.v[0], "10055", 3, 2, at(in, "55", 0)));
        sentences_free(&ss);
    }
    {
        normalize(&ss, "同比增长\n3.5%，办理了\n一百件案件。", 0);
        TEST_STREQ("3.5 and 一百 at a line start are no headings", joined(&ss),
                   "同比增长3.5%，办理了一百件案件。");
        TEST_STREQ("3.5 / 一百: no new paragraph", flags_of(&ss), "P");
        sentences_free(&ss);
    }
    {
        normalize(&ss, "全市共办理法律援助\n\n案件2320件。", 0);
        TEST_STREQ("blank line in mid-sentence joined", joined(&ss), "全市共办理法律援助案件2320件。");
        sentences_free(&ss);
    }
    {
        normalize(&ss, "共建成12个\r\n公共法律服务站。\r\n\r\n下一段。", 0);
        TEST_STREQ("CRLF: soft break joined, CR dropped", joined(&ss),
                   "共建成12个公共法律服务站。 / 下一段。");
        TEST_STREQ("CRLF: two paragraphs", flags_of(&ss), "P P");
        sentences_free(&ss);
    }
    {
        normalize(&ss, "the rule of\nlaw 2023", 0);
        TEST_STREQ("soft break between ASCII letters becomes a space", joined(&ss),
                   "the rule of law 2023");
        sentences_free(&ss);
    }
    {
        const char *in = "第一段办理案件20件。\n第二段开展活动5场；\n第三段";
        normalize(&ss, in, 0);
        TEST_STREQ("paragraph ends with 。: separate sentences", joined(&ss),
                   "第一段办理案件20件。 / 第二段开展活动5场； / 第三段");
        TEST_STREQ("each paragraph starts anew", flags_of(&ss), "P P P");
        TEST_COND("second paragraph: 第 on line 2",
                  ss.n > 1 && maps_to(&ss.v[1], "第二段", 0, 2, at(in, "第二段", 0)));
        sentences_free(&ss);
    }
    {
        normalize(&ss, "上一段结束\n    缩进的新段落。", 0);
        TEST_STREQ("an indented line starts a new paragraph", joined(&ss),
                   "上一段结束 / 缩进的新段落。");
        TEST_STREQ("indent: two paragraph starts", flags_of(&ss), "P P");
        sentences_free(&ss);
    }

    /* ---- sentence cuts ----------------------------------------------- */
    {
        normalize(&ss, "办理案件20件；开展培训3次！是否达标？达标。最后一句", 0);
        TEST_STREQ("cut on ；！？。", joined(&ss),
                   "办理案件20件； / 开展培训3次！ / 是否达标？ / 达标。 / 最后一句");
        TEST_STREQ("only the first sentence starts the paragraph", flags_of(&ss), "P - - - -");
        sentences_free(&ss);
    }
    {
        normalize(&ss, "他说：“依法办事。”随后；；结束。", 0);
        TEST_STREQ("closing quote and repeated terminators stay with the sentence", joined(&ss),
                   "他说：“依法办事。” / 随后；； / 结束。");
        sentences_free(&ss);
    }
    {
        /* terminators noted on the fast path (after a visible character)
         * and on the slow one (after a space), folded or ASCII */
        const char *in = "办理案件20件 ；开展培训3次! 是否达标?达标 。最后一句";
        normalize(&ss, in, 0);
        TEST_STREQ("cut on terminators after spaces and ASCII ones", joined(&ss),
                   "办理案件20件； / 开展培训3次! / 是否达标? / 达标。 / 最后一句");
        sentences_free(&ss);
        TEST_COND("chunk invariance: terminators", chunk_invariant(in));
    }
    {
        /* collapsing moves the terminators: the sentences are cut where
         * they end up */
        const char *in = "全年办理案件全年办理案件；；共计20件。。同时推进。";
        normalize(&ss, in, 0);
        TEST_STREQ("cut after a bold run collapsed", joined(&ss),
                   "全年办理案件； / 共计20件。。 / 同时推进。");
        sentences_free(&ss);
        TEST_COND("chunk invariance: cut after a bold run", chunk_invariant(in));
    }
    {
        /* a paragraph too long for the buffer is cut after its last
         * terminator; the terminators of the part kept still count */
        char *in = malloc(5000 * 3 + 64);
        size_t o = 0;
        for (size_t i = 0; i < 4500; i++) {
            o += put_utf8(0x4E00 + (uint32_t)((i * 7919) % 20000), in + o);
            if (i == 2999 || i == 4000)
                o += put_utf8(i == 2999 ? 0x3002 : 0xFF1B, in + o);
        }
        strcpy(in + o, "。");
        static const size_t chunks[] = {0, 1, 7, 1000};
        for (size_t k = 0; k < 4; k++) {
            normalize(&ss, in, chunks[k]);
            TEST_COND("over-long paragraph: cut after 。, then at ； and the end",
                      ss.n == 3 && ss.v[0].n == 3001 && ss.v[1].n == 1002 && ss.v[2].n == 500 &&
                          !strcmp(flags_of(&ss), "P - -"));
            sentences_free(&ss);
        }
        free(in);
    }
    {
        normalize(&ss, "第一。\n\n\n\n第二。", 0);
        TEST_STREQ("several blank lines: no empty sentence", joined(&ss), "第一。 / 第二。");
        TEST_COND("several blank lines: 2 sentences", ss.n == 2);
        sentences_free(&ss);
    }

    /* ---- full width ------------------------------------------------------ */
    {
        const char *in = "同比增长１２．６％，达到３８１＋件。";
        normalize(&ss, in, 0);
        TEST_STREQ("full-width digits, ．％＋ folded", joined(&ss), "同比增长12.6%，达到381+件。");
        TEST_COND("folded 1 keeps the offset of １",
                  ss.n && maps_to(&ss.v[0], "12.6", 0, 1, at(in, "１", 0)));
        TEST_COND("folded %: offset of ％", ss.n && maps_to(&ss.v[0], "%", 0, 1, at(in, "％", 0)));
        sentences_free(&ss);
        TEST_COND("lg_fold_width: ０ -> 0", lg_fold_width(0xFF10) == '0');
        TEST_COND("lg_fold_width: ９ -> 9", lg_fold_width(0xFF19) == '9');
        TEST_COND("lg_fold_width: Ａ -> A, ｚ -> z", lg_fold_width(0xFF21) == 'A' && lg_fold_width(0xFF5A) == 'z');
        TEST_COND("lg_fold_width: ． ％ ＋", lg_fold_width(0xFF0E) == '.' && lg_fold_width(0xFF05) == '%' &&
                                          lg_fold_width(0xFF0B) == '+');
        TEST_COND("lg_fold_width: ， ； 。 unchanged", lg_fold_width(0xFF0C) == 0xFF0C &&
                                                   lg_fold_width(0xFF1B) == 0xFF1B &&
                                                   lg_fold_width(0x3002) == 0x3002);
        TEST_COND("lg_fold_width: 法 unchanged", lg_fold_width(0x6CD5) == 0x6CD5);
    }
    {
        normalize(&ss, "全市有律师１２ ３４名，比例为５　％。", 0);
        TEST_STREQ("space between folded full-width digits kept, before ％ dropped", joined(&ss),
                   "全市有律师12 34名，比例为5%。");
        sentences_free(&ss);
    }

    /* ---- bold-font doubling ------------------------------------------- */
    {
        const char *in = "今年挽回经济损失失 818818..11 万元万元；；同时推进。";
        normalize(&ss, in, 0);
        TEST_COND("doubling: a sentence contains 挽回经济损失818.1万元；",
                  ss.n >= 1 && strstr(ss.v[0].text, "挽回经济损失818.1万元；") != NULL);
        TEST_STREQ("doubling: whole output", joined(&ss), "今年挽回经济损失818.1万元； / 同时推进。");
        if (ss.n) {
            sentence *s = &ss.v[0];
            TEST_COND("doubling: 8 maps to the first 8 of 818818",
                      maps_to(s, "818.1", 0, 1, at(in, "818818", 0)));
            TEST_COND("doubling: . maps to the first . of ..",
                      maps_to(s, "818.1", 3, 1, at(in, "..", 0)));
            TEST_COND("doubling: last 1 maps to the first 1 of 11",
                      maps_to(s, "818.1", 4, 1, at(in, "11 ", 0)));
            TEST_COND("doubling: 万 maps to the first 万", maps_to(s, "万元", 0, 1, at(in, "万元", 0)));
            TEST_COND("doubling: 失 maps to the first 失", maps_to(s, "失8", 0, 1, at(in, "失", 0)));
        }
        TEST_COND("doubling: position map faithful", map_is_faithful(&ss, in));
        sentences_free(&ss);
    }
    {
        lg_char *c;
        size_t n;
        const char *in = "挽回经济损失失 818818..11 万元万元；；";
        const char *got = collapse(in, &c, &n);
        TEST_STREQ("lg_collapse_doubling: runs between spaces collapsed, a lone 失失 kept", got,
                   "挽回经济损失失 818.1 万元；");
        free(c);
        got = collapse("挽回经济损失失818818..11万元万元；；", &c, &n);
        TEST_STREQ("lg_collapse_doubling: bold run collapsed", got, "挽回经济损失818.1万元；");
        TEST_COND("lg_collapse_doubling: new length 14", n == 14);
        /* the kept copy is the first: 8 at offset of the first 8 (byte 21) */
        TEST_COND("lg_collapse_doubling: first copy kept", n == 14 && c[6].offset == 21 &&
                                                             c[9].offset == 27 && c[10].offset == 29);
        free(c);
    }
    TEST_STREQ("reduplication 事事有回音、件件有着落 unchanged", collapsed("事事有回音、件件有着落"),
               "事事有回音、件件有着落");
    TEST_STREQ("reduplication 层层压实 unchanged", collapsed("层层压实责任"), "层层压实责任");
    TEST_STREQ("讨论讨论 unchanged", collapsed("大家讨论讨论"), "大家讨论讨论");
    TEST_STREQ("家家户户 unchanged", collapsed("家家户户都知道"), "家家户户都知道");
    TEST_STREQ("a number 1111 unchanged", collapsed("共1111件"), "共1111件");
    TEST_STREQ("a number 100100 unchanged", collapsed("编号100100号"), "编号100100号");
    TEST_STREQ("a doubled phrase with doubled punctuation collapsed",
               collapsed("依法行政依法行政，，推进推进"), "依法行政，推进");
    TEST_STREQ("text without pairs unchanged", collapsed("法治政府建设"), "法治政府建设");
    /* 一 U+4E00 and 企 U+4F01 share a slot in the repeat index's hash
     * table: repeats are still found exactly */
    TEST_STREQ("hash-sharing characters: no bold run, unchanged",
               collapsed("依法一企一企一企依法，，"), "依法一企一企一企依法，，");
    TEST_STREQ("hash-sharing characters: bold run collapsed",
               collapsed("一企企一一企，，一企一企"), "一企企一一企，一企");
    TEST_STREQ("hash-sharing characters: repeats of different lengths",
               collapsed("报告一企业一企业，，企一企一"), "报告一企业，企一");
    {
        /* longer than any normalizer paragraph (no repeat index): the
         * doubled 20-character period collapses to one copy */
        const char *unit = "依法行政依法行政，，";
        size_t ulen = strlen(unit);
        char *in = malloc(500 * ulen + 8), *want = malloc(250 * ulen + 8);
        for (int k = 0; k < 500; k++)
            memcpy(in + k * ulen, unit, ulen);
        strcpy(in + 500 * ulen, "完");
        for (int k = 0; k < 250; k++)
            memcpy(want + k * ulen, unit, ulen);
        strcpy(want + 250 * ulen, "完");
        TEST_COND("a bold run of 5001 characters collapses like a short one",
                  !strcmp(collapsed(in), want));
        free(in);
        free(want);
    }
    TEST_STREQ("empty", collapsed(""), "");
    TEST_COND("collapse agrees with the plain rule: 20000 texts up to 60 chars",
              collapse_agrees(20000, 60, 1));
    TEST_COND("collapse agrees with the plain rule: 2000 texts up to 600 chars",
              collapse_agrees(2000, 600, 2));
    TEST_COND("collapse agrees with the plain rule: texts up to a full buffer and past it",
              collapse_agrees(40, 5000, 3));
    {
        /* pairs of ideographs are counted on the appending loop's short
         * path: one is Chinese, two let a bold run collapse */
        normalize(&ss, "事事全年办理案件全年办理案件", 0);
        TEST_STREQ("one ideograph pair: a repeat without marks kept", joined(&ss),
                   "事事全年办理案件全年办理案件");
        sentences_free(&ss);
        normalize(&ss, "事事全年办理案件全年办理案件层层", 0);
        TEST_STREQ("two ideograph pairs: the run collapses", joined(&ss), "事全年办理案件层");
        sentences_free(&ss);
        TEST_COND("chunk invariance: ideograph pairs", chunk_invariant("事事全年办理案件全年办理案件层层"));
    }
    {
        /* a paragraph without pairs is never searched; one with a pair
         * (——) is, and only a dense run of repeats changes it */
        const char *plain = "全年办理案件2320件，同比增长12%。", *dash = "坚持——依法行政，推进推进。",
                   *bold = "坚持——推进工作，依法行政依法行政，，推进推进。";
        static const size_t chunks[] = {0, 1, 2, 5, 13};
        for (size_t k = 0; k < 5; k++) {
            normalize(&ss, plain, chunks[k]);
            TEST_STREQ("no pair: unchanged", joined(&ss), plain);
            sentences_free(&ss);
            normalize(&ss, dash, chunks[k]);
            TEST_STREQ("—— and a lone 推进推进: unchanged", joined(&ss), dash);
            sentences_free(&ss);
            normalize(&ss, bold, chunks[k]);
            TEST_STREQ("—— and a bold run: the run collapses", joined(&ss),
                       "坚持——推进工作，依法行政，推进。");
            sentences_free(&ss);
        }
    }
    {
        normalize(&ss, "坚持事事有回音、件件有着落，层层压实责任。", 0);
        TEST_STREQ("reduplication through the normalizer unchanged", joined(&ss),
                   "坚持事事有回音、件件有着落，层层压实责任。");
        sentences_free(&ss);
    }

    /* ---- headings, tables -------------------------------------------- */
    {
        normalize(&ss, "主要成效如下\n一、坚持党的领导。全面推进。\n二、完善制度", 0);
        TEST_STREQ("heading 一、 starts a new paragraph", joined(&ss),
                   "主要成效如下 / 一、坚持党的领导。 / 全面推进。 / 二、完善制度");
        TEST_STREQ("heading flags", flags_of(&ss), "P P - P");
        sentences_free(&ss);
    }
    {
        normalize(&ss, "工作情况\n12. 健全机制\n3、完善制度", 0);
        TEST_STREQ("headings 12. and 3、 start paragraphs", joined(&ss),
                   "工作情况 / 12.健全机制 / 3、完善制度");
        TEST_STREQ("12. / 3、 flags", flags_of(&ss), "P P P");
        sentences_free(&ss);
    }
    {
        /* the heading numerals are the lexicon's [numerals] (百 and 〇
         * too, which the normalizer's own list lacked) */
        normalize(&ss, "工作情况\n一百、完善制度", 0);
        TEST_STREQ("heading 一百、 starts a paragraph", joined(&ss), "工作情况 / 一百、完善制度");
        sentences_free(&ss);
    }
    {
        normalize(&ss, "工作情况。\n（三）加强监督", 0);
        TEST_STREQ("（三） after a sentence end", joined(&ss), "工作情况。 / （三）加强监督");
        TEST_STREQ("（三） after a sentence end: flags", flags_of(&ss), "P P");
        sentences_free(&ss);
    }
    {
        const char *in = "指标如下：\n| 指标 | 数值 |\n| 案件 | 20 |\n正文继续。";
        normalize(&ss, in, 0);
        TEST_STREQ("table rows", joined(&ss), "指标如下： / |指标|数值| / |案件|20| / 正文继续。");
        TEST_STREQ("table rows flagged, paragraph after not", flags_of(&ss), "P PT PT P");
        TEST_COND("table: 20 on line 3", ss.n > 2 && maps_to(&ss.v[2], "20", 0, 3, at(in, "20", 0)));
        sentences_free(&ss);
    }
    {
        normalize(&ss, "类别 | 行政许可 | 行政处罚\n数量 | 75件 | 16件\n正文继续\n接着", 0);
        TEST_STREQ("table rows without outer bars: a line each", joined(&ss),
                   "类别|行政许可|行政处罚 / 数量|75件|16件 / 正文继续接着");
        TEST_STREQ("table rows without outer bars: flags", flags_of(&ss), "PT PT P");
        sentences_free(&ss);
    }
    {
        /* bars are counted per line for the line break, per paragraph for
         * the flag */
        normalize(&ss, "甲|乙\n丙|丁\n戊", 0);
        TEST_STREQ("one bar per line: lines joined", joined(&ss), "甲|乙丙|丁戊");
        TEST_STREQ("one bar per line: a table row in all", flags_of(&ss), "PT");
        sentences_free(&ss);
    }
    {
        /* what the buffer holds after a heading is passed on still counts:
         * the bars after 1、 end the line, the pair 一一 with 事事 lets
         * the bold run collapse */
        normalize(&ss, "前文\n1、a | b | c\nd", 0);
        TEST_STREQ("bars after a heading: the line is a table row", joined(&ss),
                   "前文 / 1、a|b|c / d");
        TEST_STREQ("bars after a heading: flags", flags_of(&ss), "P PT P");
        sentences_free(&ss);
        normalize(&ss, "前文\n一一、事事全年办理案件全年办理案件", 0);
        TEST_STREQ("pairs after a heading count for the bold-font check", joined(&ss),
                   "前文 / 一一、事全年办理案件");
        sentences_free(&ss);
        /* the pair 一一 across the heading's cut is neither part's: the
         * part before has one pair, too few for a bold font */
        normalize(&ss, "事事全年办理案件全年办理案件一\n一、完善制度", 0);
        TEST_STREQ("a pair across a heading's cut counts for neither part", joined(&ss),
                   "事事全年办理案件全年办理案件一 / 一、完善制度");
        sentences_free(&ss);
    }
    {
        /* and after a piece of an over-long paragraph is passed on */
        char *in = malloc(5000 * 3 + 128);
        size_t o = 0;
        for (size_t i = 0; i < 4090; i++)
            o += put_utf8(0x4E00 + (uint32_t)((i * 7919) % 20000), in + o);
        strcpy(in + o, "，甲|乙|丙\n下一行");
        normalize(&ss, in, 0);
        TEST_COND("bars after a cut: the rest is a table row, the next line a paragraph",
                  ss.n == 3 && !strcmp(ss.v[1].text, "甲|乙|丙") &&
                      !strcmp(flags_of(&ss), "P T P"));
        sentences_free(&ss);
        o = 0;
        for (size_t i = 0; i < 4093; i++)
            o += put_utf8(0x4E00 + (uint32_t)((i * 7919) % 20000), in + o);
        strcpy(in + o, "，，事事全年办理案件全年办理案件");
        normalize(&ss, in, 0);
        TEST_COND("pairs before a cut do not count after it",
                  ss.n == 2 && !strcmp(ss.v[1].text, "事事全年办理案件全年办理案件"));
        sentences_free(&ss);
        /* the cut falls before the line: the bars between the cut and the
         * line's start are not the line's, so the next break stays soft */
        o = 0;
        for (size_t i = 0; i < 3000; i++)
            o += put_utf8(0x4E00 + (uint32_t)((i * 7919) % 20000), in + o);
        o += (size_t)sprintf(in + o, "。甲|乙\n丙|丁\n");
        for (size_t i = 0; i < 1200; i++)
            o += put_utf8(0x4E00 + (uint32_t)((i * 7919 + 5) % 20000), in + o);
        strcpy(in + o, "\n戊");
        normalize(&ss, in, 0);
        TEST_COND("bars between a cut and the line start are not the line's",
                  ss.n == 2 && ss.v[1].n == 1207 && !strcmp(flags_of(&ss), "P T"));
        sentences_free(&ss);
        free(in);
    }
    TEST_COND("chunk invariance: spaces", chunk_invariant("累 计 办 理 案 件 15000 余 件"));
    TEST_COND("chunk invariance: headings", chunk_invariant("主要成效如下\n一、坚持党的领导。全面推进。\n二、完善制度"));
    TEST_COND("chunk invariance: doubling", chunk_invariant("挽回经济损失失 818818..11 万元万元；；"));
    TEST_COND("chunk invariance: tables", chunk_invariant("| 指标 | 数值 |\n| 案件 | 20 |\n正文。"));

    /* ---- the sink asks to stop ---------------------------------------- */
    {
        sentences st = {0};
        st.stop_after = 1;
        size_t n;
        lg_char *c = chars_of("第一句。第二句。第三句。", &n);
        lg_normalizer *nz;
        lg_normalizer_new(&nz, NULL, collect, &st);
        int r1 = lg_normalizer_push(nz, c, n);
        int r2 = lg_normalizer_finish(nz);
        TEST_COND("stop: push or finish report it, one sentence only", (r1 || r2) && st.n == 1);
        lg_normalizer_free(nz);
        free(c);
        sentences_free(&st);
    }

    /* ---- a paragraph longer than the buffer --------------------------- */
    {
        /* 10000 distinct-looking CJK chars with a space after every 5th
         * and a number every 50th, no terminator: passed on in pieces,
         * nothing lost, nothing reordered, no number split */
        size_t nchars = 10000;
        char *in = malloc(nchars * 8 + 1);
        size_t o = 0, visible = 0;
        for (size_t i = 0; i < nchars; i++) {
            if (i % 50 == 49) {
                int k = sprintf(in + o, "%zu", 1000 + i);
                o += (size_t)k;
                visible += (size_t)k;
            } else {
                o += put_utf8(0x4E00 + (uint32_t)((i * 7919) % 20000), in + o);
                visible++;
            }
            if (i % 5 == 4)
                in[o++] = ' ';
        }
        in[o] = '\0';
        normalize(&ss, in, 0);
        size_t out = 0, longest = 0, starts = 0;
        int ordered = 1, split = 0;
        long long last = -1;
        for (size_t i = 0; i < ss.n; i++) {
            out += ss.v[i].n;
            if (ss.v[i].n > longest)
                longest = ss.v[i].n;
            starts += (ss.v[i].flags & LG_SENT_PARA_START) != 0;
            for (size_t k = 0; k < ss.v[i].n; k++) {
                if (ss.v[i].chars[k].offset <= last)
                    ordered = 0;
                last = ss.v[i].chars[k].offset;
            }
            if (i + 1 < ss.n && ss.v[i].n && ss.v[i + 1].n) {
                uint32_t a = ss.v[i].chars[ss.v[i].n - 1].cp, b = ss.v[i + 1].chars[0].cp;
                if (a >= '0' && a <= '9' && b >= '0' && b <= '9')
                    split = 1;
            }
        }
        TEST_COND("long line: several pieces", ss.n > 2);
        if (out != visible)
            fprintf(stderr, "  long line: %zu chars in, %zu out\n", visible, out);
        TEST_COND("long line: chars in == chars out (minus removed spaces)", out == visible);
        TEST_COND("long line: no piece longer than 4096", longest <= 4096);
        TEST_COND("long line: order and offsets kept", ordered);
        TEST_COND("long line: no number split between pieces", !split);
        TEST_COND("long line: one paragraph start", starts == 1 && (ss.v[0].flags & LG_SENT_PARA_START));
        TEST_COND("long line: position map faithful", map_is_faithful(&ss, in));
        sentences_free(&ss);
        free(in);
    }
    {
        /* a long paragraph with sentence ends: cut at them, nothing lost */
        size_t o = 0;
        char *in = malloc(200000);
        size_t count = 0;
        for (int i = 0; i < 3000; i++) {
            o += (size_t)sprintf(in + o, "第%d项工作完成%d件，", i, i * 3);
            if (i % 40 == 39)
                o += (size_t)sprintf(in + o, "总结。");
        }
        in[o] = '\0';
        size_t n;
        lg_char *c = chars_of(in, &n);
        count = n;
        free(c);
        normalize(&ss, in, 0);
        size_t out = 0;
        int cut_ok = 1;
        for (size_t i = 0; i < ss.n; i++) {
            out += ss.v[i].n;
            uint32_t last = ss.v[i].n ? ss.v[i].chars[ss.v[i].n - 1].cp : 0;
            if (i + 1 < ss.n && last != 0x3002 && last != 0xFF0C)
                cut_ok = 0;
        }
        TEST_COND("long paragraph: chars in == chars out", out == count);
        TEST_COND("long paragraph: pieces end at 。 or ，", cut_ok);
        sentences_free(&ss);
        free(in);
    }
    {
        normalize(&ss, "", 0);
        TEST_COND("empty input: no sentence", ss.n == 0);
        sentences_free(&ss);
        normalize(&ss, "  \n\n \u3000\n", 0);
        TEST_COND("whitespace only: no sentence", ss.n == 0);
        sentences_free(&ss);
    }

    /* ---- known problems --------------------------------------------- */
    {
        /* was a bug: a parenthesized heading （三） / (2) at the start of a line
         * after a soft line break is not recognised, so it is glued to the
         * previous line: "工作情况（三）加强监督".  take_visible() calls
         * heading_at() after the first character of the line; for a lone
         * "（" heading_at() returns 0 (digits + cjk == 0 is checked before
         * "i == n -> maybe"), so checking_heading is switched off before the
         * numeral arrives.  Unparenthesized 一、 / 12. work. */
        normalize(&ss, "工作情况\n（三）加强监督\n(2)健全机制", 0);
        TEST_STREQ("headings （三） and (2) start paragraphs", joined(&ss),
                   "工作情况 / （三）加强监督 / (2)健全机制");
        TEST_STREQ("（三） / (2) flags", flags_of(&ss), "P P P");
        sentences_free(&ss);
    }
    {
        /* BUG (heuristic gap, see report): a bold sentence printed twice as
         * one run, with no doubled punctuation and at most one doubled
         * character, is never collapsed: has_adjacent_pair() returns 0, so
         * lg_collapse_doubling() leaves it alone even though doubled_at()
         * finds a 12-char repeat (covered 24, longest 12).  The extractor
         * then reports 2320件 twice. */
        TEST_STREQ("a sentence printed twice as one run collapses",
                   collapsed("全年办理案件2320件全年办理案件2320件"), "全年办理案件2320件");
        TEST_STREQ("a bold heading printed twice collapses",
                   collapsed("一、依法行政一、依法行政"), "一、依法行政");
    }

    return TEST_REPORT();
}
