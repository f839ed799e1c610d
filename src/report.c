/* report.c - the report's own city and year, records held back until they
 * are known, and emission.
 *
 * Owns: what the opening says (a reviewed or annual year, a report
 * announced, a span opening the first prose, the header's date, the first
 * city, a province's own report), votes for the city,
 * settling both once SETTLE_CHARS have been read, holding records and
 * their sentences until then, a record's context window, and turning a
 * held record into an lg_record for the callback.
 * Reads: the sentence, its years and places; the gazetteer; the config's
 * defaults; the lexicon's [review-words], [announce-when], [announce-verbs],
 * [document-verbs]. */
#include <stdio.h>
#include <stdlib.h>

#include "extract_int.h"
#include "indicator.h"
#include "place.h"

/* A record's context is its sentence; a sentence longer than this (a
 * paragraph with no 。, a flood of numbers) gives a window around the
 * value instead, so output stays in proportion to input. */
#define CONTEXT_MAX_CHARS 300
#define CONTEXT_SIDE_CHARS 120

void context_window(const lg_extractor *ex, const value *v, rec *r)
{
    size_t a = 0, b = ex->n;
    if (ex->n > CONTEXT_MAX_CHARS) {
        a = v->start > CONTEXT_SIDE_CHARS ? v->start - CONTEXT_SIDE_CHARS : 0;
        b = v->end + CONTEXT_SIDE_CHARS < ex->n ? v->end + CONTEXT_SIDE_CHARS : ex->n;
    }
    r->ctx_from = ex->cb[a];
    r->ctx_len = ex->cb[b] - ex->cb[a];
}

/* The record's city, district and code. */
static void record_place(const lg_extractor *ex, const rec *r, lg_record *out)
{
    int place = r->place;
    if (r->city_mode == CITY_REPORT)
        place = ex->report_county >= 0 && lg_place_city_of(ex->report_county) == ex->report_city
                    ? ex->report_county : ex->report_city;
    if (r->city_mode != CITY_NONE && place >= 0) {
        const lg_place *p = lg_place_get(place);
        int city = lg_place_city_of(place);
        const lg_place *cp = city >= 0 ? lg_place_get(city) : NULL;
        out->city = cp ? cp->name : NULL;
        out->district = p && p->level == LG_COUNTY ? p->name : NULL;
        out->adcode = p ? p->adcode : NULL;
    } else if (r->city_mode != CITY_NONE && ex->cfg->default_city) {
        out->city = ex->cfg->default_city;
    }
}

/* The year 今年 and 去年 count from: the header's date when it is the
 * report's year or the next (莆田晚报 2013-1-19: 去年 is 2012 in news of
 * 2012's figures) - but an annual report whose opening names the year it
 * reviews (澧浦镇2023年度…报告, published 2024-01-31) says 今年 of that
 * year; the year after the report's in news of a published report; else
 * 0, and they count from the report's year. */
static int writing_year(const lg_extractor *ex)
{
    int w = ex->written_year, y = ex->report_year;
    if (w && (w == y || (w == y + 1 && !(ex->opening_reviews && y == ex->opening_year))))
        return w;
    return ex->written_after ? y + 1 : 0;
}

/* The record's year, and its period written into period[size]. */
static void record_year(const lg_extractor *ex, const rec *r, lg_record *out, char *period,
                        size_t size)
{
    int year = 0;
    if (r->year_mode == YEAR_EXPLICIT)
        year = r->year;
    else if (ex->report_year && r->from_now && writing_year(ex))
        year = writing_year(ex) + r->year;
    else if (ex->report_year)
        year = ex->report_year + r->year;
    out->year = year;
    if (r->period_mode == PERIOD_SPAN) {
        snprintf(period, size, "%d/%d", r->period_a, r->period_b);
        out->period = period;
    } else if (r->period_mode == PERIOD_SINCE && ex->report_year > r->period_a) {
        snprintf(period, size, "%d/%d", r->period_a, ex->report_year);
        out->period = period;
    } else if (r->period_mode == PERIOD_SINCE_BACK && year) {
        snprintf(period, size, "%d/%d", year - r->period_b, year);
        out->period = period;
    } else if (r->period_mode == PERIOD_HALF && (r->period_a || year)) {
        snprintf(period, size, "%d-H%d", r->period_a ? r->period_a : year, r->period_b);
        out->period = period;
    }
}

