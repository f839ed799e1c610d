#!/usr/bin/env python3
"""Checks of the review page (--format html) on the DOM headless Chromium
dumps after the page's script has run (see tests/html/run.sh).

usage:
  check.py marks DOM.html RECORDS.jsonl   every record marked, in order, with its text
  check.py hostile DOM.html               no element or attribute came from the input
  check.py csp PAGE.html                  the policy allows the page's own style and script alone
  check.py static PAGE.html RECORDS.jsonl the page as written (no browser): marks and rows
  check.py instrument PAGE.html TEST.js OUT.html  a copy of the page that runs TEST.js too
  check.py interact DOM.html              what TEST.js found (body[data-test])
  check.py limit DOM.html N               a long table shows its first N rows, and a button for the rest
  check.py green SHOT.png                 verdict.js painted the window green (all passed)

Exits 1 with a message on the first failure."""
import base64
import hashlib
import json
import re
import sys
from html.parser import HTMLParser

VOID = {"meta", "link", "br", "hr", "img", "input", "col", "area", "base", "embed",
        "source", "track", "wbr", "param"}


class Node:
    def __init__(self, tag, attrs, parent):
        self.tag, self.attrs, self.parent = tag, dict(attrs), parent
        self.children = []

    def text(self):
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def walk(self):
        yield self
        for c in self.children:
            if isinstance(c, Node):
                yield from c.walk()

    def classes(self):
        return (self.attrs.get("class") or "").split()

    def find_all(self, tag=None, cls=None):
        return [n for n in self.walk()
                if (tag is None or n.tag == tag) and (cls is None or cls in n.classes())]

    def inside(self, tag):
        p = self.parent
        while p is not None and p.tag != tag:
            p = p.parent
        return p


