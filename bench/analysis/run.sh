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
  cut -d' ' -f1-3 /proc/loadavg > "$dir/load.before"
  "$BIN_BENCH" "$dir/members.csv" "$dir/ties.csv" > "$dir/ours.json"
  exact=""
  [ "$n" -le 20000 ] && exact="--exact-betweenness"
  /usr/bin/python3 "$ROOT/bench/analysis/peers.py" "$dir/members.csv" "$dir/ties.csv" $exact > "$dir/peers.json"
  /usr/bin/time -f '%e %M %U %S' -o "$dir/report.time" \
    "$VERBINDER" analyze --members "$dir/members.csv" --ties "$dir/ties.csv" --timings \
      --out "$dir/report.json" 2> "$dir/report.passes"
  cut -d' ' -f1-3 /proc/loadavg > "$dir/load.after"
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
    def load(when):
        try:
            return open(f"{out}/{name}/load.{when}").read().strip()
        except OSError:
            return "?"
    print(f"\n### {name}: {ours['members']} members, {ours['ties']} ties  (seconds wall / CPU user+sys; ratio = peer / ours, wall)")
    print(f"load average before {load('before')}, after {load('after')}")
    print("| metric | verbinder | igraph | graph-tool | igraph/ours | graph-tool/ours |")
    print("|---|---|---|---|---|---|")
    for label, key, pkey in rows:
        o = ours.get(key)
        if o is None:
            continue
        i = ig.get(pkey) if pkey else None
        gkey = "layout_sfdp" if key == "layout" else pkey
        g = gt.get(gkey) if gkey else None
        oc = ours.get(key + "_cpu")
        ic = ig.get(pkey + "_cpu") if pkey else None
        gc = gt.get(gkey + "_cpu") if gkey else None
        f = lambda x, c: "n/a" if x is None else (f"{x:.3f} / {c:.3f}" if c is not None else f"{x:.3f}")
        r = lambda x: "n/a" if x is None else f"{x / o:.1f}x"
        print(f"| {label} | {f(o, oc)} | {f(i, ic)} | {f(g, gc)} | {r(i)} | {r(g)} |")
    print(f"\nmodularity: ours {ours['modularity']:.4f} ({ours['communities']} communities, all connected: "
          f"{ours.get('communities_connected')}), igraph {ig['modularity']:.4f}")
    if "layout_tie_over_random" in ours:
        print(f"layout quality (mean tie length / mean random-pair distance, lower is better): ours "
              f"{ours['layout_tie_over_random']:.3f}, igraph {ig.get('layout_tie_over_random', float('nan')):.3f}")
    if "approx_max_error" in ours:
        print(f"approx betweenness: {ours['approx_samples']} samples, max error {ours['approx_max_error']:.5f}, "
              f"mean {ours['approx_mean_error']:.2e}, guarantee {ours['approx_guarantee']:.5f} (p >= 0.9)")
    t = open(f"{out}/{name}/report.time").read().split()
    secs, kb = float(t[0]), int(t[1])
    cpu = f", CPU {float(t[2]) + float(t[3]):.1f} s" if len(t) >= 4 else ""
    print(f"whole report (`verbinder analyze`, all metrics + suggestions): {secs:.1f} s wall{cpu}, {kb / 1024:.0f} MB max RSS")
    goals = []
    for peer in (ig, gt):
        if peer.get("betweenness_exact") is not None:
            goals.append(sum(peer.get(k) or 0 for k in ("betweenness_exact", "core", "leiden", "constraint")))
    if goals:
        half = min(goals) / 2
        print(f"goal (report <= half the faster peer's betweenness + k-core + Leiden + constraint = {half:.1f} s): "
              f"{'met' if secs <= half else 'NOT met'}")
    print(f"goal (< 30 s and < 2 GB): {'met' if secs < 30 and kb < 2 * 1024 * 1024 else 'NOT met'}")
PY
