#!/bin/sh
# The build and search benchmark: generates synthetic content of 1,000, 10,000 and 30,000
# pages (bench/generate.py), builds each with the release binary, and prints build time,
# peak memory, the binary's per-stage timings, the search index's size and file count, and the
# bytes a browser transfers for cold queries (the search block at the end). When `hugo` is
# installed it also builds the same pages with Hugo (minimal layouts, no search) on the
# same machine, back to back with Switchboard, and prints the ratios.
# A benchmark, not a test: it prints figures and fails only if something cannot run.
#
#   bench/run.sh                     # make bench runs this
#   BENCH_SIZES=1000 bench/run.sh    # one size
#   BENCH_REPEAT=5 bench/run.sh      # clean builds per size (median; default 3, 1 at 30,000)
#   BENCH_EDITS=6 bench/run.sh       # edits per size (default 4: the first after a clean build
#                                    # is reported apart, "one edit" is the median of the rest)
#   SWITCHBOARD_BIN=path bench/run.sh   # an already built binary (skips swift build)
#   BENCH_HUGO=0 bench/run.sh        # skip Hugo
#   BENCH_REUSE=1 bench/run.sh       # keep already generated content (bench/out/content-N)
#   BENCH_SERVE=0 bench/run.sh       # skip the serve benchmark (BENCH_SERVE_SIZES="1000 10000" for more sizes)
set -eu
cd "$(dirname "$0")/.."
SIZES="${BENCH_SIZES:-1000 10000 30000}"
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

# ---------------------------------------------------------------------------------------
# Build speed (issue 11): clean, no-change and one-edit builds, peak memory, Hugo beside
# them in the same run, ratios. Each measurement runs BENCH_REPEAT times, alternating
# Switchboard and Hugo, and reports the median: wall time on a shared machine is noisy.
# ---------------------------------------------------------------------------------------
SUMMARY="$OUT/summary.txt"
: >"$SUMMARY"

# Wall seconds, peak KB, CPU seconds (user + system) and user seconds from one GNU time -v
# report, as "seconds kb cpu user". User time is printed apart because on this ext4 (no
# journal) creating a file after mass deletions scans the recently deleted inodes in the
# kernel: system time then swings by tens of seconds between identical clean builds, for
# Hugo as for Switchboard, while user time stays put. CPU time is printed beside wall time because it holds still while
# other jobs load the machine, when wall time does not.
measure() {
  awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i] }
              /User time|System time/ { cpu += $2 }
              /User time/ { user = $2 }
              /Maximum resident/ { kb = $2 } END { printf "%.3f %d %.2f %.2f\n", s, kb, cpu, user }' "$1"
}

# Folders a clean build must not find are moved aside, not deleted, and deleted at the end.
# This disk is ext4 mounted with `discard`: deleting 17,000 files just before a build made
# the kernel spend from 4 to 15 s of system time creating the next 17,000 (for Hugo as for
# Switchboard), so identical clean builds took from 7.7 to 20.7 s. A rename costs nothing.
# That holds for the content the generator replaces too, and for the trash itself: it is
# deleted when the run ends, and a run started within five minutes of that waits out the rest
# (the kernel skips an inode deleted in the last five minutes, one at a time, for every file
# it creates: a clean 10,000-file build took 3.0 s after moving the last output aside and
# 8.8 s after deleting it).
TRASH="$OUT/.trash"
DELETED="$OUT/.trash-deleted"
mkdir -p "$TRASH"
set_aside() {
  for folder in "$@"; do
    if [ -e "$folder" ]; then mv "$folder" "$TRASH/$(date +%s%N)-$(basename "$folder")"; fi
  done
}
trap 'rm -rf "$TRASH"; touch "$DELETED"' EXIT
if [ -e "$DELETED" ]; then
  wait_s=$(( $(stat -c %Y "$DELETED") + 300 - $(date +%s) ))
  if [ "$wait_s" -gt 0 ]; then
    echo "== waiting ${wait_s} s: the last run deleted its trash less than five minutes ago"
    sleep "$wait_s"
  fi
fi

# The median of numbers on standard input.
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }

# switchboard_build N LABEL [extra args]: one timed build into public-N with cache-N, at a
# fixed clock (`--now`) unless CLOCK=wall, when each build has the clock of its own moment, as
# `switchboard build` run by hand or in CI without SOURCE_DATE_EPOCH does.
switchboard_build() {
  n="$1"; label="$2"; shift 2
  if [ "${CLOCK:-fixed}" = wall ]; then clock=""; else clock="--now 2026-01-01T00:00:00Z"; fi
  # shellcheck disable=SC2086 # $clock is empty or two words
  /usr/bin/time -v "$BIN" build --content "$OUT/content-$n" --output "$OUT/public-$n" --cache-dir "$OUT/cache-$n" \
    $clock --timings "$@" 2>"$OUT/time-$n-$label.txt" >"$OUT/stages-$n-$label.txt" \
    || { cat "$OUT/time-$n-$label.txt"; exit 1; }
  measure "$OUT/time-$n-$label.txt"
}

