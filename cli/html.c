/* html.c - --format html: a review page, one self-contained HTML file in
 * which an analyst checks each figure against the report's text.
 *
 * Owns: the page (head with its Content-Security-Policy, style and script,
 * embedded from cli/html/ by tools/embed_html.py), and for each document
 * its header, its normalized text paragraph by paragraph with every
 * record's value marked in place, its table of records and its summary.
 * Reads: the sentences and records the library passes (lawgov.h), the
 * field list of the settings, record_field_text() of emit.c.
 *
 * Streaming: the text is written as it is read.  A sentence waits only
 * until no record can still fall in it: records come in input order (one
 * in a later sentence completes the sentences before it), and before the
 * sentence that follows LG_HOLD_CHARS characters of sentences from their
 * own.  Table rows go to a temporary file (disk, not memory) and are
 * copied after the text; the summary (counts, city, year, warnings) comes
 * last, and the page's style and script show it in the document's header.
 *
 * Safety: every byte of input (text, file names, fields) goes through
 * write_escaped(); nothing from the input ever lands in an attribute
 * other than class names built from [a-z] alone. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* build/gen/html_assets.c, from cli/html/ */
extern const char html_page_css[], html_page_js[], html_page_csp[];

#define WARNINGS_KEPT 20
/* Rows shown at first: a browser takes tens of seconds to lay out the
 * 40,000 rows of a 10 MB report; the page's script shows the rest on
 * demand. */
#define ROWS_SHOWN 2000
#define KIND_CLASS_MAX 16
#define STR(x) #x
#define XSTR(x) STR(x)

typedef struct mark {
    size_t from, to;      /* bytes of the sentence's text */
    long long record;     /* 1-based, within the document */
    char kind[KIND_CLASS_MAX];
    int missing;          /* the record has no city or no year */
} mark;

/* A sentence waiting for its records. */
typedef struct pending {
    char *text;
    size_t len;
    long long *offsets;   /* input offset of each character */
    uint32_t *bytes;      /* where each character starts in text */
    size_t n;
    long long line;
    unsigned flags;
    mark *marks;
    size_t n_marks, cap_marks;
} pending;

/* How often each distinct string came: kinds, cities, years. */
typedef struct tally {
    char **names;
    long long *counts;
    size_t n, cap;
} tally;

struct html_doc {
    FILE *rows;               /* the table's rows, until the text is written */
    pending *q;               /* sentences waiting, oldest first */
    size_t q_len, q_cap, q_chars;
    int para_open;
    long long records, unplaced, no_city, no_year;
    tally kinds, cities, years;
    char *encoding;
    int settled;              /* on_report came: the report's own city and year */
    char *report_place;       /* its city (and county), or NULL */
    int report_year;
    char *warnings[WARNINGS_KEPT];
    int n_warnings;
    long long more_warnings;
};

/* ---- escaping ------------------------------------------------------------ */

/* s[0, n) as HTML text, safe in element content and in quoted attribute
 * values alike.  C0 controls (which HTML forbids) show as their control
 * pictures (U+2400...), DEL as U+2421; everything else is written as
 * it is: the library's strings are valid UTF-8. */
static void write_escaped(FILE *fp, const char *s, size_t n)
{
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        const char *rep = NULL;
        char pic[4];
        switch (c) {
        case '&': rep = "&amp;"; break;
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '"': rep = "&quot;"; break;
        case '\'': rep = "&#39;"; break;
        default:
            if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F) {
                unsigned cp = c == 0x7F ? 0x2421 : 0x2400 + c;
                pic[0] = (char)(0xE0 | (cp >> 12));
                pic[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
                pic[2] = (char)(0x80 | (cp & 0x3F));
                pic[3] = '\0';
                rep = pic;
            }
        }
        if (!rep)
            continue;
        fwrite(s + run, 1, i - run, fp);
        fputs(rep, fp);
        run = i + 1;
    }
    fwrite(s + run, 1, n - run, fp);
}

static void write_escaped_str(FILE *fp, const char *s)
{
    write_escaped(fp, s, strlen(s));
}

/* A kind as a class name: "k-" and its letters when it is [a-z]+ (every
 * kind the library knows), else "k-other". */
static void kind_class(const char *kind, char *out, size_t size)
{
    size_t n = kind ? strspn(kind, "abcdefghijklmnopqrstuvwxyz") : 0;
    if (!kind || n == 0 || kind[n] != '\0' || n + 3 > size)
        kind = "other", n = 5;
    snprintf(out, size, "k-%.*s", (int)n, kind);
}

