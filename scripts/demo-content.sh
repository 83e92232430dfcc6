#!/usr/bin/env bash
# Assembles the demo content tree: the bundled content/ plus the invented examples in
# examples/demo/ (devices, incidents, maintenance windows), which never belong in content/.
# Usage: scripts/demo-content.sh DEST   (DEST is replaced; prints DEST)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dest="${1:?usage: scripts/demo-content.sh DEST}"
rm -rf "$dest"
mkdir -p "$dest"
cp -R "$root/content/." "$dest/"
# The extras only add files: one that would replace a real content file is a mistake.
(cd "$root/examples/demo" && find . -type f) | while read -r file; do
  if [ -e "$dest/$file" ]; then echo "examples/demo/${file#./} would replace content/${file#./}" >&2; exit 1; fi
done
cp -R "$root/examples/demo/." "$dest/"
echo "$dest"
