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

  // The words a search compares: lower case, ё as е, «№» and punctuation
  // dropped, letters and digits apart («сош8» is «сош 8»).
  function searchWords(text) {
    return String(text).toLowerCase().replace(/ё/g, 'е')
      .replace(/[^0-9a-zа-я]+/g, ' ')
      .replace(/([a-zа-я])([0-9])/g, '$1 $2').replace(/([0-9])([a-zа-я])/g, '$1 $2')
      .trim().split(' ').filter(Boolean);
  }

  // Every word of the query, in any order, begins some word of the school's
  // name, short name or code («березов», «8 сош», «лицей 2»); a word of three
  // letters or more may also stand inside one («овская»).
  function matches(queryWords, rowWords) {
    return queryWords.every(function (q) {
      return rowWords.some(function (w) {
        return w.indexOf(q) === 0 || (q.length >= 3 && w.indexOf(q) !== -1);
      });
    });
  }

  // A row of the schools table from the year's index (a large site's list is
  // paginated; its search reads data/schools-index-<year>.json). Text only: the
  // index's values never become markup.
  function indexRow(fields, values) {
    var v = {};
    fields.forEach(function (name, i) { v[name] = values[i] == null ? '' : String(values[i]); });
    var tr = document.createElement('tr');
    tr.setAttribute('data-school', v.id);
    tr.setAttribute('data-search', v.search);
    tr.setAttribute('data-cluster', v.cluster);
    tr.setAttribute('data-type', v.type);
    tr.setAttribute('data-group', v.group);
    var th = document.createElement('th');
    th.setAttribute('scope', 'row');
    var a = document.createElement('a');
    a.setAttribute('href', v.href);
    a.textContent = v.name;
    th.appendChild(a);
    tr.appendChild(th);
    [['type', ''], ['cluster', ''], ['group_text', ''], ['composite', 'num'], ['rank', 'num']].forEach(function (cell) {
      var td = document.createElement('td');
      if (cell[1]) td.className = cell[1];
      td.textContent = v[cell[0]];
      tr.appendChild(td);
    });
    return tr;
  }

  function setupFilters() {
    var form = document.getElementById('school-filters');
    if (!form) return;
    var pageRows = Array.prototype.slice.call(document.querySelectorAll('[data-school]'));
    var rows = pageRows;
    var status = document.getElementById('filter-status');
    var text = form.querySelector('#filter-text');
    var selects = Array.prototype.slice.call(form.querySelectorAll('select'));
    var words = rows.map(function (row) { return searchWords(row.getAttribute('data-search') || ''); });
    // A large site: the page holds one page of the list; a search or a filter looks in every school of the index.
    var index = form.getAttribute('data-index');
    var tbody = document.querySelector('.schools-table tbody');
    var pager = document.getElementById('list-pages');
    var indexRows = null;
    var loading = false;
    form.hidden = false;

    function use(list) {
      if (list === rows) return;
      rows = list;
      words = rows.map(function (row) { return searchWords(row.getAttribute('data-search') || ''); });
      while (tbody.firstChild) tbody.removeChild(tbody.firstChild);
      rows.forEach(function (row) { tbody.appendChild(row); });
    }

    function apply() {
      var query = searchWords(text.value);
      if (index && tbody) {
        var active = query.length > 0 || selects.some(function (select) { return select.value; });
        if (active && !indexRows) {
          if (!loading) {
            loading = true;
            fetch(index).then(function (response) { return response.json(); }).then(function (data) {
              indexRows = data.rows.map(function (values) { return indexRow(data.fields, values); });
              apply();
            }).catch(function () { index = null; apply(); });
          }
          return;
        }
        use(active ? indexRows : pageRows);
        if (pager) pager.hidden = active;
      }
      var shown = 0;
      rows.forEach(function (row, i) {
        var visible = !query.length || matches(query, words[i]);
        selects.forEach(function (select) {
          if (select.value && row.getAttribute('data-' + select.name) !== select.value) visible = false;
        });
        row.hidden = !visible;
        if (visible) shown += 1;
      });
      // The sentence comes from the text catalogue (schools_filter_status) through the page.
      // With nothing shown, the sentence says so and what to try (schools_filter_empty).
      var total = index && tbody && rows !== pageRows ? rows.length : Number(form.getAttribute('data-total')) || rows.length;
      var sentence = (shown === 0 && status.getAttribute('data-empty')) || status.getAttribute('data-status') || '{shown} / {total}';
      status.textContent = sentence.replace('{shown}', String(shown)).replace('{total}', String(total));
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
