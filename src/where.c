/* where.c - places in a sentence and the city or district of each value.
 *
 * Owns: finding place mentions (the gazetteer's names and the lexicon's
 * [places] aliases), a two-character county opening a sentence, pairing N
 * places with N values, and whether a value is the nation's, a province's,
 * a county's or its city's figure (a region's average quoted for
 * comparison is none's).
 * Reads: the sentence and its values; the gazetteer (place.h); the
 * lexicon's [places], [nation-words], [average-words], [top-place-words],
 * [compare-words], [government-words] and [county-words]. */
#include "extract_int.h"
#include "place.h"

static int prefer_city(const lg_extractor *ex)
{
    return ex->report_city >= 0 ? ex->report_city : ex->opening_city;
}

/* A county of two characters (赵县, 滑县), or one named by an everyday
 * word (会同县: 会同县府办 is "together with the county office"), is
 * matched in running text only under the report's own city (范县 hides
 * in 示范县).  Where a sentence starts with one and its government or a
 * year follows (赵县人民政府, 会同县2022年度…报告), it names the report's
 * county.  Asked at a sentence's start only: the place scan runs at
 * every character.  Returns the id or -1; *len its length in chars. */
static int county_opening_sentence(const lg_extractor *ex, size_t *len)
{
    for (size_t n = 2; n <= 3 && n < ex->n; n++) {
        /* 赵县; 会同县, 合作市, 平安区 (two characters with 区 would take 城区) */
        uint32_t suffix = ex->cp[n - 1];
        if (suffix != 0x53BF /* 县 */ && (n == 2 || (suffix != 0x5E02 /* 市 */ && suffix != 0x533A)))
            continue;
        if (!is_digit_cp(ex->cp[n]) && !starts_any(ex, n, LX_GOVERNMENT_WORDS))
            continue;
        char name[16];
        size_t bytes = 0;
        for (size_t k = 0; k < n; k++) {
            if (!is_cjk(ex->cp[k]))
                return -1;
            bytes += utf8_encode(ex->cp[k], name + bytes);
        }
        name[bytes] = '\0';
        int id = lg_place_lookup(name, -1);
        const lg_place *p = id >= 0 ? lg_place_get(id) : NULL;
        if (p && p->level == LG_COUNTY) {
            *len = n;
            return id;
        }
    }
    return -1;
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

/* A [county-words] county (会同县 of 会同县府办) outside the report's own
 * city: no place in running text.  The gazetteer holds the defaults to
 * this already; a users' file may add more. */
static int county_word_elsewhere(const lg_extractor *ex, const char *s, size_t len, int id)
{
    return lx_find(ex->lx, LX_COUNTY_WORDS, s, len) && lg_place_city_of(id) != prefer_city(ex);
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
    if (gend > end && county_word_elsewhere(ex, ex->s.data + b, len, gid))
        gend = i;
    if (gend > end) {
        end = gend;
        *id = gid;
    }
    return end;
}

size_t find_places(lg_extractor *ex, place_mention *out, size_t cap, size_t limit)
{
    size_t count = 0, i = 0, len = 0;
    int county = limit > 0 && cap > 0 ? county_opening_sentence(ex, &len) : -1;
    if (county >= 0) {
        out[count].start = 0;
        out[count].end = len;
        out[count].id = county;
        count++;
        i = len;
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

/* 全省平均值为8.28%, 低于全国平均水平75%的一半, 全省平均纠错率为15.5%: the
 * average of the province or nation quoted for comparison, not the city's
 * figure.  A
 * difference from it (高于全省平均水平5个百分点, 高于…5%) is the city's. */
static int region_average(const lg_extractor *ex, const value *v)
{
    if (UNIT_IS(v->unit, "百分点"))
        return 0;
    size_t i = v->start;
    if (i > 0 && (ex->cp[i - 1] == 0x4E3A /* 为 */ || ex->cp[i - 1] == 0x662F /* 是 */ ||
                  ex->cp[i - 1] == 0x7684 /* 的 */))
        i--;
    size_t avg = ends_any(ex, i, LX_AVERAGE_WORDS);
    if (!avg) {
        /* 全省平均纠错率为15.5%: a clause opening with the region's average */
        size_t cs = clause_start(ex, v->start), region = starts_any(ex, cs, LX_NATION_WORDS);
        return region && starts_any(ex, cs + region, LX_AVERAGE_WORDS) && cs + region < v->start;
    }
    i -= avg;
    if (i > 0 && ex->cp[i - 1] == 0x7684 /* 全国的平均 */)
        i--;
    size_t region = ends_any(ex, i, LX_NATION_WORDS);
    if (!region)
        return 0;
    int compared = ends_any(ex, i - region, LX_COMPARE_WORDS) != 0;
    return !compared || starts(ex, v->end, "的");
}

/* 此次全国共命名示范地区50个、示范项目60个: a clause whose subject is the
 * nation or the province (its first word after fillers such as 此次)
 * counts their figures, not the city's. */
static int nation_clause(const lg_extractor *ex, const value *v)
{
    size_t a = clause_start(ex, v->start), k;
    while (a < v->start && (k = starts_any(ex, a, LX_LEAD_FILLERS)) && !starts_any(ex, a, LX_NATION_WORDS))
        a += k;
    k = starts_any(ex, a, LX_NATION_WORDS);
    return k && a + k < v->start && ex->cp[a + k] == 0x5171 /* 共 */;
}

/* 全省6项第一, 全国3个首位: a count of the province's first places the
 * city holds is the city's own. */
static int counts_top_places(const lg_extractor *ex, const value *v)
{
    return starts_any(ex, v->end, LX_TOP_PLACE_WORDS) != 0;
}

void resolve_place(const lg_extractor *ex, const found *f, size_t k, rec *r)
{
    const value *v = &f->values[k];
    size_t counties = 0;
    const place_mention *best = place_before(ex, f, k, &counties);
    r->city_mode = CITY_REPORT;
    r->place = -1;
    /* 全国261个地级城市: the nation's figure, not the city's; and the
     * average of the province or nation quoted for comparison */
    if ((v->kind != KIND_RANK && (ends_any(ex, v->start, LX_NATION_WORDS) || nation_clause(ex, v)) &&
         !counts_top_places(ex, v)) || region_average(ex, v)) {
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