/* ---- the page ------------------------------------------------------------ */

void html_page_begin(FILE *fp)
{
    fputs("<!DOCTYPE html>\n<html lang=\"zh-Hans\">\n<head>\n<meta charset=\"utf-8\">\n"
          "<meta http-equiv=\"Content-Security-Policy\" content=\"", fp);
    fputs(html_page_csp, fp);
    fputs("\">\n<meta name=\"referrer\" content=\"no-referrer\">\n"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
          "<meta name=\"generator\" content=\"" PROG " " LG_VERSION "\">\n"
          "<title>" PROG ": review</title>\n<style>", fp);
    fputs(html_page_css, fp);
    fputs("</style>\n</head>\n<body>\n<main>\n", fp);
}

void html_page_end(FILE *fp)
{
    fputs("</main>\n<footer class=\"page-foot\">" PROG " " LG_VERSION
          " review page: values marked in the report's normalized text</footer>\n<script>", fp);
    fputs(html_page_js, fp);
    fputs("</script>\n</body>\n</html>\n", fp);
}

/* ---- tallies --------------------------------------------------------------- */

static int tally_add(tally *t, const char *name)
{
    for (size_t i = 0; i < t->n; i++)
        if (strcmp(t->names[i], name) == 0) {
            t->counts[i]++;
            return 0;
        }
    if (t->n == t->cap) {
        size_t cap = t->cap ? 2 * t->cap : 16;
        char **names = realloc(t->names, cap * sizeof *names);
        if (!names)
            return -1;
        t->names = names;
        long long *counts = realloc(t->counts, cap * sizeof *counts);
        if (!counts)
            return -1;
        t->counts = counts;
        t->cap = cap;
    }
    if (!(t->names[t->n] = strdup(name)))
        return -1;
    t->counts[t->n++] = 1;
    return 0;
}

/* The most frequent name (the first of equals), or -1 when none. */
static long tally_top(const tally *t)
{
    long best = -1;
    for (size_t i = 0; i < t->n; i++)
        if (best < 0 || t->counts[i] > t->counts[best])
            best = (long)i;
    return best;
}

static void tally_free(tally *t)
{
    for (size_t i = 0; i < t->n; i++)
        free(t->names[i]);
    free(t->names);
    free(t->counts);
}

/* ---- sentences waiting for their records ----------------------------------- */

static void pending_free(pending *p)
{
    free(p->text);
    free(p->offsets);
    free(p->bytes);
    free(p->marks);
}

/* The array items (*cap items of size bytes, len in use) with room for one
 * more: itself, or grown (first: the size of its first allocation).
 * Returns NULL on no memory, items and *cap then unchanged. */
static void *grow_for_one(void *items, size_t *cap, size_t len, size_t size, size_t first)
{
    if (len < *cap)
        return items;
    size_t more = *cap ? 2 * *cap : first;
    void *grown = realloc(items, more * size);
    if (grown)
        *cap = more;
    return grown;
}

static int pending_push(html_doc *h, const lg_sentence *s)
{
    pending *q = grow_for_one(h->q, &h->q_cap, h->q_len, sizeof *q, 64);
    if (!q)
        return -1;
    h->q = q;
    pending *p = &h->q[h->q_len];
    memset(p, 0, sizeof *p);
    p->text = malloc(s->len + 1);
    p->offsets = malloc((s->n_chars + 1) * sizeof *p->offsets);
    p->bytes = malloc((s->n_chars + 1) * sizeof *p->bytes);
    if (!p->text || !p->offsets || !p->bytes) {
        pending_free(p);
        return -1;
    }
    memcpy(p->text, s->text, s->len + 1);
    p->len = s->len;
    p->n = s->n_chars;
    for (size_t i = 0; i < s->n_chars; i++) {
        p->offsets[i] = s->chars[i].offset;
        p->bytes[i] = (uint32_t)s->chars[i].byte;
    }
    p->line = s->n_chars ? s->chars[0].line : 0;
    p->flags = s->flags;
    h->q_len++;
    h->q_chars += s->n_chars;
    return 0;
}

/* Write one sentence, its marks in place, opening a paragraph if it
 * starts one. */
