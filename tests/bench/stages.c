/* stages.c - where the time goes: runs the library's stages on one file
 * held in memory and prints the CPU time of each, for `make bench`.
 *
 *   usage: stages FILE [RUNS]
 *
 * Prints one line, "decode D normalize N extract E records R library L"
 * (ms; the best of RUNS runs of each of decode alone, decode + normalize,
 * decode + normalize + the sentence extractor, and lg_extract_buffer(),
 * the whole library as the CLI calls it, tables and script stage
 * included; both with a record callback that only counts).  The normalize
 * and extract figures are differences of those runs; L - D - N - E is
 * what the library spends beyond them (tables, the script stage, the
 * positions of sentences).  Output formatting is the CLI's and is not in
 * here: the benchmark gets it as the CLI's time minus L. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "decode.h"
#include "extract.h"
#include "normalize.h"

enum stage { DECODE, NORMALIZE, EXTRACT, LIBRARY };

static int ignore_chars(void *user, const lg_char *c, size_t n)
{
    (void)user, (void)c, (void)n;
    return 0;
}

static int ignore_sentence(void *user, const lg_char *c, size_t n, unsigned flags)
{
    (void)user, (void)c, (void)n, (void)flags;
    return 0;
}

static int count_record(const lg_record *r, void *user)
{
    (void)r;
    (*(long *)user)++;
    return 0;
}

static double cpu_seconds(void)
{
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* The whole library, as the CLI runs it on a file; seconds, or -1. */
static double run_library(const unsigned char *data, size_t size, long *records)
{
    lg_config cfg = {0};
    cfg.on_record = count_record;
    cfg.user = records;
    double start = cpu_seconds();
    lg_status st = lg_extract_buffer(&cfg, (const char *)data, size, "bench", NULL);
    double took = cpu_seconds() - start;
    return st == LG_OK ? took : -1;
}

/* Run the stages up to last over data; returns seconds, or -1. */
static double run(const unsigned char *data, size_t size, enum stage last, long *records)
{
    if (last == LIBRARY)
        return run_library(data, size, records);
    lg_config cfg = {0};
    cfg.on_record = count_record;
    cfg.user = records;
    lg_extractor *ex = NULL;
    lg_normalizer *nz = NULL;
    lg_decoder *dec = NULL;
    double start = cpu_seconds();
    lg_status st = LG_OK;
    if (last == EXTRACT)
        st = lg_extractor_new(&ex, &cfg, "bench", NULL);
    if (st == LG_OK && last >= NORMALIZE)
        st = last == EXTRACT ? lg_normalizer_new(&nz, NULL, lg_extractor_sentence, ex)
                             : lg_normalizer_new(&nz, NULL, ignore_sentence, NULL);
    if (st == LG_OK)
        st = nz ? lg_decoder_new(&dec, NULL, lg_normalizer_push, nz)
                : lg_decoder_new(&dec, NULL, ignore_chars, NULL);
    for (size_t at = 0; st == LG_OK && at < size; at += 65536)
        st = lg_decoder_feed(dec, data + at, size - at < 65536 ? size - at : 65536);
    if (st == LG_OK)
        st = lg_decoder_finish(dec);
    if (st == LG_OK && nz && lg_normalizer_finish(nz))
        st = LG_ERR_STOPPED;
    if (st == LG_OK && ex)
        st = lg_extractor_finish(ex);
    double took = cpu_seconds() - start;
    lg_decoder_free(dec);
    lg_normalizer_free(nz);
    lg_extractor_free(ex);
    return st == LG_OK ? took : -1;
}

static unsigned char *slurp(const char *path, size_t *size)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return NULL;
    size_t cap = 1 << 20, len = 0, got;
    unsigned char *buf = malloc(cap);
    while (buf && (got = fread(buf + len, 1, cap - len, fp)) > 0) {
        len += got;
        if (len < cap)
            continue;
        unsigned char *grown = realloc(buf, cap *= 2);
        if (!grown)
            free(buf);
        buf = grown;
    }
    if (ferror(fp)) {
        free(buf);
        buf = NULL;
    }
    fclose(fp);
    *size = len;
    return buf;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s FILE [RUNS]\n", argv[0]);
        return 2;
    }
    int runs = argc > 2 ? atoi(argv[2]) : 3;
    size_t size = 0;
    unsigned char *data = slurp(argv[1], &size);
    if (!data || lg_init() != LG_OK) {
        fprintf(stderr, "%s: cannot read %s\n", argv[0], argv[1]);
        return 2;
    }
    double best[4] = {1e30, 1e30, 1e30, 1e30};
    long records = 0;
    for (int r = 0; r < (runs > 0 ? runs : 1); r++)
        for (int s = DECODE; s <= LIBRARY; s++) {
            records = 0;
            double t = run(data, size, (enum stage)s, &records);
            if (t < 0) {
                fprintf(stderr, "%s: extraction failed\n", argv[0]);
                return 2;
            }
            if (t < best[s])
                best[s] = t;
        }
    printf("decode %.1f normalize %.1f extract %.1f records %ld library %.1f\n", best[0] * 1e3,
           (best[1] - best[0]) * 1e3, (best[2] - best[1]) * 1e3, records, best[3] * 1e3);
    free(data);
    lg_cleanup();
    return 0;
}
