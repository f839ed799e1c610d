/* table_layout.c - the columns of a table: which header cell spans which,
 * headers split over lines joined, group headers, label columns.
 *
 * Owns: turning header rows (| tables) or a header run (one cell per line)
 * into leaf columns, each named by its header path, outer first, and
 * deciding that the counts of headers and cells line up.  When they do not,
 * or when nothing tells which upper cell spans which lower ones, it says so
 * and the caller places nothing: a cell is never guessed into a column.
 * Reads: header cells (table.c); the lexicon's [table-groups],
 * [table-headers], [table-body-columns], [table-row-numbers]. */
#include "table.h"

#include <stdio.h>

/* Header levels solved at most (rows of a | table's header). */
#define LEVELS_MAX TABLE_HEAD_ROWS_MAX

static int ends_with(const char *s, const char *w)
{
    size_t a = strlen(s), b = strlen(w);
    return a >= b && memcmp(s + a - b, w, b) == 0;
}

/* A header cell that only groups the cells under it. */
static int is_group(const lg_extractor *ex, const tcell *c)
{
    char name[TCELL_BYTES];
    int level;
    clean_name(ex, c->text, name, sizeof name, &level);
    return in_list(ex, LX_TABLE_GROUPS, name) || ends_with(name, "情况");
}

/* A 4-digit year header (2023年, 2023年度): the column's year, or 0. */
static int header_year(const char *s)
{
    size_t n = strlen(s);
    if (n < 7 || !(s[0] == '1' || s[0] == '2'))
        return 0;
    for (int i = 0; i < 4; i++)
        if (s[i] < '0' || s[i] > '9')
            return 0;
    if (strcmp(s + 4, "年") && strcmp(s + 4, "年度"))
        return 0;
    int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    return y >= 1949 && y <= LATEST_PLAUSIBLE_YEAR ? y : 0;
}

/* 本年废止件数, 参训人数: a header that counts in a measure word names
 * its cells' unit when no bracket does. */
static void unit_of_count_header(const lg_extractor *ex, tcol *col)
{
    size_t n = strlen(col->name);
    if (col->unit[0] || n < 6 || strcmp(col->name + n - 3, "数"))
        return;
    for (size_t w = 3; w <= 6 && w + 3 < n; w += 3) {
        const lx_entry *e = lx_find(ex->lx, LX_TABLE_UNITS, col->name + n - 3 - w, w);
        if (e && e->kind != LX_KIND_MONEY && e->kind != LX_KIND_PERCENT && !e->value) {
            memcpy(col->unit, e->word, e->len);
            col->unit[e->len] = '\0';
            return;
        }
    }
}

void name_column(const lg_extractor *ex, const tcell *const *p, size_t n, tcol *col)
{
    memset(col, 0, sizeof *col);
    col->kind = KIND_COUNT;
    for (size_t i = 0; i < n; i++) {
        char unit[UNIT_BYTES];
        int places;
        const char *kind;
        if (unit_bracket(ex, p[i]->text, unit, &places, &kind)) {
            memcpy(col->unit, unit, sizeof col->unit);
            col->places = places;
            col->kind = kind;
        }
        int year = header_year(p[i]->text);
        if (year) {
            col->year = year;
            continue;
        }
        char name[TCELL_BYTES];
        int level;
        clean_name(ex, p[i]->text, name, sizeof name, &level);
        utf8_cat(col->name, sizeof col->name, name);
    }
    unit_of_count_header(ex, col);
    if (col->kind == KIND_COUNT && (strstr(col->name, "金额") || strstr(col->name, "收费")))
        col->kind = KIND_MONEY;
    if (col->kind == KIND_COUNT &&
        (strstr(col->name, "率") || strstr(col->name, "比例") || strstr(col->name, "占比")))
        col->kind = KIND_PERCENT;
    const tcell *leaf = n ? p[n - 1] : NULL;
    char name[TCELL_BYTES];
    int level;
    if (leaf) {
        clean_name(ex, leaf->text, name, sizeof name, &level);
        col->skip = in_list(ex, LX_TABLE_ROW_NUMBERS, name);
        col->body = in_list(ex, LX_TABLE_BODY, name);
    }
}

