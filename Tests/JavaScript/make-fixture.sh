#!/bin/sh
# Builds the bundled site with the switchboard binary into Tests/JavaScript/fixture-index/,
# whose search/ index the node tests query. `make test` runs it before the node tests.
set -e
cd "$(dirname "$0")/../.."
BIN="${SWITCHBOARD_BIN:-.build/debug/switchboard}"
"$BIN" build --output Tests/JavaScript/fixture-index --now 2026-11-26T12:00:00Z >/dev/null
echo "wrote Tests/JavaScript/fixture-index"
