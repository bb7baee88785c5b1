#!/usr/bin/env bash
# Installs Debian's Chromium (/usr/bin/chromium) for the browser tests when it is missing. Needs
# root (CI runs as root); a second run does nothing and prints one line.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  echo "chromium: $(/usr/bin/chromium --version 2>/dev/null || echo present)"
  exit 0
fi
sudo=''
if [ "$(id -u)" -ne 0 ]; then sudo='sudo'; fi
log=$(mktemp)
trap 'rm -f "$log"' EXIT
echo 'chromium: installing the Debian package'
if ! { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium; } >"$log" 2>&1; then
  cat "$log" >&2
  echo 'chromium: apt-get failed (output above)' >&2
  exit 1
fi
echo "chromium: $(/usr/bin/chromium --version 2>/dev/null)"
