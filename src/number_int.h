/* number_int.h - what the number reader (number.c) and the exact decimal
 * arithmetic (number_decimal.c) share; private to those two files. */
#ifndef LG_NUMBER_INT_H
#define LG_NUMBER_INT_H

#include <stddef.h>
#include <stdint.h>

/* A decimal as m * 10^e, exact while m stays below 10^18 (the 18
 * significant digits an Arabic numeral may have). */
typedef struct dnum {
    uint64_t m;
    int e;
} dnum;

#define DN_LIMIT 1000000000000000000ull /* 10^18 */

/* m * 10^e with m's trailing zeros moved into e (0 has e 0). */
dnum dn_norm(dnum d);
/* a + b into *out; -1 when the sum needs more than 18 digits. */
int dn_add(dnum a, dnum b, dnum *out);
/* The decimal string dec (a non-negative amount, at most two places) plus
 * cents / 100, exactly, back into dec (cap bytes); -1 when it cannot be. */
int dn_add_cents(char *dec, size_t cap, uint64_t cents);
/* Is d below 10^places? */
int dn_below_pow10(dnum d, int places);
/* d as a canonical decimal string; -1 when it does not fit in cap. */
int dn_write(dnum d, int negative, char *out, size_t cap);

#endif
