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

  /* Tokens of text with their UTF-16 offsets: [{token, start, end}]. See SearchTokenizer.swift. */
  function tokenSpans(text) {
    var out = [], cur = '', length = 0, apostropheAt = -1, start = 0, end = 0, i = 0;
    function finish() {
      if (length > 0) {
        var token = cur, count = length;
        if (apostropheAt === count - 1 && token.charAt(token.length - 1) === 's') { token = token.slice(0, -1); count -= 1; }
        if (count >= MIN_LENGTH && count <= MAX_LENGTH) out.push({ token: token, start: start, end: end });
      }
      cur = ''; length = 0; apostropheAt = -1;
    }
    function append(ch, at, to) {
      if (length === 0) start = at;
      cur += ch; length += 1; end = to;
    }
    function feed(ch, at, to) {
      var code = ch.codePointAt(0);
      if (code < 128) {
        if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) append(ch, at, to);
        else if (code >= 65 && code <= 90) append(String.fromCharCode(code + 32), at, to);
        else if (code === 39) apostropheAt = length;
        else finish();
      } else if (code === 0x2019 || code === 0x02BC) {
        apostropheAt = length;
      } else if (MARK.test(ch)) {
        // dropped: accents fold onto their letters
      } else if (LETTER_OR_NUMBER.test(ch)) {
        append(ch, at, to);
      } else {
        finish();
      }
    }
    for (var ch of text) {
      var at = i;
      i += ch.length;
      if (ch.charCodeAt(0) < 128) { feed(ch, at, i); continue; }
      for (var d of ch.normalize('NFKD')) for (var l of d.toLowerCase()) feed(l, at, i);
    }
    finish();
    return out;
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
  var TYPO_ENDINGS = ['e', 's', 'ed', 'ing', 'es', 'ation'];
  var MAX_PREFIX_TERMS = 12, MAX_TYPO_TERMS = 4, MAX_DESCENDANT_SHARDS = 2;

  /* The words of a query: [{raw, stem, open, prefixOnly}]. The last word is "open" (still
     being typed, so it also matches as a prefix) unless the query ends in a separator. A stop
     word is dropped unless it is the open word, which may be the start of a longer word. */
  function parseQuery(query) {
    var spans = tokenSpans(query), words = [];
    var open = spans.length > 0 && spans[spans.length - 1].end === query.length;
    spans.forEach(function (s, i) {
      var last = i === spans.length - 1 && open;
      var stop = STOP_WORDS.has(s.token);
      if (stop && !last) return;
      words.push({ raw: s.token, stem: stem(s.token), open: last, prefixOnly: stop });
    });
    return words;
  }

  /* A shard entry's postings, (page gap, level, section) triples, with levels turned back
     into scores: the term's best score × 2^((level − levels) / stepsPerOctave). */
  function decodePostings(flat, best, m) {
    var n = flat.length / 3, docs = new Array(n), scores = new Array(n), sec = new Array(n), doc = 0;
    for (var i = 0; i < n; i++) {
      doc += flat[3 * i]; docs[i] = doc;
      scores[i] = best * Math.pow(2, (flat[3 * i + 1] - m.levels) / m.stepsPerOctave);
      sec[i] = flat[3 * i + 2];
    }
    return { docs: docs, scores: scores, sections: sec };
  }

  /* A searcher over one index. fetchJSON(path) loads a file of the index by its path under
     the site root ("search/index.json") and resolves to the parsed JSON; every file is
     fetched at most once. */
  function createSearcher(fetchJSON) {
    var cache = new Map();
    function load(path) {
      // A loader that throws, rejects or returns nothing means "no such file": the query
      // goes on without it.
      if (!cache.has(path)) cache.set(path, new Promise(function (resolve) { resolve(fetchJSON(path)); })
        .then(function (v) { return v == null ? null : v; }, function () { return null; }));
      return cache.get(path);
    }
    var manifestPromise = null, shardKeys = null;
    function manifest() {
      if (!manifestPromise) manifestPromise = load('search/index.json').then(function (m) {
        if (!m) throw new Error('search index not found');
        if (m.version !== 2) throw new Error('search index format ' + m.version + ' is not supported');
        shardKeys = new Set(m.shards);
        return m;
      });
      return manifestPromise;
    }
    var shards = new Map();
    /* A shard: [[term, df, best score in thousandths, postings, counts?], …]. */
    function shard(key) {
      if (!shards.has(key)) shards.set(key, Promise.all([manifest(), load('search/s/' + fileKey(key) + '.json')]).then(function (r) {
        var m = r[0], map = new Map();
        (Array.isArray(r[1]) ? r[1] : []).forEach(function (e) {
          var best = e[2] / 1000;
          map.set(e[0], { term: e[0], df: e[1], best: best, shard: key, head: decodePostings(e[3], best, m),
            counts: e.length > 4 ? e[4] : null, tail: null });
        });
        return map;
      }));
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
      var longer = m.shards.filter(function (k) { return k.length > prefix.length && k.slice(0, prefix.length) === prefix; });
      if (longer.length <= MAX_DESCENDANT_SHARDS) keys = keys.concat(longer);
      return Promise.all(keys.map(shard));
    }
    /* The rest of a frequent term's postings, from its shard's tail file
       ({term: [page gap, level, …]}): without the head's pages, without sections, and on
       the coarser tail scale. */
    function tail(entry) {
      if (!entry.counts || entry.tail) return Promise.resolve();
      return Promise.all([manifest(), load('search/t/' + fileKey(entry.shard) + '.json')]).then(function (r) {
        var m = r[0], flat = r[1] && r[1][entry.term];
        if (!Array.isArray(flat)) return;
        var n = flat.length / 2, docs = new Array(n), scores = new Array(n), doc = 0;
        for (var i = 0; i < n; i++) {
          doc += flat[2 * i]; docs[i] = doc;
          scores[i] = entry.best * Math.pow(2, (flat[2 * i + 1] - m.tailLevels) / m.tailStepsPerOctave);
        }
        entry.tail = { docs: docs, scores: scores, sections: new Array(n).fill(0) };
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
        if (matches.length > 0 || word.prefixOnly || Array.from(word.raw).length < 4) return matches;
        return typoMatches(word);
      });
    }

    /* Terms within one edit of a 4–7 letter word, two of a longer one, that share its
       first letter (see docs/search.md for why the first letter is trusted). */
    function typoMatches(word) {
      var length = Array.from(word.raw).length, max = length >= 8 ? 2 : 1;
      var first = Array.from(word.stem)[0];
      return load('search/v/' + fileKey(first) + '.json').then(function (vocabulary) {
        var found = [];
        (vocabulary || []).forEach(function (term) {
          var d = Math.min(editDistance(word.stem, term, max), editDistance(word.raw, term, max));
          // tollrng is one edit from tollring, whose stem is tollr: try the stem's endings.
          for (var e = 0; e < TYPO_ENDINGS.length && d > 1; e++) d = Math.min(d, editDistance(word.raw, term + TYPO_ENDINGS[e], max));
          if (d <= max) found.push({ term: term, d: d });
        });
        found.sort(function (a, b) { return a.d - b.d || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0); });
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

    /* Searches. options: {type, product} (indices into manifest.types / products, or null),
       complete (load full posting lists even for one word). Resolves to
       {words, results: [{doc, score, section, cls}], total, counts: {types, products},
        partial (no page has every word), terms (the index terms matched, for highlighting)}. */
    function search(query, options) {
      options = options || {};
      var words = parseQuery(query);
      return manifest().then(function (m) {
        if (words.length === 0) return { words: words, results: [], total: 0, counts: null, partial: false, terms: [] };
        return Promise.all(words.map(function (w) { return matchWord(w, m); })).then(function (perWord) {
          var filtered = options.type != null || options.product != null;
          var needTails = options.complete || filtered || words.length > 1;
          var pending = [];
          if (needTails) perWord.forEach(function (ms) { ms.forEach(function (x) { pending.push(tail(x.entry)); }); });
          return Promise.all(pending).then(function () { return rank(m, words, perWord, options, filtered); });
        });
      });
    }

    function rank(m, words, perWord, options, filtered) {
      var maps = perWord.map(function (matches) {
        var docs = new Map();
        matches.forEach(function (x) {
          [x.entry.head, x.entry.tail].forEach(function (p) { if (p) add(x, p); });
        });
        function add(x, p) {
          for (var i = 0; i < p.docs.length; i++) {
            var v = p.scores[i] * x.weight;
            var cur = docs.get(p.docs[i]);
            if (!cur) docs.set(p.docs[i], { score: v, cls: x.cls, section: p.sections[i] });
            else {
              if (x.cls < cur.cls) cur.cls = x.cls;
              if (v > cur.score) { cur.score = v; cur.section = p.sections[i]; }
            }
          }
        }
        return docs;
      });
      // Every word must match; if no page has them all, the pages with the most of them.
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
      var all = [];
      combined.forEach(function (c) { if (c.words === most) all.push(c); });
      var partial = words.length > 1 && most < words.length;

      var nTypes = m.types.length;
      var typeCounts = new Array(nTypes).fill(0), productCounts = new Array(m.products.length).fill(0);
      var results = [];
      all.forEach(function (c) {
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
      if (words.length === 1 && !filtered) {
        var exact = perWord[0].filter(function (x) { return x.cls === EXACT && x.entry.counts && !x.entry.tail; })[0];
        if (exact) {
          typeCounts = exact.entry.counts.slice(0, nTypes);
          productCounts = exact.entry.counts.slice(nTypes);
          total = Math.max(total, exact.entry.df);
        }
      }
      var matched = [];
      perWord.forEach(function (ms) { ms.forEach(function (x) { matched.push(x.entry.term); }); });
      return { words: words, results: results, total: total, counts: { types: typeCounts, products: productCounts },
        partial: partial, terms: matched };
    }

    /* A page's record, {u: URL, t: title, m: summary, s: [[anchor, heading] or null, …]},
       from the chunk file of its id; null if it cannot be loaded. In the file a section is
       0 (no anchor), its heading alone (the anchor is the heading's slug) or
       [anchor, heading] (SearchRecordWriter.swift). */
    function record(doc) {
      return manifest().then(function (m) {
        var chunk = Math.floor(doc / m.chunk);
        return load('search/r/' + chunk + '.json').then(function (list) {
          var r = Array.isArray(list) ? list[doc - chunk * m.chunk] : null;
          return r ? { u: r[0], t: r[1], m: r[2], s: r[3].map(section) } : null;
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

  /* The excerpt to show for a result: the record's summary with the query words marked,
     and the best section's anchor and heading to link and show.
     Returns {text, marks: [[start, end]], anchor, heading}; marks are UTF-16 offsets. */
  function excerpt(rec, section, words, matchedTerms) {
    var termSet = new Set(matchedTerms);
    var best = section > 0 && rec.s[section - 1] ? rec.s[section - 1] : null;
    var text = rec.m || '';
    var marks = tokenSpans(text).filter(function (sp) { return highlights(sp.token, words, termSet); })
      .map(function (sp) { return [sp.start, sp.end]; });
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
    createSearcher: createSearcher, excerpt: excerpt, plainSlug: plainSlug, pieces: pieces, highlights: highlights };
  if (typeof module !== 'undefined' && module.exports) module.exports = api;
  else root.SwitchboardSearch = api;
})(typeof self !== 'undefined' ? self : this);
