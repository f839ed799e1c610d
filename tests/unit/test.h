/* test.h - a three-macro unit test harness in the spirit of sds's testhelp.h.
 *
 * Each test file includes this, calls TEST_COND("description", expr) for each
 * check and ends main() with `return TEST_REPORT();`.  A failing check prints
 * the file, line and description; the report prints "N passed, M failed". */
#ifndef LG_TEST_H
#define LG_TEST_H

#include <stdio.h>
#include <string.h>

static int lg_test_passed, lg_test_failed;

#define TEST_COND(desc, expr)                                               \
    do {                                                                    \
        if (expr) {                                                         \
            lg_test_passed++;                                               \
        } else {                                                            \
            lg_test_failed++;                                               \
            fprintf(stderr, "FAIL %s:%d: %s\n", __FILE__, __LINE__, desc);  \
        }                                                                   \
    } while (0)

/* Compare two C strings, printing both on failure. */
#define TEST_STREQ(desc, got, want)                                         \
    do {                                                                    \
        const char *lg_g_ = (got), *lg_w_ = (want);                         \
        if (lg_g_ && lg_w_ && strcmp(lg_g_, lg_w_) == 0) {                  \
            lg_test_passed++;                                               \
        } else {                                                            \
            lg_test_failed++;                                               \
            fprintf(stderr, "FAIL %s:%d: %s\n  got:  %s\n  want: %s\n",     \
                    __FILE__, __LINE__, desc, lg_g_ ? lg_g_ : "(null)",     \
                    lg_w_ ? lg_w_ : "(null)");                              \
        }                                                                   \
    } while (0)

#define TEST_REPORT()                                                       \
    (printf("%s: %d passed, %d failed\n", __FILE__, lg_test_passed,         \
            lg_test_failed),                                                \
     lg_test_failed ? 1 : 0)

#endif