hugo_build() {
  n="$1"
  set_aside "$OUT/hugo-public-$n"
  /usr/bin/time -v hugo --quiet --source "$OUT/hugo-$n" --destination "$OUT/hugo-public-$n" \
    2>"$OUT/hugo-time-$n.txt" >/dev/null || { cat "$OUT/hugo-time-$n.txt"; exit 1; }
  measure "$OUT/hugo-time-$n.txt"
}

bench_build_speed() {
  n="$1"
  repeat="${BENCH_REPEAT:-}"
  if [ -z "$repeat" ]; then if [ "$n" -ge 30000 ]; then repeat=1; else repeat=3; fi; fi
  : >"$OUT/clean-$n.txt"; : >"$OUT/hugo-$n.txt"; : >"$OUT/nochange-$n.txt"; : >"$OUT/edit-$n.txt"
  i=0
  while [ "$i" -lt "$repeat" ]; do
    i=$((i + 1))
    # Clean: no cache, empty output folder (and no staging folder to reuse).
    set_aside "$OUT/public-$n" "$OUT/.public-$n.switchboard-next" "$OUT/cache-$n"
    switchboard_build "$n" clean >>"$OUT/clean-$n.txt"
    if [ -n "$HUGO" ]; then hugo_build "$n" >>"$OUT/hugo-$n.txt"; fi
  done
  sed 's/^/  /' "$OUT/stages-$n-clean.txt"
  # The first article, edited once per run (its body only). Four edits at every size
  # (BENCH_EDITS): the first after a clean build also carries every published file into the
  # staging folder (hard links, a one-off), so it is reported on its own, and "one edit" is the
  # median of the others.
  article="$(find "$OUT/content-$n/kb" -name '*.md' ! -name '_*' | sort | head -1)"
  cp "$article" "$OUT/edited-original-$n.md"
  edits="${BENCH_EDITS:-4}"
  i=0
  while [ "$i" -lt "$edits" ]; do
    i=$((i + 1))
    switchboard_build "$n" nochange >>"$OUT/nochange-$n.txt"
    printf '\nAn edited paragraph about SIP trunks, run %s.\n' "$i" >>"$article"
    switchboard_build "$n" edit >>"$OUT/edit-$n.txt"
  done
  # The same edit at the wall clock (CLOCK=wall): the first build moves the clock to today,
  # which every parse reads (a policy's review date), so it is not counted.
  : >"$OUT/edit-wall-$n.txt"
  CLOCK=wall switchboard_build "$n" wall-first >/dev/null
  i=0
  while [ "$i" -lt 3 ]; do
    i=$((i + 1))
    printf '\nAn edited paragraph at the wall clock, run %s.\n' "$i" >>"$article"
    CLOCK=wall switchboard_build "$n" edit-wall >>"$OUT/edit-wall-$n.txt"
  done
  cp "$OUT/edited-original-$n.md" "$article"
  echo "  one edit:"; sed 's/^/    /' "$OUT/stages-$n-edit.txt"

  clean="$(cut -d' ' -f1 "$OUT/clean-$n.txt" | median)"
  clean_kb="$(cut -d' ' -f2 "$OUT/clean-$n.txt" | sort -n | tail -1)"
  nochange="$(cut -d' ' -f1 "$OUT/nochange-$n.txt" | median)"
  first_edit="$(head -1 "$OUT/edit-$n.txt" | cut -d' ' -f1)"
  steady() { if [ "$(wc -l <"$OUT/edit-$n.txt")" -gt 1 ]; then tail -n +2 "$OUT/edit-$n.txt"; else cat "$OUT/edit-$n.txt"; fi; }
  edit="$(steady | cut -d' ' -f1 | median)"
  clean_cpu="$(cut -d' ' -f3 "$OUT/clean-$n.txt" | median)"
  nochange_cpu="$(cut -d' ' -f3 "$OUT/nochange-$n.txt" | median)"
  edit_cpu="$(steady | cut -d' ' -f3 | median)"
  clean_user="$(cut -d' ' -f4 "$OUT/clean-$n.txt" | median)"
  edit_user="$(steady | cut -d' ' -f4 | median)"
  edit_wall="$(cut -d' ' -f1 "$OUT/edit-wall-$n.txt" | median)"
  line="$n files: switchboard clean ${clean} s (${clean_cpu} s CPU, ${clean_user} s user), $((clean_kb / 1024)) MB peak; no change ${nochange} s, $(ratio "$nochange" "$clean")× clean ($(ratio "$nochange_cpu" "$clean_cpu")× in CPU); one edit ${edit} s, $(ratio "$edit" "$clean")× clean ($(ratio "$edit_cpu" "$clean_cpu")× in CPU, $(ratio "$edit_user" "$clean_user")× in user time; median of $((edits > 1 ? edits - 1 : 1))); first edit after a clean build ${first_edit} s, $(ratio "$first_edit" "$clean")× clean; one edit at the wall clock (no --now) ${edit_wall} s, $(ratio "$edit_wall" "$clean")× clean (median of 3)"
  if [ -s "$OUT/hugo-$n.txt" ]; then
    hugo_s="$(cut -d' ' -f1 "$OUT/hugo-$n.txt" | median)"
    hugo_kb="$(cut -d' ' -f2 "$OUT/hugo-$n.txt" | sort -n | tail -1)"
    hugo_cpu="$(cut -d' ' -f3 "$OUT/hugo-$n.txt" | median)"
    hugo_user="$(cut -d' ' -f4 "$OUT/hugo-$n.txt" | median)"
    line="$line; hugo clean ${hugo_s} s (${hugo_cpu} s CPU, ${hugo_user} s user), $((hugo_kb / 1024)) MB peak; switchboard/hugo $(ratio "$clean" "$hugo_s")× wall time, $(ratio "$clean_cpu" "$hugo_cpu")× CPU, $(ratio "$clean_user" "$hugo_user")× user time, $(ratio "$clean_kb" "$hugo_kb")× memory"
  fi
  echo "  $line (clean builds: median of $repeat)"
  echo "$line (clean builds: median of $repeat)" >>"$SUMMARY"
}
# --------------------------------------------------------------------- end of build speed

