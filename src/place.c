/* place.c - the gazetteer lookups over the tables in place_data.c.
 *
 * The tables are generated (tools/gen_places.py) and const, so every
 * function here is a pure read: no initialisation, no allocation, safe from
 * any thread.  Which names exist and which are flagged is decided by the
 * generator; see its docstring for the rules and the stop lists. */
#include "place.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <string.h>

/* Must match the definitions the generator writes into place_data.c (there
 * is no private header, so that the module stays four files). */
struct lg_place_name { const char *s; unsigned char len, flags; unsigned short id; };
struct lg_place_first { uint32_t ch; unsigned short lo, hi; };

extern const int lg_place_tab_n;
extern const lg_place lg_place_tab[];
extern const int lg_place_names_n;
extern const struct lg_place_name lg_place_names[];
extern const int lg_place_first_n;
extern const struct lg_place_first lg_place_first[];

enum {
    NF_LOOKUP = 1, /* exact lookup only: a common word in running text (长治, 城区) */
    NF_CITY = 2,   /* only under prefer_city: 高新区, 经开区, and 2-char counties (范县 of 示范县) */
    NF_SAME = 4    /* same string as the previous entry */
};

int lg_place_count(void) { return lg_place_tab_n; }

const lg_place *lg_place_get(int id)
{
    return id >= 0 && id < lg_place_tab_n ? &lg_place_tab[id] : NULL;
}

int lg_place_city_of(int id)
{
    const lg_place *p = lg_place_get(id);
    if (!p || p->level == LG_PROVINCE)
        return -1;
    return p->level == LG_CITY ? id : p->parent;
}

static int province_of(int id)
{
    /* at most county -> city -> province; the bound guards a bad table */
    for (int hops = 0; hops < 4 && id >= 0 && id < lg_place_tab_n; hops++) {
        if (lg_place_tab[id].level == LG_PROVINCE)
            return id;
        id = lg_place_tab[id].parent;
    }
    return -1;
}

/* Pick a place for the run of identical names [lo, hi), or -1.  The run is
 * in id order, which is adcode order, so "first" means first by code.  A
 * report names its own districts without the city (青山区 in a 包头 report),
 * hence the city, then the province, of prefer_city decide between
 * namesakes. */
static int resolve(int lo, int hi, int prefer_city, int in_text)
{
    int prov = prefer_city >= 0 ? province_of(prefer_city) : -1;
    int first = -1, same_prov = -1;
    for (int i = lo; i < hi; i++) {
        const struct lg_place_name *e = &lg_place_names[i];
        if (in_text && (e->flags & NF_LOOKUP))
            continue;
        if (prefer_city >= 0 && lg_place_city_of(e->id) == prefer_city)
            return e->id;
        /* a name only its city's text may use; looked up exactly, it is
         * that place when no other bears it (赵县, unlike 高新区) */
        if ((e->flags & NF_CITY) && (in_text || hi - lo > 1))
            continue;
        if (first < 0)
            first = e->id;
        if (same_prov < 0 && prov >= 0 && province_of(e->id) == prov)
            same_prov = e->id;
    }
    return same_prov >= 0 ? same_prov : first;
}

static int run_end(int i, int hi)
{
    while (++i < hi && (lg_place_names[i].flags & NF_SAME))
        ;
    return i;
}

/* One bit per BMP code point that starts some name: lg_place_match runs at
 * every character of every sentence with a value, and almost every
 * character starts none. */
static uint8_t first_char_bits[0x10000 / 8];
static pthread_once_t first_char_once = PTHREAD_ONCE_INIT;

static uint32_t key_to_cp(uint32_t key)
{
    unsigned char b[4] = {(unsigned char)(key >> 24), (unsigned char)(key >> 16),
                          (unsigned char)(key >> 8), (unsigned char)key};
    if (b[0] >= 0xF0)
        return 0x10000; /* outside the bitmap: always looked up */
    if (b[0] >= 0xE0)
        return (uint32_t)(b[0] & 0x0F) << 12 | (uint32_t)(b[1] & 0x3F) << 6 | (b[2] & 0x3F);
    return (uint32_t)(b[0] & 0x1F) << 6 | (b[1] & 0x3F);
}

/* ...and a set of the first two characters of every name, since common
 * characters (新, 大, 东) do start names but rarely with the next one. */
#define PAIR_SLOTS 16384
static uint32_t pair_set[PAIR_SLOTS];

/* Both characters are 3-byte UTF-8 (U+0800..U+FFFF): the key fits 32 bits
 * and is never 0, which marks a free slot. */
static uint32_t pair_key(uint32_t a, uint32_t b)
{
    return a << 16 | b;
}

static size_t pair_slot(uint32_t key)
{
    return (size_t)(key * 2654435761u >> 18) & (PAIR_SLOTS - 1);
}

static uint32_t decode_at(const unsigned char *u, size_t len, size_t *cl)
{
    if (u[0] >= 0xE0 && u[0] < 0xF0 && len >= 3) {
        *cl = 3;
        return (uint32_t)(u[0] & 0x0F) << 12 | (uint32_t)(u[1] & 0x3F) << 6 | (u[2] & 0x3F);
    }
    *cl = 0;
    return 0;
}

static void pair_add(uint32_t key)
{
    size_t i = pair_slot(key);
    while (pair_set[i] && pair_set[i] != key)
        i = (i + 1) & (PAIR_SLOTS - 1);
    pair_set[i] = key;
}

