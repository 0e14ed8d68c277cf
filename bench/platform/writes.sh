#!/usr/bin/env bash
# Writes under concurrency (issue #16): CLIENTS (64) concurrent clients doing a write mix for
# DURATION (30) seconds against `verbinder serve --threads 8` on SQLite (WAL, the default) and
# then on PostgreSQL 15 (a throw-away cluster on loopback, scripts/pg-cluster.sh), side by side:
# throughput, p50/p99 per kind and overall, errors by status (a 503 "database is busy" is an
# error), 409s counted apart, and a check that every answered write is in the database.
# The mix and the client: bench/platform/writes.py (standard library only).
#
#   bench/platform/writes.sh [VERBINDER]        (default: build/src/app/verbinder)
#   BACKENDS="sqlite postgres" RUNS=1 CLIENTS=64 PROCS=4 DURATION=30 THREADS=8 MEMBERS=10000
#   RATE=N: open loop, N requests/s over all clients at Poisson times (a congress evening: phones
#   send when their user acts); unset: closed loop, no think time (the server at saturation)
#   ACCOUNTS=200 POOL=6000 OUT=/tmp/verbinder-writes-bench
#
# Per backend: `verbinder generate --members MEMBERS --seed 16`, an organizer and ACCOUNTS member
# accounts (`verbinder account create`, two at a time), one server, then RUNS runs of the client
# (each with its own two events). Loopback only; servers and the cluster are stopped on exit.
# Prints the load average before and after each run (the machine is shared), each run's JSON
# (OUT/BACKEND-runN.json) and the comparison table. Exits 1 when a run had an error or a row
# count that does not match the answers.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
BIN="${1:-${VERBINDER_BINARY:-$ROOT/build/src/app/verbinder}}"
BACKENDS="${BACKENDS:-sqlite postgres}"
RUNS="${RUNS:-1}"
THREADS="${THREADS:-8}"
MEMBERS="${MEMBERS:-10000}"
ACCOUNTS="${ACCOUNTS:-200}"
POOL="${POOL:-6000}"
OUT="${OUT:-/tmp/verbinder-writes-bench}"
export CLIENTS="${CLIENTS:-64}" PROCS="${PROCS:-4}" DURATION="${DURATION:-30}" RATE="${RATE:-}"
PY=/usr/bin/python3
rm -rf "$OUT"
mkdir -p "$OUT"
SERVER=
PGDIR=
cleanup() {
  if [ -n "$SERVER" ]; then kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; fi
  if [ -n "$PGDIR" ]; then "$ROOT/scripts/pg-cluster.sh" stop "$PGDIR" || true; fi
}
trap cleanup EXIT
load() { cut -d' ' -f1-3 /proc/loadavg; }
echo "== load average at start: $(load); $(nproc) cores; binary $BIN" >&2
printf 'bench-password-123\n' > "$OUT/password"
status=0
results=()