static void write_sentence(FILE *fp, html_doc *h, const pending *p)
{
    if (p->n == 0) {  /* an empty sentence can only end a paragraph */
        if ((p->flags & LG_SENTENCE_PARA_START) && h->para_open)
            fputs("</p>\n", fp);
        h->para_open &= !(p->flags & LG_SENTENCE_PARA_START);
        return;
    }
    if ((p->flags & LG_SENTENCE_PARA_START) || !h->para_open) {
        if (h->para_open)
            fputs("</p>\n", fp);
        fprintf(fp, "<p data-line=\"%lld\"%s>", p->line,
                p->flags & LG_SENTENCE_TABLE_ROW ? " class=\"row\"" : "");
        h->para_open = 1;
    }
    size_t at = 0;
    for (size_t i = 0; i < p->n_marks; i++) {
        const mark *m = &p->marks[i];
        write_escaped(fp, p->text + at, m->from - at);
        fprintf(fp, "<mark class=\"%s%s\" data-r=%lld tabindex=0>", m->kind,
                m->missing ? " miss" : "", m->record);
        write_escaped(fp, p->text + m->from, m->to - m->from);
        fputs("</mark>", fp);
        at = m->to;
    }
    write_escaped(fp, p->text + at, p->len - at);
}

/* Write the first count sentences waiting and forget them. */
static void flush_pending(FILE *fp, html_doc *h, size_t count)
{
    if (count == 0)
        return;
    for (size_t i = 0; i < count; i++) {
        write_sentence(fp, h, &h->q[i]);
        h->q_chars -= h->q[i].n;
        pending_free(&h->q[i]);
    }
    memmove(h->q, h->q + count, (h->q_len - count) * sizeof *h->q);
    h->q_len -= count;
}

int html_sentence(output *out, const lg_sentence *s)
{
    html_doc *h = out->html;
    if (!h)
        return out->error = ENOMEM, -1;
    if (!h->encoding && s->encoding)
        h->encoding = strdup(s->encoding);
    /* a sentence followed by LG_HOLD_CHARS characters of sentences, its
     * own first, has had all its records (lawgov.h): this bounds what
     * waits, whether or not records come */
    size_t complete = 0, chars = h->q_chars;
    while (complete < h->q_len && chars >= LG_HOLD_CHARS)
        chars -= h->q[complete++].n;
    flush_pending(out->fp, h, complete);
    if (pending_push(h, s) != 0)
        return out->error = ENOMEM, -1;
    return 0;
}

/* ---- records ---------------------------------------------------------------- */

/* The index of the sentence waiting whose characters hold offset, or
 * h->q_len. */
static size_t sentence_of(const html_doc *h, long long offset)
{
    for (size_t i = 0; i < h->q_len; i++) {
        const pending *p = &h->q[i];
        if (p->n && p->offsets[0] <= offset && offset <= p->offsets[p->n - 1])
            return i;
    }
    return h->q_len;
}

/* Does text stand at character i of p? */
static int text_at(const pending *p, size_t i, const char *text, size_t len)
{
    size_t from = p->bytes[i];
    return from + len <= p->len && memcmp(p->text + from, text, len) == 0;
}

/* The character of p whose input offset is offset and where text starts,
 * or p->n.  Offsets rise through a sentence; several characters may share
 * one (a repair that made two of one). */
static size_t char_at_offset(const pending *p, long long offset, const char *text, size_t len)
{
    size_t lo = 0, hi = p->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (p->offsets[mid] < offset)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t i = lo; i < p->n && p->offsets[i] == offset; i++)
        if (text_at(p, i, text, len))
            return i;
    for (size_t i = 0; i < p->n; i++)  /* offsets out of order: look at each */
        if (p->offsets[i] == offset && text_at(p, i, text, len))
            return i;
    return p->n;
}

/* Mark the record's text in the sentence that holds it.  Returns 1 when
 * marked, 0 when the text is not there (the record is listed unmarked),
 * -1 when memory ran out. */
