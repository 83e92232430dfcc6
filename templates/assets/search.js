/* Switchboard search UI: the header box's results-as-you-type and the /search/ page.
   Needs search-core.js (window.SwitchboardSearch) loaded first; site.js loads both when the
   header box first gets focus, or at once on the search page. No dependencies. */
(function () {
  'use strict';
  var core = window.SwitchboardSearch;
  if (!core || !window.fetch) return;
  var base = document.documentElement.dataset.base || '';
  // A 404 is "no such file" (null); any other failure rejects, and the searcher tries once
  // more before reporting the index unavailable.
  var searcher = core.createSearcher(function (path) {
    return fetch(base + '/' + path).then(function (r) {
      if (r.status === 404) return null;
      if (!r.ok) throw new Error('HTTP ' + r.status);
      return r.json();
    });
  });
  var UNAVAILABLE = 'Search is unavailable, try again.';
  var searchURL = base + '/search/';

  function debounce(fn, ms) {
    var t = null;
    return function () { var args = arguments; clearTimeout(t); t = setTimeout(function () { fn.apply(null, args); }, ms); };
  }
  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') e.textContent = attrs[k]; else if (k === 'className') e.className = attrs[k]; else e.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { if (c) e.appendChild(c); });
    return e;
  }
  /* The excerpt as text nodes and <mark>s: never innerHTML, the index holds page text. */
  function excerptNode(ex) {
    var p = el('p', { className: 'search-excerpt' });
    core.pieces(ex.text, ex.marks).forEach(function (piece) {
      p.appendChild(piece[1] ? el('mark', { text: piece[0] }) : document.createTextNode(piece[0]));
    });
    return p;
  }
  /* A URL that already has a fragment (an FAQ answer) points at its text. */
  function link(rec, ex) { return rec.u + (ex.anchor && rec.u.indexOf('#') < 0 ? '#' + ex.anchor : ''); }

  /* Results with their records, the records fetched only for the results shown. A record
     that cannot be loaded fails the whole list (the page then says search is unavailable)
     rather than leave a list shorter than the count above it. */
  function withRecords(r, from, count) {
    var shown = r.results.slice(from, from + count);
    return Promise.all(shown.map(function (x) { return searcher.record(x.doc); })).then(function (recs) {
      return shown.map(function (x, i) {
        var rec = recs[i];
        return rec && { hit: x, rec: rec, ex: core.excerpt(rec, x.section, r.words, r.terms) };
      }).filter(Boolean);
    });
  }

  /* Moves the active item of a list with ↑/↓; returns the new index. */
  function move(items, index, delta) {
    if (!items.length) return -1;
    var next = index + delta;
    if (next < 0) next = items.length - 1;
    if (next >= items.length) next = 0;
    return next;
  }

  // ---- The header box ----------------------------------------------------------------
  function enhanceHeader(input) {
    var form = input.form;
    var list = el('ul', { id: 'site-search-results', className: 'search-popup', role: 'listbox', hidden: '' });
    input.insertAdjacentElement('afterend', list);
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-controls', list.id);
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('autocomplete', 'off');
    var active = -1, serial = 0;

    function close() { list.hidden = true; input.setAttribute('aria-expanded', 'false'); input.removeAttribute('aria-activedescendant'); active = -1; }
    function setActive(i) {
      var items = list.querySelectorAll('[role=option]');
      items.forEach(function (item, n) { item.setAttribute('aria-selected', n === i ? 'true' : 'false'); });
      active = i;
      if (i >= 0) input.setAttribute('aria-activedescendant', items[i].id); else input.removeAttribute('aria-activedescendant');
    }
    var run = debounce(function () {
      var q = input.value, mine = ++serial;
      if (!q.trim()) { close(); return; }
      searcher.search(q).then(function (r) { return withRecords(r, 0, 6).then(function (rows) { return [r, rows]; }); })
        .then(function (res) {
          if (mine !== serial) return;
          var r = res[0], rows = res[1];
          list.textContent = '';
          rows.forEach(function (row, i) {
            var a = el('a', { href: link(row.rec, row.ex), tabindex: '-1' }, [
              el('span', { className: 'search-title', text: row.rec.t }),
              row.ex.heading ? el('span', { className: 'search-section', text: row.ex.heading }) : null,
              excerptNode(row.ex)]);
            list.appendChild(el('li', { role: 'option', id: 'site-search-option-' + i, 'aria-selected': 'false' }, [a]));
          });
          var all = el('a', { href: searchURL + '?q=' + encodeURIComponent(q), tabindex: '-1',
            text: rows.length ? 'All ' + r.total + ' results for “' + q.trim() + '”' : 'No results for “' + q.trim() + '”' });
          list.appendChild(el('li', { role: 'option', id: 'site-search-option-all', className: 'search-all', 'aria-selected': 'false' }, [all]));
          list.hidden = false;
          input.setAttribute('aria-expanded', 'true');
          active = -1;
        }).catch(function () {
          if (mine !== serial) return;
          list.textContent = '';
          list.appendChild(el('li', { className: 'search-unavailable', role: 'option', id: 'site-search-option-all', 'aria-selected': 'false' },
            [el('a', { href: searchURL + '?q=' + encodeURIComponent(q), tabindex: '-1', text: UNAVAILABLE })]));
          list.hidden = false;
          input.setAttribute('aria-expanded', 'true');
        });
    }, 60);

    input.addEventListener('input', run);
    input.addEventListener('keydown', function (e) {
      var items = list.querySelectorAll('[role=option]');
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        if (list.hidden) return;
        e.preventDefault();
        setActive(move(items, active, e.key === 'ArrowDown' ? 1 : -1));
      } else if (e.key === 'Enter' && active >= 0 && !list.hidden) {
        e.preventDefault();
        window.location.href = items[active].querySelector('a').href;
      } else if (e.key === 'Escape') {
        close();
      }
      // Enter with nothing selected submits the form: /search/?q=…
    });
    input.addEventListener('blur', function () { setTimeout(close, 150); });
    if (form && !form.getAttribute('action')) form.setAttribute('action', searchURL);
    // The script loads on first focus: what was typed meanwhile is searched now.
    if (input.value.trim()) run();
  }

  // ---- The /search/ page ---------------------------------------------------------------
  function enhancePage(page) {
    var input = page.querySelector('#search-query');
    var filters = page.querySelector('#search-filters');
    var status = page.querySelector('#search-status');
    var results = page.querySelector('#search-results');
    var more = page.querySelector('#search-more');
    var params = new URLSearchParams(window.location.search);
    var state = { q: params.get('q') || '', type: params.get('type'), product: params.get('product'), shown: 0, serial: 0, last: null };
    page.classList.add('search-ready');
    input.value = state.q;

    function syncURL() {
      var p = new URLSearchParams();
      if (state.q) p.set('q', state.q);
      if (state.type) p.set('type', state.type);
      if (state.product) p.set('product', state.product);
      var qs = p.toString();
      history.replaceState(null, '', window.location.pathname + (qs ? '?' + qs : ''));
    }

    function facetGroup(label, names, counts, selected, key, labels) {
      var group = el('fieldset', { className: 'search-facet' }, [el('legend', { text: label })]);
      names.forEach(function (name, i) {
        if (!counts[i] && selected !== name) return;
        var b = el('button', { type: 'button', className: 'search-filter', 'aria-pressed': selected === name ? 'true' : 'false' }, [
          document.createTextNode(((labels && labels[i]) || name) + ' '), el('span', { className: 'search-count', text: '(' + counts[i] + ')' })]);
        b.addEventListener('click', function () { state[key] = selected === name ? null : name; state.shown = 0; syncURL(); run(); });
        group.appendChild(b);
      });
      return group;
    }

    function render(r, m, append) {
      if (!append) results.textContent = '';
      return withRecords(r, state.shown, 10).then(function (rows) {
        rows.forEach(function (row) {
          var facets = [];
          results.appendChild(el('li', { className: 'search-result' }, [
            el('a', { href: link(row.rec, row.ex), className: 'search-title' }, [document.createTextNode(row.rec.t),
              row.ex.heading ? el('span', { className: 'search-section', text: ' › ' + row.ex.heading }) : null]),
            excerptNode(row.ex),
            el('p', { className: 'search-url', text: link(row.rec, row.ex) })].concat(facets)));
        });
        state.shown += rows.length;
        // Beyond the best postings a shard keeps, more results need the full lists.
        more.hidden = state.shown >= r.results.length && r.results.length >= r.total;
      });
    }

    function searchOptions(m, complete) {
      var type = state.type ? m.types.indexOf(state.type) : -1, product = state.product ? m.products.indexOf(state.product) : -1;
      return { type: type < 0 ? null : type, product: product < 0 ? null : product, complete: complete };
    }

    function run() {
      var mine = ++state.serial;
      if (!state.q.trim()) {
        results.textContent = ''; filters.textContent = ''; status.textContent = 'Type to search every page.'; more.hidden = true; return;
      }
      searcher.manifest().then(function (m) {
        return searcher.search(state.q, searchOptions(m, false)).then(function (r) {
          if (mine !== state.serial) return;
          state.last = r; state.shown = 0;
          filters.textContent = '';
          if (r.counts && (r.results.length || state.type || state.product)) {
            filters.appendChild(facetGroup('Type', m.types, r.counts.types, state.type, 'type'));
            filters.appendChild(facetGroup('Product', m.products, r.counts.products, state.product, 'product', m.productNames));
          }
          var n = r.results.length;
          status.textContent = n === 0 ? 'No results for “' + state.q.trim() + '”.'
            : n + (n === 1 ? ' result' : ' results') + ' for “' + state.q.trim() + '”' +
              (r.partial ? ' (no page has every word; showing pages with most of them).' : '.');
          return render(r, m, false);
        });
      }).catch(function () {
        if (mine !== state.serial) return;
        results.textContent = ''; more.hidden = true;
        status.textContent = UNAVAILABLE;
      });
    }

    var runSoon = debounce(function () { state.q = input.value; state.type = null; state.product = null; syncURL(); run(); }, 60);
    input.addEventListener('input', runSoon);
    page.querySelector('form').addEventListener('submit', function (e) { e.preventDefault(); state.q = input.value; syncURL(); run(); });
    more.addEventListener('click', function () {
      var r = state.last;
      if (!r) return;
      if (state.shown < r.results.length) { render(r, null, true).catch(function () { status.textContent = UNAVAILABLE; }); return; }
      var shown = state.shown, mine = ++state.serial;
      searcher.manifest().then(function (m) {
        return searcher.search(state.q, searchOptions(m, true));
      }).then(function (full) {
        if (mine !== state.serial) return;
        state.last = full; state.shown = shown;
        return render(full, null, true);
      }).catch(function () { if (mine === state.serial) status.textContent = UNAVAILABLE; });
    });

    // ↓ from the box into the results, ↑/↓ between them; Enter follows the focused link.
    function resultLinks() { return Array.prototype.slice.call(results.querySelectorAll('a.search-title')); }
    input.addEventListener('keydown', function (e) {
      if (e.key === 'ArrowDown') { var links = resultLinks(); if (links.length) { e.preventDefault(); links[0].focus(); } }
    });
    results.addEventListener('keydown', function (e) {
      if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
      var links = resultLinks(), i = links.indexOf(document.activeElement);
      if (i < 0) return;
      e.preventDefault();
      if (e.key === 'ArrowUp' && i === 0) { input.focus(); return; }
      links[move(links, i, e.key === 'ArrowDown' ? 1 : -1)].focus();
    });
    run();
    if (!state.q) input.focus();
  }

  function start() {
    var page = document.getElementById('search-page');
    if (page) enhancePage(page);
    var header = document.getElementById('site-search');
    // On the search page the page's own box is the one that searches as you type.
    if (header && !page) enhanceHeader(header);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();
})();
