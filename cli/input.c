/* input.c - one input, opened and extracted: a report (text in any
 * encoding the library reads) or, with --input-format jsonl, a corpus of
 * one JSON document per line.
 *
 * Each call builds its own lg_config from the shared settings, so several
 * threads can extract at once. */
#define _POSIX_C_SOURCE 200809L
#include <cjson/cJSON.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

/* Where a corpus document's text stands in its line: records give line
 * and offset in the corpus file, not in the document (which is one line,
 * its line breaks escaped).  A record's offset within the decoded text
 * is mapped back by walking the escaped string from the last place found
 * (records come in order, nearly always). */
typedef struct text_map {
    const char *raw, *raw_end; /* the escaped string, after its opening quote */
    long long raw_offset;      /* of raw in the corpus file */
    const char *at;            /* walk: raw position... */
    long long decoded;         /* ...and the decoded bytes before it */
} text_map;

/* What the library's callbacks need to know about the input in hand. */
typedef struct extraction {
    const settings *set;
    output *out;
    const char *path;
    long long line;          /* jsonl: the line of the current document */
    long long line_offset;   /* jsonl: its byte offset in the corpus */
    text_map *map;           /* jsonl: where its text stands, or NULL */
    long long progressed;    /* text: bytes told to the progress line */
    atomic_int *cancel;
    dedupe *seen;            /* --dedupe: the document's records so far, else NULL */
    int out_of_memory;       /* --dedupe could not remember a record */
    lg_sentence_char *placed; /* html, jsonl: a sentence's positions in the corpus */
    size_t placed_cap;
} extraction;

int input_open(const char *path)
{
    if (strcmp(path, "-") == 0)
        return STDIN_FILENO;
    int fd = open(path, O_RDONLY);
    if (fd < 0) {
        diag_error("%s: %s", path, strerror(errno));
        return -1;
    }
    /* open() succeeds on a directory; read() would fail later with a
     * vaguer message */
    struct stat st;
    if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
        diag_error("%s: %s", path, strerror(EISDIR));
        close(fd);
        return -1;
    }
    return fd;
}

static long long map_offset(text_map *m, long long decoded);

static int on_record(const lg_record *record, void *user)
{
    extraction *x = user;
    if (atomic_load(x->cancel))
        return 1;
    if (x->seen) {
        int repeats = dedupe_repeats(x->seen, record);
        if (repeats < 0)
            x->out_of_memory = 1;
        if (repeats)
            return repeats < 0;
    }
    lg_record in_corpus;
    if (!x->line && record->offset > x->progressed) {
        /* a large report shows its progress as its records come */
        progress_add_bytes(record->offset - x->progressed);
        x->progressed = record->offset;
    }
    if (x->line) {
        in_corpus = *record;
        in_corpus.line = x->line;
        in_corpus.offset = x->map ? map_offset(x->map, record->offset) : x->line_offset;
        record = &in_corpus;
    }
    if (output_record(x->out, x->set, record) != 0)
        return 1;
    fragment_check(x->out);
    return x->out->error != 0;
}

/* Only --format html asks for the sentences: the review page's text.  In
 * a corpus, records name the corpus's line and byte (see on_record): so do
 * the sentence's characters, that the page may place each record. */
static int on_sentence(const lg_sentence *sentence, void *user)
{
    extraction *x = user;
    if (atomic_load(x->cancel))
        return 1;
    if (!x->line)
        return output_sentence(x->out, x->set, sentence) != 0;
    if (sentence->n_chars > x->placed_cap) {
        size_t cap = sentence->n_chars * 2;
        lg_sentence_char *grown = realloc(x->placed, cap * sizeof *grown);
        if (!grown)
            return 1;
        x->placed = grown;
        x->placed_cap = cap;
    }
    for (size_t i = 0; i < sentence->n_chars; i++) {
        x->placed[i] = sentence->chars[i];
        x->placed[i].line = x->line;
        x->placed[i].offset = x->map ? map_offset(x->map, sentence->chars[i].offset)
                                     : x->line_offset;
    }
    lg_sentence in_corpus = *sentence;
    in_corpus.chars = x->placed;
    return output_sentence(x->out, x->set, &in_corpus) != 0;
}

/* Only --format html shows the report's own city and year. */
static void on_report(const lg_report *report, void *user)
{
    extraction *x = user;
    output_report(x->out, x->set, report);
}

