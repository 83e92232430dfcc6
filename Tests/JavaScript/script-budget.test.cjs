// Every script the site ships stays small and is listed, with its gzipped size, in docs/reader.md.
// Budgets are gzip -9 bytes; raise one only with a reason in the docs.
const { test } = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const root = path.join(__dirname, '..', '..');
const budgets = {
  'templates/assets/site.js': 6 * 1024,
  'templates/assets/status.js': 1024,
  'templates/assets/search.js': 8 * 1024,
  'templates/assets/search-core.js': 12 * 1024,
  'templates/service-worker.js': 3 * 1024,
};
const gzipped = (bytes) => zlib.gzipSync(bytes, { level: 9 }).length;

test('each script is within its gzipped budget', () => {
  for (const [file, budget] of Object.entries(budgets)) {
    const size = gzipped(fs.readFileSync(path.join(root, file)));
    assert.ok(size <= budget, `${file} is ${size} bytes gzipped, over its budget of ${budget}`);
  }
});

test('every script has a budget and a line in docs/reader.md', () => {
  const docs = fs.readFileSync(path.join(root, 'docs', 'reader.md'), 'utf8');
  const scripts = fs.readdirSync(path.join(root, 'templates', 'assets')).filter((n) => n.endsWith('.js'))
    .map((n) => 'templates/assets/' + n).concat(['templates/service-worker.js']);
  for (const file of scripts) {
    assert.ok(file in budgets, `${file} has no budget in this test`);
    assert.ok(docs.includes('`' + path.basename(file) + '`'), `${file} is not listed in docs/reader.md`);
  }
});

test('the inline theme script in <head> stays tiny and static', () => {
  const head = fs.readFileSync(path.join(root, 'templates', 'head.mustache'), 'utf8');
  const inline = head.match(/<script>[\s\S]*?<\/script>/g) || [];
  assert.strictEqual(inline.length, 1, 'one inline script');
  assert.ok(!inline[0].includes('{{'), 'no template values: the CSP hashes its bytes, the same on every page');
  assert.ok(Buffer.byteLength(inline[0]) <= 512, `${Buffer.byteLength(inline[0])} bytes inline`);
});