/* 合计(宗) states the unit of the counts it totals (警告 | 罚款 | 合计(宗)). */
static void total_unit(tcol *cols, size_t c)
{
    for (size_t k = 0; k < c; k++) {
        const char *n = cols[k].name;
        size_t len = strlen(n);
        int total = len >= 6 && (!strcmp(n + len - 6, "合计") || !strcmp(n + len - 6, "总计"));
        if (!cols[k].unit[0] || !total || cols[k].kind != KIND_COUNT)
            continue;
        for (size_t j = 0; j < c; j++)
            if (!cols[j].unit[0] && !cols[j].label && !cols[j].skip && !cols[j].body &&
                cols[j].kind == KIND_COUNT)
                memcpy(cols[j].unit, cols[k].unit, sizeof cols[j].unit);
        return;
    }
}

/* ---- | tables: header rows over leaf columns --------------------------- */

typedef struct level_row {
    const tcell *c;
    size_t n;
    int parent[TABLE_COLS_MAX];   /* the cell spans cells of the next row */
    size_t first[TABLE_COLS_MAX]; /* its children: cells first..first+count */
    size_t count[TABLE_COLS_MAX];
} level_row;

/* Characters of child that parent holds too: how well a child fits. */
static int overlap(const char *child, const char *parent)
{
    int score = 0;
    for (const char *s = child; *s;) {
        size_t k = 1;
        while ((s[k] & 0xC0) == 0x80)
            k++;
        char ch[8] = {0};
        memcpy(ch, s, k < 7 ? k : 7);
        if (strstr(parent, ch))
            score++;
        s += k;
    }
    return score;
}

/* Two parents over the next row's cells: the split where each child fits
 * its parent best; -1 unless one split is better than every other. */
static int split_two(const level_row *up, size_t pa, size_t pb, const level_row *down)
{
    int best = -1, best_score = -1, ties = 0;
    for (size_t s = 1; s < down->n; s++) {
        int score = 0;
        for (size_t j = 0; j < down->n; j++)
            score += overlap(down->c[j].text, up->c[j < s ? pa : pb].text);
        if (score > best_score) {
            best_score = score;
            best = (int)s;
            ties = 0;
        } else if (score == best_score) {
            ties++;
        }
    }
    return ties ? -1 : best;
}

/* Which cells of row r are parents, when p of them are: all, or the ones
 * the vocabulary knows as groups.  0, or -1 when that does not settle it. */
static int choose_parents(const lg_extractor *ex, level_row *r, size_t p)
{
    size_t known = 0;
    for (size_t j = 0; j < r->n; j++)
        known += (size_t)is_group(ex, &r->c[j]);
    if (p != r->n && known != p)
        return -1;
    for (size_t j = 0; j < r->n; j++)
        r->parent[j] = p == r->n || is_group(ex, &r->c[j]);
    return 0;
}

/* Give the parents of row r the cells of row r + 1, in order. */
static int assign_children(level_row *r, const level_row *down, size_t p)
{
    size_t ps[TABLE_COLS_MAX], np = 0;
    for (size_t j = 0; j < r->n; j++)
        if (r->parent[j])
            ps[np++] = j;
    if (np != p || !np)
        return -1;
    if (np == 1) {
        r->first[ps[0]] = 0;
        r->count[ps[0]] = down->n;
    } else if (np == down->n) {
        for (size_t k = 0; k < np; k++) {
            r->first[ps[k]] = k;
            r->count[ps[k]] = 1;
        }
    } else if (np == 2) {
        int s = split_two(r, ps[0], ps[1], down);
        if (s < 0)
            return -1;
        r->first[ps[0]] = 0;
        r->count[ps[0]] = (size_t)s;
        r->first[ps[1]] = (size_t)s;
        r->count[ps[1]] = down->n - (size_t)s;
    } else {
        return -1;
    }
    return 0;
}

/* Try the parent counts p[0..k-1) (summing to the cells that are not
 * leaves); 0 when every row settles. */
static int try_counts(const lg_extractor *ex, level_row *lv, size_t k, const size_t *p)
{
    for (size_t i = 0; i + 1 < k; i++)
        if (choose_parents(ex, &lv[i], p[i]) || assign_children(&lv[i], &lv[i + 1], p[i]))
            return -1;
    for (size_t j = 0; j < lv[k - 1].n; j++)
        lv[k - 1].parent[j] = 0;
    return 0;
}

