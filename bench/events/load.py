#!/usr/bin/python3
"""The events benchmark's load client (see run.sh). Standard library only.

load.py BASE DB OUT ATTENDEES → prints a JSON object with the figures.
"""
import http.client, json, os, sqlite3, sys, threading, time, urllib.parse

BASE, DB, OUT, N = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
URL = urllib.parse.urlparse(BASE)
PASSWORD = open(os.path.join(OUT, "password")).read().strip()


class Session:
    def __init__(self, email=None, bearer=None):
        self.conn = http.client.HTTPConnection(URL.hostname, URL.port, timeout=600)
        self.headers = {"Content-Type": "application/json", "Accept": "application/json"}
        if bearer:
            self.headers["Authorization"] = "Bearer " + bearer
        if email:
            status, body, hdrs = self.call("POST", "/api/v1/auth/login", {"email": email, "password": PASSWORD}, raw=True)
            assert status == 200, (status, body)
            cookies = [h[1].split(";")[0] for h in hdrs if h[0].lower() == "set-cookie"]
            self.headers["Cookie"] = "; ".join(cookies)
            self.headers["X-CSRF-Token"] = json.loads(body)["csrf_token"]
            self.member_id = json.loads(body)["member_id"]

    def fresh(self):
        """A new connection (the server closes idle keep-alive connections)."""
        self.conn.close()
        self.conn = http.client.HTTPConnection(URL.hostname, URL.port, timeout=600)

    def call(self, method, path, data=None, raw=False):
        body = json.dumps(data) if data is not None else None
        self.conn.request(method, path, body=body, headers=self.headers)
        r = self.conn.getresponse()
        text = r.read().decode()
        if raw:
            return r.status, text, r.getheaders()
        if r.status >= 300:
            raise RuntimeError(f"{method} {path}: {r.status} {text}")
        return json.loads(text) if text else None


