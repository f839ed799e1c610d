/* table_records.c - the tables being read and the records of their cells.
 *
 * table.c hands each line's cells here: a | table keeps its header rows
 * and places each data row's values under the header path over them; a
 * one-cell-per-line table is held until it ends, then cut into blocks of
 * headers and body that table_layout.c works out.  A line just before a
 * table can name it (2023年度…统计表, …(件)): its year and unit are the
 * table's.  The records of placed cells wait here until the prose stage
 * has passed their line (table_release), and the lines the reader took
 * are marked so that prose leaves their values alone (table_line_taken).
 * Owns: claims and pending records, row labels, titles, | tables and
 * one-cell-per-line tables (the table_reader state in table.h).
 * Reads: the lexicon's [units], [table-units], [generic-measures],
 * [change-headers], the places (place.h) and what table_layout.c reads. */
#include "table.h"

#include <stdio.h>
#include <stdlib.h>

#include "place.h"

/* ---- claims and records ------------------------------------------------ */

void claim_line(lg_extractor *ex, long long line)
{
    table_reader *tr = ex->tables;
    if (tr->nclaims && line >= tr->claims[tr->nclaims - 1].from &&
        line <= tr->claims[tr->nclaims - 1].to + 1) {
        if (line > tr->claims[tr->nclaims - 1].to)
            tr->claims[tr->nclaims - 1].to = line;
        return;
    }
    if (tr->claim_first > 0 && tr->claim_first * 2 >= tr->nclaims) {
        memmove(tr->claims, tr->claims + tr->claim_first,
                (tr->nclaims - tr->claim_first) * sizeof *tr->claims);
        tr->nclaims -= tr->claim_first;
        tr->claim_first = 0;
    }
    if (tr->nclaims == tr->claims_cap) {
        size_t cap = tr->claims_cap ? tr->claims_cap * 2 : 32;
        claim *p = realloc(tr->claims, cap * sizeof *p);
        if (!p) {
            ex->status = LG_ERR_NOMEM;
            return;
        }
        tr->claims = p;
        tr->claims_cap = cap;
    }
    tr->claims[tr->nclaims++] = (claim){line, line};
}

int table_line_taken(lg_extractor *ex, long long line)
{
    table_reader *tr = ex->tables;
    if (!tr)
        return 0;
    while (tr->claim_first < tr->nclaims && tr->claims[tr->claim_first].to < line)
        tr->claim_first++;
    return tr->claim_first < tr->nclaims && tr->claims[tr->claim_first].from <= line;
}

static char *dup_str(const char *s)
{
    return text_dup(s, strlen(s));
}

static int push_pending(lg_extractor *ex, const rec *r, const char *context)
{
    table_reader *tr = ex->tables;
    if (tr->pend_first == tr->npend)
        tr->pend_first = tr->npend = 0;
    pending *grown = grow_for_one(tr->pend, &tr->pend_cap, tr->npend, sizeof *grown, 64);
    if (!grown)
        return -1;
    tr->pend = grown;
    pending *p = &tr->pend[tr->npend];
    p->r = *r;
    p->r.metric = dup_str(r->metric);
    p->r.text = dup_str(r->text);
    p->context = dup_str(context);
    if (!p->r.metric || !p->r.text || !p->context) {
        free(p->r.metric);
        free(p->r.text);
        free(p->context);
        return -1;
    }
    tr->npend++;
    return 0;
}

void free_pending(pending *p)
{
    free(p->r.metric);
    free(p->r.text);
    free(p->context);
}

