#!/usr/bin/env bash
# The events benchmark of issue #4, through the HTTP API on SQLite:
#   1. a congress of 2,000 registered attendees (generated network), a round of
#      12 slots x 100 tables: whom-to-meet suggestions for everyone plus the full
#      auto-schedule (target < 10 s);
#   2. the personal schedule API under concurrent load: p50/p99 (target p99 < 20 ms),
#      on the schedules the run produced (visible at once; the result shows how
#      many participants got a meeting and how many of the 40 measured did);
#   3. 500 concurrent registrations for the last 10 seats: exactly 10 registered,
#      490 waitlisted, no error (also asserted; exit 1 otherwise).
#
#   bench/events/run.sh [BUILD_DIR]      (default: build-events)
#
# Needs the `verbinder` target built in BUILD_DIR, sqlite3 and /usr/bin/python3.
# Prints one JSON object (and writes it to $OUT/result.json).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
BUILD="${1:-$ROOT/build-events}"
OUT="${BENCH_OUT:-/tmp/verbinder-events-bench}"
VERBINDER="$BUILD/src/app/verbinder"
ATTENDEES="${ATTENDEES:-2000}"
rm -rf "$OUT"
mkdir -p "$OUT"
DB="$OUT/bench.db"

"$VERBINDER" generate --members $((ATTENDEES * 3 / 2 + 600)) --seed 4 --db "$DB" > "$OUT/generate.log"
printf 'bench-password-123\n' > "$OUT/password"
sqlite3 "$DB" "SELECT email FROM members ORDER BY id LIMIT 1" > "$OUT/leader.txt"
"$VERBINDER" account create --email "$(cat "$OUT/leader.txt")" --role organizer --password-file "$OUT/password" --db "$DB" > /dev/null
# 40 attendees who log in (visible, consenting) for the suggestions and the personal-schedule load.
sqlite3 "$DB" "SELECT email FROM members WHERE visibility = 'members' AND consent_matchmaking = 1 ORDER BY id LIMIT 40 OFFSET 1" > "$OUT/members.txt"
while read -r email; do
  "$VERBINDER" account create --email "$email" --role member --password-file "$OUT/password" --db "$DB" > /dev/null
done < "$OUT/members.txt"

PORT="$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
"$VERBINDER" serve --db "$DB" --host 127.0.0.1 --port "$PORT" 2> "$OUT/serve.log" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$PORT/healthz" > /dev/null && break; sleep 0.1; done

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
status=0
/usr/bin/time -f 'load client: %e s wall, %U s user, %S s sys' \
  /usr/bin/python3 "$ROOT/bench/events/load.py" "http://127.0.0.1:$PORT" "$DB" "$OUT" "$ATTENDEES" | tee "$OUT/result.json" || status=$?
# CPU time of the server over the whole run (all phases), next to the wall times above.
awk -v hz="$(getconf CLK_TCK)" '{printf "server CPU: %.2f s user, %.2f s sys\n", $14 / hz, $15 / hz}' "/proc/$SERVER/stat" >&2
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
exit $status
