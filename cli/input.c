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
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

/* What the library's callbacks need to know about the input in hand. */
typedef struct extraction {
    const settings *set;
    output *out;
    const char *path;
    long long line;          /* jsonl: the line of the current document */
    atomic_int *cancel;
    dedupe *seen;            /* --dedupe: the document's records so far, else NULL */
    int out_of_memory;       /* --dedupe could not remember a record */
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
    return output_record(x->out, x->set, record) != 0;
}

static void on_warning(const char *file, long long offset, const char *message, void *user)
{
    extraction *x = user;
    (void)offset;  /* the message already says where */
    if (x->line)
        diag_warning("%s:%lld: warning: %s", file, x->line, message);
    else
        diag_warning("%s: warning: %s", file, message);
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
    else
        diag_error("%s: %s", x->path, lg_status_str(st));
    return EXIT_TROUBLE;
}

long long input_size(const settings *set, int fd)
{
    struct stat st;
    if (set->jsonl_input || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))
        return 0;
    return (long long)st.st_size;
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
    lg_status st = lg_extract_fd(cfg, fd, shown ? shown : x->path, NULL);
    int saved = errno;
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

/* Why a corpus line holds no document we can extract, written into why;
 * or 0 with *text and *id set. */
static int parse_document(const extraction *x, const cJSON *doc, const char **text,
                          const char **id, char *id_buf, size_t id_size,
                          char *why, size_t why_size)
{
    if (!doc) {
        snprintf(why, why_size, "not valid JSON");
        return -1;
    }
    if (!cJSON_IsObject(doc)) {
        snprintf(why, why_size, "not a JSON object");
        return -1;
    }
    const cJSON *t = cJSON_GetObjectItemCaseSensitive(doc, x->set->text_field);
    if (!cJSON_IsString(t)) {
        snprintf(why, why_size, "no string field \"%s\"", x->set->text_field);
        return -1;
    }
    *text = t->valuestring;
    *id = document_id(cJSON_GetObjectItemCaseSensitive(doc, x->set->id_field), x->line,
                      id_buf, id_size);
    if (!*id) {
        snprintf(why, why_size, "field \"%s\" is neither a string nor a number",
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

/* Extract one line of a corpus.  A malformed line is reported with its
 * line number and skipped: the rest of the corpus is still worth reading,
 * but the exit status says that something was lost. */
static int extract_document(extraction *x, lg_config *cfg, const char *line, size_t len)
{
    if (line[strspn(line, " \t\r\n")] == '\0')
        return EXIT_RECORDS;  /* a blank line, as at the end of many files */
    cJSON *doc = parse_line(line, len);
    const char *text, *id;
    char id_buf[32], why[256];
    int status = EXIT_TROUBLE;
    if (parse_document(x, doc, &text, &id, id_buf, sizeof id_buf, why, sizeof why) != 0) {
        diag_error("%s:%lld: %s, line skipped", x->path, x->line, why);
    } else {
        char *shown = utf8_sanitized(x->path), *shown_id = utf8_sanitized(id);
        dedupe_reset(x->seen);  /* repeats count within one document */
        lg_status st = lg_extract_buffer(cfg, text, strlen(text), shown ? shown : x->path,
                                         shown_id ? shown_id : id);
        int saved = errno;
        free(shown);
        free(shown_id);
        status = report_status(x, st, saved);
    }
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
        progress_add_bytes(len);
    }
    if (ferror(in)) {
        diag_error("%s: %s", x->path, strerror(errno));
        status = EXIT_TROUBLE;
    }
    free(line);
    fclose(in);
    return status;
}

int input_extract(const settings *set, int fd, const char *path, output *out,
                  atomic_int *cancel)
{
    extraction x = {set, out, path, 0, cancel, NULL, 0};
    if (set->dedupe && !(x.seen = dedupe_new())) {
        diag_error("%s: --dedupe: %s", path, strerror(ENOMEM));
        return EXIT_TROUBLE;
    }
    lg_config cfg = set->extract;
    cfg.on_record = on_record;
    cfg.on_warning = on_warning;
    cfg.user = &x;
    int status = set->jsonl_input ? extract_jsonl(&x, &cfg, fd) : extract_text(&x, &cfg, fd);
    dedupe_free(x.seen);
    return status;
}