int emit_record(lg_extractor *ex, const rec *r, const char *sentence)
{
    /* a context that runs to the sentence's end is already a C string */
    const char *context = sentence + r->ctx_from;
    if (context[r->ctx_len] != '\0') {
        text_reset(&ex->context);
        if (text_append(&ex->context, context, r->ctx_len) != 0) {
            ex->status = LG_ERR_NOMEM;
            return 1;
        }
        context = ex->context.data;
    }
    lg_record out;
    memset(&out, 0, sizeof out);
    out.file = ex->file;
    out.doc = ex->doc;
    out.line = r->line;
    out.offset = r->offset;
    record_place(ex, r, &out);
    char period[32];
    record_year(ex, r, &out, period, sizeof period);
    out.metric = r->metric;
    out.value = lg_decimal_to_double(r->value_str);
    out.value_str = r->value_str;
    out.unit = r->unit;
    out.qualifier = r->qualifier;
    out.kind = r->kind;
    out.text = r->text;
    out.context = context;
    out.role = lg_role_settle(&r->role, out.year, ex->report_year);
    out.indicator = r->part ? NULL : lg_indicator_match(ex->lx->indicators, r->metric, r->unit, r->kind, context);
    if (ex->cfg->on_record(&out, ex->cfg->user)) {
        ex->status = LG_ERR_STOPPED;
        return 1;
    }
    return 0;
}

/* Keep context text for the records held from it. */
static int push_context(lg_extractor *ex, const char *s, size_t n)
{
    if (ex->held_ctx_len == ex->held_ctx_cap) {
        size_t cap = ex->held_ctx_cap ? ex->held_ctx_cap * 2 : 64;
        char **p = realloc(ex->held_ctx, cap * sizeof *p);
        if (!p)
            return -1;
        ex->held_ctx = p;
        ex->held_ctx_cap = cap;
    }
    char *ctx = text_dup(s, n);
    if (!ctx)
        return -1;
    ex->held_ctx[ex->held_ctx_len++] = ctx;
    return 0;
}

/* Keep the current sentence (once) for the records held from it. */
static int hold_sentence(lg_extractor *ex)
{
    if (ex->sentence_held)
        return 0;
    if (push_context(ex, ex->s.data, ex->s.len))
        return -1;
    ex->sentence_held = 1;
    return 0;
}

/* Hold r, whose context is the last one kept. */
static int push_held(lg_extractor *ex, rec *r)
{
    rec *held = grow_for_one(ex->held, &ex->held_cap, ex->held_len, sizeof *held, 64);
    if (!held)
        return -1;
    ex->held = held;
    r->metric = text_dup(r->metric, strlen(r->metric));
    r->text = text_dup(r->text, strlen(r->text));
    if (!r->metric || !r->text) {
        free(r->metric);
        free(r->text);
        return -1;
    }
    r->context = ex->held_ctx_len - 1;
    ex->held[ex->held_len++] = *r;
    return 0;
}

int hold_record(lg_extractor *ex, rec *r)
{
    if (hold_sentence(ex))
        return -1;
    return push_held(ex, r);
}

int hold_record_context(lg_extractor *ex, rec *r, const char *context)
{
    if (push_context(ex, context, strlen(context)))
        return -1;
    ex->sentence_held = 0; /* the next sentence's records keep their own */
    r->ctx_from = 0;
    r->ctx_len = strlen(context);
    return push_held(ex, r);
}

void free_held(lg_extractor *ex)
{
    for (size_t i = 0; i < ex->held_len; i++) {
        free(ex->held[i].metric);
        free(ex->held[i].text);
    }
    for (size_t i = 0; i < ex->held_ctx_len; i++)
        free(ex->held_ctx[i]);
    free(ex->held);
    free(ex->held_ctx);
    free(ex->city_votes);
    ex->held = NULL;
    ex->held_ctx = NULL;
    ex->city_votes = NULL;
    ex->held_len = ex->held_cap = ex->held_ctx_len = ex->held_ctx_cap = 0;
}

/* The report's city: the opening's, else the most named, else the default. */
static int settle_city(const lg_extractor *ex)
{
    int city = ex->opening_city;
    if (city < 0 && ex->city_votes && !ex->region_report) {
        int best = -1;
        for (int i = 0; i < lg_place_count(); i++)
            if (ex->city_votes[i] > 0 && (best < 0 || ex->city_votes[i] > ex->city_votes[best]))
                best = i;
        city = best;
    }
    if (city < 0 && ex->cfg->default_city)
        city = lg_place_lookup(ex->cfg->default_city, -1);
    return city;
}

/* lg_config.on_report: the report's city (and county) and year. */
static void tell_report(const lg_extractor *ex)
{
    if (!ex->cfg->on_report)
        return;
    int city = ex->report_city, county = ex->report_county;
    lg_report r = {ex->file, ex->doc, city >= 0 ? lg_place_get(city)->name : NULL,
                   county >= 0 && city >= 0 && lg_place_city_of(county) == city
                       ? lg_place_get(county)->name : NULL,
                   ex->report_year};
    ex->cfg->on_report(&r, ex->cfg->user);
}

