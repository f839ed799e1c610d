/* emit.c - records out as JSON Lines, one JSON array, CSV or TSV.
 *
 * Every format writes the same cells in the order of set->fields.  Values
 * are the library's exact decimal strings (value_str), never a double
 * printed back.  Each record is written to a stdio stream in one piece; a
 * write error is caught with ferror() after each record, so a full disk or
 * a closed pipe stops the extraction at once. */
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "cli.h"

static const char *const field_names[FIELD_COUNT] = {
    "file", "doc", "line", "offset", "city", "district", "adcode", "year",
    "period", "metric", "indicator", "value", "unit", "qualifier", "kind", "role", "text",
    "context",
};

static const char *const format_names[] = {"jsonl", "json", "csv", "tsv", "html"};

int format_parse(const char *name, out_format *format)
{
    for (size_t i = 0; i < sizeof format_names / sizeof *format_names; i++)
        if (strcmp(name, format_names[i]) == 0) {
            *format = (out_format)i;
            return 0;
        }
    return -1;
}

const char *format_extension(out_format format)
{
    return format_names[format];
}

const char *field_name(field_id field)
{
    return field_names[field];
}

void fields_default(settings *set)
{
    set->field_count = 0;
    for (int f = 0; f < FIELD_COUNT; f++)
        if (f != FIELD_DOC || set->jsonl_input)
            set->fields[set->field_count++] = (field_id)f;
}

static int field_lookup(const char *name, size_t len, field_id *field)
{
    for (int f = 0; f < FIELD_COUNT; f++)
        if (strlen(field_names[f]) == len && memcmp(field_names[f], name, len) == 0) {
            *field = (field_id)f;
            return 0;
        }
    return -1;
}

int fields_parse(settings *set, const char *list, const char **bad, size_t *bad_len)
{
    int seen[FIELD_COUNT] = {0};
    set->field_count = 0;
    const char *p = list;
    for (;;) {
        size_t len = strcspn(p, ",");
        field_id f;
        *bad = p;
        *bad_len = len;
        if (field_lookup(p, len, &f) != 0)
            return -1;
        /* a JSON object cannot hold a key twice */
        if (seen[f]++)
            return -2;
        set->fields[set->field_count++] = f;
        if (p[len] == '\0')
            return 0;
        p += len + 1;
    }
}

/* ---- one field of one record as a cell ------------------------------- */

typedef enum cell_type {
    CELL_NULL,
    CELL_STRING,
    CELL_NUMBER
} cell_type;

typedef struct cell {
    cell_type type;
    const char *text;   /* the string, or the number as written */
} cell;

static cell string_cell(const char *s)
{
    cell c = {s ? CELL_STRING : CELL_NULL, s};
    return c;
}

/* n in decimal, written backwards from the end of buf: what "%lld" gives,
 * without snprintf's format parsing, which costs as much as printing the
 * rest of a JSON record.  buf holds at least 21 bytes (sign, 19 digits and
 * the terminator). */
static cell number_cell(long long n, char *buf, size_t size)
{
    /* the magnitude in unsigned arithmetic: -LLONG_MIN overflows */
    unsigned long long u = n < 0 ? 0ULL - (unsigned long long)n : (unsigned long long)n;
    char *p = buf + size;
    *--p = '\0';
    do
        *--p = (char)('0' + u % 10);
    while ((u /= 10) != 0);
    if (n < 0)
        *--p = '-';
    cell c = {CELL_NUMBER, p};
    return c;
}

#if defined(__GNUC__)
#define CELL_INLINE inline __attribute__((always_inline))
#else
#define CELL_INLINE inline
#endif

/* buf (32 bytes) holds the digits of integer fields; a cell may point
 * anywhere in it.  (Always inline: json_object calls it for every field
 * of every record, and the switch then folds into its loop.) */
