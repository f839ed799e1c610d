#!/usr/bin/env python3
"""gen_places.py - write src/place_data.c, the gazetteer tables, from
data/admin-divisions/{provinces,cities,areas}.csv (NBS 2023 codes).

    python3 tools/gen_places.py [--root DIR] [--out FILE] [--verbose]

Stdlib only; the output is deterministic (everything is sorted).

Places
  One entry per province (pp0000), prefecture unit (cccc00) and county unit
  (its 6-digit code), sorted by code, the province before a city with the
  same code.  Placeholder prefectures (市辖区, 县, 省直辖县级行政区划,
  自治区直辖县级行政区划) are not places:
  - under 北京/天津/上海/重庆 the municipality gets a second, city-level
    entry (same name, adcode pp0000, parent the province entry) that is the
    parent of the districts and counties, and that owns the names 北京市 and
    北京, so that a report of 北京市 resolves to a city like 包头市 does;
  - the county rows that repeat their city (441900 东莞市, 442000 中山市,
    460400 儋州市, 620201 嘉峪关市: cities without districts) are skipped;
  - a county-level unit directly under a province (济源市, 仙桃市, 五指山市,
    石河子市, ...) becomes its own city-level entry, parent the province.

Names
  Every place gets its full name, plus short forms made by the general
  rules below (no per-place list, apart from the two small stop lists).
  Each name carries flags:
    LOOKUP (1)  only for exact lg_place_lookup(), never matched in running text;
    CITY   (2)  only resolves to a place under the caller's prefer_city;
    SAME   (4)  same string as the previous entry (lets place.c walk runs).
  Short forms (all at least 2 characters):
  - provinces: drop 省 / 市 / 自治区 and the ethnic part (广西壮族自治区 -> 广西,
    内蒙古自治区 -> 内蒙古, 河北省 -> 河北).
  - prefecture units: 市 stripped (包头市 -> 包头); 盟 kept and stripped
    (锡林郭勒盟, 锡林郭勒); 地区 stripped (阿里地区 -> 阿里); 自治州: ethnic
    part and 自治州 stripped, and that + 州 (延边朝鲜族自治州 -> 延边, 延边州),
    and for a base of 4+ characters its first + 州 (博尔塔拉 -> 博州).
    Bare forms that are also common words or start idioms are LOOKUP only
    (CITY_STOP below).
  - county units: no bare short form is ever matched in text (青山, 朝阳,
    东城 are too ambiguous); they exist as LOOKUP only names.  Matched in
    text: 自治县 / 自治旗 -> base + 县 / 旗 (孟村回族自治县 -> 孟村县), and
    the banner abbreviations (土默特右旗 -> 土右旗, 达尔罕茂明安联合旗 -> 达茂旗,
    科尔沁右翼前旗 -> 科右前旗, 伊金霍洛旗 -> 伊旗, 东乌珠穆沁旗 -> 东乌旗).
    Full names of two characters (新县, 范县, 东区: the 范县 of 示范县) and
    the generic 新城区, and counties named by an everyday word ([county-words]
    of rules/places.rules: 会同县 of 会同县府办), are CITY; 城区 / 郊区 / 矿区 are LOOKUP.
  - development zones (xxxx7x rows, <prov>?<city short>市?<core><suffix>):
    <city><core>高新区 / 经开区 / 经济开发区, <core>高新区 / 经开区 when the
    core has 2+ characters (稀土高新区), <city>高新区 (包头高新区), and the
    bare 高新区 / 经开区 flagged CITY (ambiguous across cities).
  Clashes: a full name always wins (a short form never shadows another
  place's full name); otherwise the stronger kind wins (province > city >
  county form > zone form > generalised zone form > county LOOKUP form, so
  吉林 and 海南 stay the provinces); a short form that two different places
  generate at the same strength is dropped, unless those places share their
  full name (the duplicate counties such as the two 青山区), in which case
  place.c resolves it with prefer_city.
"""

import argparse
import csv
import os
import sys

# Placeholder prefecture rows: containers, not places.
PLACEHOLDER_CITIES = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}

