#!/usr/bin/python3
"""Times the peers (python3-igraph, python3-graph-tool) on the same files as
analysis_metrics_bench and prints JSON {"igraph": {...}, "graph_tool": {...}}.
Run with /usr/bin/python3 (Debian modules).

  peers.py members.csv ties.csv [--exact-betweenness]
"""
import csv
import json
import sys
import time

import graph_tool.all as gt
import igraph as ig


def load(members, ties):
    idx, sector = {}, []
    with open(members, newline="") as f:
        for row in csv.DictReader(f):
            idx[row["id"]] = len(idx)
            sector.append(row["sector"])
    edges, weights = [], []
    with open(ties, newline="") as f:
        for row in csv.DictReader(f):
            edges.append((idx[row["source"]], idx[row["target"]]))
            weights.append(float(row["weight"]))
    return len(idx), edges, weights, sector


def timed(out, name, fn):
    """Wall time in out[name], process CPU time (user+sys, all threads) in out[name + "_cpu"]."""
    t, c = time.perf_counter(), time.process_time()
    r = fn()
    out[name] = time.perf_counter() - t
    out[name + "_cpu"] = time.process_time() - c
    return r


def tie_over_random(xy, edges, n):
    """Mean tie length / mean distance of 200,000 random pairs (lower = neighbours closer)."""
    import math
    import random
    rng = random.Random(12345)
    d = lambda a, b: math.hypot(xy[a][0] - xy[b][0], xy[a][1] - xy[b][1])
    tie = sum(d(u, v) for u, v in edges) / len(edges)
    pair = sum(d(rng.randrange(n), rng.randrange(n)) for _ in range(200000)) / 200000
    return tie / pair


def main():
    members, ties = sys.argv[1], sys.argv[2]
    exact = "--exact-betweenness" in sys.argv
    n, edges, weights, sector = load(members, ties)
    codes = {s: i for i, s in enumerate(sorted(set(sector)))}
    res = {"igraph": {}, "graph_tool": {}}

    o = res["igraph"]
    g = timed(o, "build_graph", lambda: ig.Graph(n=n, edges=edges, edge_attrs={"weight": weights}))
    g.vs["sector"] = [codes[s] for s in sector]
    timed(o, "components", lambda: g.connected_components())
    timed(o, "core", lambda: g.coreness())
    if exact:
        timed(o, "betweenness_exact", lambda: g.betweenness(directed=False))
    timed(o, "constraint", lambda: g.constraint())
    timed(o, "assortativity", lambda: g.assortativity_nominal("sector", directed=False))
    part = timed(o, "leiden", lambda: g.community_leiden(objective_function="modularity", weights="weight", n_iterations=-1))
    o["modularity"] = g.modularity(part.membership, weights="weight")
    lay = timed(o, "layout_fr_grid", lambda: g.layout_fruchterman_reingold(niter=150, grid="grid"))
    o["layout_tie_over_random"] = tie_over_random(lay.coords, edges, n)

    o = res["graph_tool"]
    o["threads"] = gt.openmp_get_num_threads() if gt.openmp_enabled() else 1

    def build():
        h = gt.Graph(directed=False)
        h.add_vertex(n)
        h.add_edge_list(edges)
        return h

    h = timed(o, "build_graph", build)
    sec = h.new_vertex_property("int", vals=[codes[s] for s in sector])
    timed(o, "components", lambda: gt.label_components(h))
    timed(o, "core", lambda: gt.kcore_decomposition(h))
    if exact:
        timed(o, "betweenness_exact", lambda: gt.betweenness(h))
    timed(o, "assortativity", lambda: gt.assortativity(h, sec))
    # sfdp_layout takes ~70 s on the 10k network here; left out to keep the run short.
    print(json.dumps(res))


if __name__ == "__main__":
    main()