static CELL_INLINE cell record_cell(const lg_record *r, field_id field, char *buf, size_t size)
{
    switch (field) {
    case FIELD_FILE: return string_cell(r->file);
    case FIELD_DOC: return string_cell(r->doc);
    case FIELD_LINE: return number_cell(r->line, buf, size);
    case FIELD_OFFSET: return number_cell(r->offset, buf, size);
    case FIELD_CITY: return string_cell(r->city);
    case FIELD_DISTRICT: return string_cell(r->district);
    case FIELD_ADCODE: return string_cell(r->adcode);
    case FIELD_YEAR:
        return r->year ? number_cell(r->year, buf, size) : string_cell(NULL);
    case FIELD_PERIOD: return string_cell(r->period);
    case FIELD_METRIC: return string_cell(r->metric);
    case FIELD_INDICATOR: return string_cell(r->indicator);
    case FIELD_VALUE: {
        cell c = {r->value_str ? CELL_NUMBER : CELL_NULL, r->value_str};
        return c;
    }
    case FIELD_UNIT: return string_cell(r->unit);
    case FIELD_QUALIFIER: return string_cell(r->qualifier);
    case FIELD_KIND: return string_cell(r->kind);
    case FIELD_ROLE: return string_cell(r->role);
    case FIELD_TEXT: return string_cell(r->text);
    case FIELD_CONTEXT: return string_cell(r->context);
    case FIELD_COUNT: break;
    }
    return string_cell(NULL);
}

const char *record_field_text(const lg_record *r, field_id field, char *buf, size_t size)
{
    cell c = record_cell(r, field, buf, size);
    return c.type == CELL_NULL ? NULL : c.text;
}

/* ---- the four formats (html is cli/html.c's) -------------------------- */

/* JSON strings go through cJSON, which escapes quotes, backslashes and
 * control characters.  It writes U+2028 and U+2029 raw, which is valid
 * JSON but ends a line in JavaScript; they are escaped after it.
 *
 * There are tens of thousands of records per megabyte of input, so each
 * is cheap: nothing is allocated per record once an output's buffers
 * have grown to its longest values, and a value is printed again only
 * when it changes (see json_record below); the record is written with one
 * fwrite. */

/* The start of the next U+2028 or U+2029 (E2 80 A8 / E2 80 A9) in s[0, n),
 * or NULL.  E2 also starts common punctuation (“ ” … —), so look further
 * at each one. */
static const char *find_separator(const char *s, size_t n)
{
    const char *end = s + n, *p = s;
    while ((p = memchr(p, 0xE2, (size_t)(end - p))) != NULL) {
        if (end - p >= 3 && (unsigned char)p[1] == 0x80 &&
            ((unsigned char)p[2] == 0xA8 || (unsigned char)p[2] == 0xA9))
            return p;
        p++;
    }
    return NULL;
}

/* A record is printed field by field, each field as a piece `"key":value`
 * that cJSON printed, and the pieces joined as cJSON joins an object's
 * items: "{" piece "," piece ... "}" (unformatted print_object() writes
 * exactly that).  Records of a file or a sentence repeat most of their
 * values (file, doc, city, year, context...), so a piece is kept from one
 * record to the next and printed again only when its value changes: a
 * repeated value costs a comparison and a copy, where cJSON would scan it
 * again for characters to escape, and print its key again.  A key is
 * printed once, when the output's first record comes. */
typedef struct piece {
    cell_type type;     /* of the value printed in json: CELL_NULL before the first */
    char *source;       /* a string value: a copy of the string last printed */
    size_t source_cap;
    char *json;         /* `"key":value`, value as cJSON printed it, separators escaped */
    size_t key_len, len, cap;
} piece;

struct json_record {
    piece pieces[FIELD_COUNT];     /* of set->fields, in order */
    int printed;                   /* pieces[] hold a record's values */
    cJSON *lone;                   /* the one string item cJSON prints pieces from */
    char *line;                    /* the record as written, with what surrounds it */
    size_t line_cap;
};

static void json_record_free(json_record *j)
{
    if (!j)
        return;
    cJSON_Delete(j->lone);
    for (int i = 0; i < FIELD_COUNT; i++) {
        free(j->pieces[i].source);
        free(j->pieces[i].json);
    }
    free(j->line);
    free(j);
}

/* Make room for need bytes in *buf.  Returns 0, or -1 when memory ran out. */
static int reserve(char **buf, size_t *cap, size_t need)
{
    if (need <= *cap)
        return 0;
    size_t size = *cap ? *cap : 256;
    while (size < need)
        size *= 2;
    char *p = realloc(*buf, size);
    if (!p)
        return -1;
    *buf = p;
    *cap = size;
    return 0;
}

/* Point the lone item at s.  cJSON has no call to change what a string
 * reference points at, so this sets valuestring itself; the type stays
 * that of cJSON_CreateStringReference().  s is only read, while the piece
 * is printed. */
static void lone_set(json_record *j, const char *s)
{
    j->lone->valuestring = (char *)s;
}

/* Print the string s (n bytes) as cJSON does into p->json at `at`, then
 * escape its U+2028 and U+2029.  Returns the length of the whole piece, or
 * 0 when memory ran out. */
