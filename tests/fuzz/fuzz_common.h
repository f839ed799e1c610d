/* fuzz_common.h - checks shared by the fuzz harnesses. */
#ifndef LG_FUZZ_COMMON_H
#define LG_FUZZ_COMMON_H

#include <string.h>

/* 0 | [1-9][0-9]* , optionally . [0-9]*[1-9] */
static int canonical_decimal(const char *s)
{
    size_t n = strlen(s), i = 0;
    if (n == 0)
        return 0;
    if (s[0] == '0') {
        i = 1;
    } else {
        while (i < n && s[i] >= '0' && s[i] <= '9')
            i++;
        if (i == 0)
            return 0;
    }
    if (i == n)
        return 1;
    if (s[i] != '.' || i + 1 == n || s[n - 1] == '0')
        return 0;
    for (i++; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return 0;
    return 1;
}

#endif
