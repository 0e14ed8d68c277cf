#!/usr/bin/python3
"""Writes under concurrency (issue #16): the load client of bench/platform/writes.sh. Standard library only.

  writes.py run BASE OUT BACKEND DB SERVER_PID   → one JSON object on stdout (the run's figures)
  writes.py table RESULT.json ...                → the comparison table (Markdown) of finished runs

Inputs in OUT (written by writes.sh): password, organizer.txt (an organizer's e-mail), accounts.txt
("id|email", members with an account), pool.txt (member ids the organizer registers for the door),
connected.txt ("a|b", connection rows already pending or accepted between two accounts).
Environment: CLIENTS (64), PROCS (4 client processes, so Python's GIL is not one queue for all),
DURATION (30 s), SEED (16), RATE (unset: closed loop; a number: open loop at RATE requests/s in all).

Closed loop (no RATE) measures the server at saturation: with no think time, 64 clients keep 64
requests in flight, so by Little's law the mean latency is 64 / throughput whatever the server
does per request. Open loop (RATE=N) is a congress evening: phones send when their user acts, at
Poisson times averaging N requests/s over all clients, whether or not earlier answers came back;
latency counts from the scheduled send time, so a late send (the client still waiting) is counted
against the server (no coordinated omission).

The mix, each of CLIENTS closed-loop clients (one keep-alive connection, no think time) choosing
by weight at every step; a kind with no work available (an empty inbox) falls through to the next:
  profile             PATCH /members/{own id} {"title", "bio"}
  register / cancel   POST /events/{drinks}/registrations {} as the member, then DELETE
                      /events/{drinks}/registration, and again (one member, one state: no 409)
  meeting_request     POST /events/{congress}/meeting-requests {"to", "message"} — every pair of
                      accounts at most once, both registered (setup), so no "already asked"
  meeting_answer      POST /meeting-requests/{id}/accept (3 in 4) or /decline, by the recipient
  checkin             POST /events/{congress}/checkin {"code"} by an organizer (8 door sessions),
                      every code once
  connection_request  POST /connections {"to"} — only pairs without a pending/accepted row
  connection_accept   POST /connections/{id}/accept, by the recipient
Every member (account) belongs to one client, so its state is never raced by the bench itself;
requests to a member on another client reach it through a queue ("inbox").
A 409 is counted apart (it would be a conflict the mix should not cause); any other non-2xx and any
failed connection is an error. Latency is the client's (send → whole answer read), per kind and
overall; the server's own histogram (/metrics, bucket upper bounds) is given alongside.
"""
import collections, http.client, json, multiprocessing, os, random, subprocess, sys, threading, time, urllib.parse

WEIGHTS = [("profile", 15), ("registration", 20), ("meeting_request", 12), ("meeting_answer", 12),
           ("checkin", 15), ("connection_request", 13), ("connection_accept", 13)]
KINDS = ["profile", "register", "cancel", "meeting_request", "meeting_accept", "meeting_decline", "checkin",
         "connection_request", "connection_accept"]
SERVER_ROUTES = {  # /metrics route label → kind, for the server-side figures
    ("PATCH", "/api/v1/members/:id"): "profile",
    ("POST", "/api/v1/events/:id/registrations"): "register",
    ("DELETE", "/api/v1/events/:id/registration"): "cancel",
    ("POST", "/api/v1/events/:id/meeting-requests"): "meeting_request",
    ("POST", "/api/v1/meeting-requests/:id/accept"): "meeting_accept",
    ("POST", "/api/v1/meeting-requests/:id/decline"): "meeting_decline",
    ("POST", "/api/v1/events/:id/checkin"): "checkin",
    ("POST", "/api/v1/connections"): "connection_request",
    ("POST", "/api/v1/connections/:id/accept"): "connection_accept",
}


def pct(xs, p):
    if not xs:
        return None
    return round(xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))], 1)


def stats(lat):
    xs = sorted(lat)
    return {"n": len(xs), "p50_ms": pct(xs, 50), "p95_ms": pct(xs, 95), "p99_ms": pct(xs, 99),
            "max_ms": round(xs[-1], 1) if xs else None, "mean_ms": round(sum(xs) / len(xs), 1) if xs else None}