static void on_warning(const char *file, long long offset, const char *message, void *user)
{
    extraction *x = user;
    output_warning(x->out, x->set, message);
    if (!x->line) {
        diag_warning("%s: warning: %s", file, message);  /* it says where */
        return;
    }
    /* a corpus: "at byte N" of the document is said as the corpus's byte */
    char at[48];
    snprintf(at, sizeof at, "at byte %lld", offset);
    const char *where = offset >= 0 && x->map ? strstr(message, at) : NULL;
    if (where)
        diag_warning("%s:%lld: warning: %.*sat byte %lld%s", file, x->line, (int)(where - message),
                     message, map_offset(x->map, offset), where + strlen(at));
    else
        diag_warning("%s:%lld: warning: %s", file, x->line, message);
}

/* Turn a library status into an exit status, with a message when it is an
 * error.  A stop we asked for (a failed write, a cancel) is no error here:
 * the caller reports the write. */
static int report_status(const extraction *x, lg_status st, int saved_errno)
{
    if (x->out_of_memory) {
        diag_error("%s: --dedupe: %s", x->path, strerror(ENOMEM));
        return EXIT_TROUBLE;
    }
    if (st == LG_OK || st == LG_ERR_STOPPED)
        return EXIT_RECORDS;
    if (st == LG_ERR_IO)
        diag_error("%s: %s", x->path, strerror(saved_errno));
    else if (x->line)
        diag_error("%s:%lld: %s", x->path, x->line, lg_status_str(st));
    else
        diag_error("%s: %s", x->path, lg_status_str(st));
    x->out->incomplete = 1;
    return EXIT_TROUBLE;
}

/* The bytes of a report the progress line has not been told of yet, once
 * it is read: the rest of a regular file. */
static long long bytes_left(const extraction *x, int fd)
{
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size < x->progressed)
        return 0;
    return (long long)st.st_size - x->progressed;
}

/* A copy of s with each byte that is not part of valid UTF-8 replaced by
 * U+FFFD, or NULL when s is valid already (or memory ran out).  File names
 * on Linux are bytes; JSON output must be UTF-8. */
char *utf8_sanitized(const char *str)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t n = strlen(str);
    char *out = NULL;
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        size_t len = s[i] < 0x80 ? 1 : s[i] >= 0xC2 && s[i] <= 0xDF ? 2
                   : s[i] >= 0xE0 && s[i] <= 0xEF ? 3 : s[i] >= 0xF0 && s[i] <= 0xF4 ? 4 : 0;
        int ok = len && i + len <= n;
        for (size_t k = 1; ok && k < len; k++)
            ok = (s[i + k] & 0xC0) == 0x80;
        if (ok && len >= 3)
            ok = !((s[i] == 0xE0 && s[i + 1] < 0xA0) || (s[i] == 0xED && s[i + 1] >= 0xA0) ||
                   (s[i] == 0xF0 && s[i + 1] < 0x90) || (s[i] == 0xF4 && s[i + 1] >= 0x90));
        if (ok && !out) {
            i += len;
            continue;
        }
        if (!out) {
            out = malloc(3 * n + 1); /* each bad byte grows to 3 */
            if (!out)
                return NULL;
            memcpy(out, str, i);
            o = i;
        }
        if (ok) {
            memcpy(out + o, s + i, len);
            o += len;
            i += len;
        } else {
            memcpy(out + o, "\xEF\xBF\xBD", 3);
            o += 3;
            i++;
        }
    }
    if (out)
        out[o] = '\0';
    return out;
}

static int extract_text(extraction *x, lg_config *cfg, int fd)
{
    char *shown = utf8_sanitized(x->path);
    lg_status st = LG_ERR_STOPPED;  /* the output has failed already */
    if (output_document_begin(x->out, x->set, shown ? shown : x->path, NULL) == 0)
        st = lg_extract_fd(cfg, fd, shown ? shown : x->path, NULL);
    int saved = errno;
    progress_add_bytes(bytes_left(x, fd));
    output_document_end(x->out, x->set, st);
    free(shown);
    return report_status(x, st, saved);
}

/* ---- JSON Lines corpora ------------------------------------------------- */

/* A document id as a string: a JSON string as it is, a number as written
 * in decimal (integers exactly up to 2^53), none at all as the line
 * number, which names the document within its file as well.  Returns
 * NULL for any other JSON type. */
