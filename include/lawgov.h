/* lawgov.h - the public API of liblawgov, the library under lawgov-extract.
 *
 * liblawgov reads a Chinese report about 法治政府建设 (GB18030, UTF-8 or
 * UTF-16, streamed in chunks), repairs the damage PDF and web extraction
 * leave in it, and calls back once per indicator it finds (city, year,
 * metric, value, unit...).  See docs/record-format.md for the contract.
 *
 * The library never prints, never exits and never calls setlocale.  Errors
 * are returned as lg_status values; warnings (invalid bytes...) are passed
 * to a callback.  The default lexicon and its compiled patterns are shared
 * and read-only after lg_init(), as is any lg_lexicon once built, so
 * several extractions may run at once in different threads, each with its
 * own lg_config. */
#ifndef LAWGOV_H
#define LAWGOV_H

#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define LG_VERSION_MAJOR 0
#define LG_VERSION_MINOR 1
#define LG_VERSION_PATCH 0
#define LG_VERSION "0.1.0"

typedef enum lg_status {
    LG_OK = 0,
    LG_ERR_NOMEM,    /* an allocation failed */
    LG_ERR_IO,       /* reading the input failed (errno is kept) */
    LG_ERR_ENCODING, /* the encoding named is unknown to iconv */
    LG_ERR_REGEX,    /* a pattern failed to compile (a bug) */
    LG_ERR_ARG,      /* a bad argument */
    LG_ERR_STOPPED   /* the record callback asked to stop */
} lg_status;

/* A static English description of a status. */
const char *lg_status_str(lg_status status);

/* One indicator.  Every string is UTF-8 and NUL-terminated; NULL stands for
 * JSON null.  The record and its strings are only valid during the
 * callback: copy what you keep. */
typedef struct lg_record {
    const char *file;      /* the name given to lg_extract_*, "-" for stdin */
    const char *doc;       /* document id, or NULL */
    long long line;        /* 1-based input line of the value's first character */
    long long offset;      /* its byte offset in the input as read */
    const char *city;      /* 包头市, or NULL */
    const char *district;  /* 达尔罕茂明安联合旗, or NULL */
    const char *adcode;    /* 6-digit code of district, else city, or NULL */
    int year;              /* 0 when unknown */
    const char *period;    /* 2022-H1, 2016/2020, or NULL */
    const char *metric;    /* the indicator's name */
    double value;          /* in base units */
    const char *value_str; /* the same value as an exact decimal string: "8181000" */
    const char *unit;      /* 件, 元, %, 百分点, 倍, 名, 天..., "" when none */
    const char *qualifier; /* over, approx, nearly, under, or NULL */
    const char *kind;      /* count, money, percent, change, multiple, rank, duration, measure */
    const char *text;      /* the value and unit as normalized: 12.6万件 */
    const char *context;   /* the normalized sentence */
    /* After the fields above so that code built against them still reads
     * them where it did. */
    const char *role;      /* actual, baseline or target (never NULL) */
    const char *indicator; /* the standard indicator it measures (a name of
                            * rules/indicators.rules: 行政复议案件收案数), or NULL */
} lg_record;

/* Called once per record, in input order.  Return 0 to go on, non-zero to
 * stop the extraction (lg_extract_* then returns LG_ERR_STOPPED). */
typedef int (*lg_record_fn)(const lg_record *record, void *user);

/* Called for each warning about the input: file name, byte offset (or -1)
 * and a message in English. */
typedef void (*lg_warning_fn)(const char *file, long long offset,
                              const char *message, void *user);

/* The lexicon: the words, units, qualifiers, numerals, labels and place
 * aliases the extractor knows, as sections of rules (see the rules directory and
 * the man page's RULES).  lg_lexicon_new() gives the compiled-in defaults;
 * lg_lexicon_add_file() and lg_lexicon_add_string() add ("+word" or
 * "word") and remove ("-word") entries by section.  A lexicon carries its
 * own compiled patterns; once built it is only read, so any number of
 * extractions may share it, in any thread (do not add to it while they
 * run).  A bad line leaves the lines before it in effect. */
typedef struct lg_lexicon lg_lexicon;

/* Where a rules text is bad: the file (or the name given a string), the
 * 1-based line (0 when the file could not be read) and why, in English. */
typedef struct lg_rules_error {
    char file[256];
    long line;
    char reason[160];
} lg_rules_error;

/* The compiled-in defaults.  LG_OK, or LG_ERR_NOMEM. */
lg_status lg_lexicon_new(lg_lexicon **out);
/* Add the rules of a UTF-8 file.  LG_ERR_IO (errno kept) when it cannot be
 * read, LG_ERR_ARG on a bad line (an unknown section, an entry that does
 * not fit its section, bytes that are not UTF-8); *error says where when
 * error is not NULL. */