static size_t print_string_at(json_record *j, piece *p, size_t at, const char *s, size_t n)
{
    /* at worst six bytes a byte (\u001f), the quotes and cJSON's spare byte */
    if (n > (INT_MAX - 8) / 6 || reserve(&p->json, &p->cap, at + 6 * n + 8))
        return 0;
    lone_set(j, s);
    if (!cJSON_PrintPreallocated(j->lone, p->json + at, (int)(p->cap - at), 0))
        return 0;
    size_t len = at + strlen(p->json + at);
    const char *sep = find_separator(p->json + at, len - at);
    if (!sep)
        return len;
    /* rare: each separator (3 bytes) grows to \u2028 (6 bytes) */
    size_t count = 0;
    for (const char *q = sep; q; q = find_separator(q + 3, (size_t)(p->json + len - q - 3)))
        count++;
    if (reserve(&p->json, &p->cap, len + 3 * count + 1))
        return 0;
    char *q;
    while ((q = (char *)find_separator(p->json + at, len - at)) != NULL) {
        int last = (unsigned char)q[2] == 0xA9;
        memmove(q + 6, q + 3, (size_t)(p->json + len - q - 3) + 1);
        memcpy(q, last ? "\\u2029" : "\\u2028", 6);
        len += 3;
        at = (size_t)(q + 6 - p->json);
    }
    return len;
}

/* The key of piece p, as cJSON prints an object's key, and the colon.
 * Returns 0, or -1 when memory ran out. */
static int piece_key(json_record *j, piece *p, const char *key)
{
    size_t len = print_string_at(j, p, 0, key, strlen(key));
    if (!len || reserve(&p->json, &p->cap, len + 2))
        return -1;
    p->json[len++] = ':';
    p->json[len] = '\0';
    p->key_len = p->len = len;
    return 0;
}

/* One item per field of set->fields, each with its key printed, or NULL
 * when memory ran out. */
static json_record *json_record_new(const settings *set)
{
    json_record *j = calloc(1, sizeof *j);
    if (!j || !(j->lone = cJSON_CreateStringReference(""))) {
        json_record_free(j);
        return NULL;
    }
    for (int i = 0; i < set->field_count; i++)
        if (piece_key(j, &j->pieces[i], field_names[set->fields[i]]) != 0) {
            json_record_free(j);
            return NULL;
        }
    return j;
}

/* Bring piece p up to the value c; nothing to do when it holds it.
 * Returns 0, or -1 when memory ran out. */
static int piece_update(json_record *j, piece *p, cell c)
{
    if (j->printed && p->type == c.type &&
        (c.type == CELL_NULL || strcmp(p->source, c.text) == 0))
        return 0;
    size_t n = c.type == CELL_NULL ? 4 : strlen(c.text);
    if (c.type == CELL_STRING) {
        if (reserve(&p->source, &p->source_cap, n + 1))
            return -1;
        size_t len = print_string_at(j, p, p->key_len, c.text, n);
        if (!len)
            return -1;
        p->len = len;
    } else {
        /* null, or a number: an exact decimal cJSON would print raw, as it is */
        if (reserve(&p->json, &p->cap, p->key_len + n + 1) ||
            reserve(&p->source, &p->source_cap, n + 1))
            return -1;
        memcpy(p->json + p->key_len, c.type == CELL_NULL ? "null" : c.text, n + 1);
        p->len = p->key_len + n;
    }
    memcpy(p->source, c.type == CELL_NULL ? "" : c.text, c.type == CELL_NULL ? 1 : n + 1);
    p->type = c.type;
    return 0;
}

/* n bytes, 8 <= n <= 16: two words that overlap. */
static inline void copy_8_to_16(char *to, const char *from, size_t n)
{
    uint64_t a, b;
    memcpy(&a, from, 8);
    memcpy(&b, from + n - 8, 8);
    memcpy(to, &a, 8);
    memcpy(to + n - 8, &b, 8);
}

/* memcpy, with the pieces of 8 to 32 bytes (most keys with their value:
 * "year":2023) copied in words that overlap, without a call. */
static inline void copy_piece(char *to, const char *from, size_t n)
{
    if (n >= 8 && n <= 16) {
        copy_8_to_16(to, from, n);
    } else if (n > 16 && n <= 32) {
        copy_8_to_16(to, from, 16);
        copy_8_to_16(to + n - 16, from + n - 16, 16);
    } else {
        memcpy(to, from, n);
    }
}

/* Write record r to fp as one JSON object between before and after: its
 * pieces are brought up to date, then copied into the line, which grows
 * once to the record's length.  Returns 0, or -1 when memory ran out. */
