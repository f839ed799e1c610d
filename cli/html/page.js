/* page.js - the review page's behaviour (lawgov-extract --format html).
   Embedded into the page by tools/embed_html.py; the page's
   Content-Security-Policy allows this text alone, by its SHA-256.
   Every string from the report is read with textContent and written with
   textContent: nothing of it is ever parsed as HTML. */
(function () {
  'use strict';
  var tip = document.createElement('div');
  tip.className = 'tip';
  tip.id = 'lgx-tip';
  tip.setAttribute('role', 'tooltip');
  tip.hidden = true;
  document.body.appendChild(tip);

  var docs = document.querySelectorAll('article.doc');
  if (docs.length === 1) {
    var name = docs[0].querySelector('h1.file');
    if (name) document.title = name.textContent + ' \u2013 review';
  }
  for (var d = 0; d < docs.length; d++) setup(docs[d], d + 1);

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function setup(doc, d) {
    var head = doc.querySelector('.doc-head');
    var summary = doc.querySelector(':scope > .summary');
    if (head && summary) head.appendChild(summary);  /* its place in reading order */
    var marks = {}, rows = {};
    var ms = doc.querySelectorAll('mark[data-r]');
    for (var i = 0; i < ms.length; i++) {
      marks[ms[i].dataset.r] = ms[i];
      ms[i].id = 'd' + d + '-m' + ms[i].dataset.r;
      ms[i].setAttribute('aria-describedby', tip.id);
    }
    var table = doc.querySelector('table.rec');
    if (!table) return;
    var tbody = table.tBodies[0];
    /* the keyboard's way past every mark of the text to the table */
    if (head && table.tBodies[0].rows.length) {
      var skip = el('button', 'skip', 'Go to the table of records');
      skip.type = 'button';
      skip.addEventListener('click', function () {
        var first = Array.prototype.filter.call(tbody.rows, function (tr) { return !tr.hidden; })[0];
        if (first) { first.scrollIntoView({block: 'nearest'}); first.cells[0].focus({preventScroll: true}); }
      });
      head.insertBefore(skip, head.firstChild);
    }
    var all = Array.prototype.slice.call(tbody.rows);
    all.forEach(function (tr) {
      rows[tr.dataset.r] = tr;
      tr.id = 'd' + d + '-r' + tr.dataset.r;
      var n = tr.cells[0];
      n.tabIndex = 0;
      n.setAttribute('role', 'button');
      n.title = 'Show record ' + tr.dataset.r + ' in the text';
    });
    var fields = Array.prototype.map.call(table.tHead.rows[0].cells, function (th) { return th.dataset.f; });
    var selected = null;

    /* a column no record fills (period, district... in many reports) is
       hidden, and named under the table */
    var empty = fields.map(function (f, i) {
      return i > 0 && all.every(function (tr) { return !tr.cells[i] || tr.cells[i].textContent === ''; });
    });
    if (all.length && empty.indexOf(true) >= 0) {
      [table.tHead.rows[0]].concat(all).forEach(function (tr) {
        empty.forEach(function (e, i) { if (e && tr.cells[i]) tr.cells[i].hidden = true; });
      });
      var none = fields.filter(function (f, i) { return empty[i]; });
      table.parentNode.appendChild(el('p', 'empty-cols', 'No record has a ' + none.join(', ') + ': not shown.'));
    }

    var column = {};
    fields.forEach(function (f, i) { column[f] = i; });
    function val(tr, f) { var c = tr.cells[column[f]]; return f in column && c ? c.textContent : null; }

    function select(r, scroll) {
      if (selected) {
        selected.classList.remove('sel');
        if (marks[selected.dataset.r]) marks[selected.dataset.r].classList.remove('sel');
      }
      selected = rows[r] || null;
      if (!selected) return;
      selected.hidden = false;  /* past the rows shown, or filtered out */
      selected.classList.add('sel');
      if (marks[r]) marks[r].classList.add('sel');
      if (scroll) selected.scrollIntoView({block: 'nearest'});
    }

    function showMark(r) {
      var m = marks[r];
      if (!m) return;
      select(r, false);
      m.scrollIntoView({block: 'center'});
      m.focus({preventScroll: true});
      m.classList.remove('flash');
      void m.offsetWidth;
      m.classList.add('flash');
    }

    /* the tooltip: the record's fields, from its row */
    var first = ['metric', 'value', 'year', 'period', 'city', 'district', 'role', 'indicator'];
    var skip = {value: 1, unit: 1, metric: 1, text: 1, line: 1, n: 1};
    function showTip(m) {
      var tr = rows[m.dataset.r];
      if (!tr) return;
      tip.textContent = '';
      var metric = val(tr, 'metric');
      if (metric) tip.appendChild(el('div', 't-metric', metric));
      /* the value as the report writes it, then in base units when that differs */
      var v = val(tr, 'value'), u = val(tr, 'unit'), text = m.textContent;
      var base = v ? v + (u ? ' ' + u : '') : '';
      tip.appendChild(el('div', 't-value', text));
      if (base && base.replace(' ', '') !== text) tip.appendChild(el('div', 't-base', '= ' + base));
      var dl = el('dl');
      var order = first.concat(fields.filter(function (f) { return first.indexOf(f) < 0; }));
      order.forEach(function (f) {
        if (skip[f] || fields.indexOf(f) < 0) return;
        var text = val(tr, f);
        var missing = (f === 'city' || f === 'year') && !text;
        if (!text && !missing) return;
        dl.appendChild(el('dt', null, f));
        dl.appendChild(el('dd', missing ? 't-miss' : null, missing ? 'missing' : text));
      });
      dl.appendChild(el('dt', null, 'record'));
      dl.appendChild(el('dd', null, '#' + m.dataset.r + (val(tr, 'line') ? ', line ' + val(tr, 'line') : '')));
      tip.appendChild(dl);
      tip.hidden = false;
      var box = m.getBoundingClientRect(), tw = tip.offsetWidth, th = tip.offsetHeight;
      var left = Math.max(8, Math.min(box.left, window.innerWidth - tw - 8));
      var top = box.bottom + 6;
      if (top + th > window.innerHeight - 8) top = Math.max(8, box.top - th - 6);
      tip.style.left = left + 'px';
      tip.style.top = top + 'px';
    }
    function hideTip() { tip.hidden = true; }

    doc.addEventListener('mouseover', function (e) {
      var m = e.target.closest && e.target.closest('mark[data-r]');
      if (m) showTip(m);
    });
    doc.addEventListener('mouseout', function (e) {
      if (e.target.closest && e.target.closest('mark[data-r]')) hideTip();
    });
    doc.addEventListener('focusin', function (e) {
      if (e.target.matches('mark[data-r]')) showTip(e.target);
    });
    doc.addEventListener('focusout', hideTip);
    doc.addEventListener('click', function (e) {
      var m = e.target.closest('mark[data-r]');
      if (m) { select(m.dataset.r, true); return; }
      var go = e.target.closest('td.n');
      if (go && tbody.contains(go)) { showMark(go.parentNode.dataset.r); return; }
      var tr = e.target.closest('tbody tr');
      if (tr && tbody.contains(tr)) select(tr.dataset.r, false);
    });
    doc.addEventListener('keydown', function (e) {
      if (e.key === 'Escape') { hideTip(); return; }
      if ((e.key === 'Enter' || e.key === ' ') && e.target.matches && e.target.matches('td.n')) {
        e.preventDefault();
        showMark(e.target.parentNode.dataset.r);
        return;
      }
      var m = e.target.matches && e.target.matches('mark[data-r]') ? e.target : null;
      if (!m || (e.key !== 'Enter' && e.key !== ' ')) return;
      e.preventDefault();
      select(m.dataset.r, true);
      var b = rows[m.dataset.r] && rows[m.dataset.r].cells[0];
      if (b) b.focus({preventScroll: true});
    });

    /* sorting: each column heading is a button */
    var headCells = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(headCells, function (th, col) {
      var b = el('button', null, th.textContent);
      b.type = 'button';
      b.title = 'Sort by ' + th.textContent;
      th.textContent = '';
      th.appendChild(b);
      b.addEventListener('click', function () {
        var dir = th.getAttribute('aria-sort') === 'ascending' ? -1 : 1;
        Array.prototype.forEach.call(headCells, function (h) { h.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', dir > 0 ? 'ascending' : 'descending');
        sortBy(col, dir);
      });
    });
    function key(tr, col) { return tr.cells[col] ? tr.cells[col].textContent : ''; }
    function sortBy(col, dir) {
      var numeric = all.every(function (tr) { var k = key(tr, col); return k === '' || !isNaN(Number(k)); });
      var sorted = all.map(function (tr, i) { return [tr, key(tr, col), i]; });
      sorted.sort(function (a, b) {
        if (a[1] === '' || b[1] === '') return a[1] === b[1] ? a[2] - b[2] : (a[1] === '' ? 1 : -1);
        var c = numeric ? Number(a[1]) - Number(b[1]) : a[1].localeCompare(b[1], 'zh');
        return c ? c * dir : a[2] - b[2];
      });
      var frag = document.createDocumentFragment();
      all = sorted.map(function (s) { frag.appendChild(s[0]); return s[0]; });
      tbody.appendChild(frag);
      apply();  /* the rows shown are the first in the new order */
    }

    /* filters: kind, year, city; only records missing a city or year */
    var bar = el('div', 'filters');
    bar.setAttribute('role', 'group');
    bar.setAttribute('aria-label', 'Filter the records');
    var selects = [];
    ['kind', 'year', 'city'].forEach(function (f) {
      if (fields.indexOf(f) < 0) return;
      var seen = {}, names = [];
      all.forEach(function (tr) {
        var v = val(tr, f);
        if (!(v in seen)) { seen[v] = 0; names.push(v); }
        seen[v]++;
      });
      names.sort(function (a, b) { return f === 'year' ? Number(a) - Number(b) : a.localeCompare(b, 'zh'); });
      var label = el('label', null, f + ' ');
      var s = el('select');
      s.appendChild(new Option('all (' + all.length + ')', ''));
      names.forEach(function (n) { s.appendChild(new Option((n || '(none)') + ' (' + seen[n] + ')', n)); });
      s.dataset.f = f;
      s.addEventListener('change', apply);
      label.appendChild(s);
      bar.appendChild(label);
      selects.push(s);
    });
    var onlyLabel = el('label', null, '');
    var only = el('input');
    only.type = 'checkbox';
    only.addEventListener('change', apply);
    onlyLabel.appendChild(only);
    onlyLabel.appendChild(document.createTextNode('missing city or year'));
    bar.appendChild(onlyLabel);
    var shown = el('span', 'shown');
    shown.setAttribute('aria-live', 'polite');
    bar.appendChild(shown);
    /* a long report: the table shows its first rows (data-show of them,
       as the page is written), the rest on demand, since every row shown
       costs the browser layout time */
    var limit = Number(table.dataset.show) || Infinity, showAll = false;
    var more = el('button', 'more');
    more.type = 'button';
    more.hidden = true;
    more.addEventListener('click', function () { showAll = true; apply(); });
    bar.appendChild(more);
    table.parentNode.insertBefore(bar, table);
    table.style.setProperty('--filters-h', bar.offsetHeight + 'px');

    function apply() {
      var n = 0, visible = 0;
      all.forEach(function (tr) {
        var ok = selects.every(function (s) { return s.selectedIndex <= 0 || val(tr, s.dataset.f) === s.value; });
        if (ok && only.checked) ok = tr.classList.contains('no-city') || tr.classList.contains('no-year');
        var show = ok && (showAll || visible < limit);
        if (tr.hidden === show) tr.hidden = !show;
        if (marks[tr.dataset.r]) marks[tr.dataset.r].classList.toggle('dim', !ok);
        n += ok;
        visible += show;
      });
      shown.textContent = (visible < n ? 'first ' + visible + ' of ' + n : n + ' of ' + all.length) + ' shown';
      more.hidden = visible >= n;
      more.textContent = 'show all ' + n;
    }
    apply();
  }
})();
