#!/usr/bin/python3
"""Exact optimum of a `verbinder schedule` instance, by MIP (PuLP + CBC).

Independent of the C++ engine: reads the instance JSON, prints {"optimum": x,
"musts_forced": bool}. Must pairs are forced (x summed over slots == 1) when the
MIP with all of them forced is feasible; otherwise the plain optimum is returned
— the same contract the engine's upper bound uses. Usage: mip_oracle.py FILE
"""
import json
import sys

import pulp


def solve(inst, force_musts):
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
    prob += pulp.lpSum(pairs[k]["weight"] * v for (k, s), v in x.items())
    for k, p in enumerate(pairs):
        vs = [x[k, s] for s in slots if (k, s) in x]
        if vs:
            prob += pulp.lpSum(vs) <= 1
            if force_musts and p.get("must") and cap[a] > 0 and cap[b] > 0:
                prob += pulp.lpSum(vs) == 1
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
    return sum(pairs[k]["weight"] * round(v.value()) for (k, s), v in x.items())


def main():
    with open(sys.argv[1]) as f:
        inst = json.load(f)
    # Only musts that can meet at all (not forbidden, a common slot, caps > 0)
    # are forced, mirroring the engine's candidates pass.
    has_musts = any(p.get("must") for p in inst.get("pairs", []))
    forced = solve(inst, True) if has_musts else None
    if forced is not None:
        print(json.dumps({"optimum": forced, "musts_forced": True}))
    else:
        print(json.dumps({"optimum": solve(inst, False), "musts_forced": False}))


if __name__ == "__main__":
    main()