int table_release(lg_extractor *ex, long long before_line)
{
    table_reader *tr = ex->tables;
    if (!tr)
        return 0;
    while (tr->pend_first < tr->npend && tr->pend[tr->pend_first].r.line < before_line) {
        pending *p = &tr->pend[tr->pend_first++];
        int rc = 0;
        if (ex->status == LG_OK) {
            rec r = p->r; /* holding copies its strings into r */
            r.ctx_from = 0;
            r.ctx_len = strlen(p->context);
            rc = ex->settled ? emit_record(ex, &r, p->context)
                             : hold_record_context(ex, &r, p->context);
        }
        free_pending(p);
        if (rc) {
            if (ex->status == LG_OK)
                ex->status = LG_ERR_NOMEM;
            return 1;
        }
    }
    return ex->status != LG_OK;
}

void table_warn(lg_extractor *ex, long long line, long long offset, const char *what)
{
    table_reader *tr = ex->tables;
    if (tr->warned || !ex->cfg->on_warning)
        return;
    tr->warned = 1;
    char msg[200];
    snprintf(msg, sizeof msg, "line %lld: table: %s; cells not read", line, what);
    ex->cfg->on_warning(ex->file, offset, msg, ex->cfg->user);
}

static int label_place(const char *text, int body);

/* Does s open with a word of list l? */
static int starts_with_listed(const lg_extractor *ex, int l, const char *s)
{
    const lx_list_t *words = &ex->lx->list[l];
    for (size_t i = 0; i < words->n; i++)
        if (!strncmp(s, words->e[i].word, words->e[i].len))
            return 1;
    return 0;
}

/* name = label + column, the column first after a generic label (数量);
 * under a column that only says what is measured (数量, 比例) the title's
 * topic comes in: 2014年复议案件审结情况 | 变更 | 数量 -> 复议案件审结变更数量;
 * after the row's label when the title names the rows (省区市和兵团受理…:
 * 广东 + 受理行政复议案件 + 数量) or the label is a place. */
static int join_metric(const lg_extractor *ex, const char *label, const char *col, char *out,
                       size_t cap)
{
    const table_reader *tr = ex->tables;
    const char *a = label, *b = col, *topic = tr->title_topic;
    /* a 合计 row is a row like the others: its label leads */
    int total = !strcmp(label, "合计") || !strcmp(label, "总计") || !strcmp(label, "小计");
    int generic_label = *label && *col && !total && in_list(ex, LX_GENERIC_MEASURES, label);
    if (generic_label || (*label && *col && !total && starts_with_listed(ex, LX_RELATION_LABELS, label)))
        a = col, b = label;
    /* (a row of 数量 under columns of items: 举报投诉处理 + 行政复议申请 + 数量) */
    int with_topic = *topic && *col && (in_list(ex, LX_GENERIC_MEASURES, col) || generic_label) &&
                     !strstr(a, topic) && !strstr(topic, a);
    int label_first = tr->title_rows_named || label_place(label, 0) >= 0 || generic_label;
    out[0] = '\0';
    if (with_topic && !label_first)
        utf8_cat(out, cap, topic);
    utf8_cat(out, cap, a);
    if (with_topic && label_first)
        utf8_cat(out, cap, total ? topic : topic + tr->title_rows_named);
    utf8_cat(out, cap, b);
    /* a 数量 row under columns of items counts one item each: a part */
    int total_col = !strcmp(col, "合计") || !strcmp(col, "总计") || !strcmp(col, "小计");
    return generic_label && !total_col;
}

