// Ranking quality on the relevance set (bench/relevance.tsv) against a built site's search
// index: for each query, the rank of the first answering page among the first ten results.
// Prints the mean reciprocal rank (a page not in the first ten counts 0) and how many
// queries are answered in the top three; with --verbose, every query's rank and top result.
//
//   node bench/relevance.mjs PUBLIC_DIR [--verbose]
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const here = path.dirname(new URL(import.meta.url).pathname);
const core = require(path.join(here, '../templates/assets/search-core.js'));
const root = process.argv[2];
const verbose = process.argv.includes('--verbose');
if (!root) { console.error('usage: relevance.mjs PUBLIC_DIR [--verbose]'); process.exit(2); }

const rows = fs.readFileSync(path.join(here, 'relevance.tsv'), 'utf8').split('\n')
  .filter((line) => line.trim() && !line.startsWith('#') && !line.startsWith('query\t'))
  .map((line) => { const [query, answers] = line.split('\t'); return { query, answers: answers.split('|') }; });

const searcher = core.createSearcher((p) => {
  const file = path.join(root, p);
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : null;
});
const manifest = await searcher.manifest();
const base = manifest.base || '';
let sum = 0, top3 = 0;
for (const row of rows) {
  const r = await searcher.search(row.query);
  const urls = [];
  for (const hit of r.results.slice(0, 10)) {
    const rec = await searcher.record(hit.doc);
    urls.push(rec ? rec.u.slice(base.length) : '?');
  }
  const rank = urls.findIndex((u) => row.answers.includes(u)) + 1;
  if (rank > 0) sum += 1 / rank;
  if (rank > 0 && rank <= 3) top3 += 1;
  if (verbose) console.log(`${String(rank || '-').padStart(3)}  ${row.query.padEnd(38)} ${urls[0] || '(no results)'}`);
}
console.log(`relevance set: ${rows.length} queries, MRR@10 ${(sum / rows.length).toFixed(3)}, ` +
  `answered in the top 3: ${top3}/${rows.length}`);
