#!/usr/bin/env bash
# Debian's Chromium for the end-to-end browser tests (Playwright drives it; it downloads nothing).
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the browser tests..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
else
  echo "warning: /usr/bin/chromium is missing and cannot be installed here (needs root and apt-get);" >&2
  echo "         the browser tests will be skipped (set ARCHIVE_REQUIRE_BROWSER=1 to fail instead)." >&2
fi
