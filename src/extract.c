/* extract.c - normalized sentences to records; see extract.h.
 *
 * Owns: the extractor's life and the order the stages run in for each
 * sentence (extract_int.h lists them): years, values, the governing year,
 * places, the report's own city and year, tables, then each value's year,
 * place and metric, and the record, emitted or held.
 * Reads: the lexicon in lg_config (or the defaults). */
#include <limits.h>
#include <stdlib.h>

#include "extract_int.h"
#include "normalize.h"
#include "place.h"

/* Values of a sentence kept on the stack (more go to the heap). */
#define VALUES_ON_STACK 16
/* Once the report's city is known, places this far past the last value
 * still matter (a place right after it: 20件，其中包头市...). */
#define PLACE_LOOKAHEAD_CHARS 12

lg_status lg_patterns_init(void)
{
    lg_status st;
    lx_defaults(&st);
    return st;
}

void lg_patterns_free(void)
{
    lx_release_defaults();
}

/* Every year pattern holds 年, 目前 or a five-year plan's 五; a year
 * without 年 (2023总共…) is looked for where the sentence starts with a
 * digit, or in sentences with one of those. */
static int may_name_year(const lg_extractor *ex)
{
    return (ex->cls_any & CL_YEAR_HINT) != 0 || (ex->n > 4 && class_at(ex, 0, CL_YEAR));
}

static int has_numeral(const lg_extractor *ex, const lg_char *c, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (is_digit_cp(c[i].cp) || has_class(ex, c[i].cp, CL_NUMERAL))
            return 1;
    return 0;
}

/* The role of f->values[k] (src/role.c), and the year a role gives:
 * 比2021年的310件 is 2021's, 较上年的 the year before the report's; a plan
 * section's figures are for the year after the report's unless the text
 * names one. */
static void resolve_role(lg_extractor *ex, const found *f, size_t k, rec *r)
{
    const value *v = &f->values[k];
    lg_role_value at = {ex->cp, ex->n, v->start, v->end, k ? f->values[k - 1].end : 0,
                        k + 1 < f->nv ? f->values[k + 1].start : ex->n};
    r->role = lg_role_read(ex->lx, &ex->role_state, &at);
    if (r->role.year) {
        r->year_mode = YEAR_EXPLICIT;
        r->year = r->role.year;
        r->period_mode = PERIOD_NONE;
    } else if (r->role.has_delta) {
        r->year_mode = YEAR_REPORT;
        r->year = r->role.delta;
        r->from_now = 1;
        r->period_mode = PERIOD_NONE;
    } else if (r->role.plan_section && r->year_mode == YEAR_REPORT && r->year == 0) {
        r->year = 1;
    }
}

/* The record of f->values[k], with its year, place, metric and text. */
static int make_record(lg_extractor *ex, const found *f, size_t k, const cell *cells,
                       size_t ncells, rec *r)
{
    const value *v = &f->values[k];
    text_buf *metric = &ex->metric, *txt = &ex->txt;
    memset(r, 0, sizeof *r);
    r->line = ex->c[v->start].line;
    r->offset = ex->c[v->start].offset;
    /* same sizes: value and rec hold the same strings */
    memcpy(r->value_str, v->dec, sizeof r->value_str);
    memcpy(r->unit, v->unit, sizeof r->unit);
    r->qualifier = v->qualifier;
    r->kind = v->kind;
    resolve_year(ex, f, k, r);
    resolve_role(ex, f, k, r);
    resolve_place(ex, f, k, r);
    text_reset(metric);
    name_metric(ex, f, k, ex->prev.len ? ex->prev.data : "", metric);
    if (k < NAMED_MAX && metric->data && !metric->failed) {
        named *d = &ex->done[k];
        r->part = complete_name(ex, f, k, metric, d->subject, sizeof d->subject);
        /* as snprintf "%s" would, without its cost at every record */
        size_t len = strnlen(metric->data, sizeof d->name - 1);
        memcpy(d->name, metric->data, len);
        d->name[len] = '\0';
        memcpy(d->unit, v->unit, sizeof d->unit);
        d->kind = v->kind;
    }
    ex->named_len = metric->len;
    nm_append_change(ex, f, k, metric);
    if (ex->flags & LG_SENT_TABLE_ROW)
        table_metric(ex, cells, ncells, v, metric, r);
    text_reset(txt);
    text_append(txt, ex->s.data + ex->cb[v->start], ex->cb[v->end] - ex->cb[v->start]);
    if (!metric->data || !txt->data || metric->failed || txt->failed)
        return -1;
    r->metric = metric->data;
    r->text = txt->data;
    context_window(ex, v, r);
    return 0;
}