static int place_mark(output *out, html_doc *h, const lg_record *r, int missing)
{
    size_t si = sentence_of(h, r->offset);
    if (si == h->q_len || !r->text)
        return 0;
    /* records come in order: every sentence before this one is complete */
    flush_pending(out->fp, h, si);
    pending *p = &h->q[0];
    size_t len = strlen(r->text);
    size_t ci = len ? char_at_offset(p, r->offset, r->text, len) : p->n;
    if (ci == p->n)
        return 0;
    size_t from = p->bytes[ci];
    if (p->n_marks && p->marks[p->n_marks - 1].to > from)
        return 0;  /* overlaps the mark before */
    mark *marks = grow_for_one(p->marks, &p->cap_marks, p->n_marks, sizeof *marks, 8);
    if (!marks)
        return -1;
    p->marks = marks;
    mark *m = &p->marks[p->n_marks++];
    m->from = from;
    m->to = from + len;
    m->record = h->records;
    m->missing = missing;
    kind_class(r->kind, m->kind, sizeof m->kind);
    return 1;
}

/* The fields the table shows: all of --fields but those the page shows
 * otherwise (file and doc in the header, context is the text itself), and
 * the offset and adcode, which mean nothing to a reader checking names. */
static int table_field(field_id f)
{
    return f != FIELD_FILE && f != FIELD_DOC && f != FIELD_CONTEXT && f != FIELD_OFFSET &&
           f != FIELD_ADCODE;
}

/* The table's columns: the name first, as an analyst reads a row, then
 * the figure, then where and when; fields not named here (any the record
 * format gains) follow in --fields order.  Returns their number. */
static int table_columns(const settings *set, field_id *cols)
{
    static const char *const order[] = {
        "metric", "indicator", "role", "value", "unit", "kind", "year", "period",
        "city", "district", "qualifier", "text", "line",
    };
    int n = 0, used[FIELD_COUNT] = {0};
    for (size_t k = 0; k < sizeof order / sizeof *order; k++)
        for (int i = 0; i < set->field_count; i++) {
            field_id f = set->fields[i];
            if (!used[f] && table_field(f) && strcmp(field_name(f), order[k]) == 0)
                used[f] = 1, cols[n++] = f;
        }
    for (int i = 0; i < set->field_count; i++)
        if (!used[set->fields[i]] && table_field(set->fields[i]))
            used[set->fields[i]] = 1, cols[n++] = set->fields[i];
    return n;
}

/* The class of a column's cells, for the style: the name wraps, the
 * value aligns right, a missing city or year shows. */
static const char *cell_class(field_id f)
{
    switch (f) {
    case FIELD_METRIC: return "<td class=m>";
    case FIELD_VALUE: return "<td class=v>";
    case FIELD_YEAR: return "<td class=y>";
    case FIELD_CITY: return "<td class=c>";
    default: return "<td>";
    }
}

/* A row of the table.  A 10 MB report has some 40,000 of them: each is
 * written as small as HTML allows (end tags of cells are implied; the page's script makes the number cell a control), since the
 * browser's time to open the page grows with its elements and bytes. */
static void write_row(FILE *fp, const settings *set, const lg_record *r, long long n,
                      int placed)
{
    char kind[KIND_CLASS_MAX], buf[32];
    kind_class(r->kind, kind, sizeof kind);
    fprintf(fp, "<tr class=\"%s%s%s%s\" data-r=%lld%s><td class=n>%lld", kind,
            r->city ? "" : " no-city", r->year ? "" : " no-year", placed ? "" : " unplaced", n,
            n > ROWS_SHOWN ? " hidden" : "", n);
    field_id cols[FIELD_COUNT];
    int ncols = table_columns(set, cols);
    for (int i = 0; i < ncols; i++) {
        const char *v = record_field_text(r, cols[i], buf, sizeof buf);
        fputs(cell_class(cols[i]), fp);
        if (v)
            write_escaped_str(fp, v);
    }
    fputs("</tr>\n", fp);  /* the line break must not fall in the last cell */
}

int html_record(output *out, const settings *set, const lg_record *r)
{
    html_doc *h = out->html;
    if (!h)
        return out->error = ENOMEM, -1;
    h->records++;
    char year[16];
    snprintf(year, sizeof year, "%d", r->year);
    h->no_city += !r->city;
    h->no_year += !r->year;
    if (tally_add(&h->kinds, r->kind ? r->kind : "none") != 0 ||
        (r->city && tally_add(&h->cities, r->city) != 0) ||
        (r->year && tally_add(&h->years, year) != 0))
        return out->error = ENOMEM, -1;
    int placed = place_mark(out, h, r, !r->city || !r->year);
    if (placed < 0)
        return out->error = ENOMEM, -1;
    h->unplaced += !placed;
    write_row(h->rows, set, r, h->records, placed);
    if (ferror(h->rows))
        return out->error = errno ? errno : EIO, -1;
    return 0;
}

