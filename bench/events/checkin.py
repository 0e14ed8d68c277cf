#!/usr/bin/python3
"""Door check-in and encounters benchmark's load client (see checkin.sh). Standard library only.

checkin.py BASE DB OUT ATTENDEES SCANNERS CLIENTS SERVER_PID → prints one JSON object.

Every request goes through the HTTP API on loopback; the database file is only
read (row counts, read-only connection). Each concurrent client is one
keep-alive connection; member sessions are cookie + CSRF headers sent on it.
"""
import http.client, json, os, random, sqlite3, sys, threading, time, urllib.parse

BASE, DB, OUT = sys.argv[1], sys.argv[2], sys.argv[3]
N, SCANNERS, CLIENTS, SERVER_PID = (int(x) for x in sys.argv[4:8])
URL = urllib.parse.urlparse(BASE)
PASSWORD = open(os.path.join(OUT, "password")).read().strip()
HZ = os.sysconf("SC_CLK_TCK")
rng = random.Random(14)


def server_cpu_s():
    with open(f"/proc/{SERVER_PID}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / HZ  # utime + stime


def machine_ticks():
    """(busy, total) CPU ticks of the whole machine, from /proc/stat: how busy were the cores meanwhile?"""
    with open("/proc/stat") as f:
        v = [int(x) for x in f.readline().split()[1:]]
    return sum(v) - v[3] - v[4], sum(v)  # all but idle and iowait


def busy_pct(t0, t1):
    return round(100 * (t1[0] - t0[0]) / max(1, t1[1] - t0[1]), 1)


def load():
    return [round(x, 2) for x in os.getloadavg()]


class Client:
    """One concurrent client: one keep-alive connection to the server."""

    def __init__(self):
        self.conn = http.client.HTTPConnection(URL.hostname, URL.port, timeout=60)
        self.reconnects = 0

    def fresh(self):
        self.conn.close()
        self.conn = http.client.HTTPConnection(URL.hostname, URL.port, timeout=60)

    def request(self, method, path, headers, data=None):
        body = json.dumps(data) if data is not None else None
        for attempt in range(2):
            try:
                self.conn.request(method, path, body=body, headers=headers)
                r = self.conn.getresponse()
                return r.status, r.read().decode(), r.getheaders()
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                # The server closed an idle keep-alive connection: reconnect once (counted).
                self.fresh()
                self.reconnects += 1
                if attempt:
                    raise
        raise AssertionError("unreachable")


def headers_of(bearer=None):
    h = {"Content-Type": "application/json", "Accept": "application/json"}
    if bearer:
        h["Authorization"] = "Bearer " + bearer
    return h


def login(client, email):
    """A member's session: the headers to send (cookie, CSRF token) and the member id."""
    status, text, hdrs = client.request("POST", "/api/v1/auth/login", headers_of(), {"email": email, "password": PASSWORD})
    assert status == 200, (email, status, text)
    h = headers_of()
    h["Cookie"] = "; ".join(v.split(";")[0] for k, v in hdrs if k.lower() == "set-cookie")
    body = json.loads(text)
    h["X-CSRF-Token"] = body["csrf_token"]
    return {"headers": h, "member_id": body["member_id"], "email": email}


def call(client, method, path, session, data=None):
    status, text, _ = client.request(method, path, session["headers"], data)
    if status >= 300:
        raise RuntimeError(f"{method} {path}: {status} {text}")
    return json.loads(text) if text else None


def pct(xs, p):
    if not xs:
        return None
    xs = sorted(xs)
    return round(xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))], 2)


def stats(lat):
    return {"n": len(lat), "p50_ms": pct(lat, 50), "p95_ms": pct(lat, 95), "p99_ms": pct(lat, 99),
            "max_ms": round(max(lat), 2) if lat else None,
            "mean_ms": round(sum(lat) / len(lat), 2) if lat else None}