class Tree(HTMLParser):
    """A DOM from HTML that closes its elements (Chromium's serialization
    does), with implied end tags of cells and rows handled for pages as
    written."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", [], None)
        self.cur = self.root

    def handle_starttag(self, tag, attrs):
        if tag in ("td", "th", "tr"):
            closes = {"td": ("td", "th"), "th": ("td", "th"), "tr": ("td", "th", "tr")}[tag]
            while self.cur.tag in closes:
                self.cur = self.cur.parent
        node = Node(tag, attrs, self.cur)
        self.cur.children.append(node)
        if tag not in VOID:
            self.cur = node

    def handle_startendtag(self, tag, attrs):
        self.cur.children.append(Node(tag, attrs, self.cur))

    def handle_endtag(self, tag):
        n = self.cur
        while n is not None and n.tag != tag:
            n = n.parent
        if n is not None:
            self.cur = n.parent

    def handle_data(self, data):
        self.cur.children.append(data)


def parse(path):
    t = Tree()
    with open(path, encoding="utf-8") as f:
        t.feed(f.read())
    t.close()
    return t.root


def fail(msg):
    sys.exit("FAIL: " + msg)


def records_by_file(path):
    by = {}
    order = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            key = (r["file"], r.get("doc"))
            if key not in by:
                by[key] = []
                order.append(key)
            by[key].append(r)
    return by


def article_key(art):
    h1 = art.find_all("h1", "file")
    docid = art.find_all("p", "docid")
    doc = docid[0].find_all("span")[0].text() if docid else None
    return (h1[0].text() if h1 else None, doc)


def check_marks(root, recs_path, browser):
    by = records_by_file(recs_path)
    arts = root.find_all("article", "doc")
    if not arts:
        fail("no article.doc in the page")
    seen = set()
    total = 0
    for art in arts:
        key = article_key(art)
        seen.add(key)
        recs = by.get(key, [])
        marks = [m for m in art.find_all("mark") if "data-r" in m.attrs]
        rows = [tr for tr in art.find_all("tr") if "data-r" in tr.attrs]
        if len(marks) != len(recs):
            fail(f"{key}: {len(marks)} marks for {len(recs)} records")
        if len(rows) != len(recs):
            fail(f"{key}: {len(rows)} table rows for {len(recs)} records")
        for i, (m, r) in enumerate(zip(marks, recs), 1):
            if m.attrs["data-r"] != str(i):
                fail(f"{key}: mark {i} is numbered {m.attrs['data-r']}")
            if m.text() != r["text"]:
                fail(f"{key}: mark {i} reads {m.text()!r}, its record's text is {r['text']!r}")
            if m.inside("section") is None or "text" not in m.inside("section").classes():
                fail(f"{key}: mark {i} is not in the text section")
        if browser:
            # the script ran: ids to link marks and rows, the filter bar,
            # the summary in the header
            if recs and not all(m.attrs.get("id") for m in marks):
                fail(f"{key}: marks have no ids (did the page's script run?)")
            if recs and not all(tr.attrs.get("id") for tr in rows):
                fail(f"{key}: rows have no ids (did the page's script run?)")
            if not art.find_all("div", "filters"):
                fail(f"{key}: no filter bar (did the page's script run?)")
            head = art.find_all("header", "doc-head")
            if not head or not head[0].find_all("section", "summary"):
                fail(f"{key}: the summary is not in the document's header")
        total += len(recs)
    missing = [k for k in by if k not in seen]
    if missing:
        fail(f"records of {missing[0]} but no article for it")
    print(f"marks: {len(arts)} documents, {total} records, each marked with its text")


# What the page writes itself: anything else came from the input.
PAGE_TAGS = {"#root", "html", "head", "meta", "title", "style", "body", "main", "article",
             "header", "h1", "p", "div", "section", "mark", "table", "caption", "thead",
             "tbody", "tr", "th", "td", "button", "span", "dl", "dt", "dd", "ul", "li", "b",
             "footer", "script", "label", "select", "option", "input"}
PAGE_ATTRS = {"class", "data-r", "data-line", "data-f", "tabindex", "id", "lang", "charset",
              "http-equiv", "content", "name", "aria-label", "aria-describedby", "aria-sort",
              "aria-live", "role", "title", "type", "value", "hidden", "selected", "scope",
              "data-show"}


def check_hostile(root, needles):
    for n in root.walk():
        if n.tag not in PAGE_TAGS:
            fail(f"element <{n.tag}> in the page: it came from the input")
        for a, v in n.attrs.items():
            own_style = a == "style" and n.tag == "table" and re.fullmatch(r"--filters-h: \d+px;", v or "")
            if (a not in PAGE_ATTRS and not own_style) or a.startswith("on"):
                fail(f"attribute {a}={v!r} on <{n.tag}>: it came from the input")
            if v and "javascript:" in v.lower() and a != "content":
                fail(f"attribute {a}={v!r} on <{n.tag}> holds javascript:")
    for tag, count in (("script", 1), ("style", 1), ("b", None)):
        found = root.find_all(tag)
        if tag == "b":
            # the page's <b> are the counts by kind, inside ul.kinds
            stray = [b for b in found if b.inside("ul") is None
                     or "kinds" not in b.inside("ul").classes()]
            if stray:
                fail(f"<b> outside the counts by kind: {stray[0].text()!r}")
        elif len(found) != count:
            fail(f"{len(found)} <{tag}> elements, the page has {count} of its own")
    body = root.find_all("body")[0]
    if any(k.startswith("data-pwned") for k in body.attrs):
        fail("a script from the input ran")
    text = root.text()
    for s in needles:
        if s not in text:
            fail(f"the input's {s!r} is not shown as text")
    print(f"hostile: no element or attribute from the input; {len(needles)} hostile strings shown as text")


def check_csp(path):
    page = open(path, encoding="utf-8").read()
    m = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', page)
    if not m:
        fail("no Content-Security-Policy meta element")
    csp = m.group(1)
    if page.index(m.group(0)) > page.index("<style>"):
        fail("the policy comes after the style")
    if "unsafe-inline" in csp or "unsafe-eval" in csp or "default-src 'none'" not in csp:
        fail(f"policy too wide: {csp}")
    for tag, directive in (("style", "style-src"), ("script", "script-src")):
        bodies = re.findall(rf"<{tag}>(.*?)</{tag}>", page, re.S)
        if len(bodies) != 1:
            fail(f"{len(bodies)} <{tag}> elements in the page as written")
        digest = base64.b64encode(hashlib.sha256(bodies[0].encode()).digest()).decode()
        if f"{directive} 'sha256-{digest}'" not in csp:
            fail(f"the policy's {directive} does not allow the page's own {tag}")
    if re.search(r"\s(src|href)=", page):
        fail("the page loads or links something")
    print("csp: the policy allows exactly the page's own style and script")


def instrument(page_path, test_path, out_path):
    page = open(page_path, encoding="utf-8").read()
    test = open(test_path, encoding="utf-8").read()
    digest = base64.b64encode(hashlib.sha256(test.encode()).digest()).decode()
    page = page.replace("script-src ", f"script-src 'sha256-{digest}' ", 1)
    page = page.replace("</body>", f"<script>{test}</script>\n</body>", 1)
    open(out_path, "w", encoding="utf-8").write(page)


def check_interact(root):
    body = root.find_all("body")[0]
    verdict = body.attrs.get("data-test")
    if verdict is None:
        fail("the interaction test did not run")
    if verdict != "ok":
        fail("in the browser: " + verdict)
    print("interact: hover, focus, keyboard, selection, sorting and filters work")


def check_limit(root, n):
    rows = [tr for tr in root.find_all("tr") if "data-r" in tr.attrs]
    shown = [tr for tr in rows if "hidden" not in tr.attrs]
    if len(rows) <= n:
        fail(f"only {len(rows)} rows: no limit to test")
    if len(shown) != n or [tr.attrs["data-r"] for tr in shown] != [str(i) for i in range(1, n + 1)]:
        fail(f"{len(shown)} rows shown of {len(rows)}, not the first {n}")
    more = [b for b in root.find_all("button", "more") if "hidden" not in b.attrs]
    if not more or str(len(rows)) not in more[0].text():
        fail("no button to show all the rows")
    print(f"limit: the first {n} of {len(rows)} rows shown, a button for all")


def png_pixel(path, x=None, y=None):
    """The RGB of one pixel (by default the centre's) of an 8-bit RGB or
    RGBA PNG, read without a library."""
    import struct
    import zlib
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        fail(f"{path}: not a PNG")
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        size, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + size]
        if kind == b"IHDR":
            width, height, depth, color = struct.unpack(">IIBB", body[:10])
            if depth != 8 or color not in (2, 6):
                fail(f"{path}: PNG of depth {depth}, colour type {color}")
            bpp = 3 if color == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + size
    raw = zlib.decompress(idat)
    x = width // 2 if x is None else x
    y = height // 2 if y is None else y
    stride = width * bpp
    prev = bytearray(stride)
    for row in range(y + 1):
        f = raw[row * (stride + 1)]
        line = bytearray(raw[row * (stride + 1) + 1:(row + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b, c = prev[i], prev[i - bpp] if i >= bpp else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        prev = line
    return tuple(prev[x * bpp:x * bpp + 3])


def check_green(path):
    rgb = png_pixel(path)
    if rgb == (255, 0, 0):
        fail("in the browser, interact.js found a fault (the window is red; "
             "open the instrumented page to read it)")
    if rgb != (0, 255, 0):
        fail(f"the window is neither green nor red but {rgb}: the page's script did not run")
    print("interact: all checks passed (the window is green)")


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    what = sys.argv[1]
    if what == "marks":
        check_marks(parse(sys.argv[2]), sys.argv[3], True)
    elif what == "static":
        check_marks(parse(sys.argv[2]), sys.argv[3], False)
    elif what == "hostile":
        check_hostile(parse(sys.argv[2]), sys.argv[3:])
    elif what == "instrument":
        instrument(sys.argv[2], sys.argv[3], sys.argv[4])
    elif what == "green":
        check_green(sys.argv[2])
    elif what == "limit":
        check_limit(parse(sys.argv[2]), int(sys.argv[3]))
    elif what == "interact":
        check_interact(parse(sys.argv[2]))
    elif what == "csp":
        check_csp(sys.argv[2])
    else:
        sys.exit(__doc__)


main()
