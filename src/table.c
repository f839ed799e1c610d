/* table.c - the table reader: statistical tables read cell by cell.
 *
 * The normalizer joins short lines into sentences, so a table printed one
 * cell per line would reach the extractor as one run of glued text; the
 * reader therefore reads the input's own lines, as decoded, a step ahead
 * of the normalizer (lg_extractor_chars).  It cuts each line into cells:
 * a | row (with or without outer bars; empty cells after the last one are
 * padding), a line that is one cell (a header, a number, a space or a lone
 * | for an empty cell), or prose.  A | table is header rows, then data
 * rows named by their label cells and the header path over each value; a
 * one-cell-per-line table is a header run, then a body that table_layout.c
 * cuts into rows.  Every line the reader takes is marked, and the prose
 * stage leaves the values on it alone; the records of placed cells wait
 * until the prose stage has passed their line, so records stay in line
 * order whatever the chunking.  Cells that cannot be placed are not
 * guessed: a warning (once per table) says where.
 * Owns: the input's lines, cut into cells and handed to the table being
 * read, and the reader's life (tables and their records:
 * table_records.c; cells: table_cells.c; columns: table_layout.c; | rows
 * left to prose: table_prose.c).
 * Reads: the lexicon's [table-notes] and what table_records.c reads. */
#include "table.h"

#include <limits.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "script.h"

/* A plain line longer than this, in characters, is prose, not a cell. */
#define CELL_LINE_MAX_CHARS 40

/* ---- lines ------------------------------------------------------------- */

/* 说明: / 填表说明 / 注: opening a line, or …统计表(表一)说明: ending one. */
static int note_start(const lg_extractor *ex, const char *s)
{
    const lx_list_t *l = &ex->lx->list[LX_TABLE_NOTES];
    size_t n = strlen(s);
    for (size_t k = 0; k < l->n; k++) {
        const char *w = l->e[k].word;
        size_t wl = l->e[k].len;
        /* (the first two bytes inline: an ideograph's lead byte alone is
         * shared by most lines) */
        if (s[0] == w[0] && (wl < 2 || s[1] == w[1]) && !strncmp(s, w, wl) &&
            (s[wl] == ':' || s[wl] == '\0' || (s[wl] >= '0' && s[wl] <= '9')))
            return 1;
        if (n > wl + 1 && s[n - 1] == ':' && !strncmp(s + n - 1 - wl, w, wl))
            return 1;
    }
    return 0;
}

/* 一、… (二)… 表二 第一部分: a heading over what follows. */
static int is_heading(const char *s)
{
    int level;
    size_t k;
    if (row_number(s, &level) && level <= 2)
        return 1;
    if (!strncmp(s, "表", 3)) {
        uint32_t cp = next_cp(s + 3, &k);
        return cjk_numeral(cp) || (cp >= '0' && cp <= '9');
    }
    return !strncmp(s, "第", 3) && strstr(s, "部分") != NULL;
}

/* Ideographs are most characters of a line: the loops over a line's
 * characters put them without put_cp's tests (and write the closing NUL
 * once, at the end). */
static inline int is_ideograph_cp(uint32_t cp)
{
    return cp - 0x3400 < 0xA000 - 0x3400;
}

/* (callers leave room for four bytes: len + 3 < their size) */
static inline size_t put_ideograph(char *out, size_t len, uint32_t cp)
{
    utf8_put3(out + len, cp);
    return len + 3;
}

/* The text of c[a..b), whitespace left out, into cell (its position: the
 * first visible character, else at).  Returns whether the text held a
 * traditional form (and was simplified). */
static int fill_cell(lg_extractor *ex, const lg_char *c, size_t a, size_t b, const lg_char *at,
                      tcell *cell)
{
    size_t len = 0, i = a;
    char *t = cell->text;
    int traditional = 0; /* a traditional form was written */
    while (i < b && is_blank_cp(c[i].cp))
        i++;
    cell->line = i < b ? c[i].line : at->line;
    cell->offset = i < b ? c[i].offset : at->offset;
    for (; i < b; i++) {
        uint32_t cp = c[i].cp;
        if (is_ideograph_cp(cp) && len + 3 < sizeof cell->text) {
            len = put_ideograph(t, len, cp);
            traditional |= lg_is_traditional(cp);
        } else if (!is_blank_cp(cp)) {
            size_t was = len;
            len = put_cp(t, sizeof cell->text, len, cp);
            traditional |= len != was && lg_is_traditional(cp);
        }
    }
    t[len] = '\0';
    classify_cell(ex, cell, traditional);
    return traditional;
}