for n in $SIZES; do
  echo "== $n pages"
  if [ "${BENCH_REUSE:-0}" = 1 ] && [ -d "$OUT/content-$n" ] && { [ -z "$HUGO" ] || [ -d "$OUT/hugo-$n" ]; }; then
    : # generated by an earlier run
  elif [ -n "$HUGO" ]; then
    set_aside "$OUT/content-$n" "$OUT/hugo-$n"
    python3 bench/generate.py "$n" "$OUT/content-$n" --hugo "$OUT/hugo-$n"
  else
    set_aside "$OUT/content-$n"
    python3 bench/generate.py "$n" "$OUT/content-$n"
  fi
  bench_build_speed "$n"
  echo "  output: $(find "$OUT/public-$n" -type f | wc -l) files, of which search/: $(find "$OUT/public-$n/search" -type f | wc -l)"
  if [ -n "$HUGO" ]; then
    echo "  hugo $(hugo version | sed 's/^hugo v\([0-9.]*\).*/\1/') (same pages, no search): $(find "$OUT/hugo-public-$n" -type f | wc -l) files"
  fi
done
echo "== summary (goals: clean ≤ 0.33× hugo, ≤ 200 MB at 10,000 and ≤ 400 MB at 30,000; no change ≤ 0.10× clean; one edit ≤ 0.15× clean)"
cat "$SUMMARY"

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
      set_aside "$OUT/content-$n" "$OUT/public-$n"
      python3 bench/generate.py "$n" "$OUT/content-$n"
      "$BIN" build --content "$OUT/content-$n" --output "$OUT/public-$n" --now 2026-01-01T00:00:00Z >/dev/null
      ;;
  esac
  node bench/fetch-cost.mjs "$OUT/public-$n" | sed 's/^/  /'
done
echo "== search relevance: bundled content, bench/relevance.tsv"
set_aside "$OUT/public-bundled"
"$BIN" build --output "$OUT/public-bundled" --now 2026-11-26T12:00:00Z >/dev/null
node bench/relevance.mjs "$OUT/public-bundled" | sed 's/^/  /'

# ---------------------------------------------------------------------------------------
# serve (issue 10): `switchboard serve` beside `hugo server` on the same generated pages:
# start-up, save to updated page (median of five saves) and resident memory, with ratios
# (bench/serve.py). BENCH_SERVE=0 skips it; BENCH_SERVE_SIZES picks the sizes (default 10000).
# ---------------------------------------------------------------------------------------
if [ "${BENCH_SERVE:-1}" != 0 ]; then
  echo "== serve (goals: start-up ≤ 0.5× hugo server, save to updated page ≤ 0.25× and < 100 ms on the bundled site, memory ≤ 0.25×)"
  bundled="$OUT/serve-bundled"
  set_aside "$bundled"; mkdir -p "$bundled"; cp -R content "$bundled/content"
  python3 bench/serve.py --bin "$BIN" --content "$bundled/content" --templates templates --label "(bundled site)"
  set_aside "$bundled"
  for n in ${BENCH_SERVE_SIZES:-10000}; do
    if [ ! -d "$OUT/content-$n" ] || { [ -n "$HUGO" ] && [ ! -d "$OUT/hugo-$n" ]; }; then
      if [ -n "$HUGO" ]; then python3 bench/generate.py "$n" "$OUT/content-$n" --hugo "$OUT/hugo-$n"
      else python3 bench/generate.py "$n" "$OUT/content-$n"; fi
    fi
    python3 bench/serve.py --bin "$BIN" --content "$OUT/content-$n" --templates templates \
      ${HUGO:+--hugo "$OUT/hugo-$n"} --label "($n files)"
  done
fi
# --------------------------------------------------------------------------- end of serve
