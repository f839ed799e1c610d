/* ruletext.c - reading a rules/NAME.rules text into entries (see ruletext.h).
 * Owns only the line syntax; what an entry means is its reader's. */
#include "ruletext.h"

#include <string.h>

static int is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r';
}

/* The line s[0, n) without its comment and surrounding blanks. */
static void trim_line(const char **s, size_t *n)
{
    const char *p = *s;
    size_t len = *n;
    for (size_t i = 0; i < len; i++)
        if (p[i] == '#' && (i == 0 || is_blank(p[i - 1]))) {
            len = i;
            break;
        }
    while (len && is_blank(*p)) {
        p++;
        len--;
    }
    while (len && is_blank(p[len - 1]))
        len--;
    *s = p;
    *n = len;
}

int lg_ruletext_each(const char *text, size_t len, lg_rule_entry_fn fn, void *user)
{
    lg_rule_entry e = {"", 0, NULL, 0, 0, 0};
    size_t at = 0;
    while (at < len) {
        const char *nl = memchr(text + at, '\n', len - at);
        size_t end = nl ? (size_t)(nl - text) : len;
        const char *s = text + at;
        size_t n = end - at;
        at = end + 1;
        e.line++;
        trim_line(&s, &n);
        if (!n)
            continue;
        if (s[0] == '[' && s[n - 1] == ']') {
            e.section = s + 1;
            e.section_len = n - 2;
            continue;
        }
        e.remove = s[0] == '-';
        if (s[0] == '+' || s[0] == '-') {
            s++;
            n--;
            while (n && is_blank(*s)) {
                s++;
                n--;
            }
        }
        e.text = s;
        e.len = n;
        int rc = fn(&e, user);
        if (rc)
            return rc;
    }
    return 0;
}

int lg_rule_in_section(const lg_rule_entry *e, const char *name)
{
    return strlen(name) == e->section_len && memcmp(e->section, name, e->section_len) == 0;
}

const char *lg_rule_field(const char *s, size_t len, size_t *at, size_t *field_len)
{
    size_t i = *at;
    while (i < len && is_blank(s[i]))
        i++;
    if (i >= len)
        return NULL;
    size_t start = i;
    while (i < len && !is_blank(s[i]))
        i++;
    *at = i;
    *field_len = i - start;
    return s + start;
}
