#!/usr/bin/env bash
# Door check-in and encounters at a 2,000-person congress (issue #14), through
# the HTTP API on SQLite:
#   1. the organizer registers ATTENDEES members for a congress that starts
#      within the hour (so encounter claims are open: 2 h before the start);
#   2. SCANNERS concurrent door scanners (leader sessions) check everyone in
#      with POST /events/{id}/checkin {"code"}: p50/p95/p99/max (target p99 <
#      20 ms), check-ins per second, errors by status, and the rows written
#      (presence is not a tie: 0 ledger rows, one registrations row each);
#   3. at the borrel, CLAIMANTS members each claim 2 others by connect code
#      (8 clients); half of the claims are then made real by the other side
#      (half of those by POST /encounters/{id}/confirm, half by claiming back):
#      p50/p99 of claim and confirm, errors, and the ledger rows (= confirmed
#      pairs only).
#
#   bench/events/checkin.sh [VERBINDER]   (default: build-events/src/app/verbinder)
#   ATTENDEES=2000 CLAIMANTS=1000 SCANNERS=8 CLIENTS=8 BENCH_OUT=/tmp/verbinder-checkin-bench
#
# Needs sqlite3, curl and /usr/bin/python3 (standard library only). Loopback
# only; the server is killed on exit. Prints one JSON object (also written to
# $OUT/result.json); exits 1 when a request failed or a row count is off.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
VERBINDER="${1:-$ROOT/build-events/src/app/verbinder}"
OUT="${BENCH_OUT:-/tmp/verbinder-checkin-bench}"
ATTENDEES="${ATTENDEES:-2000}"
CLAIMANTS="${CLAIMANTS:-1000}"
SCANNERS="${SCANNERS:-8}"
CLIENTS="${CLIENTS:-8}"
[ "$CLAIMANTS" -le "$ATTENDEES" ] || { echo "CLAIMANTS must not exceed ATTENDEES" >&2; exit 2; }
rm -rf "$OUT"
mkdir -p "$OUT"
DB="$OUT/bench.db"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)" >&2

"$VERBINDER" generate --members $((ATTENDEES * 3 / 2 + 600)) --seed 14 --db "$DB" > "$OUT/generate.log"
printf 'bench-password-123\n' > "$OUT/password"
sqlite3 "$DB" "SELECT email FROM members ORDER BY id LIMIT 1" > "$OUT/leader.txt"
"$VERBINDER" account create --email "$(cat "$OUT/leader.txt")" --role organizer --password-file "$OUT/password" --db "$DB" > /dev/null
# Accounts only for the members who claim at the borrel (visible profiles);
# the other attendees are registered by the organizer and only walk through the door.
sqlite3 "$DB" "SELECT email FROM members WHERE visibility = 'members' ORDER BY id LIMIT $CLAIMANTS OFFSET 1" > "$OUT/members.txt"
t0=$SECONDS
# One CLI call per account (each hashes the password with Argon2id); two at a time.
xargs -P 2 -I{} "$VERBINDER" account create --email {} --role member --password-file "$OUT/password" --db "$DB" \
  < "$OUT/members.txt" > /dev/null
echo "created $(wc -l < "$OUT/members.txt") member accounts in $((SECONDS - t0)) s" >&2

PORT="$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
"$VERBINDER" serve --db "$DB" --host 127.0.0.1 --port "$PORT" > "$OUT/serve.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$PORT/healthz" > /dev/null && break; sleep 0.1; done

status=0
/usr/bin/time -f 'load client: %e s wall, %U s user, %S s sys' \
  /usr/bin/python3 "$ROOT/bench/events/checkin.py" "http://127.0.0.1:$PORT" "$DB" "$OUT" "$ATTENDEES" "$SCANNERS" \
  "$CLIENTS" "$SERVER" | tee "$OUT/result.json" || status=$?
awk -v hz="$(getconf CLK_TCK)" '{printf "server CPU: %.2f s user, %.2f s sys\n", $14 / hz, $15 / hz}' "/proc/$SERVER/stat" >&2
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
grep -ci "database is locked\|error" "$OUT/serve.log" | sed 's/^/serve.log lines with error or database is locked: /' >&2 || true
exit $status
