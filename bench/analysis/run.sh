#!/usr/bin/env bash
# Benchmarks the analysis engine against python3-igraph and python3-graph-tool on
# generated networks (10,000 members / 100,000 ties and 100,000 / 1,000,000),
# same machine, same run, and prints the numbers side by side.
#
#   bench/analysis/run.sh [BUILD_DIR]      (default: build-analysis)
#
# Needs: the targets verbinder, analysis_generate, analysis_metrics_bench built in
# BUILD_DIR; /usr/bin/python3 with python3-igraph and python3-graph-tool.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
BUILD="${1:-$ROOT/build-analysis}"
OUT="${BENCH_OUT:-/tmp/verbinder-analysis-bench}"
BIN_GEN="$(find "$BUILD" -name analysis_generate -type f | head -1)"
BIN_BENCH="$(find "$BUILD" -name analysis_metrics_bench -type f | head -1)"
VERBINDER="$(find "$BUILD" -name verbinder -type f -perm -u+x | head -1)"
mkdir -p "$OUT"

for spec in "10k 10000 100000 1" "100k 100000 1000000 2"; do
  set -- $spec
  name=$1; n=$2; m=$3; seed=$4
  dir="$OUT/$name"
  mkdir -p "$dir"
  [ -s "$dir/ties.csv" ] || "$BIN_GEN" "$n" "$m" "$seed" "$dir"
  echo "== $name: $n members, $m ties ($(nproc) cores)" >&2
  "$BIN_BENCH" "$dir/members.csv" "$dir/ties.csv" > "$dir/ours.json"
  exact=""
  [ "$n" -le 20000 ] && exact="--exact-betweenness"
  /usr/bin/python3 "$ROOT/bench/analysis/peers.py" "$dir/members.csv" "$dir/ties.csv" $exact > "$dir/peers.json"
  /usr/bin/time -f '%e %M' -o "$dir/report.time" \
    "$VERBINDER" analyze --members "$dir/members.csv" --ties "$dir/ties.csv" --timings \
      --out "$dir/report.json" 2> "$dir/report.passes"
done

/usr/bin/python3 - "$OUT" <<'PY'
import json, sys
out = sys.argv[1]
rows = [("components", "components", "components"), ("k-core", "core", "core"),
        ("betweenness exact", "betweenness_exact", "betweenness_exact"),
        ("betweenness approx (ours)", "betweenness_approx", None),
        ("Burt constraint (+eff. size, brokerage)", "constraint_effsize_brokerage", "constraint"),
        ("E-I + assortativity", "groups_ei_assortativity", "assortativity"),
        ("Leiden (modularity)", "leiden", "leiden"), ("introductions", "introductions", None),
        ("layout", "layout", "layout_fr_grid")]
for name in ("10k", "100k"):
    ours = json.load(open(f"{out}/{name}/ours.json"))
    peers = json.load(open(f"{out}/{name}/peers.json"))
    ig, gt = peers["igraph"], peers["graph_tool"]
    print(f"\n### {name}: {ours['members']} members, {ours['ties']} ties  (seconds; ratio = peer / ours)")
    print(f"| metric | verbinder | igraph | graph-tool | igraph/ours | graph-tool/ours |")
    print("|---|---|---|---|---|---|")
    for label, key, pkey in rows:
        o = ours.get(key)
        if o is None:
            continue
        i = ig.get(pkey) if pkey else None
        gkey = "layout_sfdp" if key == "layout" else pkey
        g = gt.get(gkey) if gkey else None
        f = lambda x: "n/a" if x is None else f"{x:.3f}"
        r = lambda x: "n/a" if x is None else f"{x / o:.1f}x"
        print(f"| {label} | {f(o)} | {f(i)} | {f(g)} | {r(i)} | {r(g)} |")
    print(f"\nmodularity: ours {ours['modularity']:.4f} ({ours['communities']} communities), igraph {ig['modularity']:.4f}")
    if "approx_max_error" in ours:
        print(f"approx betweenness: {ours['approx_samples']} samples, max error {ours['approx_max_error']:.5f}, "
              f"mean {ours['approx_mean_error']:.2e}, guarantee {ours['approx_guarantee']:.5f} (p >= 0.9)")
    secs, kb = open(f"{out}/{name}/report.time").read().split()
    print(f"whole report (`verbinder analyze`, all metrics + suggestions): {float(secs):.1f} s, {int(kb)/1024:.0f} MB max RSS")
PY
