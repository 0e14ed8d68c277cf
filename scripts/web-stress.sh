#!/usr/bin/env bash
# Runs the browser tests N times in a row (default 10) while a from-scratch build of
# verbinder keeps both cores busy in a scratch directory, to show the web suite has
# no races (issue #16): each test waits for the state it asserts, never a fixed time.
#   scripts/web-stress.sh [N]        (after scripts/test.sh or scripts/build.sh)
# Prints one line per round (passed/failed, seconds) and a summary; exit 1 on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-10}
SCRATCH=$(mktemp -d /tmp/verbinder-stress-build.XXXXXX)
busy() {
  while true; do
    rm -rf "$SCRATCH/b"
    cmake -S . -B "$SCRATCH/b" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DVERBINDER_BUILD_BENCH=OFF >/dev/null 2>&1 || true
    cmake --build "$SCRATCH/b" -j2 >/dev/null 2>&1 || true
  done
}
busy &
BUSY=$!
trap 'kill $BUSY 2>/dev/null; pkill -P $BUSY 2>/dev/null || true; rm -rf "$SCRATCH"' EXIT
failed=0
for i in $(seq 1 "$N"); do
  start=$(date +%s)
  if ctest --test-dir build -L web --output-on-failure > "$SCRATCH/round-$i.log" 2>&1; then r=passed; else r=FAILED; failed=$((failed + 1)); cp "$SCRATCH/round-$i.log" "/tmp/web-stress-round-$i.log"; fi
  echo "round $i: $r in $(( $(date +%s) - start )) s (load $(cut -d' ' -f1 /proc/loadavg))"
done
echo "web-stress: $((N - failed)) passed, $failed failed"
[ "$failed" -eq 0 ]
