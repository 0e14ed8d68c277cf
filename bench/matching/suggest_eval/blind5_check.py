#!/usr/bin/env python3
"""Checks blind5_pairs.json: shape, ids, counts, and that each scored challenge shares
no content word and no 5-letter prefix with its target's expertise (tags + text)."""
import json, re, sys, unicodedata, collections

import os
HERE = os.path.dirname(os.path.abspath(__file__)) + "/"
POOL = HERE + "pool.json"
SECTORS = {"care", "industry", "education", "government", "finance"}
KINDS = {"nl": 20, "en": 20, "nl-en": 10, "en-nl": 10}
STOP = set("""
the and for with our are but not you your they them their this that these those from into onto over under
about after before again all any both each few more most other some such only own same than too very can will
just should now has have had having does did doing was were been being its it's out off then once here there
when where why how what which who whom nor per via also get got gets one two who's we'd i'm don't can't
een het van voor met aan als bij dat die dit deze der des dan door een geen hem hen hij hoe hun ik jij je
kan kon maar meer men mij mijn naar niet nog nou ons onze ook over per heb heeft hebben wat wie wel wij
zal zij zijn zich zo zonder zou uit tot toe tegen tussen want waar veel vaak voor wordt worden werd
ze er om op te in is en of al na nu we u al elk elke iets iemand niets niemand alle allemaal
""".split())

def norm(s):
    s = unicodedata.normalize("NFKD", s.lower())
    return "".join(c for c in s if not unicodedata.combining(c))

def words(s):
    return {w for w in re.split(r"[^a-z0-9]+", norm(s)) if len(w) >= 3 and w not in STOP and not w.isdigit()}

errors = []
def err(m): errors.append(m)

d = json.load(open(HERE + "blind5_pairs.json"))
pool = json.load(open(POOL))
pool_ids = {a["id"] for a in pool["attendees"]}
if set(d) != {"description", "pairs", "attendees"}: err("top-level keys %s" % sorted(d))
if not isinstance(d.get("description"), str) or len(d["description"]) < 40: err("description")

people = {}
for a in d["attendees"]:
    if set(a) != {"id", "sector", "organization", "languages", "expertise", "challenges"}: err("keys of %s" % a.get("id"))
    if a["id"] in people: err("duplicate attendee id " + a["id"])
    if a["id"] in pool_ids: err("id in pool.json " + a["id"])
    if not re.fullmatch(r"e[qtd]\d{3}", a["id"]): err("bad id " + a["id"])
    if a["sector"] not in SECTORS: err("sector of " + a["id"])
    if a["languages"] not in (["nl"], ["en"], ["nl", "en"]): err("languages of " + a["id"])
    if not a["organization"].strip(): err("organization of " + a["id"])
    ex = a["expertise"]
    if set(ex) != {"tags", "text"} or not (1 <= len(ex["tags"]) <= 4) or not ex["text"].strip(): err("expertise of " + a["id"])
    if not a["challenges"] or not all(c.strip() for c in a["challenges"]): err("challenges of " + a["id"])
    people[a["id"]] = a

pairs = d["pairs"]
if len(pairs) != 60: err("pairs: %d" % len(pairs))
ids = [p["id"] for p in pairs]
if sorted(ids) != list(range(501, 561)): err("pair ids not 501..560 unique")
qs, ts = [], []
kinds = collections.Counter(); qsec = collections.Counter(); cross = collections.Counter()
for p in pairs:
    if set(p) != {"id", "query", "target", "kind", "link"}: err("pair keys %s" % p.get("id"))
    q, t = people.get(p["query"]), people.get(p["target"])
    if not q or not t: err("pair %s: unknown person" % p["id"]); continue
    if not p["query"].startswith("eq") or not p["target"].startswith("et"): err("pair %s: id roles" % p["id"])
    qs.append(p["query"]); ts.append(p["target"])
    kinds[p["kind"]] += 1; qsec[q["sector"]] += 1; cross[(q["sector"], t["sector"])] += 1
    if q["sector"] == t["sector"]: err("pair %s: same sector" % p["id"])
    ql, tl = {"nl": ("nl", "nl"), "en": ("en", "en"), "nl-en": ("nl", "en"), "en-nl": ("en", "nl")}.get(p["kind"], (None, None))
    if ql is None: err("pair %s: kind" % p["id"])
    elif q["languages"][0] != ql or t["languages"][0] != tl: err("pair %s: kind %s vs languages %s/%s" % (p["id"], p["kind"], q["languages"], t["languages"]))
    if "<->" not in p["link"]: err("pair %s: link" % p["id"])
    cw = words(q["challenges"][0])
    tw = words(" ".join(t["expertise"]["tags"]) + " " + t["expertise"]["text"])
    shared = cw & tw
    if shared: err("pair %s: shared words %s" % (p["id"], sorted(shared)))
    pre = {(a, b) for a in cw for b in tw if len(a) >= 5 and len(b) >= 5 and a[:5] == b[:5]}
    if pre: err("pair %s: shared 5-prefix %s" % (p["id"], sorted(pre)))
if len(set(qs)) != len(qs) or len(set(ts)) != len(ts): err("a query or target used twice")
if dict(kinds) != KINDS: err("kinds %s" % dict(kinds))
if any(qsec[s] != 12 for s in SECTORS): err("query sectors %s" % dict(qsec))
roles = collections.Counter(i[:2] for i in people)
if roles["eq"] != 60 or roles["et"] != 60: err("roles %s" % dict(roles))
if not (30 <= roles["ed"] <= 40): err("distractors %d" % roles["ed"])
unused = [i for i in people if i[:2] in ("eq", "et") and i not in qs and i not in ts]
if unused: err("unpaired q/t %s" % unused)

print("attendees: %d (queries %d, targets %d, distractors %d)" % (len(people), roles["eq"], roles["et"], roles["ed"]))
print("pairs: %d; kinds %s" % (len(pairs), dict(sorted(kinds.items()))))
print("query sectors %s" % dict(sorted(qsec.items())))
print("target sectors %s" % dict(sorted(collections.Counter(people[t]["sector"] for t in ts).items())))
for e in errors: print("ERROR:", e)
print("OK" if not errors else "%d errors" % len(errors))
sys.exit(1 if errors else 0)
