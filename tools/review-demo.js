/* review-demo.js - for docs/review-page.png (tools/review-screenshot.sh):
   a reader has focused a mark, so its record shows and its row is selected. */
(function () {
  'use strict';
  var m = document.querySelectorAll('mark[data-r]')[2];
  if (!m) return;
  m.click();
  m.focus({preventScroll: true});
})();
