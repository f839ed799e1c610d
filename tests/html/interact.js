/* interact.js - run after the page's own script in a copy of a review
   page (tests/html/run.sh adds it, and its hash to the page's policy):
   works the page as a reader would and writes what went wrong, or "ok",
   into body[data-test] for check.py to read from the dumped DOM. */
(function () {
  'use strict';
  var errors = [];
  function expect(cond, what) { if (!cond) errors.push(what); }
  var doc = document.querySelector('article.doc');
  var marks = doc.querySelectorAll('mark[data-r]');
  var rows = doc.querySelectorAll('table.rec tbody tr');
  var tip = document.getElementById('lgx-tip');
  expect(marks.length > 2 && rows.length === marks.length, 'marks and rows');
  var m = marks[1];

  m.dispatchEvent(new MouseEvent('mouseover', {bubbles: true}));
  expect(tip && !tip.hidden, 'hovering a mark shows its record');
  var metric = rows[1].cells[1].textContent;
  expect(tip.textContent.indexOf(metric) >= 0, 'the tooltip names the metric');
  expect(tip.textContent.indexOf(rows[1].querySelector('td.v').textContent) >= 0, 'the tooltip gives the value');
  m.dispatchEvent(new MouseEvent('mouseout', {bubbles: true}));
  expect(tip.hidden, 'leaving the mark hides the tooltip');

  m.focus();
  /* a headless Firefox window has no focus, and fires no focus events */
  var focusEvents = document.hasFocus();
  expect(document.activeElement === m && (!tip.hidden || !focusEvents), 'focusing a mark shows its record');
  m.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter', bubbles: true}));
  expect(rows[1].classList.contains('sel'), 'Enter on a mark selects its row');
  expect(document.activeElement === rows[1].cells[0], 'Enter on a mark moves the focus to its row');
  rows[1].cells[0].dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter', bubbles: true}));
  expect(document.activeElement === m, 'Enter on a row goes back to its mark');

  marks[2].click();
  expect(rows[2].classList.contains('sel') && !rows[1].classList.contains('sel'), 'clicking a mark selects its row alone');

  var valueHead = doc.querySelector('th[data-f="value"] button');
  valueHead.click();
  var values = Array.prototype.map.call(doc.querySelectorAll('table.rec tbody tr td.v'), function (c) { return Number(c.textContent); });
  var sorted = values.slice().sort(function (a, b) { return a - b; });
  expect(values.join() === sorted.join(), 'sorting by value, ascending');
  valueHead.click();
  values = Array.prototype.map.call(doc.querySelectorAll('table.rec tbody tr td.v'), function (c) { return Number(c.textContent); });
  expect(values.join() === sorted.slice().reverse().join(), 'sorting by value, descending');

  var kind = doc.querySelector('.filters select[data-f="kind"]');
  expect(kind && kind.options.length > 2, 'a kind filter with the kinds');
  kind.selectedIndex = 1;
  kind.dispatchEvent(new Event('change'));
  var chosen = kind.value, shown = 0, wrong = 0;
  var kindCol = Array.prototype.indexOf.call(doc.querySelectorAll('table.rec thead th'),
                                             doc.querySelector('table.rec thead th[data-f="kind"]'));
  Array.prototype.forEach.call(rows, function (tr) {
    if (tr.hidden) return;
    shown++;
    if (tr.cells[kindCol].textContent !== chosen) wrong++;
  });
  expect(shown > 0 && wrong === 0 && shown < rows.length, 'filtering by kind shows that kind alone');
  expect(doc.querySelectorAll('mark.dim').length === rows.length - shown, 'the marks of hidden rows are dimmed');
  kind.selectedIndex = 0;
  kind.dispatchEvent(new Event('change'));
  expect(doc.querySelectorAll('table.rec tbody tr[hidden]').length === 0, 'all kinds again');
  expect(doc.querySelector('.filters select[data-f="year"]') && doc.querySelector('.filters select[data-f="city"]'),
         'year and city filters');
  var skip = doc.querySelector('button.skip');
  expect(skip, 'a button to skip to the table');
  if (skip) {
    skip.click();
    expect(document.activeElement === doc.querySelector('table.rec tbody tr:not([hidden]) td.n'),
           'the skip button focuses the first row');
  }
  document.body.setAttribute('data-test', errors.length ? errors.join('; ') : 'ok');
  if (!focusEvents) document.body.setAttribute('data-test-note', 'no window focus: focus events not checked');
})();