/* The record of a number cell in column col, named metric. */
int cell_record(lg_extractor *ex, const tcell *c, const tcol *col, const char *metric,
                const char *context, int place)
{
    table_reader *tr = ex->tables;
    rec r;
    memset(&r, 0, sizeof r);
    r.line = c->line;
    r.offset = c->offset;
    r.city_mode = CITY_REPORT;
    r.place = -1;
    if (place >= 0) {
        const lg_place *p = lg_place_get(place);
        const lg_place *up = p && p->parent >= 0 ? lg_place_get(p->parent) : NULL;
        int province = p && p->level == LG_PROVINCE;
        /* 上海 in a table of provinces is a province's row too */
        int municipality = up && !strcmp(up->name, p->name);
        tr->province_rows |= province;
        r.city_mode = province || (municipality && tr->province_rows) ? CITY_NONE : CITY_PLACE;
        r.place = place;
    }
    r.context = (size_t)-1;
    r.part = tr->metric_part;
    memcpy(r.value_str, c->dec, sizeof r.value_str);
    if (c->unit[0]) {
        memcpy(r.unit, c->unit, sizeof r.unit);
        r.kind = unit_kind(ex, c->unit);
        const lx_list_t *words = &ex->lx->list[LX_CHANGE_HEADERS];
        for (size_t i = 0; i < words->n && (UNIT_IS(r.unit, "%") || UNIT_IS(r.unit, "百分点")); i++)
            if (strstr(col->name, words->e[i].word))
                r.kind = KIND_CHANGE; /* 同比增长 | 5.2%: a change */
    } else if (col->unit[0]) {
        memcpy(r.unit, col->unit, sizeof r.unit);
        r.kind = col->kind;
        if (col->places && lg_decimal_shift(r.value_str, sizeof r.value_str, col->places))
            return 0; /* too large to hold: no record rather than a wrong one */
    } else if (tr->title_unit[0]) {
        memcpy(r.unit, tr->title_unit, sizeof r.unit);
        r.kind = col->kind != KIND_COUNT ? col->kind : tr->title_kind;
        if (tr->title_places && lg_decimal_shift(r.value_str, sizeof r.value_str, tr->title_places))
            return 0;
    } else {
        r.kind = col->kind;
    }
    int year = col->year ? col->year : tr->title_year;
    r.year_mode = year ? YEAR_EXPLICIT : YEAR_REPORT;
    r.year = year;
    r.metric = (char *)metric;
    r.text = (char *)c->text;
    return push_pending(ex, &r, context);
}

/* ---- row labels -------------------------------------------------------- */

/* The place a row is about: its label is a place's name (广东, 包头市: a
 * province's figures have no city), or the body it names begins with one
 * (曲阜市自然资源和规划局); -1 when none. */
static int label_place(const char *text, int body)
{
    size_t len = strlen(text);
    int id = -1;
    size_t used = len ? lg_place_match(text, len, -1, &id) : 0;
    if (!used || (!body && used != len))
        return -1;
    return id;
}

/* The label path of a row from its label cells, carrying outer labels
 * down from the rows above by the rank of their numbers (三、 > (三) > 2.). */
void row_label(lg_extractor *ex, const tcell *cells, size_t n, char *out, size_t cap)
{
    table_reader *tr = ex->tables;
    char plain[TCELL_BYTES * 2] = "";
    for (size_t i = 0; i < n; i++) {
        char name[TCELL_BYTES];
        int level;
        clean_name(ex, cells[i].text, name, sizeof name, &level);
        if (i == 0 && level == 0)
            for (int l = 0; l < 5; l++)
                tr->labels[l][0] = '\0';
        if (level) {
            tr->labels[level][0] = '\0';
            utf8_cat(tr->labels[level], sizeof tr->labels[level], name);
            for (int l = level + 1; l < 5; l++)
                tr->labels[l][0] = '\0';
        } else {
            utf8_cat(plain, sizeof plain, name);
        }
    }
    out[0] = '\0';
    for (int l = 1; l < 5; l++)
        utf8_cat(out, cap, tr->labels[l]);
    utf8_cat(out, cap, plain);
}

void row_context(const tcell *cells, size_t n, char *out, size_t cap)
{
    out[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        if (i)
            utf8_cat(out, cap, " | ");
        utf8_cat(out, cap, cells[i].text);
    }
}

/* ---- titles ------------------------------------------------------------ */

