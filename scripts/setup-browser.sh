#!/usr/bin/env bash
# The browser tests drive Debian's Chromium with Playwright (never a downloaded browser).
# Install it when missing: as root with apt-get, or with passwordless sudo.
set -euo pipefail
# axe-core for the accessibility checks, from the npm registry (never a CDN), pinned.
AXE_VERSION=4.14.1
if [ ! -f var/node/node_modules/axe-core/axe.min.js ]; then
  echo "Installing axe-core $AXE_VERSION for the accessibility checks..."
  npm install --prefix var/node --no-save --no-audit --no-fund "axe-core@$AXE_VERSION" >/dev/null
fi
if command -v chromium >/dev/null 2>&1; then
  exit 0
fi
echo "Installing Debian's chromium for the browser tests..."
if [ "$(id -u)" = 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium
else
  echo "Chromium is missing and cannot be installed without root: run 'sudo apt-get install chromium'." >&2
  exit 1
fi
