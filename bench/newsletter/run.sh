#!/usr/bin/env bash
# The newsletter benchmark (issue 7), on SQLite:
#   1. compose the month's personal issue for 100,000 subscribers — every one a
#      member, so every message has a personal part (target < 30 s):
#      `verbinder newsletter compose --month M` (builds every message in memory);
#   2. deliver it to a local SMTP sink with `verbinder newsletter send`
#      (target >= 500 messages/s), against
#        a. bench/newsletter/smtp_bench's fast C++ sink (thread per connection),
#        b. optionally Debian's aiosmtpd (SINK=aiosmtpd; Python — itself slow);
#   3. the sink alone: smtp_bench blast sends N copies of a newsletter-sized
#      message through the same libcurl transport, without database or composing;
#   4. with DKIM signing on (2048-bit RSA): compose again (DKIM=1, default on).
#
#   bench/newsletter/run.sh [BUILD_DIR]          (default: build-newsletter)
#   SUBSCRIBERS=20000 bench/newsletter/run.sh    (smaller)
#   GEN_DB=/path/gen.db bench/newsletter/run.sh  (reuse a generated network, copied)
#
# Prints wall and CPU time (user + sys) per step and the load average: on a
# shared machine the CPU time is the better estimate of a quiet machine's wall time.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
BUILD="${1:-$ROOT/build-newsletter}"
[ "${BUILD#/}" = "$BUILD" ] && BUILD="$ROOT/$BUILD"
BIN="$BUILD/src/app/verbinder"
SMTP_BENCH="$BUILD/bench/newsletter/smtp_bench"
N="${SUBSCRIBERS:-100000}"
W="${BENCH_OUT:-$(mktemp -d /tmp/verbinder-nlbench.XXXXXX)}"
mkdir -p "$W"
DB="$W/bench.db"
SINK_PID=
cleanup() {
  if [ -n "$SINK_PID" ]; then kill "$SINK_PID" 2> /dev/null || true; fi
  if [ -z "${KEEP:-}" ]; then rm -rf "$W"; fi
}
trap cleanup EXIT
TIME=(/usr/bin/time -f "   wall %e s, CPU user %U s + sys %S s, peak RSS %M KB")
load() { echo "   load average: $(cut -d' ' -f1-3 /proc/loadavg)"; }
free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

echo "== newsletter benchmark: $N subscribers, build $BUILD"
load
if [ -n "${GEN_DB:-}" ]; then
  cp "$GEN_DB" "$DB"
else
  echo "== generate $N members / $((N * 3)) interactions"
  "${TIME[@]}" "$BIN" generate --members "$N" --interactions $((N * 3)) --seed 7 --db "$DB" > /dev/null
fi

MONTH="$(TZ=Europe/Amsterdam date +%Y-%m)"
TODAY="$(TZ=Europe/Amsterdam date +%Y-%m-%d)"
NOW="$(date +%s)"
"$BIN" newsletter config --db "$DB" --from-email nieuws@netwerk.example --from-name "Netwerk Twente" \
  --base-url https://netwerk.example > /dev/null
for i in 1 2 3 4 5; do
  printf '# Artikel %s\n\nOver **lean**, roosters en de wijkzorg. Een alinea tekst die iets langer is dan een regel.\n' "$i" \
    | "$BIN" newsletter articles add --db "$DB" --title "Kennisartikel $i" --summary "Samenvatting van artikel $i" \
      --file - --tags "lean,zorg" --publish --published-on "$TODAY" > /dev/null
done
# Every member subscribes (a fifth in English); an upcoming congress with 5,000 registrations.
sqlite3 "$DB" <<SQL
DELETE FROM subscribers;
INSERT INTO subscribers (email, member_id, language, status, created_at, confirmed_at)
  SELECT email, id, CASE WHEN id % 5 = 0 THEN 'en' ELSE 'nl' END, 'confirmed', $NOW, $NOW FROM members ORDER BY id LIMIT $N;
INSERT INTO events (title, kind, description, starts_at, ends_at, location, capacity, price_cents, created_at)
  VALUES ('Congres Zorg & Industrie', 'congress', '', $NOW + 20 * 86400, $NOW + 20 * 86400 + 28800, 'Enschede', 6000, 0, $NOW);
INSERT INTO events (title, kind, description, starts_at, ends_at, location, capacity, price_cents, created_at)
  VALUES ('Inspiratiesessie Slim Plannen', 'inspiration_session', '', $NOW + 30 * 86400, $NOW + 30 * 86400 + 7200, 'Hengelo', 80, 0, $NOW);
INSERT INTO registrations (event_id, member_id, status, created_at)
  SELECT (SELECT max(id) - 1 FROM events), id, 'registered', $NOW FROM members ORDER BY id LIMIT 5000;
-- The network's questions (the personal part's "Questions you could answer"): every 20th member
-- has asked one, routed to five members (spread by a fixed rule: routing itself is not measured
-- here) with a reason in both languages; every fifth question was answered by its first routed member.
INSERT INTO questions (asker_id, title, text, sector, created_at, updated_at)
  SELECT id, 'Vraag van lid ' || id || ': hoe plannen we onze roosters?', '', sector, $NOW - id, $NOW - id
  FROM members WHERE id % 20 = 0 AND id <= $N;
WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM k WHERE n < 5)
INSERT OR IGNORE INTO question_routes (question_id, member_id, position, score_milli, reason_en, reason_nl)
  SELECT q.id, ((q.asker_id * 7 + k.n * 7919) % $N) + 1, k.n, 1000 - k.n,
         'Expertise that fits the question: scheduling.', 'Expertise die past bij de vraag: roosteren.'
  FROM questions q, k WHERE ((q.asker_id * 7 + k.n * 7919) % $N) + 1 <> q.asker_id;
INSERT INTO question_answers (question_id, author_id, text, created_at)
  SELECT r.question_id, r.member_id, 'Kom eens kijken.', $NOW FROM question_routes r
  WHERE r.position = 1 AND r.question_id % 5 = 0;
SQL
echo "   questions: $(sqlite3 "$DB" "SELECT count(*) FROM questions"), routes: $(sqlite3 "$DB" "SELECT count(*) FROM question_routes")"
echo "   subscribers: $(sqlite3 "$DB" "SELECT count(*) FROM subscribers WHERE status = 'confirmed'"), month $MONTH"

echo "== 1. compose $N personal issues (target < 30 s)"
load
"${TIME[@]}" "$BIN" newsletter compose --db "$DB" --month "$MONTH"
echo "   and on one thread:"
"${TIME[@]}" "$BIN" newsletter compose --db "$DB" --month "$MONTH" --threads 1
load

if [ "${DKIM:-1}" = 1 ]; then
  echo "== 1b. compose again with DKIM signing (RSA-SHA256, 2048 bit)"
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$W/dkim.pem" 2> /dev/null
  "$BIN" settings set mail.dkim_selector bench --db "$DB" > /dev/null
  "$BIN" settings set mail.dkim_key_file "$W/dkim.pem" --db "$DB" > /dev/null
  "${TIME[@]}" "$BIN" newsletter compose --db "$DB" --month "$MONTH"
  "$BIN" settings unset mail.dkim_key_file --db "$DB" > /dev/null
  "$BIN" settings unset mail.dkim_selector --db "$DB" > /dev/null
  load
fi

start_sink() {  # $1 = fast | aiosmtpd
  PORT="$(free_port)"
  rm -f "$W/sink.in"; mkfifo "$W/sink.in"
  if [ "$1" = fast ]; then
    "$SMTP_BENCH" sink "$PORT" < "$W/sink.in" > "$W/sink.out" &
  else
    mkdir -p "$W/aiosmtpd"
    /usr/bin/python3 "$ROOT/src/mail/testdata/smtp_sink.py" "$PORT" "$W/aiosmtpd" < "$W/sink.in" > "$W/sink.out" &
  fi
  SINK_PID=$!
  exec 7> "$W/sink.in"
  for _ in $(seq 1 100); do grep -q READY "$W/sink.out" 2> /dev/null && break; sleep 0.1; done
}
stop_sink() { exec 7>&-; wait "$SINK_PID" 2> /dev/null || true; SINK_PID=; }

BLAST="${BLAST:-20000}"
echo "== 3. the fast sink alone: $BLAST messages through the same libcurl transport, no database"
start_sink fast
load
"${TIME[@]}" "$SMTP_BENCH" blast "$PORT" "$BLAST"
stop_sink
cat "$W/sink.out" | tail -1

echo "== 2. send $N messages to the fast sink (target >= 500 messages/s)"
start_sink fast
load
T0=$(date +%s.%N)
"${TIME[@]}" "$BIN" newsletter send --db "$DB" --month "$MONTH" --smtp "smtp://127.0.0.1:$PORT" --starttls off
T1=$(date +%s.%N)
load
stop_sink
tail -1 "$W/sink.out"
echo "   $(/usr/bin/python3 -c "print(f'{$N / ($T1 - $T0):.0f} messages/s over {$T1 - $T0:.1f} s wall')")"

if [ "${SINK:-}" = aiosmtpd ]; then
  AIO_N="${AIO_N:-20000}"
  echo "== 2b. aiosmtpd (Debian python3-aiosmtpd, stores every message as a file) alone: $AIO_N messages"
  start_sink aiosmtpd
  "${TIME[@]}" "$SMTP_BENCH" blast "$PORT" "$AIO_N"
  stop_sink
  rm -rf "$W/aiosmtpd"
  echo "== 2c. send the issue again (its log reset) to $AIO_N subscribers through aiosmtpd"
  sqlite3 "$DB" "DELETE FROM newsletter_issues; UPDATE subscribers SET status = 'pending' WHERE id NOT IN (SELECT id FROM subscribers ORDER BY id LIMIT $AIO_N);"
  start_sink aiosmtpd
  T0=$(date +%s.%N)
  "${TIME[@]}" "$BIN" newsletter send --db "$DB" --month "$MONTH" --smtp "smtp://127.0.0.1:$PORT" --starttls off
  T1=$(date +%s.%N)
  stop_sink
  echo "   $(ls "$W/aiosmtpd" | grep -c '\.eml$') messages stored; $(/usr/bin/python3 -c "print(f'{$AIO_N / ($T1 - $T0):.0f} messages/s over {$T1 - $T0:.1f} s wall')")"
fi
echo "== done; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
