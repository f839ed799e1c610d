/* main.c - the lawgov-extract command line: the option table, parsing,
 * --help and main().  The work is done in cli/ (see cli/cli.h); every
 * thing it knows about reports it learns from include/lawgov.h.
 *
 * One table lists every option: getopt_long's arguments and the --help
 * text are both built from it, so they cannot drift apart. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../cli/cli.h"

/* Codes of the options that have no short form: above any character. */
enum {
    OPT_CITY = 256, OPT_YEAR, OPT_FORMAT, OPT_FIELDS, OPT_BOM, OPT_OUTPUT_DIR,
    OPT_INPUT_FORMAT, OPT_ID_FIELD, OPT_TEXT_FIELD,
    OPT_DEDUPE, OPT_FILES_WITHOUT_RECORDS,
    OPT_SKIP_EXISTING, OPT_NO_HEADER, OPT_FILES_FROM, OPT_RULES, OPT_DUMP_RULES
};

typedef struct option_spec {
    int code;          /* the short option, an OPT_ code, or 0 for a heading */
    const char *name;  /* the long option */
    const char *arg;   /* the argument's name in --help; NULL: no argument */
    const char *help;  /* one line of --help (the heading's text) */
} option_spec;

static const option_spec option_table[] = {
    {0, NULL, NULL, "Input:"},
    {'e', "encoding", "NAME", "input encoding (default: detect; see the man page)"},
    {'b', "buffer-size", "N", "read N bytes at a time, N >= 1 (default 65536)"},
    {OPT_CITY, "city", "NAME", "city for reports whose text names none (e.g. 杭州市)"},
    {OPT_YEAR, "year", "N", "year for reports whose text names none"},
    {OPT_INPUT_FORMAT, "input-format", "FMT", "text (default), or jsonl: a JSON document per line"},
    {OPT_ID_FIELD, "id-field", "NAME", "jsonl: the document id's field (default id)"},
    {OPT_TEXT_FIELD, "text-field", "NAME", "jsonl: the document text's field (default text)"},
    {OPT_FILES_FROM, "files-from", "FILE", "read input paths from FILE, one a line (- for stdin)"},
    {'0', "null", NULL, "--files-from: the paths end with NUL (find -print0)"},
    {OPT_RULES, "rules", "FILE", "add or remove units, words, places, labels (repeatable)"},
    {OPT_DUMP_RULES, "dump-rules", NULL, "print the rules in effect (in --rules format) and exit"},
    {0, NULL, NULL, "Output:"},
    {OPT_FORMAT, "format", "FMT", "jsonl (default), json, csv, tsv or html (review page)"},
    {OPT_FIELDS, "fields", "LIST", "the fields to write, comma-separated, in that order"},
    {OPT_BOM, "bom", NULL, "start CSV and TSV with a UTF-8 BOM (for Excel)"},
    {OPT_NO_HEADER, "no-header", NULL, "CSV and TSV without the header line (to append)"},
    {OPT_OUTPUT_DIR, "output-dir", "DIR", "write DIR/PATH/NAME.jsonl (.json .csv .tsv .html) per FILE"},
    {OPT_SKIP_EXISTING, "skip-existing", NULL, "--output-dir: skip inputs with an output (to resume)"},
    {'j', "jobs", "N", "extract N files at once (0: one per CPU), same output"},
    {OPT_DEDUPE, "dedupe", NULL, "drop a record repeating an earlier one of its document"},
    {'c', "count", NULL, "print FILE:N, the records of each FILE, instead of records"},
    {OPT_FILES_WITHOUT_RECORDS, "files-without-records", NULL, "print the name of each FILE that gave no record"},
    {0, NULL, NULL, "Messages:"},
    {'q', "quiet", NULL, "no warnings and no progress line"},
    {'h', "help", NULL, "show this help and exit"},
    {'V', "version", NULL, "show the version and exit"},
};

#define OPTION_COUNT (sizeof option_table / sizeof *option_table)

