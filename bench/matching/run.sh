#!/bin/sh
# Prints the matching engine's benchmark figures (docs/performance-matching.md).
# Usage: bench/matching/run.sh [BUILD_DIR]   (default: build-matching)
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${1:-$ROOT/build-matching}
cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$BUILD" -j2 --target matching_bench >/dev/null
BIN="$BUILD/bench/matching/matching_bench"
echo "# machine: $(nproc) cores, $(uname -sr)"
"$BIN" schedule 2000 12 60
"$BIN" schedule 10000 12 50
/usr/bin/time -f "  time -v: elapsed %e s, max RSS %M kB" "$BIN" schedule 20000 12 40
"$BIN" schedule 2000 12 60 --raise-minimum
# Exact pass: 20 seeds each; per-seed lines, then a summary line per size.
"$BIN" exact 20 12 20 20
"$BIN" exact 40 12 20 20
"$BIN" exact 60 12 20 20
"$BIN" exact 60 12 60 20
"$BIN" seat 1000 125 8 3
"$BIN" suggest 1000
"$BIN" suggest 1000 --exhaustive
"$BIN" suggest 5000
