/* text.c - UTF-8 helpers; see text.h. */
#include "text.h"

#include <stdlib.h>
#include <string.h>

int text_reserve(text_buf *t, size_t extra)
{
    if (t->len + extra + 1 <= t->cap)
        return 0;
    size_t cap = t->cap ? t->cap : 256;
    while (cap < t->len + extra + 1)
        cap *= 2;
    char *p = realloc(t->data, cap);
    if (!p) {
        t->failed = 1;
        return -1;
    }
    t->data = p;
    t->cap = cap;
    return 0;
}

int text_append(text_buf *t, const char *s, size_t n)
{
    if (text_reserve(t, n))
        return -1;
    memcpy(t->data + t->len, s, n);
    t->len += n;
    t->data[t->len] = '\0';
    return 0;
}

int text_append_cp(text_buf *t, uint32_t cp)
{
    char tmp[4];
    return text_append(t, tmp, utf8_encode(cp, tmp));
}


void text_free(text_buf *t)
{
    free(t->data);
    t->data = NULL;
    t->len = t->cap = 0;
    t->failed = 0;
}



int utf8_valid_n(const char *str, size_t n)
{
    const unsigned char *u = (const unsigned char *)str;
    for (size_t at = 0; at < n;) {
        /* ASCII, and 3-byte sequences whose lead allows no overlong and
         * no surrogate (E1-EC, EE-EF): most Chinese text, read without
         * the strict decoder's steps */
        if (u[at] < 0x80) {
            at++;
            continue;
        }
        if (n - at >= 3 && u[at] >= 0xE1 && u[at] <= 0xEF && u[at] != 0xED &&
            (u[at + 1] & 0xC0) == 0x80 && (u[at + 2] & 0xC0) == 0x80) {
            at += 3;
            continue;
        }
        uint32_t cp;
        int k = utf8_decode_strict(u + at, n - at, &cp);
        if (k <= 0)
            return 0;
        at += (size_t)k;
    }
    return 1;
}

int utf8_valid(const char *str)
{
    return utf8_valid_n(str, strlen(str));
}

/* s[0, n) (chars characters) NUL-terminated, with its code points after
 * it in the same allocation (*cps; NULL when memory ran out): one
 * allocation and one free for a lexicon entry, where the code points had
 * their own (some 1,500 of each at every start and exit). */
char *text_dup_cps(const char *s, size_t n, size_t chars, uint32_t **cps)
{
    size_t at = (n + 1 + sizeof **cps - 1) / sizeof **cps * sizeof **cps;
    char *d = malloc(at + (chars + 1) * sizeof **cps);
    *cps = NULL;
    if (!d)
        return NULL;
    memcpy(d, s, n);
    d[n] = '\0';
    *cps = (uint32_t *)(void *)(d + at);
    size_t k = 0;
    for (size_t i = 0; i < n && k < chars; k++)
        i += utf8_decode_one(d + i, &(*cps)[k]);
    return d;
}

char *text_dup(const char *s, size_t n)
{
    char *d = malloc(n + 1);
    if (d) {
        memcpy(d, s, n);
        d[n] = '\0';
    }
    return d;
}

void *grow_for_one(void *items, size_t *cap, size_t len, size_t size, size_t first)
{
    if (len < *cap)
        return items;
    size_t more = *cap ? 2 * *cap : first;
    void *grown = realloc(items, more * size);
    if (grown)
        *cap = more;
    return grown;
}
