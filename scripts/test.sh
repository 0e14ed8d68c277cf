#!/usr/bin/env bash
# Command 2: install dependencies, build, and run every test — unit, SQLite
# integration, PostgreSQL integration (a throw-away PostgreSQL 15 cluster on
# loopback, removed afterwards), engine oracles, OpenAPI lint, web tests.
#   scripts/test.sh            # everything
#   CTEST_ARGS="-L unit" scripts/test.sh
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
if [ -f package-lock.json ]; then npm ci --no-audit --no-fund --loglevel=error; fi
[ -x scripts/build-web.sh ] && scripts/build-web.sh
scripts/build.sh
scripts/lint.sh   # clang-format on every C++ file, clang-tidy on the .cpp files of the last commit
eval "$(scripts/pg-cluster.sh start)"
trap 'scripts/pg-cluster.sh stop "$PGCLUSTER_DIR"' EXIT
export VERBINDER_TEST_PG_URL
ctest --test-dir build --output-on-failure -j 2 ${CTEST_ARGS:-}