/* Cut a line into cells at its bars: the empty cell before a leading bar
 * and the empty ones after the last text (padding) left out.  *wide when
 * it has more cells than are read. */
static size_t bar_cells(lg_extractor *ex, const lg_char *c, size_t n, tcell *cells, int *wide)
{
    size_t nc = 0, a = 0;
    *wide = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i < n && c[i].cp != '|')
            continue;
        if (nc == TABLE_COLS_MAX + 1) {
            *wide = 1;
            return 0;
        }
        fill_cell(ex, c, a, i, &c[a < n ? a : n - 1], &cells[nc++]);
        a = i + 1;
    }
    size_t first = 0;
    if (nc && cells[0].kind == T_EMPTY)
        first = 1;
    while (nc > first && cells[nc - 1].kind == T_EMPTY)
        nc--;
    if (first && nc)
        memmove(cells, cells + 1, --nc * sizeof *cells);
    if (nc > TABLE_COLS_MAX) {
        *wide = 1;
        return 0;
    }
    return nc;
}

/* A line of one cell (a header, a number, 信息内容 |). */
static int one_cell(lg_extractor *ex, const tcell *c, int barred)
{
    table_reader *tr = ex->tables;
    if (is_caption(c->text) || (tr->mode == TM_PIPE && c->kind == T_TEXT)) {
        int rc = end_tables(ex);
        set_title(ex, c->text);
        return rc;
    }
    if (note_start(ex, c->text)) {
        int rc = end_tables(ex);
        set_title(ex, "");
        return rc;
    }
    return stream_add(ex, c, barred);
}

/* A cell of running text with figures in it (全年办理案件100件，同比增长5%):
 * its row is prose's to read.  Row numbers (3.), captions (第二十条) and
 * header years are no figures. */
static int prose_cell(const lg_extractor *ex, const tcell *c)
{
    char name[TCELL_BYTES];
    int level;
    if (c->kind != T_TEXT || is_caption(c->text))
        return 0;
    clean_name(ex, c->text, name, sizeof name, &level);
    for (const char *s = name; *s; s++) {
        if (*s < '0' || *s > '9')
            continue;
        size_t d = 0;
        while (s[d] >= '0' && s[d] <= '9')
            d++;
        if (d != 4 || strncmp(s + 4, "年", 3))
            return 1; /* a figure, not a year */
        s += d - 1;
    }
    return 0;
}

static int bar_line(lg_extractor *ex, const lg_char *c, size_t n, size_t bars)
{
    table_reader *tr = ex->tables;
    tcell *cells = tr->row;
    int wide;
    size_t nc = bar_cells(ex, c, n, cells, &wide);
    for (size_t j = 0; j < nc && !wide; j++)
        if (prose_cell(ex, &cells[j]))
            return end_tables(ex); /* left to prose */
    if (wide) {
        table_warn(ex, c[0].line, c[0].offset, "a row wider than TABLE_COLS_MAX (64) cells");
        return end_tables(ex);
    }
    if (nc == 0) {
        if (bars == 1 && tr->mode == TM_STREAM) { /* a lone |: an empty cell */
            tcell empty;
            fill_cell(ex, c, 0, 0, &c[0], &empty);
            return stream_add(ex, &empty, 1);
        }
        if (tr->mode == TM_STREAM && tr->stream_n < TABLE_STREAM_MAX) {
            tcell pad; /* ||||: padding, where a row of one cell per line ends */
            fill_cell(ex, c, 0, 0, &c[0], &pad);
            pad.kind = T_PAD;
            tr->stream[tr->stream_n++] = pad;
        }
        return 0;
    }
    /* 行政处罚实施数量(宗) | ||||: a header over the row below */
    if (nc == 1 && (bars < 2 || cells[0].kind != T_TEXT || is_caption(cells[0].text)))
        return one_cell(ex, &cells[0], 1);
    if (tr->mode == TM_STREAM && end_tables(ex))
        return -1;
    tr->mode = TM_PIPE;
    claim_line(ex, cells[0].line);
    int any_num = 0; /* a / is a cell of figures, without one */
    for (size_t j = 0; j < nc; j++)
        any_num |= cells[j].kind == T_NUM || cells[j].kind == T_DASH;
    int level;
    if (!any_num && nc == 1 && tr->head_rows && row_number(cells[0].text, &level)) {
        /* (一)本单位实施的 | ||||: a section of the rows, under the headers */
        char label[TCELL_BYTES * 2];
        row_label(ex, cells, 1, label, sizeof label);
        return 0;
    }
    if (!any_num) {
        pipe_header(tr, cells, nc);
        return 0;
    }
    return pipe_data(ex, cells, nc);
}

