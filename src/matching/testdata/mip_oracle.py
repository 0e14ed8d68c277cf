#!/usr/bin/python3
"""Exact optimum of a `verbinder schedule` instance, by MIP (PuLP + CBC).

Independent of the C++ engine: reads the instance JSON and prints
{"optimum": weight, "musts_scheduled": n}. The objective is lexicographic, as
in the engine: as many must pairs as possible, then maximum total weight.
Usage: /usr/bin/python3 mip_oracle.py FILE
"""
import json
import sys

import pulp


def solve(inst):
    slots = inst["slots"]
    tables = inst["tables"]
    cap_default = inst["max_meetings_per_person"]
    people = {a["id"]: a for a in inst["attendees"]}
    forbidden = {frozenset(f) for f in inst.get("forbidden", [])}
    avail = {pid: set(a.get("available", slots)) for pid, a in people.items()}
    cap = {pid: a.get("max_meetings", cap_default) for pid, a in people.items()}
    prob = pulp.LpProblem("schedule", pulp.LpMaximize)
    x = {}
    for k, p in enumerate(inst.get("pairs", [])):
        a, b = p["a"], p["b"]
        if frozenset((a, b)) in forbidden:
            continue
        for s in slots:
            if s in avail[a] and s in avail[b]:
                x[k, s] = pulp.LpVariable(f"x_{k}_{slots.index(s)}", cat="Binary")
    pairs = inst.get("pairs", [])
    # Lexicographic: as many must pairs as possible first, then weight.
    big = sum(p["weight"] for p in pairs) + 1
    prob += pulp.lpSum((pairs[k]["weight"] + (big if pairs[k].get("must") else 0)) * v for (k, s), v in x.items())
    for k, p in enumerate(pairs):
        vs = [x[k, s] for s in slots if (k, s) in x]
        if vs:
            prob += pulp.lpSum(vs) <= 1
    for s in slots:
        prob += pulp.lpSum(v for (k, t), v in x.items() if t == s) <= tables
    for pid in people:
        mine = [(k, v) for (k, s), v in x.items() if pid in (pairs[k]["a"], pairs[k]["b"])]
        prob += pulp.lpSum(v for _, v in mine) <= cap[pid]
        for s in slots:
            prob += pulp.lpSum(v for (k, t), v in x.items() if t == s and pid in (pairs[k]["a"], pairs[k]["b"])) <= 1
    status = prob.solve(pulp.COIN_CMD(path="/usr/bin/cbc", msg=False))
    if pulp.LpStatus[status] != "Optimal":
        return None
    weight = sum(pairs[k]["weight"] * round(v.value()) for (k, s), v in x.items())
    musts = sum(round(v.value()) for (k, s), v in x.items() if pairs[k].get("must"))
    return weight, musts


def main():
    with open(sys.argv[1]) as f:
        inst = json.load(f)
    weight, musts = solve(inst)
    print(json.dumps({"optimum": weight, "musts_scheduled": musts}))


if __name__ == "__main__":
    main()
