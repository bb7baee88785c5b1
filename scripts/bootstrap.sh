#!/usr/bin/env bash
# Sets up a fresh clone and runs the main job: pnpm, dependencies, then generate and build every package.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-pnpm.sh
pnpm install --frozen-lockfile
pnpm main