/* The line's words, one space apart, into out[cap]. */
static void line_words(const lg_char *c, size_t n, char *out, size_t cap)
{
    size_t len = 0;
    int gap = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t cp = c[i].cp;
        if (!gap && is_ideograph_cp(cp) && len + 3 < cap) {
            len = put_ideograph(out, len, cp);
            continue;
        }
        if (is_blank_cp(cp)) {
            gap = len > 0;
            continue;
        }
        if (gap)
            len = put_cp(out, cap, len, ' ');
        gap = 0;
        len = put_cp(out, cap, len, cp);
    }
    out[len] = '\0';
}

/* 0 0 1 0 1 under PDF header lines: a row of cells. */
static int space_row(lg_extractor *ex, const tcell *tok, size_t ntok)
{
    table_reader *tr = ex->tables;
    size_t nlines = tr->nwords;
    tr->nwords = 0;
    if (!nlines)
        return 0;
    claim_line(ex, tok[0].line);
    tr->stream_n = tr->stream_texts = 0; /* the header lines were read as cells */
    tr->mode = TM_NONE;
    size_t first = 0; /* a title line above the headers: the title */
    while (first + 1 < nlines) {
        tcell t;
        memset(&t, 0, sizeof t);
        size_t len = 0;
        for (const char *w = tr->words[first]; *w; w++)
            if (*w != ' ' && len + 1 < sizeof t.text)
                t.text[len++] = *w;
        if (!is_title_cell(ex, &t))
            break;
        set_title(ex, t.text);
        first++;
    }
    if (space_columns(ex, tr->words + first, nlines - first, ntok, tr->cols)) {
        table_warn(ex, tok[0].line, tok[0].offset, "the header lines do not line up with the row");
        tr->warned = 0;
        return 0;
    }
    tr->cols_state = -2;
    row_context(tok, ntok, tr->context, sizeof tr->context);
    for (size_t k = 0; k < ntok; k++)
        if (cell_record(ex, &tok[k], &tr->cols[k], tr->cols[k].name, tr->context, -1))
            return -1;
    return 0;
}

/* A line of two or more numbers apart: its cells (0 when it is not). */
static size_t number_tokens(lg_extractor *ex, const lg_char *c, size_t n, tcell *tok)
{
    size_t nt = 0, i = 0;
    while (i < n) {
        while (i < n && is_blank_cp(c[i].cp))
            i++;
        size_t a = i;
        while (i < n && !is_blank_cp(c[i].cp))
            i++;
        if (a == i)
            break;
        if (nt == TABLE_COLS_MAX)
            return 0;
        fill_cell(ex, c, a, i, &c[a], &tok[nt]);
        if (tok[nt].kind != T_NUM)
            return 0;
        nt++;
    }
    return nt >= 2 ? nt : 0;
}

