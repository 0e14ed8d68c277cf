#!/usr/bin/python3
"""igraph's k-core + Leiden (modularity) + Burt constraint on members.csv/ties.csv,
timed one by one (wall and process CPU), as JSON on stdout. The yardstick of
issue #20: the whole `verbinder analyze` report should take no longer than
these three metrics alone. Loading the CSV into igraph is not counted.

  igraph_three.py members.csv ties.csv
"""
import csv
import json
import sys
import time

import igraph as ig


def main():
    members, ties = sys.argv[1], sys.argv[2]
    idx = {}
    with open(members, newline="") as f:
        for row in csv.DictReader(f):
            idx[row["id"]] = len(idx)
    edges, weights = [], []
    with open(ties, newline="") as f:
        for row in csv.DictReader(f):
            edges.append((idx[row["source"]], idx[row["target"]]))
            weights.append(float(row["weight"]))
    g = ig.Graph(n=len(idx), edges=edges, edge_attrs={"weight": weights})
    out = {"igraph": ig.__version__, "members": len(idx), "tie_rows": len(edges)}

    def timed(name, fn):
        t, c = time.perf_counter(), time.process_time()
        r = fn()
        out[name] = time.perf_counter() - t
        out[name + "_cpu"] = time.process_time() - c
        return r

    timed("core", lambda: g.coreness())
    part = timed("leiden", lambda: g.community_leiden(objective_function="modularity", weights="weight", n_iterations=-1))
    out["modularity"] = g.modularity(part.membership, weights="weight")
    timed("constraint", lambda: g.constraint())
    out["total"] = out["core"] + out["leiden"] + out["constraint"]
    out["total_cpu"] = out["core_cpu"] + out["leiden_cpu"] + out["constraint_cpu"]
    print(json.dumps(out))


if __name__ == "__main__":
    main()
