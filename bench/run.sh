#!/bin/sh
# The build and search benchmark: generates synthetic content trees of 1,000 and 10,000
# pages (bench/generate.py), builds each with the release binary, and prints build time,
# peak memory, index size and the bytes a browser transfers for cold one-word queries.
# A benchmark, not a test: it prints figures and fails only if something cannot run.
set -eu
cd "$(dirname "$0")/.."
SIZES="${BENCH_SIZES:-1000 10000}"
OUT="${BENCH_OUT:-bench/out}"
mkdir -p "$OUT"
swift build -c release --product switchboard >/dev/null
BIN=.build/release/switchboard

for n in $SIZES; do
  echo "== $n pages"
  python3 bench/generate.py "$n" "$OUT/content-$n"
  rm -rf "$OUT/public-$n"
  /usr/bin/time -v "$BIN" build --content "$OUT/content-$n" --output "$OUT/public-$n" \
    --now 2026-01-01T00:00:00Z --timings 2>"$OUT/time-$n.txt" >"$OUT/stages-$n.txt" || { cat "$OUT/time-$n.txt"; exit 1; }
  echo "build: $(grep 'Elapsed (wall clock)' "$OUT/time-$n.txt" | sed 's/.*: //') wall," \
       "$(grep 'Maximum resident' "$OUT/time-$n.txt" | sed 's/.*: //') KB peak RSS"
  cat "$OUT/stages-$n.txt"
  node bench/fetch-cost.mjs "$OUT/public-$n"
done
