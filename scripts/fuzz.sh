#!/usr/bin/env bash
# `make fuzz`: builds switchboard-fuzz with libFuzzer and AddressSanitizer (in .build-fuzz/,
# apart from the normal build), seeds a corpus per target from content/ and the invalid
# fixtures, replays the regression inputs in Tests/Fixtures/fuzz/<target>/, and fuzzes each
# target for FUZZ_SECONDS. Fails on any crash, leak or timeout; the input that did it is
# saved in .build-fuzz/artifacts/<target>/: copy it to Tests/Fixtures/fuzz/<target>/ as a
# regression fixture once fixed.
set -euo pipefail
cd "$(dirname "$0")/.."
FUZZ_SECONDS="${FUZZ_SECONDS:-60}"
TARGETS="${FUZZ_TARGETS:-loader markdown search}"
SCRATCH=.build-fuzz

# swiftc -sanitize=fuzzer links libFuzzer's main, which clashes with the main SwiftPM gives
# every executable; so: coverage instrumentation as -sanitize=fuzzer sets it, and the driver
# without its main.
runtime="$(swiftc -print-target-info | python3 -c 'import json,sys; print(json.load(sys.stdin)["paths"]["runtimeResourcePath"])')"
fuzzer="$(ls "$runtime"/clang/lib/linux/libclang_rt.fuzzer_no_main-x86_64.a 2>/dev/null || ls /opt/swift/usr/lib/clang/*/lib/linux/libclang_rt.fuzzer_no_main-x86_64.a | head -1)"
swift build -j "${FUZZ_JOBS:-2}" --scratch-path "$SCRATCH" --product switchboard-fuzz \
  -Xswiftc -sanitize=address -Xswiftc -sanitize-coverage=edge,inline-8bit-counters,trace-cmp,pc-table \
  -Xswiftc -DFUZZING -Xlinker "$fuzzer" -Xlinker -lstdc++ 2>&1 | grep -v "Cannot export local symbol" >&2
binary="$(swift build --scratch-path "$SCRATCH" --show-bin-path)/switchboard-fuzz"

python3 scripts/fuzz-seeds.py "$SCRATCH/seeds"
# The Swift runtime's own crash reporter would wait for a debugger-style backtrace; libFuzzer reports.
export SWIFT_BACKTRACE=enable=no
export ASAN_OPTIONS="detect_leaks=1:allocator_may_return_null=1"
export LSAN_OPTIONS="suppressions=$PWD/scripts/lsan.supp:print_suppressions=0"
status=0
printf '%-9s %12s %10s %8s\n' target executions "corpus" "files" > "$SCRATCH/fuzz-summary.txt"
for target in $TARGETS; do
  corpus="$SCRATCH/corpus/$target"; artifacts="$SCRATCH/artifacts/$target"; regressions="Tests/Fixtures/fuzz/$target"
  mkdir -p "$corpus" "$artifacts" "$regressions"
  log="$SCRATCH/fuzz-$target.log"
  echo "fuzz $target for ${FUZZ_SECONDS}s"
  # New inputs go to the first folder; the seeds and regression inputs are read at the start.
  if SWITCHBOARD_FUZZ_TARGET="$target" "$binary" "$corpus" "$SCRATCH/seeds/$target" "$regressions" \
      -max_total_time="$FUZZ_SECONDS" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
      -artifact_prefix="$artifacts/" -print_final_stats=1 >"$log" 2>&1; then
    :
  else
    status=1
    echo "fuzz $target FAILED; see $log and $artifacts/" >&2
    grep -E "ERROR|SUMMARY|Test unit written" "$log" >&2 || tail -20 "$log" >&2
  fi
  runs="$(grep -Eo 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -Eo '[0-9]+$' | tail -1 || echo "?")"
  size="$(du -sk "$corpus" | cut -f1)K"
  printf '%-9s %12s %10s %8s\n' "$target" "$runs" "$size" "$(ls "$corpus" | wc -l)" >> "$SCRATCH/fuzz-summary.txt"
done
cat "$SCRATCH/fuzz-summary.txt"
exit $status
