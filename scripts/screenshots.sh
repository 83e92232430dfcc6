#!/usr/bin/env bash
# Screenshots of every page type at 1280 and 375 pixels wide, into screenshots/.
set -euo pipefail
cd "$(dirname "$0")/.."
out=screenshots; mkdir -p "$out"
port=8765
python3 -m http.server -d public -b 127.0.0.1 "$port" >/dev/null 2>&1 &
server=$!; trap 'kill $server' EXIT; sleep 1
pages=("/" "/policies/doa-process/" "/kb/" "/kb/diagnostics/disable-sip-alg/" "/faq/" "/devices/" "/devices/ascom-i63/"
       "/escalation/ipecs-fault/" "/support/" "/support/rates/" "/support/checklists/doa-return/" "/vendors/tollring/" "/status/" "/search/?q=doa" "/404.html")
for page in "${pages[@]}"; do
  name=$(echo "$page" | tr '/?=' '___' | sed 's/^_//; s/_$//'); name=${name:-home}
  for width in 1280 375; do
    chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --virtual-time-budget=4000 --window-size="$width,2200" \
      --screenshot="$out/$name-$width.png" "http://127.0.0.1:$port$page" >/dev/null 2>&1 || echo "failed: $page at $width"
  done
done
echo "Screenshots in $out/"