/* Every value's record, emitted, or held while the report's city and
 * year are not settled. */
static int records(lg_extractor *ex, const found *f, const cell *cells, size_t ncells)
{
    text_buf *prev = &ex->prev; /* the buffers are reused, not allocated per sentence */
    text_reset(prev);
    ex->sentence_held = 0;
    if (f->nv)
        lg_role_scan(ex->lx, &ex->role_state, ex->cp, ex->n);
    for (size_t k = 0; k < f->nv; k++) {
        rec r;
        if (table_line_taken(ex, ex->c[f->values[k].start].line))
            continue; /* the table reader's cell */
        if (make_record(ex, f, k, cells, ncells, &r))
            return -1;
        int rc = ex->settled ? emit_record(ex, &r, ex->s.data) : hold_record(ex, &r);
        if (rc)
            return rc;
        text_reset(prev); /* (the name, its change word left out) */
        text_append(prev, ex->metric.data, ex->named_len);
    }
    return 0;
}

/* Years, values and places of the sentence into f. */
static int find_mentions(lg_extractor *ex, found *f, value *stack, size_t stack_cap)
{
    f->nym = may_name_year(ex) ? find_years(ex, f->ym, MAX_MENTIONS) : 0;
    const year_mention *ym = f->ym;
    if (f->nym && ym[0].start == 0 && !ym[0].comparison && !ym[0].target &&
        (cp_at(ex, ym[0].end) == 0xFF0C || cp_at(ex, ym[0].end) == ',')) {
        ex->para_year = ym[0];
        ex->have_para_year = 1;
    }
    if (find_values(ex, f, stack, stack_cap))
        return -1;
    governing_year(ex, f);
    /* places matter only for values, and for the report's own city; once
     * that is known, places after the last value (and the words right
     * after it) cannot matter */
    size_t place_limit = ex->n;
    if (ex->settled && f->nv && f->values[f->nv - 1].end + PLACE_LOOKAHEAD_CHARS < ex->n)
        place_limit = f->values[f->nv - 1].end + PLACE_LOOKAHEAD_CHARS;
    f->npm = f->nv || !ex->settled ? find_places(ex, f->pm, MAX_MENTIONS, place_limit) : 0;
    return 0;
}

static int extract_sentence(lg_extractor *ex)
{
    year_mention ym[MAX_MENTIONS];
    place_mention pm[MAX_MENTIONS];
    value stack[VALUES_ON_STACK];
    found f = {stack, 0, ym, 0, pm, 0};
    int rc = find_mentions(ex, &f, stack, sizeof stack / sizeof *stack);
    if (rc == 0) {
        /* a table's labels (广东 | 31392 | 河北 |) list places: no vote
         * for the report's own */
        if (!ex->settled && !table_line_taken(ex, ex->c[0].line))
            observe_report(ex, &f);
        cell cells[MAX_CELLS];
        size_t ncells = 0;
        if (ex->flags & LG_SENT_TABLE_ROW) {
            ncells = split_cells(ex, cells);
            int has_cjk = 0;
            for (size_t i = 0; i < ex->n && !has_cjk; i++)
                has_cjk = is_cjk(ex->cp[i]);
            if (f.nv == 0 && has_cjk)
                table_header(ex, cells, ncells, &f);
        } else if (ex->flags & LG_SENT_PARA_START) {
            ex->table_cols = 0;
        }
        if (!ex->settled)
            note_latest_year(ex, &f);
        rc = records(ex, &f, cells, ncells);
        remember_kinds(ex, &f);
        remember_deeds(ex);
    }
    if (f.values != stack)
        free(f.values);
    return rc;
}

