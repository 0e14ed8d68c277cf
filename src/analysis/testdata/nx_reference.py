#!/usr/bin/python3
"""Reference values for the analysis engine's tests, computed with NetworkX.

Reads the same CSV files as `verbinder analyze` and prints JSON with the metrics
of issue 5 as NetworkX (Debian python3-networkx 2.8) computes them. Brokerage is
counted naively from its definition (NetworkX has none). Run with /usr/bin/python3.

  nx_reference.py metrics --members m.csv --ties t.csv [--attendance a.csv] [--partition p.json]
      (attendance is projected into ties here: the engine's --with-attendance)
  nx_reference.py coattendance [--ties t.csv] --attendance a.csv [--as-of YYYY-MM-DD]
      (co-attendance against the ties: NetworkX's bipartite projection of members x events)
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


FACE_TO_FACE = {"met_at_event", "meeting_held", "visit_held"}


def pair_key(u, v):
    return "|".join(sorted((u, v)))


def coattendance(args):
    """The report's co_attendance section from its definition: the members' projection of
    the bipartite member-event graph (edge weight = events shared) against the ties from
    the tie rows (real = any face-to-face kind), both up to --as-of."""
    def kept(date):
        date = (date or "").strip()[:10]
        return not args.as_of or not date or date <= args.as_of

    b = nx.Graph()
    members = set()
    with open(args.attendance, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if not kept(row.get("date")):
                continue
            m = ("m", row["member"].strip())
            b.add_edge(m, ("e", row["event"].strip()))
            members.add(m)
    p = nx.bipartite.weighted_projected_graph(b, members)
    ties = nx.Graph()
    if args.ties:
        with open(args.ties, newline="", encoding="utf-8") as f:
            for row in csv.DictReader(f):
                if not kept(row.get("date")):
                    continue
                u, v = row["source"].strip(), row["target"].strip()
                real = (row.get("kind") or "").strip().lower() in FACE_TO_FACE
                if ties.has_edge(u, v):
                    ties[u][v]["real"] |= real
                else:
                    ties.add_edge(u, v, real=real)
    with_tie = [(u[1], v[1]) for u, v in p.edges if ties.has_edge(u[1], v[1])]
    out = {
        "events": sum(1 for n in b if n[0] == "e"),
        "attendees": len(members),
        "pairs": p.number_of_edges(),
        "pairs_with_tie": len(with_tie),
        "pairs_with_real_tie": sum(1 for u, v in with_tie if ties[u][v]["real"]),
        "pairs_without_tie": sum(1 for u, v in p.edges if not ties.has_edge(u[1], v[1])),
        "co_attendees": {m[1]: p.degree(m) for m in members},
        "co_attendees_without_tie": {m[1]: sum(1 for x in p[m] if not ties.has_edge(m[1], x[1])) for m in members},
        # Per tie: the events the pair attended together.
        "tie_co_attendance": {pair_key(u, v): (p[("m", u)][("m", v)]["weight"]
                                               if p.has_edge(("m", u), ("m", v)) else 0)
                              for u, v in ties.edges},
    }
    json.dump(out, sys.stdout)


def read(args):
    g = nx.read_graphml(args.graphml) if args.graphml else nx.read_gexf(args.gexf)
    out = {
        "directed": g.is_directed(),
        "nodes": g.number_of_nodes(),
        "edges": g.number_of_edges(),
        "node_data": {str(n): {k: num(v) for k, v in d.items()} for n, d in g.nodes(data=True)},
        "weight": sum(d.get("weight", 0) for _, _, d in g.edges(data=True)),
        "real": sum(1 for _, _, d in g.edges(data=True) if d.get("real") is True),
        "edge_data": {pair_key(str(u), str(v)): {k: num(x) for k, x in d.items() if k != "id"}
                      for u, v, d in g.edges(data=True)},
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
    c = sub.add_parser("coattendance")
    c.add_argument("--ties")
    c.add_argument("--attendance", required=True)
    c.add_argument("--as-of", dest="as_of")
    r = sub.add_parser("read")
    r.add_argument("--graphml")
    r.add_argument("--gexf")
    args = p.parse_args()
    {"metrics": metrics, "coattendance": coattendance, "read": read}[args.cmd](args)


if __name__ == "__main__":
    main()