/* parse_options() returns this to let main() go on; any other value is
 * the exit status. */
#define GO_ON (-1)

/* ---- --help and --version ---------------------------------------------- */

/* "-e, --encoding=NAME" or "    --city=NAME"; returns its length. */
static int option_label(char *buf, size_t size, const option_spec *o)
{
    char brief[8] = "    ";
    if (o->code < 256)
        snprintf(brief, sizeof brief, "-%c, ", o->code);
    return snprintf(buf, size, "%s--%s%s%s", brief, o->name, o->arg ? "=" : "",
                    o->arg ? o->arg : "");
}

static void print_help(void)
{
    char label[64];
    int width = 0;
    for (size_t i = 0; i < OPTION_COUNT; i++)
        if (option_table[i].code) {
            int n = option_label(label, sizeof label, &option_table[i]);
            width = n > width ? n : width;
        }
    printf("Usage: " PROG " [OPTION]... [FILE]...\n"
           "Extract the indicators of Chinese reports on law-based government as\n"
           "JSON Lines, JSON, CSV or TSV, or show them marked in the text on an HTML\n"
           "review page.  With no FILE, or when FILE is -, read standard input.\n");
    for (size_t i = 0; i < OPTION_COUNT; i++) {
        const option_spec *o = &option_table[i];
        if (!o->code) {
            printf("\n%s\n", o->help);
            continue;
        }
        option_label(label, sizeof label, o);
        printf("  %-*s  %s\n", width, label, o->help);
    }
    printf("\nFields (doc only with --input-format jsonl):\n ");
    int column = 1;
    for (int f = 0; f < FIELD_COUNT; f++) {
        const char *name = field_name((field_id)f);
        if (column + strlen(name) + 2 > 78) {
            printf("\n ");
            column = 1;
        }
        column += printf(" %s%s", name, f + 1 < FIELD_COUNT ? "," : "");
    }
    printf("\n"
           "\nExit status: 0 if a record was written, 1 if none, 2 on error.\n"
           "See lawgov-extract(1).\n");
}

/* --help and --version write to stdout, which may be full too. */
static int finish_stdout(void)
{
    if (fclose(stdout) != 0 && errno != EPIPE) {
        diag_error("write error: %s", strerror(errno));
        return EXIT_TROUBLE;
    }
    return EXIT_RECORDS;
}

/* ---- parsing ------------------------------------------------------------ */

static int parse_number(const char *s, long min, long max, long *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || end == s || *end || v < min || v > max)
        return -1;
    *out = v;
    return 0;
}

static int parse_jobs(settings *set, const char *arg)
{
    long n;
    if (parse_number(arg, 0, 1024, &n) != 0)
        return diag_usage_error("invalid number of jobs '%s' (0 to 1024)", arg);
    if (n == 0) {
        n = sysconf(_SC_NPROCESSORS_ONLN);
        n = n < 1 ? 1 : n > 1024 ? 1024 : n;
    }
    set->jobs = (int)n;
    return GO_ON;
}

static int parse_input_format(settings *set, const char *arg)
{
    if (strcmp(arg, "text") == 0)
        set->jsonl_input = 0;
    else if (strcmp(arg, "jsonl") == 0)
        set->jsonl_input = 1;
    else
        return diag_usage_error("unknown input format '%s' (text or jsonl)", arg);
    return GO_ON;
}

