/* main.c - the lawgov-extract command line: options, files, output.
 * A thin layer over include/lawgov.h; everything it knows about reports
 * it learns from the library. */
#define _POSIX_C_SOURCE 200809L
#include <cjson/cJSON.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lawgov.h"

#define PROG "lawgov-extract"

typedef struct cli {
    lg_config cfg;
    int quiet;
    long long records;
    int write_failed;
    int broken_pipe;
} cli;

static void usage(FILE *to)
{
    fprintf(to,
            "Usage: " PROG " [OPTION]... [FILE]...\n"
            "Extract the indicators of Chinese law-based government reports as JSON Lines.\n"
            "With no FILE, or when FILE is -, read standard input.\n"
            "\n"
            "  -e, --encoding NAME    input encoding (default: detect UTF-8/UTF-16 BOM, UTF-8, GB18030)\n"
            "  -b, --buffer-size N    read N bytes at a time (default 65536)\n"
            "      --city NAME        city for reports whose text names none (e.g. 包头市)\n"
            "      --year N           year for reports whose text names none\n"
            "  -q, --quiet            no warnings\n"
            "  -h, --help             show this help and exit\n"
            "  -V, --version          show the version and exit\n"
            "\n"
            "Exit status: 0 if any record was written, 1 if none, 2 on error.\n");
}

static void warn(const char *file, long long offset, const char *message, void *user)
{
    cli *c = user;
    (void)offset;
    if (!c->quiet)
        fprintf(stderr, PROG ": %s: warning: %s\n", file, message);
}

static void add_string(cJSON *o, const char *key, const char *value)
{
    if (value)
        cJSON_AddStringToObject(o, key, value);
    else
        cJSON_AddNullToObject(o, key);
}

static int on_record(const lg_record *r, void *user)
{
    cli *c = user;
    cJSON *o = cJSON_CreateObject();
    if (!o)
        return 1;
    add_string(o, "file", r->file);
    if (r->doc)
        add_string(o, "doc", r->doc);
    cJSON_AddNumberToObject(o, "line", (double)r->line);
    cJSON_AddNumberToObject(o, "offset", (double)r->offset);
    add_string(o, "city", r->city);
    add_string(o, "district", r->district);
    add_string(o, "adcode", r->adcode);
    if (r->year)
        cJSON_AddNumberToObject(o, "year", r->year);
    else
        cJSON_AddNullToObject(o, "year");
    add_string(o, "period", r->period);
    add_string(o, "metric", r->metric);
    /* the exact decimal string, never a rounded double */
    cJSON_AddItemToObject(o, "value", cJSON_CreateRaw(r->value_str));
    add_string(o, "unit", r->unit);
    add_string(o, "qualifier", r->qualifier);
    add_string(o, "kind", r->kind);
    add_string(o, "text", r->text);
    add_string(o, "context", r->context);
    char *s = cJSON_PrintUnformatted(o);
    cJSON_Delete(o);
    if (!s)
        return 1;
    int failed = fputs(s, stdout) == EOF || putchar('\n') == EOF;
    free(s);
    if (failed) {
        if (errno == EPIPE)
            c->broken_pipe = 1;
        else
            c->write_failed = 1;
        return 1;
    }
    c->records++;
    return 0;
}

static int extract_path(cli *c, const char *path)
{
    int fd = 0;
    if (strcmp(path, "-") != 0) {
        fd = open(path, O_RDONLY);
        if (fd < 0) {
            fprintf(stderr, PROG ": %s: %s\n", path, strerror(errno));
            return 2;
        }
        struct stat st;
        if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
            fprintf(stderr, PROG ": %s: Is a directory\n", path);
            close(fd);
            return 2;
        }
    }
    lg_status st = lg_extract_fd(&c->cfg, fd, path, NULL);
    int err = errno;
    if (fd != 0)
        close(fd);
    if (st == LG_ERR_STOPPED && (c->broken_pipe || c->write_failed))
        return 0;
    if (st == LG_ERR_IO) {
        fprintf(stderr, PROG ": %s: %s\n", path, strerror(err));
        return 2;
    }
    if (st != LG_OK) {
        fprintf(stderr, PROG ": %s: %s\n", path, lg_status_str(st));
        return 2;
    }
    return 0;
}

static int parse_count(const char *s, long min, long max, long *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || end == s || *end || v < min || v > max)
        return -1;
    *out = v;
    return 0;
}

int main(int argc, char **argv)
{
    static const struct option options[] = {
        {"encoding", required_argument, NULL, 'e'},
        {"buffer-size", required_argument, NULL, 'b'},
        {"city", required_argument, NULL, 'C'},
        {"year", required_argument, NULL, 'Y'},
        {"quiet", no_argument, NULL, 'q'},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},
        {NULL, 0, NULL, 0},
    };
    cli c;
    memset(&c, 0, sizeof c);
    c.cfg.on_record = on_record;
    c.cfg.on_warning = warn;
    c.cfg.user = &c;
    int opt;
    long n;
    while ((opt = getopt_long(argc, argv, "e:b:qhV", options, NULL)) != -1) {
        switch (opt) {
        case 'e': c.cfg.encoding = optarg; break;
        case 'b':
            if (parse_count(optarg, 1, 1L << 30, &n)) {
                fprintf(stderr, PROG ": invalid buffer size '%s'\n", optarg);
                return 2;
            }
            c.cfg.buffer_size = (size_t)n;
            break;
        case 'C': c.cfg.default_city = optarg; break;
        case 'Y':
            if (parse_count(optarg, 1000, 9999, &n)) {
                fprintf(stderr, PROG ": invalid year '%s'\n", optarg);
                return 2;
            }
            c.cfg.default_year = (int)n;
            break;
        case 'q': c.quiet = 1; break;
        case 'h': usage(stdout); return 0;
        case 'V': printf(PROG " %s\n", LG_VERSION); return 0;
        default:
            fprintf(stderr, "Try '" PROG " --help' for more information.\n");
            return 2;
        }
    }
    signal(SIGPIPE, SIG_IGN);
    lg_status st = lg_init();
    if (st != LG_OK) {
        fprintf(stderr, PROG ": %s\n", lg_status_str(st));
        return 2;
    }
    int status = 0;
    if (optind == argc) {
        status = extract_path(&c, "-");
    } else {
        for (int i = optind; i < argc && !c.broken_pipe && !c.write_failed; i++) {
            int s = extract_path(&c, argv[i]);
            if (s > status)
                status = s;
        }
    }
    if (!c.broken_pipe && fflush(stdout) == EOF && errno != EPIPE)
        c.write_failed = 1;
    lg_cleanup();
    if (c.write_failed) {
        fprintf(stderr, PROG ": write error: %s\n", strerror(ENOSPC));
        return 2;
    }
    if (status)
        return status;
    return c.records ? 0 : 1;
}