static const char *document_id(const cJSON *id, long long line, char *buf, size_t size)
{
    if (!id || cJSON_IsNull(id)) {
        snprintf(buf, size, "%lld", line);
        return buf;
    }
    if (cJSON_IsString(id))
        return id->valuestring;
    if (!cJSON_IsNumber(id))
        return NULL;
    double v = id->valuedouble;
    if (v == floor(v) && fabs(v) < 9007199254740992.0)
        snprintf(buf, size, "%.0f", v);
    else
        snprintf(buf, size, "%.17g", v);
    return buf;
}

/* What a corpus line holds: its document's text and id, or why none. */
typedef struct corpus_doc {
    const char *text;  /* the text field's string, within the parsed line */
    const char *id;    /* the id field's string, or id_buf */
    char id_buf[32];   /* a number id written out, or one made of the line number */
    char why[256];     /* why the line holds no document we can extract */
} corpus_doc;

/* Why a corpus line holds no document we can extract, written into
 * d->why; or 0 with d->text and d->id set. */
static int parse_document(const extraction *x, const cJSON *doc, corpus_doc *d)
{
    if (!doc) {
        snprintf(d->why, sizeof d->why, "not valid JSON");
        return -1;
    }
    if (!cJSON_IsObject(doc)) {
        snprintf(d->why, sizeof d->why, "not a JSON object");
        return -1;
    }
    const cJSON *t = cJSON_GetObjectItemCaseSensitive(doc, x->set->text_field);
    if (!cJSON_IsString(t)) {
        snprintf(d->why, sizeof d->why, "no string field \"%s\"", x->set->text_field);
        return -1;
    }
    d->text = t->valuestring;
    d->id = document_id(cJSON_GetObjectItemCaseSensitive(doc, x->set->id_field), x->line,
                        d->id_buf, sizeof d->id_buf);
    if (!d->id) {
        snprintf(d->why, sizeof d->why, "field \"%s\" is neither a string nor a number",
                 x->set->id_field);
        return -1;
    }
    return 0;
}

/* cJSON stops at the end of the first value: anything but blanks after it
 * means the line is not one JSON document. */
static cJSON *parse_line(const char *line, size_t len)
{
    const char *end = NULL;
    cJSON *doc = cJSON_ParseWithLengthOpts(line, len, &end, 0);
    if (doc && end && end[strspn(end, " \t\r\n")] != '\0') {
        cJSON_Delete(doc);
        return NULL;
    }
    return doc;
}

/* ---- the text's escaped string ------------------------------------------ */

/* Hex digit values, -1 for anything else. */
static signed char hex_value[256];

static void hex_table_init(void)
{
    memset(hex_value, -1, sizeof hex_value);
    for (int d = 0; d < 10; d++)
        hex_value['0' + d] = (signed char)d;
    for (int d = 0; d < 6; d++)
        hex_value['a' + d] = hex_value['A' + d] = (signed char)(10 + d);
}

static int hex4(const char *p, const char *end, unsigned *v)
{
    if (end - p < 4)
        return -1;
    int a = hex_value[(unsigned char)p[0]], b = hex_value[(unsigned char)p[1]],
        c = hex_value[(unsigned char)p[2]], d = hex_value[(unsigned char)p[3]];
    if ((a | b | c | d) < 0)
        return -1;
    *v = (unsigned)(a << 12 | b << 8 | c << 4 | d);
    return 0;
}

/* Decode the character or escape at *p of a JSON string into out (room
 * for 4 bytes), advancing *p.  Returns the bytes written, 0 at the closing
 * quote or the end.  A lone surrogate reads as U+FFFD, as cJSON's would
 * fail: the line was checked by cJSON first. */