void html_warning(output *out, const char *message)
{
    html_doc *h = out->html;
    if (!h)
        return;
    if (h->n_warnings < WARNINGS_KEPT && (h->warnings[h->n_warnings] = strdup(message)))
        h->n_warnings++;
    else
        h->more_warnings++;
}

/* ---- a document ---------------------------------------------------------------- */

static void doc_free(html_doc *h)
{
    if (!h)
        return;
    if (h->rows)
        fclose(h->rows);
    for (size_t i = 0; i < h->q_len; i++)
        pending_free(&h->q[i]);
    free(h->q);
    tally_free(&h->kinds);
    tally_free(&h->cities);
    tally_free(&h->years);
    free(h->encoding);
    free(h->report_place);
    for (int i = 0; i < h->n_warnings; i++)
        free(h->warnings[i]);
    free(h);
}

void html_release(output *out)
{
    doc_free(out->html);
    out->html = NULL;
}

int html_document_begin(output *out, const settings *set, const char *file, const char *doc)
{
    (void)set;
    html_release(out);
    html_doc *h = calloc(1, sizeof *h);
    if (!h || !(h->rows = tmpfile())) {
        int e = h ? errno : ENOMEM;
        free(h);
        out->error = e ? e : ENOMEM;
        return -1;
    }
    out->html = h;
    FILE *fp = out->fp;
    fputs("<article class=\"doc\">\n<header class=\"doc-head\"><h1 class=\"file\">", fp);
    write_escaped_str(fp, file);
    fputs("</h1>", fp);
    if (doc) {
        fputs("<p class=\"docid\">document <span>", fp);
        write_escaped_str(fp, doc);
        fputs("</span></p>", fp);
    }
    fputs("</header>\n<div class=\"body\">\n<section class=\"text\" aria-label=\"Text of the report\">\n", fp);
    return 0;
}

static void write_table_head(FILE *fp, const settings *set, long long records)
{
    fprintf(fp, "<table class=\"rec\" data-show=%d><caption>%lld record%s%s</caption>\n"
            "<thead><tr><th scope=\"col\" data-f=\"n\">#</th>",
            ROWS_SHOWN, records, records == 1 ? "" : "s",
            records > ROWS_SHOWN ? " (the first " XSTR(ROWS_SHOWN) " shown; printing shows all)" : "");
    field_id cols[FIELD_COUNT];
    int ncols = table_columns(set, cols);
    for (int i = 0; i < ncols; i++)
        fprintf(fp, "<th scope=\"col\" data-f=\"%s\">%s</th>", field_name(cols[i]),
                field_name(cols[i]));
    fputs("</tr></thead>\n<tbody>\n", fp);
}

/* Append the rows from their temporary file. */
static int copy_rows(FILE *fp, html_doc *h)
{
    char buf[65536];
    size_t got;
    if (fflush(h->rows) != 0 || fseek(h->rows, 0, SEEK_SET) != 0)
        return -1;
    while ((got = fread(buf, 1, sizeof buf, h->rows)) > 0)
        if (fwrite(buf, 1, got, fp) != got)
            return -1;
    return ferror(h->rows) ? -1 : 0;
}

void html_report(output *out, const lg_report *report)
{
    html_doc *h = out->html;
    if (!h || h->settled)
        return;
    h->settled = 1;
    h->report_year = report->year;
    if (report->city) {
        size_t n = strlen(report->city) + (report->district ? strlen(report->district) + 1 : 0);
        if ((h->report_place = malloc(n + 1)) != NULL)
            snprintf(h->report_place, n + 1, "%s%s%s", report->city,
                     report->district ? " " : "", report->district ? report->district : "");
    }
}

/* The report's own city or year as the extractor settled it, then how many
 * records carry which (their sentences may name others). */
static void write_detected(FILE *fp, const char *label, const char *detected, const tally *t,
                           long long records)
{
    fprintf(fp, "<div><dt>%s</dt><dd>", label);
    if (detected)
        write_escaped_str(fp, detected);
    else
        fputs("<span class=\"none-val\">not found in the text</span>", fp);
    long top = tally_top(t);
    if (top >= 0) {
        fputs(" <span class=\"how\">(", fp);
        if (!detected || strncmp(detected, t->names[top], strlen(t->names[top])) != 0) {
            write_escaped_str(fp, t->names[top]);
            fputs(": ", fp);
        }
        fprintf(fp, "%lld of %lld records)</span>", t->counts[top], records);
    }
    fputs("</dd></div>", fp);
}

