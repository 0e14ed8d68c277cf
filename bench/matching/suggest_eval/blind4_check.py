#!/usr/bin/env python3
"""Checker for blind4_pairs.json (blind evaluation set for whom-to-meet suggestions).
Usage: python3 bench/matching/suggest_eval/blind4_check.py [blind4_pairs.json] [pool.json]"""
import json, os, re, sys, collections
here = os.path.dirname(os.path.abspath(__file__))
path = sys.argv[1] if len(sys.argv) > 1 else here + '/blind4_pairs.json'
pool = sys.argv[2] if len(sys.argv) > 2 else here + '/pool.json'
STOP = set("""the and for with our are was were but not you your their they them this that these those
from into onto over under than then when what which who whom why how all any can cannot could would should
will just too very more most much many few out off its it's has have had does did done get gets got been being
about also only even still ever never each every some such own same other others here there where because
while after before until again once both per via her his she him who i'm we're don't can't won't isn't
een het van voor met niet zijn ook maar dat die dan als bij naar over door wij ons onze jij zij hun hen
wat wie hoe waar wanneer omdat want dus nog wel geen meer veel elke ieder deze dit der des aan uit tot
hebben heeft had was waren wordt worden werd kan kunnen moet moeten mag willen wil zou zouden
steeds vaak alle zich zelf mijn mij ik je jullie men iemand niemand niets iets ook om te er
""".split())
def words(s):
    s = s.lower().replace("'s", " ")
    return [w for w in re.split(r"[^0-9a-zà-ÿ]+", s) if w]
def content(s):
    return {w for w in words(s) if len(w) >= 3 and w not in STOP}
errs = []
d = json.load(open(path))
P = json.load(open(pool))['attendees']
A = d['attendees']
ids = [a['id'] for a in A]
for i, c in collections.Counter(ids).items():
    if c > 1: errs.append(f'duplicate attendee id {i}')
poolids = {a['id'] for a in P}
for i in ids:
    if i in poolids: errs.append(f'id {i} clashes with pool')
by = {a['id']: a for a in A}
SECT = {'care', 'industry', 'education', 'government', 'finance'}
LANGS = [['nl'], ['en'], ['nl', 'en']]
for a in A:
    if a['sector'] not in SECT: errs.append(f"{a['id']} bad sector")
    if a['languages'] not in LANGS: errs.append(f"{a['id']} bad languages")
    if not a.get('organization'): errs.append(f"{a['id']} no organization")
    t = a['expertise']['tags']
    if not 1 <= len(t) <= 3: errs.append(f"{a['id']} tags count {len(t)}")
    n = len(a['expertise']['text'].split())
    if not 6 <= n <= 25: errs.append(f"{a['id']} expertise text {n} words")
    if not a['challenges']: errs.append(f"{a['id']} no challenge")
    for ch in a['challenges']:
        n = len(ch.split())
        if not 8 <= n <= 25: errs.append(f"{a['id']} challenge {n} words")
pairs = d['pairs']
pids = [p['id'] for p in pairs]
if sorted(pids) != list(range(401, 461)): errs.append('pair ids not exactly 401..460')
kinds = collections.Counter(p['kind'] for p in pairs)
if kinds != {'nl': 20, 'en': 20, 'mixed': 20}: errs.append(f'kinds {dict(kinds)}')
qs = collections.Counter(p['query'] for p in pairs)
ts = collections.Counter(p['target'] for p in pairs)
for q, c in qs.items():
    if c > 1: errs.append(f'query {q} used {c} times')
for t, c in ts.items():
    if c > 1: errs.append(f'target {t} used {c} times')
sect = collections.Counter()
mixdir = collections.Counter()
for p in pairs:
    if p['query'] not in by or p['target'] not in by:
        errs.append(f"pair {p['id']} references missing id"); continue
    if not p.get('link'): errs.append(f"pair {p['id']} no link note")
    q, t = by[p['query']], by[p['target']]
    if not q['id'].startswith('cq') or not t['id'].startswith('ct'): errs.append(f"pair {p['id']} id prefixes")
    sect[q['sector']] += 1
    if q['sector'] == t['sector']: errs.append(f"pair {p['id']} same sector")
    ql, tl = q['languages'], t['languages']
    if p['kind'] == 'nl' and not (ql == ['nl'] and tl == ['nl']): errs.append(f"pair {p['id']} kind nl but langs {ql} {tl}")
    if p['kind'] == 'en' and not (ql == ['en'] and tl == ['en']): errs.append(f"pair {p['id']} kind en but langs {ql} {tl}")
    if p['kind'] == 'mixed':
        if ql == ['nl'] and tl == ['en']: mixdir['nl->en'] += 1
        elif ql == ['en'] and tl == ['nl']: mixdir['en->nl'] += 1
        else: errs.append(f"pair {p['id']} mixed but langs {ql} {tl}")
    cw = set().union(*[content(c) for c in q['challenges']])
    ew = content(' '.join(t['expertise']['tags']) + ' ' + t['expertise']['text'])
    sh = cw & ew
    if sh: errs.append(f"pair {p['id']} shared words {sorted(sh)}")
    pre = {(a, b) for a in cw for b in ew if len(a) >= 5 and len(b) >= 5 and a[:5] == b[:5]}
    if pre: errs.append(f"pair {p['id']} shared 5-prefix {sorted(pre)}")
if any(v != 12 for v in sect.values()) or len(sect) != 5: errs.append(f'queries per sector {dict(sect)}')
if mixdir != {'nl->en': 10, 'en->nl': 10}: errs.append(f'mixed directions {dict(mixdir)}')
nd = sum(1 for a in A if a['id'].startswith('cd'))
if nd < 25: errs.append(f'only {nd} distractors')
used = set(qs) | set(ts)
for a in A:
    if not a['id'].startswith('cd') and a['id'] not in used: errs.append(f"{a['id']} unused")
print(f'attendees {len(A)} (queries {len(qs)}, targets {len(ts)}, distractors {nd}); pairs {len(pairs)}')
print('kinds', dict(kinds), 'mixed', dict(mixdir))
print('queries per sector', dict(sorted(sect.items())))
print('target sectors', dict(sorted(collections.Counter(by[p["target"]]["sector"] for p in pairs).items())))
if errs:
    print(f'FAIL ({len(errs)})'); [print('  ' + e) for e in errs]; sys.exit(1)
print('OK: all checks pass')
