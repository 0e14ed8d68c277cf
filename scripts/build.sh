#!/usr/bin/env bash
# Configures and builds verbinder into build/ (Release with debug info, Ninja, 2 jobs).
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${BUILD_DIR:-build}
JOBS=${JOBS:-2}
# The CMake File API code model for tools/check_modules.py (test module_deps): the query must
# exist before CMake configures for the reply to be written in the same run.
mkdir -p "$BUILD_DIR/.cmake/api/v1/query" && touch "$BUILD_DIR/.cmake/api/v1/query/codemodel-v2"
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
cmake --build "$BUILD_DIR" -j "$JOBS"
