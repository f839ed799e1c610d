/* cli.h - what the parts of the lawgov-extract command line share.
 *
 * The command line is four small modules over the public lawgov.h:
 *   src/main.c   the option table, parsing, --help, main()
 *   cli/emit.c   record formats (jsonl, json, csv, tsv) and field lists
 *   cli/html.c   --format html: the review page
 *   cli/input.c  opening one input and extracting it (text or jsonl corpus)
 *   cli/batch.c  many inputs: -j threads, output in order
 *   cli/outdir.c each input's output: --output-dir (temporary files,
 *                renames, signals), --skip-existing
 *   cli/diag.c   every message on stderr, and the progress line
 *   cli/rules.c  the lexicon: LAWGOV_RULES, --rules, --dump-rules
 * Nothing here is part of liblawgov. */
#ifndef LGX_CLI_H
#define LGX_CLI_H

#include <stdatomic.h>
#include <stdio.h>

#include "lawgov.h"

#define PROG "lawgov-extract"

/* Exit statuses, as grep: an error wins over "no records". */
enum { EXIT_RECORDS = 0, EXIT_NO_RECORDS = 1, EXIT_TROUBLE = 2 };

typedef enum out_format { FORMAT_JSONL, FORMAT_JSON, FORMAT_CSV, FORMAT_TSV, FORMAT_HTML } out_format;

/* The record fields, in the order of docs/record-format.md. */
typedef enum field_id {
    FIELD_FILE, FIELD_DOC, FIELD_LINE, FIELD_OFFSET, FIELD_CITY, FIELD_DISTRICT,
    FIELD_ADCODE, FIELD_YEAR, FIELD_PERIOD, FIELD_METRIC, FIELD_INDICATOR, FIELD_VALUE,
    FIELD_UNIT, FIELD_QUALIFIER, FIELD_KIND, FIELD_ROLE, FIELD_TEXT, FIELD_CONTEXT,
    FIELD_COUNT
} field_id;

/* Everything the options decide; read-only once parsing is over, so the
 * worker threads share it without locks. */
typedef struct settings {
    lg_config extract;        /* encoding, buffer size, city, year; no callbacks */
    out_format format;
    field_id fields[FIELD_COUNT];
    int field_count;
    int bom;                  /* --bom: UTF-8 BOM before CSV/TSV */
    const char *output_dir;   /* --output-dir, or NULL for standard output */
    int skip_existing;        /* --skip-existing: inputs whose output exists are not read */
    int no_header;            /* --no-header: CSV/TSV without the header line */
    const char *files_from;   /* --files-from FILE, or NULL */
    int files_null;           /* -0: its paths are NUL-separated */
    int jobs;                 /* -j: files extracted at once */
    int jsonl_input;          /* --input-format jsonl */
    const char *id_field;     /* --id-field, "id" by default */
    const char *text_field;   /* --text-field, "text" by default */
    int quiet;                /* -q */
    int dedupe;               /* --dedupe: drop a document's repeated records */
    int list_mode;            /* -c or --files-without-records: no records written */
    const char **rules;       /* --rules FILE, in order (rules_count of them) */
    int rules_count;
    int dump_rules;           /* --dump-rules */
    lg_lexicon *lexicon;      /* built by rules_load(), or NULL for the defaults */
} settings;

/* What -c and --files-without-records print instead of records. */
enum { LIST_NONE, LIST_COUNT, LIST_WITHOUT_RECORDS };

/* ---- emit.c ---------------------------------------------------------- */

typedef struct json_record json_record;
typedef struct html_doc html_doc;

/* Where records go: standard output, a file of --output-dir, or a
 * fragment (a temporary file holding one input's records under -j, later
 * appended to standard output; it has no CSV header and no JSON brackets
 * of its own). */