/* "包头市" and "(40 of 45 records)", or "none" */
static void write_most(FILE *fp, const char *label, const tally *t, long long records)
{
    long top = tally_top(t);
    fprintf(fp, "<div><dt>%s</dt><dd>", label);
    if (top < 0) {
        fputs("<span class=\"none-val\">none: no record has one</span>", fp);
    } else {
        write_escaped_str(fp, t->names[top]);
        fprintf(fp, " <span class=\"how\">%lld of %lld records</span>", t->counts[top], records);
    }
    fputs("</dd></div>", fp);
}

static void write_warnings(FILE *fp, const html_doc *h, lg_status status)
{
    int any = h->n_warnings || h->more_warnings || h->unplaced ||
              (status != LG_OK && status != LG_ERR_STOPPED);
    if (!any)
        return;
    fputs("<ul class=\"warnings\" aria-label=\"Warnings\">", fp);
    for (int i = 0; i < h->n_warnings; i++) {
        fputs("<li>", fp);
        write_escaped_str(fp, h->warnings[i]);
        fputs("</li>", fp);
    }
    if (h->more_warnings)
        fprintf(fp, "<li>and %lld more warnings</li>", h->more_warnings);
    if (status != LG_OK && status != LG_ERR_STOPPED)
        fprintf(fp, "<li>extraction stopped: %s; the text and records end there</li>",
                lg_status_str(status));
    if (h->unplaced)
        fprintf(fp, "<li>%lld record%s could not be marked in the text (listed, marked &#8220;unplaced&#8221;)</li>",
                h->unplaced, h->unplaced == 1 ? "" : "s");
    fputs("</ul>", fp);
}

static void write_summary(FILE *fp, const html_doc *h, lg_status status)
{
    fputs("<section class=\"summary\" aria-label=\"Summary\">\n<dl class=\"facts\">", fp);
    if (h->settled) {
        char year[16];
        snprintf(year, sizeof year, "%d", h->report_year);
        write_detected(fp, "City", h->report_place, &h->cities, h->records);
        write_detected(fp, "Year", h->report_year ? year : NULL, &h->years, h->records);
    } else {
        write_most(fp, "City", &h->cities, h->records);
        write_most(fp, "Year", &h->years, h->records);
    }
    fputs("<div><dt>Encoding</dt><dd>", fp);
    write_escaped_str(fp, h->encoding ? h->encoding : "none (empty input)");
    fprintf(fp, "</dd></div><div><dt>Records</dt><dd>%lld", h->records);
    if (h->no_city || h->no_year)
        fprintf(fp, " <span class=\"how miss-note\">%lld without city, %lld without year</span>",
                h->no_city, h->no_year);
    fputs("</dd></div></dl>\n", fp);
    if (h->kinds.n)
        fputs("<ul class=\"kinds\" aria-label=\"Records by kind\">", fp);
    for (size_t i = 0; i < h->kinds.n; i++) {
        char kind[KIND_CLASS_MAX];
        kind_class(h->kinds.names[i], kind, sizeof kind);
        fprintf(fp, "<li class=\"%s\"><span class=\"sw\"></span>", kind);
        write_escaped_str(fp, h->kinds.names[i]);
        fprintf(fp, " <b>%lld</b></li>", h->kinds.counts[i]);
    }
    if (h->kinds.n)
        fputs("</ul>\n", fp);
    write_warnings(fp, h, status);
    fputs("\n</section>\n", fp);
}

int html_document_end(output *out, const settings *set, lg_status status)
{
    html_doc *h = out->html;
    if (!h)
        return -1;
    FILE *fp = out->fp;
    flush_pending(fp, h, h->q_len);
    if (h->para_open)
        fputs("</p>\n", fp);
    else
        fputs("<p class=\"empty\">No text.</p>\n", fp);
    fputs("</section>\n<section class=\"records\" aria-label=\"Records\">\n", fp);
    write_table_head(fp, set, h->records);
    int rc = copy_rows(fp, h);
    if (rc != 0 && !out->error)
        out->error = errno ? errno : EIO;
    fputs("</tbody></table>\n</section>\n</div>\n", fp);
    write_summary(fp, h, status);
    fputs("</article>\n", fp);
    html_release(out);
    return rc;
}
