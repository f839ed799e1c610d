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



int utf8_valid(const char *str)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t n = strlen(str);
    uint32_t cp;
    for (size_t i = 0; i < n;) {
        int k = utf8_decode_strict(s + i, n - i, &cp);
        if (k <= 0)
            return 0;
        i += (size_t)k;
    }
    return 1;
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
