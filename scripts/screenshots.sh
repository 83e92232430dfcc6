#!/usr/bin/env bash
# Screenshots of every page type at 1280 and 375 pixels wide, in the light and the dark theme,
# into screenshots/<page>-<width>-<theme>.png: the bundled site from public/ and, when
# public-demo/ exists (make demo), the demo tree's status and device pages as demo-*.png.
set -euo pipefail
cd "$(dirname "$0")/.."
out=screenshots; mkdir -p "$out"
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
shoot() { # folder prefix pages...
  local folder=$1 prefix=$2; shift 2
  local port; port=$(free_port)
  python3 -m http.server -d "$folder" -b 127.0.0.1 "$port" >/dev/null 2>&1 &
  local server=$!
  sleep 1
  for page in "$@"; do
    name=$(echo "$page" | tr '/?=' '___' | sed 's/^_//; s/_$//'); name=${name:-home}
    for width in 1280 375; do
      # preferredColorScheme: 0 is dark, 1 is light.
      for theme in light dark; do
        scheme=$([ "$theme" = dark ] && echo 0 || echo 1)
        chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --virtual-time-budget=4000 --window-size="$width,2200" \
          --blink-settings=preferredColorScheme="$scheme" \
          --screenshot="$out/$prefix$name-$width-$theme.png" "http://127.0.0.1:$port$page" >/dev/null 2>&1 || echo "failed: $page at $width ($theme)"
      done
    done
  done
  kill "$server"
}
shoot public "" "/" "/policies/" "/policies/doa-process/" "/policies/out-of-hours-cloud-support/" "/policies/print/" "/policies/changes/" \
  "/kb/" "/kb/diagnostics/" "/kb/diagnostics/disable-sip-alg/" "/faq/" "/devices/" "/devices/ascom-i63/" "/escalation/" \
  "/escalation/ipecs-fault/" "/escalation/tollring-icall/" "/support/" "/support/rates/" "/support/checklists/doa-return/" \
  "/vendors/" "/vendors/tollring/" "/status/" "/search/?q=doa" "/404.html"
if [ -d public-demo ]; then
  shoot public-demo "demo-" "/" "/devices/" "/devices/yealink-w73p-example/" "/status/" "/status/incidents/2026-11-25-mobile-app-delays/" \
    "/status/maintenance/2026-12-10-helpdesk-portal-upgrade/" "/status/history/2026-11/"
fi
echo "Screenshots in $out/"
