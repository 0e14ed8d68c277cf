#!/usr/bin/env bash
# Issue #20, "the network report at 100,000 members": the whole `verbinder
# analyze` report (approximate betweenness with its guarantee, k-core, Leiden,
# Burt, brokerage, E-I, introductions, layout via --map, JSON out) against
# igraph's k-core + Leiden + constraint alone, on the same generated file, in
# one run; peak memory of ours by /usr/bin/time -v. Prints both and the verdict.
#
#   bench/analysis/report_vs_igraph.sh [BUILD_DIR] [MEMBERS TIES SEED]   (default build, 100000 1000000 2)
#
# ROUNDS=N (default 1) alternates the two N times and reports each round, so a
# busy machine shows up as spread. BASELINE=/path/to/an/older/verbinder also runs
# that binary in each round (same command, after ours) and prints its figures. Needs analysis_generate and verbinder built
# in BUILD_DIR and /usr/bin/python3 with python3-igraph.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
BUILD="${1:-$ROOT/build}"
N="${2:-100000}"; M="${3:-1000000}"; SEED="${4:-2}"
OUT="${BENCH_OUT:-/tmp/verbinder-report-bench}/$N-$M-$SEED"
VERBINDER="${VERBINDER:-$BUILD/src/app/verbinder}"
GEN="$BUILD/bench/analysis/analysis_generate"
mkdir -p "$OUT"
[ -s "$OUT/ties.csv" ] || "$GEN" "$N" "$M" "$SEED" "$OUT"
echo "== $N members, $M tie rows, seed $SEED; $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq 1 "${ROUNDS:-1}"); do
  cut -d' ' -f1-3 /proc/loadavg > "$OUT/load.before"
  /usr/bin/python3 "$ROOT/bench/analysis/igraph_three.py" "$OUT/members.csv" "$OUT/ties.csv" > "$OUT/igraph.json"
  /usr/bin/time -v -o "$OUT/report.time" \
    "$VERBINDER" analyze --members "$OUT/members.csv" --ties "$OUT/ties.csv" --timings \
      --map "$OUT/map.json" --out "$OUT/report.json" 2> "$OUT/report.passes"
  rm -f "$OUT/baseline.time"
  if [ -n "${BASELINE:-}" ]; then
    /usr/bin/time -v -o "$OUT/baseline.time" \
      "$BASELINE" analyze --members "$OUT/members.csv" --ties "$OUT/ties.csv" \
        --map "$OUT/map.baseline.json" --out "$OUT/report.baseline.json" 2> /dev/null
  fi
  cut -d' ' -f1-3 /proc/loadavg > "$OUT/load.after"
  /usr/bin/python3 - "$OUT" "$round" <<'PY'
import json, os, re, sys
out, rnd = sys.argv[1], sys.argv[2]
ig = json.load(open(f"{out}/igraph.json"))
def timed(path):
    t = open(path).read()
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", t).group(1).split(":")
    secs = sum(float(x) * 60 ** i for i, x in enumerate(reversed(wall)))
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", t).group(1))
    cpu = float(re.search(r"User time \(seconds\): (\S+)", t).group(1)) + float(re.search(r"System time \(seconds\): (\S+)", t).group(1))
    return secs, cpu, rss
secs, cpu, rss = timed(f"{out}/report.time")
rep = json.load(open(f"{out}/report.json"))
print(f"-- round {rnd} (load average before {open(f'{out}/load.before').read().strip()},"
      f" after {open(f'{out}/load.after').read().strip()})")
print(f"igraph {ig['igraph']}: k-core {ig['core']:.3f} s + Leiden {ig['leiden']:.3f} s + constraint {ig['constraint']:.3f} s"
      f" = {ig['total']:.3f} s wall ({ig['total_cpu']:.3f} s CPU), modularity {ig['modularity']:.4f}")
print(f"verbinder analyze (whole report + map): {secs:.2f} s wall, {cpu:.2f} s CPU, {rss / 1024:.0f} MB max RSS,"
      f" modularity {rep['network']['modularity']:.4f}, betweenness {rep['betweenness']}")
print("  " + open(f"{out}/report.passes").read().strip().replace("\n", "\n  "))
print(f"CPU seconds: ours {cpu:.2f} s (both cores), igraph's three {ig['total_cpu']:.2f} s (one core);"
      f" ratio igraph/ours {ig['total_cpu'] / cpu:.2f} CPU, {ig['total'] / secs:.2f} wall")
if os.path.exists(f"{out}/baseline.time"):
    bs, bc, br = timed(f"{out}/baseline.time")
    print(f"baseline binary (BASELINE, same command, after ours): {bs:.2f} s wall, {bc:.2f} s CPU, {br / 1024:.0f} MB max RSS")
print(f"goal (report <= igraph's three, and < 1 GB): {'met' if secs <= ig['total'] and rss < 1024 * 1024 else 'NOT met'}"
      f" ({secs:.2f} s vs {ig['total']:.2f} s; {rss / 1024:.0f} MB)")
PY
done