void settle(lg_extractor *ex)
{
    if (ex->settled)
        return;
    ex->settled = 1;
    ex->report_year = ex->opening_year ? ex->opening_year : ex->latest_year;
    /* else the latest year named, or the year of writing when the header's
     * date is later still (继2016年…之后，今年… in news of 2020); a year
     * later only is an annual report's usual publication */
    if (!ex->report_year)
        ex->report_year = ex->written_year > ex->latest_mentioned + 1 ? ex->written_year
                                                                      : ex->latest_mentioned;
    if (!ex->report_year)
        ex->report_year = ex->cfg->default_year;
    ex->report_city = settle_city(ex);
    tell_report(ex);
    for (size_t i = 0; i < ex->held_len; i++) {
        rec *r = &ex->held[i];
        if (ex->status == LG_OK)
            emit_record(ex, r, ex->held_ctx[r->context]);
    }
    free_held(ex);
}

static int first_sentence_names_city(const found *f)
{
    for (size_t i = 0; i < f->npm; i++)
        if (lg_place_city_of(f->pm[i].id) >= 0)
            return 1;
    return 0;
}

/* 2019年北京市法治政府建设报告日前发布: news of a report published, so
 * written in the year after the one it reports on (its 去年 is that year). */
static int announces_report(const lg_extractor *ex, const year_mention *m)
{
    for (size_t i = m->end; i + 2 <= ex->n && !class_at(ex, i, CL_BREAK); i++) {
        if (!starts(ex, i, "报告"))
            continue;
        size_t j = i + 2;
        while (j < ex->n && class_at(ex, j, CL_QUOTE))
            j++;
        j += starts_any(ex, j, LX_ANNOUNCE_WHEN);
        if (starts_any(ex, j, LX_ANNOUNCE_VERBS))
            return 1;
    }
    return 0;
}

/* Is m a year the report may be about (not a base, a goal, a code or a
 * year in a document's 《title》)? */
static int plausible_year(const year_mention *m)
{
    return m->year && !m->comparison && !m->target && !m->in_title &&
           m->year <= LATEST_PLAUSIBLE_YEAR;
}

/* 审议2023年度法治政府建设情况报告, 印发灵丘县2024年…要点: a year after a
 * verb that handles a document (a place may stand between) names that
 * document, not the year the report reviews. */
static int names_document(const lg_extractor *ex, const found *f, const year_mention *m)
{
    size_t at = m->start;
    for (size_t i = 0; i < f->npm; i++)
        if (f->pm[i].end == at)
            at = f->pm[i].start;
    return ends_any(ex, at, LX_DOCUMENT_VERBS) != 0;
}

/* 2023年以来，我县…: a span opening the report's first sentence of prose
 * (the first with a clause break; a title, a document number or an
 * addressee may stand above it) is the year the report reviews.  Further
 * down (2016年以来，共办理…) it says only that the report is later. */
static int since_opens_prose(const lg_extractor *ex, const year_mention *m)
{
    return !m->year && m->period_mode == PERIOD_SINCE && m->start == 0 && !ex->prose_seen &&
           !m->comparison && !m->in_title &&
           (cp_at(ex, m->end) == 0xFF0C || cp_at(ex, m->end) == ',');
}

/* 亳州晚报 2020-03-20 10:10, 发布日期：2025-08-20: a date of the header
 * (above the first sentence of prose) is when the report was written. */
static void observe_written_date(lg_extractor *ex)
{
    for (size_t i = 0; i + 10 <= ex->n && !ex->written_year; i++) {
        if ((i > 0 && is_digit_cp(ex->cp[i - 1])) || !class_at(ex, i, CL_YEAR))
            continue;
        size_t k = i;
        while (k < ex->n && k < i + 4 && is_digit_cp(ex->cp[k]))
            k++;
        if (k != i + 4 || ex->cp[k] != '-' || !is_digit_cp(cp_at(ex, k + 1)))
            continue;
        size_t d = k + 1;
        while (d < ex->n && is_digit_cp(ex->cp[d]))
            d++;
        int year = atoi(ex->s.data + ex->cb[i]);
        if (d - k - 1 <= 2 && cp_at(ex, d) == '-' && is_digit_cp(cp_at(ex, d + 1)) &&
            year >= 1990 && year <= LATEST_PLAUSIBLE_YEAR)
            ex->written_year = year;
    }
}

/* Where the run of place names starting at char i ends (i when none):
 * the title 柳城县2025年…报告 names its place, then its year. */
static size_t after_places(const found *f, size_t i)
{
    for (size_t k = 0; k < f->npm; k++)
        if (f->pm[k].start == i)
            i = f->pm[k].end;
    return i;
}

/* 司法局2018年工作总结与2019年工作计划: the words after the year, up to a
 * mark, 与 or 和, end in [review-ends]. */