/* Apply one option.  Returns GO_ON, or the exit status. */
static int apply_option(settings *set, int code, const char *arg, const char **fields)
{
    long n;
    switch (code) {
    case 'e': set->extract.encoding = arg; break;
    case 'b':
        if (parse_number(arg, 1, 1L << 30, &n) != 0)
            return diag_usage_error("invalid buffer size '%s' (1 to 1073741824)", arg);
        set->extract.buffer_size = (size_t)n;
        break;
    case OPT_CITY: {
        char *bad = utf8_sanitized(arg);
        if (bad) {
            free(bad);
            return diag_usage_error("--city: not UTF-8");
        }
        set->extract.default_city = arg;
        break;
    }
    case OPT_YEAR:
        if (parse_number(arg, 1000, 9999, &n) != 0)
            return diag_usage_error("invalid year '%s'", arg);
        set->extract.default_year = (int)n;
        break;
    case OPT_INPUT_FORMAT: return parse_input_format(set, arg);
    case OPT_ID_FIELD: set->id_field = arg; break;
    case OPT_TEXT_FIELD: set->text_field = arg; break;
    case OPT_FORMAT:
        if (format_parse(arg, &set->format) != 0)
            return diag_usage_error("unknown format '%s' (jsonl, json, csv, tsv or html)", arg);
        break;
    case OPT_FIELDS: *fields = arg; break;
    case OPT_BOM: set->bom = 1; break;
    case OPT_OUTPUT_DIR:
        if (!*arg)
            return diag_usage_error("--output-dir needs a directory name");
        set->output_dir = arg;
        break;
    case OPT_SKIP_EXISTING: set->skip_existing = 1; break;
    case OPT_NO_HEADER: set->no_header = 1; break;
    case OPT_FILES_FROM: set->files_from = arg; break;
    case '0': set->files_null = 1; break;
    case OPT_RULES: set->rules[set->rules_count++] = arg; break;
    case OPT_DUMP_RULES: set->dump_rules = 1; break;
    case 'j': return parse_jobs(set, arg);
    case OPT_DEDUPE: set->dedupe = 1; break;
    case 'c': set->list_mode = LIST_COUNT; break;
    case OPT_FILES_WITHOUT_RECORDS: set->list_mode = LIST_WITHOUT_RECORDS; break;
    case 'q': set->quiet = 1; break;
    case 'h': print_help(); return finish_stdout();
    case 'V': printf(PROG " %s\n", LG_VERSION); return finish_stdout();
    default: return diag_try_help();  /* getopt has said what is wrong */
    }
    return GO_ON;
}

/* Options that only make sense together, and the field list, which
 * depends on the input format. */
static int check_settings(settings *set, const char *fields, int id_or_text_field)
{
    if (set->bom && set->format != FORMAT_CSV && set->format != FORMAT_TSV)
        return diag_usage_error("--bom needs --format csv or tsv");
    if (id_or_text_field && !set->jsonl_input)
        return diag_usage_error("--id-field and --text-field need --input-format jsonl");
    if (set->list_mode && set->output_dir)
        return diag_usage_error("--count and --files-without-records write no records: not with --output-dir");
    if (set->skip_existing && !set->output_dir)
        return diag_usage_error("--skip-existing needs --output-dir");
    if (set->no_header && set->format != FORMAT_CSV && set->format != FORMAT_TSV)
        return diag_usage_error("--no-header needs --format csv or tsv");
    if (set->files_null && !set->files_from)
        return diag_usage_error("-0 (--null) needs --files-from");
    if (!fields) {
        fields_default(set);
        return GO_ON;
    }
    const char *bad;
    size_t len;
    int why = fields_parse(set, fields, &bad, &len);
    if (why == -1)
        return diag_usage_error("unknown field '%.*s' in --fields", (int)len, bad);
    if (why == -2)
        return diag_usage_error("field '%.*s' given twice in --fields", (int)len, bad);
    return GO_ON;
}

/* getopt_long's arguments, built from option_table. */
static void build_getopt(struct option *longs, char *shorts)
{
    int n = 0;
    for (size_t i = 0; i < OPTION_COUNT; i++) {
        const option_spec *o = &option_table[i];
        if (!o->code)
            continue;
        longs[n].name = o->name;
        longs[n].has_arg = o->arg ? required_argument : no_argument;
        longs[n].flag = NULL;
        longs[n].val = o->code;
        n++;
        if (o->code < 256) {
            *shorts++ = (char)o->code;
            if (o->arg)
                *shorts++ = ':';
        }
    }
    memset(&longs[n], 0, sizeof longs[n]);
    *shorts = '\0';
}

