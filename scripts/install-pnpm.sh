#!/usr/bin/env bash
# Installs the pnpm version pinned in package.json with npm, when it is missing (corepack fails signature checks here).
set -euo pipefail
cd "$(dirname "$0")/.."
want=$(node -p "require('./package.json').packageManager.split('@')[1]")
if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version)" != "$want" ]; then
  npm install --global "pnpm@$want"
fi
