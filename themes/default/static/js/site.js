// monsite: charts and the schools filter. Everything works without this file:
// every chart has its data as a table, and the schools list is complete.
(function () {
  'use strict';

  function renderCharts() {
    if (typeof window.vegaEmbed !== 'function') return;
    document.querySelectorAll('script.chart-spec').forEach(function (node) {
      var target = document.getElementById(node.getAttribute('data-target'));
      if (!target) return;
      var spec;
      try {
        spec = JSON.parse(node.textContent);
      } catch (e) {
        return;
      }
      window.vegaEmbed(target, spec, { renderer: 'svg', actions: false }).then(function () {
        target.classList.add('chart-ready');
      }).catch(function () {
        target.classList.add('chart-failed');
      });
    });
  }

  function setupFilters() {
    var form = document.getElementById('school-filters');
    if (!form) return;
    var rows = Array.prototype.slice.call(document.querySelectorAll('[data-school]'));
    var status = document.getElementById('filter-status');
    var text = form.querySelector('#filter-text');
    var selects = Array.prototype.slice.call(form.querySelectorAll('select'));
    form.hidden = false;

    function apply() {
      var query = text.value.trim().toLowerCase();
      var shown = 0;
      rows.forEach(function (row) {
        var visible = !query || (row.getAttribute('data-search') || '').indexOf(query) !== -1;
        selects.forEach(function (select) {
          if (select.value && row.getAttribute('data-' + select.name) !== select.value) visible = false;
        });
        row.hidden = !visible;
        if (visible) shown += 1;
      });
      // The sentence comes from the text catalogue (schools_filter_status) through the page.
      var sentence = status.getAttribute('data-status') || '{shown} / {total}';
      status.textContent = sentence.replace('{shown}', String(shown)).replace('{total}', String(rows.length));
    }

    form.addEventListener('input', apply);
    form.addEventListener('change', apply);
    form.addEventListener('submit', function (event) { event.preventDefault(); });
    apply();
  }

  function start() {
    renderCharts();
    setupFilters();
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