class Errors:
    """Non-2xx answers by status; a "database is locked" answer is also counted by name."""

    def __init__(self):
        self.by_status, self.samples, self.lock = {}, [], threading.Lock()

    def add(self, key, text):
        with self.lock:
            self.by_status[key] = self.by_status.get(key, 0) + 1
            if "database is locked" in text.lower():
                self.by_status["database_is_locked"] = self.by_status.get("database_is_locked", 0) + 1
            if len(self.samples) < 5:
                self.samples.append(f"{key}: {text[:200]}")

    def total(self):
        return sum(v for k, v in self.by_status.items() if k != "database_is_locked")

    def json(self):
        return {"total": self.total(), "by_status": dict(sorted(self.by_status.items())), "samples": self.samples}


SLOW_MS = 50  # requests slower than this are listed with their start (s into the phase): one stall or many?
phase = {"name": "setup", "t0": time.perf_counter()}
slow, slow_lock = {}, threading.Lock()


def start_phase(name):
    phase["name"], phase["t0"] = name, time.perf_counter()


def note_slow(t, ms):
    if ms > SLOW_MS:
        with slow_lock:
            slow.setdefault(phase["name"], []).append([round(t - phase["t0"], 3), round(ms, 1)])


def timed(client, method, path, headers, data, errors, lat, ok=(200, 201)):
    """One measured request: latency in ms into lat, a non-2xx answer into errors. Returns (status, body)."""
    t = time.perf_counter()
    try:
        status, text, _ = client.request(method, path, headers, data)
    except Exception as e:  # connection failure: an error too
        lat.append((time.perf_counter() - t) * 1000)
        errors.add("exception:" + type(e).__name__, str(e))
        return None, None
    lat.append((time.perf_counter() - t) * 1000)
    note_slow(t, lat[-1])
    if status not in ok:
        errors.add(str(status), text)
        return status, None
    return status, json.loads(text) if text else None


def run_threads(fn, parts):
    threads = [threading.Thread(target=fn, args=(i, p)) for i, p in enumerate(parts)]
    t0 = time.perf_counter()
    for t in threads: t.start()
    for t in threads: t.join()
    return time.perf_counter() - t0


