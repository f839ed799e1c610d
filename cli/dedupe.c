/* dedupe.c - --dedupe: drop a record that repeats an earlier one of the
 * same document.
 *
 * Reports repeat their headline figures (a summary, then the paragraph,
 * then a table): summed into a city × year table, each would count two or
 * three times.  Two records are the same figure when they agree on city,
 * district, year, period, indicator (the metric when there is none),
 * value, unit, kind and role; line, offset, text and context may differ.
 *
 * Reads only lg_record.  The set of keys seen lives for one document and
 * is emptied at the next, so memory is bounded by the distinct records of
 * one document, never by the batch. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

typedef struct seen_key {
    uint64_t hash;
    char *key;      /* NULL: an empty slot */
} seen_key;

struct dedupe {
    seen_key *slots;
    size_t cap, used; /* cap is a power of two, or 0 */
    char *buf;        /* the key being built */
    size_t buf_cap;
};

dedupe *dedupe_new(void)
{
    return calloc(1, sizeof(dedupe));
}

void dedupe_reset(dedupe *d)
{
    if (!d)
        return;
    for (size_t i = 0; i < d->cap; i++)
        free(d->slots[i].key);
    free(d->slots);
    d->slots = NULL;
    d->cap = d->used = 0;
}

void dedupe_free(dedupe *d)
{
    if (!d)
        return;
    dedupe_reset(d);
    free(d->buf);
    free(d);
}

/* Append s and a unit separator (U+001F never occurs in a record's
 * strings: the normalizer keeps no control characters), "\x1e" for
 * NULL, which differs from "". */
static int key_put(dedupe *d, size_t *len, const char *s)
{
    size_t n = s ? strlen(s) : 1;
    if (*len + n + 2 > d->buf_cap) {
        size_t cap = d->buf_cap ? d->buf_cap : 256;
        while (cap < *len + n + 2)
            cap *= 2;
        char *p = realloc(d->buf, cap);
        if (!p)
            return -1;
        d->buf = p;
        d->buf_cap = cap;
    }
    memcpy(d->buf + *len, s ? s : "\x1e", n);
    *len += n;
    d->buf[(*len)++] = '\x1f';
    d->buf[*len] = '\0';
    return 0;
}

static int build_key(dedupe *d, const lg_record *r)
{
    char year[16];
    snprintf(year, sizeof year, "%d", r->year);
    const char *parts[] = {r->city, r->district, year, r->period,
                           r->indicator ? "i" : "m", r->indicator ? r->indicator : r->metric,
                           r->value_str, r->unit, r->kind, r->role};
    size_t len = 0;
    for (size_t i = 0; i < sizeof parts / sizeof *parts; i++)
        if (key_put(d, &len, parts[i]) != 0)
            return -1;
    return 0;
}

static uint64_t fnv1a(const char *s)
{
    uint64_t h = 14695981039346656037ULL;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return h;
}

/* The slot holding key, or the empty slot where it would go. */
static seen_key *find_slot(const dedupe *d, uint64_t hash, const char *key)
{
    size_t mask = d->cap - 1;
    for (size_t i = (size_t)hash & mask;; i = (i + 1) & mask) {
        seen_key *s = &d->slots[i];
        if (!s->key || (s->hash == hash && strcmp(s->key, key) == 0))
            return s;
    }
}

/* Keep the table at most half full.  Returns 0, or -1 without memory. */
static int grow(dedupe *d)
{
    if (2 * (d->used + 1) <= d->cap)
        return 0;
    size_t cap = d->cap ? 2 * d->cap : 64;
    seen_key *old = d->slots;
    size_t old_cap = d->cap;
    d->slots = calloc(cap, sizeof *d->slots);
    if (!d->slots) {
        d->slots = old;
        return -1;
    }
    d->cap = cap;
    for (size_t i = 0; i < old_cap; i++)
        if (old[i].key)
            *find_slot(d, old[i].hash, old[i].key) = old[i];
    free(old);
    return 0;
}

int dedupe_repeats(dedupe *d, const lg_record *r)
{
    if (build_key(d, r) != 0 || grow(d) != 0)
        return -1;
    uint64_t hash = fnv1a(d->buf);
    seen_key *s = find_slot(d, hash, d->buf);
    if (s->key)
        return 1;
    s->key = strdup(d->buf);
    if (!s->key)
        return -1;
    s->hash = hash;
    d->used++;
    return 0;
}
