/* table_cells.c - the table reader's cells: what a cell holds, and names.
 *
 * Owns: a cell's kind (a number with its own unit, a dash, text, empty),
 * unit brackets in headers ((宗), (单位:万元)), row numbers (一、 (一) 1.),
 * counting notes, and the cleaning of labels and headers into names.
 * Reads: the lexicon's [units], [table-units]. */
#include "table.h"

#include "script.h"

/* ---- cells ------------------------------------------------------------ */

void utf8_cat(char *dst, size_t cap, const char *src)
{
    size_t len = strlen(dst), n = strlen(src);
    if (len + n >= cap) {
        n = cap - 1 - len;
        while (n > 0 && ((unsigned char)src[n] & 0xC0) == 0x80)
            n--; /* whole characters only */
    }
    memcpy(dst + len, src, n);
    dst[len + n] = '\0';
}

int in_list(const lg_extractor *ex, int list, const char *s)
{
    return lx_find(ex->lx, list, s, strlen(s)) != NULL;
}

static int only_dashes(const char *s)
{
    static const char *const dashes[] = {"/", "-", "—", "–", "―", "\\", "－", "﹣", "无"};
    /* the first bytes of those: most cells start with none of them */
    static const char firsts[] = "/-\\\xE2\xEF\xE6";
    if (!*s || !strchr(firsts, *s))
        return 0;
    while (*s) {
        size_t k = 0;
        for (size_t d = 0; d < sizeof dashes / sizeof *dashes && !k; d++)
            if (s[0] == dashes[d][0] && !strncmp(s, dashes[d], strlen(dashes[d])))
                k = strlen(dashes[d]);
        if (!k)
            return 0;
        s += k;
    }
    return 1;
}

void classify_cell(const lg_extractor *ex, tcell *c, int traditional)
{
    c->dec[0] = c->unit[0] = '\0';
    /* the script stage converts sentences, not the reader's cells: a
     * traditional report's names and units are simplified here */
    if (traditional)
        lg_script_simplify(c->text, sizeof c->text);
    const char *s = c->text;
    size_t n = strlen(s), i = 0;
    if (!n) {
        c->kind = T_EMPTY;
        return;
    }
    if (only_dashes(s)) {
        c->kind = T_DASH;
        return;
    }
    c->kind = T_TEXT;
    while (i < n && ((s[i] >= '0' && s[i] <= '9') || (i > 0 && (s[i] == '.' || s[i] == ','))))
        i++;
    if (i == 0 || s[i - 1] == '.' || s[i - 1] == ',')
        return;
    const char *rest = s + i;
    const lx_entry *u = *rest && strcmp(rest, "%") ? lx_find(ex->lx, LX_UNITS, rest, strlen(rest)) : NULL;
    if (*rest && strcmp(rest, "%") && (!u || u->kind == LX_KIND_REJECT))
        return; /* 3月: a date, not a figure */
    if (i == 4 && (!strcmp(rest, "年") || !strcmp(rest, "年度")))
        return; /* 2023年: a year, a header */
    if (strlen(rest) >= UNIT_BYTES || lg_arabic_to_decimal(s, i, c->dec, sizeof c->dec))
        return;
    memcpy(c->unit, rest, strlen(rest) + 1);
    c->kind = T_NUM;
}

int unit_bracket(const lg_extractor *ex, const char *s, char *unit, int *places,
                 const char **kind)
{
    size_t n = strlen(s);
    if (n < 3 || s[n - 1] != ')')
        return 0;
    const char *open = strrchr(s, '(');
    if (!open)
        return 0;
    const char *in = open + 1;
    size_t len = (size_t)(s + n - 1 - in);
    static const char *const leads[] = {"单位:", "单位"};
    for (size_t k = 0; k < 2; k++)
        if (len > strlen(leads[k]) && !strncmp(in, leads[k], strlen(leads[k]))) {
            in += strlen(leads[k]);
            len -= strlen(leads[k]);
            break;
        }
    const lx_entry *e = lx_find(ex->lx, LX_TABLE_UNITS, in, len);
    if (!e)
        return 0;
    const char *shown = e->value ? e->value : e->word;
    if (strlen(shown) >= UNIT_BYTES)
        return 0;
    memset(unit, 0, UNIT_BYTES);
    memcpy(unit, shown, strlen(shown));
    size_t used = 0;
    *places = e->value ? lg_magnitude(e->word, e->len, &used) : 0;
    *kind = e->kind == LX_KIND_MONEY ? KIND_MONEY : e->kind == LX_KIND_PERCENT ? KIND_PERCENT
                                                                              : KIND_COUNT;
    return 1;
}

