/* Switchboard search: the query engine, shared by the browser (search.js) and node (tests,
   benchmark). No dependencies. The tokenizer, stop words and stemmer repeat the Swift ones in
   Sources/SwitchboardBuilder/Search exactly; Tests/Fixtures/search-vectors.json holds them
   together. The index format is described in docs/search.md. */
(function (root) {
  'use strict';

  var MIN_LENGTH = 2, MAX_LENGTH = 40;
  var STOP_WORDS = new Set(('a about after all also am an and any are as at be because been before being both but by ' +
    'can could did do does doing each for from had has have having he her here him his how if in into is it its me my ' +
    'of on or other our ours she should so some such than that the their them then there these they this those to too ' +
    'very was we were what when where which while who whom why will with would you your').split(' '));
  var LETTER_OR_NUMBER = /[\p{L}\p{N}]/u, MARK = /\p{M}/u;

  /* Tokens of text with their UTF-16 offsets: [{token, start, end, compound}]: the plain
     tokens in order, then the identifiers (compound tokens) in order. See SearchTokenizer.swift. */
  function tokenSpans(text) {
    var out = [], runs = [], cur = '', length = 0, apostropheAt = -1, start = 0, end = 0, pure = true, i = 0;
    function finish() {
      if (length > 0) {
        var token = cur, count = length;
        // A run of ASCII letters and digits as written, for the identifier pass.
        if (pure) runs.push({ start: start, end: end });
        if (apostropheAt === count - 1 && token.charAt(token.length - 1) === 's') { token = token.slice(0, -1); count -= 1; }
        if (count >= MIN_LENGTH && count <= MAX_LENGTH) out.push({ token: token, start: start, end: end, compound: false });
      }
      cur = ''; length = 0; apostropheAt = -1; pure = true;
    }
    function append(ch, at, to, ascii) {
      if (length === 0) start = at;
      if (!ascii) pure = false;
      cur += ch; length += 1; end = to;
    }
    function feed(ch, at, to, ascii) {
      var code = ch.codePointAt(0);
      if (code < 128) {
        if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) append(ch, at, to, ascii);
        else if (code >= 65 && code <= 90) append(String.fromCharCode(code + 32), at, to, ascii);
        else if (code === 39) { apostropheAt = length; pure = false; }
        else finish();
      } else if (code === 0x2019 || code === 0x02BC) {
        apostropheAt = length; pure = false;
      } else if (MARK.test(ch)) {
        // dropped: accents fold onto their letters
        pure = false;
      } else if (LETTER_OR_NUMBER.test(ch)) {
        append(ch, at, to, false);
      } else {
        finish();
      }
    }
    for (var ch of text) {
      var at = i;
      i += ch.length;
      if (ch.charCodeAt(0) < 128) { feed(ch, at, i, true); continue; }
      for (var d of ch.normalize('NFKD')) for (var l of d.toLowerCase()) feed(l, at, i, false);
    }
    finish();
    identifiers(text, runs, out);
    return out;
  }

  /* Identifiers: tokens made of several runs of ASCII letters and digits and what joins them,
     indexed whole as well as in parts (SearchIdentifiers.swift has the same rules):
     e-mail addresses and their domain; domains (and without their first label); dotted
     versions (4.3.10, and 2.3 for V2.3); ids joined by - or _ with letters and digits
     (TPSIP-0001); money (£800 for £800.00, and 1000 for £1,000); phone numbers of 9 to 15
     digits starting with 0 or + (01903927100 for 01903 927100, and its trailing 4 to n−1
     digits). */
  function identifiers(text, runs, out) {
    var m = runs.length;
    function lower(k) { return text.slice(runs[k].start, runs[k].end).toLowerCase(); }
    function span(a, b) { return text.slice(a, b).toLowerCase(); }
    function gap(k) { return k + 1 < m && runs[k + 1].start === runs[k].end + 1 ? text.charAt(runs[k].end) : ''; }
    function digits(k) { return /^[0-9]+$/.test(lower(k)); }
    function emit(token, a, b) {
      var n = Array.from(token).length;
      if (n >= MIN_LENGTH && n <= MAX_LENGTH) out.push({ token: token, start: a, end: b, compound: true });
    }
    function currency(k) { var c = runs[k].start > 0 ? text.charAt(runs[k].start - 1) : ''; return c === '£' || c === '$' || c === '€' ? c : ''; }
    function dotted(k, l, chainStart) {
      var whole = span(runs[k].start, runs[l].end), all = true, x;
      for (x = k; x <= l; x++) if (!digits(x)) all = false;
      if (all) { if (!(k === chainStart && currency(k))) emit(whole, runs[k].start, runs[l].end); return; }
      var first = /^([a-z]+)([0-9]+)$/.exec(lower(k)), rest = true;
      for (x = k + 1; x <= l; x++) if (!digits(x)) rest = false;
      if (first && rest) {
        emit(whole, runs[k].start, runs[l].end);
        emit(whole.slice(first[1].length), runs[k].start + first[1].length, runs[l].end);
      } else if (/^[a-z]{2,}$/.test(lower(l))) {
        emit(whole, runs[k].start, runs[l].end);
        if (l - k >= 2 && lower(k + 1).length >= 3) emit(span(runs[k + 1].start, runs[l].end), runs[k + 1].start, runs[l].end);
      }
    }
    function plain(i, j) {
      var k = i, l, x, joined = false, letter = false, digit = false;
      while (k <= j) {
        l = k;
        while (l < j && gap(l) === '.') l++;
        if (l > k) dotted(k, l, i);
        k = l + 1;
      }
      for (x = i; x <= j; x++) {
        if (x < j && (gap(x) === '-' || gap(x) === '_')) joined = true;
        if (/[a-z]/.test(lower(x))) letter = true;
        if (/[0-9]/.test(lower(x))) digit = true;
      }
      if (joined && letter && digit) emit(span(runs[i].start, runs[j].end), runs[i].start, runs[j].end);
    }
    function chain(i, j) {
      var ats = [], k;
      for (k = i; k < j; k++) if (gap(k) === '@') ats.push(k);
      if (ats.length === 1) {
        var a = ats[0], ok = a + 1 < j && /^[a-z]{2,}$/.test(lower(j));
        for (k = a + 1; k < j; k++) if (gap(k) !== '.') ok = false;
        if (ok) {
          emit(span(runs[i].start, runs[j].end), runs[i].start, runs[j].end);
          emit(span(runs[a + 1].start, runs[j].end), runs[a + 1].start, runs[j].end);
          return;
        }
      }
      var from = i;
      for (k = i; k <= j; k++) if (k === j || gap(k) === '@') { if (k > from) plain(from, k); from = k + 1; }
    }
    // E-mail addresses, domains, versions and ids: runs joined by . - _ @.
    var i = 0, j;
    while (i < m) {
      j = i;
      while (j + 1 < m && '.-_@'.indexOf(gap(j)) >= 0 && gap(j) !== '') j++;
      if (j > i) chain(i, j);
      i = j + 1;
    }
    // Money: a currency sign, digits with thousands commas, pence.
    for (i = 0; i < m; i++) {
      var sign = currency(i);
      if (!sign || !digits(i)) continue;
      var whole = lower(i);
      j = i;
      while (gap(j) === ',' && /^[0-9]{3}$/.test(lower(j + 1))) { j++; whole += lower(j); }
      var end = runs[j].end, amount = whole;
      if (gap(j) === '.' && digits(j + 1)) { end = runs[j + 1].end; if (/[1-9]/.test(lower(j + 1))) amount += '.' + lower(j + 1); }
      emit(sign + amount, runs[i].start - 1, end);
      if (j > i) emit(whole, runs[i].start, runs[j].end);
    }
    // Phone numbers: digit groups joined by a space or a hyphen.
    i = 0;
    while (i < m) {
      if (digits(i) && lower(i).length >= 2) {
        var plus = runs[i].start > 0 && text.charAt(runs[i].start - 1) === '+', number = lower(i);
        j = i;
        while ((gap(j) === ' ' || gap(j) === '-') && digits(j + 1) && lower(j + 1).length >= 3) { j++; number += lower(j); }
        if ((number.charAt(0) === '0' || plus) && number.length >= 9 && number.length <= 15) {
          var a = runs[i].start - (plus ? 1 : 0), b = runs[j].end, last = lower(j);
          if (j > i) emit(number, a, b);
          for (var n = number.length - 1; n >= 4; n--) if (number.slice(-n) !== last) emit(number.slice(-n), a, b);
          i = j + 1;
          continue;
        }
      }
      i++;
    }
  }

  function tokenize(text) { return tokenSpans(text).map(function (s) { return s.token; }); }
  function isStopWord(token) { return STOP_WORDS.has(token); }

  function isVowel(c) { return c === 'a' || c === 'e' || c === 'i' || c === 'o' || c === 'u'; }

  /* The light English stemmer of SearchStemmer.swift. */
  function stem(word) {
    if (word.length <= 3 || !/^[a-z]+$/.test(word)) return word;
    var w = word;
    var ends = function (s) { return w.length >= s.length && w.slice(-s.length) === s; };
    var stripVerbEnding = function (n) {
      var rest = w.slice(0, -n);
      if (rest.length >= 3 && /[aeiouy]/.test(rest)) { w = rest; if (ends('at')) w += 'e'; }
    };
    if (ends('ies') && w.length > 4) w = w.slice(0, -3) + 'y';
    else if (ends('sses')) w = w.slice(0, -2);
    else if (ends('s') && !ends('ss') && !ends('us') && !ends('is')) w = w.slice(0, -1);
    else if (ends('ied') && w.length > 4) w = w.slice(0, -3) + 'y';
    else if (ends('ed') && !ends('eed')) stripVerbEnding(2);
    else if (ends('ing')) stripVerbEnding(3);

    if (ends('ation') && w.length - 5 >= 4) w = w.slice(0, -5);
    else if (ends('ate') && w.length - 3 >= 4) w = w.slice(0, -3);
    else if (ends('ly') && w.length - 2 >= 5) w = w.slice(0, -2);

    if (ends('e') && w.length >= 4) w = w.slice(0, -1);
    var n = w.length;
    if (n >= 4 && w[n - 1] === w[n - 2] && !isVowel(w[n - 1])) w = w.slice(0, -1);
    return w;
  }

  /* Index terms of text: tokens without stop words, stemmed (SearchTokenizer.terms). */
  function terms(text) {
    return tokenize(text).filter(function (t) { return !STOP_WORDS.has(t); }).map(stem);
  }

  /* Edit distance with adjacent transpositions (optimal string alignment), or max + 1 once
     it is certain to exceed max. Works on code points. */
  function editDistance(a, b, max) {
    a = Array.from(a); b = Array.from(b);
    if (Math.abs(a.length - b.length) > max) return max + 1;
    var prev2 = null, prev = [], cur, i, j;
    for (j = 0; j <= b.length; j++) prev.push(j);
    for (i = 1; i <= a.length; i++) {
      cur = [i];
      var best = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
        cur.push(v);
        if (v < best) best = v;
      }
      if (best > max) return max + 1;
      prev2 = prev; prev = cur;
    }
    return prev[b.length];
  }

  /* File name of an index key (SearchFileKey.swift). */
  function fileKey(key) {
    if (/^[a-z0-9]+$/.test(key)) return key;
    var bytes = new TextEncoder().encode(key), out = '_';
    for (var i = 0; i < bytes.length; i++) out += (bytes[i] < 16 ? '0' : '') + bytes[i].toString(16);
    return out;
  }

  /* Endings the stemmer strips: a word typed part-way through one still finds its stem. */
  var ENDINGS = ['ing', 'ed', 'es', 's', 'e', 'ation', 'ations', 'ly', 'ies', 'ied', 'er'];
  function endsInPartialEnding(raw, term) {
    if (raw.length <= term.length || raw.slice(0, term.length) !== term) return false;
    var rest = raw.slice(term.length);
    if (rest[0] === term[term.length - 1]) rest = rest.slice(1);   // a doubled consonant: stopp-ing
    if (rest === '') return true;
    return ENDINGS.some(function (e) { return e.slice(0, rest.length) === rest; });
  }

  /* How a query word matched a term; lower is better, and results are ordered by it first. */
  var EXACT = 0, PREFIX = 1, TYPO = 2;
  var CLASS_WEIGHT = [1, 0.7, 0.5];
  var SYNONYM_WEIGHT = 0.8;
  var TYPO_ENDINGS = ['e', 's', 'ed', 'ing', 'es', 'ation'];
  var MAX_PREFIX_TERMS = 12, MAX_TYPO_TERMS = 4, MAX_DESCENDANT_SHARDS = 2;

  /* The words of a query: [{raw, stem, open, prefixOnly, identifier, start, end}]. The last
     word is "open" (still being typed, so it also matches as a prefix) unless the query ends
     in a separator. A stop word is dropped unless it is the open word, which may be the
     start of a longer word. An identifier (01903 927100, 4.3.10, £800) stands for the
     tokens it is made of. */
  function parseQuery(query) {
    var spans = tokenSpans(query).slice().sort(function (a, b) {
      return a.start - b.start || (b.end - b.start) - (a.end - a.start) || (b.compound ? 1 : 0) - (a.compound ? 1 : 0);
    });
    var kept = [], claimed = [];
    spans.forEach(function (s) {
      if (claimed.some(function (c) { return s.start >= c.start && s.end <= c.end; })) return;
      if (s.compound) claimed.push(s);
      kept.push(s);
    });
    var end = kept.reduce(function (e, s) { return Math.max(e, s.end); }, 0);
    var open = kept.length > 0 && end === query.length;
    var words = [];
    kept.forEach(function (s) {
      var last = open && s.end === end;
      var stop = !s.compound && STOP_WORDS.has(s.token);
      if (stop && !last) return;
      words.push({ raw: s.token, stem: s.compound ? s.token : stem(s.token), open: last, prefixOnly: stop,
        identifier: s.compound || /[0-9]/.test(s.token), start: s.start, end: s.end });
    });
    return words;
  }

  /* Postings strings (SearchPostingCode.swift): base-64 digits, numbers as varints of five
     bits a digit (32…63: more follows). */
  var DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_';
  var DIGIT_VALUE = {};
  for (var dv = 0; dv < 64; dv++) DIGIT_VALUE[DIGITS.charAt(dv)] = dv;
  /* Reads the string as a sequence of fields: `shape` lists, per field, 'v' (varint) or
     'd' (one digit). Returns a flat array of numbers. */
  function readFields(text, shape) {
    var out = [], i = 0, f = 0, n = text.length;
    while (i < n) {
      if (shape[f] === 'd') { out.push(DIGIT_VALUE[text.charAt(i++)]); }
      else {
        var v = 0, shift = 0, d;
        while (i < n && (d = DIGIT_VALUE[text.charAt(i++)]) >= 32) { v += (d - 32) * Math.pow(2, shift); shift += 5; }
        out.push(v + d * Math.pow(2, shift));
      }
      f = (f + 1) % shape.length;
    }
    return out;
  }
  /* Pages set in a bitmap string: page p is bit p % 6 of digit p / 6. */
  function readBitmap(text) {
    var out = [];
    for (var i = 0; i < text.length; i++) {
      var d = DIGIT_VALUE[text.charAt(i)];
      for (var b = 0; b < 6; b++) if (d & (1 << b)) out.push(i * 6 + b);
    }
    return out;
  }

  /* A shard entry's head postings, (page gap, level, section), with levels turned back into
     scores: the term's best score × 2^((level − levels) / stepsPerOctave). */
  function decodePostings(text, best, m) {
    var flat = readFields(text, 'vdv'), n = flat.length / 3, docs = new Array(n), scores = new Array(n), sec = new Array(n), doc = 0;
    for (var i = 0; i < n; i++) {
      doc += flat[3 * i]; docs[i] = doc;
      scores[i] = best * Math.pow(2, (flat[3 * i + 1] - m.levels) / m.stepsPerOctave);
      sec[i] = flat[3 * i + 2];
    }
    return { docs: docs, scores: scores, sections: sec };
  }

  /* A term's tail file ("s" + (gap, level) postings, or "b" + a bitmap of pages at level 1). */
  function decodeTail(text, best, m) {
    var docs, levels, i;
    if (text.charAt(0) === 'b') {
      docs = readBitmap(text.slice(1));
      levels = docs.map(function () { return 1; });
    } else {
      var flat = readFields(text.slice(1), 'vd'), doc = 0;
      docs = []; levels = [];
      for (i = 0; i < flat.length; i += 2) { doc += flat[i]; docs.push(doc); levels.push(flat[i + 1]); }
    }
    var scores = levels.map(function (l) { return best * Math.pow(2, (l - m.tailLevels) / m.tailStepsPerOctave); });
    return { docs: docs, scores: scores, sections: new Array(docs.length).fill(0) };
  }

  /* The manifest's shard keys, front-coded: space-separated, each key as the number of leading
     characters (code points) it shares with the one before (one base-64 digit) and the rest. */
  function readShardKeys(text) {
    var keys = [], previous = [];
    if (!text) return keys;
    text.split(' ').forEach(function (part) {
      var chars = Array.from(part), shared = DIGITS.indexOf(chars[0]);
      previous = previous.slice(0, shared).concat(chars.slice(1));
      keys.push(previous.join(''));
    });
    return keys;
  }

  /* Thrown when the index cannot be reached (a network error or a server error, twice): the
     page says "Search is unavailable, try again", never "no results". */
  function Unavailable(path) { this.name = 'Unavailable'; this.message = 'search index unavailable: ' + path; }
  Unavailable.prototype = Object.create(Error.prototype);

  /* A searcher over one index. fetchJSON(path) loads a file of the index by its path under
     the site root ("search/index.json") and resolves to the parsed JSON, or to null when the
     file does not exist (a 404); it rejects (or throws) when the file could not be loaded.
     A file is fetched at most once; a failed fetch is tried once more, then the query fails
     with an Unavailable error and the file is not cached, so the next query tries again. */
  function createSearcher(fetchJSON) {
    var cache = new Map();
    function attempt(path) { return new Promise(function (resolve) { resolve(fetchJSON(path)); }); }
    function load(path) {
      if (!cache.has(path)) {
        var p = attempt(path).catch(function () { return attempt(path); })
          .then(function (v) { return v == null ? null : v; }, function () {
            cache.delete(path);
            throw new Unavailable(path);
          });
        cache.set(path, p);
      }
      return cache.get(path);
    }
    var manifestPromise = null, shardKeys = null, shardList = [];
    function manifest() {
      if (!manifestPromise) {
        manifestPromise = load('search/index.json').then(function (m) {
          if (!m) throw new Error('search index not found');
          if (m.version !== 4) throw new Error('search index format ' + m.version + ' is not supported');
          shardList = readShardKeys(m.shards);
          shardKeys = new Set(shardList);
          // Each phrase as index terms; a phrase that stop words reduce to one term
          // ("after hours" → hour) would match far too much and is left out.
          m.synonymGroups = (m.synonyms || []).map(function (g) {
            return g.map(function (phrase) {
              var t = terms(phrase);
              return t.length >= Math.min(2, tokenize(phrase).length) ? t : [];
            }).filter(function (t) { return t.length; });
          });
          return m;
        });
        manifestPromise.catch(function () { manifestPromise = null; });
      }
      return manifestPromise;
    }
    var shards = new Map();
    /* A shard: [[term, df, best score in thousandths, postings, counts?, tail?], …]. A short
       tail is written in the entry; it is still read only when a query needs it (tail()). */
    function shard(key) {
      if (!shards.has(key)) {
        var p = Promise.all([manifest(), load('search/s/' + fileKey(key) + '.json')]).then(function (r) {
          var m = r[0], map = new Map();
          (Array.isArray(r[1]) ? r[1] : []).forEach(function (e) {
            var best = e[2] / 1000;
            map.set(e[0], { term: e[0], df: e[1], best: best, head: decodePostings(e[3], best, m),
              counts: e.length > 4 ? e[4] : null, tail: null, inlineTail: e.length > 5 ? e[5] : null });
          });
          return map;
        });
        p.catch(function () { shards.delete(key); });
        shards.set(key, p);
      }
      return shards.get(key);
    }
    /* The key of the shard a term would be in: the longest listed key that begins it. */
    function shardKeyFor(term) {
      var cps = Array.from(term);
      for (var n = cps.length; n > 0; n--) { var k = cps.slice(0, n).join(''); if (shardKeys.has(k)) return k; }
      return null;
    }
    function lookup(term) {
      var key = shardKeyFor(term);
      return key === null ? Promise.resolve(null) : shard(key).then(function (m) { return m.get(term) || null; });
    }
    /* Loaded shards that may hold terms starting with prefix. */
    function prefixShards(prefix, m) {
      var keys = [], own = shardKeyFor(prefix);
      if (own !== null) keys.push(own);
      var longer = shardList.filter(function (k) { return k.length > prefix.length && k.slice(0, prefix.length) === prefix; });
      if (longer.length <= MAX_DESCENDANT_SHARDS) keys = keys.concat(longer);
      return Promise.all(keys.map(shard));
    }
    /* The rest of a frequent term's pages, from its shard entry or its own tail file: needed
       only to check candidates of several words, to filter, or for "More results". */
    function tail(entry) {
      if (!entry.counts || entry.tail) return Promise.resolve();
      var file = entry.inlineTail != null ? Promise.resolve(entry.inlineTail)
        : load('search/t/' + fileKey(entry.term) + '.json');
      return Promise.all([manifest(), file]).then(function (r) {
        if (typeof r[1] === 'string') entry.tail = decodeTail(r[1], entry.best, r[0]);
      });
    }

    /* The terms a word matches: [{entry, cls, weight}]. */
    function matchWord(word, m) {
      var exactPromise = word.prefixOnly ? Promise.resolve(null) : lookup(word.stem);
      var prefixPromise = word.open || !word.prefixOnly ? prefixShards(word.raw, m) : Promise.resolve([]);
      return Promise.all([exactPromise, prefixPromise]).then(function (r) {
        var exact = r[0], matches = [];
        if (exact) matches.push({ entry: exact, cls: EXACT, weight: CLASS_WEIGHT[EXACT] });
        if (word.open || !exact) {
          var seen = new Set(exact ? [exact.term] : []), prefixed = [];
          r[1].forEach(function (map) {
            map.forEach(function (entry, term) {
              if (seen.has(term)) return;
              var hit = (word.raw.length >= 2 && term.slice(0, word.raw.length) === word.raw) ||
                (word.stem.length >= 3 && term.slice(0, word.stem.length) === word.stem) ||
                (word.open && term.length >= 3 && endsInPartialEnding(word.raw, term));
              if (hit) { seen.add(term); prefixed.push(entry); }
            });
          });
          prefixed.sort(function (a, b) { return b.df - a.df || (a.term < b.term ? -1 : 1); });
          prefixed.slice(0, MAX_PREFIX_TERMS).forEach(function (entry) {
            matches.push({ entry: entry, cls: PREFIX, weight: CLASS_WEIGHT[PREFIX] });
          });
        }
        if (matches.length > 0 || word.prefixOnly || word.identifier || Array.from(word.raw).length < 4) return matches;
        return typoMatches(word);
      });
    }

    /* Terms within one edit of a 4–7 letter word, two of a longer one, from vocabulary files
       keyed by two of its first three letters: see docs/search.md. */
    function typoMatches(word) {
      var chars = Array.from(word.raw), length = chars.length, max = length >= 8 ? 2 : 1;
      var seen = new Set(), found = [];
      function near(lists) {
        lists.forEach(function (vocabulary) {
          (vocabulary || []).forEach(function (term) {
            if (seen.has(term)) return;
            var d = Math.min(editDistance(word.stem, term, max), editDistance(word.raw, term, max));
            // tollrng is one edit from tollring, whose stem is tollr: try the stem's endings.
            for (var e = 0; e < TYPO_ENDINGS.length && d > 1; e++) d = Math.min(d, editDistance(word.raw, term + TYPO_ENDINGS[e], max));
            if (d > max) return;
            seen.add(term);
            found.push({ term: term, d: d, first: String.fromCodePoint(term.codePointAt(0)) === chars[0] ? 0 : 1 });
          });
        });
      }
      var c = chars, file = function (dir, a, b) { return 'search/' + dir + '/' + fileKey(a + b) + '.json'; };
      // Read in turn, up to the first with a term one edit away; a short word reads them all.
      var tiers = [[file('v', c[0], c[1])], [file('u', c[0], c[2]), file('u', c[0], c[1]), file('v', c[0], c[2])],
        [file('w', c[1], c[2])], [file('w', c[0], c[1]), file('v', c[1], c[2]), file('v', c[1], c[0])]];
      if (length < 6) tiers = [[].concat.apply([], tiers)];
      function read(t) {
        if (t === tiers.length || (t > 0 && length >= 6 && found.some(function (x) { return x.d === 1; }))) return Promise.resolve();
        return Promise.all(tiers[t].map(load)).then(function (lists) { near(lists); return read(t + 1); });
      }
      return read(0).then(function () {
        found.sort(function (a, b) { return a.d - b.d || a.first - b.first || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0); });
        return Promise.all(found.slice(0, MAX_TYPO_TERMS).map(function (f) {
          return lookup(f.term).then(function (entry) {
            return entry && { entry: entry, cls: TYPO, weight: CLASS_WEIGHT[TYPO] * (f.d === 1 ? 1 : 0.6) };
          });
        })).then(function (list) { return list.filter(Boolean); });
      });
    }

    function facetsOf(m, doc) {
      var runs = m.runs, lo = 0, hi = runs.length - 1;
      while (lo < hi) { var mid = (lo + hi + 1) >> 1; if (runs[mid][0] <= doc) lo = mid; else hi = mid - 1; }
      return runs[lo];
    }

    /* The query as slots, each a choice of alternatives, each a list of words that must all
       match: a synonym group phrase in the query (content/search/synonyms.yml) becomes a slot
       whose alternatives are the group's phrases; any other word is a slot of its own. */
    function slotsOf(words, m) {
      var slots = [], i = 0, used = new Set();
      while (i < words.length) {
        var best = null;
        m.synonymGroups.forEach(function (group) {
          group.forEach(function (phrase) {
            if (phrase.length > words.length - i || (best && phrase.length <= best.phrase.length)) return;
            for (var k = 0; k < phrase.length; k++) if (words[i + k].prefixOnly || words[i + k].stem !== phrase[k]) return;
            best = { group: group, phrase: phrase };
          });
        });
        var literal = best ? words.slice(i, i + best.phrase.length) : [words[i]], alternatives = [{ words: literal, weight: 1 }];
        i += literal.length;
        // A group expands once: in "doa return" (both DOA words) the second word is itself.
        if (!best || used.has(best.group)) { slots.push(alternatives); continue; }
        used.add(best.group);
        best.group.forEach(function (phrase) {
          if (phrase === best.phrase) return;
          // Scores add up over words, so a phrase of a different length is scaled to the
          // number of words it stands for: "dead on arrival" must not outscore "DOA" typed.
          alternatives.push({ words: phrase.map(function (t) { return { raw: t, stem: t, open: false, prefixOnly: false, identifier: true }; }),
            weight: SYNONYM_WEIGHT * literal.length / phrase.length });
        });
        slots.push(alternatives);
      }
      // A synonym that is itself typed elsewhere in the query (doa return: both in the DOA
      // group) is that word's slot, not another way to satisfy this one.
      var typed = new Set(words.map(function (w) { return w.stem; }));
      return slots.map(function (alts) {
        return alts.filter(function (a, k) { return k === 0 || !a.words.every(function (w) { return typed.has(w.stem); }); });
      });
    }

    /* Searches. options: {type, product} (indices into manifest.types / products, or null),
       complete (load full posting lists even for one word). Resolves to
       {words, results: [{doc, score, section, cls}], total, counts: {types, products},
        partial (no page has every word), terms (the index terms matched, for highlighting)};
       rejects with an Unavailable error when the index cannot be reached. */
    function search(query, options) {
      options = options || {};
      var words = parseQuery(query);
      return manifest().then(function (m) {
        if (words.length === 0) return { words: words, results: [], total: 0, counts: null, partial: false, terms: [] };
        var slots = slotsOf(words, m);
        var all = [];
        slots.forEach(function (alts) { alts.forEach(function (a) { a.words.forEach(function (w) { all.push(w); }); }); });
        return Promise.all(all.map(function (w) { return matchWord(w, m); })).then(function (matched) {
          all.forEach(function (w, i) { w.matches = matched[i]; });
          var filtered = options.type != null || options.product != null;
          var several = slots.length > 1 || slots.some(function (alts) { return alts.some(function (a) { return a.words.length > 1; }); });
          // Candidates of several words are checked against each word's exact term's whole
          // list; prefix and typo matches count only with the pages their heads list.
          var pending = [];
          all.forEach(function (w) {
            w.matches.forEach(function (x) {
              if (options.complete || filtered || (several && x.cls === EXACT)) pending.push(tail(x.entry));
            });
          });
          return Promise.all(pending).then(function () { return rank(m, words, slots, all, options, filtered); });
        });
      });
    }

    /* Pages a word matches: Map doc → {score, cls, section}. */
    function pagesOf(word) {
      var docs = new Map();
      word.matches.forEach(function (x) {
        [x.entry.head, x.entry.tail].forEach(function (p) {
          if (!p) return;
          for (var i = 0; i < p.docs.length; i++) {
            var v = p.scores[i] * x.weight, cur = docs.get(p.docs[i]);
            if (!cur) docs.set(p.docs[i], { score: v, cls: x.cls, section: p.sections[i] });
            else {
              if (x.cls < cur.cls) cur.cls = x.cls;
              if (v > cur.score) { cur.score = v; cur.section = p.sections[i]; }
            }
          }
        });
      });
      return docs;
    }

    function rank(m, words, slots, all, options, filtered) {
      // A slot's pages: those matching every word of one of its alternatives.
      var maps = slots.map(function (alts) {
        var docs = new Map();
        alts.forEach(function (alt) {
          var per = alt.words.map(pagesOf), first = per[0];
          first.forEach(function (hit, doc) {
            var score = 0, cls = 0, section = hit.section, bestPart = -1;
            for (var k = 0; k < per.length; k++) {
              var h = per[k].get(doc);
              if (!h) return;
              score += h.score; if (h.cls > cls) cls = h.cls;
              if (h.score > bestPart) { bestPart = h.score; section = h.section; }
            }
            score *= alt.weight;
            var cur = docs.get(doc);
            if (!cur || score > cur.score) docs.set(doc, { score: score, cls: cur ? Math.min(cur.cls, cls) : cls, section: section });
            else if (cls < cur.cls) cur.cls = cls;
          });
        });
        return docs;
      });
      // Every slot must match; if no page has them all, the pages with the most of them.
      var combined = new Map();
      maps.forEach(function (docs) {
        docs.forEach(function (hit, doc) {
          var c = combined.get(doc);
          if (!c) combined.set(doc, c = { doc: doc, score: 0, cls: 0, section: 0, words: 0, best: -1 });
          c.words += 1; c.score += hit.score;
          if (hit.cls > c.cls) c.cls = hit.cls;
          if (hit.score > c.best) { c.best = hit.score; c.section = hit.section; }
        });
      });
      var most = 0;
      combined.forEach(function (c) { if (c.words > most) most = c.words; });
      var chosen = [];
      combined.forEach(function (c) { if (c.words === most) chosen.push(c); });
      var partial = slots.length > 1 && most < slots.length;

      var nTypes = m.types.length;
      var typeCounts = new Array(nTypes).fill(0), productCounts = new Array(m.products.length).fill(0);
      var results = [];
      chosen.forEach(function (c) {
        var run = facetsOf(m, c.doc);
        var typeOk = options.type == null || run[1] === options.type;
        var productOk = options.product == null || run[2].indexOf(options.product) >= 0;
        if (productOk) typeCounts[run[1]] += 1;
        if (typeOk) run[2].forEach(function (p) { productCounts[p] += 1; });
        if (typeOk && productOk) results.push({ doc: c.doc, score: c.score, section: c.section, cls: c.cls });
      });
      results.sort(function (a, b) { return a.cls - b.cls || b.score - a.score || a.doc - b.doc; });
      var total = results.length;
      // One word whose full list was not loaded: its stored counts are exact for it.
      if (all.length === 1 && !filtered) {
        var exact = all[0].matches.filter(function (x) { return x.cls === EXACT && x.entry.counts && !x.entry.tail; })[0];
        if (exact) {
          typeCounts = exact.entry.counts.slice(0, nTypes);
          productCounts = exact.entry.counts.slice(nTypes);
          total = Math.max(total, exact.entry.df);
        }
      }
      var matched = [];
      all.forEach(function (w) { w.matches.forEach(function (x) { matched.push(x.entry.term); }); });
      return { words: words, results: results, total: total, counts: { types: typeCounts, products: productCounts },
        partial: partial, terms: matched };
    }

    /* A page's record, {u: URL, t: title, m: summary, s: [[anchor, heading] or null, …],
       x: [[sentence, …] per section]}, from the chunk file of its id; null if the chunk has no
       such page; rejects with Unavailable if the chunk cannot be loaded. In the file a
       section is 0 (no anchor), its heading alone (the anchor is the heading's slug) or
       [anchor, heading] (SearchRecordWriter.swift). */
    function record(doc) {
      return manifest().then(function (m) {
        var chunk = Math.floor(doc / m.chunk);
        return load('search/r/' + chunk + '.json').then(function (list) {
          var r = Array.isArray(list) ? list[doc - chunk * m.chunk] : null;
          return r ? { u: r[0], t: r[1], m: r[2], s: r[3].map(section), x: r[4] || [] } : null;
        });
      });
    }

    return { manifest: manifest, search: search, record: record, facetsOf: function (doc) { return manifest().then(function (m) { return facetsOf(m, doc); }); } };
  }

  /* The anchor the renderer gives an ASCII heading (SearchRecordWriter.plainSlug). */
  function plainSlug(heading) {
    var out = heading.toLowerCase().replace(/ /g, '-').replace(/[^a-z0-9_-]/g, '');
    return out === '' ? 'section' : out;
  }
  function section(s) {
    if (typeof s === 'string') return [plainSlug(s), s];
    return Array.isArray(s) ? s : null;
  }

  /* Whether a token of page text should be highlighted for these query words and matched terms. */
  function highlights(token, words, termSet) {
    if (STOP_WORDS.has(token)) return false;
    var s = stem(token);
    if (termSet.has(s)) return true;
    return words.some(function (w) { return w.open && w.raw.length >= 2 && token.slice(0, w.raw.length) === w.raw; });
  }

  /* The excerpt to show for a result: the sentence of the best section (else of the page)
     that holds the most query words, with them marked; the record's summary if no kept
     sentence holds one. Also the best section's anchor and heading to link and show.
     Returns {text, marks: [[start, end]], anchor, heading}; marks are UTF-16 offsets. */
  function excerpt(rec, section, words, matchedTerms) {
    var termSet = new Set(matchedTerms);
    var best = section > 0 && rec.s[section - 1] ? rec.s[section - 1] : null;
    function marksOf(text) {
      return tokenSpans(text).filter(function (sp) { return highlights(sp.token, words, termSet); })
        .map(function (sp) { return [sp.start, sp.end]; })
        .sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; })
        .filter(function (mk, i, all) { return i === 0 || mk[0] >= all[i - 1][1]; });
    }
    function bestOf(sentences) {
      var top = null;
      (sentences || []).forEach(function (text) {
        var marks = marksOf(text);
        var distinct = new Set(marks.map(function (mk) { return text.slice(mk[0], mk[1]).toLowerCase(); })).size;
        if (distinct > 0 && (!top || distinct > top.n)) top = { text: text, marks: marks, n: distinct };
      });
      return top;
    }
    var x = rec.x || [];
    var found = bestOf(x[section]);
    if (!found) x.forEach(function (part) { var f = bestOf(part); if (f && (!found || f.n > found.n)) found = f; });
    var text = found ? found.text : (rec.m || '');
    var marks = found ? found.marks : marksOf(text);
    return { text: text, marks: marks, anchor: best ? best[0] : '', heading: best ? best[1] : '' };
  }

  /* Splits text into [text, highlighted] pieces by marks from excerpt(). */
  function pieces(text, marks) {
    var out = [], at = 0;
    marks.forEach(function (mk) {
      if (mk[0] > at) out.push([text.slice(at, mk[0]), false]);
      out.push([text.slice(mk[0], mk[1]), true]);
      at = mk[1];
    });
    if (at < text.length) out.push([text.slice(at), false]);
    return out;
  }

  var api = { tokenize: tokenize, tokenSpans: tokenSpans, stem: stem, terms: terms, isStopWord: isStopWord,
    stopWords: Array.from(STOP_WORDS), editDistance: editDistance, fileKey: fileKey, parseQuery: parseQuery,
    createSearcher: createSearcher, Unavailable: Unavailable, readFields: readFields, readBitmap: readBitmap, excerpt: excerpt, plainSlug: plainSlug, pieces: pieces, highlights: highlights };
  if (typeof module !== 'undefined' && module.exports) module.exports = api;
  else root.SwitchboardSearch = api;
})(typeof self !== 'undefined' ? self : this);
