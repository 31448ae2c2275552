#!/usr/bin/env bash
# Sets up a fresh Debian machine to run Minute Book's tests: Chromium, Xvfb and fonts from apt (only
# what is missing), then the npm packages exactly as locked. Electron's binary is not downloaded here
# (see README); the tests that need it report themselves skipped.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v xvfb-run >/dev/null 2>&1 || missing+=(xvfb xauth)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
command -v xmllint >/dev/null 2>&1 || missing+=(libxml2-utils)
# ripgrep: the bench's anchor for search (a full scan of the archive as text)
command -v rg >/dev/null 2>&1 || missing+=(ripgrep)
[ -d /usr/share/fonts/truetype/dejavu ] || missing+=(fonts-dejavu-core)

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then sudo=""; elif command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
    echo "Please install with apt: ${missing[*]}" >&2
    exit 1
  fi
  echo "Installing from apt: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

ELECTRON_SKIP_BINARY_DOWNLOAD=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