/* A walk down the solved levels to their leaves, writing each leaf's
 * column (named by the path of header cells over it). */
typedef struct leaf_walk {
    const lg_extractor *ex;
    const level_row *lv;
    const tcell *path[LEVELS_MAX + 1];
    tcol *cols;
    size_t nc;
} leaf_walk;

/* The leaves under cell j of level i, at depth `depth` of the path. */
static void collect(leaf_walk *w, size_t i, size_t j, size_t depth)
{
    const level_row *lv = w->lv;
    w->path[depth] = &lv[i].c[j];
    if (!lv[i].parent[j]) {
        name_column(w->ex, w->path, depth + 1, &w->cols[w->nc]);
        w->nc++;
        return;
    }
    for (size_t c = 0; c < lv[i].count[j]; c++)
        collect(w, i + 1, lv[i].first[j] + c, depth + 1);
}

/* Solve the levels for v leaves: every way of counting parents that adds
 * up is tried, and exactly one must settle. */
static int solve_levels(const lg_extractor *ex, level_row *lv, size_t k, size_t v)
{
    size_t total = 0;
    for (size_t i = 0; i < k; i++)
        total += lv[i].n;
    if (k == 1) {
        memset(lv[0].parent, 0, sizeof lv[0].parent);
        return lv[0].n == v ? 0 : -1;
    }
    if (total < v + (k - 1))
        return -1;
    size_t need = total - v, p[LEVELS_MAX] = {0}, found[LEVELS_MAX] = {0};
    int solutions = 0;
    /* k - 1 <= 3 counts, each 1..n: small enough to try them all */
    size_t lim[LEVELS_MAX] = {1, 1, 1, 1};
    for (size_t i = 0; i + 1 < k; i++)
        lim[i] = lv[i].n < lv[i + 1].n ? lv[i].n : lv[i + 1].n;
    for (size_t a = 1; a <= lim[0]; a++)
        for (size_t b = 1; b <= (k > 2 ? lim[1] : 1); b++)
            for (size_t c = 1; c <= (k > 3 ? lim[2] : 1); c++) {
                p[0] = a, p[1] = b, p[2] = c;
                size_t sum = a + (k > 2 ? b : 0) + (k > 3 ? c : 0);
                if (sum != need || try_counts(ex, lv, k, p))
                    continue;
                solutions++;
                memcpy(found, p, sizeof found);
            }
    if (solutions != 1)
        return -1;
    return try_counts(ex, lv, k, found);
}

int pipe_columns(const lg_extractor *ex, const pipe_head *head, size_t nlabels, size_t nvalues,
                 tcol *cols)
{
    tcell (*rows)[TABLE_COLS_MAX] = head->rows;
    const size_t *nr = head->n;
    size_t nrows = head->nrows;
    if (!nrows || nrows > LEVELS_MAX || nvalues > TABLE_COLS_MAX)
        return -1;
    static const size_t corners_labelled[] = {1, 0}, corners_bare[] = {0};
    const size_t *corners = nlabels ? corners_labelled : corners_bare;
    size_t ncorners = nlabels ? 2 : 1;
    for (size_t t = 0; t < ncorners; t++) {
        size_t corner = corners[t];
        if (nr[0] <= corner)
            continue;
        level_row lv[LEVELS_MAX];
        memset(lv, 0, sizeof lv);
        for (size_t i = 0; i < nrows; i++) {
            lv[i].c = rows[i] + (i == 0 ? corner : 0);
            lv[i].n = nr[i] - (i == 0 ? corner : 0);
        }
        /* a last 备注 column is empty, and often not written at all */
        char last[TCELL_BYTES];
        int level;
        clean_name(ex, lv[0].c[lv[0].n - 1].text, last, sizeof last, &level);
        int remark = lv[0].n > 1 && in_list(ex, LX_TABLE_REMARKS, last);
        if (solve_levels(ex, lv, nrows, nvalues) &&
            (!remark || (lv[0].n--, solve_levels(ex, lv, nrows, nvalues))))
            continue;
        /* a group over every column of a labelled table names the table
         * (申请人情况), not the figures: the row label does */
        int drop_top = nlabels && nrows > 1 && lv[0].n == 1 &&
                       !(corner && in_list(ex, LX_TABLE_BODY, rows[0][0].text));
        leaf_walk walk = {.ex = ex, .lv = lv, .cols = cols, .nc = 0};
        for (size_t j = 0; j < lv[0].n; j++)
            collect(&walk, 0, j, 0);
        size_t nc = walk.nc;
        if (nc != nvalues)
            continue;
        if (drop_top)
            for (size_t j = 0; j < nc; j++) {
                char top[TCELL_BYTES];
                int level;
                clean_name(ex, lv[0].c[0].text, top, sizeof top, &level);
                size_t k = strlen(top);
                if (!strncmp(cols[j].name, top, k))
                    memmove(cols[j].name, cols[j].name + k, strlen(cols[j].name + k) + 1);
            }
        total_unit(cols, nc);
        return corner && in_list(ex, LX_TABLE_BODY, rows[0][0].text) ? 1 : 0;
    }
    return -1;
}