static size_t string_step(const char **p, const char *end, char *out)
{
    const char *s = *p;
    if (s >= end || *s == '"')
        return 0;
    if (*s != '\\') {
        *out = *s;
        *p = s + 1;
        return 1;
    }
    if (end - s < 2)
        return 0;
    static const char plain[] = "\"\"\\\\//b\bf\fn\nr\rt\t";
    for (const char *e = plain; *e; e += 2)
        if (s[1] == e[0]) {
            *out = e[1];
            *p = s + 2;
            return 1;
        }
    unsigned cp, low;
    if (s[1] != 'u' || hex4(s + 2, end, &cp) != 0)
        return 0;
    *p = s + 6;
    if (cp >= 0xD800 && cp < 0xDC00 && end - *p >= 6 && (*p)[0] == '\\' && (*p)[1] == 'u' &&
        hex4(*p + 2, end, &low) == 0 && low >= 0xDC00 && low < 0xE000) {
        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        *p += 6;
    } else if (cp >= 0xD800 && cp < 0xE000) {
        cp = 0xFFFD;
    }
    unsigned char *o = (unsigned char *)out;
    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | cp >> 6);
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | cp >> 12);
        o[1] = (unsigned char)(0x80 | (cp >> 6 & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | cp >> 18);
    o[1] = (unsigned char)(0x80 | (cp >> 12 & 0x3F));
    o[2] = (unsigned char)(0x80 | (cp >> 6 & 0x3F));
    o[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

static const char *skip_blanks(const char *p, const char *end)
{
    while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
        p++;
    return p;
}

/* p at a string's opening quote: the character after its closing one. */
static const char *skip_string(const char *p, const char *end)
{
    for (p++; p < end && *p != '"'; p++)
        if (*p == '\\')
            p++;
    return p < end ? p + 1 : end;
}

/* p at a value: the character after it. */
static const char *skip_value(const char *p, const char *end)
{
    int depth = 0;
    for (; p < end; p++) {
        if (*p == '"') {
            p = skip_string(p, end) - 1;
        } else if (*p == '{' || *p == '[') {
            depth++;
        } else if (*p == '}' || *p == ']') {
            if (depth == 0)
                return p;
            if (--depth == 0)
                return p + 1;
        } else if (depth == 0 && (*p == ',' || *p == ' ' || *p == '\t' || *p == '\r' ||
                                  *p == '\n')) {
            return p;
        }
    }
    return end;
}

/* Whether the string at p (its opening quote) reads key. */
static int string_is(const char *p, const char *end, const char *key)
{
    p++;
    char c[4];
    size_t n;
    while ((n = string_step(&p, end, c)) > 0) {
        if (strncmp(key, c, n) != 0 || memchr(c, '\0', n))
            return 0;
        key += n;
    }
    return *key == '\0';
}

/* The escaped string of the first top-level member named key of the
 * object on line (cJSON found it a string): after its opening quote. */
static const char *find_member(const char *line, const char *end, const char *key)
{
    const char *p = skip_blanks(line, end);
    if (p >= end || *p != '{')
        return NULL;
    for (p = skip_blanks(p + 1, end); p < end && *p == '"';) {
        int match = string_is(p, end, key);
        p = skip_blanks(skip_string(p, end), end);
        if (p >= end || *p != ':')
            return NULL;
        p = skip_blanks(p + 1, end);
        if (match)
            return p < end && *p == '"' ? p + 1 : NULL;
        p = skip_blanks(skip_value(p, end), end);
        if (p < end && *p == ',')
            p = skip_blanks(p + 1, end);
    }
    return NULL;
}

/* The text decoded into a new buffer (*len bytes, NUL characters kept:
 * cJSON's C string would end at the first); the number of NULs in *nuls
 * and the decoded offset of the first in *first_nul. */
static char *decode_text(const char *raw, const char *end, size_t *len, long long *nuls,
                         long long *first_nul)
{
    char *text = malloc((size_t)(end - raw) + 1);
    if (!text)
        return NULL;
    size_t n = 0, got;
    *nuls = 0;
    while ((got = string_step(&raw, end, text + n)) > 0) {
        if (got == 1 && text[n] == '\0' && (*nuls)++ == 0)
            *first_nul = (long long)n;
        n += got;
    }
    text[n] = '\0';
    *len = n;
    return text;
}

/* Whether the escaped string at raw holds a \u0000 (a backslash before
 * it that is not itself escaped). */
static int has_nul_escape(const char *raw, const char *end)
{
    for (const char *p = raw; (p = memchr(p, '\\', (size_t)(end - p))) != NULL; p += 2) {
        if (p + 1 >= end || p[1] == '"')
            break;
        if (end - p >= 6 && memcmp(p, "\\u0000", 6) == 0)
            return 1;
    }
    return 0;
}

static long long map_offset(text_map *m, long long decoded)
{
    if (decoded < m->decoded) {
        m->at = m->raw;
        m->decoded = 0;
    }
    char c[4];
    for (;;) {
        /* plain bytes up to the next escape stand as they are decoded */
        const char *escape = memchr(m->at, '\\', (size_t)(m->raw_end - m->at));
        long long plain = (escape ? escape : m->raw_end) - m->at;
        if (m->decoded + plain > decoded || !escape) {
            long long step = decoded - m->decoded < plain ? decoded - m->decoded : plain;
            m->at += step;
            m->decoded += step;
            break;
        }
        m->at = escape;
        m->decoded += plain;
        const char *p = m->at;
        size_t n = string_step(&p, m->raw_end, c);
        if (n == 0 || m->decoded + (long long)n > decoded)
            break;  /* there, or within the escape at m->at */
        m->decoded += (long long)n;
        m->at = p;
    }
    return m->raw_offset + (m->at - m->raw);
}

/* ---- one document ----------------------------------------------------------- */

/* Extract the document of a parsed line, its text being the escaped
 * string at raw (NULL if not found: cJSON's copy is used then). */
static int extract_text_of(extraction *x, lg_config *cfg, const char *line, size_t len,
                           const char *text, const char *id)
{
    const char *raw = find_member(line, line + len, x->set->text_field);
    text_map map = {raw, line + len, 0, raw, 0};
    size_t text_len = strlen(text);
    long long nuls = 0, first_nul = 0;
    char *decoded = NULL;
    if (raw) {
        map.raw_offset = x->line_offset + (raw - line);
        x->map = &map;
    }
    /* cJSON's copy ends at a NUL: decode the text again only then */
    if (raw && has_nul_escape(raw, line + len)) {
        if (!(decoded = decode_text(raw, line + len, &text_len, &nuls, &first_nul))) {
            x->map = NULL;
            return report_status(x, LG_ERR_NOMEM, 0);
        }
        text = decoded;
    }
    if (nuls)
        diag_warning("%s:%lld: warning: %lld NUL character%s (\\u0000) in the text, the first at "
                     "byte %lld: read as control characters, as in a text file", x->path, x->line,
                     nuls, nuls == 1 ? "" : "s", map_offset(&map, first_nul));
    char *shown = utf8_sanitized(x->path), *shown_id = utf8_sanitized(id);
    dedupe_reset(x->seen); /* repeats count within one document */
    lg_status st = LG_ERR_STOPPED;  /* the output has failed already */
    if (output_document_begin(x->out, x->set, shown ? shown : x->path,
                              shown_id ? shown_id : id) == 0)
        st = lg_extract_buffer(cfg, text, text_len, shown ? shown : x->path,
                               shown_id ? shown_id : id);
    int saved = errno;
    output_document_end(x->out, x->set, st);
    free(shown);
    free(shown_id);
    free(decoded);
    x->map = NULL;
    return report_status(x, st, saved);
}

/* Extract one line of a corpus.  A malformed line is reported with its
 * line number and skipped: the rest of the corpus is still worth reading,
 * but the exit status says that something was lost. */
static int extract_document(extraction *x, lg_config *cfg, const char *line, size_t len)
{
    if (line[strspn(line, " \t\r\n")] == '\0')
        return EXIT_RECORDS;  /* a blank line, as at the end of many files */
    cJSON *doc = parse_line(line, len);
    corpus_doc d;
    int status = EXIT_TROUBLE;
    if (parse_document(x, doc, &d) != 0)
        diag_error("%s:%lld: %s, line skipped", x->path, x->line, d.why);
    else
        status = extract_text_of(x, cfg, line, len, d.text, d.id);
    cJSON_Delete(doc);
    return status;
}

static int extract_jsonl(extraction *x, lg_config *cfg, int fd)
{
    /* a private descriptor, so fclose() leaves the caller's fd open */
    int own = dup(fd);
    FILE *in = own < 0 ? NULL : fdopen(own, "r");
    if (!in) {
        diag_error("%s: %s", x->path, strerror(errno));
        if (own >= 0)
            close(own);
        x->out->incomplete = 1;
        return EXIT_TROUBLE;
    }
    int status = EXIT_RECORDS;
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    /* getline: a document may be megabytes long on one line */
    while (!atomic_load(x->cancel) && !x->out->error && (len = getline(&line, &cap, in)) >= 0) {
        x->line++;
        int s = extract_document(x, cfg, line, (size_t)len);
        if (s > status)
            status = s;
        x->line_offset += len;
        progress_add_bytes(len);
    }
    if (ferror(in)) {
        diag_error("%s: %s", x->path, strerror(errno));
        x->out->incomplete = 1;
        status = EXIT_TROUBLE;
    }
    free(line);
    fclose(in);
    return status;
}

static pthread_once_t hex_once = PTHREAD_ONCE_INIT;

static void extraction_init(extraction *x, lg_config *cfg, const settings *set,
                            const char *path, output *out, atomic_int *cancel)
{
    pthread_once(&hex_once, hex_table_init);
    memset(x, 0, sizeof *x);
    x->set = set;
    x->out = out;
    x->path = path;
    x->cancel = cancel;
    *cfg = set->extract;
    cfg->on_record = on_record;
    cfg->on_warning = on_warning;
    cfg->on_sentence = set->format == FORMAT_HTML ? on_sentence : NULL;
    cfg->on_report = set->format == FORMAT_HTML ? on_report : NULL;
    cfg->user = x;
}

int input_extract_lines(const settings *set, const corpus_lines *lines, output *out,
                        atomic_int *cancel)
{
    const char *path = lines->path, *data = lines->data;
    size_t len = lines->len;
    extraction x;
    lg_config cfg;
    extraction_init(&x, &cfg, set, path, out, cancel);
    x.line = lines->first_line - 1;
    x.line_offset = lines->first_offset;
    if (set->dedupe && !(x.seen = dedupe_new())) {
        diag_error("%s: --dedupe: %s", path, strerror(ENOMEM));
        out->incomplete = 1;
        return EXIT_TROUBLE;
    }
    int status = EXIT_RECORDS;
    char *copy = NULL;
    size_t cap = 0;
    for (size_t at = 0; at < len && !atomic_load(cancel) && !out->error;) {
        const char *nl = memchr(data + at, '\n', len - at);
        size_t n = nl ? (size_t)(nl - (data + at)) + 1 : len - at;
        if (n + 1 > cap) {  /* a NUL-terminated copy, as getline gives */
            free(copy);
            cap = 2 * n + 1;
            if (!(copy = malloc(cap))) {
                diag_error("%s: %s", path, strerror(ENOMEM));
                out->incomplete = 1;
                dedupe_free(x.seen);
                free(x.placed);
                return EXIT_TROUBLE;
            }
        }
        memcpy(copy, data + at, n);
        copy[n] = '\0';
        x.line++;
        int s = extract_document(&x, &cfg, copy, n);
        if (s > status)
            status = s;
        x.line_offset += (long long)n;
        at += n;
    }
    free(copy);
    dedupe_free(x.seen);
    free(x.placed);
    return status;
}

/* ---- --files-from ------------------------------------------------------------ */

int input_list_read(const char *file, int sep, char ***paths, int *count)
{
    FILE *in = strcmp(file, "-") == 0 ? stdin : fopen(file, "r");
    if (!in) {
        diag_error("%s: %s", file, strerror(errno));
        return -1;
    }
    size_t cap = (size_t)*count + 64;
    char **list = realloc(*paths, cap * sizeof *list);
    char *entry = NULL;
    size_t entry_cap = 0;
    ssize_t got;
    int status = list ? 0 : -1;
    while (status == 0 && (got = getdelim(&entry, &entry_cap, sep, in)) >= 0) {
        if (got > 0 && entry[got - 1] == sep)
            entry[--got] = '\0';
        if (got == 0)
            continue;
        if ((size_t)*count + 1 >= cap) {
            char **grown = *count < INT_MAX / 2 ? realloc(list, 2 * cap * sizeof *list) : NULL;
            if (!grown) {
                status = -1;
                break;
            }
            list = grown;
            cap *= 2;
        }
        if (!(list[*count] = strdup(entry)))
            status = -1;
        else
            ++*count;
    }
    if (status != 0)
        diag_error("%s: %s", file, strerror(ENOMEM));
    else if (ferror(in)) {
        diag_error("%s: %s", file, strerror(errno));
        status = -1;
    }
    free(entry);
    if (in != stdin)
        fclose(in);
    if (list)
        *paths = list;
    return status;
}

int input_extract(const settings *set, int fd, const char *path, output *out,
                  atomic_int *cancel)
{
    extraction x;
    lg_config cfg;
    extraction_init(&x, &cfg, set, path, out, cancel);
    if (set->dedupe && !(x.seen = dedupe_new())) {
        diag_error("%s: --dedupe: %s", path, strerror(ENOMEM));
        return EXIT_TROUBLE;
    }
    int status = set->jsonl_input ? extract_jsonl(&x, &cfg, fd) : extract_text(&x, &cfg, fd);
    dedupe_free(x.seen);
    free(x.placed);
    return status;
}