/* A year written in s (2023年, not the 2014 of 12014年): the first, or 0. */
static int year_in(const char *s)
{
    for (size_t i = 0; s[i]; i++) {
        if (i && s[i - 1] >= '0' && s[i - 1] <= '9')
            continue;
        size_t d = 0;
        while (s[i + d] >= '0' && s[i + d] <= '9')
            d++;
        if (d == 4 && !strncmp(s + i + 4, "年", 3)) {
            int y = atoi(s + i);
            if (y >= 1949 && y <= LATEST_PLAUSIBLE_YEAR)
                return y;
        }
        if (d)
            i += d - 1;
    }
    return 0;
}

static int digits_before_year_word(const char *s)
{
    const char *y = strstr(s, "年");
    return y && y > s && y[-1] >= '0' && y[-1] <= '9';
}

/* A line above a table naming it: 2023年度…统计表, 表二, …情况(件). */
int is_title_cell(const lg_extractor *ex, const tcell *c)
{
    size_t raw = strlen(c->text);
    if (is_caption(c->text) || (raw > 12 && digits_before_year_word(c->text)) ||
        !strncmp(c->text, "表", 3))
        return 1;
    if (raw < 3 || (strcmp(c->text + raw - 3, "表") && c->text[raw - 1] != ')'))
        return 0;
    char name[TCELL_BYTES];
    int level;
    clean_name(ex, c->text, name, sizeof name, &level);
    size_t n = strlen(name);
    return n >= 3 && !strcmp(name + n - 3, "表");
}

/* Past a title's number and year: 表1: 表二、 2023年度 12014年 (a figure's
 * number glued to its year). */
static const char *after_title_number(const char *s)
{
    size_t k;
    if (!strncmp(s, "表", 3)) {
        s += 3;
        while ((*s >= '0' && *s <= '9') || cjk_numeral(next_cp(s, &k)))
            s += (*s >= '0' && *s <= '9') ? 1 : k;
        while (*s == ':' || *s == ' ' || *s == '.' || !strncmp(s, "：", 3) || !strncmp(s, "、", 3))
            s += (unsigned char)*s < 0x80 ? 1 : 3;
    }
    const char *d = s;
    while (*d >= '0' && *d <= '9')
        d++;
    if (d - s >= 4 && !strncmp(d, "年", 3))
        s = !strncmp(d + 3, "度", 3) ? d + 6 : d + 3;
    return s;
}

/* The length of s without a bracket that ends it: …情况(按数量降序排列). */
static size_t without_closing_bracket(const char *s, size_t n)
{
    int full = n >= 3 && !strcmp(s + n - 3, "）");
    if (!full && (!n || s[n - 1] != ')'))
        return n;
    for (size_t i = n - (full ? 3 : 1); i-- > 0;)
        if (s[i] == '(' || (i + 3 <= n && !strncmp(s + i, "（", 3)))
            return i;
    return n;
}

/* What a table's title says it counts, its number, year, closing bracket
 * and closing words ([table-title-ends]) left out: 表1:省区市和兵团受理行政
 * 复议案件情况(按数量降序排列) -> 省区市和兵团受理行政复议案件; "" when none.
 * *rows_named: the length of a collective noun of its rows that opens it
 * ([table-row-scopes]: 省区市和兵团, 各县(市、区)), 0 when none. */
static void title_topic(const lg_extractor *ex, const char *s, char *out, size_t cap,
                        size_t *rows_named)
{
    out[0] = '\0';
    *rows_named = 0;
    s = after_title_number(s);
    int level;
    s += row_number(s, &level); /* 三、收到和处理…: a section heading */
    size_t n = without_closing_bracket(s, strlen(s));
    if (n >= cap)
        return;
    memcpy(out, s, n);
    out[n] = '\0';
    const lx_list_t *ends = &ex->lx->list[LX_TABLE_TITLE_ENDS];
    for (size_t i = 0; i < ends->n; i++) {
        size_t w = strlen(ends->e[i].word);
        if (w < n && !strcmp(out + n - w, ends->e[i].word)) {
            out[n -= w] = '\0';
            break;
        }
    }
    size_t chars = utf8_chars_n(out, n);
    /* 昆明市2023年法治政府建设报告: a document's title, not what a table counts */
    int document = strpbrk(out, "0123456789") || (n >= 6 && !strcmp(out + n - 6, "报告"));
    if (chars < 2 || chars > TITLE_TOPIC_MAX_CHARS || document) {
        out[0] = '\0';
        return;
    }
    const lx_list_t *scopes = &ex->lx->list[LX_TABLE_ROW_SCOPES];
    for (size_t i = 0; i < scopes->n; i++) {
        size_t w = strlen(scopes->e[i].word);
        if (w + 6 <= n && !strncmp(out, scopes->e[i].word, w)) {
            *rows_named = w;
            break;
        }
    }
}