static int json_object(output *out, const settings *set, const lg_record *r,
                       const char *before, const char *after)
{
    if (!out->json && !(out->json = json_record_new(set)))
        return -1;
    json_record *j = out->json;
    char digits[32];
    size_t before_len = strlen(before), after_len = strlen(after);
    size_t need = before_len + 2 + (size_t)set->field_count + after_len;
    for (int i = 0; i < set->field_count; i++) {
        piece *p = &j->pieces[i];
        if (piece_update(j, p, record_cell(r, set->fields[i], digits, sizeof digits)) != 0) {
            j->printed = 0; /* a piece that failed is half printed: print all again */
            return -1;
        }
        need += p->len;
    }
    j->printed = 1;
    if (reserve(&j->line, &j->line_cap, need))
        return -1;
    char *at = j->line;
    memcpy(at, before, before_len);
    at += before_len;
    *at++ = '{';
    for (int i = 0; i < set->field_count; i++) {
        if (i)
            *at++ = ',';
        copy_piece(at, j->pieces[i].json, j->pieces[i].len);
        at += j->pieces[i].len;
    }
    *at++ = '}';
    memcpy(at, after, after_len);
    at += after_len;
    fwrite(j->line, 1, (size_t)(at - j->line), out->fp);
    return 0;
}

void output_release(output *out)
{
    json_record_free(out->json);
    out->json = NULL;
    html_release(out);
}

/* A table row is some thirty pieces, most a few bytes long: written one
 * by one, stdio's cost per call (a lock, a length, a copy) is most of the
 * time spent on it.  They are gathered here and written at the end of the
 * row, or whenever the buffer fills up. */
typedef struct row_buffer {
    FILE *fp;
    size_t len;
    char data[4096];
} row_buffer;

static void row_flush(row_buffer *b)
{
    fwrite(b->data, 1, b->len, b->fp);
    b->len = 0;
}

