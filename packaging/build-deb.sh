#!/usr/bin/env bash
# Builds the Debian package from this tree: dependencies, the web UI, the binary
# (which embeds it), then cpack. Prints the path of the .deb.
#   packaging/build-deb.sh            # → build/verbinder_<version>_<arch>.deb
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${BUILD_DIR:-build}
scripts/deps.sh
[ -f package-lock.json ] && { [ -d node_modules ] || npm ci --no-audit --no-fund --loglevel=error; }
scripts/build-web.sh
scripts/build.sh
(cd "$BUILD_DIR" && cpack -G DEB >/dev/null)
ls "$PWD/$BUILD_DIR"/verbinder_*.deb
