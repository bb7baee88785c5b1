#!/usr/bin/env bash
# Sets up a fresh clone: pnpm, dependencies, then `pnpm build` (generate and build every package).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-pnpm.sh
pnpm install --frozen-lockfile
pnpm build