# ---------------------------------------------------------------------------------------------- table
def table(paths):
    rows = [json.load(open(p)) for p in paths]
    out = ["| backend | run | load | requests | req/s | p50 | p99 | max | errors by status | 409s | server p99 (histogram) |",
           "|---|---|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        o = r["overall"]
        errs = ", ".join(f"{k}: {v}" for k, v in sorted(r["errors_by_status"].items())) or "0"
        sp99 = max((v["p99_le_ms"] for v in r["server_side"].values() if v["p99_le_ms"] is not None), default=None)
        load = f"open, {r['offered_rate']:g}/s" if r.get("offered_rate") else "closed loop"
        out.append(f"| {r['backend']} | {r['run']} | {load} | {o['n']:,} | {r['requests_per_s']:,} | {o['p50_ms']} ms | "
                   f"{o['p99_ms']} ms | {o['max_ms']} ms | {errs} | {r['conflicts_409']['total']} | ≤ {sp99} ms |")
    out += ["", "| backend | run | kind | n | p50 | p99 | max | non-2xx |", "|---|---|---|---|---|---|---|---|"]
    for r in rows:
        for k in KINDS:
            s = r["kinds"].get(k)
            if not s or not s["n"]:
                continue
            bad = ", ".join(f"{st}: {n}" for st, n in sorted(s["status"].items()) if not st.startswith("2")) or "0"
            out.append(f"| {r['backend']} | {r['run']} | {k} | {s['n']:,} | {s['p50_ms']} | {s['p99_ms']} | "
                       f"{s['max_ms']} | {bad} |")
    print("\n".join(out))


# ---------------------------------------------------------------------------------------------- client
class Client:
    """One concurrent client: one keep-alive connection to the server."""

    def __init__(self, url):
        self.url = url
        self.conn = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
        self.reconnects = 0

    def fresh(self):
        self.conn.close()
        self.conn = http.client.HTTPConnection(self.url.hostname, self.url.port, timeout=60)

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


def base_headers():
    return {"Content-Type": "application/json", "Accept": "application/json"}


def login(client, email, password):
    status, text, hdrs = client.request("POST", "/api/v1/auth/login", base_headers(),
                                        {"email": email, "password": password})
    assert status == 200, (email, status, text)
    h = base_headers()
    h["Cookie"] = "; ".join(v.split(";")[0] for k, v in hdrs if k.lower() == "set-cookie")
    body = json.loads(text)
    h["X-CSRF-Token"] = body["csrf_token"]
    return {"headers": h, "member_id": body["member_id"]}


def call(client, method, path, session, data=None, ok=(200, 201)):
    status, text, _ = client.request(method, path, session["headers"], data)
    if status not in ok:
        raise RuntimeError(f"setup: {method} {path}: {status} {text}")
    return json.loads(text) if text else None


def parallel(fn, items, n):
    """fn(client, item) for every item on n threads; returns the results in order."""
    out = [None] * len(items)

    def work(i):
        c = Client(URL)
        for k in range(i, len(items), n):
            out[k] = fn(c, items[k])
    threads = [threading.Thread(target=work, args=(i,)) for i in range(n)]
    for t in threads: t.start()
    for t in threads: t.join()
    return out


def sql_lines(backend, db, query):
    cmd = ["sqlite3", db, query] if backend == "sqlite" else ["psql", db, "-Atc", query]
    return [l.split("|") for l in subprocess.run(cmd, check=True, capture_output=True, text=True).stdout.split("\n") if l]


def sql_one(backend, db, query):
    return int(sql_lines(backend, db, query)[0][0] or 0)


def server_cpu_s(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def machine_ticks():
    with open("/proc/stat") as f:
        v = [int(x) for x in f.readline().split()[1:]]
    return sum(v) - v[3] - v[4], sum(v)


def metrics(client):
    """The server's request histogram: {(method, route): (counts per bucket incl. +Inf, [upper bounds])}."""
    _, text, _ = client.request("GET", "/metrics", {})
    out = {}
    for line in text.splitlines():
        if not line.startswith("verbinder_http_request_duration_seconds_bucket{"):
            continue
        labels, value = line[line.index("{") + 1:line.rindex("}")], float(line.rsplit(" ", 1)[1])
        d = dict(kv.split("=", 1) for kv in labels.split(","))
        key = (d["method"].strip('"'), d["route"].strip('"'))
        le = d["le"].strip('"')
        out.setdefault(key, []).append((float("inf") if le == "+Inf" else float(le), value))
    return out


def server_side(before, after):
    res = {}
    for key, kind in SERVER_ROUTES.items():
        a = dict(after.get(key, []))
        b = dict(before.get(key, []))
        cum = sorted((le, a[le] - b.get(le, 0)) for le in a)
        n = cum[-1][1] if cum else 0

        def q(p):
            for le, c in cum:
                if n and c >= p * n:
                    return None if le == float("inf") else round(le * 1000, 1)
            return None
        over = lambda s: round(100 * (n - dict(cum).get(s, n)) / n, 2) if n else None
        res[kind] = {"n": int(n), "p50_le_ms": q(0.5), "p99_le_ms": q(0.99), "pct_over_50ms": over(0.05),
                     "pct_over_100ms": over(0.1)}
    return res


# ---------------------------------------------------------------------------------------------- run
def run(base, out, backend, db, server_pid):
    global URL
    URL = urllib.parse.urlparse(base)
    CLIENTS = int(os.environ.get("CLIENTS", 64))
    PROCS = min(int(os.environ.get("PROCS", 4)), CLIENTS)
    DURATION = float(os.environ.get("DURATION", 30))
    RATE = float(os.environ["RATE"]) if os.environ.get("RATE") else None
    SEED = int(os.environ.get("SEED", 16))
    RUN = os.environ.get("RUN", "1")
    rng = random.Random(SEED)
    password = open(os.path.join(out, "password")).read().strip()
    accounts = [(int(i), e) for i, e in (l.strip().split("|") for l in open(os.path.join(out, "accounts.txt")) if l.strip())]
    pool = [int(l) for l in open(os.path.join(out, "pool.txt")) if l.strip()]
    connected = {tuple(sorted((int(a), int(b)))) for a, b in
                 (l.strip().split("|") for l in open(os.path.join(out, "connected.txt")) if l.strip())}
    result = {"backend": backend, "run": RUN, "clients": CLIENTS, "offered_rate": RATE, "client_processes": PROCS, "duration_s": DURATION,
              "accounts": len(accounts), "cores": os.cpu_count()}
    log = lambda *a: print(*a, file=sys.stderr, flush=True)

    # --- setup (not measured): the organizer, two events, registrations, logins -----------------
    t_setup = time.perf_counter()
    setup = Client(URL)
    organizer_email = open(os.path.join(out, "organizer.txt")).read().strip()
    org = login(setup, organizer_email, password)
    now = int(time.time())
    congress = call(setup, "POST", "/api/v1/events", org, {
        "title": f"Writes bench congress {RUN}", "kind": "congress", "starts_at": now + 1800,
        "ends_at": now + 1800 + 10 * 3600, "capacity": 0})
    drinks = call(setup, "POST", "/api/v1/events", org, {
        "title": f"Writes bench drinks {RUN}", "kind": "network_drinks", "starts_at": now + 14 * 86400,
        "ends_at": now + 14 * 86400 + 3 * 3600, "capacity": 0})
    E = congress["id"] if "id" in congress else congress["event"]["id"]
    D = drinks["id"] if "id" in drinks else drinks["event"]["id"]
    # Every account attends the congress (meeting requests need both registered); the pool walks
    # through the door (check-in codes). Registered by the organizer, 8 at a time.
    regs = parallel(lambda c, m: call(c, "POST", f"/api/v1/events/{E}/registrations", org, {"member_id": m}),
                    [i for i, _ in accounts] + pool, 8)
    codes = [r["checkin_code"] for r in regs[len(accounts):]]
    sessions = dict(zip([i for i, _ in accounts],
                        parallel(lambda c, a: login(c, a[1], password), accounts, 8)))
    # One at a time: the server counts a sign-in as a guess until it succeeds, so more than 5
    # simultaneous sign-ins to one account from one address get 429 (see docs/performance.md).
    scanners = [login(setup, organizer_email, password) for _ in range(8)]
    for i, s in sessions.items():
        assert s["member_id"] == i, (i, s["member_id"])
    result["setup_s"] = round(time.perf_counter() - t_setup, 1)
    result["events"] = {"congress": E, "drinks": D}
    result["door_codes"] = len(codes)
    log(f"  setup {result['setup_s']} s: congress {E} ({len(accounts)} accounts + {len(codes)} at the door), drinks {D}")

    # --- who does what -------------------------------------------------------------------------
    ids = [i for i, _ in accounts]
    owner = {m: k % CLIENTS for k, m in enumerate(ids)}
    proc_of = lambda t: t % PROCS
    members_of = [[m for m in ids if owner[m] == t] for t in range(CLIENTS)]
    pairs = [(a, b) for x, a in enumerate(ids) for b in ids[x + 1:]]
    meet_pairs, conn_pairs = [[] for _ in range(CLIENTS)], [[] for _ in range(CLIENTS)]
    for lists, candidates in ((meet_pairs, pairs), (conn_pairs, [p for p in pairs if p not in connected])):
        cand = candidates[:]
        rng.shuffle(cand)
        for a, b in cand:
            if rng.random() < 0.5:
                a, b = b, a  # the sender is either one
            lists[owner[a]].append((a, b))
    result["pairs_available"] = {"meeting": len(pairs), "connection": sum(map(len, conn_pairs))}
    codes_of = [codes[t::CLIENTS] for t in range(CLIENTS)]
    m0 = metrics(setup)

    ctx = multiprocessing.get_context("fork")
    inboxes = [ctx.Queue() for _ in range(PROCS)]
    results = ctx.Queue()
    start_at = time.time() + 1.5
    end_at = start_at + DURATION

    def process(p):
        inbox = collections.defaultdict(collections.deque)  # (kind, member) → request ids
        stop = threading.Event()

        def drain():
            while not stop.is_set():
                try:
                    kind, rid, to = inboxes[p].get(timeout=0.1)
                except Exception:  # queue.Empty
                    continue
                inbox[(kind, to)].append(rid)
        threading.Thread(target=drain, daemon=True).start()
        per = {}

        def worker(t):
            c = Client(URL)
            r = random.Random(SEED * 1000 + t)
            mine = members_of[t]
            registered = {m: False for m in mine}
            meets, conns, door = collections.deque(meet_pairs[t]), collections.deque(conn_pairs[t]), collections.deque(codes_of[t])
            scanner = scanners[t % len(scanners)]
            lat = {k: [] for k in KINDS}
            status = {k: collections.Counter() for k in KINDS}
            samples, slow, fallthrough = {}, collections.Counter(), collections.Counter()
            total_w = sum(w for _, w in WEIGHTS)

            scheduled = [None]  # open loop: the perf_counter time this request was due

            def do(kind, method, path, session, data=None):
                t0 = scheduled[0] if scheduled[0] is not None else time.perf_counter()
                try:
                    st, text, _ = c.request(method, path, session["headers"], data)
                except Exception as e:  # a failed connection is an error too
                    st, text = "exception:" + type(e).__name__, str(e)
                ms = (time.perf_counter() - t0) * 1000
                lat[kind].append(ms)
                status[kind][str(st)] += 1
                if ms > 50:
                    slow[int(time.time() - start_at)] += 1
                if not (isinstance(st, int) and 200 <= st < 300):
                    key = f"{st} {kind}"
                    if len(samples.setdefault(key, [])) < 3:
                        samples[key].append(f"{method} {path} {json.dumps(data) if data else ''} -> {text[:300]}")
                    return st, None
                return st, json.loads(text) if text else None

            def profile():
                m = r.choice(mine)
                do("profile", "PATCH", f"/api/v1/members/{m}", sessions[m],
                   {"title": r.choice(["Adviseur", "Teamleider", "Programmamanager", "Inkoper"]),
                    "bio": f"Bezig met {r.choice(['roostering', 'lean', 'energie', 'stages'])} (bench {r.randrange(10**6)})."})
                return True

            def registration():
                m = r.choice(mine)
                if not registered[m]:
                    st, _ = do("register", "POST", f"/api/v1/events/{D}/registrations", sessions[m], {})
                    if st == 201 or st == 409:
                        registered[m] = True
                else:
                    st, _ = do("cancel", "DELETE", f"/api/v1/events/{D}/registration", sessions[m])
                    if st == 200 or st == 409:
                        registered[m] = False
                return True

            def meeting_request():
                if not meets:
                    return False
                a, b = meets.popleft()
                st, body = do("meeting_request", "POST", f"/api/v1/events/{E}/meeting-requests", sessions[a],
                              {"to": b, "message": "Zullen we even koffie drinken bij de stand?"})
                if body:
                    inboxes[proc_of(owner[b])].put(("meet", body["id"], b))
                return True

            def answer(kind_key):
                for m in mine:
                    q = inbox[(kind_key, m)]
                    if q:
                        return m, q.popleft()
                return None, None

            def meeting_answer():
                m, rid = answer("meet")
                if rid is None:
                    return False
                verb = "accept" if r.random() < 0.75 else "decline"
                do("meeting_" + verb, "POST", f"/api/v1/meeting-requests/{rid}/{verb}", sessions[m])
                return True

            def checkin():
                if not door:
                    return False
                do("checkin", "POST", f"/api/v1/events/{E}/checkin", scanner, {"code": door.popleft()})
                return True

            def connection_request():
                if not conns:
                    return False
                a, b = conns.popleft()
                st, body = do("connection_request", "POST", "/api/v1/connections", sessions[a], {"to": b})
                if body:
                    inboxes[proc_of(owner[b])].put(("conn", body["id"], b))
                return True

            def connection_accept():
                m, rid = answer("conn")
                if rid is None:
                    return False
                do("connection_accept", "POST", f"/api/v1/connections/{rid}/accept", sessions[m])
                return True

            fns = {"profile": profile, "registration": registration, "meeting_request": meeting_request,
                   "meeting_answer": meeting_answer, "checkin": checkin, "connection_request": connection_request,
                   "connection_accept": connection_accept}
            names = [k for k, _ in WEIGHTS]
            time.sleep(max(0.0, start_at - time.time()))
            next_at = time.perf_counter()
            while time.time() < end_at:
                if RATE:  # open loop: this client's share of RATE, Poisson arrivals
                    next_at += r.expovariate(RATE / CLIENTS)
                    time.sleep(max(0.0, next_at - time.perf_counter()))
                    scheduled[0] = next_at
                x = r.uniform(0, total_w)
                i = 0
                while x > WEIGHTS[i][1]:
                    x -= WEIGHTS[i][1]
                    i += 1
                for j in range(len(names)):  # no work for this kind: the next one
                    if fns[names[(i + j) % len(names)]]():
                        break
                    fallthrough[names[(i + j) % len(names)]] += 1
            per[t] = {"lat": lat, "status": {k: dict(v) for k, v in status.items()}, "samples": samples,
                      "slow": dict(slow), "fallthrough": dict(fallthrough), "reconnects": c.reconnects,
                      "registered_at_end": sum(registered.values()),
                      "unused": {"meeting_pairs": len(meets), "connection_pairs": len(conns), "door_codes": len(door)}}

        threads = [threading.Thread(target=worker, args=(t,)) for t in range(CLIENTS) if proc_of(t) == p]
        for th in threads: th.start()
        for th in threads: th.join()
        wall = time.time() - start_at
        stop.set()
        u = os.times()
        results.put({"per": per, "wall": wall, "cpu_s": u.user + u.system})

    load_before = [round(x, 2) for x in os.getloadavg()]
    cpu0, mt0 = server_cpu_s(server_pid), machine_ticks()
    procs = [ctx.Process(target=process, args=(p,)) for p in range(PROCS)]
    for pr in procs: pr.start()
    parts = [results.get() for _ in procs]  # before join: a child blocks until its result is read
    for pr in procs: pr.join()
    cpu1, mt1 = server_cpu_s(server_pid), machine_ticks()
    m1 = metrics(setup)
    wall = max(p["wall"] for p in parts)

    # --- figures -------------------------------------------------------------------------------
    per = {}
    for p in parts:
        per.update(p["per"])
    kinds, all_lat = {}, []
    errors, conflicts, samples = collections.Counter(), collections.Counter(), {}
    slow, fallthrough = collections.Counter(), collections.Counter()
    for k in KINDS:
        lat = [x for w in per.values() for x in w["lat"][k]]
        st = collections.Counter()
        for w in per.values():
            st.update(w["status"][k])
        all_lat += lat
        kinds[k] = {**stats(lat), "status": dict(sorted(st.items()))}
        for s, n in st.items():
            if s == "409":
                conflicts[k] += n
            elif not s.startswith("2"):
                errors[s] += n
    for w in per.values():
        for key, v in w["samples"].items():
            samples.setdefault(key, []).extend(v[:3 - len(samples.get(key, []))])
        slow.update({int(s): n for s, n in w["slow"].items()})
        fallthrough.update(w["fallthrough"])
    result.update({
        "requests_per_s": round(len(all_lat) / wall, 1), "wall_s": round(wall, 2), "overall": stats(all_lat),
        "kinds": kinds, "errors_by_status": dict(sorted(errors.items())), "errors_total": sum(errors.values()),
        "conflicts_409": {"total": sum(conflicts.values()), "by_kind": dict(conflicts)},
        "non_2xx_samples": samples,
        "requests_over_50ms_by_second": [slow.get(s, 0) for s in range(int(DURATION) + 1)],
        "no_work_fallthrough": dict(fallthrough),
        "server_side": server_side(m0, m1),
        "server_cpu_s": round(cpu1 - cpu0, 1),
        "client_cpu_s": round(sum(p["cpu_s"] for p in parts), 1),
        "machine_cpu_busy_pct": round(100 * (mt1[0] - mt0[0]) / max(1, mt1[1] - mt0[1]), 1),
        "load_before": load_before, "load_after": [round(x, 2) for x in os.getloadavg()],
        "reconnects": sum(w["reconnects"] for w in per.values()),
        "unused_work": {k: sum(w["unused"][k] for w in per.values()) for k in ("meeting_pairs", "connection_pairs", "door_codes")},
    })

    # --- did every answered write land, once? (the database, read through sqlite3 / psql) -------
    ok = lambda k: sum(n for s, n in kinds[k]["status"].items() if s.startswith("2"))
    acc = ",".join(str(i) for i in ids)
    got = {
        "checked_in": sql_one(backend, db, f"SELECT count(*) FROM registrations WHERE event_id = {E} AND checked_in_at > 0"),
        "meeting_requests": sql_one(backend, db, f"SELECT count(*) FROM meeting_requests WHERE event_id = {E}"),
        "meetings_accepted": sql_one(backend, db, f"SELECT count(*) FROM meeting_requests WHERE event_id = {E} AND status = 'accepted'"),
        "meetings_declined": sql_one(backend, db, f"SELECT count(*) FROM meeting_requests WHERE event_id = {E} AND status = 'declined'"),
        "registered_at_drinks": sql_one(backend, db, f"SELECT count(*) FROM registrations WHERE event_id = {D} AND status = 'registered'"),
        "connection_rows_between_accounts": sql_one(backend, db, f"SELECT count(*) FROM connections WHERE from_member IN ({acc}) "
                                                     f"AND to_member IN ({acc}) AND status IN ('pending', 'accepted')"),
    }
    want = {
        "checked_in": ok("checkin"), "meeting_requests": ok("meeting_request"),
        "meetings_accepted": ok("meeting_accept"), "meetings_declined": ok("meeting_decline"),
        "registered_at_drinks": sum(w["registered_at_end"] for w in per.values()),
        "connection_rows_between_accounts": len(connected) + ok("connection_request"),
    }
    result["rows_check"] = {k: {"got": got[k], "expected": want[k]} for k in got}
    result["rows_ok"] = all(got[k] == want[k] for k in got)
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    if sys.argv[1] == "table":
        table(sys.argv[2:])
    else:
        run(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5], int(sys.argv[6]))