static int plain_line(lg_extractor *ex, const lg_char *c, size_t n, size_t visible)
{
    table_reader *tr = ex->tables;
    size_t first = 0;
    while (first < n && is_blank_cp(c[first].cp))
        first++;
    size_t ntok = first < n && c[first].cp >= '0' && c[first].cp <= '9' && tr->nwords
                      ? number_tokens(ex, c, n, tr->row) : 0;
    if (ntok)
        return space_row(ex, tr->row, ntok);
    tcell cell;
    int simplified = fill_cell(ex, c, 0, n, &c[0], &cell);
    /* (lines with a 。 went the prose way in take_line) */
    int words = cell.kind == T_TEXT && visible <= CELL_LINE_MAX_CHARS * 3;
    if (!words)
        tr->nwords = 0;
    if (note_start(ex, cell.text)) {
        int rc = end_tables(ex);
        set_title(ex, "");
        return rc;
    }
    if (cell.kind == T_NUM || cell.kind == T_DASH)
        return tr->mode == TM_STREAM ? stream_add(ex, &cell, 0) : 0;
    if (words) {
        if (tr->nwords == WORD_LINES_MAX) {
            memmove(tr->words[0], tr->words[1], (WORD_LINES_MAX - 1) * sizeof tr->words[0]);
            tr->nwords--;
        }
        /* a line without blanks is one word: the cell's text, unless
         * that was simplified */
        char *w = tr->words[tr->nwords++];
        if (n == visible && !simplified)
            memcpy(w, cell.text, strlen(cell.text) + 1);
        else
            line_words(c, n, w, sizeof tr->words[0]);
    }
    int heading = is_heading(cell.text);
    if (visible > CELL_LINE_MAX_CHARS || heading || cell.text[strlen(cell.text) - 1] == ':') {
        if (heading)
            tr->nwords = 0;
        int rc = end_tables(ex);
        set_title(ex, visible <= 2 * CELL_LINE_MAX_CHARS ? cell.text : "");
        return rc;
    }
    return stream_add(ex, &cell, 0);
}

/* Does the prose line end by pointing to a table ([table-pointers]: 具体
 * 情况见下表。)?  Its heading then stays the title. */
static int points_to_table(const lg_extractor *ex, const lg_char *c, size_t n)
{
    while (n && (c[n - 1].cp == 0x3002 /* 。 */ || c[n - 1].cp == 0xFF1A /* ： */ ||
                 c[n - 1].cp == ':' || is_blank_cp(c[n - 1].cp)))
        n--;
    char tail[32];
    size_t len = 0, from = n > 6 ? n - 6 : 0;
    for (size_t i = from; i < n; i++)
        len += utf8_encode(c[i].cp, tail + len);
    tail[len] = '\0';
    const lx_list_t *words = &ex->lx->list[LX_TABLE_POINTERS];
    for (size_t i = 0; i < words->n; i++) {
        size_t wl = words->e[i].len; /* (the last byte first: most words end otherwise) */
        if (wl == 0 || (wl <= len && tail[len - 1] == words->e[i].word[wl - 1] &&
                         !memcmp(tail + len - wl, words->e[i].word, wl)))
            return 1;
    }
    return 0;
}

static int take_line(lg_extractor *ex)
{
    table_reader *tr = ex->tables;
    const lg_char *c = tr->line;
    size_t n = tr->line_len, visible = tr->line_visible, bars = tr->line_bars;
    int term = tr->line_term;
    tr->line_len = tr->line_visible = tr->line_bars = 0;
    tr->line_term = 0;
    if (tr->line_long) {
        tr->line_long = 0;
        int rc = end_tables(ex);
        set_title(ex, "");
        return rc;
    }
    if (!visible) {
        if (n && tr->mode == TM_STREAM) { /* a line of one space: an empty cell */
            tcell empty;
            fill_cell(ex, c, 0, 0, &c[0], &empty);
            return stream_add(ex, &empty, 0);
        }
        return 0;
    }
    if (bars)
        tr->nwords = 0;
    if (!bars && (visible > 3 * CELL_LINE_MAX_CHARS || term)) {
        /* prose: most lines, read at once */
        tr->nwords = 0;
        int rc = tr->mode != TM_NONE ? end_tables(ex) : 0;
        if (!points_to_table(ex, c, n))
            set_title(ex, "");
        return rc;
    }
    return bars ? bar_line(ex, c, n, bars) : plain_line(ex, c, n, visible);
}

/* ---- the reader's life ------------------------------------------------- */

/* Zero tr but for the four big arrays (nine tenths of it), which are only
 * read below the counts that say what they hold (line_len, head_n and
 * head_rows, stream_n) or are scratch space written before use
 * (scratch): a reader is made for every input, and a calloc of half a
 * megabyte was a tenth of the time on small files.  (row is zeroed: its
 * cells' bytes after their text's end are compared, harmlessly, by
 * UNIT_IS, and stay defined so.) */
