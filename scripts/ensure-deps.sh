#!/usr/bin/env bash
# Installs what the build needs (and, with "test", what the tests need) when it is missing:
# Debian packages through apt, the test-only Python packages into the project's .venv/
# from the pinned requirements-test.txt (Debian's Python refuses system-wide pip installs).
set -euo pipefail
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
packages=(libcmark-gfm-dev libcmark-gfm-extensions-dev pkg-config git)
if [ "${1:-}" = "test" ]; then
  packages+=(chromium chromium-driver python3 python3-venv)
  command -v java >/dev/null 2>&1 || packages+=(default-jre-headless)
  command -v node >/dev/null 2>&1 || packages+=(nodejs)
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# A package may be present without dpkg knowing (python3 and pip from pyenv, for example).
if [ ${#missing[@]} -gt 0 ]; then
  filtered=()
  for p in "${missing[@]}"; do
    case "$p" in
      python3) command -v python3 >/dev/null 2>&1 || filtered+=("$p") ;;
      python3-venv) python3 -c "import venv, ensurepip" >/dev/null 2>&1 || filtered+=("$p") ;;
      *) filtered+=("$p") ;;
    esac
  done
  missing=("${filtered[@]+"${filtered[@]}"}")
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing Debian packages: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
if [ "${1:-}" = "test" ]; then
  cd "$(dirname "$0")/.."
  stamp=.venv/.requirements-test.txt
  if [ ! -x .venv/bin/python ] || ! cmp -s requirements-test.txt "$stamp"; then
    echo "Installing the test-only Python packages into .venv/ (requirements-test.txt)"
    [ -x .venv/bin/python ] || python3 -m venv .venv
    .venv/bin/python -m pip install -q --disable-pip-version-check --no-deps -r requirements-test.txt
    cp requirements-test.txt "$stamp"
  fi
fi
