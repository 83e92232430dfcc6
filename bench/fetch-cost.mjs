// Bytes a browser transfers for cold search queries, gzipped, and the index's total size.
// Loads the real query engine (templates/assets/search-core.js) and counts every index file
// it asks for, plus the scripts (search-core.js, search.js) and the records of the results a
// page would show (ten). A failed fetch (404) counts nothing.
//
//   node bench/fetch-cost.mjs PUBLIC_DIR [query ...]
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const here = path.dirname(new URL(import.meta.url).pathname);
const core = require(path.join(here, '../templates/assets/search-core.js'));
const root = process.argv[2];
if (!root) { console.error('usage: fetch-cost.mjs PUBLIC_DIR [query ...]'); process.exit(2); }
// Words of bench/generate.py's text: the platform, protocol and trade words are on most
// pages (the costly case), `tollring`/`escalation` in between, model names and made-up
// words rare, `kalinder` on none; then slips of the finger and identifiers.
const groups = process.argv.length > 3 ? [['given', process.argv.slice(3)]] : [
  ['one word', ['support', 'ipecs', 'sip', 'firmware', 'escalation', 'tollring', 'doa', 'ascom', 'kalinder']],
  ['typos', ['firmwre', 'rirmware', 'ecsalation', 'tolring']],
  ['identifiers', ['4.3.10', '£800', 'escalations@example.com', 'example.co.uk', '01903']],
  ['two words', ['ipecs sip', 'support ticket', 'firmware upgrade', 'sip alg', 'tollring firmware', 'ascom handset', 'ipecs kalinder']],
  ['three words', ['ipecs sip cloud', 'support ticket engineer', 'firmware upgrade handset', 'out-of-hours price', 'sip alg router', 'ascom firmware ipecs']],
];

const gz = (bytes) => zlib.gzipSync(bytes, { level: 6 }).length;
// The scripts as published (assets/search-core.<hash>.js: SearchScriptPacker strips their
// comments), else the sources.
const published = fs.existsSync(path.join(root, 'assets')) ? fs.readdirSync(path.join(root, 'assets')) : [];
const scripts = ['search-core', 'search'].map((name) => {
  const hit = published.find((f) => new RegExp('^' + name + '\\.[0-9a-f]+\\.js$').test(f));
  return hit ? path.join(root, 'assets', hit) : path.join(here, '../templates/assets', name + '.js');
});
const scriptBytes = scripts.reduce((sum, f) => sum + gz(fs.readFileSync(f)), 0);

async function cold(query, shown) {
  const fetched = [];
  const s = core.createSearcher((p) => {
    const file = path.join(root, p);
    if (!fs.existsSync(file)) return null;   // a 404 costs (almost) nothing
    const bytes = fs.readFileSync(file);
    fetched.push([p, gz(bytes)]);
    return JSON.parse(bytes);
  });
  const r = await s.search(query);
  await Promise.all(r.results.slice(0, shown).map((x) => s.record(x.doc)));
  const index = fetched.reduce((sum, f) => sum + f[1], 0);
  return { results: r.total, index, files: fetched.length, total: index + scriptBytes };
}

function walk(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]);
}
let raw = 0, packed = 0, count = 0;
const parts = new Map();
for (const f of walk(path.join(root, 'search'))) {
  if (f.endsWith('.html')) continue;   // the /search/ page itself
  const bytes = fs.readFileSync(f), z = gz(bytes);
  raw += bytes.length; packed += z; count += 1;
  const part = path.relative(path.join(root, 'search'), f).split(path.sep)[0];
  const p = parts.get(part) || { files: 0, raw: 0, packed: 0 };
  p.files += 1; p.raw += bytes.length; p.packed += z;
  parts.set(part, p);
}
const kb = (n) => (n / 1024).toFixed(1) + ' KB';
const mb = (n) => (n / 1048576).toFixed(2) + ' MB';
console.log(`index: ${count} files, ${mb(raw)} raw, ${mb(packed)} gzipped (each file gzipped on its own)`);
for (const [part, p] of [...parts].sort()) {
  console.log(`  ${part.padEnd(16)} ${String(p.files).padStart(6)} files  ${mb(p.raw).padStart(9)} raw  ${mb(p.packed).padStart(9)} gzipped`);
}
console.log(`client: ${kb(scriptBytes)} gzipped (${scripts.map((f) => path.basename(f)).join(' + ')})`);
console.log('cold query (page of 10 results): transferred gzipped = scripts + index files + records');
const worst = {};
for (const [group, queries] of groups) {
  console.log(`  ${group}:`);
  for (const q of queries) {
    const c = await cold(q, 10);
    if (!worst[group] || c.total > worst[group].total) worst[group] = { q, total: c.total };
    console.log(`    ${JSON.stringify(q).padEnd(28)} ${String(c.results).padStart(6)} results  ${String(c.files).padStart(3)} files  ${kb(c.total).padStart(9)}`);
  }
}
for (const [group, w] of Object.entries(worst)) console.log(`  worst ${group}: ${kb(w.total)} (${JSON.stringify(w.q)})`);