# Bare prefecture short forms that are ordinary words, idiom starts, or
# substrings of frequent phrases in government prose.  The gazetteer is
# tried at every character of every sentence, so these would fire inside
# 长治久安, 大同小异, 平安康泰, 中山路, 黄山松 ...  They stay available to
# lg_place_lookup() (LOOKUP) and the suffixed forms (长治市) still match.
CITY_STOP = {
    "长治": "长治久安",
    "大同": "大同小异, 世界大同",
    "朝阳": "朝阳产业 (also 朝阳区 in Beijing)",
    "四平": "四平八稳",
    "白山": "白山黑水",
    "大庆": "盛大庆典, 国庆大庆",
    "保定": "确保定期",
    "黄山": "黄山松 (the mountain)",
    "新乡": "创新乡村治理, 新乡贤",
    "中山": "中山路, 中山大学 (street and school names everywhere)",
    "来宾": "来宾 (guests)",
    "安顺": "平安顺利",
    "保山": "确保山区",
    "文山": "文山会海",
    "大理": "重大理论",
    "阿里": "阿里巴巴, 阿里云",
    "安康": "幸福安康, 平安康泰",
    "白银": "黄金白银",
    "固原": "巩固原有",
    "中卫": "其中卫生",
    "重庆": "隆重庆祝 (重庆市 still matches)",
    "黑河": "大黑河 (呼和浩特), 黑河流域 (额济纳): rivers",
}

# County full names that are generic words: never matched in running text.
COUNTY_GENERIC_LOOKUP = {"城区", "郊区", "矿区"}
# County full names that are generic enough to trust only inside the
# report's own city.
COUNTY_GENERIC_CITY = {"新城区"}

# Counties whose name is an everyday word (会同县 of 会同县府办): the
# [county-words] section of rules/places.rules, which says why each is
# there.  Like two-character counties they are matched in running text only
# under the report's own city.
RULES_FILE = os.path.join("rules", "places.rules")
RULES_SECTION = "county-words"


def read_rules_section(path, section):
    """The entries of [section] in a rules file (see src/lexicon.c): one a
    line, '#' comments and blank lines skipped, a leading '+' dropped."""
    words, inside = [], False
    with open(path, encoding="utf-8") as f:
        for n, raw in enumerate(f, 1):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            if line.startswith("["):
                inside = line == "[%s]" % section
                continue
            if inside:
                if line.startswith("-") or len(line.lstrip("+").split()) != 1:
                    sys.exit("%s:%d: [%s] takes one full name a line" % (path, n, section))
                words.append(line.lstrip("+"))
    if not words:
        sys.exit("%s: no [%s] section" % (path, section))
    return set(words)


# The 56 recognised ethnic groups (and 各族 of 隆林各族自治县), used to strip
# the ethnic part of autonomous units.  Single-character names are only
# stripped with 族 (西藏 must stay 西藏); longer ones also without (博尔塔拉蒙古).
ETHNIC = """汉 蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎
傈僳 佤 畲 高山 拉祜 水 东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南
仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙
鄂伦春 赫哲 门巴 珞巴 基诺 各""".split()

DIRECTIONS = "东西南北"
NUMERALS = "一二三四五六七八九十"

# Name kinds, strongest first (see the clash rule in the module docstring).
K_FULL, K_PROV, K_CITY, K_COUNTY, K_ZONE, K_ZONE_GEN, K_LOOKUP, K_AMBIG = range(8)

F_LOOKUP, F_CITY, F_SAME = 1, 2, 4

LG_PROVINCE, LG_CITY, LG_COUNTY = 1, 2, 3


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def strip_ethnic(base):
    """延边朝鲜族 -> 延边, 积石山保安族东乡族撒拉族 -> 积石山, 东乡族 -> 东乡."""
    names = sorted(ETHNIC, key=len, reverse=True)
    changed = True
    while changed:
        changed = False
        for e in names:
            for tail in (e + "族", e if len(e) >= 2 else None):
                if tail and base.endswith(tail) and len(base) - len(tail) >= 2:
                    base = base[: -len(tail)]
                    changed = True
                    break
            if changed:
                break
    for e in names:  # the whole base is an ethnic group: 东乡族 -> 东乡
        if base == e + "族" and len(e) >= 2:
            return e
    return base