def pct(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


result = {"attendees": N, "cores": os.cpu_count(), "load_before": os.getloadavg()}
leader_email = open(os.path.join(OUT, "leader.txt")).read().strip()
leader = Session(leader_email)
token = leader.call("POST", "/api/v1/auth/tokens", {"name": "bench"})["token"]
conn = sqlite3.connect(DB)
# Members the organizer may see (hidden profiles cannot be registered by others).
ids = [r[0] for r in conn.execute("SELECT id FROM members WHERE visibility <> 'hidden' ORDER BY id")][1:]
emails = [e.strip() for e in open(os.path.join(OUT, "members.txt")) if e.strip()]
with_account = [conn.execute("SELECT id FROM members WHERE email = ?", (e,)).fetchone()[0] for e in emails]
attendees = with_account + [i for i in ids if i not in set(with_account)][:N - len(with_account)]
rest = [i for i in ids if i not in set(attendees)]
late = rest[:500]                 # 500 others for the last-seats race
assert len(attendees) == N and len(late) == 500, (len(attendees), len(late))

day = 24 * 3600
start = int(time.time()) + 30 * day
ev = leader.call("POST", "/api/v1/events", {"title": "Congres benchmark", "kind": "congress", "starts_at": start,
                                            "ends_at": start + 10 * 3600, "capacity": 0})
base = f"/api/v1/events/{ev['id']}"

# Registration of the congress (setup, 8 concurrent clients).
t0 = time.perf_counter()
def register(chunk):
    s = Session(bearer=token)
    for m in chunk:
        s.call("POST", base + "/registrations", {"member_id": m})
threads = [threading.Thread(target=register, args=(attendees[i::8],)) for i in range(8)]
for t in threads: t.start()
for t in threads: t.join()
result["register_2000_s"] = round(time.perf_counter() - t0, 3)

slots = [{"starts_at": start + 3600 + i * 1200, "ends_at": start + 3600 + i * 1200 + 900} for i in range(12)]
rnd = leader.call("POST", base + "/rounds", {"title": "Netwerkrondes", "tables": 100, "max_meetings": 6, "slots": slots})

# 1. Suggestions for everyone (one engine run for all attendees, then cached), then the full auto-schedule.
members = [Session(e.strip()) for e in open(os.path.join(OUT, "members.txt")) if e.strip()]
for m in members:
    m.fresh()
leader.fresh()
t0 = time.perf_counter()
first = members[0].call("GET", base + "/suggestions?limit=10")
t_first = time.perf_counter() - t0
t1 = time.perf_counter()
for m in members[1:]:
    m.call("GET", base + "/suggestions?limit=10")
t_rest = (time.perf_counter() - t1) / max(1, len(members) - 1)
leader.fresh()
t2 = time.perf_counter()
run = leader.call("POST", f"/api/v1/rounds/{rnd['id']}/schedule")
t_schedule = time.perf_counter() - t2
result["suggestions_all_first_request_s"] = round(t_first, 3)
result["suggestions_cached_per_member_ms"] = round(t_rest * 1000, 2)
result["auto_schedule_s"] = round(t_schedule, 3)
result["suggestions_plus_schedule_s"] = round(t_first + t_schedule, 3)
result["schedule_run"] = {k: run[k] for k in ("participants", "added", "kept")}
# How the meetings are spread: the schedule is visible to attendees as soon as
# the organizer's run returns (there is no separate publish step), so these are
# the schedules the personal-schedule load below reads.
live = "SELECT a AS m FROM meetings WHERE round_id = ? AND status = 'scheduled' UNION ALL " \
       "SELECT b FROM meetings WHERE round_id = ? AND status = 'scheduled'"
per = dict(conn.execute(f"SELECT m, count(*) FROM ({live}) GROUP BY m", (rnd["id"], rnd["id"])).fetchall())
hist = {}
for c in per.values():
    hist[c] = hist.get(c, 0) + 1
result["spread"] = {"participants_with_a_meeting": len(per), "participants": run["participants"],
                    "meetings_per_participant": {str(k): hist[k] for k in sorted(hist)},
                    "participants_without": run["participants"] - len(per)}
result["first_suggestions"] = len(first["items"])
print(json.dumps(result), file=sys.stderr, flush=True)

# 2. Personal schedule API under load: 8 client threads, each cycling over the logged-in members.
lat = []
lock = threading.Lock()
def hammer(sessions, n):
    local = []
    for i in range(n):
        s = sessions[i % len(sessions)]
        t = time.perf_counter()
        s.call("GET", base + "/schedule")
        local.append((time.perf_counter() - t) * 1000)
    with lock:
        lat.extend(local)
groups = [[Session(e.strip()) for e in open(os.path.join(OUT, "members.txt")) if e.strip()][i::8] for i in range(8)]
for g in groups:  # fresh connections, warm up
    for x in g:
        x.fresh()
    g[0].call("GET", base + "/schedule")
t0 = time.perf_counter()
threads = [threading.Thread(target=hammer, args=(g, 250)) for g in groups]
for t in threads: t.start()
for t in threads: t.join()
wall = time.perf_counter() - t0
for m in members:
    m.fresh()
sizes = [len(m.call("GET", base + "/schedule")["items"]) for m in members]  # all 40 measured members
result["schedule_api"] = {"requests": len(lat), "clients": 8, "p50_ms": round(pct(lat, 50), 2),
                          "p99_ms": round(pct(lat, 99), 2), "max_ms": round(max(lat), 2),
                          "throughput_rps": round(len(lat) / wall, 1), "meetings_per_schedule": sizes,
                          "schedules_with_meetings": sum(1 for x in sizes if x > 0)}

# 3. 500 concurrent registrations for the last 10 seats.
leader.fresh()
small = leader.call("POST", "/api/v1/events", {"title": "Laatste plaatsen", "kind": "network_drinks", "starts_at": start,
                                               "ends_at": start + 3 * 3600, "capacity": 10})
spath = f"/api/v1/events/{small['id']}/registrations"
outcome = {"registered": 0, "waitlisted": 0, "errors": 0}
barrier = threading.Barrier(50)
def race(chunk):
    s = Session(bearer=token)
    s.call("GET", "/api/v1/events/" + str(small["id"]))  # connect first
    barrier.wait()
    for m in chunk:
        try:
            st = s.call("POST", spath, {"member_id": m})["status"]
        except Exception:
            st = "errors"
        with lock:
            outcome[st] += 1
t0 = time.perf_counter()
threads = [threading.Thread(target=race, args=(late[i::50],)) for i in range(50)]
for t in threads: t.start()
for t in threads: t.join()
outcome["seconds"] = round(time.perf_counter() - t0, 3)
leader.fresh()
check = leader.call("GET", "/api/v1/events/" + str(small["id"]))
outcome["event_registered"] = check["registered"]
outcome["event_waitlisted"] = check["waitlisted"]
result["last_10_seats"] = outcome
result["load_after"] = os.getloadavg()
print(json.dumps(result, indent=1))
ok = outcome["registered"] == 10 and outcome["waitlisted"] == 490 and outcome["errors"] == 0 and check["registered"] == 10
sys.exit(0 if ok else 1)
