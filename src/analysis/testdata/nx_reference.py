#!/usr/bin/python3
"""Reference values for the analysis engine's tests, computed with NetworkX.

Reads the same CSV files as `verbinder analyze` and prints JSON with the metrics
of issue 5 as NetworkX (Debian python3-networkx 2.8) computes them. Brokerage is
counted naively from its definition (NetworkX has none). Run with /usr/bin/python3.

  nx_reference.py metrics --members m.csv --ties t.csv [--attendance a.csv] [--partition p.json]
  nx_reference.py read --graphml FILE | --gexf FILE     (summary of a file read back)
"""
import argparse
import csv
import itertools
import json
import math
import sys

import networkx as nx


def load(args):
    g = nx.Graph()
    sector = {}
    if args.members:
        with open(args.members, newline="", encoding="utf-8") as f:
            for row in csv.DictReader(f):
                g.add_node(row["id"].strip())
                sector[row["id"].strip()] = row["sector"].strip()
    if args.ties:
        with open(args.ties, newline="", encoding="utf-8") as f:
            for row in csv.DictReader(f):
                u, v, w = row["source"].strip(), row["target"].strip(), float(row["weight"])
                for x in (u, v):
                    if x not in g:
                        g.add_node(x)
                if g.has_edge(u, v):
                    g[u][v]["weight"] += w
                else:
                    g.add_edge(u, v, weight=w)
    if args.attendance:
        events = {}
        with open(args.attendance, newline="", encoding="utf-8") as f:
            for row in csv.DictReader(f):
                m = row["member"].strip()
                if m not in g:
                    g.add_node(m)
                lst = events.setdefault(row["event"].strip(), [])
                if m not in lst:
                    lst.append(m)
        for members in events.values():
            if len(members) < 2:
                continue
            w = 2.0 / (len(members) - 1)
            for u, v in itertools.combinations(members, 2):
                if g.has_edge(u, v):
                    g[u][v]["weight"] += w
                else:
                    g.add_edge(u, v, weight=w)
    for n in g:
        g.nodes[n]["sector"] = sector.get(n, "")
    return g


def num(x):
    return None if isinstance(x, float) and math.isnan(x) else x


def ei(e, i):
    return (e - i) / (e + i) if e + i else None


def brokerage(g):
    out = {}
    s = nx.get_node_attributes(g, "sector")
    for v in g:
        c = {"coordinator": 0, "consultant": 0, "representative": 0, "liaison": 0}
        for a, b in itertools.combinations(sorted(g[v]), 2):
            if g.has_edge(a, b):
                continue
            if s[a] == s[b]:
                c["coordinator" if s[v] == s[a] else "consultant"] += 1
            elif s[v] in (s[a], s[b]):
                c["representative"] += 1
            else:
                c["liaison"] += 1
        out[v] = c
    return out


def metrics(args):
    g = load(args)
    sector = nx.get_node_attributes(g, "sector")
    out = {"nodes": list(g.nodes)}
    out["members"] = g.number_of_nodes()
    out["ties"] = g.number_of_edges()
    out["density"] = nx.density(g)
    out["components"] = nx.number_connected_components(g)
    out["degree"] = dict(g.degree())
    out["strength"] = dict(g.degree(weight="weight"))
    out["betweenness"] = nx.betweenness_centrality(g, normalized=True)
    out["core"] = nx.core_number(g)
    out["constraint"] = {k: num(v) for k, v in nx.constraint(g).items()}
    out["effective_size"] = {k: num(v) for k, v in nx.effective_size(g).items()}
    out["brokerage"] = brokerage(g)
    e = sum(1 for u, v in g.edges if sector[u] != sector[v])
    i = g.number_of_edges() - e
    out["ei_index"] = ei(e, i)
    out["sector_ei"] = {}
    for s in sorted(set(sector.values())):
        ii = sum(1 for u, v in g.edges if sector[u] == s and sector[v] == s)
        ee = sum(1 for u, v in g.edges if (sector[u] == s) != (sector[v] == s))
        out["sector_ei"][s] = ei(ee, ii)
    try:
        r = nx.attribute_assortativity_coefficient(g, "sector")
        out["sector_assortativity"] = num(float(r))
    except (ZeroDivisionError, ValueError):
        out["sector_assortativity"] = None
    if g.number_of_edges():
        greedy = nx.community.greedy_modularity_communities(g, weight="weight")
        out["greedy_modularity"] = nx.community.modularity(g, greedy, weight="weight")
        out["greedy_communities"] = len(greedy)
        out["igraph_leiden_modularity"] = igraph_leiden(g)
    if args.partition:
        with open(args.partition, encoding="utf-8") as f:
            part = json.load(f)
        groups = {}
        for node, c in part.items():
            groups.setdefault(c, set()).add(node)
        out["partition_modularity"] = nx.community.modularity(g, groups.values(), weight="weight")
    json.dump(out, sys.stdout)


def igraph_leiden(g):
    """Best modularity of python3-igraph's Leiden (n_iterations=-1) over seeds 0..9: the oracle
    our own Leiden must reach."""
    import random
    import igraph as ig
    nodes = list(g.nodes)
    pos = {v: i for i, v in enumerate(nodes)}
    h = ig.Graph(n=len(nodes), edges=[(pos[u], pos[v]) for u, v in g.edges],
                 edge_attrs={"weight": [d["weight"] for _, _, d in g.edges(data=True)]})
    best = -1.0
    for seed in range(10):
        random.seed(seed)
        part = h.community_leiden(objective_function="modularity", weights="weight", n_iterations=-1)
        best = max(best, h.modularity(part.membership, weights="weight"))
    return best


def read(args):
    g = nx.read_graphml(args.graphml) if args.graphml else nx.read_gexf(args.gexf)
    out = {
        "directed": g.is_directed(),
        "nodes": g.number_of_nodes(),
        "edges": g.number_of_edges(),
        "node_data": {str(n): {k: num(v) for k, v in d.items()} for n, d in g.nodes(data=True)},
        "weight": sum(d.get("weight", 0) for _, _, d in g.edges(data=True)),
        "real": sum(1 for _, _, d in g.edges(data=True) if d.get("real") is True),
    }
    json.dump(out, sys.stdout)


def main():
    p = argparse.ArgumentParser()
    sub = p.add_subparsers(dest="cmd", required=True)
    m = sub.add_parser("metrics")
    m.add_argument("--members")
    m.add_argument("--ties")
    m.add_argument("--attendance")
    m.add_argument("--partition")
    r = sub.add_parser("read")
    r.add_argument("--graphml")
    r.add_argument("--gexf")
    args = p.parse_args()
    metrics(args) if args.cmd == "metrics" else read(args)


if __name__ == "__main__":
    main()
