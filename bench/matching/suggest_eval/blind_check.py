#!/usr/bin/env python3
"""Checks a blind set blindN_pairs.json (called by blindN_check.py with its name, first pair id and
id letter): shape, ids, counts, and that each query's first
challenge shares no content word (3+ letters, not a stop word) and no common
5-letter prefix with its target's expertise (tags + text)."""
import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
POOL = HERE / "pool.json"
SECTORS = {"care", "industry", "education", "government", "finance"}
KINDS = {"nl": 20, "en": 20, "nl-en": 10, "en-nl": 10}
KIND_LANGS = {"nl": ("nl", "nl"), "en": ("en", "en"), "nl-en": ("nl", "en"), "en-nl": ("en", "nl")}

STOP = set("""
the and for are but not you all any can had her was one our out has have him his how its may new now
old see two way who did get got let put say she too use with that this from they will what when where
which while there their them then than been were into over more most some such only also very just
about after again before being both each few other own same should does doing here off once under until
why your yours would could into onto per via upon able every many much out who whom these those our ours
een het van die dat met voor niet zijn aan ook als bij nog wel maar dan door naar ons onze wat wie hoe
waar kan kun kunnen moet moeten mag mogen wil willen zich hun hen zij wij jij jou jouw uw mijn zo zou
zouden worden wordt werd heb hebt heeft hebben had was waren ben bent zal zullen dit deze der des tot
uit over onder tegen tussen omdat want als dus toch alleen steeds meer veel weer geen iets niets alle
elke ieder iedere iemand niemand wordt doen doet deed gaat gaan ging komt komen kwam zit zitten staat
""".split())


def norm(word):
    word = unicodedata.normalize("NFKD", word)
    return "".join(c for c in word if not unicodedata.combining(c)).lower()


def words(text):
    return {w for w in (norm(t) for t in re.findall(r"[^\W\d_]+", text))
            if len(w) >= 3 and w not in STOP}


def overlap(a, b):
    hits = []
    for x in sorted(a):
        for y in sorted(b):
            if x == y or (len(x) >= 5 and len(y) >= 5 and x[:5] == y[:5]):
                hits.append(f"{x}~{y}")
    return hits


def check(name, first_id, letter):
    """name "blind6", first_id 601 (ids 601..660), letter "f" (ids fq*, ft*, fd*)."""
    errors = []
    data = json.loads((HERE / f"{name}_pairs.json").read_text(encoding="utf-8"))
    pool = json.loads(POOL.read_text(encoding="utf-8"))
    pool_ids = {a["id"] for a in pool["attendees"]}

    if set(data) != {"description", "pairs", "attendees"}:
        errors.append(f"top-level keys {sorted(data)}")
    if not isinstance(data.get("description"), str) or name not in data["description"]:
        errors.append(f"description missing or does not name {name}")

    people = {}
    for a in data["attendees"]:
        keys = set(a)
        if keys != {"id", "sector", "organization", "languages", "expertise", "challenges"}:
            errors.append(f"{a.get('id')}: keys {sorted(keys)}")
            continue
        if a["id"] in people:
            errors.append(f"duplicate attendee id {a['id']}")
        if a["id"] in pool_ids:
            errors.append(f"attendee id {a['id']} is in pool.json")
        if not re.fullmatch(letter + r"[qtd]\d{3}", a["id"]):
            errors.append(f"bad attendee id {a['id']}")
        if a["sector"] not in SECTORS:
            errors.append(f"{a['id']}: sector {a['sector']}")
        if a["languages"] not in (["nl"], ["en"], ["nl", "en"]):
            errors.append(f"{a['id']}: languages {a['languages']}")
        if not a["organization"].strip():
            errors.append(f"{a['id']}: empty organization")
        ex = a["expertise"]
        if set(ex) != {"tags", "text"} or not 1 <= len(ex["tags"]) <= 4 or not ex["text"].strip():
            errors.append(f"{a['id']}: expertise shape")
        if not a["challenges"] or not all(isinstance(c, str) and c.strip() for c in a["challenges"]):
            errors.append(f"{a['id']}: challenges")
        people[a["id"]] = a

    pair_ids = [p["id"] for p in data["pairs"]]
    if sorted(pair_ids) != list(range(first_id, first_id + 60)):
        errors.append(f"pair ids are not exactly {first_id}..{first_id + 59}")
    queries = [p["query"] for p in data["pairs"]]
    targets = [p["target"] for p in data["pairs"]]
    if len(set(queries)) != 60 or len(set(targets)) != 60 or set(queries) & set(targets):
        errors.append("queries/targets not 60 distinct people each")

    sector_count = Counter()
    kind_count = Counter()
    for p in data["pairs"]:
        if set(p) != {"id", "query", "target", "kind", "link"} or "<->" not in p["link"]:
            errors.append(f"pair {p.get('id')}: shape")
        q, t = people.get(p["query"]), people.get(p["target"])
        if q is None or t is None:
            errors.append(f"pair {p['id']}: unknown attendee")
            continue
        if not p["query"].startswith(letter + "q") or not p["target"].startswith(letter + "t"):
            errors.append(f"pair {p['id']}: id prefixes")
        if q["sector"] == t["sector"]:
            errors.append(f"pair {p['id']}: same sector {q['sector']}")
        sector_count[q["sector"]] += 1
        kind_count[p["kind"]] += 1
        if p["kind"] not in KINDS:
            errors.append(f"pair {p['id']}: kind {p['kind']}")
        else:
            ql, tl = KIND_LANGS[p["kind"]]
            if ql not in q["languages"] or tl not in t["languages"]:
                errors.append(f"pair {p['id']}: languages do not fit kind {p['kind']}")
        cw = words(q["challenges"][0])
        ew = words(" ".join(t["expertise"]["tags"]) + " " + t["expertise"]["text"])
        hits = overlap(cw, ew)
        if hits:
            errors.append(f"pair {p['id']} ({p['query']}->{p['target']}): shared {', '.join(hits)}")

    for s in SECTORS:
        if sector_count[s] != 12:
            errors.append(f"sector {s}: {sector_count[s]} queries, want 12")
    for k, n in KINDS.items():
        if kind_count[k] != n:
            errors.append(f"kind {k}: {kind_count[k]} pairs, want {n}")
    distractors = [i for i in people if i.startswith(letter + "d")]
    if not 30 <= len(distractors) <= 40:
        errors.append(f"{len(distractors)} distractors, want 30-40")
    if len(people) != 120 + len(distractors):
        errors.append(f"attendees other than {letter}q/{letter}t/{letter}d present")

    print(f"pairs: {len(data['pairs'])}  attendees: {len(people)} "
          f"(queries {len(set(queries))}, targets {len(set(targets))}, distractors {len(distractors)})")
    print("queries per sector:", dict(sorted(sector_count.items())))
    print("pairs per kind:", dict(sorted(kind_count.items())))
    print("target sectors:", dict(sorted(Counter(people[t]['sector'] for t in targets).items())))
    if errors:
        print(f"{len(errors)} problem(s):")
        for e in errors:
            print("  -", e)
        return 1
    print("OK: no problems")
    return 0