static int pair_has(uint32_t key)
{
    for (size_t i = pair_slot(key); pair_set[i]; i = (i + 1) & (PAIR_SLOTS - 1))
        if (pair_set[i] == key)
            return 1;
    return 0;
}

static int pairs_usable = 1;
/* set (release) when build_first_char_bits is done */
static atomic_int first_char_built;
/* one bit per code point that is the second character of some name */
static uint8_t second_char_bits[0x10000 / 8];

static void build_first_char_bits(void)
{
    for (int i = 0; i < lg_place_first_n; i++) {
        uint32_t cp = key_to_cp(lg_place_first[i].ch);
        if (cp < 0x10000)
            first_char_bits[cp >> 3] |= (uint8_t)(1u << (cp & 7));
    }
    for (int i = 0; i < lg_place_names_n; i++) {
        const unsigned char *u = (const unsigned char *)lg_place_names[i].s;
        size_t len = lg_place_names[i].len, c1, c2;
        uint32_t a = decode_at(u, len, &c1);
        uint32_t b = c1 ? decode_at(u + c1, len - c1, &c2) : 0;
        if (!c1 || !c2) {
            pairs_usable = 0; /* a name outside the 3-byte plane: no shortcut */
            continue;
        }
        pair_add(pair_key(a, b));
        second_char_bits[b >> 3] |= (uint8_t)(1u << (b & 7));
    }
    atomic_store_explicit(&first_char_built, 1, memory_order_release);
}

const uint8_t *lg_place_start_bits(void)
{
    pthread_once(&first_char_once, build_first_char_bits);
    return first_char_bits;
}

const uint8_t *lg_place_second_bits(void)
{
    pthread_once(&first_char_once, build_first_char_bits);
    return pairs_usable ? second_char_bits : NULL;
}

int lg_place_may_start(uint32_t a, uint32_t b)
{
    /* (called at most characters of a sentence: the flag spares the call
     * of pthread_once once the bits are built) */
    if (!atomic_load_explicit(&first_char_built, memory_order_acquire))
        pthread_once(&first_char_once, build_first_char_bits);
    if (!pairs_usable || a < 0x800 || a > 0xFFFF || b < 0x800 || b > 0xFFFF)
        return 1; /* the pair set holds only names of two 3-byte characters */
    return pair_has(pair_key(a, b));
}

size_t lg_place_match(const char *s, size_t len, int prefer_city, int *id)
{
    if (id)
        *id = -1;
    if (!s || len == 0)
        return 0;
    if (prefer_city >= lg_place_tab_n)
        prefer_city = -1;
    const unsigned char *u = (const unsigned char *)s;
    /* Every name starts with a CJK character; this is called at every
     * position of every sentence, so ASCII and stray bytes leave at once. */
    size_t cl = u[0] >= 0xF0 ? 4 : u[0] >= 0xE0 ? 3 : u[0] >= 0xC0 ? 2 : 0;
    if (cl == 0 || cl > len)
        return 0;
    uint32_t key = 0;
    for (size_t k = 0; k < 4; k++)
        key = key << 8 | (k < cl ? u[k] : 0);
    pthread_once(&first_char_once, build_first_char_bits);
    uint32_t cp = key_to_cp(key);
    if (cp < 0x10000 && !(first_char_bits[cp >> 3] & (1u << (cp & 7))))
        return 0;
    if (cl == 3) {
        size_t c2;
        uint32_t b = decode_at(u + 3, len - 3, &c2);
        if (c2 && !lg_place_may_start(cp, b))
            return 0;
    }

    /* The first-character index turns the common case (no place name starts
     * here) into ~10 integer compares instead of string compares. */
    int a = 0, b = lg_place_first_n;
    while (a < b) {
        int m = a + (b - a) / 2;
        if (lg_place_first[m].ch < key)
            a = m + 1;
        else
            b = m;
    }
    if (a == lg_place_first_n || lg_place_first[a].ch != key)
        return 0;

    int lo = lg_place_first[a].lo, hi = lg_place_first[a].hi;
    size_t best = 0;
    int best_id = -1;
    /* Buckets hold at most ~110 names; a linear walk keeping the longest
     * usable one is simpler than a trie and fast enough. */
    for (int i = lo, j; i < hi; i = j) {
        const struct lg_place_name *e = &lg_place_names[i];
        j = run_end(i, hi);
        if (e->len <= best || e->len > len)
            continue;
        /* the bucket is sorted by bytes: the byte after the first character
         * rejects most names before a full compare, and ends the walk once
         * the names have passed the text */
        unsigned char nb = (unsigned char)e->s[cl], tb = u[cl];
        if (nb > tb)
            break;
        if (nb < tb || memcmp(s, e->s, e->len) != 0)
            continue;
        int r = resolve(i, j, prefer_city, 1);
        if (r >= 0) {
            best = e->len;
            best_id = r;
        }
    }
    if (best && id)
        *id = best_id;
    return best;
}

int lg_place_lookup(const char *name, int prefer_city)
{
    if (!name)
        return -1;
    if (prefer_city >= lg_place_tab_n)
        prefer_city = -1;
    int a = 0, b = lg_place_names_n;
    while (a < b) { /* first entry >= name; strcmp orders like the generator's byte sort */
        int m = a + (b - a) / 2;
        if (strcmp(lg_place_names[m].s, name) < 0)
            a = m + 1;
        else
            b = m;
    }
    if (a == lg_place_names_n || strcmp(lg_place_names[a].s, name) != 0)
        return -1;
    return resolve(a, run_end(a, lg_place_names_n), prefer_city, 0);
}