int cjk_numeral(uint32_t cp)
{
    switch (cp) { /* 一 二 三 四 五 六 七 八 九 十 零 〇 */
    case 0x4E00: case 0x4E8C: case 0x4E09: case 0x56DB: case 0x4E94: case 0x516D:
    case 0x4E03: case 0x516B: case 0x4E5D: case 0x5341: case 0x96F6: case 0x3007:
        return 1;
    default:
        return 0;
    }
}

uint32_t next_cp(const char *s, size_t *k)
{
    const unsigned char *u = (const unsigned char *)s;
    if (u[0] < 0x80) {
        *k = u[0] ? 1 : 0;
        return u[0];
    }
    if ((u[0] & 0xE0) == 0xC0 && u[1]) {
        *k = 2;
        return (uint32_t)(u[0] & 0x1F) << 6 | (u[1] & 0x3F);
    }
    if ((u[0] & 0xF0) == 0xE0 && u[1] && u[2]) {
        *k = 3;
        return (uint32_t)(u[0] & 0x0F) << 12 | (uint32_t)(u[1] & 0x3F) << 6 | (u[2] & 0x3F);
    }
    *k = 1;
    return 0xFFFD;
}

/* The row number opening s (一、 (一) 1. (1) ①): its length in bytes,
 * and its rank in *level. */
size_t row_number(const char *s, int *level)
{
    size_t k, at = 0;
    uint32_t cp = next_cp(s, &k);
    *level = 0;
    if (cp >= 0x2460 && cp <= 0x2473) { /* ① .. ⑳ */
        *level = 4;
        return k;
    }
    int paren = cp == '(';
    if (paren)
        at += k, cp = next_cp(s + at, &k);
    int cjk = cjk_numeral(cp), digits = cp >= '0' && cp <= '9';
    if (!cjk && !digits)
        return 0;
    size_t run = 0;
    while ((cjk ? cjk_numeral(cp) : (cp >= '0' && cp <= '9')) && run < 4)
        at += k, run++, cp = next_cp(s + at, &k);
    if (paren) {
        if (cp != ')')
            return 0;
        *level = cjk ? 2 : 4;
        return at + k;
    }
    if (cp == 0x3001 /* 、 */ || cp == '.' || cp == 0xFF0E) {
        size_t k2;
        uint32_t after = next_cp(s + at + k, &k2);
        if (after >= '0' && after <= '9')
            return 0; /* 1.5: a number */
        *level = cjk ? 1 : 3;
        return at + k;
    }
    return 0;
}

/* A bracket that only says how things are counted (区分处理的,只计这一情形). */
static int counting_note(const char *in, size_t len)
{
    static const char *const words[] = {",", "，", "只计", "不含", "含", "包括", "注"};
    for (size_t w = 0; w < sizeof words / sizeof *words; w++) {
        size_t wl = strlen(words[w]);
        for (size_t i = 0; i + wl <= len; i++)
            if (!memcmp(in + i, words[w], wl))
                return 1;
    }
    return 0;
}

void clean_name(const lg_extractor *ex, const char *s, char *out, size_t cap, int *level)
{
    size_t skip = row_number(s, level), len = 0;
    s += skip;
    out[0] = '\0';
    while (*s) {
        if (*s == '(') {
            const char *close = strchr(s, ')');
            char unit[UNIT_BYTES];
            int places;
            const char *kind;
            if (close) {
                size_t in = (size_t)(close - s - 1);
                char br[TCELL_BYTES];
                size_t bl = (size_t)(close - s + 1) < sizeof br ? (size_t)(close - s + 1) : 0;
                if (bl) {
                    memcpy(br, s, bl);
                    br[bl] = '\0';
                }
                if (counting_note(s + 1, in) || (bl && unit_bracket(ex, br, unit, &places, &kind))) {
                    s = close + 1;
                    continue;
                }
            }
        }
        size_t k;
        uint32_t cp = next_cp(s, &k);
        if (!k)
            break;
        if (!is_blank_cp(cp) && cp != 0x201C && cp != 0x201D && cp != '"')
            len = put_cp(out, cap, len, cp);
        s += k;
    }
}

/* 第二十条第(一)项: the item a small table is for, a caption. */
int is_caption(const char *s)
{
    return !strncmp(s, "第", 3) && strstr(s, "条") && strlen(s) >= 6 &&
           !strcmp(s + strlen(s) - 3, "项");
}

