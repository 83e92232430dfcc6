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

  // Checklists: ticking items builds a summary to paste into a ticket (its button is a copy button).
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
    box.hidden = false;
    update();
  }

  // Theme: the header button swaps light and dark and remembers the choice. Choosing what the
  // system already prefers forgets it, so the page follows the system again. The inline script
  // in <head> applied the theme before the page was drawn.
  var THEME_KEY = 'switchboard-theme';
  function theme() {
    var root = document.documentElement;
    var system = window.matchMedia ? window.matchMedia('(prefers-color-scheme: dark)') : null;
    var buttons = document.querySelectorAll('.theme-toggle');
    function stored() { try { return localStorage.getItem(THEME_KEY); } catch (e) { return null; } }
    function apply(name) {
      root.setAttribute('data-theme', name);
      Array.prototype.forEach.call(buttons, function (b) { b.setAttribute('aria-pressed', String(name === 'dark')); });
    }
    function followSystem() {
      var choice = stored();
      apply(choice === 'dark' || choice === 'light' ? choice : system && system.matches ? 'dark' : 'light');
    }
    Array.prototype.forEach.call(buttons, function (button) {
      button.addEventListener('click', function () {
        var next = root.getAttribute('data-theme') === 'dark' ? 'light' : 'dark';
        try {
          if (next === (system && system.matches ? 'dark' : 'light')) localStorage.removeItem(THEME_KEY);
          else localStorage.setItem(THEME_KEY, next);
        } catch (e) { /* private mode: the choice lasts for this page only */ }
        apply(next);
      });
    });
    if (system && system.addEventListener) system.addEventListener('change', followSystem);
    window.addEventListener('storage', function (e) { if (e.key === THEME_KEY) followSystem(); });
    followSystem();
  }

  // One-tap copying. A button with data-copy copies that text; one with data-copy-from copies
  // the value of the element with that id (the checklist summary). Email addresses and phone
  // numbers get a button after their mailto:/tel: link, which stays the main action.
  var announcer = null;
  function announce(message) {
    if (!announcer) {
      announcer = document.createElement('p');
      announcer.className = 'visually-hidden';
      announcer.setAttribute('role', 'status');
      document.body.appendChild(announcer);
    }
    announcer.textContent = message;
  }
  function copyWithSelection(text) {
    var area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.className = 'visually-hidden';
    document.body.appendChild(area);
    area.select();
    var copied = false;
    try { copied = document.execCommand('copy'); } catch (e) { /* reported below */ }
    document.body.removeChild(area);
    return copied ? Promise.resolve() : Promise.reject(new Error('copy refused'));
  }
  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () { return copyWithSelection(text); });
    }
    return copyWithSelection(text);
  }
  function copyButton(text, label) {
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'copy-button';
    button.textContent = 'Copy';
    button.setAttribute('data-copy', text);
    button.setAttribute('aria-label', label);
    return button;
  }
  function contactCopyButtons() {
    var links = document.querySelectorAll('main a[href^="mailto:"], main a[href^="tel:"], .site-footer a[href^="mailto:"], .site-footer a[href^="tel:"]');
    Array.prototype.forEach.call(links, function (link) {
      var href = link.getAttribute('href');
      var email = href.indexOf('mailto:') === 0;
      var shown = link.textContent.trim();
      var text = email ? decodeURIComponent(href.slice(7).split('?')[0])
        : (/\d{3}/.test(shown) ? shown : href.slice(4));
      link.insertAdjacentElement('afterend', copyButton(text, (email ? 'Copy email address ' : 'Copy phone number ') + text));
    });
  }
  document.addEventListener('click', function (e) {
    var button = e.target.closest ? e.target.closest('[data-copy], [data-copy-from]') : null;
    if (!button) return;
    var source = button.getAttribute('data-copy-from');
    var text = source ? document.getElementById(source).value : button.getAttribute('data-copy');
    if (!button.hasAttribute('data-label')) button.setAttribute('data-label', button.textContent);
    copy(text).then(function () {
      button.textContent = 'Copied';
      button.setAttribute('data-copied', '');
      announce('Copied to the clipboard.');
    }, function () {
      button.textContent = 'Select and copy by hand';
      announce('Copying was refused by the browser.');
    });
    clearTimeout(button.copyTimer);
    button.copyTimer = setTimeout(function () {
      button.textContent = button.getAttribute('data-label');
      button.removeAttribute('data-copied');
    }, 2500);
  });

  // Keyboard: / jumps to search (the page's own box on /search/), Esc leaves the header box
  // and closes the phone menu.
  function typingIn(target) {
    if (target.isContentEditable || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT') return true;
    return target.tagName === 'INPUT' && !/^(checkbox|radio|button|submit|reset)$/.test(target.type);
  }
  document.addEventListener('keydown', function (e) {
    if (e.key === '/' && !e.ctrlKey && !e.metaKey && !e.altKey && !typingIn(e.target)) {
      var box = document.getElementById('search-query') || document.getElementById('site-search');
      if (box) { e.preventDefault(); box.focus(); box.select(); }
    } else if (e.key === 'Escape') {
      var menu = document.querySelector('.nav-menu[open]');
      if (menu) { menu.open = false; menu.querySelector('summary').focus(); }
      if (e.target.id === 'site-search') e.target.blur();
    }
  });

  // The phone menu closes when the reader taps elsewhere.
  document.addEventListener('click', function (e) {
    var menu = document.querySelector('.nav-menu[open]');
    if (menu && !menu.contains(e.target)) menu.open = false;
  });

  // Offline: the service worker marks a saved copy with the time it was saved.
  function savedCopyNotice() {
    var meta = document.querySelector('meta[name="switchboard-saved-copy"]');
    var main = document.getElementById('main');
    if (!meta || !main) return;
    var saved = new Date(meta.getAttribute('content'));
    var when = 'an earlier visit';
    if (!isNaN(saved.getTime())) {
      try { when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(saved); }
      catch (e) { when = saved.toLocaleString(); }
    }
    var notice = document.createElement('p');
    notice.className = 'offline-notice';
    notice.setAttribute('role', 'status');
    notice.textContent = 'You are offline: this is a saved copy of the page from ' + when + '. It may have changed since.';
    main.insertBefore(notice, main.firstChild);
  }

  // The service worker: over HTTPS or on localhost only (browsers allow no other), and never
  // under `switchboard serve`, which marks its pages and must always show the latest edit.
  function serviceWorker() {
    if (!('serviceWorker' in navigator)) return;
    if (document.querySelector('meta[name="switchboard-preview"]')) {
      navigator.serviceWorker.getRegistrations().then(function (registrations) {
        registrations.forEach(function (registration) { registration.unregister(); });
      });
      return;
    }
    var meta = document.querySelector('meta[name="switchboard-service-worker"]');
    if (!meta || !window.isSecureContext) return;
    var base = document.documentElement.getAttribute('data-base') || '';
    navigator.serviceWorker.register(meta.getAttribute('content'), { scope: base + '/' }).catch(function () { /* stays online-only */ });
  }

  document.addEventListener('DOMContentLoaded', function () {
    Array.prototype.forEach.call(document.querySelectorAll('[data-hours]'), openNow);
    var filters = document.querySelector('[data-device-filters]');
    if (filters) deviceTable(filters);
    Array.prototype.forEach.call(document.querySelectorAll('[data-checklist]'), checklist);
    theme();
    contactCopyButtons();
    savedCopyNotice();
  });
  window.addEventListener('load', serviceWorker);
})();
