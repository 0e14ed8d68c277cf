#!/usr/bin/env python3
"""Checks blind3_pairs.json: shape, counts, unique and existing ids, cross-sector
targets, text lengths, language per kind, and that a query's challenge shares no
content word (3+ letters, stop words excluded) and no 5-letter stem with its
target's expertise. Exit code 1 on any failure. Usage: check.py [--verbose]"""
import json
import os
import re
import sys
import unicodedata
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
FILE = os.path.join(HERE, "blind3_pairs.json")
POOL = os.path.join(HERE, "pool.json")
SECTORS = {"care", "industry", "education", "government", "finance"}
LANGS = [["nl"], ["en"], ["nl", "en"]]

STOP_NL = set("""de het een en van in op met voor aan bij als dat die dit er is te om of ook tot uit naar
niet maar nog wel dan door over zijn was wordt worden ze zij wij we ik je jij hij hun hem haar ons onze
mijn wat wie waar hoe al alle elk elke geen na zo zich hebben heeft had kan kunnen moet moeten wil willen
mag mogen zal zullen steeds soms vaak veel meer dus want omdat zodat daar hier toch pas nu ook men iets
waarin waarvoor welke welk""".split())
STOP_EN = set("""the and of to for with our we are is in on at by from as that this it its be been being
has have had they them their us you your an or not no can cannot will would should must into than then
there which who whom what when where how all any each every so very more most out up about after before
per via but also only just do does did i my me he she his her was were yet while because since until
whose why""".split())
STOP = STOP_NL | STOP_EN
# language markers for the kind check (function words only)
MARK_NL = set("""de het een en van met voor niet maar ons onze wij ik zijn wordt worden bij naar die dat ze
er te om op aan uit als geen nog zich hun kan kunnen moet moeten wat zonder tussen steeds""".split())
MARK_EN = set("""the and to for with our we are not but their they that an by from this can be whose
around never at as into i who which its has have""".split())
STEM = 5
STEM_OK = {"onder", "inter"}  # prefixes too generic to count as a shared stem


def fold(s):
    s = unicodedata.normalize("NFKD", s.lower())
    return "".join(c for c in s if not unicodedata.combining(c))


def words(text):
    return [w for w in re.split(r"[^a-z0-9]+", fold(text)) if w]


def content(text):
    return {w for w in words(text) if len(w) >= 3 and w not in STOP and not w.isdigit()}


def stems_clash(a, b):
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    if len(short) >= 3 and long_.startswith(short) and len(long_) - len(short) <= 2:
        return True  # inflection: take/takes, plan/plans
    if len(a) < STEM or len(b) < STEM:
        return False
    return a[:STEM] == b[:STEM] and a[:STEM] not in STEM_OK


def guess_lang(text):
    ws = words(text)
    nl = sum(w in MARK_NL for w in ws)
    en = sum(w in MARK_EN for w in ws)
    return "nl" if nl > en else "en" if en > nl else "?"


def expertise_text(a):
    return " ".join(a["expertise"]["tags"]) + " " + a["expertise"]["text"]