static void zero_but_arrays(table_reader *tr)
{
    static const struct { size_t at, len; } big[] = {
        {offsetof(table_reader, line), sizeof tr->line},
        {offsetof(table_reader, head), sizeof tr->head},
        {offsetof(table_reader, stream), sizeof tr->stream},
        {offsetof(table_reader, scratch), sizeof tr->scratch},
    };
    size_t from = 0;
    for (size_t k = 0; k < sizeof big / sizeof *big; k++) {
        memset((char *)tr + from, 0, big[k].at - from);
        from = big[k].at + big[k].len;
    }
    memset((char *)tr + from, 0, sizeof *tr - from);
}

int table_reader_new(lg_extractor *ex)
{
    ex->tables = malloc(sizeof *ex->tables);
    if (!ex->tables)
        return -1;
    zero_but_arrays(ex->tables);
    ex->tables->cols_state = -2;
    ex->tables->title_kind = KIND_COUNT;
    return 0;
}

void table_reader_free(lg_extractor *ex)
{
    table_reader *tr = ex->tables;
    if (!tr)
        return;
    for (size_t i = tr->pend_first; i < tr->npend; i++)
        free_pending(&tr->pend[i]);
    free(tr->pend);
    free(tr->claims);
    free(tr);
    ex->tables = NULL;
}

#define TERM_BELOW_64 (1ull << '!' | 1ull << ';' | 1ull << '?')

/* Add c to the line, counting what take_line asks (visible characters,
 * bars, a sentence end); full-width forms are read as ASCII: （宗） ｜ ：
 * ，, digits, letters.  A line too long to be a table's is only marked. */
static void add_to_line(table_reader *tr, const lg_char *c)
{
    uint32_t cp = c->cp;
    if (tr->line_len == TABLE_LINE_MAX_CHARS) {
        tr->line_long = 1;
        return;
    }
    lg_char *to = &tr->line[tr->line_len++];
    *to = *c;
    if (cp - 0xFF01 <= 0xFF5E - 0xFF01)
        to->cp = cp = cp - 0xFEE0;
    else if (cp == 0x2236)
        to->cp = cp = ':';
    tr->line_visible += !is_blank_cp(cp);
    tr->line_bars += cp == '|';
    /* ! ; ? are below 64: one bit each of a mask */
    tr->line_term |= cp < 64 ? (int)(TERM_BELOW_64 >> cp & 1) : cp == 0x3002;
}

int table_take_chars(lg_extractor *ex, const lg_char *c, size_t n)
{
    table_reader *tr = ex->tables;
    if (ex->status != LG_OK)
        return 1;
    /* the line's end and count in locals: the copies into the line would
     * otherwise make the compiler load and store them at every character */
    lg_char *to = tr->line + tr->line_len, *full = tr->line + TABLE_LINE_MAX_CHARS;
    size_t visible = tr->line_visible;
    for (const lg_char *p = c, *end = c + n; p < end; p++) {
        uint32_t cp = p->cp;
        if (cp - 0x3400 < 0xA000 - 0x3400 && to < full) {
            *to++ = *p; /* ideographs: most characters */
            visible++;
            continue;
        }
        tr->line_len = (size_t)(to - tr->line);
        tr->line_visible = visible;
        if (cp == '\n' || cp == 0x2028 || cp == 0x2029) {
            if (take_line(ex) || ex->status != LG_OK)
                return 1;
        } else if (cp != '\r') {
            add_to_line(tr, p);
        }
        to = tr->line + tr->line_len;
        visible = tr->line_visible;
    }
    tr->line_len = (size_t)(to - tr->line);
    tr->line_visible = visible;
    return 0;
}

int table_end_input(lg_extractor *ex)
{
    table_reader *tr = ex->tables;
    if (!tr)
        return 0;
    if ((tr->line_len || tr->line_long) && take_line(ex))
        return 1;
    if (end_tables(ex) && ex->status == LG_OK)
        ex->status = LG_ERR_NOMEM;
    return ex->status != LG_OK;
}