void set_title(lg_extractor *ex, const char *s)
{
    table_reader *tr = ex->tables;
    if (!*s && !tr->title_year && !tr->title_unit[0] && !tr->title_topic[0])
        return; /* no title, and none before */
    title_topic(ex, s, tr->title_topic, sizeof tr->title_topic, &tr->title_rows_named);
    tr->title_year = year_in(s);
    tr->title_unit[0] = '\0';
    tr->title_places = 0;
    tr->title_kind = KIND_COUNT;
    char unit[UNIT_BYTES];
    int places;
    const char *kind;
    if (unit_bracket(ex, s, unit, &places, &kind)) {
        memcpy(tr->title_unit, unit, sizeof tr->title_unit);
        tr->title_places = places;
        tr->title_kind = kind;
    }
}

/* ---- | tables ---------------------------------------------------------- */

static void reset_labels(table_reader *tr)
{
    for (int l = 0; l < 5; l++)
        tr->labels[l][0] = '\0';
}

static void end_pipe(table_reader *tr)
{
    tr->province_rows = 0;
    tr->head_rows = 0;
    tr->after_data = 0;
    tr->cols_state = -2;
    tr->warned = 0;
    reset_labels(tr);
}

void pipe_header(table_reader *tr, const tcell *cells, size_t n)
{
    if (tr->after_data)
        end_pipe(tr);
    if (tr->head_rows == TABLE_HEAD_ROWS_MAX) {
        memmove(tr->head[0], tr->head[1], (TABLE_HEAD_ROWS_MAX - 1) * sizeof tr->head[0]);
        memmove(tr->head_n, tr->head_n + 1, (TABLE_HEAD_ROWS_MAX - 1) * sizeof *tr->head_n);
        tr->head_rows--;
    }
    memcpy(tr->head[tr->head_rows], cells, n * sizeof *cells);
    tr->head_n[tr->head_rows++] = n;
    tr->cols_state = -2;
}

/* 部门 | 数量 | 部门 | 数量: each value takes the label in the cell before it. */
static int pair_header(const table_reader *tr)
{
    size_t n = tr->head_n[0];
    if (tr->head_rows != 1 || n < 4 || n % 2 || !strcmp(tr->head[0][0].text, tr->head[0][1].text))
        return 0;
    for (size_t j = 2; j < n; j++)
        if (strcmp(tr->head[0][j].text, tr->head[0][j % 2].text))
            return 0;
    return 1;
}

static int pipe_pairs(lg_extractor *ex, const tcell *cells, size_t n)
{
    table_reader *tr = ex->tables;
    const tcell *path[1] = {&tr->head[0][1]};
    tcol col;
    name_column(ex, path, 1, &col);
    row_context(cells, n, tr->context, sizeof tr->context);
    for (size_t j = 0; j + 1 < n; j += 2) {
        if (cells[j].kind != T_TEXT || cells[j + 1].kind != T_NUM)
            continue;
        char label[TCELL_BYTES];
        int level;
        clean_name(ex, cells[j].text, label, sizeof label, &level);
        tr->metric_part = join_metric(ex, label, col.name, tr->metric, sizeof tr->metric);
        if (cell_record(ex, &cells[j + 1], &col, tr->metric, tr->context,
                        label_place(label, 0)))
            return -1;
    }
    return 0;
}

