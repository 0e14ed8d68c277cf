#!/usr/bin/env bash
# Installs every Debian package verbinder needs to build, run and test.
# Idempotent: skips apt-get entirely when everything is already present.
set -euo pipefail
PKGS=(
  build-essential cmake ninja-build pkg-config git
  librestinio-dev libboost-dev libboost-system-dev libfmt-dev libhttp-parser-dev
  libsoci-dev libsoci-sqlite3-4.0 libsoci-postgresql4.0 libsqlite3-dev libpq-dev sqlite3
  nlohmann-json3-dev libcli11-dev libspdlog-dev libsodium-dev libical-dev
  libcjose-dev libjansson-dev
  libcurl4-openssl-dev libssl-dev libicu-dev libcmark-gfm-dev libcmark-gfm-extensions-dev libstemmer-dev
  liblemon-dev
  wordnet-base dict-freedict-nld-eng dict-freedict-eng-nld zlib1g-dev   # suggestions' lexical layer (src/matching/lexicon.h)
  libgtest-dev libgmock-dev libbenchmark-dev
  postgresql postgresql-client
  coinor-cbc python3 python3-pulp python3-networkx python3-numpy python3-igraph python3-icalendar python3-aiosmtpd python3-dkim
  curl wrk chromium
  clang-format clang-tidy   # scripts/lint.sh (.clang-format, .clang-tidy)
  systemd   # systemd-analyze verify for the package test (tests/package_test.sh)
)
# Benchmarks only (bench/*/run.sh): the peers we measure against, and wrk/hyperfine.
if [ "${1:-}" = "--bench" ]; then PKGS+=(python3-igraph python3-graph-tool hyperfine linux-perf); fi
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "deps: installing ${missing[*]}" >&2
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