static int summed_up(const lg_extractor *ex, const year_mention *m)
{
    size_t e = m->end;
    while (e < ex->n && e - m->end < 16 && is_cjk(ex->cp[e]) && ex->cp[e] != 0x4E0E /* 与 */ &&
           ex->cp[e] != 0x548C /* 和 */)
        e++;
    return e > m->end && ends_any(ex, e, LX_REVIEW_ENDS) != 0;
}

/* The year the opening says the report is about. */
static void observe_opening_year(lg_extractor *ex, const found *f)
{
    for (size_t i = 0; i < f->nym && !ex->opening_year; i++) {
        const year_mention *m = &f->ym[i];
        if (since_opens_prose(ex, m)) {
            ex->opening_year = m->period_a;
            break;
        }
        if (!m->year || m->comparison || m->target)
            continue;
        int announced = announces_report(ex, m);
        if (!announced && (m->in_title || names_document(ex, f, m)))
            continue;
        /* (a title's 2018年工作总结; in a news item's body it may name another year's) */
        int reviewed = ends_any(ex, m->start, LX_REVIEW_WORDS) != 0 || (ex->chars_seen == 0 && summed_up(ex, m));
        int annual = ends(ex, m->end, "年度") != 0;
        int leads = cp_at(ex, m->end) == 0xFF0C || cp_at(ex, m->end) == ',' ||
                    (after_places(f, 0) == m->start && ex->chars_seen == 0);
        if (reviewed || annual || leads || announced)
            ex->opening_year = m->year;
        ex->opening_reviews = (reviewed || annual) && !announced;
        if (announced)
            ex->written_after = 1;
    }
}

/* 某县2024年法治政府建设工作要点, 关于印发《…实施方案》的通知: a title
 * (no clause mark) ending in a word of [plan-titles], or a notice of one,
 * makes the document a plan, every figure in it a target. */
static int plan_title(const lg_extractor *ex)
{
    size_t e = ex->n;
    while (e > 0 && (class_at(ex, e - 1, CL_BREAK) || ex->cp[e - 1] == 0x300B /* 》 */ || ex->cp[e - 1] == ' '))
        e--;
    if (!e || e > 80)
        return 0;
    for (size_t i = 0; i < e; i++)
        if (ex->cp[i] == 0xFF0C || ex->cp[i] == ',' || ex->cp[i] == 0x3002 || ends_any(ex, i + 1, LX_REVIEW_ENDS))
            return 0; /* (…2018年工作总结与2019年工作计划: a review first) */
    if (ends_any(ex, e, LX_PLAN_TITLES))
        return 1;
    if (!ends(ex, e, "通知"))
        return 0;
    for (size_t i = 1; i < e; i++)
        if (ex->cp[i] == 0x300B /* 》 */ && ends_any(ex, i, LX_PLAN_TITLES))
            return 1;
    return 0;
}

/* What the opening and the first part of the report say about its own
 * city and year. */
void observe_report(lg_extractor *ex, const found *f)
{
    int in_opening = ex->chars_seen < OPENING_CHARS;
    for (size_t i = 0; i < f->nym; i++)
        if (plausible_year(&f->ym[i]) && f->ym[i].year > ex->latest_mentioned)
            ex->latest_mentioned = f->ym[i].year;
    if (in_opening)
        observe_opening_year(ex, f);
    if (in_opening && !ex->prose_seen) {
        observe_written_date(ex);
        if (plan_title(ex))
            ex->role_state.plan_doc = 1;
    }
    for (size_t i = 0; i < ex->n && !ex->prose_seen; i++)
        ex->prose_seen = ex->cp[i] == 0xFF0C || ex->cp[i] == ',';
    for (size_t i = 0; i < f->npm; i++) {
        int city = lg_place_city_of(f->pm[i].id);
        if (city < 0) {
            /* 内蒙古自治区2023年法治政府建设报告: a province's own report
             * (unless a city follows at once: 内蒙古自治区包头市) */
            if (ex->chars_seen == 0 && !first_sentence_names_city(f))
                ex->region_report = 1;
            continue;
        }
        if (in_opening && ex->opening_city < 0 && !ex->region_report) {
            ex->opening_city = city;
            const lg_place *p = lg_place_get(f->pm[i].id);
            if (ex->chars_seen == 0 && p && p->level == LG_COUNTY)
                ex->report_county = f->pm[i].id;
        }
        if (ex->city_votes)
            ex->city_votes[city]++;
    }
}

/* The latest year the report gives figures for. */
void note_latest_year(lg_extractor *ex, const found *f)
{
    for (size_t k = 0; k < f->nv; k++)
        for (size_t i = 0; i < f->nym; i++)
            if (f->ym[i].end <= f->values[k].start && plausible_year(&f->ym[i]) &&
                f->ym[i].year > ex->latest_year)
                ex->latest_year = f->ym[i].year;
}
