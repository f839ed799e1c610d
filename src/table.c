/* table.c - values in tables flattened into | rows (the normalizer marks
 * them LG_SENT_TABLE_ROW): a header row's cells and years are kept, and a
 * value in a later row is named by its row label and column header, and
 * takes the column's year.
 * Owns: cells, the header, table names.
 * Reads: the sentence, its values and years; the lexicon's
 * [generic-measures] and [change-headers]. */
#include "extract_int.h"

size_t split_cells(const lg_extractor *ex, cell *cells)
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

/* A row without values is a header: remember its cells and their years. */
void table_header(lg_extractor *ex, const cell *cells, size_t n, const found *f)
{
    ex->table_cols = 0;
    for (size_t j = 0; j < n && j < MAX_CELLS; j++) {
        text_reset(&ex->table_header[j]);
        ex->table_year[j] = 0;
        for (size_t i = cells[j].a; i < cells[j].b; i++)
            if (!class_at(ex, i, CL_QUOTE))
                text_append_cp(&ex->table_header[j], ex->cp[i]);
        for (size_t k = 0; k < f->nym; k++)
            if (f->ym[k].start >= cells[j].a && f->ym[k].end <= cells[j].b && f->ym[k].year)
                ex->table_year[j] = f->ym[k].year;
        ex->table_cols = j + 1;
    }
}

/* 数量, 金额: a label that only says what is measured */
static int generic_measure(const lg_extractor *ex, const char *s)
{
    return s && lx_find(ex->lx, LX_GENERIC_MEASURES, s, strlen(s)) != NULL;
}

/* Does a column header say its figures are changes (同比, 增长)? */
static int says_change(const lg_extractor *ex, const char *head)
{
    const lx_list_t *words = &ex->lx->list[LX_CHANGE_HEADERS];
    for (size_t i = 0; i < words->n; i++)
        if (strstr(head, words->e[i].word))
            return 1;
    return 0;
}

/* The row label and column header joined, the header first after a
 * generic label (办理案件 + 数量). */
static void join_names(const lg_extractor *ex, const text_buf *label, const char *head,
                       text_buf *out)
{
    int label_ok = label->len > 0, head_ok = head && *head;
    if (label_ok || head_ok)
        text_reset(out);
    if (label_ok && head_ok && generic_measure(ex, label->data)) {
        text_append(out, head, strlen(head));
        text_append(out, label->data, label->len);
    } else if (label_ok && head_ok) {
        text_append(out, label->data, label->len);
        text_append(out, head, strlen(head));
    } else if (label_ok) {
        text_append(out, label->data, label->len);
    } else if (head_ok) {
        text_append(out, head, strlen(head));
    }
}

/* Name a value in a table row from its row label and column header. */
void table_metric(lg_extractor *ex, const cell *cells, size_t n, const value *v,
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
    join_names(ex, &label, head, out);
    if (head && *head && (UNIT_IS(v->unit, "%") || UNIT_IS(v->unit, "百分点")) &&
        says_change(ex, head))
        r->kind = KIND_CHANGE;
    text_free(&label);
}
