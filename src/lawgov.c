/* lawgov.c - the pipeline driver behind the public API: reads input in
 * chunks and passes it through decoder -> normalizer -> extractor.
 * decoder -> normalizer -> script (traditional to simplified) -> extractor.
 * Owns: reading from file descriptors and buffers, wiring the stages,
 * the per-file invalid-bytes warning, and status strings. */
#include "lawgov.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "decode.h"
#include "extract.h"
#include "normalize.h"
#include "script.h"
#include "text.h"

#define DEFAULT_BUFFER (64 * 1024)

const char *lg_status_str(lg_status status)
{
    switch (status) {
    case LG_OK: return "success";
    case LG_ERR_NOMEM: return "out of memory";
    case LG_ERR_IO: return "read error";
    case LG_ERR_ENCODING: return "unknown encoding";
    case LG_ERR_REGEX: return "internal pattern error";
    case LG_ERR_ARG: return "invalid argument";
    case LG_ERR_STOPPED: return "stopped";
    }
    return "unknown error";
}

lg_status lg_init(void)
{
    return lg_patterns_init();
}

void lg_cleanup(void)
{
    lg_patterns_free();
    lg_script_cleanup();
}

typedef struct pipeline {
    lg_decoder *decoder;
    lg_normalizer *normalizer;
    lg_script *script;
    lg_extractor *extractor;
    const lg_config *cfg;
    const char *file;
} pipeline;

static void pipeline_free(pipeline *p)
{
    lg_decoder_free(p->decoder);
    lg_normalizer_free(p->normalizer);
    lg_script_free(p->script);
    lg_extractor_free(p->extractor);
}

static void script_warning(void *user, long long offset, const char *message)
{
    const pipeline *p = user;
    if (p->cfg->on_warning)
        p->cfg->on_warning(p->file, offset, message, p->cfg->user);
}

/* The decoded characters go to the table reader, which reads the input's
 * own lines, and then to the normalizer. */
static int tee_chars(void *user, const lg_char *chars, size_t n)
{
    pipeline *p = user;
    if (lg_extractor_chars(p->extractor, chars, n))
        return 1;
    return lg_normalizer_push(p->normalizer, chars, n);
}

static lg_status pipeline_open(pipeline *p, const lg_config *cfg, const char *file,
                               const char *doc)
{
    p->decoder = NULL;
    p->normalizer = NULL;
    p->script = NULL;
    p->extractor = NULL;
    p->cfg = cfg;
    p->file = file;
    /* every string in a record is UTF-8: so must be the ones we are given */
    if (!cfg || !cfg->on_record || (cfg->default_city && !utf8_valid(cfg->default_city)) ||
        (doc && !utf8_valid(doc)))
        return LG_ERR_ARG;
    lg_status st = lg_extractor_new(&p->extractor, cfg, file, doc);
    if (st == LG_OK)
        st = lg_script_new(&p->script, lg_extractor_sentence, p->extractor, script_warning, p);
    if (st == LG_OK)
        st = lg_normalizer_new(&p->normalizer, lg_script_sentence, p->script);
    if (st == LG_OK)
        st = lg_decoder_new(&p->decoder, cfg->encoding, tee_chars, p);
    if (st != LG_OK)
        pipeline_free(p);
    return st;
}

/* The decoder reports LG_ERR_STOPPED when a later stage stopped: say why. */
static lg_status stage_status(const pipeline *p, lg_status st)
{
    if (st == LG_ERR_STOPPED && lg_script_failed(p->script))
        return LG_ERR_NOMEM;
    if (st == LG_ERR_STOPPED && lg_extractor_status(p->extractor) != LG_OK)
        return lg_extractor_status(p->extractor);
    return st;
}

static lg_status pipeline_close(pipeline *p, const lg_config *cfg, const char *file,
                                lg_status st)
{
    if (st == LG_OK) {
        st = stage_status(p, lg_decoder_finish(p->decoder));
        if (st == LG_OK && lg_extractor_chars_end(p->extractor))
            st = lg_extractor_status(p->extractor);
        if (st == LG_OK && lg_normalizer_finish(p->normalizer))
            st = lg_script_failed(p->script) ? LG_ERR_NOMEM : lg_extractor_status(p->extractor);
        if (st == LG_OK)
            st = lg_extractor_finish(p->extractor);
    }
    size_t bad = lg_decoder_invalid_count(p->decoder);
    if (bad && cfg->on_warning) {
        char msg[160];
        snprintf(msg, sizeof msg, "%zu invalid byte sequence%s in %s input replaced by U+FFFD, first at byte %lld",
                 bad, bad == 1 ? "" : "s",
                 lg_decoder_encoding(p->decoder) ? lg_decoder_encoding(p->decoder) : "the",
                 lg_decoder_first_invalid(p->decoder));
        cfg->on_warning(file, lg_decoder_first_invalid(p->decoder), msg, cfg->user);
    }
    pipeline_free(p);
    return st;
}

lg_status lg_extract_fd(const lg_config *cfg, int fd, const char *file, const char *doc)
{
    pipeline p;
    lg_status st = pipeline_open(&p, cfg, file, doc);
    if (st != LG_OK)
        return st;
    size_t size = cfg->buffer_size ? cfg->buffer_size : DEFAULT_BUFFER;
    unsigned char *buf = malloc(size);
    if (!buf) {
        pipeline_free(&p);
        return LG_ERR_NOMEM;
    }
    for (;;) {
        ssize_t got = read(fd, buf, size);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            st = LG_ERR_IO;
            break;
        }
        if (got == 0)
            break;
        st = stage_status(&p, lg_decoder_feed(p.decoder, buf, (size_t)got));
        if (st != LG_OK)
            break;
    }
    free(buf);
    int saved = errno;
    st = pipeline_close(&p, cfg, file, st);
    errno = saved;
    return st;
}

lg_status lg_extract_buffer(const lg_config *cfg, const char *data, size_t size,
                            const char *file, const char *doc)
{
    pipeline p;
    lg_status st = pipeline_open(&p, cfg, file, doc);
    if (st != LG_OK)
        return st;
    size_t chunk = cfg->buffer_size ? cfg->buffer_size : DEFAULT_BUFFER;
    for (size_t at = 0; at < size && st == LG_OK; at += chunk) {
        size_t n = size - at < chunk ? size - at : chunk;
        st = stage_status(&p, lg_decoder_feed(p.decoder, (const unsigned char *)data + at, n));
    }
    return pipeline_close(&p, cfg, file, st);
}
