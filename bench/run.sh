#!/bin/sh
# The build and search benchmark: generates synthetic content trees of 1,000 and 10,000
# pages (bench/generate.py), builds each with the release binary, and prints build time,
# peak memory, index size and the bytes a browser transfers for cold one-word queries.
# A benchmark, not a test: it prints figures and fails only if something cannot run.
#
# Until `switchboard build` writes the search index, the index is written by the Swift
# writer directly (SearchBundledContentTests with SWITCHBOARD_SEARCH_CONTENT), and its own
# time is reported.
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
    --now 2026-01-01T00:00:00Z 2>"$OUT/time-$n.txt" >/dev/null || { cat "$OUT/time-$n.txt"; exit 1; }
  echo "build: $(grep 'Elapsed (wall clock)' "$OUT/time-$n.txt" | sed 's/.*: //') wall," \
       "$(grep 'Maximum resident' "$OUT/time-$n.txt" | sed 's/.*: //') KB peak RSS"
  if [ ! -f "$OUT/public-$n/search/index.json" ]; then
    echo "(the build wrote no search index yet: writing it with the Swift writer directly)"
    swift build -c release --scratch-path .build-search-rel --build-tests -Xswiftc -enable-testing >/dev/null
    SWITCHBOARD_SEARCH_FIXTURE="$PWD/$OUT/public-$n" SWITCHBOARD_SEARCH_CONTENT="$PWD/$OUT/content-$n" \
      /usr/bin/time -v swift test -c release --scratch-path .build-search-rel --skip-build \
      -Xswiftc -enable-testing --filter SearchBundledContentTests >/dev/null 2>"$OUT/writer-time-$n.txt"
    echo "index writer: $(cat "$OUT/public-$n/writer-time.txt")," \
         "test process peak RSS $(grep 'Maximum resident' "$OUT/writer-time-$n.txt" | sed 's/.*: //') KB"
  fi
  node bench/fetch-cost.mjs "$OUT/public-$n"
done