int pipe_data(lg_extractor *ex, const tcell *cells, size_t n)
{
    table_reader *tr = ex->tables;
    size_t nl = 0;
    while (nl < n && cells[nl].kind == T_TEXT)
        nl++;
    size_t nv = n - nl;
    tr->after_data = 1;
    if (tr->head_rows && pair_header(tr))
        return pipe_pairs(ex, cells, n);
    if (!tr->head_rows) {
        if (nv != 1 || !nl) {
            table_warn(ex, cells[0].line, cells[0].offset, "a row of figures under no header");
            return 0;
        }
        memset(&tr->cols[0], 0, sizeof tr->cols[0]);
        tr->cols[0].kind = KIND_COUNT;
        tr->cols_state = -2;
    } else if (tr->cols_state == -2 || tr->cols_labels != nl || tr->cols_values != nv) {
        pipe_head head = {tr->head, tr->head_n, tr->head_rows};
        tr->cols_state = pipe_columns(ex, &head, nl, nv, tr->cols);
        tr->cols_labels = nl;
        tr->cols_values = nv;
    }
    if (tr->head_rows && tr->cols_state < 0) {
        char what[96];
        snprintf(what, sizeof what, "the header rows do not line up with a row of %zu cells", nv);
        table_warn(ex, cells[0].line, cells[0].offset, what);
        return 0;
    }
    char label[TCELL_BYTES * 2];
    row_label(ex, cells, nl, label, sizeof label);
    int place = nl ? label_place(cells[0].text, tr->cols_state == 1) : -1;
    int body = tr->cols_state == 1;
    for (size_t j = 0; j < nv && tr->head_rows; j++)
        if (tr->cols[j].body) { /* 序号 | 单位名称 | …: the body among the cells */
            body = 1;
            if (place < 0)
                place = label_place(cells[nl + j].text, 1);
        }
    if (body)
        label[0] = '\0'; /* 单位名称: the labels name the body */
    row_context(cells, n, tr->context, sizeof tr->context);
    for (size_t j = 0; j < nv; j++) {
        const tcell *c = &cells[nl + j];
        if (c->kind != T_NUM || tr->cols[j].skip)
            continue;
        tr->metric_part = join_metric(ex, label, tr->cols[j].name, tr->metric, sizeof tr->metric);
        if (cell_record(ex, c, &tr->cols[j], tr->metric, tr->context, place))
            return -1;
    }
    return 0;
}

/* ---- one cell per line ------------------------------------------------- */

static int row_numbered(const lg_extractor *ex, const tcell *c)
{
    int level;
    (void)ex;
    return row_number(c->text, &level) > 0;
}

/* The rows of a placed block, C cells each: the last nlabels header cells
 * are the first row's labels, then the body; the header cells before them
 * head every row's context. */
