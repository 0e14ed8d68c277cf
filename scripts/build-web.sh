#!/usr/bin/env bash
# Builds the web UI (web/) into web/dist, which CMake embeds into the binary.
# VERBINDER_WEB_DIST=DIR builds into DIR instead (configure CMake with -DVERBINDER_WEB_DIST=DIR).
# Needs the npm packages from `npm ci` (esbuild, typescript). Type-checks first.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x node_modules/.bin/esbuild ]; then
  echo "build-web: node_modules missing; run 'npm ci' first" >&2
  exit 1
fi
node_modules/.bin/tsc -p web/tsconfig.json
node web/build.mjs
