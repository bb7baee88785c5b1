#!/usr/bin/env bash
# Installs Debian's Chromium (/usr/bin/chromium, or CHROMIUM_PATH) for the browser tests when it is
# missing. Needs root (CI runs as root); a second run does nothing and prints one line. Another apt
# or dpkg run holding the lock is waited for (up to APT_LOCK_TIMEOUT seconds, default 600).
set -euo pipefail
chromium=${CHROMIUM_PATH:-/usr/bin/chromium}
if [ -x "$chromium" ]; then
  echo "chromium: $("$chromium" --version 2>/dev/null || echo present)"
  exit 0
fi
sudo=''
if [ "$(id -u)" -ne 0 ]; then sudo='sudo'; fi
wait_lock=(-o "DPkg::Lock::Timeout=${APT_LOCK_TIMEOUT:-600}")
log=$(mktemp)
trap 'rm -f "$log"' EXIT
echo 'chromium: installing the Debian package'
if ! { $sudo apt-get "${wait_lock[@]}" update -qq &&
  DEBIAN_FRONTEND=noninteractive $sudo apt-get "${wait_lock[@]}" install -y -qq chromium; } >"$log" 2>&1; then
  cat "$log" >&2
  echo 'chromium: apt-get failed (output above)' >&2
  exit 1
fi
echo "chromium: $("$chromium" --version 2>/dev/null)"
