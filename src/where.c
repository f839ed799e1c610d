/* where.c - places in a sentence and the city or district of each value.
 *
 * Owns: finding place mentions (the gazetteer's names and the lexicon's
 * [places] aliases), a two-character county opening a sentence, pairing N
 * places with N values, and whether a value is the nation's, a province's,
 * a county's or its city's figure.
 * Reads: the sentence and its values; the gazetteer (place.h); the
 * lexicon's [places], [nation-words] and [government-words]. */
#include "extract_int.h"
#include "place.h"

static int prefer_city(const lg_extractor *ex)
{
    return ex->report_city >= 0 ? ex->report_city : ex->opening_city;
}

/* A county of two characters (赵县, 滑县) is matched in running text only
 * under the report's own city (范县 hides in 示范县).  Where a sentence
 * starts with one and its government or a year follows (赵县人民政府,
 * 赵县2022年度…报告), it names the report's county.  Asked at a sentence's
 * start only: the place scan runs at every character.  Returns the id or -1. */
static int county_opening_sentence(const lg_extractor *ex)
{
    if (ex->n <= 2 || ex->cp[1] != 0x53BF /* 县 */ || !is_cjk(ex->cp[0]))
        return -1;
    if (!is_digit_cp(ex->cp[2]) && !starts_any(ex, 2, LX_GOVERNMENT_WORDS))
        return -1;
    char name[8];
    size_t len = utf8_encode(ex->cp[0], name);
    len += utf8_encode(ex->cp[1], name + len);
    name[len] = '\0';
    int id = lg_place_lookup(name, -1);
    const lg_place *p = id >= 0 ? lg_place_get(id) : NULL;
    return p && p->level == LG_COUNTY ? id : -1;
}

/* The longest [places] alias starting at char i: its length in chars,
 * *id its place; 0 when none. */
static size_t alias_at(const lg_extractor *ex, size_t i, int *id)
{
    const lx_list_t *aliases = &ex->lx->list[LX_PLACES];
    size_t best = 0;
    for (size_t k = 0; k < aliases->n; k++) {
        const lx_entry *e = &aliases->e[k];
        if (e->chars > best && starts(ex, i, e->word)) {
            best = e->chars;
            *id = e->place;
        }
    }
    return best;
}

/* The place named at char i: its end (i when none), *id its place. */
static size_t place_at(const lg_extractor *ex, size_t i, int *id)
{
    size_t end = i;
    if (ex->lx->place_alias_max) {
        size_t k = alias_at(ex, i, id);
        end = i + k;
    }
    if (!lg_place_may_start(ex->cp[i], ex->cp[i + 1]))
        return end;
    int gid;
    size_t b = ex->cb[i];
    size_t len = lg_place_match(ex->s.data + b, ex->s.len - b, prefer_city(ex), &gid);
    size_t gend = len ? char_at_byte(ex, i, b + len) : i;
    if (gend > end) {
        end = gend;
        *id = gid;
    }
    return end;
}

size_t find_places(lg_extractor *ex, place_mention *out, size_t cap, size_t limit)
{
    size_t count = 0, i = 0;
    int county = limit > 0 && cap > 0 ? county_opening_sentence(ex) : -1;
    if (county >= 0) {
        out[count].start = 0;
        out[count].end = 2;
        out[count].id = county;
        count++;
        i = 2;
    }
    for (; i < limit && count < cap; i++) {
        if (!class_at(ex, i, CL_PLACE) || !class_at(ex, i + 1, CL_PLACE2))
            continue;
        int id = -1;
        size_t end = place_at(ex, i, &id);
        if (end == i)
            continue;
        out[count].start = i;
        out[count].end = end;
        out[count].id = id;
        count++;
        i = end - 1;
    }
    return count;
}

/* 红花岗区、汇川区分别办理…215件、187件: a run of N places and a later run
 * of N values pair up in order.  Returns the place of values[k], or NULL
 * when they do not pair. */
static const place_mention *paired_place(const lg_extractor *ex, const found *f, size_t k,
                                         const place_mention *best)
{
    const place_mention *pm = f->pm;
    size_t last = (size_t)(best - pm), first = last, pos;
    while (first > 0 && only_separators(ex, pm[first - 1].end, pm[first].start))
        first--;
    size_t places = last - first + 1;
    if (places < 2)
        return NULL;
    return value_run(ex, f, k, best->end, &pos) == places ? &pm[first + pos] : NULL;
}

/* The last place before values[k] that may be its own; *counties counts
 * the counties among those before it. */
static const place_mention *place_before(const lg_extractor *ex, const found *f, size_t k,
                                         size_t *counties)
{
    const value *v = &f->values[k];
    const place_mention *best = NULL;
    for (size_t i = 0; i < f->npm; i++) {
        const place_mention *pm = &f->pm[i];
        if (pm->end > v->start)
            break;
        const lg_place *p = lg_place_get(pm->id);
        if (!p)
            continue;
        if (p->level == LG_PROVINCE) {
            /* a region's figure only when named in the value's own clause */
            if (clause_start(ex, v->start) <= pm->start)
                best = pm;
            continue;
        }
        if (p->level == LG_COUNTY)
            (*counties)++;
        best = pm;
    }
    return best;
}

void resolve_place(const lg_extractor *ex, const found *f, size_t k, rec *r)
{
    const value *v = &f->values[k];
    size_t counties = 0;
    const place_mention *best = place_before(ex, f, k, &counties);
    r->city_mode = CITY_REPORT;
    r->place = -1;
    /* 全国261个地级城市: the nation's figure, not the city's */
    if (v->kind != KIND_RANK && ends_any(ex, v->start, LX_NATION_WORDS)) {
        r->city_mode = CITY_NONE;
        return;
    }
    if (!best)
        return;
    const place_mention *paired = paired_place(ex, f, k, best);
    if (paired) {
        best = paired;
        counties = 1;
    }
    const lg_place *p = lg_place_get(best->id);
    if (p->level == LG_PROVINCE) {
        r->city_mode = CITY_NONE;
        return;
    }
    r->city_mode = CITY_PLACE;
    r->place = best->id;
    /* 昆都仑区、九原区、达茂旗3个旗县区: several counties -> the city's figure */
    if (p->level == LG_COUNTY && counties > 1)
        r->place = lg_place_city_of(best->id);
}