for backend in $BACKENDS; do
  W="$OUT/$backend"
  mkdir -p "$W"
  if [ "$backend" = sqlite ]; then
    DB="$W/bench.db"
    q() { sqlite3 "$DB" "$1"; }
  else
    eval "$("$ROOT/scripts/pg-cluster.sh" start)"
    PGDIR="$PGCLUSTER_DIR"
    DB="$VERBINDER_TEST_PG_URL"
    q() { psql "$DB" -Atc "$1"; }
  fi
  echo "== $backend: generate $MEMBERS members ($(load))" >&2
  "$BIN" generate --members "$MEMBERS" --seed 16 --db "$DB" > "$W/generate.log"
  q "SELECT email FROM members WHERE visibility = 'members' ORDER BY id LIMIT 1" > "$W/organizer.txt"
  "$BIN" account create --email "$(cat "$W/organizer.txt")" --role organizer --password-file "$OUT/password" --db "$DB" > /dev/null
  # Accounts: visible members (everyone may see them, so no request is refused for visibility).
  q "SELECT id, email FROM members WHERE visibility = 'members' ORDER BY id LIMIT $ACCOUNTS OFFSET 1" > "$W/accounts.txt"
  q "SELECT id FROM members WHERE visibility = 'members' ORDER BY id LIMIT $POOL OFFSET $((ACCOUNTS + 1))" > "$W/pool.txt"
  t0=$SECONDS
  cut -d'|' -f2 "$W/accounts.txt" | xargs -P 2 -I{} "$BIN" account create --email {} --role member \
    --password-file "$OUT/password" --db "$DB" > /dev/null
  echo "   $(wc -l < "$W/accounts.txt") member accounts in $((SECONDS - t0)) s" >&2
  cp "$OUT/password" "$W/password"
  PORT="$($PY -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  "$BIN" serve --db "$DB" --host 127.0.0.1 --port "$PORT" --threads "$THREADS" > "$W/serve.log" 2>&1 &
  SERVER=$!
  for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$PORT/healthz" > /dev/null && break; sleep 0.1; done
  curl -sf "http://127.0.0.1:$PORT/healthz" > /dev/null || { echo "server did not start" >&2; cat "$W/serve.log" >&2; exit 1; }
  ids=$(cut -d'|' -f1 "$W/accounts.txt" | paste -sd,)
  for run in $(seq 1 "$RUNS"); do
    q "SELECT from_member, to_member FROM connections WHERE status IN ('pending', 'accepted') AND from_member IN ($ids) AND to_member IN ($ids)" > "$W/connected.txt"
    echo "== $backend run $run: $CLIENTS clients for $DURATION s, serve --threads $THREADS; load average before: $(load)" >&2
    rc=0
    RUN=$run $PY "$ROOT/bench/platform/writes.py" run "http://127.0.0.1:$PORT" "$W" "$backend" "$DB" "$SERVER" \
      > "$OUT/$backend-run$run.json" || rc=$?
    echo "   load average after: $(load)" >&2
    [ $rc -eq 0 ] || { echo "   the client failed (exit $rc)" >&2; status=1; continue; }
    results+=("$OUT/$backend-run$run.json")
    $PY - "$OUT/$backend-run$run.json" >&2 <<'PY' || status=1
import json, sys
r = json.load(open(sys.argv[1]))
o = r["overall"]
print(f"   {o['n']} requests, {r['requests_per_s']} req/s, p50 {o['p50_ms']} ms, p99 {o['p99_ms']} ms, max {o['max_ms']} ms; "
      f"errors {r['errors_by_status'] or 0}, 409s {r['conflicts_409']['total']}; rows check {'ok' if r['rows_ok'] else 'MISMATCH'}; "
      f"server CPU {r['server_cpu_s']} s, client CPU {r['client_cpu_s']} s, machine busy {r['machine_cpu_busy_pct']} %")
if r["no_work_fallthrough"]:  # a kind had no work left (empty inbox, door codes used up): the next kind ran
    print(f"   no work for a picked kind (the next one ran instead): {r['no_work_fallthrough']}")
for k, v in r["non_2xx_samples"].items():
    print(f"   sample {k}: {v[0]}")
sys.exit(0 if r["errors_total"] == 0 and r["rows_ok"] else 1)
PY
  done
  # RssFile: the database file's pages, counted once per pooled connection's memory map.
  echo "   server memory: $(grep -E 'VmHWM|RssAnon|RssFile' "/proc/$SERVER/status" | tr -s ' \t\n' ' ')" >&2
  kill "$SERVER"; wait "$SERVER" 2>/dev/null || true
  SERVER=
  echo "   serve.log: $(grep -ci 'error\|warn\|locked\|busy' "$W/serve.log" || true) lines with error/warn/locked/busy" >&2
  grep -i 'error\|warn\|locked\|busy' "$W/serve.log" | head -5 >&2 || true
  if [ -n "$PGDIR" ]; then "$ROOT/scripts/pg-cluster.sh" stop "$PGDIR"; PGDIR=; fi
done

echo "== load average at the end: $(load)" >&2
[ ${#results[@]} -gt 0 ] && $PY "$ROOT/bench/platform/writes.py" table "${results[@]}"
exit $status