typedef struct output {
    FILE *fp;
    long long records;        /* records written to fp */
    int fragment;
    int error;                /* errno of the first failed write, or 0 */
    int incomplete;           /* the input was not read to its end (read error, no memory) */
    char *mem;                /* a fragment in memory: open_memstream()'s buffer */
    size_t mem_size;
    json_record *json;        /* emit.c's, kept from record to record */
    html_doc *html;           /* html.c's: the document being written */
} output;

/* Parse a --format name; 0 on success, -1 if unknown. */
int format_parse(const char *name, out_format *format);
/* The file name extension of a format, without the dot: "jsonl". */
const char *format_extension(out_format format);
/* The name of a field in output and in --fields. */
const char *field_name(field_id field);
/* The default field list: every field, doc only when the input is jsonl. */
void fields_default(settings *set);
/* Parse a comma-separated --fields list into set->fields.  Returns 0, -1
 * for an unknown name or -2 for a name given twice, with *bad pointing at
 * that name within list and its length in *bad_len. */
int fields_parse(settings *set, const char *list, const char **bad, size_t *bad_len);

/* Start and finish a whole output: BOM and header for CSV/TSV, the
 * brackets of a JSON array.  Both do nothing for a fragment. */
void output_begin(output *out, const settings *set);
void output_end(output *out, const settings *set);
/* Write one record.  Returns 0, or -1 when the write failed (out->error). */
int output_record(output *out, const settings *set, const lg_record *record);
/* Free what output_record() keeps from record to record; out takes no
 * more records after this. */
void output_release(output *out);
/* Append a fragment's records to out and count them there.  Returns 0, or
 * -1: out->error when writing out failed, else frag->error for reading. */
int output_append(output *out, output *frag, const settings *set);
/* One input document (a file, or a document of a jsonl corpus) starts or
 * ends, a sentence of it is read, a warning about it: only the html
 * format writes anything for these.  begin and sentence return 0, or -1
 * when the write failed (out->error); end takes the extraction's status. */
int output_document_begin(output *out, const settings *set, const char *file,
                          const char *doc);
int output_sentence(output *out, const settings *set, const lg_sentence *s);
void output_warning(output *out, const settings *set, const char *message);
void output_report(output *out, const settings *set, const lg_report *report);
void output_document_end(output *out, const settings *set, lg_status status);
/* A field of a record as text: a string, or the number written into buf
 * (32 bytes); NULL for null. */
const char *record_field_text(const lg_record *r, field_id field, char *buf, size_t size);

/* ---- html.c ---------------------------------------------------------- */

/* The page around the documents: head (style, script, security policy)
 * and tail. */
void html_page_begin(FILE *fp);
void html_page_end(FILE *fp);
/* A document's parts, as output_document_begin() etc. describe them.
 * Each returns 0, or -1 with out->error set. */
int html_document_begin(output *out, const settings *set, const char *file, const char *doc);
int html_sentence(output *out, const lg_sentence *s);
int html_record(output *out, const settings *set, const lg_record *r);
void html_warning(output *out, const char *message);
void html_report(output *out, const lg_report *report);
int html_document_end(output *out, const settings *set, lg_status status);
/* Free a document left open (after an error). */
void html_release(output *out);

/* ---- diag.c ---------------------------------------------------------- */

/* Every message starts "lawgov-extract: " and ends with a newline; all
 * are safe to call from any thread. */
void diag_setup(int quiet);
void diag_error(const char *format, ...) __attribute__((format(printf, 1, 2)));
/* A warning ("FILE: warning: ..."): silenced by -q, never changes the
 * exit status. */
void diag_warning(const char *format, ...) __attribute__((format(printf, 1, 2)));
/* A usage error: the message, then "Try 'lawgov-extract --help'...".
 * Both return EXIT_TROUBLE; diag_try_help() prints only the second line
 * (after getopt's own message). */
int diag_usage_error(const char *format, ...) __attribute__((format(printf, 1, 2)));
int diag_try_help(void);