/* ---- one cell per line ------------------------------------------------- */

/* A unit bracket alone on a line ((宗)) belongs to the header above it. */
static int unit_only(const lg_extractor *ex, const tcell *c)
{
    char unit[UNIT_BYTES];
    int places;
    const char *kind;
    return c->text[0] == '(' && unit_bracket(ex, c->text, unit, &places, &kind) &&
           strchr(c->text + 1, '(') == NULL;
}

static void join_into(tcell *h, size_t *nh, size_t i, size_t parts)
{
    for (size_t k = 1; k < parts; k++) {
        size_t a = strlen(h[i].text), b = strlen(h[i + k].text);
        if (a + b < sizeof h[i].text) {
            memcpy(h[i].text + a, h[i + k].text, b + 1);
        }
    }
    memmove(h + i + 1, h + i + parts, (*nh - i - parts) * sizeof *h);
    *nh -= parts - 1;
}

static void join_unit_lines(const lg_extractor *ex, tcell *h, size_t *nh)
{
    for (size_t i = 1; i < *nh; i++)
        if (unit_only(ex, &h[i])) {
            join_into(h, nh, i - 1, 2);
            i--;
        }
}

static int joined_is_known(const lg_extractor *ex, const tcell *h, size_t parts)
{
    char s[TCELL_BYTES * 3] = "";
    for (size_t k = 0; k < parts; k++)
        utf8_cat(s, sizeof s, h[k].text);
    char name[TCELL_BYTES * 3];
    int level;
    clean_name(ex, s, name, sizeof name, &level);
    return in_list(ex, LX_TABLE_HEADERS, name);
}

/* Headers printed over two or three lines: joined when the whole is a
 * known header, or when a line ends (or the next begins) with 、. */
static void join_split_headers(const lg_extractor *ex, tcell *h, size_t *nh)
{
    for (size_t i = 0; i + 1 < *nh; i++) {
        if (i + 2 < *nh && joined_is_known(ex, h + i, 3)) {
            join_into(h, nh, i, 3);
        } else if (joined_is_known(ex, h + i, 2) || ends_with(h[i].text, "、") ||
                   !strncmp(h[i + 1].text, "、", strlen("、"))) {
            join_into(h, nh, i, 2);
        }
    }
}

/* Do the body's cells make rows of c = head.n - l columns, with label
 * columns (every row's cell is text) leading (after a 序号 column) and
 * value columns (no row's cell is text)?  The first row's first l cells
 * are the last l header cells.  A label column's header and cells state
 * no unit: a header with one (罚没金额(万元)) is a column of figures. */