static void row_put(row_buffer *b, const char *s, size_t n)
{
    if (n > sizeof b->data - b->len) {
        row_flush(b);
        if (n > sizeof b->data) {
            fwrite(s, 1, n, b->fp);
            return;
        }
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
}

static void row_putc(row_buffer *b, char c)
{
    if (b->len == sizeof b->data)
        row_flush(b);
    b->data[b->len++] = c;
}

/* RFC 4180: quote a cell holding a comma, a quote or a line break, and
 * double its quotes. */
static void csv_cell(row_buffer *b, const char *s)
{
    size_t plain = strcspn(s, ",\"\r\n");
    if (!s[plain]) {
        row_put(b, s, plain);
        return;
    }
    row_putc(b, '"');
    for (const char *q; (q = strchr(s, '"')) != NULL; s = q + 1) {
        row_put(b, s, (size_t)(q + 1 - s));  /* up to the quote, then again */
        row_putc(b, '"');
    }
    row_put(b, s, strlen(s));
    row_putc(b, '"');
}

/* TSV has no quoting: a tab or line break inside a value would split the
 * row, so each becomes a space (the contexts are prose; nothing is lost
 * that a reader of the row would miss). */
static void tsv_cell(row_buffer *b, const char *s)
{
    for (;;) {
        size_t span = strcspn(s, "\t\n\r");
        row_put(b, s, span);
        if (!s[span])
            return;
        row_putc(b, ' ');
        s += span + 1;
    }
}

static void table_separator(row_buffer *b, const settings *set)
{
    row_putc(b, set->format == FORMAT_CSV ? ',' : '\t');
}

/* CSV rows end in CRLF as RFC 4180 says; TSV rows in LF.  Writes the row. */
static void table_row_end(row_buffer *b, const settings *set)
{
    if (set->format == FORMAT_CSV)
        row_putc(b, '\r');
    row_putc(b, '\n');
    row_flush(b);
}

static void table_row(FILE *fp, const settings *set, const lg_record *r)
{
    char buf[32];
    row_buffer b;
    b.fp = fp;
    b.len = 0;
    for (int i = 0; i < set->field_count; i++) {
        cell c = record_cell(r, set->fields[i], buf, sizeof buf);
        if (i)
            table_separator(&b, set);
        if (c.type == CELL_NULL)
            continue;  /* null is an empty cell */
        if (set->format == FORMAT_CSV)
            csv_cell(&b, c.text);
        else
            tsv_cell(&b, c.text);
    }
    table_row_end(&b, set);
}

static void table_header(FILE *fp, const settings *set)
{
    row_buffer b;
    b.fp = fp;
    b.len = 0;
    for (int i = 0; i < set->field_count; i++) {
        if (i)
            table_separator(&b, set);
        const char *name = field_names[set->fields[i]];
        row_put(&b, name, strlen(name));
    }
    table_row_end(&b, set);
}

/* ---- outputs ----------------------------------------------------------- */

/* errno is set by the stdio call that failed; 0 would only come from a
 * stream that failed before this call, so fall back to EIO. */
static int check_stream(output *out)
{
    if (!ferror(out->fp))
        return 0;
    if (!out->error)
        out->error = errno ? errno : EIO;
    return -1;
}

void output_begin(output *out, const settings *set)
{
    if (!out->fragment && !set->list_mode && set->format == FORMAT_HTML) {
        html_page_begin(out->fp);
        check_stream(out);
        return;
    }
    if (out->fragment || set->list_mode || (set->format != FORMAT_CSV && set->format != FORMAT_TSV))
        return;
    if (set->bom)
        fputs("\xEF\xBB\xBF", out->fp);
    if (!set->no_header)
        table_header(out->fp, set);
    check_stream(out);
}

/* A JSON array is "[\n{...},\n{...}\n]\n": one record per line, as
 * readable as JSON Lines, and "[]\n" when there is none. */
void output_end(output *out, const settings *set)
{
    if (!out->fragment && !set->list_mode && set->format == FORMAT_HTML) {
        html_page_end(out->fp);
        check_stream(out);
        return;
    }
    if (out->fragment || set->list_mode || set->format != FORMAT_JSON)
        return;
    fputs(out->records ? "\n]\n" : "[]\n", out->fp);
    check_stream(out);
}

/* The separator before a JSON record.  A fragment's first record gets
 * none: output_append() writes it, knowing what came before. */
static const char *json_separator(const output *out)
{
    if (out->records)
        return ",\n";
    return out->fragment ? "" : "[\n";
}

int output_record(output *out, const settings *set, const lg_record *r)
{
    if (set->list_mode) {  /* -c, --files-without-records: only counted */
        out->records++;
        return 0;
    }
    errno = 0;
    switch (set->format) {
    case FORMAT_JSONL:
        if (json_object(out, set, r, "", "\n") != 0)
            return out->error = ENOMEM, -1;
        break;
    case FORMAT_JSON:
        if (json_object(out, set, r, json_separator(out), "") != 0)
            return out->error = ENOMEM, -1;
        break;
    case FORMAT_CSV:
    case FORMAT_TSV:
        table_row(out->fp, set, r);
        break;
    case FORMAT_HTML:
        if (html_record(out, set, r) != 0)
            return -1;
        break;
    }
    if (check_stream(out))
        return -1;
    out->records++;
    return 0;
}

int output_append(output *out, output *frag, const settings *set)
{
    if (!frag->records)
        return 0;
    if (set->list_mode) {
        out->records += frag->records;
        return 0;
    }
    if (set->format == FORMAT_JSON)
        fputs(json_separator(out), out->fp);
    errno = 0;
    rewind(frag->fp);
    char buf[65536];
    size_t got;
    while ((got = fread(buf, 1, sizeof buf, frag->fp)) > 0)
        if (fwrite(buf, 1, got, out->fp) != got)
            break;
    if (check_stream(out))
        return -1;
    if (check_stream(frag))
        return -1;
    out->records += frag->records;
    return 0;
}

/* ---- documents: html only ------------------------------------------------ */

int output_document_begin(output *out, const settings *set, const char *file, const char *doc)
{
    if (set->format != FORMAT_HTML)
        return 0;
    errno = 0;
    return html_document_begin(out, set, file, doc) != 0 || check_stream(out) ? -1 : 0;
}

int output_sentence(output *out, const settings *set, const lg_sentence *s)
{
    if (set->format != FORMAT_HTML)
        return 0;
    errno = 0;
    return html_sentence(out, s) != 0 || check_stream(out) ? -1 : 0;
}

void output_warning(output *out, const settings *set, const char *message)
{
    if (set->format == FORMAT_HTML)
        html_warning(out, message);
}

void output_report(output *out, const settings *set, const lg_report *report)
{
    if (set->format == FORMAT_HTML)
        html_report(out, report);
}

void output_document_end(output *out, const settings *set, lg_status status)
{
    if (set->format != FORMAT_HTML)
        return;
    errno = 0;
    if (html_document_end(out, set, status) == 0)
        check_stream(out);
}