/* A note on how the batch went ("3 of 10 inputs skipped"): silenced by -q. */
void diag_note(const char *format, ...) __attribute__((format(printf, 1, 2)));

/* The progress line: only when stderr is a terminal that standard output
 * is not, not -q, and the batch has run for a while; progress_wanted()
 * says whether it may show.  total_bytes is the inputs' total size, or
 * -1 when unknown (a pipe): with it the line shows the share done and the
 * time left.  progress_finish() clears it. */
int progress_wanted(void);
void progress_start(int total_files, long long total_bytes);
/* An input skipped by --skip-existing, of that many bytes. */
void progress_skipped(long long bytes);
void progress_add_bytes(long long bytes);
/* One more input done, bytes more read (those not added already: inputs
 * count their bytes as they are read). */
void progress_file_done(long long bytes);
void progress_finish(void);

/* ---- input.c --------------------------------------------------------- */

/* Open an input for reading ("-" is standard input).  Returns the file
 * descriptor, or -1 after an error message (missing, unreadable,
 * directory). */
int input_open(const char *path);
/* A copy of s with invalid UTF-8 bytes replaced by U+FFFD, or NULL when s
 * is valid UTF-8 already. */
char *utf8_sanitized(const char *s);
/* Extract every record of the open input fd into out; never closes fd.
 * cancel, when set by another thread, stops the extraction quietly.
 * Returns EXIT_RECORDS, or EXIT_TROUBLE after an error message; a failed
 * write is left in out->error for the caller to report. */
int input_extract(const settings *set, int fd, const char *path, output *out,
                  atomic_int *cancel);
/* Whole lines of a JSON Lines corpus, held in memory. */
typedef struct corpus_lines {
    const char *path;       /* the corpus file */
    const char *data;       /* data[0..len): whole lines */
    size_t len;
    long long first_line;   /* the line number of data's first line */
    long long first_offset; /* and its byte offset in the corpus file */
} corpus_lines;

/* Extract the records of the documents in lines into out. */
int input_extract_lines(const settings *set, const corpus_lines *lines, output *out,
                        atomic_int *cancel);
/* Read the list of --files-from FILE ("-": standard input), one path a
 * line, or NUL-separated (sep '\0'); empty entries are skipped.  The
 * paths are appended to *paths (*count of them, allocated with malloc).
 * Returns 0, or -1 after a message. */
int input_list_read(const char *file, int sep, char ***paths, int *count);

/* ---- dedupe.c -------------------------------------------------------- */

/* The records of one document seen so far, for --dedupe. */
typedef struct dedupe dedupe;
dedupe *dedupe_new(void);
/* 1 when r repeats a record seen since the last reset (drop it), 0 when
 * it is new (it is remembered), -1 when memory ran out. */
int dedupe_repeats(dedupe *d, const lg_record *r);
/* Forget every record: the next document starts. */
void dedupe_reset(dedupe *d);
void dedupe_free(dedupe *d);

/* ---- batch.c --------------------------------------------------------- */

/* How a batch went, for the closing summary and counts. */
typedef struct batch_summary {
    int inputs;               /* paths given */
    int skipped;              /* --skip-existing: outputs already there */
    int failed;               /* inputs with an error */
    long long records;        /* records written */
} batch_summary;

/* Extract every path in order (count >= 1) to standard output or
 * --output-dir and return the exit status; summary (may be NULL) says
 * how it went. */
int batch_run(const settings *set, char *const *paths, int count, batch_summary *summary);
/* A fragment held in memory moves to a temporary file once it is large;
 * called after each record written to it (does nothing for others). */
void fragment_check(output *frag);

/* ---- rules.c --------------------------------------------------------- */

/* Build the lexicon of LAWGOV_RULES and --rules into set (nothing when
 * neither names a file).  Returns 0, or -1 after an error message. */
int rules_load(settings *set);
/* --dump-rules: the lists in effect on standard output.  0, or -1. */
int rules_dump(const settings *set);
void rules_release(settings *set);

#endif