static int rows_line_up(const lg_extractor *ex, cell_run head, size_t l, cell_run body, int *label)
{
    const tcell *h = head.c, *b = body.c;
    size_t n = head.n, c = n - l, nb = body.n;
    size_t total = l + nb;
    if (c < 2 || total % c || total < c)
        return 0;
    size_t rows = total / c;
    int any_value = 0, any_label = 0, values_begun = 0;
    for (size_t k = 0; k < c; k++) {
        size_t text = 0, num = 0, units = 0;
        for (size_t r = 0; r < rows; r++) {
            size_t at = r * c + k;
            const tcell *cell = at < l ? &h[n - l + at] : &b[at - l];
            char unit[UNIT_BYTES];
            int places;
            const char *kind;
            text += cell->kind == T_TEXT;
            num += cell->kind == T_NUM;
            units += cell->kind == T_TEXT && unit_bracket(ex, cell->text, unit, &places, &kind);
        }
        if (text && text != rows)
            return 0;
        label[k] = text == rows;
        char unit[UNIT_BYTES];
        int places;
        const char *kind;
        if (label[k] && (units || unit_bracket(ex, h[k].text, unit, &places, &kind)))
            return 0;
        char name[TCELL_BYTES];
        int level;
        clean_name(ex, h[k].text, name, sizeof name, &level);
        int row_numbers = k == 0 && in_list(ex, LX_TABLE_ROW_NUMBERS, name);
        if (label[k] && values_begun)
            return 0; /* labels lead the row */
        values_begun |= !label[k] && !row_numbers;
        any_label |= label[k];
        any_value |= num > 0;
    }
    return any_value && (rows == 1 || any_label);
}

static int group_candidate(const lg_extractor *ex, const tcell *h, size_t nh)
{
    char unit[UNIT_BYTES];
    int places;
    const char *kind;
    return nh >= 3 && (unit_bracket(ex, h[0].text, unit, &places, &kind) || is_group(ex, &h[0]));
}

/* Columns from headers hh[0..c) under group g (or none). */
static void stream_names(const lg_extractor *ex, const tcell *hh, size_t c, const tcell *g,
                         const int *label, tcol *cols)
{
    for (size_t k = 0; k < c; k++) {
        const tcell *path[2];
        size_t n = 0;
        if (g && !label[k])
            path[n++] = g;
        path[n++] = &hh[k];
        name_column(ex, path, n, &cols[k]);
        cols[k].label = label[k];
    }
    if (!g)
        total_unit(cols, c);
}

/* Try the block's header cells with group choice g_mode: 0 none, 1 its
 * own first cell, 2 the group inherited. */
static size_t try_stream(const lg_extractor *ex, stream_block *blk, int g_mode, tcol *cols)
{
    tcell *h = blk->head;
    cell_run head = {g_mode == 1 ? h + 1 : h, g_mode == 1 ? blk->nhead - 1 : blk->nhead};
    size_t n = head.n;
    for (size_t l = 0; l <= 2 && l < n; l++) {
        size_t c = n - l;
        int label[TABLE_COLS_MAX];
        if (c > TABLE_COLS_MAX || !rows_line_up(ex, head, l, blk->body, label))
            continue;
        tcell g;
        if (g_mode == 1)
            g = h[0];
        else if (g_mode == 2)
            g = *blk->group;
        stream_names(ex, head.c, c, g_mode ? &g : NULL, label, cols);
        if (g_mode == 1) {
            *blk->group = h[0];
            memmove(h, h + 1, n * sizeof *h);
            blk->nhead = n;
        }
        blk->nlabels = l;
        return c;
    }
    return 0;
}

size_t stream_columns(const lg_extractor *ex, stream_block *blk, tcol *cols)
{
    join_unit_lines(ex, blk->head, &blk->nhead);
    for (int pass = 0; pass < 2; pass++) {
        if (pass == 1)
            join_split_headers(ex, blk->head, &blk->nhead);
        size_t c = 0;
        if (group_candidate(ex, blk->head, blk->nhead))
            c = try_stream(ex, blk, 1, cols);
        else if (blk->group->text[0])
            c = try_stream(ex, blk, 2, cols);
        if (!c)
            c = try_stream(ex, blk, 0, cols);
        if (c)
            return c;
    }
    return 0;
}

/* ---- PDF text: header words split over lines --------------------------- */

#define WORDS_MAX TABLE_COLS_MAX

typedef struct word_line {
    char w[WORDS_MAX][TCELL_BYTES / 4];
    size_t n;
    int halves; /* every word one or two characters: half of a header */
} word_line;