/* A paragraph's opening may be a heading that opens or closes a plan
 * section; its first characters are enough, and it is read whether or
 * not the sentence holds a value. */
static void note_paragraph_start(lg_extractor *ex, const lg_char *chars, size_t n)
{
    uint32_t head[48] = {0};
    size_t len = n < 48 ? n : 48;
    for (size_t i = 0; i < len; i++)
        head[i] = chars[i].cp;
    lg_role_sentence(ex->lx, &ex->role_state, head, len, 1);
}

int lg_extractor_sentence(void *extractor, const lg_char *chars, size_t n, unsigned flags)
{
    lg_extractor *ex = extractor;
    ex->flags = flags;
    if (flags & LG_SENT_PARA_START) {
        ex->have_para_year = ex->after_semicolon = 0;
        ex->nkinds = ex->ndeeds = 0; /* the kinds a paragraph named are its own */
        note_paragraph_start(ex, chars, n);
    }
    if (!ex->after_semicolon)
        ex->have_clause_year = 0;
    ex->after_semicolon = n && (chars[n - 1].cp == 0xFF1B /* ； */ || chars[n - 1].cp == ';');
    if (ex->status != LG_OK)
        return 1;
    if (n && table_release(ex, chars[0].line))
        return 1;
    /* (before the report is settled every sentence is read: no need to
     * look for a numeral) */
    if (n && (!ex->settled || has_numeral(ex, chars, n))) {
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

int lg_extractor_chars(void *extractor, const lg_char *chars, size_t n)
{
    lg_extractor *ex = extractor;
    return ex->status != LG_OK || table_take_chars(ex, chars, n);
}

int lg_extractor_chars_end(lg_extractor *ex)
{
    return ex->status != LG_OK || table_end_input(ex);
}

lg_status lg_extractor_finish(lg_extractor *ex)
{
    if (ex->status == LG_OK)
        table_end_input(ex);
    if (ex->status == LG_OK)
        table_release(ex, LLONG_MAX);
    settle(ex);
    return ex->status;
}

lg_status lg_extractor_status(const lg_extractor *ex)
{
    return ex->status;
}

/* Match data for the year pattern. */
static pcre2_match_data *match_data_for(const lg_lexicon *lx)
{
    return pcre2_match_data_create_from_pattern(lx->year_re, NULL);
}

lg_status lg_extractor_new(lg_extractor **out, const lg_config *config,
                           const char *file, const char *doc)
{
    *out = NULL;
    lg_status st = LG_OK;
    const lg_lexicon *lx = config->lexicon ? config->lexicon : lx_defaults(&st);
    if (st != LG_OK)
        return st;
    if (!lx->compiled)
        return LG_ERR_REGEX;
    lg_extractor *ex = calloc(1, sizeof *ex);
    if (!ex)
        return LG_ERR_NOMEM;
    ex->cfg = config;
    ex->lx = lx;
    ex->file = file;
    ex->doc = doc;
    ex->report_city = ex->opening_city = ex->report_county = -1;
    ex->city_votes = calloc((size_t)lg_place_count(), sizeof *ex->city_votes);
    ex->md = match_data_for(lx);
    if (!ex->md || !ex->city_votes || table_reader_new(ex)) {
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
    free_held(ex);
    table_reader_free(ex);
    free(ex->cb);
    free(ex->cp);
    free(ex->cls);
    text_free(&ex->s);
    text_free(&ex->context);
    text_free(&ex->metric);
    text_free(&ex->prev);
    text_free(&ex->txt);
    for (size_t i = 0; i < MAX_CELLS; i++)
        text_free(&ex->table_header[i]);
    pcre2_match_data_free(ex->md);
    free(ex);
}