lg_status lg_lexicon_add_file(lg_lexicon *lexicon, const char *path, lg_rules_error *error);
/* The same for rules text in memory (NUL-terminated); name is used in
 * *error. */
lg_status lg_lexicon_add_string(lg_lexicon *lexicon, const char *name, const char *text,
                                lg_rules_error *error);
/* Write every list in effect to out, in the rules format (a file that
 * lg_lexicon_add_file() reads back to the same lists).  LG_ERR_IO when
 * writing failed. */
lg_status lg_lexicon_dump(const lg_lexicon *lexicon, FILE *out);
void lg_lexicon_free(lg_lexicon *lexicon);

/* One normalized sentence, as the extractor reads it: the text a review
 * page shows, with the position of every character in the input.  Valid
 * only during the callback. */
#define LG_SENTENCE_PARA_START 1u /* the first sentence of a paragraph */
#define LG_SENTENCE_TABLE_ROW 2u  /* its paragraph is a table row: | a | b | */

typedef struct lg_sentence_char {
    size_t byte;       /* where the character starts in text */
    long long offset;  /* the byte offset of its first byte in the input */
    long long line;    /* its 1-based input line */
} lg_sentence_char;

typedef struct lg_sentence {
    const char *file;              /* as in records */
    const char *doc;
    const char *text;              /* UTF-8, NUL-terminated */
    size_t len;                    /* bytes of text */
    const lg_sentence_char *chars; /* one per character of text, in order */
    size_t n_chars;
    unsigned flags;                /* LG_SENTENCE_* */
    const char *encoding;          /* the input's: "UTF-8", "GB18030"... */
} lg_sentence;

/* Records are held back until the report's city and year are settled:
 * once sentences of this many characters in all, its own first, have been
 * passed to on_sentence, a record comes before the next sentence does. */
#define LG_HOLD_CHARS 65536

/* Called once per sentence, in input order, before any record found in
 * it.  Return 0 to go on, non-zero to stop (LG_ERR_STOPPED). */
typedef int (*lg_sentence_fn)(const lg_sentence *sentence, void *user);

/* The report's own city and year as the extractor settles them (from its
 * opening, else the places and years it gives figures for, else the
 * defaults in lg_config): what a record takes when its sentence names no
 * other.  district is set when the report is a county's own. */
typedef struct lg_report {
    const char *file;
    const char *doc;
    const char *city;     /* NULL when none was found */
    const char *district; /* NULL unless the report is a county's */
    int year;             /* 0 when none was found */
} lg_report;

/* Called once per document, when its city and year are settled: before
 * its first record, at most LG_HOLD_CHARS characters into it (or at its
 * end). */
typedef void (*lg_report_fn)(const lg_report *report, void *user);

typedef struct lg_config {
    const char *encoding;     /* iconv name, or NULL to detect */
    size_t buffer_size;       /* read chunk size in bytes; 0 = 64 KiB */
    const char *default_city; /* city for reports that name none, or NULL;
                               * must be UTF-8 (else LG_ERR_ARG) */
    int default_year;         /* year for reports that name none, or 0 */
    lg_record_fn on_record;
    lg_warning_fn on_warning; /* may be NULL */
    void *user;               /* passed to every callback */
    lg_sentence_fn on_sentence; /* may be NULL; costs a copy per sentence */
    lg_report_fn on_report;     /* may be NULL */
    const lg_lexicon *lexicon; /* the vocabulary, or NULL for the compiled-in defaults */
} lg_config;

/* Compile the shared patterns.  Called by every lg_extract_* function;
 * call it first yourself before starting threads, or to learn early that
 * something is wrong.  Safe to call more than once. */
lg_status lg_init(void);

/* Extract from everything readable from fd (read in buffer_size chunks, so
 * memory stays bounded whatever the input's size).  file names the input
 * in records and warnings, passed through as given (a file name need not
 * be UTF-8: check it before writing it as JSON); doc may be NULL, else it
 * must be UTF-8. */
lg_status lg_extract_fd(const lg_config *config, int fd, const char *file,
                        const char *doc);

/* Extract from a buffer in memory (a document of a JSON Lines corpus). */
lg_status lg_extract_buffer(const lg_config *config, const char *data,
                            size_t size, const char *file, const char *doc);

/* Release the shared default lexicon (for leak checkers; optional).  A
 * later lg_init() or extraction builds it again. */
void lg_cleanup(void);

#ifdef __cplusplus
}
#endif

#endif