def province_shorts(name):
    for suf in ("自治区", "省", "市"):
        if name.endswith(suf):
            base = name[: -len(suf)]
            if suf == "自治区":
                base = strip_ethnic(base)
            return [base] if len(base) >= 2 else []
    return []


def city_short(name):
    """The bare short form of a prefecture unit (before the stop list)."""
    if name.endswith("自治州"):
        return strip_ethnic(name[:-3])
    if name.endswith("地区"):
        return name[:-2]
    for suf in ("市", "盟"):
        if name.endswith(suf):
            return name[:-1]
    return None


def banner_abbrevs(name):
    """Abbreviations of 旗 names the way the local press writes them."""
    out = []
    if not name.endswith("旗") or "自治" in name:
        return out
    base = name[:-1]
    if base.endswith("联合"):  # 达尔罕茂明安联合旗: two tribe names, halves
        b = base[:-2]
        if len(b) >= 4 and len(b) % 2 == 0:
            out.append(b[0] + b[len(b) // 2] + "旗")
        return out
    pos = base[-1]
    if pos in "前中后左右" and len(base) >= 2:
        rest = base[:-1]
        wing = ""
        if rest.endswith("右翼") or rest.endswith("左翼"):
            wing, rest = rest[-2], rest[:-2]
            if len(rest) >= 2:
                out.append(rest[0] + wing + pos + "旗")  # 科尔沁右翼前旗 -> 科右前旗
            return out
        if len(rest) >= 3:  # 土默特右旗 -> 土右旗; 杭锦后旗, 巴林左旗 stay
            out.append(rest[0] + pos + "旗")
        return out
    if len(base) >= 4 and base[0] in DIRECTIONS:  # 东乌珠穆沁旗 -> 东乌旗
        out.append(base[:2] + "旗")
    elif len(base) >= 3 and base[0] not in NUMERALS + "正镶":  # 伊金霍洛旗 -> 伊旗
        # (四子王旗 would give 四旗 "four banners"; 正镶白旗 is an Eight
        # Banners colour name, never abbreviated)
        out.append(base[0] + "旗")
    return out


def county_forms(name, county_words):
    """(form, kind, flags) for a county-level unit's name."""
    forms = [(name, K_FULL, 0)]
    if name in COUNTY_GENERIC_LOOKUP:
        forms[0] = (name, K_FULL, F_LOOKUP)
    elif len(name) <= 2 or name in COUNTY_GENERIC_CITY or name in county_words:
        forms[0] = (name, K_FULL, F_CITY)
    for suf, unit in (("自治县", "县"), ("自治旗", "旗")):
        if name.endswith(suf):
            base = strip_ethnic(name[: -len(suf)])
            forms.append((base + unit, K_COUNTY, 0))
            forms.append((base, K_LOOKUP, F_LOOKUP))
            if base[-2:] in ("左翼", "右翼") and len(base) >= 4:  # 喀喇沁左翼 -> 喀左县
                forms.append((base[0] + base[-2] + unit, K_COUNTY, 0))
            if unit == "旗" and len(base) >= 3:  # 莫力达瓦旗 -> 莫旗
                forms.append((base[0] + "旗", K_COUNTY, 0))
            return forms
    for f in banner_abbrevs(name):
        forms.append((f, K_COUNTY, 0))
    for suf in ("林区", "特区", "市", "县", "区"):
        if name.endswith(suf) and len(name) - len(suf) >= 2:
            forms.append((name[: -len(suf)], K_LOOKUP, F_LOOKUP))
            break
    return forms


# Development-zone suffixes, longest first: (suffix, type).
ZONE_SUFFIXES = sorted([
    ("高新技术产业开发区", "gx"), ("高新技术开发区", "gx"),
    ("高新技术产业园区", "gx"), ("高技术产业开发区", "gx"),
    ("经济技术开发区", "jk"), ("经济开发区", "jk"),
    ("管理区管委会", "管理区"), ("管理区", "管理区"),
    ("示范区", "示范区"),
    ("产业园区", "产业园区"), ("工业园区", "工业园区"), ("园区", "园区"),
    ("开发区", "开发区"), ("新区", "新区"), ("新城", "新城"),
    ("经济综合实验区", "经济综合实验区"), ("产业聚集区", "产业聚集区"),
], key=lambda t: -len(t[0]))


def zone_forms(name, cshort, pshort):
    """Forms of a xxxx7x development-zone name (full name included)."""
    forms = [(name, K_FULL, 0)]
    rest = None
    for pre in (cshort + "市", cshort, pshort + cshort + "市", pshort + cshort):
        if cshort and name.startswith(pre):
            rest = name[len(pre):]
            break
    if rest is None:  # no city prefix (中新苏滁高新技术产业开发区): no <city> forms
        rest, cshort = name, ""
    suffix = kind = None
    for suf, k in ZONE_SUFFIXES:
        if rest.endswith(suf):
            suffix, kind = suf, k
            break
    if suffix is None:
        return forms, None, None
    core = rest[: -len(suffix)]
    if not cshort and len(core) < 2:
        return forms, None, None
    if cshort:
        forms.append((cshort + rest, K_ZONE, 0))
    if kind == "gx":
        forms.append((cshort + core + "高新区", K_ZONE, 0))
        forms.append((cshort + core + "高新技术产业开发区", K_ZONE, 0))
        if len(core) >= 2:
            forms.append((core + "高新区", K_ZONE, 0))
            forms.append((core + "高新技术产业开发区", K_ZONE, 0))
        if core and cshort:
            forms.append((cshort + "高新区", K_ZONE_GEN, 0))
    elif kind == "jk":
        longs = ["经济开发区"] if suffix == "经济开发区" else ["经济技术开发区", "经济开发区"]
        for tail in ["经开区"] + longs:
            forms.append((cshort + core + tail, K_ZONE, 0))
            if len(core) >= 2:
                forms.append((core + tail, K_ZONE, 0))
        if core and cshort:
            forms.append((cshort + "经开区", K_ZONE_GEN, 0))
    else:
        if suffix == "管理区管委会":
            forms.append((cshort + core + "管理区", K_ZONE, 0))
            suffix = "管理区"
        if len(core) >= 2:
            forms.append((core + suffix, K_ZONE, 0))
    return forms, kind, core


def build(root):
    d = os.path.join(root, "data", "admin-divisions")
    provs = read_csv(os.path.join(d, "provinces.csv"))
    cities = read_csv(os.path.join(d, "cities.csv"))
    areas = read_csv(os.path.join(d, "areas.csv"))
    county_words = read_rules_section(os.path.join(root, RULES_FILE), RULES_SECTION)

    places = []  # dicts: name, adcode, level, parent (adcode key), key
    pshort_of = {}
    prov_key = {}
    muni = set()
    for p in provs:
        code = p["code"] + "0000"
        prov_key[p["code"]] = (code, LG_PROVINCE)
        places.append(dict(name=p["name"], adcode=code, level=LG_PROVINCE,
                           parent=None, key=(code, LG_PROVINCE)))
        s = province_shorts(p["name"])
        pshort_of[p["code"]] = s[0] if s else ""
    city_key = {}  # 4-digit city code -> key of the city-level place
    city_short_of = {}
    for c in cities:
        pc = c["provinceCode"]
        if c["name"] in PLACEHOLDER_CITIES:
            if c["name"] in ("市辖区", "县"):
                muni.add(pc)
                city_key[c["code"]] = (pc + "0000", LG_CITY)
            continue  # 省直辖: its counties become cities below
        code = c["code"] + "00"
        city_key[c["code"]] = (code, LG_CITY)
        city_short_of[c["code"]] = city_short(c["name"]) or ""
        places.append(dict(name=c["name"], adcode=code, level=LG_CITY,
                           parent=prov_key[pc], key=(code, LG_CITY)))
    prov_name = {p["code"]: p["name"] for p in provs}
    for pc in sorted(muni):
        code = pc + "0000"
        places.append(dict(name=prov_name[pc], adcode=code, level=LG_CITY,
                           parent=prov_key[pc], key=(code, LG_CITY)))
    city_name = {c["code"]: c["name"] for c in cities}
    for a in areas:
        cc = a["cityCode"]
        if a["name"] == city_name[cc]:
            continue  # 441900 东莞市, 620201 嘉峪关市: the city itself again
        if cc in city_key:
            places.append(dict(name=a["name"], adcode=a["code"], level=LG_COUNTY,
                               parent=city_key[cc], key=(a["code"], LG_COUNTY)))
        else:  # directly under a province: a city of its own
            places.append(dict(name=a["name"], adcode=a["code"], level=LG_CITY,
                               parent=prov_key[a["provinceCode"]],
                               key=(a["code"], LG_CITY), direct=True))
    places.sort(key=lambda p: p["key"])
    idx = {p["key"]: i for i, p in enumerate(places)}
    assert len(idx) == len(places)
    for p in places:
        p["parent_id"] = idx[p["parent"]] if p["parent"] else -1

    # Candidate names: (form, id, kind, flags)
    cand = []
    zones_by_city = {}  # city id -> list of (id, kind, core)
    for i, p in enumerate(places):
        name, code, lvl = p["name"], p["adcode"], p["level"]
        if lvl == LG_PROVINCE:
            if code[:2] in muni:
                continue  # names go to the city-level entry
            cand.append((name, i, K_FULL, 0))
            for s in province_shorts(name):
                cand.append((s, i, K_PROV, 0))
        elif lvl == LG_CITY and code.endswith("0000"):  # municipality as city
            cand.append((name, i, K_FULL, 0))
            for s in province_shorts(name):
                cand.append((s, i, K_PROV, F_LOOKUP if s in CITY_STOP else 0))
        elif lvl == LG_CITY and not p.get("direct"):
            cand.append((name, i, K_FULL, 0))
            s = city_short(name)
            if s and len(s) >= 2:
                cand.append((s, i, K_CITY, F_LOOKUP if s in CITY_STOP else 0))
                if name.endswith("自治州"):
                    cand.append((s + "州", i, K_CITY, 0))
                    # a long transliterated base goes by its first character:
                    # 博尔塔拉 -> 博州, 巴音郭楞 -> 巴州, 克孜勒苏 -> 克州 (a
                    # direction alone names no place: 西双版纳 is no 西州)
                    if len(s) >= 4 and s[0] not in DIRECTIONS:
                        cand.append((s[0] + "州", i, K_CITY, 0))
        elif code[4] == "7":  # development zone / management area
            cc = code[:4]
            forms, kind, core = zone_forms(name, city_short_of.get(cc, ""),
                                           pshort_of[code[:2]])
            cand.extend((f, i, k, fl) for f, k, fl in forms)
            if kind in ("gx", "jk"):
                zones_by_city.setdefault(p["parent_id"], []).append((i, kind, core))
        else:  # county, or a county-level city directly under a province
            cand.extend((f, i, k, fl) for f, k, fl in county_forms(name, county_words))
    # Bare 高新区 / 经开区: one zone of that kind per city, preferring the one
    # whose name has no core (长春高新技术产业开发区 over 长春净月...).
    for cid, zs in sorted(zones_by_city.items()):
        for kind, bare in (("gx", "高新区"), ("jk", "经开区")):
            zk = [z for z in zs if z[1] == kind]
            if zk:
                pick = min(zk, key=lambda z: (z[2] != "", z[0]))
                cand.append((bare, pick[0], K_AMBIG, F_CITY))

    # Resolve clashes.
    by_form = {}
    for f, i, k, fl in cand:
        if len(f) < 2:
            continue
        by_form.setdefault(f, {})
        prev = by_form[f].get(i)
        # the same place reaching a form twice keeps the strongest kind and
        # the least restrictive flags among those
        if prev is None or k < prev[0]:
            by_form[f][i] = (k, fl)
        elif k == prev[0]:
            by_form[f][i] = (k, prev[1] & fl)
    names = []
    dropped = []
    for f, m in by_form.items():
        best = min(k for k, _ in m.values())
        ids = sorted(i for i, (k, _) in m.items() if k == best)
        if best not in (K_FULL, K_AMBIG) and len(ids) > 1 and \
                len({places[i]["name"] for i in ids}) > 1:
            dropped.append((f, [places[i]["name"] for i in ids]))
            continue
        for i in ids:
            names.append((f, i, m[i][1]))
    names.sort(key=lambda t: (t[0].encode("utf-8"), t[1]))
    return places, names, dropped


def c_str(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def first_key(s):
    b = s[0].encode("utf-8")
    return int.from_bytes(b + b"\0" * (4 - len(b)), "big")


def render(places, names):
    out = []
    w = out.append
    w("/* generated by tools/gen_places.py, do not edit.")
    w(" * Source: data/admin-divisions/{provinces,cities,areas}.csv (NBS 2023 codes),")
    w(" * [county-words] of rules/places.rules.")
    w(" * Regenerate: python3 tools/gen_places.py */")
    w("#include <stdint.h>")
    w("")
    w('#include "place.h"')
    w("")
    w("/* Must match the definitions in place.c. */")
    w("struct lg_place_name { const char *s; unsigned char len, flags; unsigned short id; };")
    w("struct lg_place_first { uint32_t ch; unsigned short lo, hi; };")
    w("")
    w("extern const int lg_place_tab_n, lg_place_names_n, lg_place_first_n;")
    w("extern const lg_place lg_place_tab[];")
    w("extern const struct lg_place_name lg_place_names[];")
    w("extern const struct lg_place_first lg_place_first[];")
    w("")
    w("const int lg_place_tab_n = %d;" % len(places))
    w("/* {name, adcode, level, parent id}; id = index, in code order */")
    w("const lg_place lg_place_tab[] = {")
    for i, p in enumerate(places):
        w("    {%s, \"%s\", %d, %d}, /* %d */" % (c_str(p["name"]), p["adcode"], p["level"],
                                             p["parent_id"], i))
    w("};")
    w("")
    w("const int lg_place_names_n = %d;" % len(names))
    w("/* {name, bytes, flags (1 lookup only, 2 prefer_city only, 4 same as previous), id};")
    w(" * sorted by UTF-8 bytes, then id */")
    w("const struct lg_place_name lg_place_names[] = {")
    prev = None
    for f, i, fl in names:
        b = f.encode("utf-8")
        assert len(b) < 256 and i < 65536
        if f == prev:
            fl |= F_SAME
        prev = f
        w("    {%s, %d, %d, %d}," % (c_str(f), len(b), fl, i))
    w("};")
    w("")
    firsts = []
    for n, (f, _, _) in enumerate(names):
        k = first_key(f)
        if firsts and firsts[-1][0] == k:
            firsts[-1][2] = n + 1
        else:
            assert not firsts or firsts[-1][0] < k
            firsts.append([k, n, n + 1])
    w("const int lg_place_first_n = %d;" % len(firsts))
    w("/* {first UTF-8 character packed big-endian, [lo, hi) in lg_place_names} */")
    w("const struct lg_place_first lg_place_first[] = {")
    for k, lo, hi in firsts:
        w("    {0x%08xu, %d, %d}," % (k, lo, hi))
    w("};")
    return "\n".join(out) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("--root", default=os.path.dirname(here))
    ap.add_argument("--out")
    ap.add_argument("--verbose", action="store_true",
                    help="list the dropped (clashing) short forms on stderr")
    a = ap.parse_args()
    places, names, dropped = build(a.root)
    out = a.out or os.path.join(a.root, "src", "place_data.c")
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write(render(places, names))
    if a.verbose:
        for f, who in sorted(dropped):
            print("dropped %s: %s" % (f, " ".join(who)), file=sys.stderr)
        print("%d places, %d names, %d dropped" % (len(places), len(names), len(dropped)),
              file=sys.stderr)


if __name__ == "__main__":
    main()
