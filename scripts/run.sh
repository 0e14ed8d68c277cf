#!/usr/bin/env bash
# Command 1: install dependencies, build, load the demo network into a SQLite
# file and serve it on http://localhost:8080 (Ctrl-C stops it).
#   PORT=8080 DB=./data/verbinder.db scripts/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
[ -f package-lock.json ] && { [ -d node_modules ] || npm ci --no-audit --no-fund --loglevel=error; }
[ -x scripts/build-web.sh ] && scripts/build-web.sh
scripts/build.sh
DB=${DB:-./data/verbinder.db}
PORT=${PORT:-8080}
./build/src/app/verbinder demo --db "$DB" --replace
echo
echo "  verbinder demo: http://localhost:$PORT/"
echo "  log in as the network leader: leider@verbinder.demo / verbinder-demo"
echo "  (members: anja.kamphuis@noaberzorg.demo, pieter.lammerink@tpo-almelo.demo; admin: admin@verbinder.demo; same password)"
echo
exec ./build/src/app/verbinder serve --db "$DB" --host 127.0.0.1 --port "$PORT"
