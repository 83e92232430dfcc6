// Tests of templates/assets/search-core.js: the shared vectors, query parsing and typo
// distance, and queries an engineer would type against the index of the bundled content
// (built by make-fixture.sh with the switchboard binary; `make test` runs it first, and the
// index tests skip with that instruction when it has not run).
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const core = require('../../templates/assets/search-core.js');

const vectors = JSON.parse(fs.readFileSync(path.join(__dirname, '../Fixtures/search-vectors.json'), 'utf8'));
const fixture = path.join(__dirname, 'fixture-index');
const haveFixture = fs.existsSync(path.join(fixture, 'search/index.json'));

test('tokenizer matches the shared vectors', () => {
  for (const v of vectors.tokenize) assert.deepEqual(core.tokenize(v.input), v.tokens, v.input);
});

test('terms match the shared vectors', () => {
  for (const v of vectors.terms) assert.deepEqual(core.terms(v.input), v.terms, v.input);
});

test('stemmer matches the shared vectors', () => {
  for (const v of vectors.stem) assert.equal(core.stem(v.input), v.stem, v.input);
});

test('stop words match the shared vectors', () => {
  assert.deepEqual(core.stopWords.slice().sort(), vectors.stopWords);
});

test('token spans point into the original text', () => {
  const text = 'Café’s SIP ALG';
  for (const s of core.tokenSpans(text)) {
    assert.equal(core.tokenize(text.slice(s.start, s.end))[0], s.token);
  }
});

test('edit distance counts transpositions as one edit and stops early', () => {
  assert.equal(core.editDistance('ascom', 'ascmo', 2), 1);
  assert.equal(core.editDistance('firmware', 'firmwear', 2), 2);
  assert.equal(core.editDistance('abc', 'xyz', 1), 2);
});

test('the last word is open unless the query ends in a separator; stop words drop', () => {
  assert.deepEqual(core.parseQuery('the doa retu').map((w) => [w.raw, w.open]), [['doa', false], ['retu', true]]);
  assert.deepEqual(core.parseQuery('doa ').map((w) => w.open), [false]);
  assert.deepEqual(core.parseQuery('for').map((w) => [w.raw, w.prefixOnly]), [['for', true]]);
});

test('file keys match the Swift writer', () => {
  assert.equal(core.fileKey('doa'), 'doa');
  assert.equal(core.fileKey('é'), '_c3a9');
});

function searcher() {
  return core.createSearcher((p) => JSON.parse(fs.readFileSync(path.join(fixture, p), 'utf8')));
}

async function top(s, query, options) {
  const r = await s.search(query, options);
  assert.ok(r.results.length > 0, `no results for ${query}`);
  const rec = await s.record(r.results[0].doc);
  return { r, rec, url: rec.u };
}

const questions = [
  ['DOA return', /doa-return-step-by-step|doa-process|checklists\/doa-return/],
  ['SIP ALG', /disable-sip-alg/],
  ['out-of-hours price', /rates|remote-session-prices|professional-services/],
  ['Tollring installation key', /\/vendors\/tollring\/|tollring-ticket|tollring-icall|faq\/#tollring-support/],
  ['Ascom firmware', /ascom-i63/],
  // Typos: one edit in a 4–7 letter word, two in a longer one.
  ['Tolring installation key', /\/vendors\/tollring\/|tollring-ticket|tollring-icall|faq\/#tollring-support/],
  ['Ascmo firmwear', /ascom-i63/],
  ['Tollrng', /tollring/],
  ['SIP ALG disabel', /disable-sip-alg/],
  ['escalaton matrix', /escalation/],
  // As you type.
  ['Tollr', /tollring/],
  ['asc', /ascom/],
];

for (const [query, expected] of questions) {
  test(`"${query}" finds the right page`, { skip: !haveFixture && 'run Tests/JavaScript/make-fixture.sh' }, async () => {
    const { url } = await top(searcher(), query);
    assert.match(url, expected);
  });
}

test('exact matches rank before prefix matches, prefix before typos', { skip: !haveFixture }, async () => {
  const r = await searcher().search('ascom');
  const classes = r.results.map((x) => x.cls);
  assert.deepEqual(classes, classes.slice().sort((a, b) => a - b));
});

test('several words narrow the results', { skip: !haveFixture }, async () => {
  const s = searcher();
  const one = await s.search('doa ', { complete: true });
  const two = await s.search('doa courier ');
  assert.ok(two.results.length > 0 && two.results.length < one.results.length);
});

test('filters narrow by type and counts stay for the other facet', { skip: !haveFixture }, async () => {
  const s = searcher();
  const m = await s.manifest();
  const faq = m.types.indexOf('FAQ');
  const all = await s.search('doa ');
  const faqs = await s.search('doa ', { type: faq });
  assert.equal(faqs.results.length, all.counts.types[faq]);
  for (const x of faqs.results) assert.equal((await s.facetsOf(x.doc))[1], faq);
});

test('excerpts highlight the query words and deep-link the section', { skip: !haveFixture }, async () => {
  const s = searcher();
  const { r, rec } = await top(s, 'SIP ALG');
  const ex = core.excerpt(rec, r.results[0].section, r.words, r.terms);
  assert.ok(ex.marks.length > 0);
  const marked = core.pieces(ex.text, ex.marks).filter((p) => p[1]).map((p) => p[0].toLowerCase());
  assert.ok(marked.includes('sip') || marked.includes('alg'), marked.join(','));
});

test('missing index files make an empty result, not an exception', { skip: !haveFixture }, async () => {
  const r = await searcher().search('zzzzqqq');
  assert.equal(r.results.length, 0);
});

test('heading slugs match the Swift writer for ASCII headings', () => {
  assert.equal(core.plainSlug('SIP ALG: what it does'), 'sip-alg-what-it-does');
  assert.equal(core.plainSlug('Before you call'), 'before-you-call');
  assert.equal(core.plainSlug('?!'), 'section');
});
