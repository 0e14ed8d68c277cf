#!/usr/bin/env bash
# Throw-away PostgreSQL 15 cluster for tests, on loopback, in a temp directory.
#   eval "$(scripts/pg-cluster.sh start)"   # sets PGCLUSTER_DIR and VERBINDER_TEST_PG_URL
#   scripts/pg-cluster.sh stop "$PGCLUSTER_DIR"
set -euo pipefail
BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
case "${1:-}" in
  start)
    dir=$(mktemp -d /tmp/verbinder-pg.XXXXXX)
    chmod 755 "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$dir"
    # A free port on loopback.
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null \
           || /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    as_pg "$BIN/initdb" -D "$dir/data" -U verbinder --auth=trust --locale=C.UTF-8 --encoding=UTF8 >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    as_pg "$BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
      -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir -c fsync=off -c max_connections=200" start >/dev/null \
      || { cat "$dir/server.log" >&2; exit 1; }
    as_pg "$BIN/createdb" -h 127.0.0.1 -p "$port" -U verbinder verbinder_test
    echo "export PGCLUSTER_DIR=$dir"
    echo "export VERBINDER_TEST_PG_URL=postgresql://verbinder@127.0.0.1:$port/verbinder_test"
    ;;
  stop)
    dir=${2:?usage: pg-cluster.sh stop DIR}
    [ -d "$dir/data" ] && as_pg "$BIN/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
  *) echo "usage: $0 start | stop DIR" >&2; exit 2 ;;
esac