static int block_records(lg_extractor *ex, const stream_block *blk, size_t c)
{
    table_reader *tr = ex->tables;
    size_t l = blk->nlabels, nb = blk->body.n;
    const tcell *lead = blk->head + blk->nhead - l, *b = blk->body.c;
    char headers[TABLE_CONTEXT_BYTES / 2];
    row_context(blk->head, blk->nhead - l, headers, sizeof headers);
    size_t rows = (l + nb) / c;
    for (size_t r = 0; r < rows; r++) {
        tcell *row = tr->row;
        for (size_t k = 0; k < c; k++) {
            size_t at = r * c + k;
            row[k] = at < l ? lead[at] : b[at - l];
        }
        tcell labels[TABLE_COLS_MAX];
        size_t nlab = 0;
        int place = -1;
        for (size_t k = 0; k < c; k++) {
            if (tr->cols[k].label && !tr->cols[k].body)
                labels[nlab++] = row[k];
            if (tr->cols[k].label && place < 0)
                place = label_place(row[k].text, tr->cols[k].body);
        }
        char label[TCELL_BYTES * 2];
        row_label(ex, labels, nlab, label, sizeof label);
        row_context(row, c, tr->context, sizeof tr->context);
        size_t used = strlen(tr->context);
        if (used + strlen(headers) + 4 < sizeof tr->context) {
            memmove(tr->context + strlen(headers) + 3, tr->context, used + 1);
            memcpy(tr->context, headers, strlen(headers));
            memcpy(tr->context + strlen(headers), " / ", 3);
        }
        for (size_t k = 0; k < c; k++) {
            if (row[k].kind != T_NUM || tr->cols[k].label || tr->cols[k].skip)
                continue;
            tr->metric_part = join_metric(ex, label, tr->cols[k].name, tr->metric, sizeof tr->metric);
            if (cell_record(ex, &row[k], &tr->cols[k], tr->metric, tr->context, place))
                return -1;
        }
    }
    return 0;
}

static int place_block(lg_extractor *ex, cell_run head, cell_run body, tcell *group, int barred)
{
    table_reader *tr = ex->tables;
    const tcell *h = head.c, *b = body.c;
    size_t nh = head.n, nb = body.n;
    while (nh && is_title_cell(ex, &h[0])) {
        set_title(ex, h[0].text);
        h++, nh--;
    }
    size_t nums = 0;
    for (size_t i = 0; i < nb; i++)
        nums += b[i].kind == T_NUM;
    /* a lone number under a line or two of text is no table (a page number) */
    if (!nums || nh < 2 || (!barred && nums < 2))
        return 0;
    memcpy(tr->scratch, h, nh * sizeof *h);
    stream_block blk = {tr->scratch, nh, body, group, 0};
    size_t c = stream_columns(ex, &blk, tr->cols);
    tr->cols_state = -2;
    if (!c) {
        char what[96];
        snprintf(what, sizeof what, "%zu header lines but %zu cells", nh, nb);
        table_warn(ex, b[0].line, b[0].offset, what);
        return 0;
    }
    return block_records(ex, &blk, c);
}

/* One cell per line with padding lines (信息内容 | / 本年处理决定数量 | /
 * || / 行政许可 | / 0 |): the padding ends the header rows, which then
 * read as a | table's, and each data row is its labels and as many
 * cells as the first data row has.  0 when the stream is not of this
 * kind (nothing read). */
static int padded_stream(lg_extractor *ex, int *rc)
{
    table_reader *tr = ex->tables;
    const tcell *c = tr->stream;
    size_t n = tr->stream_n, i = 0, pads = 0;
    for (size_t k = 0; k < n; k++)
        pads += c[k].kind == T_PAD;
    if (!pads)
        return 0;
    end_pipe(tr);
    while (i < n && c[i].kind == T_TEXT && is_title_cell(ex, &c[i]))
        set_title(ex, c[i++].text);
    while (i < n) { /* header rows: text, up to padding or the first cell that is not */
        while (i < n && (c[i].kind == T_EMPTY || c[i].kind == T_PAD))
            i++; /* an empty corner */
        size_t j = i;
        while (j < n && c[j].kind == T_TEXT)
            j++;
        if (j == n || j == i || j - i > TABLE_COLS_MAX)
            break;
        int ends = c[j].kind == T_PAD || (c[j].kind == T_EMPTY && j + 1 < n && c[j + 1].kind == T_NUM);
        if (!ends && !(c[j].kind == T_EMPTY && j + 1 < n && c[j + 1].kind == T_TEXT))
            break;
        pipe_header(tr, c + i, j - i);
        i = j + (c[j].kind == T_PAD);
    }
    if (!tr->head_rows)
        return 0;
    size_t values = 0;
    *rc = 0;
    while (i < n && *rc == 0) {
        size_t nr = 0;
        while (i < n && c[i].kind == T_PAD)
            i++;
        if (!values)
            while (i < n && c[i].kind == T_EMPTY)
                i++; /* an empty label cell before the first row's figures */
        while (i < n && c[i].kind == T_TEXT && nr < TABLE_COLS_MAX)
            tr->row[nr++] = c[i++];
        size_t labels = nr;
        while (i < n && c[i].kind != T_TEXT && c[i].kind != T_PAD && nr < TABLE_COLS_MAX &&
               (!values || nr - labels < values))
            tr->row[nr++] = c[i++];
        if (nr == labels)
            break;
        if (!values)
            values = nr - labels;
        *rc = pipe_data(ex, tr->row, nr);
    }
    end_pipe(tr);
    return 1;
}

