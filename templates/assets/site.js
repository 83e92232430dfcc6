// Progressive enhancements: every page works without this script.
(function () {
  'use strict';

  // Search code loads only when it is needed: when the header box first gets focus (by
  // click, Tab or a shortcut) or at once on the search page. Scripts inserted with
  // async = false run in order, search-core.js first.
  (function () {
    var meta = document.querySelector('meta[name="search-scripts"]');
    if (!meta) return;
    var loaded = false;
    function load() {
      if (loaded) return;
      loaded = true;
      meta.getAttribute('content').split(' ').filter(Boolean).forEach(function (src) {
        var script = document.createElement('script');
        script.src = src;
        script.async = false;
        document.head.appendChild(script);
      });
    }
    if (document.getElementById('search-page')) { load(); return; }
    var box = document.getElementById('site-search');
    if (!box) return;
    box.addEventListener('focus', load);
    if (document.activeElement === box) load();
  })();

  // "Open now / closed, opens Monday 09:00", worked out in the desk's time zone.
  function openNow(element) {
    var data;
    try { data = JSON.parse(element.getAttribute('data-hours')); } catch (e) { return; }
    var days = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
    function local(date) {
      var parts = new Intl.DateTimeFormat('en-GB', {
        timeZone: data.timeZone, year: 'numeric', month: '2-digit', day: '2-digit',
        hour: '2-digit', minute: '2-digit', hourCycle: 'h23', weekday: 'short'
      }).formatToParts(date);
      var get = function (type) { return (parts.find(function (p) { return p.type === type; }) || {}).value; };
      var weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(get('weekday'));
      return { iso: get('year') + '-' + get('month') + '-' + get('day'), weekday: weekday,
               minutes: parseInt(get('hour'), 10) * 60 + parseInt(get('minute'), 10) };
    }
    function clock(minutes) {
      return String(Math.floor(minutes / 60)).padStart(2, '0') + ':' + String(minutes % 60).padStart(2, '0');
    }
    var now = local(new Date());
    var today = data.weekly[now.weekday];
    var closedToday = data.closures.indexOf(now.iso) >= 0;
    if (today && !closedToday && now.minutes >= today[0] && now.minutes < today[1]) {
      element.textContent = 'Open now — closes at ' + clock(today[1]) + ' (' + data.timeZone + ')';
      element.className += ' is-open';
    } else {
      // Look ahead up to two weeks for the next opening.
      var next = null;
      for (var offset = 0; offset < 15 && !next; offset++) {
        var day = local(new Date(Date.now() + offset * 86400000));
        var hours = data.weekly[day.weekday];
        if (!hours || data.closures.indexOf(day.iso) >= 0) continue;
        if (offset === 0 && now.minutes >= hours[0]) continue;
        next = (offset === 0 ? 'today' : offset === 1 ? 'tomorrow' : days[day.weekday]) + ' ' + clock(hours[0]);
      }
      element.textContent = 'Closed now' + (closedToday ? ' (bank holiday)' : '') + (next ? ' — opens ' + next : '');
      element.className += ' is-closed';
    }
    element.hidden = false;
  }

  // Device table: filters by platform and manufacturer, and sortable columns.
  function deviceTable(filters) {
    var table = document.querySelector('[data-device-table]');
    if (!table) return;
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var count = filters.querySelector('[data-filter-count]');
    function apply() {
      var platform = filters.querySelector('[data-filter="platform"]').value;
      var maker = filters.querySelector('[data-filter="manufacturer"]').value;
      var shown = 0;
      rows.forEach(function (row) {
        var ok = (!platform || row.getAttribute('data-platforms').split(' ').indexOf(platform) >= 0) &&
                 (!maker || row.getAttribute('data-manufacturer') === maker);
        row.hidden = !ok;
        if (ok) shown++;
      });
      count.textContent = shown + ' of ' + rows.length + ' approved devices shown';
    }
    filters.addEventListener('change', apply);
    filters.hidden = false;
    apply();
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (cell, index) {
      var button = document.createElement('button');
      button.type = 'button';
      button.textContent = cell.textContent;
      cell.textContent = '';
      cell.appendChild(button);
      button.addEventListener('click', function () {
        var ascending = cell.getAttribute('aria-sort') !== 'ascending';
        Array.prototype.forEach.call(table.tHead.rows[0].cells, function (c) { c.removeAttribute('aria-sort'); });
        cell.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        rows.sort(function (a, b) {
          var x = a.cells[index].textContent.trim(), y = b.cells[index].textContent.trim();
          return (ascending ? 1 : -1) * x.localeCompare(y, undefined, { numeric: true });
        });
        rows.forEach(function (row) { table.tBodies[0].appendChild(row); });
      });
    });
  }

  // Checklists: ticking items builds a summary to paste into a ticket.
  function checklist(form) {
    var box = form.querySelector('[data-checklist-summary]');
    var text = box.querySelector('textarea');
    var title = document.querySelector('h1').textContent.trim();
    function update() {
      var lines = [title + ':'];
      Array.prototype.forEach.call(form.querySelectorAll('input[type=checkbox]'), function (input) {
        var label = form.querySelector('label[for="' + input.id + '"]').childNodes[0].textContent.trim();
        lines.push((input.checked ? '[x] ' : '[ ] ') + label);
      });
      text.value = lines.join('\n');
    }
    form.addEventListener('change', update);
    box.querySelector('[data-copy]').addEventListener('click', function () {
      text.select();
      var status = box.querySelector('[data-copy-status]');
      var done = function () { status.textContent = 'Copied.'; };
      if (navigator.clipboard) navigator.clipboard.writeText(text.value).then(done, function () { document.execCommand('copy'); done(); });
      else { document.execCommand('copy'); done(); }
    });
    box.hidden = false;
    update();
  }

  document.addEventListener('DOMContentLoaded', function () {
    Array.prototype.forEach.call(document.querySelectorAll('[data-hours]'), openNow);
    var filters = document.querySelector('[data-device-filters]');
    if (filters) deviceTable(filters);
    Array.prototype.forEach.call(document.querySelectorAll('[data-checklist]'), checklist);
  });
})();