def counts(event_id):
    """Row counts: the ledger (interactions) and what the event wrote, from a read-only connection."""
    c = sqlite3.connect(f"file:{DB}?mode=ro", uri=True)
    one = lambda q, *a: c.execute(q, a).fetchone()[0]
    tables = [r[0] for r in c.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
    enc = dict(c.execute("SELECT status, count(*) FROM encounters WHERE event_id = ? GROUP BY status", (event_id,)).fetchall())
    out = {
        "interactions": one("SELECT count(*) FROM interactions"),
        "interactions_of_event": one("SELECT count(*) FROM interactions WHERE event_id = ?", event_id),
        "met_at_event_encounter_rows": one("SELECT count(*) FROM interactions WHERE event_id = ? AND kind = 'met_at_event' "
                                           "AND source LIKE 'encounter:%'", event_id),
        "registrations_of_event": one("SELECT count(*) FROM registrations WHERE event_id = ?", event_id),
        "registrations_checked_in": one("SELECT count(*) FROM registrations WHERE event_id = ? AND checked_in_at IS NOT NULL "
                                        "AND checked_in_at > 0", event_id),
        "encounters": one("SELECT count(*) FROM encounters WHERE event_id = ?", event_id),
        "encounters_by_status": enc,
        "connect_codes": one("SELECT count(*) FROM connect_codes"),
        "event_notifications": one("SELECT count(*) FROM event_notifications"),
        "tables": {t: one(f'SELECT count(*) FROM "{t}"') for t in tables},
    }
    out["rows_all_tables"] = sum(out["tables"].values())
    c.close()
    return out


def delta(after, before):
    d = {k: after[k] - before[k] for k in after if isinstance(after[k], int)}
    d["tables_changed"] = {t: n - before["tables"].get(t, 0) for t, n in after["tables"].items()
                           if n != before["tables"].get(t, 0)}
    return d


result = {"attendees": N, "scanners": SCANNERS, "clients": CLIENTS, "cores": os.cpu_count(), "load_before": load()}
ok = True
problems = []

# --- Setup: the organizer, the congress, the registrations -------------------------------------------
setup = Client()
leader_email = open(os.path.join(OUT, "leader.txt")).read().strip()
leader = login(setup, leader_email)
claimant_emails = [e.strip() for e in open(os.path.join(OUT, "members.txt")) if e.strip()]
db = sqlite3.connect(f"file:{DB}?mode=ro", uri=True)
id_of = {e: i for e, i in db.execute("SELECT email, id FROM members")}
claimant_ids = [id_of[e] for e in claimant_emails]
visible = [r[0] for r in db.execute("SELECT id FROM members WHERE visibility <> 'hidden' ORDER BY id")]
db.close()
taken = set(claimant_ids) | {leader["member_id"]}
attendees = claimant_ids + [i for i in visible if i not in taken][:N - len(claimant_ids)]
assert len(attendees) == N, (len(attendees), N)

now = int(time.time())
start = now + 1800  # within the hour: encounter claims open 2 h before the start
ev = call(setup, "POST", "/api/v1/events", leader, {"title": "Congres check-in benchmark", "kind": "congress",
                                                      "starts_at": start, "ends_at": start + 10 * 3600, "capacity": 0})
event_id = ev["id"] if "id" in ev else ev["event"]["id"]
base = f"/api/v1/events/{event_id}"

reg_errors, reg_lat = Errors(), []
def register(i, chunk):
    c = Client()
    for m in chunk:
        timed(c, "POST", base + "/registrations", leader["headers"], {"member_id": m}, reg_errors, reg_lat)
start_phase("registration")
wall = run_threads(register, [attendees[i::CLIENTS] for i in range(CLIENTS)])
result["registration"] = {"seconds": round(wall, 2), **stats(reg_lat), "errors": reg_errors.json()}
ok &= reg_errors.total() == 0

codes = {}
for offset in range(0, N + 500, 500):  # bounded: N registrations, 500 a page
    page = call(setup, "GET", f"{base}/registrations?status=registered&limit=500&offset={offset}", leader)
    for r in page["items"]:
        codes[r["member_id"]] = r["checkin_code"]
    if offset + 500 >= page["total"]:
        break
assert len(codes) == N, (len(codes), N)

# --- 1. Door check-in: SCANNERS leader sessions (one per phone at the door) ----------------------------
scanners = []
for _ in range(SCANNERS):
    c = Client()
    scanners.append((c, login(c, leader_email)))
rows0 = counts(event_id)
order = list(codes.values())
rng.shuffle(order)  # people arrive in any order
ci_errors, ci_lat, done = Errors(), [[] for _ in range(SCANNERS)], []
done_lock = threading.Lock()
barrier = threading.Barrier(SCANNERS)
cpu0, load_ci, m0 = server_cpu_s(), load(), machine_ticks()
def scan(i, chunk):
    c, s = scanners[i]
    c.fresh()
    barrier.wait()
    for code in chunk:
        timed(c, "POST", base + "/checkin", s["headers"], {"code": code}, ci_errors, ci_lat[i])
        with done_lock:
            done.append(ci_lat[i][-1])  # in completion order: does a check-in slow down as the hall fills?
start_phase("checkin")
wall = run_threads(scan, [order[i::SCANNERS] for i in range(SCANNERS)])
cpu1, m1 = server_cpu_s(), machine_ticks()
rows1 = counts(event_id)
lat = [x for xs in ci_lat for x in xs]
q = max(1, len(done) // 4)
result["checkin"] = {
    **stats(lat), "seconds": round(wall, 3), "checkins_per_s": round(len(lat) / wall, 1),
    "first_quarter": {"p50_ms": pct(done[:q], 50), "p99_ms": pct(done[:q], 99)},
    "last_quarter": {"p50_ms": pct(done[-q:], 50), "p99_ms": pct(done[-q:], 99)},
    "errors": ci_errors.json(), "server_cpu_s": round(cpu1 - cpu0, 2), "machine_cpu_busy_pct": busy_pct(m0, m1),
    "load_before": load_ci, "load_after": load(),
}
ok &= ci_errors.total() == 0 and rows1["registrations_checked_in"] == N
if rows1["interactions"] != rows0["interactions"]:
    ok = False
    problems.append("check-in wrote ledger rows")

# --- 2. Encounters at the borrel ---------------------------------------------------------------------
members = [None] * len(claimant_emails)
login_lat, login_errors = [], Errors()
def do_login(i, idxs):
    c = Client()
    for k in idxs:
        t = time.perf_counter()
        try:
            members[k] = login(c, claimant_emails[k])
        except Exception as e:  # noqa: BLE001 - counted, the member then does not take part
            login_errors.add("login", str(e))
        login_lat.append((time.perf_counter() - t) * 1000)
K = len(claimant_emails)
wall = run_threads(do_login, [list(range(i, K, CLIENTS)) for i in range(CLIENTS)])
result["member_logins"] = {"n": K, "seconds": round(wall, 2), "p50_ms": pct(login_lat, 50), "errors": login_errors.json()}
assert login_errors.total() == 0, login_errors.json()

clients = [Client() for _ in range(CLIENTS)]
code_lat, code_errors = [[] for _ in range(CLIENTS)], Errors()
conn_code = [None] * K
def get_codes(i, idxs):
    for k in idxs:
        _, body = timed(clients[i], "GET", "/api/v1/me/connect-code", members[k]["headers"], None, code_errors, code_lat[i])
        if body:
            conn_code[k] = body["code"]
start_phase("connect_code")
run_threads(get_codes, [list(range(i, K, CLIENTS)) for i in range(CLIENTS)])
assert all(conn_code), "a connect code is missing"

# Claims: member k claims the next two in a shuffled ring (2K distinct pairs, nobody claims back yet).
ring = list(range(K))
rng.shuffle(ring)
pos = {k: p for p, k in enumerate(ring)}
nxt = lambda k, d: ring[(pos[k] + d) % K]
rows2 = counts(event_id)
claim_lat, claim_errors = [[] for _ in range(CLIENTS)], Errors()
claim_id = {}  # (claimant, other) → encounter id
pending_seen = [0]
cpu2, load_cl, m2 = server_cpu_s(), load(), machine_ticks()
def claim(i, idxs):
    c = clients[i]
    c.fresh()
    for k in idxs:
        for d in (1, 2):
            o = nxt(k, d)
            _, body = timed(c, "POST", base + "/encounters", members[k]["headers"], {"code": conn_code[o]}, claim_errors,
                            claim_lat[i])
            if body:
                claim_id[(k, o)] = body["id"]
                if body["status"] == "pending":
                    with done_lock:
                        pending_seen[0] += 1
start_phase("claim")
wall_claims = run_threads(claim, [list(range(i, K, CLIENTS)) for i in range(CLIENTS)])
cpu3, m3 = server_cpu_s(), machine_ticks()
rows3 = counts(event_id)

# Half of the claims become real, by the other side: the claim k → next(k, 1) is confirmed by
# next(k, 1) — by POST /encounters/{id}/confirm when k's ring position is even, else by claiming back.
conf_lat, back_lat, conf_errors = [[] for _ in range(CLIENTS)], [[] for _ in range(CLIENTS)], Errors()
confirmed_seen = [0]
def confirm(i, actors):
    c = clients[i]
    c.fresh()
    for a in actors:  # a confirms the claim of the member before them in the ring
        k = nxt(a, -1)
        if (k, a) not in claim_id:  # the claim failed (already counted): nothing to confirm
            conf_errors.add("no_claim", f"no encounter id for {k} -> {a}")
            continue
        if pos[k] % 2 == 0:
            _, body = timed(c, "POST", f"/api/v1/encounters/{claim_id[(k, a)]}/confirm", members[a]["headers"], None,
                            conf_errors, conf_lat[i])
        else:
            _, body = timed(c, "POST", base + "/encounters", members[a]["headers"], {"code": conn_code[k]}, conf_errors,
                            back_lat[i])
        if body and body["status"] == "confirmed":
            with done_lock:
                confirmed_seen[0] += 1
start_phase("confirm_and_claim_back")
wall_confirm = run_threads(confirm, [list(range(i, K, CLIENTS)) for i in range(CLIENTS)])
cpu4, m4 = server_cpu_s(), machine_ticks()
rows4 = counts(event_id)
flat = lambda xss: [x for xs in xss for x in xs]
result["encounters"] = {
    "claimants": K, "claims": 2 * K, "made_real": K,
    "connect_code": {**stats(flat(code_lat)), "errors": code_errors.json()},
    "claim": {**stats(flat(claim_lat)), "seconds": round(wall_claims, 2),
              "per_s": round(len(flat(claim_lat)) / wall_claims, 1), "answered_pending": pending_seen[0],
              "errors": claim_errors.json(), "server_cpu_s": round(cpu3 - cpu2, 2),
              "machine_cpu_busy_pct": busy_pct(m2, m3), "load_before": load_cl},
    "confirm": stats(flat(conf_lat)),  # errors: under confirm_and_claim_back
    "claim_back": stats(flat(back_lat)),
    "confirm_and_claim_back": {**stats(flat(conf_lat) + flat(back_lat)), "seconds": round(wall_confirm, 2),
                               "answered_confirmed": confirmed_seen[0], "errors": conf_errors.json(),
                               "server_cpu_s": round(cpu4 - cpu3, 2),
                               "machine_cpu_busy_pct": busy_pct(m3, m4)},
    "reconnects": sum(c.reconnects for c in clients),
}
ok &= code_errors.total() == 0 and claim_errors.total() == 0 and conf_errors.total() == 0
# The ledger: check-in adds nothing; claims add nothing; each confirmed pair adds exactly one row.
expect = {"ledger_rows_after_checkin": (rows1["interactions"] - rows0["interactions"], 0),
          "ledger_rows_after_claims": (rows3["interactions"] - rows0["interactions"], 0),
          "ledger_rows_after_confirms": (rows4["interactions"] - rows0["interactions"], K),
          "encounter_ledger_rows": (rows4["met_at_event_encounter_rows"], K),
          "encounters_rows": (rows4["encounters"], 2 * K),
          "encounters_confirmed": (rows4["encounters_by_status"].get("confirmed", 0), K),
          "encounters_pending": (rows4["encounters_by_status"].get("pending", 0), K)}
result["ledger_check"] = {k: {"got": g, "expected": e} for k, (g, e) in expect.items()}
for k, (g, e) in expect.items():
    if g != e:
        ok = False
        problems.append(f"{k}: {g} != {e}")
result["rows"] = {"delta_checkin": delta(rows1, rows0), "delta_codes_and_logins": delta(rows2, rows1),
                  "delta_claims": delta(rows3, rows2), "delta_confirms": delta(rows4, rows3)}
for name, r in (("before_checkin", rows0), ("after_checkin", rows1), ("before_claims", rows2),
                ("after_claims", rows3), ("after_confirms", rows4)):
    result["rows"][name] = {k: v for k, v in r.items() if k != "tables"}
result["reconnects"] = sum(c.reconnects for c, _ in scanners) + result["encounters"]["reconnects"]
result["slow_requests_over_50ms"] = {k: {"n": len(v), "first_20_[s_into_phase,ms]": sorted(v)[:20]}
                                     for k, v in slow.items()}
result["load_after"] = load()
result["ok"] = bool(ok)
result["problems"] = problems
print(json.dumps(result, indent=1))
sys.exit(0 if ok else 1)