static size_t utf8_chars(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

static int split_words(const char *s, word_line *out)
{
    out->n = 0;
    out->halves = 1;
    while (*s) {
        while (*s == ' ')
            s++;
        const char *e = s;
        while (*e && *e != ' ')
            e++;
        if (e == s)
            break;
        if (out->n == WORDS_MAX || (size_t)(e - s) >= sizeof out->w[0])
            return -1;
        memcpy(out->w[out->n], s, (size_t)(e - s));
        out->w[out->n][e - s] = '\0';
        if (utf8_chars(out->w[out->n]) > 2)
            out->halves = 0;
        out->n++;
        s = e;
    }
    return out->n ? 0 : -1;
}

/* Join half lines into leaf words: each line first closes the halves left
 * open by the line above, in order, then opens its other words.  cluster:
 * the line a leaf's first half stands on. */
static size_t join_halves(const word_line *l, size_t n, char leaves[][TCELL_BYTES / 2],
                          int *cluster)
{
    size_t open_from = 0, nopen = 0, nl = 0;
    for (size_t i = 0; i < n; i++) {
        if (l[i].n < nopen)
            return 0;
        for (size_t k = 0; k < nopen; k++) {
            size_t leaf = open_from + k;
            size_t a = strlen(leaves[leaf]), b = strlen(l[i].w[k]);
            if (a + b < TCELL_BYTES / 2)
                memcpy(leaves[leaf] + a, l[i].w[k], b + 1);
        }
        open_from = nl;
        for (size_t k = nopen; k < l[i].n; k++) {
            if (nl == WORDS_MAX)
                return 0;
            memcpy(leaves[nl], l[i].w[k], strlen(l[i].w[k]) + 1);
            cluster[nl++] = (int)i;
        }
        nopen = l[i].n - nopen;
    }
    return nopen ? 0 : nl;
}

int space_columns(const lg_extractor *ex, char lines[][TCELL_BYTES], size_t n, size_t nvalues,
                  tcol *cols)
{
    static word_line l[WORD_LINES_MAX];
    size_t first_half = n;
    for (size_t i = 0; i < n; i++) {
        if (split_words(lines[i], &l[i]))
            return -1;
        if (l[i].halves && first_half == n)
            first_half = i;
        else if (!l[i].halves && first_half < n)
            return -1; /* whole words below the halves */
    }
    char leaves[WORDS_MAX][TCELL_BYTES / 2];
    int cluster[WORDS_MAX];
    size_t nl = first_half < n ? join_halves(l + first_half, n - first_half, leaves, cluster) : 0;
    if (first_half == n && n && l[n - 1].n == nvalues) { /* one line of whole headers */
        nl = nvalues;
        first_half = n - 1;
        for (size_t k = 0; k < nl; k++) {
            memcpy(leaves[k], l[n - 1].w[k], strlen(l[n - 1].w[k]) + 1);
            cluster[k] = 0;
        }
    }
    if (!nl || nl != nvalues)
        return -1;
    /* groups: the first whole line has a word per cluster of leaves; a
     * line below it splits the last cluster evenly */
    size_t nclusters = 1;
    for (size_t k = 1; k < nl; k++)
        nclusters += cluster[k] != cluster[k - 1];
    char group[WORDS_MAX][TCELL_BYTES / 2];
    for (size_t k = 0; k < nl; k++)
        group[k][0] = '\0';
    if (first_half >= 1) {
        if (l[0].n != nclusters)
            return -1;
        for (size_t k = 0, c = 0; k < nl; k++) {
            c += k && cluster[k] != cluster[k - 1];
            utf8_cat(group[k], sizeof group[k], l[0].w[c]);
        }
    }
    if (first_half >= 2) {
        size_t from = nl;
        while (from > 0 && cluster[from - 1] == cluster[nl - 1])
            from--;
        size_t span = nl - from, parts = l[1].n;
        if (first_half > 2 || span % parts)
            return -1;
        for (size_t k = from; k < nl; k++)
            utf8_cat(group[k], sizeof group[k], l[1].w[(k - from) / (span / parts)]);
    }
    for (size_t k = 0; k < nl; k++) {
        tcell g, leaf;
        memset(&g, 0, sizeof g);
        memset(&leaf, 0, sizeof leaf);
        utf8_cat(g.text, sizeof g.text, group[k]);
        utf8_cat(leaf.text, sizeof leaf.text, leaves[k]);
        const tcell *path[2] = {&g, &leaf};
        name_column(ex, path, 2, &cols[k]);
    }
    total_unit(cols, nl);
    return 0;
}
