/* rules.c - the vocabulary of the command line: the compiled-in lexicon
 * plus the rules files of LAWGOV_RULES (colon-separated) and then of each
 * --rules FILE, in order; and --dump-rules.
 * Owns: building that lexicon once before any input is read, and saying
 * "FILE:LINE: reason" for a bad rules file (exit 2, nothing extracted).
 * Reads: the settings; lg_lexicon_* of include/lawgov.h. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static int add_file(lg_lexicon *lx, const char *path)
{
    lg_rules_error err;
    memset(&err, 0, sizeof err); /* printed whatever the status */
    lg_status st = lg_lexicon_add_file(lx, path, &err);
    if (st == LG_OK)
        return 0;
    if (st == LG_ERR_NOMEM)
        diag_error("%s", lg_status_str(st));
    else if (err.line > 0)
        diag_error("%s:%ld: %s", err.file, err.line, err.reason);
    else
        diag_error("%s: %s", err.file, err.reason);
    return -1;
}

/* Each file of the colon-separated list (empty names are skipped). */
static int add_env_files(lg_lexicon *lx, const char *list)
{
    char *copy = strdup(list);
    if (!copy) {
        diag_error("%s", lg_status_str(LG_ERR_NOMEM));
        return -1;
    }
    int rc = 0;
    for (char *name = copy, *next; name && rc == 0; name = next) {
        next = strchr(name, ':');
        if (next)
            *next++ = '\0';
        if (*name)
            rc = add_file(lx, name);
    }
    free(copy);
    return rc;
}

int rules_load(settings *set)
{
    const char *env = getenv("LAWGOV_RULES");
    if ((!env || !*env) && set->rules_count == 0)
        return 0; /* the defaults: the library's shared lexicon */
    lg_lexicon *lx;
    lg_status st = lg_lexicon_new(&lx);
    if (st != LG_OK) {
        diag_error("%s", lg_status_str(st));
        return -1;
    }
    int rc = env && *env ? add_env_files(lx, env) : 0;
    for (int i = 0; i < set->rules_count && rc == 0; i++)
        rc = add_file(lx, set->rules[i]);
    if (rc) {
        lg_lexicon_free(lx);
        return -1;
    }
    set->lexicon = lx;
    set->extract.lexicon = lx;
    return 0;
}

int rules_dump(const settings *set)
{
    if (lg_lexicon_dump(set->lexicon, stdout) != LG_OK || fflush(stdout) != 0) {
        diag_error("write error: %s", strerror(errno));
        return -1;
    }
    return 0;
}

void rules_release(settings *set)
{
    lg_lexicon_free(set->lexicon);
    set->lexicon = NULL;
    set->extract.lexicon = NULL;
    free(set->rules);
    set->rules = NULL;
}
