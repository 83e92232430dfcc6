#!/bin/sh
# Writes the search index of the bundled content/ to Tests/JavaScript/fixture-index/ for the
# node tests, through the Swift index writer (SearchBundledContentTests).
set -e
cd "$(dirname "$0")/../.."
SWITCHBOARD_SEARCH_FIXTURE="$PWD/Tests/JavaScript/fixture-index" \
  swift test --scratch-path "${SCRATCH:-.build-search}" --filter SearchBundledContentTests >/dev/null
echo "wrote Tests/JavaScript/fixture-index"
