#!/usr/bin/env bash
# Platform benchmarks (issue 2): generate, import, and the API under wrk on a
# generated SQLite database. Prints the figures docs/performance.md keeps.
# Run from anywhere after scripts/build.sh:
#   bench/platform/run.sh [MEMBERS] [INTERACTIONS]      (default 100000 1000000)
#   GEN_DB=/path/gen.db bench/platform/run.sh           (API part only, on a copy of that database)
# Times are printed as wall and CPU (user + sys): on a shared, loaded machine the
# CPU time is the better estimate of the wall time on a quiet one.
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=${VERBINDER_BINARY:-$PWD/build/src/app/verbinder}
N=${1:-100000}
M=${2:-$((N * 10))}
DUR=${DUR:-10s}
W=$(mktemp -d /tmp/verbinder-bench.XXXXXX)
SERVER=
cleanup() { [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null; rm -rf "$W"; }
trap cleanup EXIT

echo "== load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ -n "${GEN_DB:-}" ]; then  # reuse a generated database (copied): API part only
  echo "== using a copy of $GEN_DB"
  cp "$GEN_DB" "$W/gen.db"
  # An earlier run may have left the bench admin's account in it: start over.
  sqlite3 "$W/gen.db" "DELETE FROM sessions WHERE member_id = 1; DELETE FROM accounts WHERE member_id = 1"
else
echo "== generate $N members / $M interactions into a fresh SQLite file"
/usr/bin/time -f "   wall %e s, CPU user %U s + sys %S s, peak RSS %M KB" "$BIN" generate --members "$N" --interactions "$M" --seed 1 --db "$W/gen.db"

echo "== import members: $N CSV rows into a fresh SQLite file"
/usr/bin/python3 - "$N" > "$W/members.csv" <<'PY'
import sys, random
n = int(sys.argv[1]); r = random.Random(7)
sectors = ["care", "industry", "government", "education", "finance"]
tags = ["lean", "roostering", "wachtlijsten", "inkoop", "digitalisering", "energie", "stages", "logistiek"]
print("name,email,organization,title,sector,languages,expertise_tags,expertise_text,challenges,hosts_visits")
for i in range(n):
    print(f"Lid {i},lid{i}@bench.example,Organisatie {i % 2000},Adviseur,{r.choice(sectors)},nl;en,"
          f"{r.choice(tags)};{r.choice(tags)},Ik help met {r.choice(tags)} en {r.choice(tags)},"
          f"Personeelsverloop|Doorlooptijd,{'ja' if i % 7 == 0 else 'nee'}")
PY
/usr/bin/time -f "   wall %e s, CPU user %U s + sys %S s, peak RSS %M KB" "$BIN" import members "$W/members.csv" --db "$W/import.db"
fi
echo "== load average: $(cut -d' ' -f1-3 /proc/loadavg)"

echo "== API on the generated database: wrk, 2 threads, 64 connections, $DUR per endpoint, side by side"
ADMIN_EMAIL=$(sqlite3 "$W/gen.db" "SELECT email FROM members WHERE id = 1")
echo "benchmark-password-1" | "$BIN" account create --email "$ADMIN_EMAIL" --role admin --db "$W/gen.db" >/dev/null
sqlite3 "$W/gen.db" "SELECT term FROM member_terms WHERE term NOT LIKE '%:%' AND length(term) > 4 ORDER BY member_id % 997, term LIMIT 200" > "$W/words.txt"
PORT=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$BIN" serve --db "$W/gen.db" --port "$PORT" --threads 2 > "$W/serve.log" 2>&1 &
SERVER=$!
for _ in $(seq 200); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.1; done
COOKIE=$(curl -s -D - -o /dev/null -H 'Content-Type: application/json' \
  -d "{\"email\": \"$ADMIN_EMAIL\", \"password\": \"benchmark-password-1\"}" "http://127.0.0.1:$PORT/api/v1/auth/login" |
  tr -d '\r' | sed -n 's/^[Ss]et-[Cc]ookie: \(vb_session=[0-9a-f]*\).*/\1/p')
[ -n "$COOKIE" ] || { echo "login failed"; exit 1; }
cat > "$W/member.lua" <<LUA
math.randomseed(42)
wrk.headers["Cookie"] = "$COOKIE"
request = function() return wrk.format("GET", "/api/v1/members/" .. math.random(1, $N)) end
LUA
# Percent-encoded: wrk sends the path as given, and a raw non-ASCII byte in a
# query string is not a valid URL (the server answers 400 "malformed query string").
{ echo "words = {"; /usr/bin/python3 -c 'import sys, urllib.parse
for w in sys.stdin: print("\"%s\"," % urllib.parse.quote(w.strip(), safe=""))' < "$W/words.txt"; echo "}"; } > "$W/search.lua"
cat >> "$W/search.lua" <<LUA
math.randomseed(42)
wrk.headers["Cookie"] = "$COOKIE"
request = function() return wrk.format("GET", "/api/v1/members?limit=20&q=" .. words[math.random(#words)]) end
LUA
summary() {  # requests/s and latency percentiles from wrk --latency output
  awk '/Requests\/sec/ {rps=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2} /Non-2xx/ {bad=$NF}
       END {printf "   %-34s %10s req/s   p50 %8s   p99 %8s   non-2xx %s\n", label, rps, p50, p99, (bad==""?0:bad)}' label="$1"
}
wrk -t2 -c64 -d"$DUR" --latency "http://127.0.0.1:$PORT/healthz" | summary "GET /healthz"
# Twice: the first run starts with an empty profile cache (domain/member_cache.h)
# and fills it; the second is the steady state of a running server.
wrk -t2 -c64 -d"$DUR" --latency -s "$W/member.lua" "http://127.0.0.1:$PORT" | summary "GET /api/v1/members/{id} (cold)"
wrk -t2 -c64 -d"$DUR" --latency -s "$W/member.lua" "http://127.0.0.1:$PORT" | summary "GET /api/v1/members/{id}"
wrk -t2 -c64 -d"$DUR" --latency -s "$W/search.lua" "http://127.0.0.1:$PORT" | summary "GET /api/v1/members?q=word"
wrk -t2 -c8 -d"$DUR" --latency -s "$W/search.lua" "http://127.0.0.1:$PORT" | summary "GET /api/v1/members?q=word (8 conn)"
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== server memory after the runs: $(grep -E 'VmHWM|VmRSS' /proc/$SERVER/status | tr -s ' \n' ' ')"
echo "== profile cache: $(curl -s "http://127.0.0.1:$PORT/metrics" | grep '^verbinder_profile_cache' | tr '\n' ' ')"