def main():
    verbose = "--verbose" in sys.argv
    doc = json.load(open(FILE, encoding="utf-8"))
    errors, notes = [], []
    err = errors.append

    if set(doc) != {"description", "pairs", "attendees"}:
        err("top-level keys must be description, pairs, attendees: %s" % sorted(doc))
    people = {}
    for a in doc["attendees"]:
        if a["id"] in people:
            err("duplicate attendee id %s" % a["id"])
        people[a["id"]] = a
        if set(a) != {"id", "sector", "organization", "languages", "expertise", "challenges"}:
            err("%s: keys %s" % (a["id"], sorted(a)))
        if a["sector"] not in SECTORS:
            err("%s: bad sector %s" % (a["id"], a["sector"]))
        if a["languages"] not in LANGS:
            err("%s: bad languages %s" % (a["id"], a["languages"]))
        tags = a["expertise"]["tags"]
        if not 1 <= len(tags) <= 3:
            err("%s: %d tags" % (a["id"], len(tags)))
        n = len(a["expertise"]["text"].split())
        if not 6 <= n <= 25:
            err("%s: expertise text has %d words" % (a["id"], n))
        if not 1 <= len(a["challenges"]) <= 2:
            err("%s: %d challenges" % (a["id"], len(a["challenges"])))
        for c in a["challenges"]:
            n = len(c.split())
            if not 8 <= n <= 25:
                err("%s: challenge has %d words: %s" % (a["id"], n, c))
        # the person writes in one of their languages
        for t in [a["expertise"]["text"]] + a["challenges"]:
            g = guess_lang(t)
            if g != "?" and g not in a["languages"]:
                err("%s: text looks %s but languages=%s: %s" % (a["id"], g, a["languages"], t))
        if not re.fullmatch(r"b[qtd]\d{3}", a["id"]):
            err("bad id %s" % a["id"])

    pairs = doc["pairs"]
    ids = [p["id"] for p in pairs]
    if sorted(ids) != list(range(301, 361)):
        err("pair ids must be exactly 301..360")
    kinds = Counter(p["kind"] for p in pairs)
    if kinds != Counter({"nl": 20, "en": 20, "mixed": 20}):
        err("kinds %s" % dict(kinds))
    qs = Counter(p["query"] for p in pairs)
    ts = Counter(p["target"] for p in pairs)
    if max(qs.values()) > 1 or max(ts.values()) > 1:
        err("a query or target is used twice")
    if set(qs) & set(ts):
        err("ids both query and target: %s" % (set(qs) & set(ts)))
    qsec = Counter()
    direction = Counter()
    tsec = Counter()
    for p in pairs:
        if set(p) != {"id", "query", "target", "kind", "link"}:
            err("pair %s keys %s" % (p["id"], sorted(p)))
        if p["query"] not in people or p["target"] not in people:
            err("pair %s references a missing id" % p["id"])
            continue
        q, t = people[p["query"]], people[p["target"]]
        qsec[q["sector"]] += 1
        tsec[t["sector"]] += 1
        if q["sector"] == t["sector"]:
            err("pair %s: same sector %s" % (p["id"], q["sector"]))
        if len(q["challenges"]) != 1 and len(q["challenges"]) != 2:
            err("pair %s: query needs 1-2 challenges" % p["id"])
        ql = {guess_lang(c) for c in q["challenges"]}
        tl = guess_lang(t["expertise"]["text"])
        if len(ql) != 1 or "?" in ql or tl == "?":
            err("pair %s: language undetectable (%s / %s)" % (p["id"], ql, tl))
        else:
            ql = ql.pop()
            want = {"nl": ("nl", "nl"), "en": ("en", "en")}.get(p["kind"])
            if want and (ql, tl) != want:
                err("pair %s kind %s but challenge %s, expertise %s" % (p["id"], p["kind"], ql, tl))
            if p["kind"] == "mixed":
                if ql == tl:
                    err("pair %s mixed but both %s" % (p["id"], ql))
                direction["%s->%s" % (ql, tl)] += 1
        cw = set().union(*(content(c) for c in q["challenges"]))
        ew = content(expertise_text(t))
        shared = cw & ew
        if shared:
            err("pair %s shares words %s" % (p["id"], sorted(shared)))
        clash = sorted({(a, b) for a in cw for b in ew if a != b and stems_clash(a, b)})
        if clash:
            err("pair %s shares stems %s" % (p["id"], clash))
        # compound words: a word of the challenge hidden inside a word of the expertise (allowed,
        # reported so the reader knows which pairs test Dutch compound splitting)
        inside = sorted({(x, y) for x in cw for y in ew if x != y and len(min(x, y, key=len)) >= 4
                         and (x in y or y in x)})
        if inside:
            notes.append("pair %s: compound/substring link %s" % (p["id"], inside))
        # the target's own challenge must not be about the query's expertise
        tq = set().union(*(content(c) for c in t["challenges"])) & content(expertise_text(q))
        if tq:
            err("pair %s: target's challenge shares %s with the query's expertise" % (p["id"], sorted(tq)))
        # own expertise of the query must not be the same thing as the challenge
        own = cw & content(expertise_text(q))
        if own:
            notes.append("pair %s: query's own expertise shares %s with its challenge" % (p["id"], sorted(own)))
    for s in SECTORS:
        if qsec[s] != 12:
            err("sector %s has %d queries (need 12)" % (s, qsec[s]))
    roles = Counter(a["id"][:2] for a in doc["attendees"])
    if roles["bd"] < 20:
        err("only %d distractors (need 20)" % roles["bd"])
    used = set(qs) | set(ts)
    for a in doc["attendees"]:
        if a["id"][:2] in ("bq", "bt") and a["id"] not in used:
            err("%s is not used in any pair" % a["id"])

    # duplicates of pool.json profiles
    pool = json.load(open(POOL, encoding="utf-8"))["attendees"] if os.path.exists(POOL) else []
    for a in doc["attendees"]:
        ea = content(expertise_text(a))
        for b in pool:
            eb = content(expertise_text(b))
            if ea and eb and len(ea & eb) / len(ea | eb) >= 0.5:
                err("%s duplicates pool profile %s" % (a["id"], b["id"]))

    # lexical traps: other profiles whose expertise shares a word with a challenge (information)
    if verbose:
        everyone = list(doc["attendees"]) + pool
        for p in pairs:
            q = people[p["query"]]
            cw = set().union(*(content(c) for c in q["challenges"]))
            hits = []
            for b in everyone:
                if b["id"] in (p["query"], p["target"]):
                    continue
                s = cw & content(expertise_text(b))
                if s:
                    hits.append("%s%s" % (b["id"], sorted(s)))
            if hits:
                print("trap %s: %s" % (p["id"], ", ".join(hits)))

    print("pairs: %d  kinds: %s  mixed direction: %s" % (len(pairs), dict(sorted(kinds.items())), dict(direction)))
    print("queries per sector: %s" % dict(sorted(qsec.items())))
    print("targets per sector: %s" % dict(sorted(tsec.items())))
    print("attendees: %d (queries %d, targets %d, distractors %d)" % (
        len(people), roles["bq"], roles["bt"], roles["bd"]))
    for n in notes:
        print("note:", n)
    for e in errors:
        print("FAIL:", e)
    print("RESULT: %s (%d failures)" % ("PASS" if not errors else "FAIL", len(errors)))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
