#!/bin/sh
# The build and search benchmark: generates synthetic content of 1,000 and 10,000 pages
# (bench/generate.py), builds each with the release binary, and prints build time, peak
# memory, the binary's per-stage timings, the search index's size and file count, and the
# bytes a browser transfers for cold queries (the search block at the end). When `hugo` is
# installed it also builds the same pages with Hugo (minimal layouts, no search) on the
# same machine, for comparison.
# A benchmark, not a test: it prints figures and fails only if something cannot run.
#
#   bench/run.sh                     # make bench runs this
#   BENCH_SIZES=1000 bench/run.sh    # one size
#   SWITCHBOARD_BIN=path bench/run.sh   # an already built binary (skips swift build)
#   BENCH_HUGO=0 bench/run.sh        # skip Hugo
set -eu
cd "$(dirname "$0")/.."
SIZES="${BENCH_SIZES:-1000 10000}"
OUT="${BENCH_OUT:-bench/out}"
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"   # absolute: hugo resolves --destination against --source
if [ -n "${SWITCHBOARD_BIN:-}" ]; then
  BIN="$SWITCHBOARD_BIN"
else
  swift build -c release --product switchboard >/dev/null
  BIN=.build/release/switchboard
fi
HUGO=""
if [ "${BENCH_HUGO:-1}" != 0 ] && command -v hugo >/dev/null 2>&1; then HUGO=hugo; fi

# Wall time and peak RSS from GNU time's -v report.
report() {
  echo "$1: $(grep 'Elapsed (wall clock)' "$2" | sed 's/.*: //') wall," \
       "$(grep 'Maximum resident' "$2" | sed 's/.*: //') KB peak RSS"
}

for n in $SIZES; do
  echo "== $n pages"
  if [ -n "$HUGO" ]; then
    python3 bench/generate.py "$n" "$OUT/content-$n" --hugo "$OUT/hugo-$n"
  else
    python3 bench/generate.py "$n" "$OUT/content-$n"
  fi
  rm -rf "$OUT/public-$n"
  /usr/bin/time -v "$BIN" build --content "$OUT/content-$n" --output "$OUT/public-$n" \
    --now 2026-01-01T00:00:00Z --timings 2>"$OUT/time-$n.txt" >"$OUT/stages-$n.txt" || { cat "$OUT/time-$n.txt"; exit 1; }
  report "switchboard build" "$OUT/time-$n.txt"
  sed 's/^/  /' "$OUT/stages-$n.txt"
  echo "  output: $(find "$OUT/public-$n" -type f | wc -l) files, of which search/: $(find "$OUT/public-$n/search" -type f | wc -l)"
  if [ -n "$HUGO" ]; then
    rm -rf "$OUT/hugo-public-$n"
    /usr/bin/time -v hugo --quiet --source "$OUT/hugo-$n" --destination "$OUT/hugo-public-$n" \
      2>"$OUT/hugo-time-$n.txt" >/dev/null || { cat "$OUT/hugo-time-$n.txt"; exit 1; }
    report "hugo $(hugo version | sed 's/^hugo v\([0-9.]*\).*/\1/') (same pages, no search)" "$OUT/hugo-time-$n.txt"
    echo "  output: $(find "$OUT/hugo-public-$n" -type f | wc -l) files"
  fi
done

# ---- Search (issue 13) ---------------------------------------------------------------
# Its own block, after the build figures: the search index's size and the gzipped bytes of
# cold one-, two- and three-word queries (bench/fetch-cost.mjs) at 1,000, 10,000 and 30,000
# pages, then the relevance set's mean reciprocal rank on the bundled content
# (bench/relevance.tsv, bench/relevance.mjs). Sizes the build loop above did not build are
# generated and built here.   BENCH_SEARCH_SIZES="1000" bench/run.sh   # fewer sizes
SEARCH_SIZES="${BENCH_SEARCH_SIZES:-1000 10000 30000}"
for n in $SEARCH_SIZES; do
  echo "== search, $n pages"
  case " $SIZES " in
    *" $n "*) ;;
    *)
      python3 bench/generate.py "$n" "$OUT/content-$n"
      rm -rf "$OUT/public-$n"
      "$BIN" build --content "$OUT/content-$n" --output "$OUT/public-$n" --now 2026-01-01T00:00:00Z >/dev/null
      ;;
  esac
  node bench/fetch-cost.mjs "$OUT/public-$n" | sed 's/^/  /'
done
echo "== search relevance: bundled content, bench/relevance.tsv"
rm -rf "$OUT/public-bundled"
"$BIN" build --output "$OUT/public-bundled" --now 2026-11-26T12:00:00Z >/dev/null
node bench/relevance.mjs "$OUT/public-bundled" | sed 's/^/  /'
