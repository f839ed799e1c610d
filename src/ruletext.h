/* ruletext.h - reading a rules/NAME.rules text: [sections] and entries.
 *
 * The format is the project's rules-as-data layout: plain UTF-8, one entry
 * a line, `#` comments (a whole line, or after whitespace), sections
 * `[name]`; an entry is its head word and optional whitespace-separated
 * fields.  A line `+entry` adds and `-entry` removes (for users' files).
 *
 * This small reader serves src/indicator.c and src/role.c until the shared
 * rules parser is in place; it takes the file's text, not a path, so that
 * the shared loader can feed it the same bytes. */
#ifndef LG_RULETEXT_H
#define LG_RULETEXT_H

#include <stddef.h>

/* One entry: its section (without brackets; "" before any), the entry
 * itself trimmed of blanks and of a leading '+', whether it was a '-'
 * removal, and its 1-based line.  Not NUL-terminated: use the lengths. */
typedef struct lg_rule_entry {
    const char *section;
    size_t section_len;
    const char *text;
    size_t len;
    int remove;
    int line;
} lg_rule_entry;

/* Call fn for every entry of text[0, len) in order; stops at the first
 * non-zero return and returns it, else 0. */
typedef int (*lg_rule_entry_fn)(const lg_rule_entry *entry, void *user);
int lg_ruletext_each(const char *text, size_t len, lg_rule_entry_fn fn, void *user);

/* Whether the entry's section is name. */
int lg_rule_in_section(const lg_rule_entry *entry, const char *name);

/* The next whitespace-separated field of s[*at, len), or NULL at the end;
 * its length in *field_len. */
const char *lg_rule_field(const char *s, size_t len, size_t *at, size_t *field_len);

#endif
