/* lawgov.c - the pipeline driver behind the public API: reads input in
 * chunks and passes it through decoder -> normalizer -> extractor.
 * decoder -> normalizer -> script (traditional to simplified) ->
 * [sentence tap for lg_config.on_sentence] -> extractor.
 * Owns: reading from file descriptors and buffers, wiring the stages,
 * the per-file invalid-bytes warning, and status strings. */
#include "lawgov.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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
    /* on_sentence: each sentence's UTF-8 and positions, reused */
    const lg_config *cfg;
    const char *file, *doc;
    text_buf text;
    lg_sentence_char *pos;
    size_t pos_cap;
    lg_status tap_status;
} pipeline;

static int grow_positions(pipeline *p, size_t n)
{
    if (n <= p->pos_cap)
        return 0;
    size_t cap = p->pos_cap ? p->pos_cap : 256;
    while (cap < n)
        cap *= 2;
    lg_sentence_char *q = realloc(p->pos, cap * sizeof *q);
    if (!q)
        return -1;
    p->pos = q;
    p->pos_cap = cap;
    return 0;
}

/* Between normalizer and extractor when the caller wants the sentences:
 * pass each to on_sentence first, so that its records come after it. */
static int sentence_tap(void *user, const lg_char *chars, size_t n, unsigned flags)
{
    pipeline *p = user;
    text_reset(&p->text);
    if (grow_positions(p, n) != 0 || text_reserve(&p->text, 4 * n) != 0) {
        p->tap_status = LG_ERR_NOMEM;
        return 1;
    }
    for (size_t i = 0; i < n; i++) {
        p->pos[i].byte = p->text.len;
        p->pos[i].offset = chars[i].offset;
        p->pos[i].line = chars[i].line;
        p->text.len += utf8_encode(chars[i].cp, p->text.data + p->text.len);
    }
    p->text.data[p->text.len] = '\0';
    lg_sentence s = {p->file, p->doc, p->text.data, p->text.len, p->pos, n,
                     (flags & LG_SENT_PARA_START ? LG_SENTENCE_PARA_START : 0u) |
                     (flags & LG_SENT_TABLE_ROW ? LG_SENTENCE_TABLE_ROW : 0u),
                     lg_decoder_encoding(p->decoder)};
    if (p->cfg->on_sentence(&s, p->cfg->user)) {
        p->tap_status = LG_ERR_STOPPED;
        return 1;
    }
    return lg_extractor_sentence(p->extractor, chars, n, flags);
}

static void pipeline_free(pipeline *p)
{
    lg_decoder_free(p->decoder);
    lg_normalizer_free(p->normalizer);
    lg_script_free(p->script);
    lg_extractor_free(p->extractor);
    text_free(&p->text);
    free(p->pos);
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
    memset(p, 0, sizeof *p);
    p->cfg = cfg;
    p->file = file;
    p->doc = doc;
    /* every string in a record is UTF-8: so must be the ones we are given */
    if (!cfg || !cfg->on_record || (cfg->default_city && !utf8_valid(cfg->default_city)) ||
        (doc && !utf8_valid(doc)))
        return LG_ERR_ARG;
    lg_status st = lg_extractor_new(&p->extractor, cfg, file, doc);
    if (st == LG_OK)
        st = cfg->on_sentence
                 ? lg_script_new(&p->script, sentence_tap, p, script_warning, p)
                 : lg_script_new(&p->script, lg_extractor_sentence, p->extractor, script_warning, p);
    if (st == LG_OK)
        st = lg_normalizer_new(&p->normalizer, cfg->lexicon, lg_script_sentence, p->script);
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
    if (st == LG_ERR_STOPPED && p->tap_status != LG_OK)
        return p->tap_status;
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
            st = lg_script_failed(p->script) ? LG_ERR_NOMEM
                 : p->tap_status != LG_OK ? p->tap_status : lg_extractor_status(p->extractor);
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
    if (lg_decoder_note(p->decoder) && cfg->on_warning)
        cfg->on_warning(file, -1, lg_decoder_note(p->decoder), cfg->user);
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