static int parse_options(settings *set, int argc, char **argv)
{
    struct option longs[OPTION_COUNT + 1];
    char shorts[2 * OPTION_COUNT + 1];
    build_getopt(longs, shorts);
    /* getopt names the program after argv[0] ("./lawgov-extract") in its
     * messages; ours always read "lawgov-extract: " */
    argv[0] = (char *)PROG;
    const char *fields = NULL;
    int id_or_text_field = 0;
    set->rules = calloc((size_t)argc, sizeof *set->rules); /* room for every --rules */
    if (!set->rules) {
        diag_error("%s", lg_status_str(LG_ERR_NOMEM));
        return EXIT_TROUBLE;
    }
    int code;
    while ((code = getopt_long(argc, argv, shorts, longs, NULL)) != -1) {
        int status = apply_option(set, code, optarg, &fields);
        if (status != GO_ON)
            return status;
        id_or_text_field |= code == OPT_ID_FIELD || code == OPT_TEXT_FIELD;
    }
    return check_settings(set, fields, id_or_text_field);
}

static void settings_init(settings *set)
{
    memset(set, 0, sizeof *set);
    set->format = FORMAT_JSONL;
    set->jobs = 1;
    set->id_field = "id";
    set->text_field = "text";
}

static int ignore_record(const lg_record *record, void *user)
{
    (void)record;
    (void)user;
    return 0;
}

/* An unknown --encoding is a usage error, found before any file is read:
 * extracting nothing opens the decoder, which is where iconv says no. */
static int check_encoding(const settings *set)
{
    if (!set->extract.encoding)
        return GO_ON;
    lg_config probe = set->extract;
    probe.on_record = ignore_record;
    probe.on_warning = NULL;
    if (lg_extract_buffer(&probe, "", 0, "-", NULL) == LG_ERR_ENCODING)
        return diag_usage_error("unknown encoding '%s'", set->extract.encoding);
    return GO_ON;
}

/* The inputs: the command line's FILEs, then --files-from's; standard
 * input when there are none. */
static int run_inputs(const settings *set, int count, char **files)
{
    char *standard_input[] = {"-"};
    if (!set->files_from)
        return count ? batch_run(set, files, count, NULL) : batch_run(set, standard_input, 1, NULL);
    char **paths = malloc(((size_t)count + 1) * sizeof *paths);
    if (!paths) {
        diag_error("%s", strerror(ENOMEM));
        return EXIT_TROUBLE;
    }
    memcpy(paths, files, (size_t)count * sizeof *paths);
    int listed = count;
    int status = EXIT_TROUBLE;
    if (input_list_read(set->files_from, set->files_null ? '\0' : '\n', &paths, &listed) == 0) {
        if (listed > 0)
            status = batch_run(set, paths, listed, NULL);
        else
            diag_error("%s: no input paths", set->files_from);
    }
    for (int i = count; i < listed; i++)
        free(paths[i]);
    free(paths);
    return status;
}

int main(int argc, char **argv)
{
    /* a closed pipe must show up as EPIPE from write(), not kill us */
    signal(SIGPIPE, SIG_IGN);
    settings set;
    settings_init(&set);
    int status = parse_options(&set, argc, argv);
    if (status != GO_ON) {
        free(set.rules);
        return status;
    }
    diag_setup(set.quiet);
    lg_status st = lg_init();
    if (st != LG_OK) {
        diag_error("%s", lg_status_str(st));
        rules_release(&set);
        return EXIT_TROUBLE;
    }
    if (rules_load(&set) != 0)
        status = EXIT_TROUBLE;
    else if (set.dump_rules)
        status = rules_dump(&set) == 0 ? finish_stdout() : EXIT_TROUBLE;
    else
        status = check_encoding(&set);
    if (status == GO_ON)
        status = run_inputs(&set, argc - optind, argv + optind);
    rules_release(&set);
    lg_cleanup();
    return status;
}