static int flush_stream(lg_extractor *ex)
{
    table_reader *tr = ex->tables;
    const tcell *cells = tr->stream;
    size_t n = tr->stream_n, i = 0;
    int rc = 0, barred = 0;
    tcell group;
    group.text[0] = '\0';
    if (tr->stream_full) {
        table_warn(ex, cells[0].line, cells[0].offset, "too many cells for one table");
        n = 0;
    } else if (padded_stream(ex, &rc)) {
        n = 0;
    } else { /* padding says nothing here: leave it out */
        size_t w = 0;
        for (size_t k = 0; k < n; k++)
            if (tr->stream[k].kind != T_PAD) {
                if (w != k) /* (no copy before the first padding: most streams have none) */
                    tr->stream[w] = tr->stream[k];
                w++;
            }
        n = w;
    }
    for (size_t k = 0; k < n; k++)
        barred |= cells[k].kind == T_EMPTY;
    while (i < n && rc == 0) {
        size_t h0 = i;
        while (i < n && cells[i].kind == T_TEXT)
            i++;
        size_t b0 = i;
        while (i < n) {
            if (cells[i].kind != T_TEXT) {
                i++;
                continue;
            }
            size_t j = i;
            while (j < n && cells[j].kind == T_TEXT)
                j++;
            if (j - i >= 2 && !row_numbered(ex, &cells[i]))
                break; /* a new header run: the table goes on in another block */
            i = j;
        }
        if (i == b0) { /* text alone: a title, perhaps (the last one) */
            for (size_t k = b0; k > h0; k--)
                if (is_title_cell(ex, &cells[k - 1])) {
                    set_title(ex, cells[k - 1].text);
                    break;
                }
            continue;
        }
        cell_run head = {cells + h0, b0 - h0}, body = {cells + b0, i - b0};
        rc = place_block(ex, head, body, &group, barred || tr->stream_barred);
    }
    tr->stream_n = tr->stream_texts = 0;
    tr->stream_full = tr->stream_barred = 0;
    tr->province_rows = 0;
    tr->warned = 0;
    reset_labels(tr);
    return rc;
}

int end_tables(lg_extractor *ex)
{
    table_reader *tr = ex->tables;
    int rc = 0;
    if (tr->mode == TM_STREAM)
        rc = flush_stream(ex);
    if (tr->mode == TM_PIPE)
        end_pipe(tr);
    tr->mode = TM_NONE;
    return rc;
}

int stream_add(lg_extractor *ex, const tcell *c, int barred)
{
    table_reader *tr = ex->tables;
    if (tr->mode == TM_PIPE)
        end_pipe(tr);
    tr->mode = TM_STREAM;
    tr->stream_barred |= barred;
    if (tr->stream_n == TABLE_STREAM_MAX) {
        tr->stream_full = 1;
        return 0;
    }
    tr->stream[tr->stream_n++] = *c;
    if (c->kind == T_TEXT)
        tr->stream_texts++;
    else if (c->kind == T_NUM && tr->stream_texts >= 2)
        claim_line(ex, c->line);
    return 0;
}
