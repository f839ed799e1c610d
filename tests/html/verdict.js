/* verdict.js - after interact.js, for a browser that cannot dump its DOM
   (Firefox): the whole window turns green when every check passed, red
   otherwise, and check.py reads the colour from a screenshot. */
(function () {
  'use strict';
  window.scrollTo(0, 0);  /* interact.js scrolled to a mark */
  var ok = document.body.getAttribute('data-test') === 'ok';
  var v = document.createElement('div');
  v.className = 'verdict';
  v.textContent = document.body.getAttribute('data-test') || 'interact.js did not run';
  var s = v.style;
  s.position = 'fixed'; s.left = s.top = '0'; s.right = s.bottom = '0'; s.zIndex = '99';
  s.background = ok ? '#00ff00' : '#ff0000'; s.font = '24px sans-serif';
  document.body.appendChild(v);
})();
